//! The header: which column holds which field, matched case-insensitively with whitespace
//! trimmed and runs of spaces collapsed, so `variant  price ` is `Variant Price`.
//!
//! Building it is linear in the number of columns: each name is normalised once, duplicates are
//! found through a set, and each modelled field's column is kept in a map, so looking a field up
//! costs the same in a 1,000-column file as in a 10-column one.

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};

/// What a column holds. Unmodelled columns are kept as attributes on the product or variant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Field {
    Handle,
    Title,
    Body,
    Vendor,
    Type,
    Category,
    Tags,
    Published,
    Status,
    SeoTitle,
    SeoDescription,
    /// `Option1 Name` is `OptionName(0)`.
    OptionName(usize),
    OptionValue(usize),
    Sku,
    Grams,
    WeightUnit,
    Price,
    CompareAt,
    Barcode,
    InventoryQty,
    VariantImage,
    ImageSrc,
    ImagePosition,
    ImageAlt,
    ProductAttribute,
    VariantAttribute,
}

/// Which part of a product a column describes, deciding what a row carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Level {
    Handle,
    Product,
    Variant,
    Image,
}

impl Field {
    pub(crate) fn level(self) -> Level {
        match self {
            Field::Handle => Level::Handle,
            Field::Title
            | Field::Body
            | Field::Vendor
            | Field::Type
            | Field::Category
            | Field::Tags
            | Field::Published
            | Field::Status
            | Field::SeoTitle
            | Field::SeoDescription
            | Field::OptionName(_)
            | Field::ProductAttribute => Level::Product,
            Field::OptionValue(_)
            | Field::Sku
            | Field::Grams
            | Field::WeightUnit
            | Field::Price
            | Field::CompareAt
            | Field::Barcode
            | Field::InventoryQty
            | Field::VariantImage
            | Field::VariantAttribute => Level::Variant,
            Field::ImageSrc | Field::ImagePosition | Field::ImageAlt => Level::Image,
        }
    }
}

/// One header cell.
#[derive(Debug, Clone)]
pub(crate) struct Column {
    /// The header as written (trimmed); for a blank header, or one longer than the limit,
    /// `Column C` with the spreadsheet letter, so the data still has a name.
    pub name: String,
    pub field: Field,
}

/// The columns of a file and where the modelled ones are.
#[derive(Debug)]
pub(crate) struct Header {
    pub columns: Vec<Column>,
    /// Names (as written) that appear more than once; the first of them is used.
    pub duplicates: Vec<String>,
    /// Columns whose name was longer than the limit: index and length in characters.
    pub too_long: Vec<(usize, usize)>,
    /// The first column of each modelled field.
    index: HashMap<Field, usize>,
}

impl Header {
    /// `cells` are the header cells, trimmed; names longer than `max_name_chars` characters are
    /// replaced by the column letter (and listed in `too_long`).
    pub(crate) fn new(cells: &[impl AsRef<str>], max_name_chars: usize) -> Header {
        let mut columns: Vec<Column> = Vec::with_capacity(cells.len());
        let mut duplicates = Vec::new();
        let mut reported: HashSet<String> = HashSet::new();
        let mut too_long = Vec::new();
        let mut seen: HashSet<String> = HashSet::with_capacity(cells.len());
        let mut index = HashMap::new();
        for (position, cell) in cells.iter().enumerate() {
            let mut written = cell.as_ref().trim();
            let length = written.chars().count();
            if length > max_name_chars {
                too_long.push((position, length));
                written = "";
            }
            let name = if written.is_empty() {
                format!("Column {}", spreadsheet_letters(position))
            } else {
                written.to_owned()
            };
            let key = normalise(written);
            let mut field = classify(&key);
            let repeated = !seen.insert(if written.is_empty() {
                normalise(&name)
            } else {
                key.clone()
            });
            if !written.is_empty() && repeated && reported.insert(name.clone()) {
                duplicates.push(name.clone());
            }
            if !matches!(field, Field::ProductAttribute | Field::VariantAttribute) {
                if let Entry::Vacant(first) = index.entry(field) {
                    first.insert(position);
                } else {
                    // A second column for a modelled field: kept as data, not modelled.
                    field = if field.level() == Level::Variant {
                        Field::VariantAttribute
                    } else {
                        Field::ProductAttribute
                    };
                }
            }
            columns.push(Column { name, field });
        }
        Header {
            columns,
            duplicates,
            too_long,
            index,
        }
    }

    pub(crate) fn find(&self, field: Field) -> Option<usize> {
        self.index.get(&field).copied()
    }

    pub(crate) fn name(&self, field: Field) -> Option<&str> {
        self.find(field).map(|i| self.columns[i].name.as_str())
    }
}

fn normalise(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The column letters a spreadsheet shows: 0 → A, 25 → Z, 26 → AA.
pub(crate) fn spreadsheet_letters(mut index: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(char::from(b'A' + (index % 26) as u8));
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    letters.iter().rev().collect()
}

/// The field a normalised header names. Older exports' `Custom Product Type` and `Standard
/// Product Type` (2022–2023) map to type and category.
fn classify(key: &str) -> Field {
    match key {
        "handle" => Field::Handle,
        "title" => Field::Title,
        "body (html)" | "body html" => Field::Body,
        "vendor" => Field::Vendor,
        "type" | "product type" | "custom product type" => Field::Type,
        "product category" | "standard product type" | "standardized product type" => {
            Field::Category
        }
        "tags" => Field::Tags,
        "published" | "published on online store" => Field::Published,
        "status" => Field::Status,
        "seo title" => Field::SeoTitle,
        "seo description" => Field::SeoDescription,
        "option1 name" => Field::OptionName(0),
        "option2 name" => Field::OptionName(1),
        "option3 name" => Field::OptionName(2),
        "option1 value" => Field::OptionValue(0),
        "option2 value" => Field::OptionValue(1),
        "option3 value" => Field::OptionValue(2),
        "variant sku" => Field::Sku,
        "variant grams" => Field::Grams,
        "variant weight unit" => Field::WeightUnit,
        "variant price" => Field::Price,
        "variant compare at price" | "variant compare-at price" => Field::CompareAt,
        "variant barcode" => Field::Barcode,
        "variant inventory qty" | "variant inventory quantity" => Field::InventoryQty,
        "variant image" => Field::VariantImage,
        "image src" => Field::ImageSrc,
        "image position" => Field::ImagePosition,
        "image alt text" => Field::ImageAlt,
        _ if is_variant_level(key) => Field::VariantAttribute,
        _ => Field::ProductAttribute,
    }
}

/// Unmodelled columns Shopify stores per variant: `Variant …` (inventory policy, taxable, …),
/// `Cost per item`, unit prices, per-market prices, and variant metafields. Everything else
/// (Gift Card, Google Shopping, `OptionN Linked To`, product metafields) is per product.
fn is_variant_level(key: &str) -> bool {
    key.starts_with("variant ")
        || key == "cost per item"
        || key.starts_with("unit price")
        || key.starts_with("price / ")
        || key.starts_with("compare at price / ")
        || key.contains("(variant.metafields.")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(names: &[&str]) -> Header {
        Header::new(names, 255)
    }

    #[test]
    fn matches_loosely_and_keeps_the_written_name() {
        let h = header(&[
            " HANDLE ",
            "title",
            "Variant  Price",
            "Cost per item",
            "Gift Card",
        ]);
        assert_eq!(h.find(Field::Handle), Some(0));
        assert_eq!(h.find(Field::Title), Some(1));
        assert_eq!(h.find(Field::Price), Some(2));
        assert_eq!(h.columns[0].name, "HANDLE");
        assert_eq!(h.columns[3].field, Field::VariantAttribute);
        assert_eq!(h.columns[4].field, Field::ProductAttribute);
    }

    #[test]
    fn metafields_and_markets() {
        let h = header(&[
            "Density (product.metafields.custom.density)",
            "Colour (variant.metafields.custom.colour)",
            "Option1 Linked To",
            "Unit Price Total Measure",
            "Price / International",
        ]);
        let fields: Vec<Field> = h.columns.iter().map(|c| c.field).collect();
        assert_eq!(
            fields,
            [
                Field::ProductAttribute,
                Field::VariantAttribute,
                Field::ProductAttribute,
                Field::VariantAttribute,
                Field::VariantAttribute,
            ]
        );
    }

    #[test]
    fn duplicates_and_blank_names() {
        let h = header(&["Handle", "Variant SKU", "variant sku", "", "Title"]);
        assert_eq!(h.find(Field::Sku), Some(1));
        assert_eq!(h.columns[2].field, Field::VariantAttribute);
        assert_eq!(h.duplicates, ["variant sku"]);
        assert_eq!(h.columns[3].name, "Column D");
        assert_eq!(h.columns[3].field, Field::ProductAttribute);
    }

    #[test]
    fn each_repeated_name_is_reported_once() {
        let h = header(&["Handle", "Tags", "Tags", "Tags", "TAGS", "Column F", ""]);
        assert_eq!(h.duplicates, ["Tags", "TAGS"]);
        assert_eq!(h.find(Field::Tags), Some(1));
        // A blank header is named after its letter, which an earlier name may already hold.
        assert_eq!(h.columns[6].name, "Column G");
    }

    #[test]
    fn long_names_are_replaced_by_the_letter() {
        let long = "x".repeat(256);
        let h = header(&["Handle", long.as_str(), "é".repeat(255).as_str()]);
        assert_eq!(h.too_long, [(1, 256)]);
        assert_eq!(h.columns[1].name, "Column B");
        assert_eq!(h.columns[2].name, "é".repeat(255));
    }

    #[test]
    fn letters() {
        assert_eq!(spreadsheet_letters(0), "A");
        assert_eq!(spreadsheet_letters(25), "Z");
        assert_eq!(spreadsheet_letters(26), "AA");
        assert_eq!(spreadsheet_letters(27), "AB");
        assert_eq!(spreadsheet_letters(701), "ZZ");
        assert_eq!(spreadsheet_letters(702), "AAA");
    }
}
