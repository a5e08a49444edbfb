//! Bulk edits from the product list: one change to the brand, origin, HS code or the brand's
//! Chinese name of many products (those picked, or every product a search and its filters
//! match), in one transaction, one history row per product and field changed, and one undo
//! for the whole edit (`kuajing_catalog::queries::bulk`).

use kuajing_catalog::ProductFields;
use kuajing_catalog::queries::bulk as bulk_rows;
pub use kuajing_catalog::queries::bulk::BulkEdit;
use kuajing_catalog::queries::list as list_rows;
use serde::Deserialize;

use crate::{ProductQuery, Result, Workbench};

/// The products a bulk edit changes.
#[derive(Debug, Clone, PartialEq, Deserialize, ts_rs::TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum BulkTarget {
    /// These products, by handle.
    Handles { handles: Vec<String> },
    /// Every product the list's query picks ("select all matching the search").
    Matching { query: ProductQuery },
}

/// The fields a bulk edit may set: the ones a merchant shares across products. Label data
/// (ingredients, net content, shelf life, storage) is each product's own.
pub const BULK_FIELDS: [&str; 4] = ["brand_en", "brand_zh", "origin", "hs_code"];

impl Workbench {
    /// Sets `fields` on every product `target` names, all or nothing. A Chinese brand name
    /// also goes into the glossary, as a single product's does. Returns the edit, whose
    /// `batch` [`Self::undo_bulk`] takes.
    pub fn bulk_set_fields(&self, target: &BulkTarget, fields: &ProductFields) -> Result<BulkEdit> {
        let label_data = [
            &fields.ingredients,
            &fields.net_content,
            &fields.shelf_life,
            &fields.storage,
        ];
        if label_data.iter().any(|f| f.is_some()) {
            return Err(kuajing_catalog::Error::UnknownField {
                field: "label data".to_owned(),
                known: BULK_FIELDS.join(", "),
            }
            .into());
        }
        let fields = &crate::products::checked_fields(fields)?;
        let handles = match target {
            BulkTarget::Handles { handles } => handles.clone(),
            BulkTarget::Matching { query } => {
                let stamps = self.list_stamps(query)?;
                list_rows::handles(&*self.catalog.reader()?, &stamps.filter(query))?
            }
        };
        let mut conn = self.catalog.connect()?;
        let tx = kuajing_catalog::write_tx(&mut conn)?;
        let edit = bulk_rows::set_fields(&tx, &handles, fields, "bulk")?;
        for handle in &handles {
            crate::products::remember_brand(&tx, handle, fields, "bulk")?;
        }
        tx.commit()?;
        Ok(edit)
    }

    /// Puts back what bulk edit `batch` changed, but for fields changed again since (named in
    /// [`BulkEdit::kept`]). The undo is an edit of its own: undoing it does the edit again.
    pub fn undo_bulk(&self, batch: i64) -> Result<BulkEdit> {
        let mut conn = self.catalog.connect()?;
        let tx = kuajing_catalog::write_tx(&mut conn)?;
        let edit = bulk_rows::undo(&tx, batch, "undo")?;
        tx.commit()?;
        Ok(edit)
    }
}
