//! Product images: where each came from and, once held, its bytes' file in the media folder.

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
    conn.execute(
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

/// Records that an image's bytes are now held (e.g. fetched once online).
pub fn set_media(conn: &Connection, image_id: i64, media: &str) -> Result<()> {
    conn.execute(
        "UPDATE images SET media = ?2, error = NULL WHERE id = ?1",
        params![image_id, media],
    )?;
    Ok(())
}
