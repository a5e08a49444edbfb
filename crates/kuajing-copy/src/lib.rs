//! Live checks on Simplified Chinese listing copy (titles and descriptions), run on every
//! keystroke in the app and by the CLI.
//!
//! This crate owns:
//! - counting title length in GBK units ([`gbk_units`]: ASCII 1, every other character 2, as
//!   Taobao/Tmall count "30 characters = 60 units");
//! - the advertising-law term list format (`assets/terms/ad-law.toml`, data, not code) and its
//!   matcher;
//! - the finding codes and their arguments (`title-too-long`, `banned-term`, `non-gbk-char`,
//!   `invisible-char`, `traditional-chars`, `imperial-unit`, `contact-info`; see [`codes`]);
//! - the exceptions to the absolute terms that the market regulator's 2023 guide allows
//!   (consumer tips, standard grades, stages and generations, brand names: `[[exception]]` in
//!   the term list, and the merchant's brand names passed in a [`Context`]). An exception lowers
//!   a finding to a warning that says why; it never hides it;
//! - one-click fixes ([`Fix`]): `to-simplified`, `remove`, `replace-char`, `replace-term`
//!   (Fluent ids `fix-<kind>` in `assets/locales/*/checks.ftl`).
//!
//! `docs/drafting.md` says what each check catches and why, with its sources, and holds the
//! figures of the labelled set (`tests/fixtures/copy-checks/titles.tsv`: recall 100%, precision
//! at least 97.5%) and of the lint benchmark (`cargo bench -p kuajing-copy --bench lint`).
//!
//! It must not know: marketplaces (the caller passes the title limit, which lives in a
//! marketplace profile), the catalog, storage, Tauri, or how a finding is worded. Messages live
//! in Fluent files (`assets/locales/*/copy.ftl`, ids `finding-<code>`), filled from
//! [`Finding::args`].
//!
//! Offsets in a [`Finding`] are character offsets (Unicode scalar values, what JavaScript's
//! `Array.from(text)` indexes), end exclusive, so the UI can highlight them without knowing
//! UTF-8.
//!
//! Speed: a [`Checker`] builds its matchers once; [`Checker::check`] on a 60-unit title takes
//! microseconds. The Traditional/Simplified tables and a GBK table of the BMP are built once
//! per process, the first time a checker is made (tens of milliseconds in a debug build).
//! Measured figures are in `docs/drafting.md` ("Lint speed"); no test times anything.

mod contact;
mod context;
mod gbk;
mod imperial;
mod invisible;
mod terms;
mod traditional;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use context::Context;
pub use terms::{Category, Exception, Term};

/// The finding codes, exactly as they appear in [`Finding::code`] and in the Fluent ids
/// (`finding-<code>`).
pub mod codes {
    /// Error, titles only: more GBK units than the marketplace allows.
    pub const TITLE_TOO_LONG: &str = "title-too-long";
    /// A term from the advertising-law list; severity comes from the list.
    pub const BANNED_TERM: &str = "banned-term";
    /// Error: a character GBK cannot encode (emoji, some rare CJK, lookalike punctuation such
    /// as 〜 or ½, for which a GBK replacement is suggested).
    pub const NON_GBK_CHAR: &str = "non-gbk-char";
    /// Error: an invisible character (zero-width space, joiner, byte-order mark, no-break
    /// space and other format characters), usually pasted in from a web page.
    pub const INVISIBLE_CHAR: &str = "invisible-char";
    /// Warning: Traditional characters in Simplified (zh-CN) copy.
    pub const TRADITIONAL_CHARS: &str = "traditional-chars";
    /// Warning: an imperial unit (磅, oz, 英寸, °F ...), with the metric value suggested.
    pub const IMPERIAL_UNIT: &str = "imperial-unit";
    /// Warning, titles only: a URL, e-mail address, phone number, WeChat or QQ id.
    pub const CONTACT_INFO: &str = "contact-info";

    /// Every code above.
    pub const ALL: &[&str] = &[
        TITLE_TOO_LONG,
        BANNED_TERM,
        NON_GBK_CHAR,
        INVISIBLE_CHAR,
        TRADITIONAL_CHARS,
        IMPERIAL_UNIT,
        CONTACT_INFO,
    ];
}

/// The kinds of one-click fix, exactly as they appear in [`Fix::kind`] and in the Fluent ids
/// (`fix-<kind>`). (`to-metric`, for imperial units, is named by that check.)
pub mod fix_kinds {
    /// Write the Simplified form of Traditional characters.
    pub const TO_SIMPLIFIED: &str = "to-simplified";
    /// Delete the characters (an emoji, an invisible character, a banned term, contact details).
    pub const REMOVE: &str = "remove";
    /// Write a GBK character that looks the same (〜 → ～, ½ → 1/2, a no-break space → a space).
    pub const REPLACE_CHAR: &str = "replace-char";
    /// Write one of the allowed alternatives the term list gives for a banned term.
    pub const REPLACE_TERM: &str = "replace-term";

    /// Every kind above.
    pub const ALL: &[&str] = &[TO_SIMPLIFIED, REMOVE, REPLACE_CHAR, REPLACE_TERM];
}

/// The term list shipped with the app.
const BUILTIN_TERMS: &str = include_str!("../../../assets/terms/ad-law.toml");

/// The term list shipped with the app, as its TOML text: with this crate's version it is
/// everything the built-in checker's findings depend on besides the text and the field's
/// limits (callers that store finding counts stamp them with it).
pub fn builtin_terms() -> &'static str {
    BUILTIN_TERMS
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("term list is not valid TOML: {0}")]
    Toml(#[from] toml::de::Error),
    #[error("term list is invalid: {0}")]
    Invalid(String),
    #[error("could not build the term matcher: {0}")]
    Matcher(#[from] aho_corasick::BuildError),
    #[error("could not build a pattern: {0}")]
    Pattern(#[from] regex::Error),
    #[error("could not load the unit table: {0}")]
    Units(#[from] kuajing_units::Error),
}

/// Which piece of copy is checked: the title has a length limit and may not carry contact
/// details; the description has neither.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum Field {
    Title,
    Description,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum Severity {
    Error,
    Warning,
}

/// One problem in the copy. `start`/`end` are character offsets (end exclusive); `args` fill
/// the Fluent message `finding-<code>`. (TypeScript name `CheckFinding`: kuajing-core exports
/// its own `Finding`, which adds the rendered message.)
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export, rename = "CheckFinding")]
pub struct Finding {
    pub code: String,
    pub severity: Severity,
    pub start: usize,
    pub end: usize,
    pub args: BTreeMap<String, String>,
    /// One-click fixes, best first (may be empty).
    #[serde(default)]
    pub fixes: Vec<Fix>,
}

/// A one-click fix for a finding: replace characters `start..end` (character offsets, end
/// exclusive, like the finding's) of the checked text with `replacement` (empty: remove them).
/// `kind` names the fix for the UI (Fluent id `fix-<kind>`: `to-metric`, `to-simplified`,
/// `remove`, `replace-term` ...); `replacement` is also shown, so a fix can be read before it
/// is applied.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export, rename = "CheckFix")]
pub struct Fix {
    pub kind: String,
    pub start: usize,
    pub end: usize,
    pub replacement: String,
}

impl Finding {
    fn new(code: &str, severity: Severity, start: usize, end: usize) -> Self {
        Self {
            code: code.to_owned(),
            severity,
            start,
            end,
            args: BTreeMap::new(),
            fixes: Vec::new(),
        }
    }

    fn arg(mut self, key: &str, value: impl Into<String>) -> Self {
        self.args.insert(key.to_owned(), value.into());
        self
    }

    fn fix(mut self, kind: &str, start: usize, end: usize, replacement: impl Into<String>) -> Self {
        self.fixes.push(Fix {
            kind: kind.to_owned(),
            start,
            end,
            replacement: replacement.into(),
        });
        self
    }
}

impl Fix {
    /// The checked text with this fix applied (`None` if the fix does not lie inside it).
    pub fn apply(&self, text: &str) -> Option<String> {
        let chars: Vec<char> = text.chars().collect();
        let before = chars.get(..self.start)?;
        let after = chars.get(self.end..)?;
        if self.start > self.end {
            return None;
        }
        let mut out = String::with_capacity(text.len() + self.replacement.len());
        out.extend(before);
        out.push_str(&self.replacement);
        out.extend(after);
        Some(out)
    }
}

/// The span a `remove` fix deletes: the characters themselves, and one space next to them when
/// they stand between spaces or at an end of the text after or before one (so "A 🍒 B" becomes
/// "A B", not "A  B").
pub(crate) fn removal_span(chars: &[char], start: usize, end: usize) -> (usize, usize) {
    let space = |i: usize| chars.get(i).is_some_and(|c| c.is_whitespace());
    let before = start > 0 && space(start - 1);
    let after = space(end);
    if after && (before || start == 0) {
        (start, end + 1)
    } else if before && end == chars.len() {
        (start - 1, end)
    } else {
        (start, end)
    }
}

/// The result of one check: the GBK length, the limit it was held to (titles only) and the
/// findings sorted by start.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct Check {
    pub units: u32,
    pub limit: Option<u32>,
    pub findings: Vec<Finding>,
}

impl Check {
    /// True when any finding is an error.
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(|f| f.severity == Severity::Error)
    }
}

/// How a title's length is counted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum Length {
    /// GBK units ([`gbk_units`]): Taobao, Tmall, Douyin.
    #[default]
    Gbk,
    /// Characters (code points), whatever their width.
    Chars,
}

impl Length {
    /// The length of `text` in this unit.
    pub fn of(self, text: &str) -> u32 {
        match self {
            Length::Gbk => gbk_units(text),
            Length::Chars => u32::try_from(text.chars().count()).unwrap_or(u32::MAX),
        }
    }
}

/// Length in GBK units, as Taobao/Tmall count a title: 1 per single-byte GBK character (ASCII),
/// 2 per double-byte character (CJK, full-width punctuation 【】，（）：、). A character GBK cannot
/// encode (emoji, some rare CJK) counts 2 here and is a `non-gbk-char` finding in a check.
pub fn gbk_units(text: &str) -> u32 {
    text.chars().map(|c| gbk::units(c).0).sum()
}

/// Holds the term list and every matcher, built once. Cheap to share (`&Checker`) across
/// threads.
#[derive(Debug, Clone)]
pub struct Checker {
    terms: terms::TermMatcher,
    units: imperial::UnitMatcher,
    contact: contact::ContactMatcher,
}

impl Checker {
    /// The checker with the term list shipped in `assets/terms/ad-law.toml`.
    pub fn builtin() -> Result<Self, Error> {
        Self::from_terms_toml(BUILTIN_TERMS)
    }

    /// A checker with a term list in the `ad-law.toml` format (e.g. a merchant's edited copy).
    pub fn from_terms_toml(text: &str) -> Result<Self, Error> {
        traditional::warm_up();
        gbk::warm_up();
        Ok(Self {
            terms: terms::TermMatcher::from_toml(text)?,
            units: imperial::UnitMatcher::new()?,
            contact: contact::ContactMatcher::new()?,
        })
    }

    /// The terms of the list, in file order.
    pub fn terms(&self) -> &[Term] {
        self.terms.terms()
    }

    /// The phrases of the list's `allow` key, which report nothing although they contain a
    /// term (a merchant's own list may have them; the shipped list has none: its exceptions,
    /// such as 最佳食用期, lower a finding to a warning instead, see [`Checker::exceptions`]).
    pub fn allow(&self) -> &[String] {
        self.terms.allow()
    }

    /// The list's exceptions (`[[exception]]`): kind, reason, basis and phrases.
    pub fn exceptions(&self) -> &[Exception] {
        self.terms.exceptions()
    }

    /// The allowed alternatives the list gives for `term` (written as in the list), best
    /// first; empty when it gives none. Each is offered as a `replace-term` fix.
    pub fn alternatives(&self, term: &str) -> &[String] {
        self.terms.alternatives(term)
    }

    /// Checks one piece of copy. `title_limit` (GBK units, from the marketplace profile) only
    /// applies to [`Field::Title`]; [`Check::limit`] is `None` for a description.
    pub fn check(&self, text: &str, field: Field, title_limit: Option<u32>) -> Check {
        self.check_with(text, field, title_limit, &Context::default())
    }

    /// [`Checker::check`], knowing more about the product: the merchant's brand names, inside
    /// which an absolute term is lowered to a warning (a registered trademark may contain one).
    pub fn check_with(
        &self,
        text: &str,
        field: Field,
        title_limit: Option<u32>,
        context: &Context,
    ) -> Check {
        self.check_counted(text, field, title_limit, Length::Gbk, context)
    }

    /// [`Checker::check_with`], the title's length counted in `length` (a marketplace that
    /// counts characters, not GBK units). [`Check::units`] is in the same unit.
    pub fn check_counted(
        &self,
        text: &str,
        field: Field,
        title_limit: Option<u32>,
        length: Length,
        context: &Context,
    ) -> Check {
        let chars: Vec<char> = text.chars().collect();
        let limit = match field {
            Field::Title => title_limit,
            Field::Description => None,
        };
        let mut findings = Vec::new();

        // GBK length, unencodable and invisible characters, in one pass.
        let mut units = 0u32;
        let mut over_from = None;
        let mut unencodable = Vec::new();
        for (i, &c) in chars.iter().enumerate() {
            let (u, ok) = gbk::units(c);
            units += match length {
                Length::Gbk => u,
                Length::Chars => 1,
            };
            if let Some(limit) = limit
                && over_from.is_none()
                && units > limit
            {
                over_from = Some(i);
            }
            if !ok || invisible::is_invisible(c) {
                unencodable.push(i);
            }
        }
        if let (Some(limit), Some(from)) = (limit, over_from) {
            findings.push(
                Finding::new(codes::TITLE_TOO_LONG, Severity::Error, from, chars.len())
                    .arg("units", units.to_string())
                    .arg("limit", limit.to_string())
                    .arg(
                        "unit",
                        match length {
                            Length::Gbk => "gbk",
                            Length::Chars => "chars",
                        },
                    ),
            );
        }
        findings.extend(gbk::non_gbk_findings(&chars, &unencodable));

        // Traditional characters; the converted text feeds the other matchers so that a
        // Traditional 國家級 is still caught as 国家级.
        let trad = traditional::detect(&chars);
        findings.extend(trad.findings);

        let norm = Normalized::new(trad.converted.as_deref().unwrap_or(&chars), &chars);
        findings.extend(self.terms.find(&norm, context));
        findings.extend(self.units.find(&norm));
        if field == Field::Title {
            findings.extend(self.contact.find(&norm));
        }

        findings.sort_by(|a, b| (a.start, a.end, &a.code).cmp(&(b.start, b.end, &b.code)));
        Check {
            units,
            limit,
            findings,
        }
    }
}

/// The text the matchers see: same characters count as the input (so offsets carry over),
/// full-width ASCII folded to half-width (ＮＯ．１ → NO.1, １２ｏｚ → 12oz), the ideographic
/// space and the other visible spaces (no-break, thin, figure ...) to a space, so that
/// "16\u{A0}oz" is still "16 oz".
#[derive(Debug)]
pub(crate) struct Normalized<'a> {
    pub text: String,
    /// The input as written.
    original: &'a [char],
    /// Byte offset of each character in `text`, plus `text.len()` at the end.
    byte_starts: Vec<usize>,
}

impl<'a> Normalized<'a> {
    fn new(chars: &[char], original: &'a [char]) -> Self {
        let mut text = String::with_capacity(chars.len() * 3);
        let mut byte_starts = Vec::with_capacity(chars.len() + 1);
        for &c in chars {
            byte_starts.push(text.len());
            text.push(fold_width(c));
        }
        byte_starts.push(text.len());
        Self {
            text,
            original,
            byte_starts,
        }
    }

    /// The input as written between two byte offsets of `text`.
    pub fn original(&self, start: usize, end: usize) -> String {
        let (start, end) = (self.char_at(start), self.char_at(end));
        self.original
            .get(start..end)
            .unwrap_or_default()
            .iter()
            .collect()
    }

    /// Character index of a byte offset that falls on a character boundary (or the end).
    pub fn char_at(&self, byte: usize) -> usize {
        match self.byte_starts.binary_search(&byte) {
            Ok(i) | Err(i) => i,
        }
    }

    /// The character before byte offset `byte`, if any.
    pub fn char_before(&self, byte: usize) -> Option<char> {
        self.text.get(..byte).and_then(|s| s.chars().next_back())
    }

    /// The input as written, character by character.
    pub fn chars(&self) -> &'a [char] {
        self.original
    }

    /// The character at byte offset `byte`, if any.
    pub fn char_after(&self, byte: usize) -> Option<char> {
        self.text.get(byte..).and_then(|s| s.chars().next())
    }
}

pub(crate) fn fold_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        c if invisible::is_space(c) => ' ',
        _ => c,
    }
}
