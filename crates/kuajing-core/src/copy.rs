//! Editing Chinese copy: every save is checked against the marketplace's rules and kept in
//! history.

use std::collections::BTreeMap;

use kuajing_catalog::queries::{copy as copy_rows, products as product_rows};
use kuajing_catalog::{CopyField, Locale};
use kuajing_copy::{Field, Fix, Severity};
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
    /// One-click fixes, best first.
    pub fixes: Vec<Fix>,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct CopyCheck {
    /// The length in `unit`s (selling points: the longest line).
    pub units: u32,
    pub limit: Option<u32>,
    /// How `units` and `limit` count: GBK units (2 per double-byte character, 1 per ASCII)
    /// or characters, as the marketplace's profile says.
    pub unit: kuajing_copy::Length,
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

/// How the checker counts a title the profile measures in `unit`.
pub(crate) fn length_of(unit: kuajing_marketplace::TitleUnit) -> kuajing_copy::Length {
    match unit {
        kuajing_marketplace::TitleUnit::Gbk => kuajing_copy::Length::Gbk,
        kuajing_marketplace::TitleUnit::Chars => kuajing_copy::Length::Chars,
    }
}

/// The finding when selling points have more lines than the marketplace shows.
pub const TOO_MANY_LINES: &str = "too-many-lines";

pub(crate) fn checked_field(field: CopyField) -> Result<Field> {
    match field {
        CopyField::Title | CopyField::ShortTitle | CopyField::SellingPoints => Ok(Field::Title),
        CopyField::Description => Ok(Field::Description),
        other => Err(Error::BadField(other.as_str().to_owned())),
    }
}

impl Rules {
    /// Checks `text` as `field` copy for `marketplace`, without saving. A title and a short
    /// title are held to the profile's budget, each line of the selling points to the line
    /// budget and their count to the line count; a limit the profile marks unconfirmed gives
    /// warnings, never errors.
    pub fn check_copy(&self, marketplace: &str, field: CopyField, text: &str) -> Result<CopyCheck> {
        self.check_copy_for(marketplace, field, text, &kuajing_copy::Context::new())
    }

    /// [`Rules::check_copy`] for a product whose brand names (`context`) may contain an
    /// absolute word (a brand named 最 is not a claim: a warning, not an error).
    pub(crate) fn check_copy_for(
        &self,
        marketplace: &str,
        field: CopyField,
        text: &str,
        context: &kuajing_copy::Context,
    ) -> Result<CopyCheck> {
        let owned = self.profile(marketplace)?;
        let profile = &*owned;
        let kind = checked_field(field)?;
        let checker = self.checker()?;
        let mut unit = kuajing_copy::Length::Gbk;
        let (units, limit, mut findings, confirmed) = match field {
            CopyField::SellingPoints => {
                let rule = profile.selling_points.as_ref();
                let limit = rule.map(|r| r.max_units);
                let mut units = 0;
                let mut findings = Vec::new();
                let mut offset = 0;
                for (i, line) in text.split('\n').enumerate() {
                    let check = checker.check_with(line, kind, limit, context);
                    units = units.max(check.units);
                    let length = line.chars().count();
                    for mut f in check.findings {
                        f.start += offset;
                        f.end += offset;
                        for fix in &mut f.fixes {
                            fix.start += offset;
                            fix.end += offset;
                        }
                        findings.push(f);
                    }
                    if let Some(rule) = rule
                        && i == rule.max_lines as usize
                    {
                        let end = text.chars().count();
                        let mut f = kuajing_copy::Finding {
                            code: TOO_MANY_LINES.to_owned(),
                            severity: Severity::Error,
                            start: offset,
                            end,
                            args: BTreeMap::new(),
                            fixes: Vec::new(),
                        };
                        f.args
                            .insert("lines".into(), text.split('\n').count().to_string());
                        f.args.insert("limit".into(), rule.max_lines.to_string());
                        findings.push(f);
                    }
                    offset += length + 1;
                }
                (units, limit, findings, rule.is_none_or(|r| r.confirmed()))
            }
            _ => {
                let rule = match field {
                    CopyField::Title => Some(&profile.title),
                    CopyField::ShortTitle => profile.short_title.as_ref(),
                    _ => None,
                };
                let limit = rule.map(|r| r.max_units);
                let confirmed = rule.is_none_or(|r| r.confirmed());
                unit = rule.map_or(unit, |r| length_of(r.unit));
                let check = checker.check_counted(text, kind, limit, unit, context);
                (check.units, check.limit, check.findings, confirmed)
            }
        };
        if !confirmed {
            for f in &mut findings {
                if f.code == kuajing_copy::codes::TITLE_TOO_LONG || f.code == TOO_MANY_LINES {
                    f.severity = Severity::Warning;
                }
            }
        }
        findings.sort_by_key(|f| (f.start, f.end));
        Ok(CopyCheck {
            units,
            limit,
            unit,
            findings: findings
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
                        fixes: f.fixes,
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
    /// A change sets the field's review state in the same transaction: `draft` for a draft
    /// (`source` starting with `draft`), else `translated` (see `review.rs`).
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
        let mut conn = self.catalog.connect()?;
        let check = self.check_product_copy(&conn, handle, marketplace, field, text)?;
        let tx = kuajing_catalog::write_tx(&mut conn)?;
        let id = product_rows::id_of(&tx, handle)?;
        let changed = match base {
            Some(base) => copy_rows::set_based(&tx, handle, locale, field, text, base, source)?,
            None => copy_rows::set(&tx, id, locale, field, text, source)?,
        };
        if changed {
            self.review_saved(&tx, id, locale, field, text, source)?;
        }
        // What a person saved is worth remembering; a draft is not (yet).
        if changed && locale == Locale::ZhCn && !source.starts_with("draft") && source != "import" {
            self.remember(&tx, id, handle, field, text)?;
        }
        tx.commit()?;
        Ok(check)
    }
}
