//! A big import shows its progress and can be cancelled with nothing changed (issue 13).

use std::fmt::Write as _;
use std::path::Path;

use crate::driver::*;
use anyhow::Result;
use thirtyfour::prelude::*;

/// A Shopify export of `products` products with 5 variant rows each, like an agency's.
fn big_export(path: &Path, products: usize) -> Result<()> {
    let mut csv = String::from(
        "Handle,Title,Vendor,Option1 Name,Option1 Value,Variant SKU,Variant Grams,Variant Price\n",
    );
    for p in 0..products {
        for v in 1..=5 {
            let (title, vendor, option) = if v == 1 {
                (
                    format!("Rainier Cherries {p}"),
                    format!("Orchard {}", p % 40),
                    "Size",
                )
            } else {
                (String::new(), String::new(), "")
            };
            writeln!(
                csv,
                "big-{p},{title},{vendor},{option},{v} lb,B-{p}-{v},{},{}.99",
                454 * v,
                18 + v
            )?;
        }
    }
    std::fs::write(path, csv)?;
    Ok(())
}

/// 20,000 products: the preview, then the import showing the rows it has written, cancelled
/// (the catalog stays empty, the preview stays), then run again to the end.
pub(crate) async fn a_big_import_shows_progress_and_cancels(
    driver: &WebDriver,
    home: &Path,
) -> Result<()> {
    let csv = home.join("agency-export.csv");
    big_export(&csv, 20_000)?;
    wait_for(driver, "[data-testid=load-sample]").await?;
    click(driver, "[data-testid=import-open]").await?;
    set_value(
        &wait_for(driver, "[data-testid=import-path]").await?,
        &csv.display().to_string(),
    )
    .await?;
    click(driver, "[data-testid=import-preview]:not(:disabled)").await?;
    wait_text(
        &wait_for(driver, "[data-testid=import-summary]").await?,
        "20,000",
    )
    .await?;
    // Not 20,000 handles in a wall of text.
    wait_text(
        &wait_for(driver, "[data-testid=import-summary]").await?,
        "and 19,940 more",
    )
    .await?;

    click(driver, "[data-testid=import-apply]:not(:disabled)").await?;
    let counts = wait_for(
        driver,
        "[data-testid=import-running][data-stage=writing] [data-testid=import-progress-counts]",
    )
    .await?;
    wait_text(&counts, "of 100,000 rows").await?;
    screenshot(driver, "70-import-progress").await?;
    click(driver, "[data-testid=import-cancel]").await?;
    wait_text(
        &wait_for(driver, "[data-testid=import-cancelled]").await?,
        "Nothing was changed",
    )
    .await?;
    screenshot(driver, "71-import-cancelled").await?;
    // Nothing was written: the catalog is still empty behind the dialog.
    wait_for(driver, "[data-testid=load-sample]").await?;

    click(driver, "[data-testid=import-apply]:not(:disabled)").await?;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    let done = loop {
        if let Ok(done) = wait_for(driver, "[data-testid=import-done]").await {
            break done;
        }
        anyhow::ensure!(
            std::time::Instant::now() < deadline,
            "the import did not finish in 2 minutes"
        );
    };
    done.click().await?;
    wait_text(
        &wait_for(driver, "[data-testid=product-count]").await?,
        "20,000",
    )
    .await?;
    screenshot(driver, "72-import-20000").await?;
    Ok(())
}
