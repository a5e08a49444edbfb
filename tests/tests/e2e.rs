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

use std::io::Read;
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use thirtyfour::components::SelectElement;
use thirtyfour::prelude::*;

const DRIVER_PORT: u16 = 4444;
const NATIVE_PORT: u16 = 4445;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn app_binary() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace().join("target"));
    target.join("debug/kuajing-app")
}

/// tauri-driver, stopped with SIGTERM (SIGKILL would leave WebKitWebDriver running).
struct Driver(Child);

impl Driver {
    fn start(home: &Path) -> Result<Self> {
        let binary = std::env::var_os("TAURI_DRIVER")
            .map(PathBuf::from)
            .unwrap_or_else(|| {
                let cargo_bin = PathBuf::from(std::env::var_os("HOME").unwrap_or_default())
                    .join(".cargo/bin/tauri-driver");
                if cargo_bin.exists() {
                    cargo_bin
                } else {
                    PathBuf::from("tauri-driver")
                }
            });
        let child = Command::new(&binary)
            .args([
                "--port",
                &DRIVER_PORT.to_string(),
                "--native-port",
                &NATIVE_PORT.to_string(),
            ])
            // The app inherits this environment: a fresh catalog and data folder per run.
            .env("KUAJING_CATALOG", home.join("data/catalog.sqlite"))
            .env("XDG_DATA_HOME", home.join("data"))
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_CACHE_HOME", home.join("cache"))
            .env("WEBKIT_DISABLE_COMPOSITING_MODE", "1")
            .spawn()
            .with_context(|| {
                format!(
                    "starting {} (cargo install tauri-driver --locked)",
                    binary.display()
                )
            })?;
        let driver = Driver(child);
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", DRIVER_PORT)).is_err() {
            if Instant::now() > deadline {
                bail!("tauri-driver did not listen on port {DRIVER_PORT}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Ok(driver)
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.0.id().to_string()])
            .status();
        let _ = self.0.wait();
    }
}

/// Opens the render dialog from the top bar and starts a batch for `marketplace`.
async fn start_render(driver: &WebDriver, marketplace: &str) -> Result<()> {
    click(driver, "[data-testid=render-open]").await?;
    SelectElement::new(&wait_for(driver, "[data-testid=render-marketplace]").await?)
        .await?
        .select_by_value(marketplace)
        .await?;
    click(driver, "[data-testid=render-start]:not(:disabled)").await
}

/// Clicks the first element matching `css` once it is shown.
async fn click(driver: &WebDriver, css: &str) -> Result<()> {
    wait_for(driver, css).await?.click().await?;
    Ok(())
}

/// The first element matching `css` once it is shown. A button that is enabled only when data
/// has loaded (the render dialog's Render waits for the photo count) needs `:not(:disabled)` in
/// `css`: a click on it while disabled is silently lost.
async fn wait_for(driver: &WebDriver, css: &str) -> Result<WebElement> {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        if let Ok(element) = driver.find(By::Css(css)).await
            && element.is_displayed().await.unwrap_or(false)
        {
            return Ok(element);
        }
        if Instant::now() > deadline {
            bail!("timed out waiting for `{css}`");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn wait_gone(driver: &WebDriver, css: &str) -> Result<()> {
    let deadline = Instant::now() + Duration::from_secs(20);
    while !driver.find_all(By::Css(css)).await?.is_empty() {
        if Instant::now() > deadline {
            bail!("timed out waiting for `{css}` to go away");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Ok(())
}

async fn wait_text(element: &WebElement, want: &str) -> Result<String> {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let text = element.text().await?;
        if text.contains(want) {
            return Ok(text);
        }
        if Instant::now() > deadline {
            bail!("timed out waiting for text `{want}`, have `{text}`");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Like `wait_text`, on the DOM's text: WebDriver's visible text leaves out a label cut short
/// with an ellipsis.
async fn wait_content(element: &WebElement, want: &str) -> Result<String> {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let text = element.prop("textContent").await?.unwrap_or_default();
        if text.contains(want) {
            return Ok(text);
        }
        if Instant::now() > deadline {
            bail!("timed out waiting for text `{want}`, have `{text}`");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Grabs the X screen (WebKitWebDriver's own screenshot hangs under Xvfb). Best effort: a
/// missing `import` (ImageMagick) only loses the picture.
async fn screenshot(_driver: &WebDriver, name: &str) -> Result<()> {
    let dir = workspace().join("target/e2e-screens");
    std::fs::create_dir_all(&dir)?;
    // Let the webview paint what the last step changed.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let _ = Command::new("import")
        .args(["-window", "root"])
        .arg(dir.join(format!("{name}.png")))
        .status();
    Ok(())
}

/// A key press sent to whatever has the focus.
async fn press(driver: &WebDriver, key: Key) -> Result<()> {
    driver.action_chain().send_keys(key).perform().await?;
    Ok(())
}

async fn set_value(element: &WebElement, text: &str) -> Result<()> {
    element.clear().await?;
    element.send_keys(text).await?;
    Ok(())
}

/// The merchant's whole first session: import, write copy, fix a banned term, export.
async fn import_edit_fix_and_export(driver: &WebDriver, home: &Path) -> Result<()> {
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

    click(driver, "[data-testid=settings-open]").await?;
    set_value(&wait_for(driver, "[data-testid=rate-input]").await?, "7.2").await?;
    click(driver, "[data-testid=rate-save]").await?;
    wait_text(
        &wait_for(driver, "[data-testid=rate-current]").await?,
        "7.2",
    )
    .await?;
    click(driver, "[data-testid=settings-close]").await?;

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

/// The sample catalog rendered for Taobao: the batch's progress and summary, a finding on the
/// product page, the compare view; then the same screens in Chinese.
async fn render_the_sample_for_taobao_and_compare(driver: &WebDriver) -> Result<()> {
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

/// Imports `path` through the import dialog: preview, apply, done.
async fn import_through_the_dialog(driver: &WebDriver, path: &Path, products: &str) -> Result<()> {
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
async fn a_long_list_comes_by_pages(driver: &WebDriver, home: &Path) -> Result<()> {
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
    Ok(())
}

/// The catalog the app runs on in `home` (see `Driver::start`).
fn catalog_in(home: &Path) -> PathBuf {
    home.join("data/catalog.sqlite")
}

/// Whether an app has `catalog` open: while it runs it holds an exclusive lock on
/// `catalog.sqlite.lock` beside it, which the kernel drops when the process ends.
fn catalog_held(catalog: &Path) -> Result<bool> {
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
async fn wait_until_closed(catalog: &Path, within: Duration) -> Result<bool> {
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
async fn type_the_title_and_close_at_once(
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
async fn the_title_is_there_and_one_app_runs_per_catalog(
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

/// The app on a fresh catalog in `home`, through tauri-driver (keep the `Driver` alive).
#[allow(clippy::print_stderr)] // a note for whoever watches a slow start
async fn start_app(home: &Path) -> Result<(Driver, WebDriver)> {
    let app = app_binary();
    if !app.exists() {
        bail!("{} is missing: cargo build -p kuajing-app", app.display());
    }
    let driver_process = Driver::start(home)?;
    let mut caps = Capabilities::new();
    caps.set("browserName", "wry")?;
    caps.set(
        "tauri:options",
        serde_json::json!({ "application": app.display().to_string() }),
    )?;
    // tauri-driver listens before WebKitWebDriver behind it does: retry the first session.
    let deadline = Instant::now() + Duration::from_secs(30);
    let driver = loop {
        match WebDriver::new(format!("http://127.0.0.1:{DRIVER_PORT}"), caps.clone()).await {
            Ok(driver) => break driver,
            Err(e) if Instant::now() < deadline => {
                eprintln!("e2e: no session yet ({e}); retrying");
                tokio::time::sleep(Duration::from_millis(500)).await;
            }
            Err(e) => return Err(e.into()),
        }
    };
    Ok((driver_process, driver))
}

/// Always closes the session, then reports the outcome: an open session hangs later runs.
async fn finish(driver: WebDriver, outcome: Result<()>, name: &str) -> Result<()> {
    if outcome.is_err() {
        let _ = screenshot(&driver, &format!("failure-{name}")).await;
    }
    driver.quit().await?;
    outcome
}

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
