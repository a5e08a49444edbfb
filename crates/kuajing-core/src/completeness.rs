//! Completeness per product and marketplace: the share of the profile's `[required]` fields
//! and slots a product has, filled and free of error findings, with the missing items named.
//! Counted once and stored (`queries/completeness.rs`); the catalog's triggers forget a
//! product's rows when it changes, so the next read counts just that product again.

use std::collections::BTreeMap;
use std::sync::Arc;

use kuajing_catalog::queries::completeness as rows;
use kuajing_catalog::rusqlite::Connection;
use kuajing_catalog::{CopyField, Rate};
use kuajing_marketplace::{Profile, SheetValue};
use serde::Serialize;

use crate::export::sheet::{self, Files, OptionZh};
use crate::products::ImageState;
use crate::review::rules_stamp;
use crate::{ProductDetail, Result, Workbench};

/// Products counted per write transaction: the lock is held a fraction of a second.
const BATCH: usize = 200;

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Completeness {
    pub handle: String,
    /// Whole percent, rounded down: 100 only when nothing is missing.
    pub percent: u8,
    /// The items missing, by their names in the profile (`hs_code`, `slot:main`, …).
    pub missing: Vec<String>,
    /// The same items in the interface language.
    pub missing_names: Vec<String>,
}

/// A product's completeness for one marketplace, as the product page shows it.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct MarketplaceCompleteness {
    pub marketplace: String,
    pub name: String,
    pub completeness: Completeness,
}

impl Workbench {
    /// Every product's completeness for `marketplace`, in list order; products not counted
    /// since they last changed are counted first.
    pub fn completeness(&self, marketplace: &str) -> Result<Vec<Completeness>> {
        let owned = self.profile(marketplace)?;
        let profile = &*owned;
        let stamp = self.count_completeness(&owned)?;
        let conn = self.catalog.connect()?;
        Ok(rows::all(&conn, marketplace, &stamp)?
            .into_iter()
            .map(|row| self.named(profile, row.handle, row.percent, row.missing))
            .collect())
    }

    /// One product's completeness for every marketplace.
    pub fn product_completeness(&self, handle: &str) -> Result<Vec<MarketplaceCompleteness>> {
        let conn = self.catalog.connect()?;
        let id = kuajing_catalog::queries::products::id_of(&conn, handle)?;
        let mut out = Vec::new();
        for marketplace in kuajing_marketplace::builtin_ids() {
            let owned = self.profile(marketplace)?;
            let profile = &*owned;
            // This product alone: counting the whole catalog first made a product's page wait
            // on every product's count (minutes at 20,000 products after an import).
            self.completeness_by_id(marketplace, &[(id, handle.to_owned())])?;
            let stamp = rules_stamp(&owned);
            let Some(row) = rows::get(&conn, id, marketplace, &stamp)? else {
                continue;
            };
            let name = if self.rules.lang.starts_with("zh") {
                &profile.name_zh
            } else {
                &profile.name
            };
            out.push(MarketplaceCompleteness {
                marketplace: marketplace.to_owned(),
                name: name.clone(),
                completeness: self.named(profile, row.handle, row.percent, row.missing),
            });
        }
        Ok(out)
    }

    /// The percent of each of `products` (id, handle) for `marketplace`, counting only those
    /// not counted since they changed: the product list's page asks for its rows.
    pub(crate) fn completeness_by_id(
        &self,
        marketplace: &str,
        products: &[(i64, String)],
    ) -> Result<std::collections::HashMap<i64, u8>> {
        let owned = self.profile(marketplace)?;
        let profile = &*owned;
        let stamp = rules_stamp(&owned);
        let mut conn = self.catalog.connect()?;
        let mut out = std::collections::HashMap::new();
        let mut todo = Vec::new();
        for (id, handle) in products {
            match rows::get(&conn, *id, marketplace, &stamp)? {
                Some(row) => {
                    out.insert(*id, row.percent);
                }
                None => todo.push((*id, handle.as_str())),
            }
        }
        if !todo.is_empty() {
            let tx = kuajing_catalog::write_tx(&mut conn)?;
            for (id, handle) in todo {
                let (percent, missing) = self.count_one(&tx, profile, handle)?;
                rows::store(&tx, id, marketplace, &stamp, percent, &missing)?;
                out.insert(id, percent);
            }
            tx.commit()?;
        }
        Ok(out)
    }

    /// Writes the completeness of `marketplace` as CSV (UTF-8 with BOM: handle, percent,
    /// missing) through a temp file and a rename. Returns how many products it lists.
    pub fn export_completeness(&self, marketplace: &str, path: &std::path::Path) -> Result<usize> {
        let all = self.completeness(marketplace)?;
        let count = all.len();
        let headers = ["handle", "percent", "missing"].map(String::from);
        let rows: Vec<Vec<String>> = all
            .into_iter()
            .map(|c| vec![c.handle, c.percent.to_string(), c.missing_names.join("; ")])
            .collect();
        let bytes = kuajing_bundle::sheet::csv(&kuajing_bundle::sheet::Table {
            keys: None,
            headers: &headers,
            rows: &rows,
            numeric: &[false, true, false],
        });
        kuajing_files::write_atomic(path, &bytes).map_err(|source| crate::Error::Write {
            path: path.to_owned(),
            source,
        })?;
        Ok(count)
    }

    /// Counts every product without a stored row under the current rules, `BATCH` products
    /// per write transaction (read and stored in one, so a row always matches what it was
    /// counted from). Returns the rules stamp.
    pub(crate) fn count_completeness(&self, profile: &Arc<Profile>) -> Result<String> {
        let stamp = rules_stamp(profile);
        let mut conn = self.catalog.connect()?;
        loop {
            let todo = rows::uncounted(&conn, &profile.id, &stamp)?;
            if todo.is_empty() {
                return Ok(stamp);
            }
            let tx = kuajing_catalog::write_tx(&mut conn)?;
            for (id, handle) in todo.iter().take(BATCH) {
                let (percent, missing) = self.count_one(&tx, profile, handle)?;
                rows::store(&tx, *id, &profile.id, &stamp, percent, &missing)?;
            }
            tx.commit()?;
        }
    }

    fn count_one(
        &self,
        conn: &Connection,
        profile: &Profile,
        handle: &str,
    ) -> Result<(u8, Vec<String>)> {
        let Some(required) = &profile.required else {
            return Ok((100, Vec::new()));
        };
        let detail = self.product_data(conn, handle, None)?;
        let mut missing = Vec::new();
        for value in &required.fields {
            if !self.has(profile, &detail, value)? {
                missing.push(value.name());
            }
        }
        let has_photo = detail.images.iter().any(|i| i.state == ImageState::Ready);
        for slot in &required.slots {
            if !has_photo {
                missing.push(format!("slot:{slot}"));
            }
        }
        let total = required.fields.len() + required.slots.len();
        // Nothing required: complete.
        let percent = ((total - missing.len()) * 100)
            .checked_div(total)
            .map_or(100, |p| u8::try_from(p).unwrap_or(100));
        Ok((percent, missing))
    }

    /// Whether the product has `value`: filled, and for Chinese copy, free of error findings.
    fn has(&self, profile: &Profile, detail: &ProductDetail, value: &SheetValue) -> Result<bool> {
        // Only whether there is a price matters here, not the rate.
        let rate = Rate {
            usd_cny: 1.0,
            date: String::new(),
        };
        let text = sheet::cell(
            value,
            "",
            detail,
            detail.variants.first(),
            &rate,
            &Files::default(),
            &OptionZh::new(),
        );
        if text.trim().is_empty() {
            return Ok(false);
        }
        let field = match value {
            SheetValue::TitleZh => CopyField::Title,
            SheetValue::DescriptionZh => CopyField::Description,
            SheetValue::ShortTitleZh => CopyField::ShortTitle,
            SheetValue::SellingPointsZh => CopyField::SellingPoints,
            _ => return Ok(true),
        };
        Ok(self.check_copy(&profile.id, field, &text)?.errors() == 0)
    }

    fn named(
        &self,
        profile: &Profile,
        handle: String,
        percent: u8,
        missing: Vec<String>,
    ) -> Completeness {
        Completeness {
            handle,
            percent,
            missing_names: missing.iter().map(|m| self.item_name(profile, m)).collect(),
            missing,
        }
    }

    /// An item's name in the interface language: a slot's label, or the field's name.
    pub(crate) fn item_name(&self, profile: &Profile, item: &str) -> String {
        if let Some(id) = item.strip_prefix("slot:") {
            return profile.slot(id).map_or_else(
                || id.to_owned(),
                |s| s.label_in(&self.rules.lang).to_owned(),
            );
        }
        let text = self.message("field", item, &BTreeMap::new());
        if text.is_empty() || text.contains(item) {
            item.to_owned()
        } else {
            text
        }
    }
}
