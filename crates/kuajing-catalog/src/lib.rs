//! The local SQLite catalog: schema, migrations, queries and the edit history.
//!
//! The catalog is one SQLite file plus a `media/` folder beside it holding the merchant's
//! image bytes by content hash. This crate owns the schema and every SQL statement; callers
//! never write SQL. It knows nothing of Shopify, marketplaces, images or Tauri: it stores what
//! it is given and records every change to copy in `history`.

pub mod backups;
mod migrate;
pub mod plan_audit;
pub mod queries;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, Transaction, TransactionBehavior};

pub use queries::copy::{CopyField, Locale};
pub use queries::glossary::GlossaryTerm;
pub use queries::history::HistoryEntry;
pub use queries::images::ImageRow;
pub use queries::list::{FieldState, ListOrder, ProductSummaryRow};
pub use queries::options::OptionValue;
pub use queries::products::{
    Attribute, NewImage, NewProduct, NewVariant, ProductFields, ProductRow, UpsertOutcome,
    VariantRow,
};
pub use queries::settings::Rate;
pub use rusqlite;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot open the catalog {path}: {source}")]
    Open {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("cannot create the folder {path}: {source}")]
    Folder {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "the catalog {path} was written by a newer Kuajing (schema {found}, this build knows {known}); update Kuajing"
    )]
    TooNew {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    #[error("catalog migration {name} failed: {source}")]
    Migration {
        name: &'static str,
        source: rusqlite::Error,
    },
    #[error("cannot back up the catalog before migrating it: {0}")]
    Backup(std::io::Error),
    #[error("cannot write a backup of the catalog to {path}: {source}")]
    Snapshot {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("no product with handle `{0}`")]
    NoProduct(String),
    #[error("no bulk edit number {0} in the catalog's history")]
    NoBatch(i64),
    #[error("no vendor named `{0}` in the catalog (the Vendor column of the Shopify export)")]
    NoVendor(String),
    #[error("`{field}` is not a field that can be set here (fields: {known})")]
    UnknownField { field: String, known: String },
    #[error("SKU {sku} is already used by product `{other}`")]
    SkuTaken { sku: String, other: String },
    #[error("catalog query failed: {0}")]
    Sql(#[from] rusqlite::Error),
    #[error("catalog data is damaged: {0}")]
    Json(#[from] serde_json::Error),
    #[error(
        "the {field} of `{handle}` was changed elsewhere while you edited it; the catalog now holds: {theirs}"
    )]
    CopyConflict {
        handle: String,
        field: String,
        /// The text the catalog holds now, which the edit was not based on.
        theirs: String,
    },
    #[error("cannot store media file {path}: {source}")]
    Media {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl Error {
    /// A stable code the UI maps to a Fluent message (`error-<code>`).
    pub fn code(&self) -> &'static str {
        match self {
            Error::Open { .. } | Error::Folder { .. } => "catalog-open",
            Error::TooNew { .. } => "catalog-too-new",
            Error::Migration { .. } | Error::Backup(_) => "catalog-migration",
            Error::Snapshot { .. } => "catalog-backup",
            Error::NoProduct(_) => "no-product",
            Error::NoBatch(_) => "no-batch",
            Error::NoVendor(_) => "no-vendor",
            Error::UnknownField { .. } => "unknown-field",
            Error::SkuTaken { .. } => "sku-taken",
            Error::CopyConflict { .. } => "copy-conflict",
            Error::Sql(_) | Error::Json(_) => "catalog-query",
            Error::Media { .. } => "media-write",
        }
    }

    /// The values a translated message needs.
    pub fn args(&self) -> std::collections::BTreeMap<String, String> {
        let pairs: Vec<(&str, String)> = match self {
            Error::Open { path, .. } | Error::Folder { path, .. } | Error::Media { path, .. } => {
                vec![("path", path.display().to_string())]
            }
            Error::TooNew { path, found, known } => vec![
                ("path", path.display().to_string()),
                ("found", found.to_string()),
                ("known", known.to_string()),
            ],
            Error::Migration { name, .. } => vec![("name", (*name).to_owned())],
            Error::NoProduct(handle) => vec![("handle", handle.clone())],
            Error::NoBatch(batch) => vec![("batch", batch.to_string())],
            Error::NoVendor(vendor) => vec![("vendor", vendor.clone())],
            Error::UnknownField { field, known } => {
                vec![("field", field.clone()), ("known", known.clone())]
            }
            Error::SkuTaken { sku, other } => vec![("sku", sku.clone()), ("other", other.clone())],
            Error::CopyConflict {
                handle,
                field,
                theirs,
            } => vec![
                ("handle", handle.clone()),
                ("field", field.clone()),
                ("theirs", theirs.clone()),
            ],
            Error::Backup(_) | Error::Sql(_) | Error::Json(_) => Vec::new(),
            Error::Snapshot { path, source } => vec![
                ("path", path.display().to_string()),
                ("detail", source.to_string()),
            ],
        };
        pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// How long a connection waits for another writer before giving up. An import of 100,000
/// variants holds the write lock for a few seconds; an edit saved meanwhile waits and lands.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// A catalog on disk. Cheap to clone and share between threads: every call opens its own
/// connection (SQLite connections are not `Sync`, and opening one costs microseconds), so
/// there is no global connection and no lock around one.
#[derive(Debug, Clone)]
pub struct Catalog {
    path: PathBuf,
    /// Connections kept for [`Catalog::reader`], shared by the clones of this catalog.
    readers: std::sync::Arc<std::sync::Mutex<Vec<Connection>>>,
}

/// How many idle reader connections a catalog keeps.
const READERS: usize = 4;

/// A reader's own page cache, kept small: readers read the file through a shared memory map
/// instead (`READER_MMAP_BYTES`). With 32 MiB caches the app at 20,000 products held 500 MiB
/// after a scroll through the list, 310 MiB with the map, and searches were as fast
/// (docs/benchmarks-catalog.md).
const READER_CACHE_KIB: i64 = 2 * 1024;
/// How much of the catalog file a reader maps: the OS's page cache, shared by every reader and
/// given back under memory pressure, in place of a copy in each connection.
const READER_MMAP_BYTES: i64 = 1 << 30;

/// SQLite's `PRAGMA data_version` on `conn`: it changes when another connection commits to
/// the catalog, so a value read before and after shows whether what was read still holds.
pub fn data_version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA data_version", [], |r| r.get(0))?)
}

/// A connection from [`Catalog::reader`]; back to the pool when dropped.
#[derive(Debug)]
pub struct Reader<'c> {
    conn: Option<Connection>,
    pool: &'c std::sync::Mutex<Vec<Connection>>,
}

impl std::ops::Deref for Reader<'_> {
    type Target = Connection;
    fn deref(&self) -> &Connection {
        self.conn
            .as_ref()
            .unwrap_or_else(|| unreachable!("taken only on drop"))
    }
}

impl Drop for Reader<'_> {
    fn drop(&mut self) {
        let Some(conn) = self.conn.take() else { return };
        // A connection left inside a transaction (a panic mid-way) is closed, not kept.
        if conn.is_autocommit()
            && let Ok(mut pool) = self.pool.lock()
            && pool.len() < READERS
        {
            pool.push(conn);
        }
    }
}

impl Catalog {
    /// Opens the catalog at `path`, creating it (and its folder) on first use and migrating it
    /// to the current schema. An existing catalog is copied to `<file>.bak-v<N>` first.
    pub fn open(path: &Path) -> Result<Self> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| Error::Folder {
                path: dir.to_owned(),
                source,
            })?;
        }
        let catalog = Catalog {
            path: path.to_owned(),
            readers: std::sync::Arc::default(),
        };
        let mut conn = catalog.connect()?;
        migrate::run(&mut conn, path)?;
        // After an upgrade every product waits for its search row.
        queries::search::ensure_fresh(&conn)?;
        catalog.sweep_temp_files();
        Ok(catalog)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The folder holding image bytes by content hash, shared by catalogs in one folder.
    pub fn media_dir(&self) -> PathBuf {
        self.path.parent().unwrap_or(Path::new(".")).join("media")
    }

    /// The folder holding rendered slot images by content hash (a cache: safe to delete).
    pub fn renders_dir(&self) -> PathBuf {
        self.path.parent().unwrap_or(Path::new(".")).join("renders")
    }

    /// Removes what a crashed writer left: temp files in the catalog's folder and in the media
    /// and render folders. Best effort: a folder that cannot be listed keeps its leftovers,
    /// which cost disk space and nothing else.
    fn sweep_temp_files(&self) {
        let folder = self.path.parent().unwrap_or(Path::new(".")).to_owned();
        for dir in [
            folder,
            self.media_dir(),
            self.renders_dir(),
            backups::folder(&self.path),
        ] {
            let _ = kuajing_files::sweep_temp_files(&dir);
        }
    }

    /// A connection for reads that run often, such as the product list on every keystroke:
    /// kept between calls, so its page cache and prepared statements are warm (a new
    /// connection reads every page from the file again). Writes go through [`Self::connect`].
    pub fn reader(&self) -> Result<Reader<'_>> {
        let kept = self.readers.lock().ok().and_then(|mut pool| pool.pop());
        let conn = match kept {
            Some(conn) => {
                plan_audit::on_connect(&conn);
                conn
            }
            None => {
                let conn = self.connect()?;
                conn.pragma_update(None, "cache_size", -READER_CACHE_KIB)?;
                conn.pragma_update(None, "mmap_size", READER_MMAP_BYTES)?;
                conn
            }
        };
        Ok(Reader {
            conn: Some(conn),
            pool: &self.readers,
        })
    }

    /// A new connection with the settings every connection must have.
    pub fn connect(&self) -> Result<Connection> {
        let open = |source| Error::Open {
            path: self.path.clone(),
            source,
        };
        let conn = Connection::open(&self.path).map_err(open)?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(open)?;
        conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
        plan_audit::on_connect(&conn);
        conn.execute_batch("PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON;")
            .map_err(open)?;
        // `rarray(?)`: a list of ids as a table (the product list's page).
        rusqlite::vtab::array::load_module(&conn).map_err(open)?;
        conn.create_scalar_function(
            "kuajing_now",
            0,
            rusqlite::functions::FunctionFlags::SQLITE_UTF8,
            |_| Ok(now_stamp(std::time::SystemTime::now())),
        )
        .map_err(open)?;
        Ok(conn)
    }
}

/// Days since 1970-01-01 to `YYYY-MM-DD` (Howard Hinnant's `civil_from_days`).
pub fn civil_date(days: u64) -> String {
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// `time` as the catalog writes times: UTC to the millisecond, `2026-12-08T00:21:50.123Z`, as
/// `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')` does. Statements call it as `kuajing_now()`:
/// SQLite's `strftime` parsed its format on every row, 8% of a 100,000-variant import.
pub fn now_stamp(time: std::time::SystemTime) -> String {
    let ms = time
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis());
    let (days, ms) = ((ms / 86_400_000) as u64, (ms % 86_400_000) as u32);
    format!(
        "{}T{:02}:{:02}:{:02}.{:03}Z",
        civil_date(days),
        ms / 3_600_000,
        ms / 60_000 % 60,
        ms / 1000 % 60,
        ms % 1000
    )
}

/// Statements through the connection's prepared-statement cache. `Connection::execute` and
/// `query_row` parse and plan their SQL on every call; for the statements run once per row of
/// an import that was a third of its time. Every query in this crate goes through these.
pub trait CachedStatements {
    /// [`Connection::execute`], prepared once per connection.
    fn exec_cached<P: rusqlite::Params>(&self, sql: &str, params: P) -> rusqlite::Result<usize>;

    /// [`Connection::query_row`], prepared once per connection.
    fn row_cached<T, P, F>(&self, sql: &str, params: P, f: F) -> rusqlite::Result<T>
    where
        P: rusqlite::Params,
        F: FnOnce(&rusqlite::Row<'_>) -> rusqlite::Result<T>;
}

impl CachedStatements for Connection {
    fn exec_cached<P: rusqlite::Params>(&self, sql: &str, params: P) -> rusqlite::Result<usize> {
        self.prepare_cached(sql)?.execute(params)
    }

    fn row_cached<T, P, F>(&self, sql: &str, params: P, f: F) -> rusqlite::Result<T>
    where
        P: rusqlite::Params,
        F: FnOnce(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    {
        self.prepare_cached(sql)?.query_row(params, f)
    }
}

/// How many prepared statements a connection keeps (rusqlite's default is 16, fewer than an
/// import runs per product, so each was parsed again every time).
const STATEMENT_CACHE: usize = 128;

/// Starts a write transaction that takes the write lock at once (`BEGIN IMMEDIATE`).
///
/// Every write transaction starts this way. A deferred transaction that reads first and then
/// writes cannot wait for another writer: when its snapshot is older than the other writer's
/// commit, SQLite answers `SQLITE_BUSY` at once, whatever `busy_timeout` says. Taking the lock
/// at `BEGIN` makes a writer wait (up to the connection's busy timeout) and then see the
/// latest data. Keep slow work (reading files, decoding photos) before this call.
pub fn write_tx(conn: &mut Connection) -> Result<WriteTx<'_>> {
    Ok(WriteTx(conn.transaction_with_behavior(
        TransactionBehavior::Immediate,
    )?))
}

/// [`write_tx`] if the write lock is free now, `None` if another writer holds it: for work
/// that may be skipped (storing counts a read made) rather than waited for.
pub fn try_write_tx(conn: &mut Connection) -> Result<Option<WriteTx<'_>>> {
    let conn: &Connection = conn;
    conn.busy_timeout(Duration::ZERO)?;
    let busy = match Transaction::new_unchecked(conn, TransactionBehavior::Immediate) {
        Ok(tx) => {
            tx.busy_timeout(BUSY_TIMEOUT)?;
            return Ok(Some(WriteTx(tx)));
        }
        Err(rusqlite::Error::SqliteFailure(e, _))
            if e.code == rusqlite::ErrorCode::DatabaseBusy =>
        {
            None
        }
        Err(e) => Some(e),
    };
    conn.busy_timeout(BUSY_TIMEOUT)?;
    match busy {
        None => Ok(None),
        Some(e) => Err(e.into()),
    }
}

/// A write transaction from [`write_tx`]. It derefs to the transaction (and so to the
/// connection); [`WriteTx::commit`] brings derived tables up to date before it commits.
/// Dropped without a commit, it rolls back.
#[derive(Debug)]
pub struct WriteTx<'c>(Transaction<'c>);

impl WriteTx<'_> {
    /// Rewrites the search rows of the products this transaction changed
    /// ([`queries::search::refresh`]), then commits: a search never sees the index behind
    /// the tables.
    pub fn commit(self) -> Result<()> {
        queries::search::refresh(&self.0)?;
        Ok(self.0.commit()?)
    }

    /// Undoes everything the transaction wrote (as dropping it does, but with its error).
    pub fn rollback(self) -> Result<()> {
        Ok(self.0.rollback()?)
    }
}

impl<'c> std::ops::Deref for WriteTx<'c> {
    type Target = Transaction<'c>;
    fn deref(&self) -> &Transaction<'c> {
        &self.0
    }
}

impl<'c> std::ops::DerefMut for WriteTx<'c> {
    fn deref_mut(&mut self) -> &mut Transaction<'c> {
        &mut self.0
    }
}

#[cfg(test)]
pub(crate) mod test_support {
    use super::*;

    pub fn temp_catalog() -> (tempfile::TempDir, Catalog) {
        let dir = tempfile::tempdir().unwrap();
        let catalog = Catalog::open(&dir.path().join("catalog.sqlite")).unwrap();
        (dir, catalog)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, UNIX_EPOCH};

    #[test]
    fn now_stamp_writes_what_sqlite_strftime_writes() {
        let conn = Connection::open_in_memory().unwrap();
        // Leap days, year ends, the epoch, a far year, and milliseconds at both ends.
        for ms in [
            0_u64,
            951_782_400_123,   // 2000-02-29
            1_709_208_000_999, // 2024-02-29T12:00
            1_798_761_599_000, // 2026-12-31T23:59:59
            4_102_444_800_500, // 2100-01-01
            1_797_000_000_001,
        ] {
            let at = UNIX_EPOCH + Duration::from_millis(ms);
            let theirs: String = conn
                .query_row(
                    "SELECT strftime('%Y-%m-%dT%H:%M:%fZ', ?1 / 1000.0, 'unixepoch')",
                    [ms as i64],
                    |r| r.get(0),
                )
                .unwrap();
            assert_eq!(now_stamp(at), theirs, "{ms} ms");
        }
    }

    #[test]
    fn every_connection_has_kuajing_now() {
        let (_dir, catalog) = test_support::temp_catalog();
        let conn = catalog.connect().unwrap();
        let sqlite_now = || -> String {
            conn.query_row("SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now')", [], |r| {
                r.get(0)
            })
            .unwrap()
        };
        let before = sqlite_now();
        let ours: String = conn
            .query_row("SELECT kuajing_now()", [], |r| r.get(0))
            .unwrap();
        let after = sqlite_now();
        assert!(before <= ours && ours <= after, "{before} {ours} {after}");
    }
}
