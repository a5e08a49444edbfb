//! Rendering the sample for Taobao and comparing an image with its source.

use crate::driver::*;
use anyhow::{Result, bail};
use thirtyfour::components::SelectElement;
use thirtyfour::prelude::*;

/// The sample catalog rendered for Taobao: the batch's progress and summary, a finding on the
/// product page, the compare view; then the same screens in Chinese.
pub(crate) async fn render_the_sample_for_taobao_and_compare(driver: &WebDriver) -> Result<()> {
    click(driver, "[data-testid=load-sample]").await?;
    wait_for(driver, "[data-testid=product-row]").await?;

    start_render(driver, "taobao").await?;
    wait_for(
        driver,
        "[data-testid=render-progress][data-state=done][data-done='12'][data-total='12']",
    )
    .await?;
    let counts = wait_for(driver, "[data-testid=render-counts]").await?;
    // Twelve photos: five slots for the first of each product, fewer for the rest.
    wait_text(&counts, "12 / 12 photos").await?;
    let text = counts.text().await?;
    if !text.contains("0 failed") || !text.contains("0 from cache") {
        bail!("a fresh catalog renders everything and nothing fails: `{text}`");
    }
    let summary = wait_for(driver, "[data-testid=render-summary]").await?;
    if summary.attr("data-cancelled").await?.as_deref() != Some("false") {
        bail!("the batch says it was cancelled");
    }
    wait_for(
        driver,
        "[data-testid=render-note][data-handle=rainier-cherries][data-slot=white]",
    )
    .await?;
    screenshot(driver, "11-render-summary").await?;

    // The note's button opens the product; its Taobao white-background image has the finding.
    wait_for(
        driver,
        "[data-testid=render-note][data-handle=rainier-cherries][data-slot=white] [data-testid=render-note-open]",
    )
    .await?
    .click()
    .await?;
    wait_gone(driver, "[data-testid=render-summary]").await?;
    let images_market = wait_for(driver, "[data-testid=images-marketplace]").await?;
    SelectElement::new(&images_market)
        .await?
        .select_by_value("taobao")
        .await?;
    let white = "[data-testid=image][data-position='1'] [data-testid=slot][data-slot=white]";
    let badge = wait_for(
        driver,
        &format!("{white} [data-testid=slot-finding][data-code=background-not-plain]"),
    )
    .await?;
    if badge.attr("data-severity").await?.as_deref() != Some("warning") {
        bail!("a background finding is a warning");
    }
    let size = wait_for(
        driver,
        "[data-testid=image][data-position='1'] [data-testid=image-size]",
    )
    .await?;
    if !size.text().await?.contains('×') {
        bail!("the photo's size is shown: `{}`", size.text().await?);
    }
    wait_for(driver, "[data-testid=images]")
        .await?
        .scroll_into_view()
        .await?;
    let open = wait_for(driver, &format!("{white} [data-testid=slot-open]")).await?;
    // Focus shows the finding's text beside the badge.
    driver
        .execute("arguments[0].focus()", vec![open.to_json()?])
        .await?;
    screenshot(driver, "12-product-slots-taobao").await?;

    open.click().await?;
    wait_for(driver, "[data-testid=compare-slot][data-slot=white]").await?;
    wait_for(driver, "[data-testid=compare-original]").await?;
    wait_for(driver, "[data-testid=compare-slice]").await?;
    screenshot(driver, "13-compare").await?;
    // → moves to the next slot image, Esc closes.
    press(driver, Key::Right).await?;
    wait_for(driver, "[data-testid=compare-slot][data-slot=main34]").await?;
    press(driver, Key::Escape).await?;
    wait_gone(driver, "[data-testid=compare-slot]").await?;

    // In Chinese: slot labels come back in Chinese, and the batch says so too.
    click(driver, "[data-testid=lang-switch][data-lang=en]").await?;
    wait_for(driver, "[data-testid=lang-switch][data-lang=zh-CN]").await?;
    wait_content(
        &wait_for(driver, &format!("{white} [data-testid=slot-open]")).await?,
        "白底图",
    )
    .await?;
    wait_for(driver, "[data-testid=images]")
        .await?
        .scroll_into_view()
        .await?;
    screenshot(driver, "14-product-slots-zh").await?;
    wait_for(driver, &format!("{white} [data-testid=slot-open]"))
        .await?
        .click()
        .await?;
    wait_for(driver, "[data-testid=compare-slice]").await?;
    screenshot(driver, "15-compare-zh").await?;
    press(driver, Key::Escape).await?;
    wait_gone(driver, "[data-testid=compare-slot]").await?;

    start_render(driver, "taobao").await?;
    wait_for(driver, "[data-testid=render-progress][data-state=done]").await?;
    // Everything is in the cache now.
    wait_text(
        &wait_for(driver, "[data-testid=render-counts]").await?,
        "来自缓存 44",
    )
    .await?;
    wait_text(
        &wait_for(driver, "[data-testid=render-summary]").await?,
        "需要检查",
    )
    .await?;
    screenshot(driver, "16-render-summary-zh").await?;
    Ok(())
}
