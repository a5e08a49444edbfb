//! The app's daily backup: taken when the catalog holds products and the newest backup is a
//! day old or missing, not otherwise (issue 13).

#![allow(clippy::unwrap_used)] // a panic is the failure report

use kuajing_core::{Rules, Workbench};

#[test]
fn a_backup_is_due_once_a_day_for_a_catalog_with_products() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("catalog.sqlite");
    let workbench = Workbench::open(&path, Rules::new("en").unwrap()).unwrap();
    assert!(
        workbench.backup_if_due().unwrap().is_none(),
        "nothing to keep yet"
    );
    workbench.load_sample().unwrap();
    let first = workbench
        .backup_if_due()
        .unwrap()
        .expect("the first is due");
    assert!(std::path::Path::new(&first.path).exists());
    assert!(workbench.backup_if_due().unwrap().is_none(), "one a day");

    // A day later (the backup's name says when it was taken).
    let backups = dir.path().join("backups");
    let old = backups.join("catalog-20261101-080000.sqlite");
    std::fs::rename(&first.path, &old).unwrap();
    let second = workbench
        .backup_if_due()
        .unwrap()
        .expect("a day old: due again");
    assert!(std::path::Path::new(&second.path).exists());
    assert!(old.exists(), "older backups stay, up to ten");
}
