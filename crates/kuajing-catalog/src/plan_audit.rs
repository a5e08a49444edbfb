//! Finding statements that walk a whole table. Every statement run once per product or per row
//! must find its rows through an index: one that walks a table makes an import grow with the
//! square of the file (the SKU check did, and 20,000 products took 9 minutes).
//!
//! Tests, here and in the crates above, record every distinct statement some connections run
//! ([`record_on`]) or every connection of the process opens while recording ([`record`]:
//! SQLite's trace hook, installed by [`crate::Catalog::connect`]), and ask SQLite for each
//! one's query plan ([`table_scans`], `EXPLAIN QUERY PLAN`). Not recording, it costs one
//! atomic load per connection.

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use rusqlite::Connection;
use rusqlite::trace::{TraceEvent, TraceEventCodes};

static RECORDING: AtomicBool = AtomicBool::new(false);
static SEEN: Mutex<Vec<Recorded>> = Mutex::new(Vec::new());

/// A statement seen while recording.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recorded {
    /// Its SQL text, as prepared (parameters unbound).
    pub sql: String,
    /// How many times it ran.
    pub runs: usize,
}

/// The distinct statements that every connection opened during `work` runs (by any thread of
/// the process: run it in a test binary of its own), in the order first seen, with how many
/// times each ran. Runs of [`record`] and [`record_on`] do not overlap: a second one waits.
pub fn record(work: impl FnOnce()) -> Vec<Recorded> {
    recording(&[], true, work)
}

/// The same for the statements `conns` run during `work`, and nothing else: tests running
/// beside it, opening connections of their own, add nothing.
pub fn record_on(conns: &[&Connection], work: impl FnOnce()) -> Vec<Recorded> {
    recording(conns, false, work)
}

fn recording(conns: &[&Connection], new_ones: bool, work: impl FnOnce()) -> Vec<Recorded> {
    static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());
    let _guard = ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    take();
    RECORDING.store(new_ones, Ordering::SeqCst);
    for conn in conns {
        trace(conn);
    }
    work();
    RECORDING.store(false, Ordering::SeqCst);
    for conn in conns {
        conn.trace_v2(TraceEventCodes::empty(), None);
    }
    take()
}

fn take() -> Vec<Recorded> {
    std::mem::take(
        &mut *SEEN
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner),
    )
}

/// Installs the hook on a new connection while recording.
pub(crate) fn on_connect(conn: &Connection) {
    if RECORDING.load(Ordering::Relaxed) {
        trace(conn);
    }
}

fn trace(conn: &Connection) {
    conn.trace_v2(TraceEventCodes::SQLITE_TRACE_STMT, Some(seen));
}

fn seen(event: TraceEvent<'_>) {
    if let TraceEvent::Stmt(stmt, _) = event {
        let sql = stmt.sql().into_owned();
        let mut seen = SEEN
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        match seen.iter_mut().find(|r| r.sql == sql) {
            Some(r) => r.runs += 1,
            None => seen.push(Recorded { sql, runs: 1 }),
        }
    }
}

/// The lines of the statement's query plan that walk a whole table or index. A scan of a
/// subquery's own rows, or of a constant row, is not a table walk. Statements other than
/// queries and writes (`BEGIN`, `PRAGMA`…) have no plan.
///
/// # Errors
/// The statement cannot be explained (it does not parse against this schema).
pub fn table_scans(conn: &Connection, sql: &str) -> rusqlite::Result<Vec<String>> {
    // FTS5's own statements on its shadow tables (`'main'.'search_config'`): SQLite's, not ours.
    if sql.contains("'main'.'") {
        return Ok(Vec::new());
    }
    let first = sql.split_whitespace().next().unwrap_or("");
    if !["SELECT", "INSERT", "UPDATE", "DELETE", "WITH"].contains(&first.to_uppercase().as_str()) {
        return Ok(Vec::new());
    }
    let mut stmt = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}"))?;
    // The plan does not depend on the values; bind NULL to every parameter.
    let nulls = vec![rusqlite::types::Null; stmt.parameter_count()];
    let details = stmt
        .query_map(rusqlite::params_from_iter(nulls), |r| r.get::<_, String>(3))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(details
        .into_iter()
        .filter(|d| {
            d.starts_with("SCAN ")
                && !d.starts_with("SCAN (subquery")
                && d != "SCAN CONSTANT ROW"
                && !constrained_virtual(d)
                && !d.contains(" VIRTUAL TABLE INDEX 1:")
                && !DRAINED.iter().any(|t| d == &format!("SCAN {t}"))
        })
        .collect())
}

/// (`rarray(?)`, a list of ids the caller gives, is read whole by design: its plan reads
/// `VIRTUAL TABLE INDEX 1:`, where FTS5's full scan would be `INDEX 0:`.)
///
/// Tables emptied by the transaction that fills them: a walk of one reads only the rows that
/// transaction wrote (`search_dirty`: the products whose search row is rewritten at commit).
const DRAINED: &[&str] = &["search_dirty"];

/// A virtual table read through a constraint (FTS5's `INDEX 0:M1` is a MATCH, `0:=` a rowid
/// lookup): its own index answers it, however SQLite words the plan.
fn constrained_virtual(detail: &str) -> bool {
    detail
        .split_once("VIRTUAL TABLE INDEX ")
        .and_then(|(_, index)| index.split_once(':'))
        .is_some_and(|(_, constraints)| !constraints.is_empty())
}

/// Each table walk among `statements` that ran more than `max_runs` times, with the
/// statement it is in and its count. A walk run once per import (loading the glossary) is
/// fine; once per product it is what this module is for.
///
/// # Errors
/// A statement cannot be explained.
pub fn walks(
    conn: &Connection,
    statements: &[Recorded],
    max_runs: usize,
) -> rusqlite::Result<Vec<String>> {
    let mut out = Vec::new();
    for r in statements.iter().filter(|r| r.runs > max_runs) {
        for scan in table_scans(conn, &r.sql)? {
            out.push(format!("{scan}\n    in ({} runs): {}", r.runs, r.sql));
        }
    }
    Ok(out)
}

/// The statements inside the catalog's triggers, `NEW.x` and `OLD.x` made parameters, each
/// with its trigger's name: SQLite's plan of a write does not show the triggers it fires, so
/// they are checked apart. A trigger statement with no `WHERE` (a glossary change forgets
/// every count) is left out: it empties a table on purpose, once per change.
///
/// # Errors
/// The schema cannot be read.
pub fn trigger_statements(conn: &Connection) -> rusqlite::Result<Vec<(String, String)>> {
    let mut stmt =
        conn.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name")?;
    let triggers = stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut out = Vec::new();
    for (name, sql) in triggers {
        let upper = sql.to_uppercase();
        let (Some(begin), Some(end)) = (upper.find("BEGIN"), upper.rfind("END")) else {
            continue;
        };
        for body in sql[begin + 5..end].split(';') {
            let body = body.trim();
            if body.is_empty() || !body.to_uppercase().contains("WHERE") {
                continue;
            }
            out.push((name.clone(), parameterised(body)));
        }
    }
    Ok(out)
}

/// `NEW.name` / `OLD.name` replaced by `?`.
fn parameterised(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut rest = sql;
    while let Some(at) = rest.find("NEW.").into_iter().chain(rest.find("OLD.")).min() {
        out.push_str(&rest[..at]);
        out.push('?');
        let after = &rest[at + 4..];
        let len = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(after.len());
        rest = &after[len..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trigger_bodies_become_statements_with_parameters() {
        assert_eq!(
            parameterised("DELETE FROM f WHERE product_id = NEW.product_id AND x = OLD.id"),
            "DELETE FROM f WHERE product_id = ? AND x = ?"
        );
        let (_dir, catalog) = crate::test_support::temp_catalog();
        let conn = catalog.connect().unwrap();
        let statements = trigger_statements(&conn).unwrap();
        assert!(
            statements
                .iter()
                .any(|(name, sql)| name == "completeness_copy_insert"
                    && sql == "DELETE FROM completeness WHERE product_id = ?"),
            "{statements:?}"
        );
        let walks: Vec<String> = statements
            .iter()
            .flat_map(|(name, sql)| {
                table_scans(&conn, sql)
                    .unwrap()
                    .into_iter()
                    .map(move |s| format!("{name}: {s} in {sql}"))
            })
            .collect();
        assert!(
            walks.is_empty(),
            "triggers that walk a table:\n{}",
            walks.join("\n")
        );
    }
}
