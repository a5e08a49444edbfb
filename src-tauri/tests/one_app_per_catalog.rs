//! The built app, started a second time on a catalog another app holds, asks that app to come to
//! the front and exits at once: before it opens the catalog or a window, so no display is needed.

use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use kuajing_app::instance::{Claim, claim};

#[test]
fn a_second_launch_on_the_same_catalog_focuses_the_first_and_exits() {
    let dir = tempfile::tempdir().unwrap();
    let catalog = dir.path().join("catalog.sqlite");
    // Stands in for the first app: holds the catalog and answers the knock.
    let Claim::First(mut first) = claim(&catalog).unwrap() else {
        panic!("a fresh catalog is free");
    };
    let knocks = Arc::new(AtomicUsize::new(0));
    let seen = Arc::clone(&knocks);
    first.serve(move || {
        seen.fetch_add(1, Ordering::SeqCst);
    });

    let started = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_kuajing-app"))
        .env("KUAJING_CATALOG", &catalog)
        // No display: were the lock ignored, the app would fail to start GTK, not exit 0.
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "exit {:?}: {stderr}", out.status);
    assert!(stderr.contains("brought to the front"), "{stderr}");
    assert_eq!(knocks.load(Ordering::SeqCst), 1);
    assert!(started.elapsed() < Duration::from_secs(10));
    // It never opened the catalog.
    assert!(!catalog.exists());
}
