//! Exporting the sample for Taobao: completeness in the list and on the product page, the
//! check before export and a click from it to the field, the 淘宝助理 bundle, and its report
//! opened in the app.

use std::io::Read;
use std::path::Path;

use crate::driver::*;
use anyhow::{Context, Result, bail};
use thirtyfour::components::SelectElement;
use thirtyfour::prelude::*;

pub(crate) async fn export_the_sample_for_taobao_and_open_the_report(
    driver: &WebDriver,
    home: &Path,
) -> Result<()> {
    click(driver, "[data-testid=load-sample]").await?;
    wait_for(driver, "[data-testid=product-row]").await?;
    SelectElement::new(&wait_for(driver, "[data-testid=marketplace]").await?)
        .await?
        .select_by_value("taobao")
        .await?;
    let almonds = "[data-testid=product-row][data-handle=california-almonds]";
    let cell = wait_for(driver, &format!("{almonds} [data-testid=row-complete]")).await?;
    let before = wait_text(&cell, "%").await?;
    screenshot(driver, "60-list-completeness").await?;

    // The check before export: nothing has Chinese yet, so every product would be left out.
    click(driver, "[data-testid=export-open]").await?;
    let summary = wait_for(driver, "[data-testid=export-check-summary]").await?;
    wait_text(&summary, "0 ready").await?;
    wait_for(
        driver,
        "[data-testid=export-check-product][data-handle=california-almonds][data-exports=false]",
    )
    .await?;
    screenshot(driver, "61-export-check").await?;
    // A click on a line goes to its field, focused.
    click(
        driver,
        "[data-testid=export-check-product][data-handle=california-almonds] [data-testid=export-check-issue][data-item=hs_code]",
    )
    .await?;
    wait_gone(driver, "[data-testid=export-check]").await?;
    let hs = wait_for(driver, "#pf-hs_code").await?;
    wait_focused(driver, "pf-hs_code").await?;
    hs.send_keys("0802120000").await?;
    let title = wait_for(driver, "[data-testid=title-zh]").await?;
    title.click().await?;
    title.send_keys("美国加州巴旦木 454克").await?;
    wait_for(driver, "[data-testid=saved-state][data-state=saved]").await?;
    // The vendor's agent in China, for every label of its products.
    click(driver, "[data-testid=vendor-open]").await?;
    let name = wait_for(driver, "[data-testid=vendor-agent_name]").await?;
    name.send_keys("上海示例进口贸易有限公司").await?;
    click(driver, "[data-testid=vendor-done]:not(:disabled)").await?;
    // By its DOM text: the row sits at the bottom edge of the view.
    wait_content(
        &driver.find(By::Css("[data-testid=agent-summary]")).await?,
        "上海示例进口贸易有限公司",
    )
    .await?;
    // The product page's bars, and the list's cell, follow the saves.
    wait_for(
        driver,
        "[data-testid=completeness-bar][data-marketplace=taobao]",
    )
    .await?;
    let cell = wait_for(driver, &format!("{almonds} [data-testid=row-complete]")).await?;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while cell.text().await? == before {
        if std::time::Instant::now() > deadline {
            bail!("the list's completeness stayed at {before} after two saves");
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    screenshot(driver, "62-product-completeness").await?;

    // A rate, then the bundle: the one product with a clean Chinese title goes in.
    set_rate(driver, "7.2").await?;
    click(driver, "[data-testid=export-open]").await?;
    wait_text(
        &wait_for(driver, "[data-testid=export-check-summary]").await?,
        "1 ready",
    )
    .await?;
    let out = home.join("taobao.zip");
    set_value(
        &wait_for(driver, "[data-testid=export-path]").await?,
        &out.display().to_string(),
    )
    .await?;
    click(driver, "[data-testid=export-run]:not(:disabled)").await?;
    wait_text(
        &wait_for(driver, "[data-testid=export-result]").await?,
        "taobao.zip",
    )
    .await?;
    wait_text(
        &wait_for(driver, "[data-testid=export-result-labels]").await?,
        "1",
    )
    .await?;
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&out).context("the bundle")?)?;
    let mut sheet = Vec::new();
    zip.by_name("listing.csv")?.read_to_end(&mut sheet)?;
    let units: Vec<u16> = sheet
        .get(2..)
        .unwrap_or_default()
        .chunks_exact(2)
        .map(|p| u16::from_le_bytes([p[0], p[1]]))
        .collect();
    let text = String::from_utf16(&units)?;
    if !sheet.starts_with(&[0xFF, 0xFE])
        || !text.starts_with("version 1.00")
        || !text.contains("美国加州巴旦木 454克")
    {
        bail!("not the 淘宝助理 sheet expected: {text}");
    }
    let mut label = String::new();
    zip.by_name("labels/california-almonds.txt")?
        .read_to_string(&mut label)?;
    if !label.contains("境内代理商：上海示例进口贸易有限公司")
        || !label.contains("品名：美国加州巴旦木")
    {
        bail!("the label lacks the agent or the product: {label}");
    }
    for name in [
        "labels/california-almonds.png",
        "listing/california-almonds-1.tbi",
        "report.html",
    ] {
        zip.by_name(name)
            .with_context(|| format!("{name} in the bundle"))?;
    }

    // The report, opened in the app.
    click(driver, "[data-testid=export-view-report]").await?;
    let frame = wait_for(driver, "[data-testid=report-frame]").await?;
    frame.enter_frame().await?;
    let heading = wait_for(driver, "h1").await?;
    wait_text(&heading, "Taobao").await?;
    wait_for(driver, "img[src^='data:image/jpeg']").await?;
    driver.enter_parent_frame().await?;
    screenshot(driver, "63-report").await?;
    press(driver, Key::Escape).await?;
    wait_gone(driver, "[data-testid=report-frame]").await?;
    Ok(())
}

/// Waits until the element with `id` has the keyboard focus.
async fn wait_focused(driver: &WebDriver, id: &str) -> Result<()> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let active = driver
            .execute(
                "return document.activeElement && document.activeElement.id",
                vec![],
            )
            .await?;
        if active.json().as_str() == Some(id) {
            return Ok(());
        }
        if std::time::Instant::now() > deadline {
            bail!("`#{id}` never got the focus (have {:?})", active.json());
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}
