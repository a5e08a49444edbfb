//! Products with their variants and attributes (the tables that are written together).

use crate::CachedStatements as _;
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};

use crate::queries::copy::{self, CopyField, Locale};
use crate::queries::{history, images};
use crate::{Error, Result};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct Attribute {
    pub key: String,
    pub value: String,
}

/// A product as an importer hands it over: the English copy and everything Shopify knows.
#[derive(Debug, Clone, Default)]
pub struct NewProduct {
    pub handle: String,
    pub title_en: String,
    pub description_en: String,
    pub seo_title: String,
    pub seo_description: String,
    pub vendor: String,
    pub product_type: String,
    pub category: String,
    pub tags: Vec<String>,
    pub status: Option<String>,
    pub published: Option<bool>,
    pub option_names: Vec<String>,
    pub variants: Vec<NewVariant>,
    pub images: Vec<NewImage>,
    pub attributes: Vec<Attribute>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export, rename = "Variant")]
pub struct NewVariant {
    pub sku: Option<String>,
    pub options: Vec<String>,
    pub grams: Option<f64>,
    pub weight_unit: Option<String>,
    /// USD cents, as in the Shopify export.
    #[ts(type = "number | null")]
    pub price_cents: Option<i64>,
    #[ts(type = "number | null")]
    pub compare_at_cents: Option<i64>,
    pub barcode: Option<String>,
    #[ts(type = "number | null")]
    pub inventory_qty: Option<i64>,
    pub image_src: Option<String>,
    pub attributes: Vec<Attribute>,
}

pub type VariantRow = NewVariant;

#[derive(Debug, Clone, Default)]
pub struct NewImage {
    pub src: String,
    pub alt: String,
    /// File name under the media folder when the bytes are held locally.
    pub media: Option<String>,
    /// JSON `{code, message, args}` when the source could not be used.
    pub error: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum UpsertOutcome {
    Added,
    Updated,
    Unchanged,
}

/// The merchant-editable product fields that are not copy.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct ProductFields {
    #[ts(optional)]
    pub brand_en: Option<String>,
    #[ts(optional)]
    pub brand_zh: Option<String>,
    #[ts(optional)]
    pub origin: Option<String>,
    #[ts(optional)]
    pub hs_code: Option<String>,
    /// Label data in Chinese (docs/labels.md): 配料, 净含量, 保质期, 贮存条件.
    #[ts(optional)]
    pub ingredients: Option<String>,
    #[ts(optional)]
    pub net_content: Option<String>,
    #[ts(optional)]
    pub shelf_life: Option<String>,
    #[ts(optional)]
    pub storage: Option<String>,
}

impl ProductFields {
    /// The field names `set` takes, in the order the product page shows them.
    pub const NAMES: [&'static str; 8] = [
        "brand_en",
        "brand_zh",
        "origin",
        "hs_code",
        "ingredients",
        "net_content",
        "shelf_life",
        "storage",
    ];

    /// One field set by name (`kuajing product set HANDLE FIELD VALUE`); `None` for a name
    /// that is not one of [`Self::NAMES`].
    pub fn one(name: &str, value: &str) -> Option<ProductFields> {
        let mut fields = ProductFields::default();
        let slot = match name {
            "brand_en" => &mut fields.brand_en,
            "brand_zh" => &mut fields.brand_zh,
            "origin" => &mut fields.origin,
            "hs_code" => &mut fields.hs_code,
            "ingredients" => &mut fields.ingredients,
            "net_content" => &mut fields.net_content,
            "shelf_life" => &mut fields.shelf_life,
            "storage" => &mut fields.storage,
            _ => return None,
        };
        *slot = Some(value.to_owned());
        Some(fields)
    }
}

#[derive(Debug, Clone)]
pub struct ProductRow {
    pub id: i64,
    pub handle: String,
    pub vendor: String,
    pub product_type: String,
    pub category: String,
    pub tags: Vec<String>,
    pub option_names: Vec<String>,
    pub brand_en: String,
    pub brand_zh: String,
    pub origin: String,
    pub hs_code: String,
    pub ingredients: String,
    pub net_content: String,
    pub shelf_life: String,
    pub storage: String,
}

impl ProductRow {
    /// One of [`ProductFields::NAMES`] by name; `None` for any other name.
    pub fn field(&self, name: &str) -> Option<&str> {
        Some(match name {
            "brand_en" => &self.brand_en,
            "brand_zh" => &self.brand_zh,
            "origin" => &self.origin,
            "hs_code" => &self.hs_code,
            "ingredients" => &self.ingredients,
            "net_content" => &self.net_content,
            "shelf_life" => &self.shelf_life,
            "storage" => &self.storage,
            _ => return None,
        })
    }
}

pub fn id_of(conn: &Connection, handle: &str) -> Result<i64> {
    conn.row_cached("SELECT id FROM products WHERE handle = ?1", [handle], |r| {
        r.get(0)
    })
    .optional()?
    .ok_or_else(|| Error::NoProduct(handle.to_owned()))
}

pub fn count(conn: &Connection) -> Result<i64> {
    Ok(conn.row_cached("SELECT count(*) FROM products", [], |r| r.get(0))?)
}

/// The handle of the product holding `sku`, if any other than `handle` does.
pub fn sku_owner(conn: &Connection, sku: &str, handle: &str) -> Result<Option<String>> {
    Ok(conn
        .row_cached(
            // `v.sku <> ''` repeats the partial index's condition: without it SQLite cannot
            // use `variants_sku` and walks every variant, once per variant imported.
            "SELECT p.handle FROM variants v JOIN products p ON p.id = v.product_id
             WHERE v.sku = ?1 AND v.sku <> '' AND p.handle <> ?2",
            params![sku, handle],
            |r| r.get(0),
        )
        .optional()?)
}

/// Every SKU in the catalog with the handle of the product holding it, read in one pass: an
/// import checks its whole file against them at once rather than asking once per variant.
pub fn sku_owners(conn: &Connection) -> Result<std::collections::HashMap<String, String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT v.sku, p.handle FROM variants v JOIN products p ON p.id = v.product_id
         WHERE v.sku IS NOT NULL AND v.sku <> ''",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Inserts or replaces a product by handle. Variants, images and attributes are replaced
/// wholesale; English copy goes through the history; Chinese copy and the merchant's own
/// fields (brand, origin, HS code) are kept.
pub fn upsert(conn: &Connection, p: &NewProduct, source: &str) -> Result<UpsertOutcome> {
    upsert_with(conn, p, source, Skus::Check)
}

/// Whether [`upsert_with`] checks that no other product holds the product's SKUs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Skus {
    /// Check each SKU (a lookup per variant).
    Check,
    /// The caller checked them against the catalog as it is in this transaction (an import
    /// checks its whole file at once, and nothing was committed since: `PRAGMA data_version`).
    Checked,
}

/// [`upsert`], with the SKU check left to the caller when it has made it (`Skus::Checked`).
pub fn upsert_with(
    conn: &Connection,
    p: &NewProduct,
    source: &str,
    skus: Skus,
) -> Result<UpsertOutcome> {
    for variant in p.variants.iter().filter(|_| skus == Skus::Check) {
        if let Some(sku) = variant.sku.as_deref().filter(|s| !s.is_empty())
            && let Some(other) = sku_owner(conn, sku, &p.handle)?
        {
            return Err(Error::SkuTaken {
                sku: sku.to_owned(),
                other,
            });
        }
    }
    let existing: Option<i64> = conn
        .row_cached(
            "SELECT id FROM products WHERE handle = ?1",
            [&p.handle],
            |r| r.get(0),
        )
        .optional()?;
    // Photos already downloaded or stored for the same source are kept: the export names
    // them again by URL, and downloading them again would lose nothing but time.
    let held: Vec<images::ImageRow> = match existing {
        Some(id) => images::for_product(conn, id)?,
        None => Vec::new(),
    };
    let tags = serde_json::to_string(&p.tags)?;
    let option_names = serde_json::to_string(&p.option_names)?;
    // A product the file does not change is not written at all: rewriting its rows cost as
    // much as importing it anew, and made every count kept for it (completeness, findings)
    // start again.
    if let Some(id) = existing
        && holds(conn, id, p, &tags, &option_names, &held)?
    {
        kuajing_files::failpoint("import-product");
        return Ok(UpsertOutcome::Unchanged);
    }
    let before = match existing {
        Some(id) => Some(fingerprint(conn, id)?),
        None => None,
    };
    let id = match existing {
        Some(id) => {
            conn.exec_cached(
                "UPDATE products SET vendor = ?2, product_type = ?3, category = ?4, tags = ?5,
                   status = ?6, published = ?7, option_names = ?8,
                   updated_at = kuajing_now()
                 WHERE id = ?1",
                params![
                    id,
                    p.vendor,
                    p.product_type,
                    p.category,
                    tags,
                    p.status,
                    p.published,
                    option_names
                ],
            )?;
            conn.exec_cached("DELETE FROM variants WHERE product_id = ?1", [id])?;
            conn.exec_cached("DELETE FROM images WHERE product_id = ?1", [id])?;
            conn.exec_cached("DELETE FROM attributes WHERE product_id = ?1", [id])?;
            id
        }
        None => {
            conn.exec_cached(
                "INSERT INTO products (handle, vendor, product_type, category, tags, status,
                   published, option_names, brand_en, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?2, kuajing_now(), kuajing_now())",
                params![
                    p.handle,
                    p.vendor,
                    p.product_type,
                    p.category,
                    tags,
                    p.status,
                    p.published,
                    option_names
                ],
            )?;
            let id = conn.last_insert_rowid();
            // Its search row is written before the transaction commits (migrations/0008).
            conn.exec_cached(
                "INSERT OR IGNORE INTO search_dirty (product_id) VALUES (?1)",
                [id],
            )?;
            id
        }
    };
    for (position, v) in p.variants.iter().enumerate() {
        conn.exec_cached(
            "INSERT INTO variants (product_id, position, sku, options, grams, weight_unit,
               price_cents, compare_at_cents, barcode, inventory_qty, image_src, attributes)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            params![
                id,
                position as i64 + 1,
                v.sku.as_deref().filter(|s| !s.is_empty()),
                serde_json::to_string(&v.options)?,
                v.grams,
                v.weight_unit,
                v.price_cents,
                v.compare_at_cents,
                v.barcode,
                v.inventory_qty,
                v.image_src,
                serde_json::to_string(&v.attributes)?,
            ],
        )?;
    }
    for (position, image) in p.images.iter().enumerate() {
        images::insert(conn, id, position as i64 + 1, &keeping(image, &held))?;
    }
    for a in &p.attributes {
        conn.exec_cached(
            "INSERT OR REPLACE INTO attributes (product_id, key, value) VALUES (?1, ?2, ?3)",
            params![id, a.key, a.value],
        )?;
    }
    let english = [
        (CopyField::Title, &p.title_en),
        (CopyField::Description, &p.description_en),
        (CopyField::SeoTitle, &p.seo_title),
        (CopyField::SeoDescription, &p.seo_description),
    ];
    for (field, text) in english {
        if existing.is_some() {
            copy::set(conn, id, Locale::En, field, text, source)?;
        } else {
            copy::set_new(conn, id, Locale::En, field, text, source)?;
        }
    }
    kuajing_files::failpoint("import-product");
    Ok(match before {
        None => {
            history::record(conn, id, "product", None, None, Some(&p.handle), source)?;
            UpsertOutcome::Added
        }
        Some(before) if before == fingerprint(conn, id)? => UpsertOutcome::Unchanged,
        Some(_) => UpsertOutcome::Updated,
    })
}

/// The image as it is stored: with the media of a photo already held for the same source,
/// unless the import brings its own bytes or an error.
fn keeping<'a>(image: &'a NewImage, held: &[images::ImageRow]) -> std::borrow::Cow<'a, NewImage> {
    let kept = held
        .iter()
        .find(|h| h.src == image.src && h.media.is_some())
        .filter(|_| image.media.is_none() && image.error.is_none());
    match kept {
        Some(h) => std::borrow::Cow::Owned(NewImage {
            media: h.media.clone(),
            ..image.clone()
        }),
        None => std::borrow::Cow::Borrowed(image),
    }
}

/// Whether product `id` already holds exactly what [`upsert`] would write for `p`: the
/// product's import fields, its variants, images (`held`, as stored), attributes and English
/// copy.
fn holds(
    conn: &Connection,
    id: i64,
    p: &NewProduct,
    tags: &str,
    option_names: &str,
    held: &[images::ImageRow],
) -> Result<bool> {
    type Fields = (
        String,
        String,
        String,
        String,
        Option<String>,
        Option<bool>,
        String,
    );
    let stored: Fields = conn.row_cached(
        "SELECT vendor, product_type, category, tags, status, published, option_names
         FROM products WHERE id = ?1",
        [id],
        |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
            ))
        },
    )?;
    let wanted: Fields = (
        p.vendor.clone(),
        p.product_type.clone(),
        p.category.clone(),
        tags.to_owned(),
        p.status.clone(),
        p.published,
        option_names.to_owned(),
    );
    if stored != wanted || held.len() != p.images.len() {
        return Ok(false);
    }
    let same_images = held.iter().zip(&p.images).all(|(h, image)| {
        let image = keeping(image, held);
        h.src == image.src && h.alt == image.alt && h.media == image.media && h.error == image.error
    });
    if !same_images {
        return Ok(false);
    }
    let mut new_variants = p.variants.clone();
    for v in &mut new_variants {
        v.sku = v.sku.take().filter(|s| !s.is_empty());
    }
    if variants(conn, id)? != new_variants {
        return Ok(false);
    }
    // Stored one per key, the last one written winning.
    let new_attributes: std::collections::BTreeMap<&str, &str> = p
        .attributes
        .iter()
        .map(|a| (a.key.as_str(), a.value.as_str()))
        .collect();
    let stored_attributes = attributes(conn, id)?;
    if stored_attributes.len() != new_attributes.len()
        || stored_attributes
            .iter()
            .any(|a| new_attributes.get(a.key.as_str()) != Some(&a.value.as_str()))
    {
        return Ok(false);
    }
    for (field, text) in [
        (CopyField::Title, &p.title_en),
        (CopyField::Description, &p.description_en),
        (CopyField::SeoTitle, &p.seo_title),
        (CopyField::SeoDescription, &p.seo_description),
    ] {
        if copy::get(conn, id, Locale::En, field)? != *text {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Everything an import may change, as one comparable value.
fn fingerprint(conn: &Connection, id: i64) -> Result<String> {
    Ok(conn.row_cached(
        "SELECT json_array(
           (SELECT json_array(vendor, product_type, category, tags, status, published, option_names)
              FROM products WHERE id = ?1),
           (SELECT json_group_array(json_array(sku, options, grams, weight_unit, price_cents,
                     compare_at_cents, barcode, inventory_qty, image_src, attributes))
              FROM (SELECT * FROM variants WHERE product_id = ?1 ORDER BY position)),
           (SELECT json_group_array(json_array(src, alt, media, error))
              FROM (SELECT * FROM images WHERE product_id = ?1 ORDER BY position)),
           (SELECT json_group_array(json_array(key, value))
              FROM (SELECT * FROM attributes WHERE product_id = ?1 ORDER BY key)),
           (SELECT json_group_array(json_array(field, text))
              FROM (SELECT * FROM copy WHERE product_id = ?1 AND locale = 'en' ORDER BY field)))",
        [id],
        |r| r.get(0),
    )?)
}

pub fn get(conn: &Connection, handle: &str) -> Result<ProductRow> {
    conn.row_cached(
        "SELECT id, handle, vendor, product_type, category, tags, option_names, brand_en,
                brand_zh, origin, hs_code, ingredients, net_content, shelf_life, storage
         FROM products WHERE handle = ?1",
        [handle],
        |r| {
            Ok((
                ProductRow {
                    id: r.get(0)?,
                    handle: r.get(1)?,
                    vendor: r.get(2)?,
                    product_type: r.get(3)?,
                    category: r.get(4)?,
                    tags: Vec::new(),
                    option_names: Vec::new(),
                    brand_en: r.get(7)?,
                    brand_zh: r.get(8)?,
                    origin: r.get(9)?,
                    hs_code: r.get(10)?,
                    ingredients: r.get(11)?,
                    net_content: r.get(12)?,
                    shelf_life: r.get(13)?,
                    storage: r.get(14)?,
                },
                r.get::<_, String>(5)?,
                r.get::<_, String>(6)?,
            ))
        },
    )
    .optional()?
    .ok_or_else(|| Error::NoProduct(handle.to_owned()))
    .and_then(|(mut row, tags, options)| {
        row.tags = serde_json::from_str(&tags)?;
        row.option_names = serde_json::from_str(&options)?;
        Ok(row)
    })
}

/// All handles, in list order.
pub fn handles(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt =
        conn.prepare_cached("SELECT handle FROM products ORDER BY vendor COLLATE NOCASE, id")?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn variants(conn: &Connection, product_id: i64) -> Result<Vec<VariantRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT sku, options, grams, weight_unit, price_cents, compare_at_cents, barcode,
                inventory_qty, image_src, attributes
         FROM variants WHERE product_id = ?1 ORDER BY position",
    )?;
    let rows = stmt.query_map([product_id], |r| {
        Ok((
            VariantRow {
                sku: r.get(0)?,
                options: Vec::new(),
                grams: r.get(2)?,
                weight_unit: r.get(3)?,
                price_cents: r.get(4)?,
                compare_at_cents: r.get(5)?,
                barcode: r.get(6)?,
                inventory_qty: r.get(7)?,
                image_src: r.get(8)?,
                attributes: Vec::new(),
            },
            r.get::<_, String>(1)?,
            r.get::<_, String>(9)?,
        ))
    })?;
    rows.map(|row| {
        let (mut v, options, attributes) = row?;
        v.options = serde_json::from_str(&options)?;
        v.attributes = serde_json::from_str(&attributes)?;
        Ok(v)
    })
    .collect()
}

pub fn attributes(conn: &Connection, product_id: i64) -> Result<Vec<Attribute>> {
    let mut stmt = conn
        .prepare_cached("SELECT key, value FROM attributes WHERE product_id = ?1 ORDER BY key")?;
    let rows = stmt.query_map([product_id], |r| {
        Ok(Attribute {
            key: r.get(0)?,
            value: r.get(1)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Updates the merchant's own fields; each change is recorded in history.
pub fn set_fields(
    conn: &Connection,
    handle: &str,
    fields: &ProductFields,
    source: &str,
) -> Result<()> {
    set_fields_on(conn, &get(conn, handle)?, fields, source)
}

/// [`set_fields`] on a product already read: `current` as it is in the catalog now.
pub fn set_fields_on(
    conn: &Connection,
    current: &ProductRow,
    fields: &ProductFields,
    source: &str,
) -> Result<()> {
    let changes = [
        ("brand_en", &fields.brand_en, &current.brand_en),
        ("brand_zh", &fields.brand_zh, &current.brand_zh),
        ("origin", &fields.origin, &current.origin),
        ("hs_code", &fields.hs_code, &current.hs_code),
        ("ingredients", &fields.ingredients, &current.ingredients),
        ("net_content", &fields.net_content, &current.net_content),
        ("shelf_life", &fields.shelf_life, &current.shelf_life),
        ("storage", &fields.storage, &current.storage),
    ];
    for (column, new, old) in changes {
        let Some(new) = new.as_deref().map(str::trim) else {
            continue;
        };
        if new == old {
            continue;
        }
        // `column` comes from the fixed list above, never from input.
        conn.exec_cached(
            &format!(
                "UPDATE products SET {column} = ?2,
                   updated_at = kuajing_now() WHERE id = ?1"
            ),
            params![current.id, new],
        )?;
        history::record(conn, current.id, column, None, Some(old), Some(new), source)?;
    }
    Ok(())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::test_support::temp_catalog;

    pub(crate) fn sample(handle: &str) -> NewProduct {
        NewProduct {
            handle: handle.into(),
            title_en: "Rainier Cherries".into(),
            description_en: "<p>Sweet</p>".into(),
            vendor: "Columbia Orchard".into(),
            option_names: vec!["Size".into()],
            variants: vec![
                NewVariant {
                    sku: Some(format!("{handle}-2LB")),
                    options: vec!["2 lb".into()],
                    grams: Some(907.0),
                    price_cents: Some(2999),
                    ..Default::default()
                },
                NewVariant {
                    sku: Some(format!("{handle}-5LB")),
                    options: vec!["5 lb".into()],
                    grams: Some(2268.0),
                    price_cents: Some(5999),
                    ..Default::default()
                },
            ],
            attributes: vec![Attribute {
                key: "Shelf life".into(),
                value: "14 days".into(),
            }],
            ..Default::default()
        }
    }

    #[test]
    fn upsert_adds_then_reports_unchanged_then_updated_and_keeps_merchant_fields() {
        let (_dir, catalog) = temp_catalog();
        let conn = catalog.connect().unwrap();
        let mut p = sample("rainier");
        assert_eq!(upsert(&conn, &p, "import").unwrap(), UpsertOutcome::Added);
        set_fields(
            &conn,
            "rainier",
            &ProductFields {
                brand_zh: Some("哥伦比亚果园".into()),
                ..Default::default()
            },
            "edit",
        )
        .unwrap();
        assert_eq!(
            upsert(&conn, &p, "import").unwrap(),
            UpsertOutcome::Unchanged
        );
        p.variants[0].price_cents = Some(3199);
        assert_eq!(upsert(&conn, &p, "import").unwrap(), UpsertOutcome::Updated);

        let row = get(&conn, "rainier").unwrap();
        assert_eq!(row.brand_zh, "哥伦比亚果园");
        assert_eq!(row.brand_en, "Columbia Orchard");
        assert_eq!(row.origin, "美国");
        let vs = variants(&conn, row.id).unwrap();
        assert_eq!(vs.len(), 2);
        assert_eq!(vs[0].price_cents, Some(3199));
        assert_eq!(vs[1].options, vec!["5 lb".to_string()]);
    }

    /// `p` with one photo, named by URL.
    fn with_photo(mut p: NewProduct) -> NewProduct {
        p.images = vec![NewImage {
            src: "https://cdn.example.com/rainier.jpg".into(),
            ..Default::default()
        }];
        p
    }

    #[test]
    fn re_importing_keeps_photos_already_downloaded_and_reports_unchanged() {
        let (_dir, catalog) = temp_catalog();
        let conn = catalog.connect().unwrap();
        let mut p = with_photo(sample("rainier"));
        upsert(&conn, &p, "import").unwrap();
        let id = id_of(&conn, "rainier").unwrap();
        let image = images::for_product(&conn, id).unwrap().remove(0);
        images::set_media(&conn, image.id, "abc.jpg").unwrap();

        assert_eq!(
            upsert(&conn, &p, "import").unwrap(),
            UpsertOutcome::Unchanged
        );
        let kept = images::for_product(&conn, id).unwrap();
        assert_eq!(kept[0].media.as_deref(), Some("abc.jpg"));

        // Another photo at that position is a change, and is fetched anew.
        p.images[0].src = "https://cdn.example.com/other.jpg".into();
        assert_eq!(upsert(&conn, &p, "import").unwrap(), UpsertOutcome::Updated);
        assert_eq!(images::for_product(&conn, id).unwrap()[0].media, None);
    }

    #[test]
    fn an_unchanged_product_is_not_written_so_its_counts_are_kept() {
        let (_dir, catalog) = temp_catalog();
        let conn = catalog.connect().unwrap();
        let mut p = with_photo(sample("rainier"));
        p.attributes.push(Attribute {
            key: "Gift Card".into(),
            value: "FALSE".into(),
        });
        p.variants[0].sku = Some(String::new());
        upsert(&conn, &p, "import").unwrap();
        let id = id_of(&conn, "rainier").unwrap();
        let count = |conn: &Connection| -> i64 {
            conn.query_row(
                "SELECT count(*) FROM completeness WHERE product_id = ?1",
                [id],
                |r| r.get(0),
            )
            .unwrap()
        };
        let counted = |conn: &Connection| {
            conn.execute(
                "INSERT OR REPLACE INTO completeness (product_id, marketplace, rules, percent, missing)
                 VALUES (?1, 'taobao', 'r', 50, '[]')",
                [id],
            )
            .unwrap();
        };
        counted(&conn);
        let history = history::for_product(&conn, "rainier").unwrap().len();
        assert_eq!(
            upsert(&conn, &p, "import").unwrap(),
            UpsertOutcome::Unchanged
        );
        assert_eq!(count(&conn), 1, "nothing written, nothing forgotten");
        assert_eq!(
            history::for_product(&conn, "rainier").unwrap().len(),
            history
        );

        // Any one change of what the import writes is written, and forgets the counts.
        let changes: [fn(&mut NewProduct); 9] = [
            |p| p.title_en.push('!'),
            |p| p.seo_description = "Sweet".into(),
            |p| p.tags.push("new".into()),
            |p| p.published = Some(false),
            |p| p.variants[1].grams = Some(1.5),
            |p| p.variants.truncate(1),
            |p| p.images[0].alt = "cherries".into(),
            |p| p.attributes[0].value.push('x'),
            |p| {
                p.attributes.push(Attribute {
                    key: "New".into(),
                    value: "1".into(),
                });
            },
        ];
        for (n, change) in changes.iter().enumerate() {
            let mut changed = p.clone();
            change(&mut changed);
            assert_eq!(
                upsert(&conn, &changed, "import").unwrap(),
                UpsertOutcome::Updated,
                "change {n}"
            );
            assert_eq!(count(&conn), 0, "change {n} forgets the counts");
            upsert(&conn, &p, "import").unwrap();
            counted(&conn);
        }
    }

    #[test]
    fn a_sku_held_by_another_product_is_refused() {
        let (_dir, catalog) = temp_catalog();
        let conn = catalog.connect().unwrap();
        upsert(&conn, &sample("a"), "import").unwrap();
        let mut b = sample("b");
        b.variants[0].sku = Some("a-2LB".into());
        let err = upsert(&conn, &b, "import").unwrap_err();
        assert_eq!(err.code(), "sku-taken");
        assert!(err.to_string().contains("a-2LB") && err.to_string().contains("`a`"));
    }

    #[test]
    fn a_commit_by_another_connection_changes_the_data_version_an_import_trusts() {
        let (_dir, catalog) = temp_catalog();
        let mut importer = catalog.connect().unwrap();
        let read_at = crate::data_version(&importer).unwrap();
        // The importer's own writes do not move it...
        upsert(&importer, &sample("mine"), "import").unwrap();
        assert_eq!(crate::data_version(&importer).unwrap(), read_at);
        // ...another connection's commit does: the SKUs read before are checked again.
        let other = catalog.connect().unwrap();
        upsert(&other, &sample("a"), "import").unwrap();
        let tx = crate::write_tx(&mut importer).unwrap();
        assert_ne!(crate::data_version(&tx).unwrap(), read_at);
        let mut b = sample("b");
        b.variants[0].sku = Some("a-2LB".into());
        let err = upsert_with(&tx, &b, "import", Skus::Check).unwrap_err();
        assert_eq!(err.code(), "sku-taken");
    }
}
