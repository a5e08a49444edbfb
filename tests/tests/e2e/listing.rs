//! Import, edit, fix a banned term and export; a long list that comes by pages.

use std::io::Read;
use std::path::Path;

use crate::driver::*;
use anyhow::{Context, Result, bail};
use thirtyfour::prelude::*;

/// The merchant's whole first session: import, write copy, fix a banned term, export.
pub(crate) async fn import_edit_fix_and_export(driver: &WebDriver, home: &Path) -> Result<()> {
    wait_for(driver, "[data-testid=load-sample]").await?;
    screenshot(driver, "01-empty-catalog").await?;

    click(driver, "[data-testid=import-open]").await?;
    let fixture = workspace().join("tests/fixtures/shopify/home-and-garden.csv");
    set_value(
        &wait_for(driver, "[data-testid=import-path]").await?,
        &fixture.display().to_string(),
    )
    .await?;
    click(driver, "[data-testid=import-preview]:not(:disabled)").await?;
    let summary = wait_for(driver, "[data-testid=import-summary]").await?;
    wait_text(&summary, "20").await?;
    screenshot(driver, "02-import-preview").await?;
    click(driver, "[data-testid=import-apply]:not(:disabled)").await?;
    click(driver, "[data-testid=import-done]").await?;

    let row = wait_for(
        driver,
        "[data-testid=product-row][data-handle=clay-plant-pot]",
    )
    .await?;
    row.click().await?;
    let title = wait_for(driver, "[data-testid=title-zh]").await?;
    title.click().await?;
    title.send_keys("最好的陶土花盆").await?;
    wait_for(driver, "[data-testid=finding][data-code=banned-term]").await?;
    let units = wait_for(driver, "[data-testid=units]").await?;
    wait_text(&units, "14").await?;
    screenshot(driver, "03-banned-term").await?;

    set_value(&title, "经典陶土花盆 两种尺寸").await?;
    wait_gone(driver, "[data-testid=finding][data-code=banned-term]").await?;
    wait_text(&units, "21").await?;
    // By its state, not its words: "Not saved" contains "saved" too.
    wait_for(driver, "[data-testid=saved-state][data-state=saved]").await?;
    screenshot(driver, "04-fixed-and-saved").await?;

    set_rate(driver, "7.2").await?;

    click(driver, "[data-testid=export-open]").await?;
    let out = home.join("bundle.zip");
    set_value(
        &wait_for(driver, "[data-testid=export-path]").await?,
        &out.display().to_string(),
    )
    .await?;
    click(driver, "[data-testid=export-run]:not(:disabled)").await?;
    let result = wait_for(driver, "[data-testid=export-result]").await?;
    wait_text(&result, "bundle.zip").await?;
    screenshot(driver, "05-exported").await?;

    let mut zip =
        zip::ZipArchive::new(std::fs::File::open(&out).context("the bundle was written")?)?;
    let mut sheet = String::new();
    zip.by_name("listing.csv")?.read_to_string(&mut sheet)?;
    if !sheet.contains("经典陶土花盆 两种尺寸") || !sheet.contains("71.93") {
        bail!("the sheet lacks the fixed title or the CNY price: {sheet}");
    }
    if sheet.contains("最好") {
        bail!("the banned term reached the sheet: {sheet}");
    }
    for name in ["report.txt", "manifest.json"] {
        zip.by_name(name)
            .with_context(|| format!("{name} in the bundle"))?;
    }
    press(driver, Key::Escape).await?;
    wait_gone(driver, "[data-testid=export-result]").await?;

    // The whole window switches to Chinese, and the finding messages with it.
    click(driver, "[data-testid=lang-switch][data-lang=en]").await?;
    wait_for(driver, "[data-testid=lang-switch][data-lang=zh-CN]").await?;
    wait_text(
        &wait_for(driver, "[data-testid=import-open]").await?,
        "导入",
    )
    .await?;
    set_value(
        &wait_for(driver, "[data-testid=title-zh]").await?,
        "最好的陶土花盆",
    )
    .await?;
    let finding = wait_for(driver, "[data-testid=finding][data-code=banned-term]").await?;
    wait_text(&finding, "广告法").await?;
    screenshot(driver, "06-chinese-ui").await?;
    Ok(())
}

/// Imports `path` through the import dialog: preview, apply, done.
pub(crate) async fn import_through_the_dialog(
    driver: &WebDriver,
    path: &Path,
    products: &str,
) -> Result<()> {
    click(driver, "[data-testid=import-open]").await?;
    set_value(
        &wait_for(driver, "[data-testid=import-path]").await?,
        &path.display().to_string(),
    )
    .await?;
    click(driver, "[data-testid=import-preview]:not(:disabled)").await?;
    wait_text(
        &wait_for(driver, "[data-testid=import-summary]").await?,
        products,
    )
    .await?;
    click(driver, "[data-testid=import-apply]:not(:disabled)").await?;
    click(driver, "[data-testid=import-done]").await
}

/// A list longer than a page: the count says all of them, only the rows near the view are drawn,
/// End fetches and selects the last one, a search starts again from its first page.
pub(crate) async fn a_long_list_comes_by_pages(driver: &WebDriver, home: &Path) -> Result<()> {
    let csv = home.join("orchard.csv");
    let mut text = String::from("Handle,Title,Vendor,Variant SKU,Variant Price\n");
    for i in 0..250 {
        text.push_str(&format!("item-{i:03},Item {i},Orchard,SKU-{i},9.99\n"));
    }
    std::fs::write(&csv, text)?;
    wait_for(driver, "[data-testid=load-sample]").await?;
    import_through_the_dialog(driver, &csv, "250").await?;

    wait_text(
        &wait_for(driver, "[data-testid=product-count]").await?,
        "250",
    )
    .await?;
    wait_for(driver, "[data-testid=product-row][data-handle=item-000]").await?;
    let drawn = driver
        .find_all(By::Css("[data-testid=product-row]"))
        .await?
        .len();
    if drawn >= 100 {
        bail!("{drawn} rows drawn for a list of 250: only those near the view should be");
    }
    screenshot(driver, "31-long-list").await?;

    driver
        .execute("document.getElementById('product-list').focus()", vec![])
        .await?;
    press(driver, Key::End).await?;
    wait_for(
        driver,
        "[data-testid=product-row][data-handle=item-249].selected",
    )
    .await?;
    screenshot(driver, "32-long-list-end").await?;
    press(driver, Key::Up).await?;
    wait_for(
        driver,
        "[data-testid=product-row][data-handle=item-248].selected",
    )
    .await?;
    press(driver, Key::Enter).await?;
    wait_for(
        driver,
        "[data-testid=product-row][data-handle=item-248].open",
    )
    .await?;
    driver
        .execute("document.getElementById('product-list').focus()", vec![])
        .await?;
    press(driver, Key::Home).await?;
    wait_for(
        driver,
        "[data-testid=product-row][data-handle=item-000].selected",
    )
    .await?;

    // "Item 24" and "Item 240" to "Item 249".
    set_value(&wait_for(driver, "[data-testid=search]").await?, "Item 24").await?;
    wait_text(
        &wait_for(driver, "[data-testid=product-count]").await?,
        "11",
    )
    .await?;
    wait_for(
        driver,
        "[data-testid=product-row][data-handle=item-024].selected",
    )
    .await?;
    screenshot(driver, "33-long-list-search").await?;

    // Bulk edit: Ctrl+A in the list picks all 11 matching, one change sets their origin, and
    // the toast's Undo puts it back.
    driver
        .execute("document.getElementById('product-list').focus()", vec![])
        .await?;
    keys(driver, &[Key::Control], "a").await?;
    wait_text(
        &wait_for(driver, "[data-testid=bulk-count]").await?,
        "11 picked",
    )
    .await?;
    click(driver, "[data-testid=bulk-edit]").await?;
    set_value(
        &wait_for(driver, "[data-testid=bulk-origin]").await?,
        "加拿大",
    )
    .await?;
    screenshot(driver, "34-bulk-edit").await?;
    click(driver, "[data-testid=bulk-apply]").await?;
    wait_gone(driver, "[data-testid=bulk-dialog][open]").await?;
    click(driver, "[data-testid=product-row][data-handle=item-240]").await?;
    let origin = wait_for(driver, "[data-testid=field-origin]").await?;
    wait_value(&origin, "加拿大", |v| v == "加拿大").await?;
    screenshot(driver, "35-bulk-done").await?;
    click(driver, "[data-testid=toast-action]").await?;
    // The open page shows the undone value once it reloads.
    let origin = wait_for(driver, "[data-testid=field-origin]").await?;
    wait_value(&origin, "美国", |v| v == "美国").await?;
    Ok(())
}
