//! Review: a state per product × locale × field, who changed it and why, stale flags when
//! the English changes, and the queue a translator works through (issue 11, docs/review.md).
//!
//! The state machine: a draft (template, TM or machine) saved as the field's text starts as
//! `draft`; a person's save makes any state `translated`. A reviewer may take `translated` to
//! `reviewed`, `approved` or `rejected`, `reviewed` to `approved` or `rejected`, and
//! `approved` back to `reviewed`; `review set --state translated` is a person vouching for the
//! text as it is, which a save does, so it is allowed from every state. Anything else is
//! `review-transition`; `rejected` needs a comment (`review-needs-comment`).
//!
//! Stale is a flag, set by the catalog when an import changes the English a translation was
//! made from (`kuajing_catalog::queries::review::source_changed`), in the import's
//! transaction; cleared by the next save or review action, which also takes the new English
//! as the one the translation is made from.

use std::collections::HashMap;
use std::sync::Arc;

use kuajing_catalog::queries::review::{self as review_rows, Change, REVIEWED_FIELDS};
use kuajing_catalog::queries::review_queue;
use kuajing_catalog::queries::{
    findings as findings_rows, products as product_rows, settings as setting_rows,
};
use kuajing_catalog::rusqlite::Connection;
use kuajing_catalog::{CopyField, Locale};
use kuajing_marketplace::Profile;
use serde::{Deserialize, Serialize};

pub use kuajing_catalog::queries::review::ReviewState;

use crate::{Error, Result, Workbench};

/// The setting holding the reviewer's name (a JSON string).
pub const REVIEWER_KEY: &str = "review.reviewer";

/// The history source of a reviewer's state change.
pub const REVIEW_SOURCE: &str = "review";

/// Whether a reviewer may set `to` on a field in state `from`.
pub fn transition_allowed(from: ReviewState, to: ReviewState) -> bool {
    use ReviewState::*;
    matches!(
        (from, to),
        (_, Translated)
            | (Translated, Reviewed | Approved | Rejected)
            | (Reviewed, Approved | Rejected)
            | (Approved, Reviewed)
    )
}

/// The state a save leaves: `draft` for the drafting tools (history source `draft…`), else
/// `translated` (a person typed or accepted the text).
pub fn state_after_save(source: &str) -> ReviewState {
    if source.starts_with("draft") {
        ReviewState::Draft
    } else {
        ReviewState::Translated
    }
}

/// The English a translation was made from, and what it is now.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct SourceDiff {
    pub old: String,
    pub new: String,
}

/// A comment left with a state change; a field's comments, oldest first, are its thread.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ReviewComment {
    pub by: String,
    pub at: String,
    /// The state the comment came with.
    pub state: Option<ReviewState>,
    pub comment: String,
}

/// One field in the review queue.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ReviewItem {
    pub handle: String,
    pub field: CopyField,
    pub locale: Locale,
    pub state: ReviewState,
    pub stale: bool,
    /// Who made the last state change (`""`: the catalog, when the English changed).
    pub by: String,
    pub at: String,
    pub comments: Vec<ReviewComment>,
    /// When stale: the English the translation was made from, and the English now (Body HTML
    /// as text).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub source_diff: Option<SourceDiff>,
    /// The translation.
    pub text: String,
    /// The English it is made from now (Body HTML as text).
    pub english: String,
}

/// How many fields are in each state: "212 of 480 fields approved" is `approved` of `total`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ReviewProgress {
    pub total: u32,
    pub draft: u32,
    pub translated: u32,
    pub reviewed: u32,
    pub approved: u32,
    pub rejected: u32,
    pub stale: u32,
}

impl ReviewProgress {
    fn add(&mut self, state: ReviewState, stale: bool, n: u32) {
        self.total += n;
        if stale {
            self.stale += n;
        }
        *match state {
            ReviewState::Draft => &mut self.draft,
            ReviewState::Translated => &mut self.translated,
            ReviewState::Reviewed => &mut self.reviewed,
            ReviewState::Approved => &mut self.approved,
            ReviewState::Rejected => &mut self.rejected,
        } += n;
    }
}

/// The queue's filters. Vendor and text narrow the scope the progress counts; state, stale
/// and findings pick items within it. Missing keys take the defaults (zh-CN, no filter,
/// findings for the default marketplace).
#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[serde(default)]
#[ts(export)]
pub struct ReviewFilter {
    pub locale: Locale,
    pub state: Option<ReviewState>,
    /// `true`: only stale fields; `false`: only fields that are not.
    pub stale: Option<bool>,
    /// `true`: only fields whose text has findings for `marketplace`; `false`: only clean ones.
    pub has_findings: Option<bool>,
    /// The profile findings are checked against.
    pub marketplace: String,
    /// The product's vendor (case-insensitive).
    pub vendor: Option<String>,
    /// Found in the handle, the English or the translation (case-insensitive).
    pub text: Option<String>,
    /// The page of items: skip `offset` of them, then at most `limit` (`None`: all).
    pub offset: u32,
    pub limit: Option<u32>,
}

impl Default for ReviewFilter {
    fn default() -> Self {
        ReviewFilter {
            locale: Locale::ZhCn,
            state: None,
            stale: None,
            has_findings: None,
            marketplace: kuajing_marketplace::DEFAULT.into(),
            vendor: None,
            text: None,
            offset: 0,
            limit: None,
        }
    }
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ReviewQueue {
    /// The page the filter asked for.
    pub items: Vec<ReviewItem>,
    /// How many items the filter picks, on every page.
    pub total: u32,
    /// Where `items` starts among them.
    pub offset: u32,
    /// Over the fields of the filter's scope (vendor, text), whatever their state.
    pub progress: ReviewProgress,
}

/// What stored finding counts are made with besides the catalog's data: this build's checker
/// (its version and term list) and the marketplace profile. A count under another stamp is
/// counted again.
pub(crate) fn rules_stamp(profile: &Arc<Profile>) -> String {
    use std::sync::{Mutex, OnceLock, Weak};
    // By profile: an override file edited gives a new profile, and so a new stamp.
    /// By marketplace id: the profile a stamp was made for, and the stamp.
    type Stamps = Mutex<HashMap<String, (Weak<Profile>, String)>>;
    static STAMPS: OnceLock<Stamps> = OnceLock::new();
    let stamps = STAMPS.get_or_init(Mutex::default);
    if let Ok(known) = stamps.lock()
        && let Some((weak, stamp)) = known.get(&profile.id)
        && weak.upgrade().is_some_and(|p| Arc::ptr_eq(&p, profile))
    {
        return stamp.clone();
    }
    let stamp = review_rows::hash(&format!(
        "{}\u{1}{}\u{1}{:?}",
        env!("CARGO_PKG_VERSION"),
        kuajing_copy::builtin_terms(),
        **profile,
    ));
    if let Ok(mut stamps) = stamps.lock() {
        stamps.insert(profile.id.clone(), (Arc::downgrade(profile), stamp.clone()));
    }
    stamp
}

/// The English as a person reads it: Body HTML as text (the selling points are made from the
/// title, a blank line, then the Body HTML).
fn readable(field: &str, english: &str) -> String {
    match field {
        "description" => kuajing_shopify::body_text(english),
        "selling_points" => match english.split_once("\n\n") {
            Some((title, body)) => format!("{title}\n\n{}", kuajing_shopify::body_text(body)),
            None => english.to_owned(),
        },
        _ => english.to_owned(),
    }
}

pub(crate) fn field_of(name: &str) -> Option<CopyField> {
    REVIEWED_FIELDS.into_iter().find(|f| f.as_str() == name)
}

fn locale_of(name: &str) -> Locale {
    if name == Locale::En.as_str() {
        Locale::En
    } else {
        Locale::ZhCn
    }
}

/// The OS user (`USER`, else `USERNAME`), else `reviewer`.
fn os_user() -> String {
    ["USER", "USERNAME"]
        .iter()
        .find_map(|v| std::env::var(v).ok().map(|s| s.trim().to_owned()))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "reviewer".into())
}

impl Workbench {
    /// The name state changes are recorded under: the `review.reviewer` setting, else the OS
    /// user, else `reviewer`.
    pub fn reviewer(&self) -> Result<String> {
        self.reviewer_in(&self.catalog.connect()?)
    }

    fn reviewer_in(&self, conn: &Connection) -> Result<String> {
        let stored = setting_rows::get(conn, REVIEWER_KEY)?
            .and_then(|json| serde_json::from_str::<String>(&json).ok())
            .filter(|name| !name.trim().is_empty());
        Ok(stored.unwrap_or_else(os_user))
    }

    /// Sets the reviewer's name, or with `None` goes back to the OS user. Returns the name
    /// now in effect.
    pub fn set_reviewer(&self, name: Option<&str>) -> Result<String> {
        let mut conn = self.catalog.connect()?;
        let tx = kuajing_catalog::write_tx(&mut conn)?;
        match name.map(str::trim) {
            Some("") => return Err(Error::ReviewerBlank),
            Some(name) => {
                let json = serde_json::Value::String(name.to_owned()).to_string();
                setting_rows::put(&tx, REVIEWER_KEY, &json)?;
            }
            None => setting_rows::remove(&tx, REVIEWER_KEY)?,
        }
        tx.commit()?;
        self.reviewer()
    }

    /// Called by every save of copy, inside its transaction: a reviewed field's state becomes
    /// [`state_after_save`] of `source`, made from the English it has now and no longer stale;
    /// emptied text forgets its state.
    pub(crate) fn review_saved(
        &self,
        tx: &Connection,
        product_id: i64,
        locale: Locale,
        field: CopyField,
        text: &str,
        source: &str,
    ) -> Result<()> {
        if locale == Locale::En || !REVIEWED_FIELDS.contains(&field) {
            return Ok(());
        }
        if text.is_empty() {
            review_rows::clear(tx, product_id, locale, field)?;
            return Ok(());
        }
        let who = self.reviewer_in(tx)?;
        let change = Change {
            state: state_after_save(source),
            who: &who,
            comment: None,
            source,
        };
        review_rows::set(tx, product_id, locale, field, change)?;
        Ok(())
    }

    /// A reviewer sets the field's state, with an optional comment (`rejected` needs one),
    /// as `by` (default: [`Workbench::reviewer`]). Clears the stale flag: the English the
    /// translation is now taken to be made from is the current one. Returns the field as
    /// the queue shows it.
    pub fn review_set(
        &self,
        handle: &str,
        field: CopyField,
        locale: Locale,
        state: ReviewState,
        comment: Option<&str>,
        by: Option<&str>,
    ) -> Result<ReviewItem> {
        let comment = comment.map(str::trim).filter(|c| !c.is_empty());
        let bad_field = || Error::BadField(field.as_str().to_owned());
        if !REVIEWED_FIELDS.contains(&field) || locale == Locale::En {
            return Err(bad_field());
        }
        if state == ReviewState::Rejected && comment.is_none() {
            return Err(Error::ReviewNeedsComment {
                handle: handle.to_owned(),
                field: field.as_str().to_owned(),
            });
        }
        let by = match by.map(str::trim) {
            Some("") => return Err(Error::ReviewerBlank),
            Some(by) => by.to_owned(),
            None => self.reviewer()?,
        };
        let mut conn = self.catalog.connect()?;
        let tx = kuajing_catalog::write_tx(&mut conn)?;
        let id = product_rows::id_of(&tx, handle)?;
        let Some((from, _)) = review_rows::state(&tx, id, locale, field)? else {
            return Err(Error::NothingToReview {
                handle: handle.to_owned(),
                field: field.as_str().to_owned(),
                locale: locale.as_str().to_owned(),
            });
        };
        if !transition_allowed(from, state) {
            return Err(Error::ReviewTransition {
                handle: handle.to_owned(),
                field: field.as_str().to_owned(),
                from: from.as_str().to_owned(),
                to: state.as_str().to_owned(),
            });
        }
        let change = Change {
            state,
            who: &by,
            comment,
            source: REVIEW_SOURCE,
        };
        review_rows::set(&tx, id, locale, field, change)?;
        tx.commit()?;
        let filter = ReviewFilter {
            locale,
            ..ReviewFilter::default()
        };
        let queue = self.queue_where(&filter, Some((id, field)))?;
        queue
            .items
            .into_iter()
            .next()
            .ok_or_else(|| Error::NothingToReview {
                handle: handle.to_owned(),
                field: field.as_str().to_owned(),
                locale: locale.as_str().to_owned(),
            })
    }

    /// The fields to review, by handle then field (title, short title, selling points,
    /// description), with the progress over the filter's scope.
    pub fn review_queue(&self, filter: &ReviewFilter) -> Result<ReviewQueue> {
        self.queue_where(filter, None)
    }

    /// Counts and stores the findings of every reviewed field of `locale` that has no count
    /// for `marketplace` under today's rules (after an import, a glossary change or an
    /// upgrade: all of them; after a save: that product's). The checks run in parallel
    /// outside the write transaction; inside it, a count is stored only if what it was made
    /// from is unchanged. Returns the rules stamp the counts carry.
    pub(crate) fn store_findings(&self, locale: &str, marketplace: &str) -> Result<String> {
        let rules = rules_stamp(&self.profile(marketplace)?);
        let conn = self.catalog.connect()?;
        if findings_rows::all_counted(&conn, locale, marketplace, &rules)? {
            return Ok(rules);
        }
        let todo = findings_rows::unchecked(&conn, locale, marketplace, &rules)?;
        drop(conn);
        self.count_findings(
            &todo,
            (locale, marketplace, &rules),
            |conn| Ok(findings_rows::unchecked(conn, locale, marketplace, &rules)?),
            true,
        )?;
        Ok(rules)
    }

    /// The error findings of each of `products` (the product list's page) for `marketplace`,
    /// read from the stored counts; a field without one (a new or changed product) is
    /// counted and stored first, and only those.
    pub(crate) fn stored_errors(
        &self,
        conn: &Connection,
        marketplace: &str,
        products: &[i64],
    ) -> Result<HashMap<i64, usize>> {
        let locale = Locale::ZhCn.as_str();
        let rules = rules_stamp(&self.profile(marketplace)?);
        let stored = |conn: &Connection| -> Result<Vec<(i64, Option<u32>)>> {
            products
                .iter()
                .map(|&id| {
                    Ok((
                        id,
                        findings_rows::errors_of(conn, id, locale, marketplace, &rules)?,
                    ))
                })
                .collect()
        };
        let first = stored(conn)?;
        let missing: Vec<i64> = first
            .iter()
            .filter(|(_, errors)| errors.is_none())
            .map(|(id, _)| *id)
            .collect();
        if missing.is_empty() {
            return Ok(first
                .into_iter()
                .map(|(id, errors)| (id, errors.unwrap_or(0) as usize))
                .collect());
        }
        let unchecked = |conn: &Connection| -> Result<Vec<_>> {
            let mut all = Vec::new();
            for &id in &missing {
                all.extend(findings_rows::unchecked_of(
                    conn,
                    id,
                    locale,
                    marketplace,
                    &rules,
                )?);
            }
            Ok(all)
        };
        let todo = unchecked(conn)?;
        // A page must answer while another writer (an import) holds the lock: the counts are
        // then shown without being stored, and stored by a later view.
        let counted =
            self.count_findings(&todo, (locale, marketplace, &rules), unchecked, false)?;
        let mut fresh: HashMap<i64, usize> = HashMap::new();
        for (row, count) in todo.iter().zip(&counted) {
            *fresh.entry(row.product_id).or_default() += count.map_or(0, |c| c.errors as usize);
        }
        products
            .iter()
            .map(|&id| {
                let (stored, complete) =
                    findings_rows::stored_errors_of(conn, id, locale, marketplace, &rules)?;
                // Every field stored now; or the counts made here were not stored (the fields
                // counted here are those that had none).
                let errors = match complete {
                    true => stored as usize,
                    false => stored as usize + fresh.get(&id).copied().unwrap_or(0),
                };
                Ok((id, errors))
            })
            .collect()
    }

    /// Counts the findings of the fields `todo` names, in parallel outside the write
    /// transaction; inside it, stores each count whose inputs `now` (the same rows, read again
    /// in the transaction) still gives, so a count never outlives what it was made from.
    /// Without `wait`, the counts are not stored when another writer holds the lock. Returns
    /// the counts, by `todo`'s rows.
    fn count_findings(
        &self,
        todo: &[findings_rows::Unchecked],
        (locale, marketplace, rules): (&str, &str, &str),
        now: impl FnOnce(&Connection) -> Result<Vec<findings_rows::Unchecked>>,
        wait: bool,
    ) -> Result<Vec<Option<findings_rows::Count>>> {
        use rayon::prelude::*;
        if todo.is_empty() {
            return Ok(Vec::new());
        }
        let counted = todo
            .par_iter()
            .map_init(
                || None,
                |slot, row| -> Result<Option<findings_rows::Count>> {
                    if slot.is_none() {
                        let conn = self.catalog.connect()?;
                        let glossary = self.glossary(&conn)?;
                        *slot = Some((conn, glossary));
                    }
                    let (Some((conn, glossary)), Some(field)) =
                        (slot.as_ref(), field_of(&row.field))
                    else {
                        return Ok(None);
                    };
                    let check = self.check_product_copy_with(
                        conn,
                        glossary,
                        &row.handle,
                        marketplace,
                        field,
                        &row.text,
                    )?;
                    let errors = check.errors();
                    Ok(Some(findings_rows::Count {
                        errors: u32::try_from(errors).unwrap_or(u32::MAX),
                        total: u32::try_from(check.findings.len()).unwrap_or(u32::MAX),
                    }))
                },
            )
            .collect::<Result<Vec<_>>>()?;
        let mut conn = self.catalog.connect()?;
        let tx = match wait {
            true => kuajing_catalog::write_tx(&mut conn)?,
            false => match kuajing_catalog::try_write_tx(&mut conn)? {
                Some(tx) => tx,
                None => return Ok(counted),
            },
        };
        let now: HashMap<(i64, String), String> = now(&tx)?
            .into_iter()
            .map(|u| ((u.product_id, u.field), u.inputs))
            .collect();
        for (row, count) in todo.iter().zip(&counted) {
            let Some(count) = *count else { continue };
            let key = (row.product_id, row.field.clone());
            if now.get(&key) != Some(&row.inputs) {
                continue;
            }
            let key = (row.product_id, locale, row.field.as_str());
            findings_rows::store(&tx, key, marketplace, rules, count)?;
        }
        tx.commit()?;
        Ok(counted)
    }

    fn queue_where(
        &self,
        filter: &ReviewFilter,
        only: Option<(i64, CopyField)>,
    ) -> Result<ReviewQueue> {
        let conn = self.catalog.connect()?;
        let locale = filter.locale.as_str();
        let text = filter
            .text
            .as_deref()
            .map(|t| t.trim().to_owned())
            .filter(|t| !t.is_empty());
        let rules = match filter.has_findings {
            Some(_) => Some(self.store_findings(locale, &filter.marketplace)?),
            None => None,
        };
        let rows_filter = review_queue::RowFilter {
            state: filter.state,
            stale: filter.stale,
            vendor: filter.vendor.as_deref(),
            text: text.as_deref(),
            only,
            findings: filter
                .has_findings
                .zip(rules.as_deref())
                .map(|(has, rules)| review_queue::FindingsFilter {
                    has,
                    marketplace: &filter.marketplace,
                    rules,
                }),
            offset: filter.offset,
            limit: filter.limit,
        };
        let page = review_queue::queue(&conn, locale, &rows_filter)?;
        let mut progress = ReviewProgress::default();
        let mut total = 0;
        for count in page.counts {
            progress.add(count.state, count.stale, count.all);
            total += count.picked;
        }
        let picked = page.rows;
        let mut products: Vec<i64> = picked.iter().map(|row| row.product_id).collect();
        products.dedup();
        let mut threads: HashMap<(i64, String), Vec<ReviewComment>> = HashMap::new();
        for c in review_queue::comments(&conn, locale, &products)? {
            threads
                .entry((c.product_id, c.field))
                .or_default()
                .push(ReviewComment {
                    by: c.who,
                    at: c.at,
                    state: c.state.as_deref().and_then(ReviewState::parse),
                    comment: c.comment,
                });
        }
        let items = picked
            .into_iter()
            .filter_map(|row| {
                let field = field_of(&row.field)?;
                let source_diff = row.stale.then(|| SourceDiff {
                    old: readable(&row.field, &row.source_en),
                    new: readable(&row.field, &row.english),
                });
                Some(ReviewItem {
                    comments: threads
                        .remove(&(row.product_id, row.field.clone()))
                        .unwrap_or_default(),
                    english: readable(&row.field, &row.english),
                    handle: row.handle,
                    field,
                    locale: locale_of(&row.locale),
                    state: row.state,
                    stale: row.stale,
                    by: row.who,
                    at: row.at,
                    source_diff,
                    text: row.text,
                })
            })
            .collect();
        Ok(ReviewQueue {
            items,
            total,
            offset: filter.offset,
            progress,
        })
    }
}
