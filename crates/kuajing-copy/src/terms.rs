//! The advertising-law term list (`assets/terms/ad-law.toml`), its exceptions, and its matcher.

use std::collections::HashSet;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::{Deserialize, Serialize};

use crate::{Context, Error, Finding, Normalized, Severity, codes, fix_kinds, removal_span};

/// The exception kind the checker applies to the merchant's brand names ([`Context`]) and to
/// the brand-name heuristics; its reason and basis come from the list.
const BRAND: &str = "brand";

/// Why a term is on the list. (TypeScript name `TermCategory`, apart from product categories.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
#[ts(export, rename = "TermCategory")]
pub enum Category {
    /// Absolute terms (Advertising Law art. 9(3)): 最佳, 第一, 国家级 ...
    Absolute,
    /// Medical and efficacy claims (art. 17): 治疗, 抗菌, 特效 ...
    Medical,
    /// Other marketing wording: 特供, 驰名商标, 秒杀 ...
    Marketing,
}

/// One entry of the term list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Term {
    pub term: String,
    pub severity: Severity,
    pub category: Category,
    /// English reason, shown in the English UI.
    pub reason: String,
    /// Chinese reason, shown in the Chinese UI.
    pub reason_zh: String,
    /// Legal reference in Chinese, e.g. 广告法第九条第三项.
    pub law: String,
    /// Legal reference in English, e.g. Advertising Law art. 9(3).
    pub law_en: String,
}

/// A use of an absolute term that the market regulator's 2023 enforcement guide does not count
/// as a violation (a consumer tip, a grade a standard defines, a stage or generation, a brand
/// name). A term inside one of its `phrases` (or, for `brand`, inside a brand name) is still
/// reported, lowered to a warning that names the exception.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exception {
    /// `consumer-tip`, `standard-grade`, `stage`, `brand` ... (the finding's `exception` arg).
    pub kind: String,
    /// English reason, e.g. "a consumer tip on when or how to use or keep the product".
    pub reason: String,
    /// Chinese reason.
    pub reason_zh: String,
    /// The rule that allows it, in Chinese.
    pub basis: String,
    /// The rule that allows it, in English.
    pub basis_en: String,
    /// Phrases that contain a term and are this kind of use (empty for `brand`, which the
    /// checker finds by itself).
    #[serde(default)]
    pub phrases: Vec<String>,
}

/// A `[[term]]` entry as written: a [`Term`] and its allowed alternatives.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TermEntry {
    term: String,
    severity: Severity,
    category: Category,
    reason: String,
    reason_zh: String,
    law: String,
    law_en: String,
    #[serde(default)]
    alternatives: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TermsFile {
    #[serde(default)]
    allow: Vec<String>,
    #[serde(default)]
    term: Vec<TermEntry>,
    #[serde(default)]
    exception: Vec<Exception>,
}

/// What a pattern of the matcher is.
#[derive(Debug, Clone)]
enum Pattern {
    /// Index into `terms`.
    Term(usize),
    /// An `allow` phrase: reports nothing.
    Allow,
    /// An exception phrase: index into `exceptions`, and the terms inside the phrase (term
    /// index, start and end in characters of the phrase).
    Exception {
        exception: usize,
        inner: Vec<(usize, usize, usize)>,
    },
}

#[derive(Debug, Clone)]
pub(crate) struct TermMatcher {
    terms: Vec<Term>,
    /// Per term, its allowed alternatives.
    alternatives: Vec<Vec<String>>,
    allow: Vec<String>,
    exceptions: Vec<Exception>,
    /// Index of the `brand` exception, if the list has one.
    brand: Option<usize>,
    /// Pattern id → what it is: the terms, then the allow phrases, then the exception phrases.
    patterns: Vec<Pattern>,
    matcher: AhoCorasick,
}

fn build(patterns: impl IntoIterator<Item = impl AsRef<[u8]>>) -> Result<AhoCorasick, Error> {
    Ok(AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(true)
        .build(patterns)?)
}

/// The text the matcher sees for a phrase of the list (full-width forms folded).
fn folded(s: &str) -> String {
    s.chars().map(crate::fold_width).collect()
}

impl TermMatcher {
    pub fn from_toml(text: &str) -> Result<Self, Error> {
        let file: TermsFile = toml::from_str(text)?;
        let mut seen = HashSet::new();
        for t in &file.term {
            let key = t.term.to_ascii_lowercase();
            if key.trim().is_empty() {
                return Err(Error::Invalid("a term is empty".into()));
            }
            if key.trim() != key {
                return Err(Error::Invalid(format!(
                    "term `{}` has surrounding spaces",
                    t.term
                )));
            }
            if !seen.insert(key) {
                return Err(Error::Invalid(format!("term `{}` is listed twice", t.term)));
            }
        }
        let mut phrases = HashSet::new();
        for a in &file.allow {
            if a.trim().is_empty() {
                return Err(Error::Invalid("an allow entry is empty".into()));
            }
            if seen.contains(&a.to_ascii_lowercase()) {
                return Err(Error::Invalid(format!("`{a}` is both a term and allowed")));
            }
            phrases.insert(a.to_ascii_lowercase());
        }

        // The terms alone, to find the terms inside exception phrases and to make sure no
        // alternative is itself a banned term.
        let term_matcher = build(file.term.iter().map(|t| folded(&t.term)))?;
        let inner_terms = |phrase: &str| -> Vec<(usize, usize, usize)> {
            let f = folded(phrase);
            term_matcher
                .find_iter(&f)
                .map(|m| {
                    let chars_to = |b: usize| f.get(..b).map_or(0, |p| p.chars().count());
                    (
                        m.pattern().as_usize(),
                        chars_to(m.start()),
                        chars_to(m.end()),
                    )
                })
                .collect()
        };

        let mut kinds = HashSet::new();
        let mut exception_patterns = Vec::new();
        for (i, e) in file.exception.iter().enumerate() {
            if e.kind.trim().is_empty() || e.kind == "none" {
                return Err(Error::Invalid(format!(
                    "exception kind `{}` is not allowed",
                    e.kind
                )));
            }
            if !kinds.insert(e.kind.as_str()) {
                return Err(Error::Invalid(format!(
                    "exception `{}` is listed twice",
                    e.kind
                )));
            }
            for p in &e.phrases {
                let key = p.to_ascii_lowercase();
                if p.trim().is_empty() || p.trim() != p {
                    return Err(Error::Invalid(format!(
                        "exception `{}` has an empty phrase or one with surrounding spaces",
                        e.kind
                    )));
                }
                if seen.contains(&key) {
                    return Err(Error::Invalid(format!(
                        "`{p}` is both a term and an exception: it would lower every use"
                    )));
                }
                if !phrases.insert(key) {
                    return Err(Error::Invalid(format!("phrase `{p}` is listed twice")));
                }
                let inner = inner_terms(p);
                if inner.is_empty() {
                    return Err(Error::Invalid(format!(
                        "exception phrase `{p}` contains no term"
                    )));
                }
                exception_patterns.push((
                    folded(p),
                    Pattern::Exception {
                        exception: i,
                        inner,
                    },
                ));
            }
        }
        for t in &file.term {
            for a in &t.alternatives {
                if a.trim().is_empty() {
                    return Err(Error::Invalid(format!(
                        "term `{}` has an empty alternative",
                        t.term
                    )));
                }
                if !inner_terms(a).is_empty() {
                    return Err(Error::Invalid(format!(
                        "alternative `{a}` of `{}` contains a banned term",
                        t.term
                    )));
                }
            }
        }

        let mut patterns: Vec<Pattern> = (0..file.term.len()).map(Pattern::Term).collect();
        patterns.extend(file.allow.iter().map(|_| Pattern::Allow));
        let matcher = build(
            file.term
                .iter()
                .map(|t| folded(&t.term))
                .chain(file.allow.iter().map(|a| folded(a)))
                .chain(exception_patterns.iter().map(|(p, _)| p.clone())),
        )?;
        patterns.extend(exception_patterns.into_iter().map(|(_, p)| p));

        let brand = file.exception.iter().position(|e| e.kind == BRAND);
        let (terms, alternatives) = file
            .term
            .into_iter()
            .map(|t| {
                (
                    Term {
                        term: t.term,
                        severity: t.severity,
                        category: t.category,
                        reason: t.reason,
                        reason_zh: t.reason_zh,
                        law: t.law,
                        law_en: t.law_en,
                    },
                    t.alternatives,
                )
            })
            .unzip();
        Ok(Self {
            terms,
            alternatives,
            allow: file.allow,
            exceptions: file.exception,
            brand,
            patterns,
            matcher,
        })
    }

    pub fn terms(&self) -> &[Term] {
        &self.terms
    }

    pub fn allow(&self) -> &[String] {
        &self.allow
    }

    pub fn exceptions(&self) -> &[Exception] {
        &self.exceptions
    }

    pub fn alternatives(&self, term: &str) -> &[String] {
        self.terms
            .iter()
            .position(|t| t.term == term || t.term.eq_ignore_ascii_case(term))
            .and_then(|i| self.alternatives.get(i))
            .map_or(&[], Vec::as_slice)
    }

    /// Leftmost-longest, non-overlapping matches: 史上最低价 is one finding, not three; an
    /// exception phrase (最佳食用期) wins over the shorter term inside it and lowers it to a
    /// warning; an allow phrase reports nothing.
    pub fn find(&self, norm: &Normalized<'_>, context: &Context) -> Vec<Finding> {
        let mut out = Vec::new();
        let brands = match self.brand {
            Some(_) if !context.brands().is_empty() => {
                context.brand_spans(&norm.text.to_ascii_lowercase())
            }
            _ => Vec::new(),
        };
        for m in self.matcher.find_iter(&norm.text) {
            match self.patterns.get(m.pattern().as_usize()) {
                Some(Pattern::Term(i)) => {
                    let Some(term) = self.terms.get(*i) else {
                        continue;
                    };
                    if !ascii_boundaries(term, norm, m.start(), m.end()) {
                        continue;
                    }
                    let (start, end) = (norm.char_at(m.start()), norm.char_at(m.end()));
                    let mut f = self.finding(*i, norm, start, end);
                    if term.category == Category::Absolute
                        && let Some(brand) = self.brand.and_then(|b| self.exceptions.get(b))
                        && let Some((s, e)) = brand_around(norm, &brands, m.start(), m.end())
                    {
                        f = lowered(f, brand, norm.original(s, e));
                    }
                    out.push(f);
                }
                Some(Pattern::Exception { exception, inner }) => {
                    let Some(e) = self.exceptions.get(*exception) else {
                        continue;
                    };
                    let at = norm.char_at(m.start());
                    let phrase = norm.original(m.start(), m.end());
                    for &(t, a, b) in inner {
                        let f = self.finding(t, norm, at + a, at + b);
                        out.push(lowered(f, e, phrase.clone()));
                    }
                }
                Some(Pattern::Allow) | None => {}
            }
        }
        out
    }

    /// A `banned-term` finding for term `i` over characters `start..end`, with its fixes: each
    /// allowed alternative, then removing it.
    fn finding(&self, i: usize, norm: &Normalized<'_>, start: usize, end: usize) -> Finding {
        let Some(term) = self.terms.get(i) else {
            return Finding::new(codes::BANNED_TERM, Severity::Error, start, end);
        };
        let mut f = Finding::new(codes::BANNED_TERM, term.severity, start, end)
            .arg("term", term.term.clone())
            .arg("category", category_name(term.category))
            .arg("reason", term.reason.clone())
            .arg("reason_zh", term.reason_zh.clone())
            .arg("law", term.law.clone())
            .arg("law_en", term.law_en.clone())
            .arg("exception", "none");
        for a in self.alternatives.get(i).map_or(&[][..], Vec::as_slice) {
            f = f.fix(fix_kinds::REPLACE_TERM, start, end, a.clone());
        }
        let (s, e) = removal_span(norm.chars(), start, end);
        f.fix(fix_kinds::REMOVE, s, e, "")
    }
}

/// An ASCII term must not be glued to more ASCII letters or digits: NO.1 is not NO.10, 100% is
/// not 1100%.
fn ascii_boundaries(term: &Term, norm: &Normalized<'_>, start: usize, end: usize) -> bool {
    let starts_alnum = term
        .term
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphanumeric());
    let ends_alnum = term
        .term
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_alphanumeric());
    if starts_alnum
        && norm
            .char_before(start)
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == '.')
    {
        return false;
    }
    !(ends_alnum
        && norm
            .char_after(end)
            .is_some_and(|c| c.is_ascii_alphanumeric()))
}

/// The brand name around a term at bytes `start..end`, as a byte span of the matcher text:
/// one of the merchant's brand names that contains it, or, by the heuristics, the term and a
/// brand mark right after it: 牌 (the "X牌" way of naming a brand, but not 牌子, "brand" as a
/// noun), ® or ™.
fn brand_around(
    norm: &Normalized<'_>,
    brands: &[(usize, usize)],
    start: usize,
    end: usize,
) -> Option<(usize, usize)> {
    if let Some(&span) = brands.iter().find(|&&(s, e)| s <= start && end <= e) {
        return Some(span);
    }
    let next = norm.char_after(end)?;
    let mark = match next {
        '®' | '™' => true,
        '牌' => norm.char_after(end + next.len_utf8()) != Some('子'),
        _ => false,
    };
    mark.then_some((start, end + next.len_utf8()))
}

/// The finding lowered to a warning by an exception: args `exception` (its kind), `phrase`
/// (the phrase or brand name as written), `exception_reason`, `exception_reason_zh`, `basis`,
/// `basis_en`. Its only fix is removing the term: an alternative written into a consumer tip
/// or a brand name (优质赏味期) would make no sense.
fn lowered(f: Finding, e: &Exception, phrase: String) -> Finding {
    let mut f = f
        .arg("exception", e.kind.clone())
        .arg("phrase", phrase)
        .arg("exception_reason", e.reason.clone())
        .arg("exception_reason_zh", e.reason_zh.clone())
        .arg("basis", e.basis.clone())
        .arg("basis_en", e.basis_en.clone());
    f.severity = Severity::Warning;
    f.fixes.retain(|x| x.kind != fix_kinds::REPLACE_TERM);
    f
}

fn category_name(c: Category) -> &'static str {
    match c {
        Category::Absolute => "absolute",
        Category::Medical => "medical",
        Category::Marketing => "marketing",
    }
}
