//! The app under tauri-driver, and the waits and clicks every scenario uses.

use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use thirtyfour::components::SelectElement;
use thirtyfour::prelude::*;

pub(crate) const DRIVER_PORT: u16 = 4444;
pub(crate) const NATIVE_PORT: u16 = 4445;

pub(crate) fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

pub(crate) fn app_binary() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace().join("target"));
    target.join("debug/kuajing-app")
}

/// tauri-driver, stopped with SIGTERM (SIGKILL would leave WebKitWebDriver running).
pub(crate) struct Driver(Child);

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
pub(crate) async fn start_render(driver: &WebDriver, marketplace: &str) -> Result<()> {
    click(driver, "[data-testid=render-open]").await?;
    SelectElement::new(&wait_for(driver, "[data-testid=render-marketplace]").await?)
        .await?
        .select_by_value(marketplace)
        .await?;
    click(driver, "[data-testid=render-start]:not(:disabled)").await
}

/// Clicks the first element matching `css` once it is shown.
pub(crate) async fn click(driver: &WebDriver, css: &str) -> Result<()> {
    wait_for(driver, css).await?.click().await?;
    Ok(())
}

/// The first element matching `css` once it is shown. A button that is enabled only when data
/// has loaded (the render dialog's Render waits for the photo count) needs `:not(:disabled)` in
/// `css`: a click on it while disabled is silently lost.
pub(crate) async fn wait_for(driver: &WebDriver, css: &str) -> Result<WebElement> {
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

pub(crate) async fn wait_gone(driver: &WebDriver, css: &str) -> Result<()> {
    let deadline = Instant::now() + Duration::from_secs(20);
    while !driver.find_all(By::Css(css)).await?.is_empty() {
        if Instant::now() > deadline {
            bail!("timed out waiting for `{css}` to go away");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Ok(())
}

pub(crate) async fn wait_text(element: &WebElement, want: &str) -> Result<String> {
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

/// The text box's value once `check` holds for it.
pub(crate) async fn wait_value(
    element: &WebElement,
    what: &str,
    check: impl Fn(&str) -> bool,
) -> Result<String> {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let value = element.prop("value").await?.unwrap_or_default();
        if check(&value) {
            return Ok(value);
        }
        if Instant::now() > deadline {
            bail!("timed out waiting for the box to hold {what}, it holds `{value}`");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Like `wait_text`, on the DOM's text: WebDriver's visible text leaves out a label cut short
/// with an ellipsis.
pub(crate) async fn wait_content(element: &WebElement, want: &str) -> Result<String> {
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
pub(crate) async fn screenshot(_driver: &WebDriver, name: &str) -> Result<()> {
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
pub(crate) async fn press(driver: &WebDriver, key: Key) -> Result<()> {
    driver.action_chain().send_keys(key).perform().await?;
    Ok(())
}

pub(crate) async fn set_value(element: &WebElement, text: &str) -> Result<()> {
    element.clear().await?;
    element.send_keys(text).await?;
    Ok(())
}

/// The app on a fresh catalog in `home`, through tauri-driver (keep the `Driver` alive).
#[allow(clippy::print_stderr)] // a note for whoever watches a slow start
pub(crate) async fn start_app(home: &Path) -> Result<(Driver, WebDriver)> {
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
pub(crate) async fn finish(driver: WebDriver, outcome: Result<()>, name: &str) -> Result<()> {
    if outcome.is_err() {
        let _ = screenshot(&driver, &format!("failure-{name}")).await;
    }
    driver.quit().await?;
    outcome
}

/// `key` pressed with the `modifiers` held, sent to whatever has the focus.
pub(crate) async fn keys(
    driver: &WebDriver,
    modifiers: &[Key],
    key: impl Into<TypingData>,
) -> Result<()> {
    let mut chain = driver.action_chain();
    for m in modifiers {
        chain = chain.key_down(m.clone());
    }
    chain = chain.send_keys(key);
    for m in modifiers.iter().rev() {
        chain = chain.key_up(m.clone());
    }
    chain.perform().await?;
    Ok(())
}

/// Opens the keyboard help with ?, from outside any text box, checks it lists `group`, shoots
/// it as `name` and closes it with Esc.
pub(crate) async fn help(driver: &WebDriver, name: &str, group: &str) -> Result<()> {
    driver
        .execute(
            "document.activeElement && document.activeElement.blur()",
            vec![],
        )
        .await?;
    keys(driver, &[], "?").await?;
    wait_for(
        driver,
        &format!("[data-testid=shortcuts-dialog] [data-testid=shortcut-group][data-group={group}]"),
    )
    .await?;
    screenshot(driver, name).await?;
    press(driver, Key::Escape).await?;
    wait_gone(
        driver,
        "[data-testid=shortcuts-dialog] [data-testid=shortcut]",
    )
    .await?;
    Ok(())
}

/// Sets the exchange rate in the open settings dialog and waits until it shows.
pub(crate) async fn save_rate(driver: &WebDriver, rate: &str) -> Result<()> {
    set_value(&wait_for(driver, "[data-testid=rate-input]").await?, rate).await?;
    click(driver, "[data-testid=rate-save]").await?;
    wait_text(&wait_for(driver, "[data-testid=rate-current]").await?, rate).await?;
    Ok(())
}

/// Opens the settings, sets the exchange rate, and closes them.
pub(crate) async fn set_rate(driver: &WebDriver, rate: &str) -> Result<()> {
    click(driver, "[data-testid=settings-open]").await?;
    save_rate(driver, rate).await?;
    click(driver, "[data-testid=settings-close]").await
}
