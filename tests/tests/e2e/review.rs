//! Review with the keyboard alone: three titles a merchant translated are approved, rejected with
//! a comment and approved (with an undo on the way) by keys only; then an import that changes
//! one English title shows that field stale, its approval withdrawn, with the English diff.

use std::path::Path;

use crate::driver::*;
use crate::listing::import_through_the_dialog;
use anyhow::{Result, bail};
use thirtyfour::components::SelectElement;
use thirtyfour::prelude::*;

const TITLES: [(&str, &str); 3] = [
    ("rainier-cherries", "美国华盛顿州雷尼尔车厘子"),
    ("bing-cherries", "美国华盛顿州宾莹樱桃"),
    ("cherry-gift-box", "美国车厘子礼盒装"),
];

async fn state_is(driver: &WebDriver, handle: &str, state: &str) -> Result<()> {
    wait_for(
        driver,
        &format!(
            "[data-testid=review-item][data-handle={handle}][data-field=title][data-state={state}]"
        ),
    )
    .await?;
    Ok(())
}

async fn current_is(driver: &WebDriver, handle: &str) -> Result<()> {
    wait_for(
        driver,
        &format!("[data-testid=review-current][data-handle={handle}][data-field=title]"),
    )
    .await?;
    Ok(())
}

pub(crate) async fn review_with_the_keyboard(driver: &WebDriver, home: &Path) -> Result<()> {
    // The merchant's part: three titles typed in the editor (a person's save: `translated`).
    click(driver, "[data-testid=load-sample]").await?;
    for (handle, zh) in TITLES {
        click(
            driver,
            &format!("[data-testid=product-row][data-handle={handle}]"),
        )
        .await?;
        let title = wait_for(driver, "[data-testid=title-zh]").await?;
        set_value(&title, zh).await?;
        wait_for(driver, "[data-testid=saved-state][data-state=saved]").await?;
    }

    // The translator's name, from Settings, goes with every state change.
    click(driver, "[data-testid=settings-open]").await?;
    set_value(
        &wait_for(driver, "[data-testid=reviewer-name]").await?,
        "Li Wei",
    )
    .await?;
    click(driver, "[data-testid=reviewer-save]:not(:disabled)").await?;
    wait_for(driver, "[data-testid=reviewer-form] [role=status]").await?;
    click(driver, "[data-testid=settings-close]").await?;

    // The translator's part, keys only once the screen is open.
    click(driver, "[data-testid=view-review]").await?;
    wait_for(driver, "[data-testid=review-progress][data-total='3']").await?;
    let rows = driver
        .find_all(By::Css("[data-testid=review-item]"))
        .await?;
    let mut order = Vec::new();
    for row in &rows {
        order.push(row.attr("data-handle").await?.unwrap_or_default());
    }
    if order.len() != 3 {
        bail!("the queue should hold the three translated titles, not {order:?}");
    }
    for handle in &order {
        state_is(driver, handle, "translated").await?;
    }
    driver
        .execute(
            "document.activeElement && document.activeElement.blur()",
            vec![],
        )
        .await?;
    current_is(driver, &order[0]).await?;

    // Ctrl+Enter approves and moves on.
    keys(driver, &[Key::Control], Key::Enter).await?;
    state_is(driver, &order[0], "approved").await?;
    current_is(driver, &order[1]).await?;

    // Ctrl+Shift+Enter asks for the comment; Enter rejects with it.
    keys(driver, &[Key::Control, Key::Shift], Key::Enter).await?;
    let comment = wait_for(driver, "[data-testid=review-comment-input]").await?;
    comment.send_keys("宾莹是车厘子，不要写樱桃").await?;
    comment.send_keys(Key::Enter).await?;
    state_is(driver, &order[1], "rejected").await?;
    let thread = wait_for(driver, "[data-testid=review-thread]").await?;
    wait_text(&thread, "宾莹是车厘子").await?;
    wait_text(&thread, "Li Wei").await?;

    // J goes down; Ctrl+Enter approves; Ctrl+Z takes it back; Ctrl+Enter again.
    driver
        .execute(
            "document.activeElement && document.activeElement.blur()",
            vec![],
        )
        .await?;
    keys(driver, &[], "j").await?;
    current_is(driver, &order[2]).await?;
    keys(driver, &[Key::Control], Key::Enter).await?;
    state_is(driver, &order[2], "approved").await?;
    keys(driver, &[Key::Control], "z").await?;
    state_is(driver, &order[2], "translated").await?;
    current_is(driver, &order[2]).await?;
    keys(driver, &[Key::Control], Key::Enter).await?;
    state_is(driver, &order[2], "approved").await?;
    wait_for(
        driver,
        "[data-testid=review-progress][data-approved='2'][data-total='3']",
    )
    .await?;
    // K goes back up to the rejected one, with its thread.
    keys(driver, &[], "k").await?;
    current_is(driver, &order[1]).await?;
    screenshot(driver, "51-review-queue").await?;
    help(driver, "52-review-help", "ui-keys-review").await?;

    // The English of an approved title changes in an import: stale, back to translated, diff.
    let approved = &order[0];
    let csv = copy_sample(home)?;
    let (old_en, new_en) = retitle(&csv, approved)?;
    import_through_the_dialog(driver, &csv, "8").await?;
    click(driver, "[data-testid=view-review]").await?;
    wait_for(
        driver,
        &format!("[data-testid=review-item][data-handle={approved}][data-field=title][data-stale=true][data-state=translated]"),
    )
    .await?;
    for handle in &order[1..] {
        wait_for(
            driver,
            &format!("[data-testid=review-item][data-handle={handle}][data-stale=false]"),
        )
        .await?;
    }
    click(driver, "[data-testid=review-filter-stale]").await?;
    current_is(driver, approved).await?;
    let diff = wait_for(driver, "[data-testid=review-diff]").await?;
    let shown = diff.text().await?;
    if !shown.contains("Hand-Picked") || !shown.contains(old_en.split(',').next().unwrap_or("")) {
        bail!("the diff should show `{old_en}` → `{new_en}`, it shows `{shown}`");
    }
    screenshot(driver, "53-review-stale").await?;

    // The same screen in Chinese.
    click(driver, "[data-testid=lang-switch][data-lang=en]").await?;
    wait_for(driver, "[data-testid=lang-switch][data-lang=zh-CN]").await?;
    wait_for(driver, "[data-testid=review-diff]").await?;
    screenshot(driver, "54-review-stale-zh").await?;
    click(driver, "[data-testid=review-filter-stale]").await?;
    wait_for(
        driver,
        &format!("[data-testid=review-item][data-handle={}]", order[1]),
    )
    .await?;
    screenshot(driver, "55-review-queue-zh").await?;
    help(driver, "56-review-help-zh", "ui-keys-review").await?;

    // The product list: a dot per field, and the rejected product first when it needs attention.
    click(driver, "[data-testid=view-products]").await?;
    SelectElement::new(&wait_for(driver, "[data-testid=list-order]").await?)
        .await?
        .select_by_value("attention")
        .await?;
    let first = format!(
        "[data-testid=product-row][data-index='0'][data-handle={}] [data-state=rejected]",
        order[1]
    );
    wait_for(driver, &first).await?;
    wait_for(
        driver,
        &format!(
            "[data-testid=product-row][data-index='1'][data-handle={approved}] [data-stale=true]"
        ),
    )
    .await?;
    screenshot(driver, "57-list-attention-zh").await?;
    click(driver, "[data-testid=lang-switch][data-lang=zh-CN]").await?;
    wait_for(driver, "[data-testid=lang-switch][data-lang=en]").await?;
    wait_for(driver, &first).await?;
    screenshot(driver, "58-list-attention").await?;
    Ok(())
}

/// The sample catalog and its photos, copied to `home/sample/`; the CSV's path.
fn copy_sample(home: &Path) -> Result<std::path::PathBuf> {
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("../assets/sample");
    let to = home.join("sample");
    std::fs::create_dir_all(to.join("images"))?;
    for entry in std::fs::read_dir(from.join("images"))? {
        let entry = entry?;
        std::fs::copy(entry.path(), to.join("images").join(entry.file_name()))?;
    }
    let csv = to.join("catalog.csv");
    std::fs::copy(from.join("catalog.csv"), &csv)?;
    Ok(csv)
}

/// Adds " Hand-Picked" to the English title of `handle` in the CSV: its old and new title.
fn retitle(csv: &Path, handle: &str) -> Result<(String, String)> {
    let text = std::fs::read_to_string(csv)?;
    let old = match handle {
        "rainier-cherries" => "Rainier Cherries, Fresh from Washington",
        "bing-cherries" => "Bing Sweet Cherries",
        "cherry-gift-box" => "Cherry Gift Box, Bing and Rainier",
        other => bail!("no title known for {other}"),
    };
    let new = format!("{old} Hand-Picked");
    if !text.contains(old) {
        bail!("the sample has no title `{old}`");
    }
    std::fs::write(csv, text.replacen(old, &new, 1))?;
    Ok((old.to_owned(), new))
}
