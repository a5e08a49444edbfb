//! Editing Chinese copy: every save is checked against the marketplace's rules and kept in
//! history.

use std::collections::BTreeMap;

use kuajing_catalog::queries::{copy as copy_rows, products as product_rows};
use kuajing_catalog::{CopyField, Locale};
use kuajing_copy::{Field, Severity};
use serde::Serialize;

use crate::{Error, Result, Rules, Workbench};

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Finding {
    pub code: String,
    pub severity: Severity,
    /// Character (code point) offsets, end exclusive.
    pub start: usize,
    pub end: usize,
    pub args: BTreeMap<String, String>,
    pub message: String,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct CopyCheck {
    /// GBK units: 2 per double-byte character, 1 per ASCII.
    pub units: u32,
    pub limit: Option<u32>,
    pub findings: Vec<Finding>,
}

impl CopyCheck {
    pub fn errors(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count()
    }
}

pub(crate) fn checked_field(field: CopyField) -> Result<Field> {
    match field {
        CopyField::Title => Ok(Field::Title),
        CopyField::Description => Ok(Field::Description),
        other => Err(Error::BadField(other.as_str().to_owned())),
    }
}

impl Rules {
    /// Checks `text` as `field` copy for `marketplace`, without saving.
    pub fn check_copy(&self, marketplace: &str, field: CopyField, text: &str) -> Result<CopyCheck> {
        let profile = kuajing_marketplace::load(marketplace)?;
        let field = checked_field(field)?;
        let limit = (field == Field::Title).then_some(profile.title.max_units);
        let check = self.checker()?.check(text, field, limit);
        Ok(CopyCheck {
            units: check.units,
            limit: check.limit,
            findings: check
                .findings
                .into_iter()
                .map(|f| {
                    let message = self.message("finding", &f.code, &f.args);
                    Finding {
                        code: f.code,
                        severity: f.severity,
                        start: f.start,
                        end: f.end,
                        args: f.args,
                        message,
                    }
                })
                .collect(),
        })
    }
}

impl Workbench {
    /// Checks `text` as `field` copy for `marketplace`, without saving.
    pub fn check_copy(&self, marketplace: &str, field: CopyField, text: &str) -> Result<CopyCheck> {
        self.rules.check_copy(marketplace, field, text)
    }

    /// Saves `text` as the product's copy (kept in history with `source`) and checks it.
    ///
    /// `base` is the text the edit started from. When it is given and the catalog no longer
    /// holds it (another window or the CLI saved in between), nothing is written and the error
    /// is `copy-conflict`, carrying the catalog's text so the editor can offer "keep mine" (save
    /// again based on their text) or "take theirs". `None` overwrites whatever is there.
    #[allow(clippy::too_many_arguments)] // one per part of the edit, as the hosts receive them
    pub fn set_copy(
        &self,
        handle: &str,
        field: CopyField,
        locale: Locale,
        text: &str,
        base: Option<&str>,
        marketplace: &str,
        source: &str,
    ) -> Result<CopyCheck> {
        checked_field(field)?;
        let check = self.check_copy(marketplace, field, text)?;
        let mut conn = self.catalog.connect()?;
        let tx = kuajing_catalog::write_tx(&mut conn)?;
        match base {
            Some(base) => {
                copy_rows::set_based(&tx, handle, locale, field, text, base, source)?;
            }
            None => {
                let id = product_rows::id_of(&tx, handle)?;
                copy_rows::set(&tx, id, locale, field, text, source)?;
            }
        }
        tx.commit()?;
        Ok(check)
    }
}
