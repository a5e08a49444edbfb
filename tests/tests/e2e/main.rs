//! End to end through the real app window: tauri-driver → WebKitWebDriver → the built
//! `kuajing-app`, under Xvfb. Run by `scripts/test-all.sh` (it is `#[ignore]`d so a plain
//! `cargo test` without a display and driver does not try):
//!
//! ```sh
//! cargo build -p kuajing-app
//! xvfb-run -a cargo test -p kuajing-tests --test e2e -- --ignored --test-threads=1
//! ```
//!
//! Screenshots of each screen go to `target/e2e-screens/` for a person to look at.

mod bundles;
mod closing;
mod drafting;
mod driver;
mod images;
mod importing;
mod listing;
mod review;
mod scale;

use std::time::Duration;

use anyhow::Result;

use bundles::*;
use closing::*;
use drafting::*;
use driver::*;
use images::*;
use importing::*;
use listing::*;
use review::*;

#[tokio::test]
#[ignore = "needs a display, tauri-driver and a built app: run by scripts/test-all.sh"]
async fn a_merchant_imports_writes_fixes_a_banned_term_and_exports() -> Result<()> {
    let home = tempfile::tempdir()?;
    let (_process, driver) = start_app(home.path()).await?;
    let outcome = import_edit_fix_and_export(&driver, home.path()).await;
    finish(driver, outcome, "export").await
}

#[tokio::test]
#[ignore = "needs a display, tauri-driver and a built app: run by scripts/test-all.sh"]
async fn a_merchant_renders_the_sample_for_taobao_and_compares_an_image() -> Result<()> {
    let home = tempfile::tempdir()?;
    let (_process, driver) = start_app(home.path()).await?;
    let outcome = render_the_sample_for_taobao_and_compare(&driver).await;
    finish(driver, outcome, "render").await
}

#[tokio::test]
#[ignore = "needs a display, tauri-driver and a built app: run by scripts/test-all.sh"]
async fn a_long_product_list_comes_by_pages_and_the_keys_reach_its_end() -> Result<()> {
    let home = tempfile::tempdir()?;
    let (_process, driver) = start_app(home.path()).await?;
    let outcome = a_long_list_comes_by_pages(&driver, home.path()).await;
    finish(driver, outcome, "long-list").await
}

#[tokio::test]
#[ignore = "needs a display, tauri-driver and a built app: run by scripts/test-all.sh"]
async fn an_agency_imports_20000_products_watching_progress_and_cancels_once() -> Result<()> {
    let home = tempfile::tempdir()?;
    let (_process, driver) = start_app(home.path()).await?;
    let outcome = a_big_import_shows_progress_and_cancels(&driver, home.path()).await;
    finish(driver, outcome, "big-import").await
}

#[tokio::test]
#[ignore = "needs a display, tauri-driver and a built app: run by scripts/test-all.sh"]
async fn an_agency_opens_searches_and_scrolls_100000_variants() -> Result<()> {
    let home = tempfile::tempdir()?;
    let idle = {
        let (_process, driver) = start_app(home.path()).await?;
        let idle = scale::idle_on_an_empty_catalog(&driver).await;
        let memory = idle.as_ref().ok().cloned();
        finish(driver, idle.map(|_| ()), "scale-empty").await?;
        memory.unwrap_or_default()
    };
    scale::generate(home.path())?;
    let (_process, driver) = start_app(home.path()).await?;
    let outcome = scale::open_search_and_scroll(&driver, idle).await;
    finish(driver, outcome, "scale").await
}

#[tokio::test]
#[ignore = "needs a display, tauri-driver and a built app: run by scripts/test-all.sh"]
async fn a_merchant_drafts_takes_a_suggestion_fixes_a_unit_and_exports() -> Result<()> {
    let home = tempfile::tempdir()?;
    let (_process, driver) = start_app(home.path()).await?;
    let outcome = draft_suggest_fix_and_export(&driver, home.path()).await;
    finish(driver, outcome, "drafting").await
}

#[tokio::test]
#[ignore = "needs a display, tauri-driver and a built app: run by scripts/test-all.sh"]
async fn a_translator_reviews_three_titles_with_the_keyboard_alone() -> Result<()> {
    let home = tempfile::tempdir()?;
    let (_process, driver) = start_app(home.path()).await?;
    let outcome = review_with_the_keyboard(&driver, home.path()).await;
    finish(driver, outcome, "review").await
}

#[tokio::test]
#[ignore = "needs a display, tauri-driver and a built app: run by scripts/test-all.sh"]
async fn closing_the_window_right_after_typing_keeps_the_text() -> Result<()> {
    let home = tempfile::tempdir()?;
    let title = "华盛顿雷尼尔樱桃 关窗前刚打的字";
    {
        let (process, driver) = start_app(home.path()).await?;
        let outcome = type_the_title_and_close_at_once(&driver, home.path(), title).await;
        if outcome.is_err() {
            let _ = screenshot(&driver, "failure-close").await;
        }
        // The app is gone: the session only needs ending, and it may not answer.
        let _ = tokio::time::timeout(Duration::from_secs(5), driver.quit()).await;
        drop(process);
        outcome?;
    }
    let (_process, driver) = start_app(home.path()).await?;
    let outcome =
        the_title_is_there_and_one_app_runs_per_catalog(&driver, home.path(), title).await;
    finish(driver, outcome, "close-relaunch").await
}

#[tokio::test]
#[ignore = "needs a display, tauri-driver and a built app: run by scripts/test-all.sh"]
async fn a_merchant_checks_and_exports_the_sample_for_taobao_and_opens_the_report() -> Result<()> {
    let home = tempfile::tempdir()?;
    let (_process, driver) = start_app(home.path()).await?;
    let outcome = export_the_sample_for_taobao_and_open_the_report(&driver, home.path()).await;
    finish(driver, outcome, "taobao").await
}
