//! Forward-only schema migrations, embedded at build time. Each runs in its own transaction
//! and bumps `PRAGMA user_version`; an existing catalog is backed up before the first one.

use std::path::Path;

use rusqlite::Connection;

use crate::{Error, Result};

const MIGRATIONS: &[(&str, &str)] = &[("0001_init", include_str!("../migrations/0001_init.sql"))];

pub(crate) fn run(conn: &mut Connection, path: &Path) -> Result<()> {
    let known = MIGRATIONS.len() as i64;
    let found: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if found > known {
        return Err(Error::TooNew {
            path: path.to_owned(),
            found,
            known,
        });
    }
    if found == known {
        return Ok(());
    }
    if found > 0 {
        let backup = path.with_extension(format!("bak-v{found}"));
        std::fs::copy(path, backup).map_err(Error::Backup)?;
    }
    for (index, (name, sql)) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        let migration = |source| Error::Migration { name, source };
        let tx = conn.transaction().map_err(migration)?;
        tx.execute_batch(sql).map_err(migration)?;
        tx.pragma_update(None, "user_version", index as i64 + 1)
            .map_err(migration)?;
        tx.commit().map_err(migration)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::Catalog;

    #[test]
    fn a_new_catalog_is_created_at_the_latest_version_and_reopens() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nested/catalog.sqlite");
        Catalog::open(&path).unwrap();
        let catalog = Catalog::open(&path).unwrap();
        let version: i64 = catalog
            .connect()
            .unwrap()
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(version, super::MIGRATIONS.len() as i64);
    }

    #[test]
    fn a_catalog_from_a_newer_build_is_refused_not_damaged() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("catalog.sqlite");
        let catalog = Catalog::open(&path).unwrap();
        catalog
            .connect()
            .unwrap()
            .pragma_update(None, "user_version", 99)
            .unwrap();
        let err = Catalog::open(&path).unwrap_err();
        assert_eq!(err.code(), "catalog-too-new");
        assert!(err.to_string().contains("catalog.sqlite"));
    }
}
