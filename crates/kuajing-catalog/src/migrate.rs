//! Forward-only schema migrations, embedded at build time. They run together in one
//! `BEGIN IMMEDIATE` transaction that bumps `PRAGMA user_version`; an existing catalog is
//! backed up first, consistently, while that transaction holds the write lock.

use std::path::{Path, PathBuf};

use rusqlite::Connection;

use crate::{Error, Result};

type Migration = (&'static str, &'static str);

const MIGRATIONS: &[Migration] = &[
    ("0001_init", include_str!("../migrations/0001_init.sql")),
    (
        "0002_drafting",
        include_str!("../migrations/0002_drafting.sql"),
    ),
    ("0003_review", include_str!("../migrations/0003_review.sql")),
    (
        "0004_findings",
        include_str!("../migrations/0004_findings.sql"),
    ),
    ("0005_labels", include_str!("../migrations/0005_labels.sql")),
    (
        "0006_completeness",
        include_str!("../migrations/0006_completeness.sql"),
    ),
    (
        "0007_vendor_index",
        include_str!("../migrations/0007_vendor_index.sql"),
    ),
    ("0008_search", include_str!("../migrations/0008_search.sql")),
    ("0009_bulk", include_str!("../migrations/0009_bulk.sql")),
];

pub(crate) fn run(conn: &mut Connection, path: &Path) -> Result<()> {
    run_these(conn, path, MIGRATIONS)
}

fn version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

fn run_these(conn: &mut Connection, path: &Path, migrations: &[Migration]) -> Result<()> {
    let known = migrations.len() as i64;
    let check = |found: i64| match found {
        _ if found > known => Err(Error::TooNew {
            path: path.to_owned(),
            found,
            known,
        }),
        _ => Ok(found == known),
    };
    // The common case answers without taking the write lock.
    if check(version(conn)?)? {
        return Ok(());
    }
    // 0003 hashes the English of existing copy in SQL.
    crate::queries::review::register_hash(conn)?;
    let tx = crate::write_tx(conn)?;
    // Another process may have migrated while this one waited for the lock.
    let found = version(&tx)?;
    if check(found)? {
        return Ok(());
    }
    if found > 0 {
        backup(path, found)?;
    }
    for (index, (name, sql)) in migrations.iter().enumerate().skip(found as usize) {
        let migration = |source| Error::Migration { name, source };
        tx.execute_batch(sql).map_err(migration)?;
        tx.pragma_update(None, "user_version", index as i64 + 1)
            .map_err(migration)?;
    }
    // Only the schema: the search index of products a migration marks is written by the
    // catalog's open, once the schema has every table it needs.
    tx.0.commit()?;
    Ok(())
}

/// The backup's path: `<catalog>.bak-v<version>`.
pub(crate) fn backup_path(path: &Path, version: i64) -> PathBuf {
    path.with_extension(format!("bak-v{version}"))
}

/// Copies the catalog as committed to `<file>.bak-v<found>` through SQLite's backup API on a
/// second connection. The caller holds the write lock, so no commit can land during the copy
/// (a plain file copy would miss what is still in the `-wal` file). Written to a temp file and
/// renamed, so a crash never leaves half a backup under the backup's name.
fn backup(path: &Path, found: i64) -> Result<()> {
    let target = backup_path(path, found);
    let folder = target.parent().unwrap_or(Path::new("."));
    let temp = kuajing_files::temp_file_in(folder).map_err(Error::Backup)?;
    let io = |e: rusqlite::Error| Error::Backup(std::io::Error::other(e));
    let source = Connection::open(path).map_err(io)?;
    {
        let mut copy = Connection::open(temp.path()).map_err(io)?;
        rusqlite::backup::Backup::new(&source, &mut copy)
            .and_then(|b| b.step(-1).map(|_| ()))
            .map_err(io)?;
        let copied: i64 = copy
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(io)?;
        if copied != found {
            return Err(Error::Backup(std::io::Error::other(format!(
                "the backup holds schema {copied}, not {found}"
            ))));
        }
    }
    kuajing_files::persist(temp, &target).map_err(Error::Backup)
}

#[cfg(test)]
mod tests {
    use super::*;
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
        assert_eq!(version, MIGRATIONS.len() as i64);
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

    const NEXT: Migration = (
        "9000_test",
        "ALTER TABLE products ADD COLUMN note TEXT NOT NULL DEFAULT '';",
    );

    /// Every shipped migration, then `more`.
    fn shipped_and(more: &[Migration]) -> Vec<Migration> {
        MIGRATIONS.iter().chain(more).copied().collect()
    }

    const LATEST: i64 = MIGRATIONS.len() as i64;

    fn catalog_with_a_product() -> (tempfile::TempDir, Catalog) {
        let (dir, catalog) = crate::test_support::temp_catalog();
        let conn = catalog.connect().unwrap();
        crate::queries::products::upsert(
            &conn,
            &crate::queries::products::tests::sample("rainier"),
            "import",
        )
        .unwrap();
        (dir, catalog)
    }

    #[test]
    fn an_upgrade_backs_up_what_was_committed_even_if_it_is_still_in_the_wal() {
        let (_dir, catalog) = catalog_with_a_product();
        // A connection left open keeps the commit above in the -wal file, where a file copy
        // of the catalog alone would miss it.
        let _reader = catalog.connect().unwrap();
        let mut conn = catalog.connect().unwrap();
        run_these(&mut conn, catalog.path(), &shipped_and(&[NEXT])).unwrap();

        assert_eq!(version(&conn).unwrap(), LATEST + 1);
        let backup = Connection::open(backup_path(catalog.path(), LATEST)).unwrap();
        assert_eq!(version(&backup).unwrap(), LATEST);
        let handle: String = backup
            .query_row("SELECT handle FROM products", [], |r| r.get(0))
            .unwrap();
        assert_eq!(handle, "rainier");
        assert_eq!(
            backup
                .query_row("PRAGMA integrity_check", [], |r| r.get::<_, String>(0))
                .unwrap(),
            "ok"
        );
        let note: String = conn
            .query_row("SELECT note FROM products", [], |r| r.get(0))
            .unwrap();
        assert_eq!(note, "");
    }

    #[test]
    fn a_failing_migration_changes_nothing() {
        let (_dir, catalog) = catalog_with_a_product();
        let mut conn = catalog.connect().unwrap();
        let broken: Migration = (
            "9001_broken",
            "ALTER TABLE products ADD COLUMN x TEXT; SELECT * FROM nowhere;",
        );
        let err = run_these(&mut conn, catalog.path(), &shipped_and(&[NEXT, broken])).unwrap_err();
        assert_eq!(err.code(), "catalog-migration");
        assert!(err.to_string().contains("9001_broken"));
        assert_eq!(version(&conn).unwrap(), LATEST);
        let columns: i64 = conn
            .query_row(
                "SELECT count(*) FROM pragma_table_info('products') WHERE name IN ('note', 'x')",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(columns, 0);
        assert_eq!(crate::queries::products::count(&conn).unwrap(), 1);
    }
}
