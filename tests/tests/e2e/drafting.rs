//! Drafting on the sample: a draft with its sources, a translation-memory suggestion taken with
//! Alt+1, an imperial unit fixed in one click (and undone with Ctrl+Z), the option values, draft
//! all empty fields, the drafting settings and a machine draft from a stub server on loopback,
//! and the bundle that comes out.

use std::io::Read;
use std::path::Path;

use crate::driver::*;
use crate::listing::import_through_the_dialog;
use anyhow::{Context, Result, bail};
use kuajing_mt::stub::Stub;
use thirtyfour::prelude::*;

/// Clicks `css` once shown, scrolled to the middle of the view first: the page is taller than
/// the window, and a notice may cover its bottom edge.
async fn click_centred(driver: &WebDriver, css: &str) -> Result<()> {
    let element = wait_for(driver, css).await?;
    driver
        .execute(
            "arguments[0].scrollIntoView({block: 'center'})",
            vec![element.to_json()?],
        )
        .await?;
    element.click().await?;
    Ok(())
}

/// What Ctrl+Z does in a text box: WebKit's `undo` editing command. Asked for directly, because
/// the Ctrl+Z that WebKitWebDriver synthesises does not reach WebKitGTK's key bindings (typed
/// text is not undone by it either), while a person's key press does.
async fn undo(driver: &WebDriver) -> Result<()> {
    let done = driver
        .execute("return document.execCommand('undo')", vec![])
        .await?;
    if done.json() != &serde_json::Value::Bool(true) {
        bail!("nothing to undo: {:?}", done.json());
    }
    Ok(())
}

/// A screenshot with WebDriver's pointer resting on the brand mark, away from the buttons.
/// Best effort: behind an open dialog the brand cannot be reached, and that is fine.
async fn shot(driver: &WebDriver, name: &str) -> Result<()> {
    let brand = wait_for(driver, ".brand").await?;
    let _ = driver
        .action_chain()
        .move_to_element_center(&brand)
        .perform()
        .await;
    screenshot(driver, name).await
}

/// What the stub machine-draft server answers.
const MACHINE_TITLE: &str = "美国华盛顿州宾莹车厘子 新鲜采摘";

pub(crate) async fn draft_suggest_fix_and_export(driver: &WebDriver, home: &Path) -> Result<()> {
    click(driver, "[data-testid=load-sample]").await?;
    wait_for(driver, "[data-testid=title-zh]").await?;
    click(
        driver,
        "[data-testid=product-row][data-handle=rainier-cherries].open, [data-testid=product-row][data-handle=rainier-cherries]",
    )
    .await?;
    let title = wait_for(driver, "[data-testid=title-zh]").await?;
    // The keyboard help: ? outside a text box.
    help(driver, "39-shortcuts", "ui-keys-editor").await?;
    // Draft: the title fills with Chinese naming the origin, and says where each part came from.
    click(driver, "[data-testid=draft-title]:not(:disabled)").await?;
    let drafted = wait_value(&title, "a draft with 美国", |v| v.contains("美国")).await?;
    let sources = wait_for(
        driver,
        "[data-field=title] [data-testid=draft-sources] [data-testid=draft-source][data-kind=glossary]",
    )
    .await?;
    wait_text(&sources, "→").await?;
    wait_for(
        driver,
        "[data-field=title] [data-testid=draft-source][data-kind=template]",
    )
    .await?;
    // Not saved by the draft itself: by the autosave, as typing is.
    wait_for(driver, "[data-testid=saved-state][data-state=saved]").await?;
    // The gloss under it reads the glossary's terms back.
    wait_for(
        driver,
        "[data-field=title] [data-testid=gloss-row] [data-testid=gloss-token][data-source=glossary]",
    )
    .await?;
    click_centred(driver, "[data-testid=draft-selling_points]:not(:disabled)").await?;
    wait_value(
        &wait_for(driver, "[data-testid=selling-points-zh]").await?,
        "drafted selling points",
        |v| v.contains('\n'),
    )
    .await?;
    wait_for(
        driver,
        "[data-field=selling_points] [data-testid=draft-sources]",
    )
    .await?;
    wait_for(driver, "[data-testid=saved-state][data-state=saved]").await?;
    click_centred(driver, "[data-testid=title-zh]").await?;
    shot(driver, "41-draft-with-sources").await?;

    // A second product with the same English but Oregon: the title saved above comes back as a
    // fuzzy match with its score and difference; Alt+1 takes it.
    let csv = home.join("oregon.csv");
    std::fs::write(
        &csv,
        "Handle,Title,Body (HTML),Vendor,Variant SKU,Variant Price\n\
         rainier-cherries-oregon,\"Rainier Cherries, Fresh from Oregon\",<p>Golden Rainier cherries from the Hood River valley.</p>,Cascade Ridge Orchards,CRO-OR-2,39.00\n",
    )?;
    import_through_the_dialog(driver, &csv, "1").await?;
    click(
        driver,
        "[data-testid=product-row][data-handle=rainier-cherries-oregon]",
    )
    .await?;
    let title = wait_for(driver, "[data-testid=title-zh]").await?;
    title.click().await?;
    let matched = wait_for(driver, "[data-testid=suggestions] [data-testid=tm-match]").await?;
    let score: u32 = matched
        .attr("data-score")
        .await?
        .unwrap_or_default()
        .parse()
        .context("the match shows its score")?;
    if !(70..100).contains(&score) {
        bail!("Oregon against Washington is a fuzzy match, not {score}");
    }
    wait_for(driver, "[data-testid=tm-match] ins").await?;
    wait_for(driver, "[data-testid=tm-match] del").await?;
    wait_for(
        driver,
        "[data-testid=suggestions] [data-testid=term-hit][data-present=false]",
    )
    .await?;
    shot(driver, "42-suggestions").await?;
    title.click().await?;
    keys(driver, &[Key::Alt], "1").await?;
    wait_value(&title, "the remembered title", |v| v == drafted).await?;
    wait_for(driver, "[data-testid=saved-state][data-state=saved]").await?;

    // An imperial unit: its finding's fix writes it in grams, Ctrl+Z takes it back.
    set_value(&title, "俄勒冈州雷尼尔车厘子 16 oz").await?;
    let fix = "[data-testid=finding][data-code=imperial-unit] [data-testid=fix][data-kind=to-metric]:not(:disabled)";
    wait_text(&wait_for(driver, fix).await?, "454克").await?;
    shot(driver, "43-imperial-fix").await?;
    click_centred(driver, fix).await?;
    wait_value(&title, "454克 in place of 16 oz", |v| {
        v.contains("454克") && !v.contains("oz")
    })
    .await?;
    undo(driver).await?;
    wait_value(&title, "16 oz again after an undo", |v| v.contains("16 oz")).await?;
    click_centred(driver, fix).await?;
    wait_value(&title, "454克 again", |v| {
        v == "俄勒冈州雷尼尔车厘子 454克"
    })
    .await?;
    wait_gone(driver, "[data-testid=finding][data-code=imperial-unit]").await?;
    wait_for(driver, "[data-testid=saved-state][data-state=saved]").await?;
    // The gloss reads 454克 back in both systems; focus shows a word's reading and senses.
    let gloss = "[data-field=title] [data-testid=gloss-row]";
    wait_content(
        &wait_for(
            driver,
            &format!("{gloss} [data-testid=gloss-token][data-source=quantity]"),
        )
        .await?,
        "454 g = ",
    )
    .await?;
    let word = wait_for(
        driver,
        &format!("{gloss} [data-testid=gloss-token][data-source=glossary]"),
    )
    .await?;
    driver
        .execute("arguments[0].focus()", vec![word.to_json()?])
        .await?;
    shot(driver, "44-gloss").await?;

    // The option values, in Chinese once for the catalog; Enter saves one.
    click(driver, "[data-testid=view-options]").await?;
    let row = "[data-testid=option-row][data-value='8 oz']";
    let input = wait_for(driver, &format!("{row} [data-testid=option-zh]")).await?;
    set_value(&input, "227克装").await?;
    input.send_keys(Key::Enter).await?;
    wait_for(driver, &format!("{row} [data-testid=option-saved]")).await?;
    wait_text(
        &wait_for(driver, &format!("{row} [data-testid=option-source]")).await?,
        "Yours",
    )
    .await?;
    shot(driver, "45-options").await?;

    // Every empty field of every product, with progress and a summary.
    click(driver, "[data-testid=draft-all-open]").await?;
    click(driver, "[data-testid=draft-all-scope-all]").await?;
    click(driver, "[data-testid=draft-all-start]:not(:disabled)").await?;
    let summary = wait_for(driver, "[data-testid=draft-all-summary]").await?;
    let drafted_fields: u32 = summary
        .attr("data-drafted")
        .await?
        .unwrap_or_default()
        .parse()?;
    if drafted_fields < 10 {
        bail!("only {drafted_fields} fields drafted across nine products");
    }
    wait_for(
        driver,
        "[data-testid=draft-all-progress][data-state=done][data-done='9'][data-total='9']",
    )
    .await?;
    shot(driver, "46-draft-all-summary").await?;
    click(driver, "[data-testid=draft-all-close]").await?;
    wait_gone(driver, "[data-testid=draft-all-summary]").await?;

    click(driver, "[data-testid=view-glossary]").await?;
    wait_for(
        driver,
        "[data-testid=glossary-row][data-en='Rainier Cherries']",
    )
    .await?;
    shot(driver, "47-glossary").await?;

    // Settings: the TM threshold, and a machine-draft endpoint (a stub server on loopback).
    let stub = Stub::completing(MACHINE_TITLE)?;
    let endpoint = stub.endpoint.clone();
    click(driver, "[data-testid=settings-open]").await?;
    save_rate(driver, "7.2").await?;
    set_value(&wait_for(driver, "[data-testid=tm-threshold]").await?, "75").await?;
    click(driver, "[data-testid=tm-threshold-save]:not(:disabled)").await?;
    wait_for(driver, "[data-testid=tm-threshold-form] [role=status]").await?;
    wait_for(driver, "[data-testid=mt-state][data-on=false]").await?;
    set_value(
        &wait_for(driver, "[data-testid=mt-endpoint]").await?,
        &endpoint,
    )
    .await?;
    set_value(
        &wait_for(driver, "[data-testid=mt-model]").await?,
        "stub-model",
    )
    .await?;
    click_centred(driver, "[data-testid=mt-save]:not(:disabled)").await?;
    wait_for(driver, "[data-testid=mt-state][data-on=true]").await?;
    shot(driver, "40-settings-drafting").await?;
    click(driver, "[data-testid=settings-close]").await?;
    if stub.answered() != 0 {
        bail!("saving the settings contacted the machine-draft endpoint");
    }

    // Machine draft: only this button asks the endpoint; its answer is checked and shown
    // with its source, and saved by the autosave.
    click(driver, "[data-testid=view-products]").await?;
    click(
        driver,
        "[data-testid=product-row][data-handle=bing-cherries]",
    )
    .await?;
    let title = wait_for(driver, "[data-testid=title-zh]").await?;
    click(driver, "[data-testid=draft-mt-title]:not(:disabled)").await?;
    wait_value(&title, "the machine's title", |v| v == MACHINE_TITLE).await?;
    wait_for(
        driver,
        "[data-field=title] [data-testid=draft-source][data-kind=mt]",
    )
    .await?;
    wait_for(driver, "[data-testid=saved-state][data-state=saved]").await?;
    if stub.answered() != 1 {
        bail!("one machine draft should ask the endpoint once");
    }
    shot(driver, "40-machine-draft").await?;
    click(driver, "[data-testid=export-open]").await?;
    let out = home.join("drafted.zip");
    set_value(
        &wait_for(driver, "[data-testid=export-path]").await?,
        &out.display().to_string(),
    )
    .await?;
    click(driver, "[data-testid=export-run]:not(:disabled)").await?;
    wait_text(
        &wait_for(driver, "[data-testid=export-result]").await?,
        "drafted.zip",
    )
    .await?;
    let mut zip =
        zip::ZipArchive::new(std::fs::File::open(&out).context("the bundle was written")?)?;
    let mut sheet = String::new();
    zip.by_name("listing.csv")?.read_to_string(&mut sheet)?;
    for want in [
        drafted.as_str(),
        "俄勒冈州雷尼尔车厘子 454克",
        MACHINE_TITLE,
    ] {
        if !sheet.contains(want) {
            bail!("the sheet lacks `{want}`: {sheet}");
        }
    }
    if sheet.contains("16 oz") {
        bail!("the imperial unit reached the sheet: {sheet}");
    }
    press(driver, Key::Escape).await?;
    wait_gone(driver, "[data-testid=export-result]").await?;

    // The same page in Chinese.
    click(driver, "[data-testid=lang-switch][data-lang=en]").await?;
    wait_for(driver, "[data-testid=lang-switch][data-lang=zh-CN]").await?;
    click(
        driver,
        "[data-testid=product-row][data-handle=bing-cherries]",
    )
    .await?;
    wait_text(
        &wait_for(driver, "[data-testid=draft-title]").await?,
        "起草",
    )
    .await?;
    wait_for(driver, "[data-testid=suggestions] [data-testid=term-hit]").await?;
    shot(driver, "48-product-zh").await?;
    click_centred(driver, "[data-testid=description-zh]").await?;
    wait_for(
        driver,
        "[data-field=description] [data-testid=gloss-row] [data-testid=gloss-token]",
    )
    .await?;
    shot(driver, "49-description-zh").await?;
    help(driver, "50-shortcuts-zh", "ui-keys-editor").await?;
    Ok(())
}
