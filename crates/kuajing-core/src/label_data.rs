//! Drafting a product's label data from what the Shopify export says. Today: the net content
//! (净含量) from the quantities in its variants' option values (`2 lb box` → 907克), converted by
//! `kuajing-units`, each variant's once, in order. A product whose options name no weight or
//! volume gets nothing: Shopify's `Variant Grams` is the shipping weight, packaging included,
//! not the net content, so it is never used. A field the merchant filled is never touched.

use kuajing_catalog::ProductFields;
use kuajing_catalog::queries::products as product_rows;
use kuajing_catalog::rusqlite::Connection;
use kuajing_units::Units;

use crate::{Result, Workbench};

/// The net content its variants' option values state, metric, `a / b` when they differ.
pub(crate) fn net_content(units: &Units, variants: &[kuajing_catalog::VariantRow]) -> String {
    let mut found: Vec<String> = Vec::new();
    for variant in variants {
        for value in &variant.options {
            let quantity = units
                .find(value)
                .into_iter()
                .find(|q| q.value.is_some() && matches!(q.dimension.as_str(), "weight" | "volume"));
            if let Some(q) = quantity {
                let metric = units.to_metric(&q);
                if !found.contains(&metric) {
                    found.push(metric);
                }
            }
        }
    }
    found.join(" / ")
}

impl Workbench {
    /// Drafts the label data of `handles` that is still empty, inside the caller's transaction
    /// (an import's); history source `draft`. Returns how many fields were filled.
    pub(crate) fn draft_label_data(&self, tx: &Connection, handles: &[String]) -> Result<usize> {
        let units = Units::builtin()?;
        let mut drafted = 0;
        for handle in handles {
            let row = product_rows::get(tx, handle)?;
            if !row.net_content.is_empty() {
                continue;
            }
            let net = net_content(units, &product_rows::variants(tx, row.id)?);
            if net.is_empty() {
                continue;
            }
            let fields = ProductFields {
                net_content: Some(net),
                ..ProductFields::default()
            };
            product_rows::set_fields(tx, handle, &fields, "draft")?;
            drafted += 1;
        }
        Ok(drafted)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn variant(options: &[&str]) -> kuajing_catalog::VariantRow {
        kuajing_catalog::VariantRow {
            options: options.iter().map(|o| (*o).to_owned()).collect(),
            grams: Some(1361.0),
            ..Default::default()
        }
    }

    #[test]
    fn net_content_comes_from_option_values_never_from_shipping_grams() {
        let units = Units::builtin().unwrap();
        assert_eq!(net_content(units, &[variant(&["2 lb box"])]), "907克");
        assert_eq!(
            net_content(
                units,
                &[variant(&["1 lb"]), variant(&["8 oz"]), variant(&["1 lb"])]
            ),
            "454克 / 227克"
        );
        assert_eq!(
            net_content(units, &[variant(&["Raw", "16 fl oz"])]),
            "473毫升"
        );
        assert_eq!(net_content(units, &[variant(&["Default Title"])]), "");
        assert_eq!(net_content(units, &[variant(&["Large"])]), "");
    }
}
