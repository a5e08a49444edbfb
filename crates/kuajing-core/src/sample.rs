//! The sample catalog (a cherry orchard, a seafood packer and a nut grower), embedded from
//! `assets/sample/` and imported through the ordinary importer.

use crate::{Error, ImportReport, Result, Workbench};

include!(concat!(env!("OUT_DIR"), "/sample.rs"));

impl Workbench {
    /// Imports the shipped sample catalog.
    pub fn load_sample(&self) -> Result<ImportReport> {
        let dir = tempfile::tempdir().map_err(|source| Error::Write {
            path: std::env::temp_dir(),
            source,
        })?;
        let mut csv = None;
        for (name, bytes) in SAMPLE_FILES {
            let path = dir.path().join(name);
            let write = |source| Error::Write {
                path: path.clone(),
                source,
            };
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).map_err(write)?;
            }
            std::fs::write(&path, bytes).map_err(write)?;
            if name.ends_with(".csv") {
                csv = Some(bytes);
            }
        }
        let csv = csv.ok_or_else(|| Error::Read {
            path: "assets/sample/catalog.csv".into(),
            source: std::io::Error::new(std::io::ErrorKind::NotFound, "not shipped in this build"),
        })?;
        let how = crate::import::Run {
            dry_run: false,
            source: "sample",
            cancel: &std::sync::atomic::AtomicBool::new(false),
            progress: &|_| {},
        };
        let report = self.import_bytes(csv, "sample catalog", dir.path(), &how)?;
        match report.refusal() {
            Some(e) => Err(e),
            None => Ok(report),
        }
    }
}
