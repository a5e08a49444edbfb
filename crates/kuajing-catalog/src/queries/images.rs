//! Product images: where each came from and, once held, its bytes' file in the media folder.

use crate::CachedStatements as _;
use rusqlite::{Connection, params};
use serde::Serialize;

use crate::Result;
use crate::queries::products::NewImage;

#[derive(Debug, Clone, Serialize)]
pub struct ImageRow {
    pub id: i64,
    pub position: i64,
    pub src: String,
    pub alt: String,
    pub media: Option<String>,
    pub error: Option<String>,
}

pub(crate) fn insert(
    conn: &Connection,
    product_id: i64,
    position: i64,
    image: &NewImage,
) -> Result<()> {
    conn.exec_cached(
        "INSERT INTO images (product_id, position, src, alt, media, error)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            product_id,
            position,
            image.src,
            image.alt,
            image.media,
            image.error
        ],
    )?;
    Ok(())
}

pub fn for_product(conn: &Connection, product_id: i64) -> Result<Vec<ImageRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, position, src, alt, media, error FROM images
         WHERE product_id = ?1 ORDER BY position",
    )?;
    let rows = stmt.query_map([product_id], |r| {
        Ok(ImageRow {
            id: r.get(0)?,
            position: r.get(1)?,
            src: r.get(2)?,
            alt: r.get(3)?,
            media: r.get(4)?,
            error: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Images whose bytes we do not hold yet and that have not failed for good: the ones to
/// download. `handle` narrows it to one product.
pub fn pending(conn: &Connection, handle: Option<&str>) -> Result<Vec<(String, ImageRow)>> {
    // Two statements, so one product's images are found through its handle and the
    // `images_product` index instead of a walk over every image.
    const SELECT: &str = "SELECT p.handle, i.id, i.position, i.src, i.alt, i.media, i.error
         FROM images i JOIN products p ON p.id = i.product_id
         WHERE i.media IS NULL AND i.error IS NULL";
    let rows = match handle {
        Some(handle) => conn
            .prepare_cached(&format!("{SELECT} AND p.handle = ?1 ORDER BY i.position"))?
            .query_map([handle], handle_and_row)?
            .collect::<Result<Vec<_>, _>>()?,
        None => conn
            .prepare_cached(&format!("{SELECT} ORDER BY p.id, i.position"))?
            .query_map([], handle_and_row)?
            .collect::<Result<Vec<_>, _>>()?,
    };
    Ok(rows)
}

/// Every image whose bytes we hold, with its product's handle, in catalog order: what a
/// render batch works on.
pub fn with_media(conn: &Connection) -> Result<Vec<(String, ImageRow)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.handle, i.id, i.position, i.src, i.alt, i.media, i.error
         FROM images i JOIN products p ON p.id = i.product_id
         WHERE i.media IS NOT NULL
         ORDER BY p.id, i.position",
    )?;
    let rows = stmt.query_map([], handle_and_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The media file of one image (`None` until its bytes are fetched); an unknown id is an error.
pub fn media_of(conn: &Connection, image_id: i64) -> Result<Option<String>> {
    Ok(
        conn.row_cached("SELECT media FROM images WHERE id = ?1", [image_id], |r| {
            r.get(0)
        })?,
    )
}

/// Records that an image cannot be used (JSON `{code, message, args}`), so it is not retried.
pub fn set_error(conn: &Connection, image_id: i64, error: &str) -> Result<()> {
    conn.exec_cached(
        "UPDATE images SET error = ?2 WHERE id = ?1",
        params![image_id, error],
    )?;
    Ok(())
}

/// Records that an image's bytes are now held (e.g. fetched once online).
pub fn set_media(conn: &Connection, image_id: i64, media: &str) -> Result<()> {
    conn.exec_cached(
        "UPDATE images SET media = ?2, error = NULL WHERE id = ?1",
        params![image_id, media],
    )?;
    Ok(())
}

/// A `SELECT p.handle, i.id, i.position, i.src, i.alt, i.media, i.error` row.
fn handle_and_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<(String, ImageRow)> {
    Ok((
        r.get(0)?,
        ImageRow {
            id: r.get(1)?,
            position: r.get(2)?,
            src: r.get(3)?,
            alt: r.get(4)?,
            media: r.get(5)?,
            error: r.get(6)?,
        },
    ))
}
