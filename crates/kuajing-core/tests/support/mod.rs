//! What the core's integration tests share: a workbench on a fresh catalog in a temp dir.

#![allow(dead_code)] // each test binary uses its own part
#![allow(clippy::unwrap_used)] // a panic is the failure report

use kuajing_core::{Rules, Workbench};
use tempfile::TempDir;

/// A workbench (English messages) on an empty catalog, `catalog.sqlite` in a new temp dir.
/// Keep the dir alive as long as the workbench.
pub fn workbench() -> (TempDir, Workbench) {
    let dir = tempfile::tempdir().unwrap();
    let workbench = Workbench::open(
        &dir.path().join("catalog.sqlite"),
        Rules::new("en").unwrap(),
    )
    .unwrap();
    (dir, workbench)
}

/// [`workbench`] with the sample catalog loaded.
pub fn sample() -> (TempDir, Workbench) {
    let (dir, workbench) = workbench();
    workbench.load_sample().unwrap();
    (dir, workbench)
}
