//! An import tells how far it has come (bytes read, then rows written) and stops when told,
//! changing nothing (issue 13).

#![allow(clippy::unwrap_used)] // a panic is the failure report

mod support;

use std::fmt::Write as _;
use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use kuajing_core::{ImportProgress, ImportStage};

/// A Shopify export of `products` products with two variant rows each.
fn export(dir: &Path, products: usize) -> std::path::PathBuf {
    let mut csv =
        String::from("Handle,Title,Vendor,Option1 Name,Option1 Value,Variant SKU,Variant Price\n");
    for p in 0..products {
        writeln!(
            csv,
            "p-{p},Rainier Cherries {p},Orchard {},Size,1 lb,S-{p}-1,19.99",
            p % 7
        )
        .unwrap();
        writeln!(csv, "p-{p},,,,2 lb,S-{p}-2,29.99").unwrap();
    }
    let path = dir.join("export.csv");
    std::fs::write(&path, csv).unwrap();
    path
}

#[test]
fn an_import_reports_bytes_read_then_rows_written() {
    let (dir, workbench) = support::workbench();
    let file = export(dir.path(), 3000);
    let size = std::fs::metadata(&file).unwrap().len();
    let seen: Mutex<Vec<ImportProgress>> = Mutex::new(Vec::new());
    let report = workbench
        .import_with(&file, false, &AtomicBool::new(false), &|p| {
            seen.lock().unwrap().push(p);
        })
        .unwrap();
    assert!(report.applied && !report.cancelled);
    assert_eq!(report.added.len(), 3000);
    let seen = seen.into_inner().unwrap();
    let reading: Vec<_> = seen
        .iter()
        .filter(|p| p.stage == ImportStage::Reading)
        .collect();
    let writing: Vec<_> = seen
        .iter()
        .filter(|p| p.stage == ImportStage::Writing)
        .collect();
    assert!(reading.len() >= 2, "{reading:?}");
    assert!(reading.iter().all(|p| p.total_bytes == size));
    assert!(reading.windows(2).all(|w| w[0].bytes <= w[1].bytes));
    assert_eq!(reading.last().unwrap().bytes, size);
    let first_writing = seen
        .iter()
        .position(|p| p.stage == ImportStage::Writing)
        .unwrap();
    assert!(
        seen[first_writing..]
            .iter()
            .all(|p| p.stage == ImportStage::Writing),
        "reading, then writing"
    );
    assert!(
        writing.len() >= 10,
        "a report every 250 products: {}",
        writing.len()
    );
    assert!(writing.iter().all(|p| p.total_rows == 6000));
    assert!(writing.windows(2).all(|w| w[0].rows <= w[1].rows));
    assert!(writing.iter().any(|p| p.rows > 0 && p.rows < 6000));
    assert_eq!(writing.last().unwrap().rows, 6000);
}

#[test]
fn a_cancelled_import_changes_nothing_and_says_so() {
    let (dir, workbench) = support::workbench();
    let file = export(dir.path(), 1000);
    let cancel = AtomicBool::new(false);
    let report = workbench
        .import_with(&file, false, &cancel, &|p| {
            // Stopped halfway through writing.
            if p.stage == ImportStage::Writing && p.rows >= 1000 {
                cancel.store(true, Ordering::Relaxed);
            }
        })
        .unwrap();
    assert!(report.cancelled);
    assert!(!report.applied);
    assert!(report.added.is_empty() && report.updated.is_empty());
    assert!(
        workbench.products("", false).unwrap().is_empty(),
        "rolled back"
    );
    assert!(
        report.refusal().is_none(),
        "a cancel is not a refusal of the file"
    );

    // Imported again, whole.
    let report = workbench.import(&file, false).unwrap();
    assert!(report.applied && !report.cancelled);
    assert_eq!(workbench.products("", false).unwrap().len(), 1000);
}

#[test]
fn a_sku_another_product_holds_is_an_error_on_its_row_and_nothing_is_imported() {
    let (dir, workbench) = support::workbench();
    let file = export(dir.path(), 3);
    assert!(workbench.import(&file, false).unwrap().applied);
    // The same file again: its SKUs are its own products'.
    let again = workbench.import(&file, false).unwrap();
    assert!(again.errors.is_empty() && again.unchanged.len() == 3);

    let other = dir.path().join("other.csv");
    std::fs::write(
        &other,
        "Handle,Title,Variant SKU\nnew-one,New One,FRESH-1\nnew-two,New Two,S-1-2\n",
    )
    .unwrap();
    let report = workbench.import(&other, false).unwrap();
    assert!(!report.applied);
    assert_eq!(report.errors.len(), 1, "{:?}", report.errors);
    let error = &report.errors[0];
    assert_eq!(error.code, "sku-taken");
    assert_eq!(error.row, 3);
    assert_eq!(error.column.as_deref(), Some("Variant SKU"));
    assert_eq!(error.args["other"], "p-1");
    assert!(error.message.contains("S-1-2"), "{}", error.message);
    assert_eq!(workbench.products("", false).unwrap().len(), 3);
}
