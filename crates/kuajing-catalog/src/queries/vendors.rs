//! Vendors (the Shopify `Vendor` column) and what a label needs of them: the 境内代理商, the
//! importer or agent in China, with name, address and phone. A vendor's row appears when it is
//! first set; a vendor with none has an empty agent. Every change is kept in history as a
//! catalog-wide row (`vendor:<name>:<field>`).

use crate::CachedStatements as _;
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};

use crate::queries::history;
use crate::{Error, Result};

/// A vendor's agent in China (empty: not set).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct Agent {
    pub agent_name: String,
    pub agent_address: String,
    pub agent_phone: String,
}

/// A vendor as the app lists it: its name, how many products it has, and its agent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Vendor {
    pub name: String,
    pub products: u32,
    #[serde(flatten)]
    pub agent: Agent,
}

/// The fields [`set`] takes.
pub const FIELDS: [&str; 3] = ["agent_name", "agent_address", "agent_phone"];

/// The agent of `vendor` (empty when never set).
pub fn agent(conn: &Connection, vendor: &str) -> Result<Agent> {
    let mut stmt = conn.prepare_cached(
        "SELECT agent_name, agent_address, agent_phone FROM vendors WHERE name = ?1",
    )?;
    Ok(stmt
        .query_row([vendor], |r| {
            Ok(Agent {
                agent_name: r.get(0)?,
                agent_address: r.get(1)?,
                agent_phone: r.get(2)?,
            })
        })
        .optional()?
        .unwrap_or_default())
}

/// Every vendor with products, by name, with its agent.
pub fn all(conn: &Connection) -> Result<Vec<Vendor>> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.vendor, count(*), coalesce(v.agent_name, ''), coalesce(v.agent_address, ''),
                coalesce(v.agent_phone, '')
         FROM products p LEFT JOIN vendors v ON v.name = p.vendor
         GROUP BY p.vendor ORDER BY p.vendor COLLATE NOCASE",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(Vendor {
            name: r.get(0)?,
            products: r.get(1)?,
            agent: Agent {
                agent_name: r.get(2)?,
                agent_address: r.get(3)?,
                agent_phone: r.get(4)?,
            },
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Sets one agent field of `vendor` (trimmed), recorded in history. The vendor must have
/// products; `field` must be one of [`FIELDS`]. Setting the same text again records nothing.
pub fn set(conn: &Connection, vendor: &str, field: &str, value: &str, source: &str) -> Result<()> {
    if !FIELDS.contains(&field) {
        return Err(Error::UnknownField {
            field: field.to_owned(),
            known: FIELDS.join(", "),
        });
    }
    let known: bool = conn.row_cached(
        "SELECT EXISTS (SELECT 1 FROM products WHERE vendor = ?1)",
        [vendor],
        |r| r.get(0),
    )?;
    if !known {
        return Err(Error::NoVendor(vendor.to_owned()));
    }
    let value = value.trim();
    let before = agent(conn, vendor)?;
    let old = match field {
        "agent_name" => &before.agent_name,
        "agent_address" => &before.agent_address,
        _ => &before.agent_phone,
    };
    if old == value {
        return Ok(());
    }
    conn.exec_cached(
        "INSERT INTO vendors (name) VALUES (?1) ON CONFLICT (name) DO NOTHING",
        [vendor],
    )?;
    // `field` is one of FIELDS, checked above, never free input.
    conn.exec_cached(
        &format!("UPDATE vendors SET {field} = ?2 WHERE name = ?1"),
        params![vendor, value],
    )?;
    history::record_catalog(
        conn,
        &format!("vendor:{vendor}:{field}"),
        None,
        Some(old),
        Some(value),
        source,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::queries::products;
    use crate::test_support::temp_catalog;

    #[test]
    fn an_agent_is_set_field_by_field_with_history_and_checked_names() {
        let (_dir, catalog) = temp_catalog();
        let mut conn = catalog.connect().unwrap();
        let tx = crate::write_tx(&mut conn).unwrap();
        products::upsert(&tx, &products::tests::sample("rainier"), "import").unwrap();
        tx.commit().unwrap();
        let vendor = "Columbia Orchard";
        assert_eq!(agent(&conn, vendor).unwrap(), Agent::default());
        set(
            &conn,
            vendor,
            "agent_name",
            " 上海某某贸易有限公司 ",
            "edit",
        )
        .unwrap();
        set(&conn, vendor, "agent_phone", "021-5555 0100", "edit").unwrap();
        set(&conn, vendor, "agent_phone", "021-5555 0100", "edit").unwrap();
        let got = agent(&conn, vendor).unwrap();
        assert_eq!(got.agent_name, "上海某某贸易有限公司");
        assert_eq!(got.agent_phone, "021-5555 0100");
        assert_eq!(got.agent_address, "");
        let listed = all(&conn).unwrap();
        assert_eq!(listed.len(), 1);
        assert_eq!((listed[0].products, &listed[0].agent), (1, &got));
        let history: Vec<String> = conn
            .prepare("SELECT field || '=' || new FROM history WHERE handle = '' ORDER BY id")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(
            history,
            [
                "vendor:Columbia Orchard:agent_name=上海某某贸易有限公司",
                "vendor:Columbia Orchard:agent_phone=021-5555 0100"
            ]
        );
        let err = set(&conn, "Nobody", "agent_name", "x", "edit").unwrap_err();
        assert_eq!(err.code(), "no-vendor");
        let err = set(&conn, vendor, "agent_fax", "x", "edit").unwrap_err();
        assert_eq!(err.code(), "unknown-field");
        assert!(err.to_string().contains("agent_phone"), "{err}");
    }
}
