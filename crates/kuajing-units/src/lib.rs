//! Quantities in English and Chinese listing copy: found in any spelling, written in Chinese
//! metric for drafts and option values, and read back in English for the gloss.
//!
//! This crate owns:
//! - the unit table (`assets/units.toml`, data, not code): every unit with its spellings in
//!   English and Chinese, its dimension, its exact factor to the base metric unit (sources in
//!   `docs/units.md`), and per dimension the rules for the Chinese form and for the read-back.
//!   Adding a unit or a spelling is an edit to that file only;
//! - finding quantities ([`Units::find`]): numbers (16, 1,000, 2.5, .5, ½, 1½, 1/2, 1 1/2,
//!   ranges 2-3 / 2~3 / 2至3, dimensions 12 x 8, 两/十二/半 before a Chinese unit), full-width
//!   forms, and the boundaries that keep lookalikes out (Q10, No.10, 28寸, 重磅, "3 in 1");
//! - writing them in Chinese metric ([`Units::to_metric`], [`Units::convert_text`]) and reading
//!   them back in English with their equivalent ([`Units::read_back`]).
//!
//! It must not know: listings, marketplaces, the catalog, findings or their wording, Tauri.
//! Checks (kuajing-copy's `imperial-unit`), drafting and the gloss call it.
//!
//! Offsets are character offsets (Unicode scalar values, what JavaScript's `Array.from(text)`
//! indexes), end exclusive, into the text as given.
//!
//! Speed: the table is parsed and its matcher built once per process ([`Units::builtin`]);
//! [`Units::find`] on a title takes microseconds.

mod format;
mod scan;
mod table;

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::{Deserialize, Serialize};

pub use table::{Dimension, ReadTier, Tier, Unit};

/// The unit table shipped with the app.
const BUILTIN_TABLE: &str = include_str!("../../../assets/units.toml");

static BUILTIN: LazyLock<Result<Units, Error>> = LazyLock::new(|| Units::from_toml(BUILTIN_TABLE));

/// Why a unit table could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    #[error("the unit table is not valid TOML: {0}")]
    Toml(String),
    #[error("the unit table is invalid: {0}")]
    Invalid(String),
    #[error("could not build the unit matcher: {0}")]
    Matcher(String),
}

impl Error {
    /// The Fluent id is `error-<code>`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Toml(_) => "units-toml",
            Self::Invalid(_) => "units-invalid",
            Self::Matcher(_) => "units-matcher",
        }
    }
}

/// The number(s) of a quantity, in its own unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase", tag = "kind", content = "values")]
pub enum Value {
    /// `16 oz`, `1½ lb`, `-4°F`.
    Single(f64),
    /// `2-3 lb`, `2~3磅`, `2至3磅`, `2 to 3 lb`.
    Range(f64, f64),
    /// `12 x 8 in`: numbers sharing one unit (only for dimensions whose table entry says
    /// `dims = true`, i.e. lengths; `2 x 16 oz` is a count and 16 oz).
    Dims(Vec<f64>),
}

impl Value {
    /// The numbers, in order.
    pub fn numbers(&self) -> Vec<f64> {
        match self {
            Self::Single(v) => vec![*v],
            Self::Range(a, b) => vec![*a, *b],
            Self::Dims(v) => v.clone(),
        }
    }
}

/// An imperial quantity written together with its metric equivalent: `16 oz (454 g)`,
/// `2磅（约907克）`, `350°F/175°C`, `454克（16盎司）`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paired {
    /// The characters both quantities (and the brackets) cover.
    pub start: usize,
    pub end: usize,
    /// Index of the metric quantity in the same [`Units::find`] result.
    pub metric: usize,
}

/// A quantity in a text: `16 oz`, `2-3磅`, `12 x 8 in`, `907克`, or a unit named alone
/// (`单位：盎司`, value `None`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// First character (the number, or its minus sign; the unit when there is no number).
    pub start: usize,
    /// First character of the unit as written (`text[start..unit_start]` is the number with
    /// any space or hyphen after it; in a compound such as `5'10"` the first unit).
    pub unit_start: usize,
    /// End of the unit (exclusive).
    pub end: usize,
    /// `None` for a unit named without a number; only spellings listed as `bare` count so.
    pub value: Option<Value>,
    /// The unit's id in the table (`lb`, `fl_oz`, `g`, `C` ...).
    pub unit: String,
    /// Its dimension (`weight`, `volume`, `temperature`, `length`).
    pub dimension: String,
    /// A US customary unit (to be converted), as opposed to a metric one.
    pub imperial: bool,
    /// For an imperial quantity, its metric equivalent written next to it.
    pub paired: Option<Paired>,
}

/// The unit table and its matcher, built once. Cheap to share (`&Units`) across threads.
#[derive(Debug, Clone)]
pub struct Units {
    table: table::Table,
    matcher: AhoCorasick,
}

impl Units {
    /// The table shipped in `assets/units.toml`, parsed once per process.
    pub fn builtin() -> Result<&'static Self, Error> {
        BUILTIN.as_ref().map_err(Clone::clone)
    }

    /// A table in the `units.toml` format.
    pub fn from_toml(text: &str) -> Result<Self, Error> {
        let table = table::Table::parse(text)?;
        let matcher = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(table.spellings.iter().map(|s| s.text.as_str()))
            .map_err(|e| Error::Matcher(e.to_string()))?;
        Ok(Self { table, matcher })
    }

    /// Every unit of the table, in file order.
    pub fn units(&self) -> &[Unit] {
        &self.table.units
    }

    /// A unit by id.
    pub fn unit(&self, id: &str) -> Option<&Unit> {
        self.table
            .unit_index
            .get(id)
            .and_then(|&i| self.table.units.get(i))
    }

    /// Every dimension of the table, in file order.
    pub fn dimensions(&self) -> &[Dimension] {
        &self.table.dimensions
    }

    /// A dimension by id.
    pub fn dimension(&self, id: &str) -> Option<&Dimension> {
        self.table.dimensions.iter().find(|d| d.id == id)
    }

    /// Every quantity in the text, imperial and metric, in order, none overlapping.
    /// Character offsets; full-width forms count as half-width (１２ｏｚ).
    pub fn find(&self, text: &str) -> Vec<Quantity> {
        scan::Scanner {
            table: &self.table,
            matcher: &self.matcher,
        }
        .find(text)
    }

    /// The Chinese metric form of a quantity, by the rules of its dimension (`docs/units.md`):
    /// `454克`, `2.27千克`, `946毫升`, `3.79升`, `4°C`, `30.5厘米`. A range is written in the
    /// unit its larger end needs (`0.91~1.36千克`), dimensions joined by `×`
    /// (`30.5×20.3厘米`). A metric quantity keeps its value in its Chinese unit (`454 g` →
    /// `454克`). A unit without a number gives the metric unit(s) to use instead (`克/千克`).
    pub fn to_metric(&self, q: &Quantity) -> String {
        format::to_metric(self, q)
    }

    /// The text with every imperial quantity replaced by its metric form: `Gift Box 2 lb` →
    /// `Gift Box 907克`. An imperial quantity written with its metric equivalent becomes the
    /// metric value the merchant wrote: `16 oz (454 g)` → `454克`. Units without a number
    /// are left as they are.
    pub fn convert_text(&self, text: &str) -> String {
        let found = self.find(text);
        let mut edits: Vec<(usize, usize, String)> = Vec::new();
        for q in found.iter().filter(|q| q.imperial && q.value.is_some()) {
            match q.paired.and_then(|p| Some((p, found.get(p.metric)?))) {
                Some((p, m)) => edits.push((p.start, p.end, self.to_metric(m))),
                None => edits.push((q.start, q.end, self.to_metric(q))),
            }
        }
        edits.sort_by_key(|e| e.0);
        let mut out = String::with_capacity(text.len() + 8);
        let mut at = 0;
        let mut edits = edits.into_iter().peekable();
        for (i, c) in text.chars().enumerate() {
            while let Some((start, end, repl)) = edits.next_if(|e| e.0 <= i) {
                if start >= at && start == i {
                    out.push_str(&repl);
                    at = end;
                }
            }
            if i >= at {
                out.push(c);
            }
        }
        out
    }

    /// The quantity in English with its equivalent in the other system, for the gloss:
    /// `907克` → `907 g = 2 lb`, `454克` → `454 g = 16 oz`, `4°C` → `4 °C = 39 °F`,
    /// `2 lb` → `2 lb = 907 g`. A metric value is read back as the roundest imperial value
    /// (at most two decimals) that converts back to it; see `docs/units.md`.
    pub fn read_back(&self, q: &Quantity) -> String {
        format::read_back(self, q)
    }
}
