//! What the editor shows beside the Chinese side (translation-memory matches, the glossary
//! terms of the English), and "draft all empty fields" for a selection of products, with
//! progress and cancel.

use std::sync::atomic::{AtomicBool, Ordering};

use kuajing_catalog::queries::{copy as copy_rows, products as product_rows};
use kuajing_catalog::{CopyField, Locale};
use serde::Serialize;

use crate::drafting::TmMatch;
use crate::{AppError, Result, Workbench};

/// A glossary term found in the English of a field, and whether the Chinese has it.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct TermHit {
    pub en: String,
    pub zh: String,
    pub note: String,
    pub forbidden: Vec<String>,
    /// Character offsets in the English, end exclusive.
    pub start: usize,
    pub end: usize,
    /// The approved Chinese is in the Chinese text.
    pub present: bool,
}

/// Suggestions for one field of one product.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Suggestions {
    /// Best first; at most nine (Alt+1..9 inserts one).
    pub tm: Vec<TmMatch>,
    pub terms: Vec<TermHit>,
}

/// Where a drafting batch is, sent after each product.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct DraftProgress {
    pub done: u32,
    pub total: u32,
    /// Fields drafted and saved so far.
    pub drafted: u32,
}

/// A field that could not be drafted.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct DraftFailure {
    pub handle: String,
    pub field: CopyField,
    pub error: AppError,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct DraftBatchReport {
    pub progress: DraftProgress,
    /// Fields that already had text and were left alone.
    pub kept: u32,
    /// Drafts saved with an error finding, to look at first.
    pub with_errors: Vec<String>,
    pub failures: Vec<DraftFailure>,
    pub cancelled: bool,
}

/// The fields "draft all empty fields" fills.
pub const DRAFTED_FIELDS: [CopyField; 4] = [
    CopyField::Title,
    CopyField::ShortTitle,
    CopyField::SellingPoints,
    CopyField::Description,
];

impl Workbench {
    /// TM matches for the field's English (the title, or the description's paragraph
    /// `segment` when given) and the glossary terms in it, each marked present when `zh` has
    /// its approved Chinese.
    pub fn suggestions(
        &self,
        handle: &str,
        field: CopyField,
        segment: Option<&str>,
        zh: &str,
    ) -> Result<Suggestions> {
        let conn = self.catalog.connect()?;
        let id = product_rows::id_of(&conn, handle)?;
        let english = match (segment, field) {
            (Some(s), _) => s.to_owned(),
            (None, CopyField::Description | CopyField::SellingPoints) => {
                kuajing_shopify::body_text(&copy_rows::get(
                    &conn,
                    id,
                    Locale::En,
                    CopyField::Description,
                )?)
            }
            (None, _) => copy_rows::get(&conn, id, Locale::En, CopyField::Title)?,
        };
        let glossary = self.glossary(&conn)?;
        drop(conn);
        let terms = glossary
            .find_en(&english)
            .into_iter()
            .map(|hit| {
                let term = &glossary.terms()[hit.term];
                TermHit {
                    en: term.en.clone(),
                    zh: term.zh.clone(),
                    note: term.note.clone(),
                    forbidden: term.forbidden.clone(),
                    start: hit.start,
                    end: hit.end,
                    present: zh.contains(&term.zh),
                }
            })
            .collect();
        let tm = if english.trim().is_empty() {
            Vec::new()
        } else {
            self.tm_search(&english, 9)?
        };
        Ok(Suggestions { tm, terms })
    }

    /// Drafts every empty field of `handles` (all products when empty) for `marketplace`
    /// and saves each draft (history source `draft`); text already there is never touched.
    /// `progress` is called after each product; `cancel` stops before the next one.
    pub fn draft_empty_fields(
        &self,
        handles: &[String],
        marketplace: &str,
        cancel: &AtomicBool,
        mut progress: impl FnMut(&DraftProgress),
    ) -> Result<DraftBatchReport> {
        let handles = if handles.is_empty() {
            product_rows::handles(&self.catalog.connect()?)?
        } else {
            handles.to_vec()
        };
        let mut report = DraftBatchReport {
            progress: DraftProgress {
                done: 0,
                total: u32::try_from(handles.len()).unwrap_or(u32::MAX),
                drafted: 0,
            },
            kept: 0,
            with_errors: Vec::new(),
            failures: Vec::new(),
            cancelled: false,
        };
        for handle in &handles {
            if cancel.load(Ordering::Relaxed) {
                report.cancelled = true;
                break;
            }
            let filled = {
                let conn = self.catalog.connect()?;
                let id = product_rows::id_of(&conn, handle)?;
                DRAFTED_FIELDS
                    .iter()
                    .map(|&f| Ok((f, !copy_rows::get(&conn, id, Locale::ZhCn, f)?.is_empty())))
                    .collect::<Result<Vec<_>>>()?
            };
            for (field, has_text) in filled {
                if has_text {
                    report.kept += 1;
                    continue;
                }
                match self.draft(handle, field, marketplace, true) {
                    Ok(draft) => {
                        report.progress.drafted += 1;
                        let errors = draft
                            .findings
                            .iter()
                            .any(|f| f.severity == kuajing_copy::Severity::Error);
                        if errors && !report.with_errors.contains(handle) {
                            report.with_errors.push(handle.clone());
                        }
                    }
                    Err(e) => report.failures.push(DraftFailure {
                        handle: handle.clone(),
                        field,
                        error: AppError::from(&e),
                    }),
                }
            }
            report.progress.done += 1;
            progress(&report.progress);
        }
        Ok(report)
    }
}

impl Workbench {
    /// An English gloss of Chinese text, word by word: the catalog's glossary terms first
    /// (one word, glossed with their English), then the dictionary; quantities read back in
    /// both systems (`907克` → `907 g = 2 lb`).
    pub fn gloss(&self, text: &str) -> Result<kuajing_gloss::Gloss> {
        let conn = self.catalog.connect()?;
        let glossary = self.glossary(&conn)?;
        drop(conn);
        // One English word per Chinese term: several terms may share one (Cherries, Sweet
        // Cherries → 车厘子); the shortest reads best.
        let mut by_zh: std::collections::BTreeMap<&str, &str> = std::collections::BTreeMap::new();
        for t in glossary.terms() {
            let en = by_zh.entry(t.zh.as_str()).or_insert(t.en.as_str());
            if t.en.len() < en.len() {
                *en = t.en.as_str();
            }
        }
        let terms: Vec<kuajing_gloss::Term> = by_zh
            .into_iter()
            .map(|(zh, en)| kuajing_gloss::Term::new(zh, en))
            .collect();
        crate::Rules::gloss_with(text, &terms)
    }
}

impl crate::Rules {
    /// [`Workbench::gloss`] without a catalog: the dictionary only.
    pub fn gloss(&self, text: &str) -> Result<kuajing_gloss::Gloss> {
        Self::gloss_with(text, &[])
    }

    fn gloss_with(text: &str, terms: &[kuajing_gloss::Term]) -> Result<kuajing_gloss::Gloss> {
        let glosser = kuajing_gloss::Glosser::builtin()?;
        let units = kuajing_units::Units::builtin()?;
        let quantity = |q: &str| {
            let found = units.find(q);
            let first = found.first().filter(|f| f.value.is_some())?;
            Some(units.read_back(first))
        };
        Ok(kuajing_gloss::Gloss {
            tokens: glosser.gloss(text, terms, &quantity),
        })
    }
}
