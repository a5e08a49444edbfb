//! Translation memory matching: segments, fuzzy scores with the difference, number-aware
//! adaptation, width-folded comparison. Pure logic over strings; the caller stores the entries.
//!
//! This crate owns:
//! - segmentation ([`segments`], [`align`]): a title or short title is one segment, selling
//!   points one per line, a description one per paragraph or list item, in the plain-text
//!   description format defined in `segment.rs` (the caller converts Body HTML to it);
//! - the comparison form ([`normalize`]): full-width ASCII and punctuation folded to half
//!   width, curly quotes and dashes to ASCII, case and runs of whitespace ignored;
//! - the score (0..=100, 100 only for the same normal form): a weighted word-level Levenshtein
//!   ratio, a number for a number costing half a word (`score.rs`);
//! - the index ([`Memory`]): an inverted index from token to entries with prefix filtering, so
//!   a search scores only the entries that can reach the threshold (`memory.rs`);
//! - the word-level difference shown with each [`Match`] ([`DiffPart`]);
//! - number-aware adaptation ([`Match::adapted`], `adapt.rs`): an entry that differs from the
//!   query only in quantities is offered with the query's quantities put into its target.
//!
//! It must not know: SQLite or any storage (the caller builds a [`Memory`] from its rows and
//! inserts what is saved), HTML (the caller converts Body HTML to the description format), unit
//! conversion (the caller passes a converter, from kuajing-units), the threshold setting (a
//! parameter), products, marketplaces, Tauri, or how a match is worded or drawn.
//!
//! Speed (`cargo bench -p kuajing-tm --bench search`, numbers in `docs/drafting.md`): building
//! the index of 100,000 generated entries takes under a second, a search a fraction of a
//! millisecond on average and a few milliseconds at worst.

mod adapt;
mod memory;
mod normalize;
mod score;
mod segment;
mod tokens;

use serde::{Deserialize, Serialize};

pub use adapt::Convert;
pub use memory::Memory;
pub use normalize::normalize;
pub use segment::{FieldKind, Segment, SegmentKind, align, segments};

/// One stored pair: an English source segment and the Chinese text a person saved for it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Entry {
    pub source: String,
    pub target: String,
}

impl Entry {
    pub fn new(source: impl Into<String>, target: impl Into<String>) -> Self {
        Self {
            source: source.into(),
            target: target.into(),
        }
    }
}

/// One fuzzy match for a query. (TypeScript name `TmMatch`.)
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export, rename = "TmMatch")]
pub struct Match {
    /// The entry's English source as stored.
    pub source: String,
    /// The entry's Chinese target as stored.
    pub target: String,
    /// 0..=100; 100 only when the source's normal form is the query's.
    pub score: u8,
    /// From the entry's source to the query, word by word. Equal and insert parts joined give
    /// the query (from its first token to its last); equal and delete parts give the source,
    /// with the equal parts spelt as in the query. A part's text starts with the whitespace
    /// before it in its own text.
    pub diff: Vec<DiffPart>,
    /// When the source differs from the query only in quantities: the target with the query's
    /// quantities in place of the source's. The score stays below 100; the UI marks it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub adapted: Option<String>,
}

/// A run of the difference between a match's source and the query. (TypeScript name
/// `TmDiffPart`.)
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export, rename = "TmDiffPart")]
pub struct DiffPart {
    pub kind: DiffKind,
    pub text: String,
}

/// `equal`: in both (spelt as in the query); `insert`: in the query only; `delete`: in the
/// entry's source only. (TypeScript name `TmDiffKind`.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, rename = "TmDiffKind")]
pub enum DiffKind {
    Equal,
    Insert,
    Delete,
}
