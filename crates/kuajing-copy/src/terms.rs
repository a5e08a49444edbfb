//! The advertising-law term list (`assets/terms/ad-law.toml`) and its matcher.

use std::collections::HashSet;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::{Deserialize, Serialize};

use crate::{Error, Finding, Normalized, Severity, codes};

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

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TermsFile {
    #[serde(default)]
    allow: Vec<String>,
    #[serde(default)]
    term: Vec<Term>,
}

#[derive(Debug, Clone)]
pub(crate) struct TermMatcher {
    terms: Vec<Term>,
    allow: Vec<String>,
    /// Patterns: the terms (pattern id = index in `terms`), then the allow phrases.
    matcher: AhoCorasick,
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
        for a in &file.allow {
            if a.trim().is_empty() {
                return Err(Error::Invalid("an allow entry is empty".into()));
            }
            if seen.contains(&a.to_ascii_lowercase()) {
                return Err(Error::Invalid(format!("`{a}` is both a term and allowed")));
            }
        }
        let matcher = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .build(
                file.term
                    .iter()
                    .map(|t| t.term.as_str())
                    .chain(file.allow.iter().map(String::as_str)),
            )?;
        Ok(Self {
            terms: file.term,
            allow: file.allow,
            matcher,
        })
    }

    pub fn terms(&self) -> &[Term] {
        &self.terms
    }

    pub fn allow(&self) -> &[String] {
        &self.allow
    }

    /// Leftmost-longest, non-overlapping matches: 史上最低价 is one finding, not three; an
    /// allow phrase (最佳食用期) wins over the shorter term inside it and reports nothing.
    pub fn find(&self, norm: &Normalized<'_>) -> Vec<Finding> {
        let mut out = Vec::new();
        for m in self.matcher.find_iter(&norm.text) {
            let Some(term) = self.terms.get(m.pattern().as_usize()) else {
                continue; // an allow phrase
            };
            // An ASCII term must not be glued to more ASCII letters or digits: NO.1 is not
            // NO.10, 100% is not 1100%.
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
                    .char_before(m.start())
                    .is_some_and(|c| c.is_ascii_alphanumeric() || c == '.')
            {
                continue;
            }
            if ends_alnum
                && norm
                    .char_after(m.end())
                    .is_some_and(|c| c.is_ascii_alphanumeric())
            {
                continue;
            }
            out.push(
                Finding::new(
                    codes::BANNED_TERM,
                    term.severity,
                    norm.char_at(m.start()),
                    norm.char_at(m.end()),
                )
                .arg("term", term.term.clone())
                .arg("category", category_name(term.category))
                .arg("reason", term.reason.clone())
                .arg("reason_zh", term.reason_zh.clone())
                .arg("law", term.law.clone())
                .arg("law_en", term.law_en.clone()),
            );
        }
        out
    }
}

fn category_name(c: Category) -> &'static str {
    match c {
        Category::Absolute => "absolute",
        Category::Medical => "medical",
        Category::Marketing => "marketing",
    }
}
