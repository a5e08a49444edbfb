//! Backups of the catalog (`kuajing_catalog::backups`): one on demand, and one a day when the
//! app opens the catalog, the newest [`KEEP`] kept.

use serde::Serialize;

use crate::{Result, Workbench};

/// Backups kept: the newest ten.
pub const KEEP: usize = 10;
/// The app backs the catalog up when it opens it and the newest backup is older than this.
pub const EVERY_HOURS: u32 = 24;

/// A backup just taken.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Backup {
    pub path: String,
    #[ts(type = "number")]
    pub bytes: u64,
    /// UTC, as in its name: `20261207-193000`.
    pub taken: String,
    #[ts(type = "number")]
    pub elapsed_ms: u64,
}

impl Workbench {
    /// Backs the catalog up now (`<catalog folder>/backups/`), keeping the newest [`KEEP`].
    pub fn backup(&self) -> Result<Backup> {
        let started = std::time::Instant::now();
        let conn = self.catalog.connect()?;
        let file = kuajing_catalog::backups::take(&conn, self.catalog.path(), KEEP)?;
        Ok(Backup {
            path: file.path.display().to_string(),
            bytes: file.bytes,
            taken: file.taken,
            elapsed_ms: u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX),
        })
    }

    /// [`Self::backup`] when the newest backup is older than [`EVERY_HOURS`] (or there is
    /// none) and the catalog holds products; `None` when none was due.
    pub fn backup_if_due(&self) -> Result<Option<Backup>> {
        let conn = self.catalog.connect()?;
        let empty = kuajing_catalog::queries::products::count(&conn)? == 0;
        if empty || !kuajing_catalog::backups::due(&conn, self.catalog.path(), EVERY_HOURS)? {
            return Ok(None);
        }
        drop(conn);
        self.backup().map(Some)
    }
}
