//! Backups of the catalog: a compact copy of it as committed, in `<catalog folder>/backups/`,
//! named after the catalog and the UTC time (`catalog-20261207-193000.sqlite`), the newest `N`
//! kept.
//!
//! A backup is `VACUUM INTO` a temp file in that folder, flushed and renamed: a read
//! transaction, so other connections go on writing while it runs (WAL), and the copy holds
//! exactly one committed state, without the free pages. A crash leaves a temp file the next
//! open sweeps, never half a backup under a backup's name. To restore one, close the app and
//! copy it over the catalog file (docs/reliability.md).

use std::path::{Path, PathBuf};

use rusqlite::Connection;

use crate::{CachedStatements as _, Error, Result};

/// One backup on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupFile {
    pub path: PathBuf,
    pub bytes: u64,
    /// When it was taken, UTC, as in its name: `20261207-193000`.
    pub taken: String,
}

/// The folder backups of the catalog at `catalog` go to.
pub fn folder(catalog: &Path) -> PathBuf {
    catalog.parent().unwrap_or(Path::new(".")).join("backups")
}

/// `catalog-` for `catalog.sqlite`: what every backup of it is named with.
fn prefix(catalog: &Path) -> String {
    let stem = catalog
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("catalog");
    format!("{stem}-")
}

/// Backs the catalog at `catalog` (open on `conn`) up now, then keeps the newest `keep`
/// backups and deletes the older ones. Returns the new backup.
pub fn take(conn: &Connection, catalog: &Path, keep: usize) -> Result<BackupFile> {
    let dir = folder(catalog);
    let err = |path: &Path, source: std::io::Error| Error::Snapshot {
        path: path.to_owned(),
        source,
    };
    let _ = kuajing_files::sweep_temp_files(&dir);
    let taken: String =
        conn.row_cached("SELECT strftime('%Y%m%d-%H%M%S', 'now')", [], |r| r.get(0))?;
    // A second backup in the same second gets `-2`, then `-3`… after the last one taken,
    // even when pruning removed the earlier ones, so names keep their order.
    let same_second = list(catalog)?
        .iter()
        .filter(|b| b.taken.get(..15) == Some(taken.as_str()))
        .map(|b| suffix(&b.taken).max(1))
        .max();
    let target = match same_second {
        None => dir.join(format!("{}{taken}.sqlite", prefix(catalog))),
        Some(n) => dir.join(format!("{}{taken}-{}.sqlite", prefix(catalog), n + 1)),
    };
    let temp = kuajing_files::temp_file_in(&dir).map_err(|e| err(&dir, e))?;
    let into = temp
        .path()
        .to_str()
        .ok_or_else(|| err(temp.path(), std::io::Error::other("the path is not UTF-8")))?
        .to_owned();
    conn.execute("VACUUM INTO ?1", [&into])?;
    kuajing_files::failpoint("backup-written");
    kuajing_files::persist(temp, &target).map_err(|e| err(&target, e))?;
    prune(catalog, keep)?;
    let bytes = std::fs::metadata(&target).map_or(0, |m| m.len());
    Ok(BackupFile {
        path: target,
        bytes,
        taken,
    })
}

/// The backups of the catalog at `catalog`, newest first.
pub fn list(catalog: &Path) -> Result<Vec<BackupFile>> {
    let dir = folder(catalog);
    let prefix = prefix(catalog);
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => return Err(Error::Snapshot { path: dir, source }),
    };
    let mut found: Vec<BackupFile> = entries
        .filter_map(std::result::Result::ok)
        .filter_map(|entry| {
            let name = entry.file_name().into_string().ok()?;
            let taken = name.strip_prefix(&prefix)?.strip_suffix(".sqlite")?;
            // `20261207-193000`, maybe `-2` after it: anything else is not ours.
            let stamp = taken.get(..15)?;
            let digits = stamp.bytes().enumerate().all(|(i, b)| {
                if i == 8 {
                    b == b'-'
                } else {
                    b.is_ascii_digit()
                }
            });
            digits.then(|| BackupFile {
                path: entry.path(),
                bytes: entry.metadata().map_or(0, |m| m.len()),
                taken: taken.to_owned(),
            })
        })
        .collect();
    found.sort_by(|a, b| {
        b.taken
            .get(..15)
            .cmp(&a.taken.get(..15))
            .then_with(|| suffix(&b.taken).cmp(&suffix(&a.taken)))
    });
    Ok(found)
}

/// The `-n` after a stamp taken twice in a second (0 for none).
fn suffix(taken: &str) -> u32 {
    taken.get(16..).and_then(|n| n.parse().ok()).unwrap_or(0)
}

/// Deletes all but the newest `keep` backups; returns how many went.
pub fn prune(catalog: &Path, keep: usize) -> Result<usize> {
    let mut removed = 0;
    for old in list(catalog)?.into_iter().skip(keep.max(1)) {
        std::fs::remove_file(&old.path).map_err(|source| Error::Snapshot {
            path: old.path.clone(),
            source,
        })?;
        removed += 1;
    }
    Ok(removed)
}

/// Whether the newest backup is older than `hours` (or there is none): the app takes one
/// when it opens a catalog for which this holds.
pub fn due(conn: &Connection, catalog: &Path, hours: u32) -> Result<bool> {
    let Some(newest) = list(catalog)?.into_iter().next() else {
        return Ok(true);
    };
    let stamp = newest.taken.get(..15).unwrap_or_default().to_owned();
    // `20261207-193000` read by SQLite as a time, compared with now.
    let age_hours: Option<f64> = conn.row_cached(
        "SELECT (julianday('now') - julianday(
            substr(?1, 1, 4) || '-' || substr(?1, 5, 2) || '-' || substr(?1, 7, 2) || ' ' ||
            substr(?1, 10, 2) || ':' || substr(?1, 12, 2) || ':' || substr(?1, 14, 2))) * 24",
        [&stamp],
        |r| r.get(0),
    )?;
    Ok(age_hours.is_none_or(|h| h >= f64::from(hours)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::queries::products;
    use crate::test_support::temp_catalog;

    #[test]
    fn a_backup_holds_the_catalog_as_committed_and_only_the_newest_are_kept() {
        let (_dir, catalog) = temp_catalog();
        let conn = catalog.connect().unwrap();
        assert!(due(&conn, catalog.path(), 24).unwrap(), "no backup yet");
        products::upsert(&conn, &products::tests::sample("rainier"), "import").unwrap();
        let first = take(&conn, catalog.path(), 3).unwrap();
        assert!(first.path.starts_with(folder(catalog.path())));
        assert!(first.bytes > 0);
        let name = first.path.file_name().unwrap().to_str().unwrap().to_owned();
        assert!(
            name.starts_with("catalog-") && name.ends_with(".sqlite"),
            "{name}"
        );
        assert!(
            !due(&conn, catalog.path(), 24).unwrap(),
            "one was just taken"
        );

        // Written after the backup: not in it.
        products::upsert(&conn, &products::tests::sample("bing"), "import").unwrap();
        let copy = Connection::open(&first.path).unwrap();
        assert_eq!(products::count(&copy).unwrap(), 1);
        let integrity: String = copy
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(integrity, "ok");
        drop(copy);

        // Four more in the same second: named apart, the newest three kept.
        let mut taken = vec![first];
        for _ in 0..4 {
            taken.push(take(&conn, catalog.path(), 3).unwrap());
        }
        let kept = list(catalog.path()).unwrap();
        assert_eq!(kept.len(), 3);
        let newest: Vec<&PathBuf> = taken.iter().rev().take(3).map(|b| &b.path).collect();
        assert_eq!(kept.iter().map(|b| &b.path).collect::<Vec<_>>(), newest);
        let last = Connection::open(&kept[0].path).unwrap();
        assert_eq!(products::count(&last).unwrap(), 2);
    }

    #[test]
    fn other_files_in_the_folder_are_not_backups_and_are_left_alone() {
        let (_dir, catalog) = temp_catalog();
        let dir = folder(catalog.path());
        std::fs::create_dir_all(&dir).unwrap();
        for other in [
            "notes.txt",
            "catalog-old.sqlite",
            "other-20261207-193000.sqlite",
        ] {
            std::fs::write(dir.join(other), b"x").unwrap();
        }
        let conn = catalog.connect().unwrap();
        take(&conn, catalog.path(), 1).unwrap();
        take(&conn, catalog.path(), 1).unwrap();
        assert_eq!(list(catalog.path()).unwrap().len(), 1);
        for other in [
            "notes.txt",
            "catalog-old.sqlite",
            "other-20261207-193000.sqlite",
        ] {
            assert!(dir.join(other).exists(), "{other}");
        }
    }
}
