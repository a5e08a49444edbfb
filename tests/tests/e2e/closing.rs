//! Closing the window right after typing, and one app per catalog.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use crate::driver::*;
use anyhow::{Context, Result, bail};
use thirtyfour::prelude::*;

/// The catalog the app runs on in `home` (see `Driver::start`).
pub(crate) fn catalog_in(home: &Path) -> PathBuf {
    home.join("data/catalog.sqlite")
}

/// Whether an app has `catalog` open: while it runs it holds an exclusive lock on
/// `catalog.sqlite.lock` beside it, which the kernel drops when the process ends.
pub(crate) fn catalog_held(catalog: &Path) -> Result<bool> {
    let path = catalog.with_extension("sqlite.lock");
    if !path.exists() {
        return Ok(false);
    }
    let lock = std::fs::OpenOptions::new().write(true).open(path)?;
    match lock.try_lock() {
        Ok(()) => {
            lock.unlock()?;
            Ok(false)
        }
        Err(std::fs::TryLockError::WouldBlock) => Ok(true),
        Err(std::fs::TryLockError::Error(e)) => Err(e.into()),
    }
}

/// Waits until no app has `catalog` open.
pub(crate) async fn wait_until_closed(catalog: &Path, within: Duration) -> Result<bool> {
    let deadline = Instant::now() + within;
    while catalog_held(catalog)? {
        if Instant::now() > deadline {
            return Ok(false);
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    Ok(true)
}

/// The product's Chinese title: type it, and ask the window to close before the autosave's
/// 400 ms are up, the way its close button does (`close()` emits the same close request).
pub(crate) async fn type_the_title_and_close_at_once(
    driver: &WebDriver,
    home: &Path,
    title: &str,
) -> Result<()> {
    click(driver, "[data-testid=load-sample]").await?;
    // The sample opens its first product by itself: then open this one.
    wait_for(driver, "[data-testid=title-zh]").await?;
    click(
        driver,
        "[data-testid=product-row][data-handle=rainier-cherries]",
    )
    .await?;
    wait_for(
        driver,
        "[data-testid=product-row][data-handle=rainier-cherries].open",
    )
    .await?;
    let box_ = wait_for(driver, "[data-testid=title-zh]").await?;
    set_value(&box_, title).await?;
    // The close is asked for just after this script answers (a window that closed at once would
    // cut the answer off), still well inside the autosave's 400 ms.
    let state = driver
        .execute(
            r#"const state = document.querySelector('[data-testid=saved-state]').dataset.state;
               setTimeout(() => window.__TAURI_INTERNALS__.invoke('plugin:window|close', { label: 'main' }), 100);
               return state;"#,
            vec![],
        )
        .await
        .context("the window went away before the script answered")?;
    // The keystrokes must still be waiting for the autosave, or this test proves nothing.
    if state.json().as_str() != Some("saving") {
        bail!(
            "the title was already saved before the close: {:?}",
            state.json()
        );
    }
    if !wait_until_closed(&catalog_in(home), Duration::from_secs(20)).await? {
        bail!("the window did not close after its close request");
    }
    Ok(())
}

/// After the relaunch: the title typed just before closing is in the catalog; a second launch on
/// the same catalog hands over to this window and exits; one on another catalog runs.
pub(crate) async fn the_title_is_there_and_one_app_runs_per_catalog(
    driver: &WebDriver,
    home: &Path,
    title: &str,
) -> Result<()> {
    click(
        driver,
        "[data-testid=product-row][data-handle=rainier-cherries]",
    )
    .await?;
    let box_ = wait_for(driver, "[data-testid=title-zh]").await?;
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let value = box_.prop("value").await?.unwrap_or_default();
        if value == title {
            break;
        }
        if Instant::now() > deadline {
            bail!("after closing at once and starting again the title is `{value}`, not `{title}`");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    screenshot(driver, "21-title-kept-after-close").await?;

    // A second launch on the same catalog: it must hand over and exit, not open a window.
    let mut second = Command::new(app_binary())
        .env("KUAJING_CATALOG", catalog_in(home))
        .stderr(std::process::Stdio::piped())
        .spawn()
        .context("starting a second app")?;
    let deadline = Instant::now() + Duration::from_secs(15);
    let status = loop {
        if let Some(status) = second.try_wait()? {
            break status;
        }
        if Instant::now() > deadline {
            let _ = Command::new("kill")
                .args(["-TERM", &second.id().to_string()])
                .status();
            let _ = second.wait();
            bail!("a second app on the same catalog kept running");
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    let mut said = String::new();
    if let Some(mut err) = second.stderr.take() {
        err.read_to_string(&mut said)?;
    }
    if !status.success() || !said.contains("brought to the front") {
        bail!("a second app on the same catalog should hand over and exit: {status} `{said}`");
    }

    let other = tempfile::tempdir()?;
    let other_catalog = other.path().join("catalog.sqlite");
    let mut third = Command::new(app_binary())
        .env("KUAJING_CATALOG", &other_catalog)
        .env("XDG_DATA_HOME", other.path().join("data"))
        .env("XDG_CONFIG_HOME", other.path().join("config"))
        .env("XDG_CACHE_HOME", other.path().join("cache"))
        .env("WEBKIT_DISABLE_COMPOSITING_MODE", "1")
        .stderr(std::process::Stdio::null())
        .spawn()
        .context("starting an app on another catalog")?;
    let running = async {
        // Running: it holds its own catalog, and is still there a moment later.
        let deadline = Instant::now() + Duration::from_secs(20);
        while !catalog_held(&other_catalog)? {
            if let Some(status) = third.try_wait()? {
                bail!("an app on another catalog exited: {status}");
            }
            if Instant::now() > deadline {
                bail!("an app on another catalog never opened it");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        // Past its window's start (a GTK failure ends it within a few hundred ms).
        tokio::time::sleep(Duration::from_secs(1)).await;
        if let Some(status) = third.try_wait()? {
            bail!("an app on another catalog exited: {status}");
        }
        Ok(())
    }
    .await;
    let _ = Command::new("kill")
        .args(["-TERM", &third.id().to_string()])
        .status();
    let _ = third.wait();
    running
}
