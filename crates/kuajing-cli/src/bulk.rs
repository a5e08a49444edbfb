//! `kuajing bulk set FIELD VALUE (HANDLE... | --search TEXT | --vendor NAME)` and `kuajing bulk
//! undo BATCH`: one change to many products, with one undo (docs/search.md).

use anyhow::Result;
use clap::Subcommand;
use kuajing_core::{BULK_FIELDS, BulkEdit, BulkTarget, ProductFields, ProductQuery, Workbench};

use crate::fail::bad_argument;
use crate::print_json;

#[derive(Debug, Subcommand)]
pub(crate) enum BulkAction {
    /// Set brand_en, brand_zh, origin or hs_code on the products named, or on every product
    /// matching --search and --vendor, in one step kept in history; prints the edit's number
    Set {
        field: String,
        value: String,
        /// The products, by handle
        handles: Vec<String>,
        /// Every product matching this search (as `products --search`)
        #[arg(long, value_name = "TEXT", conflicts_with = "handles")]
        search: Option<String>,
        /// Every product of this vendor
        #[arg(long, value_name = "NAME", conflicts_with = "handles")]
        vendor: Option<String>,
    },
    /// Put back what bulk edit BATCH changed (fields changed again since are kept)
    Undo { batch: i64 },
}

pub(crate) fn run(workbench: &Workbench, action: BulkAction, json: bool) -> Result<()> {
    let edit = match action {
        BulkAction::Set {
            field,
            value,
            handles,
            search,
            vendor,
        } => {
            if !BULK_FIELDS.contains(&field.as_str()) {
                bad_argument!(
                    "`{field}` cannot be set in bulk; one of: {}",
                    BULK_FIELDS.join(", ")
                );
            }
            let Some(fields) = ProductFields::one(&field, &value) else {
                bad_argument!("`{field}` is not a product field");
            };
            let target = if handles.is_empty() {
                if search.is_none() && vendor.is_none() {
                    bad_argument!(
                        "name the products (handles), or pick them with --search or --vendor"
                    );
                }
                BulkTarget::Matching {
                    query: ProductQuery {
                        search: search.unwrap_or_default(),
                        vendor,
                        ..ProductQuery::default()
                    },
                }
            } else {
                BulkTarget::Handles { handles }
            };
            workbench.bulk_set_fields(&target, &fields)?
        }
        BulkAction::Undo { batch } => workbench.undo_bulk(batch)?,
    };
    if json {
        return print_json(&edit);
    }
    report(&edit)
}

fn report(edit: &BulkEdit) -> Result<()> {
    out!(
        "changed {} of {} products (edit {}; to undo it: kuajing bulk undo {})",
        edit.changed,
        edit.products,
        edit.batch,
        edit.batch
    );
    if !edit.kept.is_empty() {
        out!(
            "kept as they are (changed again since): {}",
            edit.kept.join(", ")
        );
    }
    Ok(())
}
