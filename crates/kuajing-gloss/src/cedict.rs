//! CC-CEDICT: the embedded file, its index and the senses of a headword in the order a
//! merchant should read them.
//!
//! The file is embedded gzip-compressed exactly as MDBG publishes it
//! (`assets/cedict/cedict_1_0_ts_utf-8_mdbg.txt.gz`); it is decompressed once and kept as one
//! string, indexed by Simplified and Traditional headword. A line is parsed only when its word
//! is glossed.
//!
//! Sense order (documented in `docs/drafting.md`, section Gloss):
//! 1. entries that only point elsewhere ("variant of", "see", "used in") come last, then
//!    proper-noun entries (capitalised pinyin: surnames, places, abbreviations of names) when
//!    the word also has a common-noun entry; otherwise CEDICT's order;
//! 2. within that, senses marked archaic, literary, dialectal, Taiwanese or old, and surnames,
//!    move behind the others, keeping their relative order;
//! 3. `assets/cedict/preferred.toml` moves a sense to the front for the few characters whose
//!    first CEDICT sense is not what they mean on a product page (克 is "gram" there, not
//!    "to be able to");
//! 4. classifier lists (`CL:`) and pronunciation notes are dropped; a cross-reference
//!    `繁|简[pin1 yin1]` is written as its tone-marked pinyin, since the reader has no Chinese.

use std::collections::HashMap;
use std::io::Read;
use std::sync::LazyLock;

use regex::Regex;

use crate::Error;
use crate::pinyin;

const CEDICT_GZ: &[u8] = include_bytes!("../../../assets/cedict/cedict_1_0_ts_utf-8_mdbg.txt.gz");
const PREFERRED: &str = include_str!("../../../assets/cedict/preferred.toml");

/// `繁|简[pin1 yin1]` or `简[pin1 yin1]` inside a sense.
static REFERENCE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?:[^\x00-\x7F|\[\]/ ]+\|)?[^\x00-\x7F|\[\]/ ]+\[([A-Za-z0-9:, ·\-]+)\]").ok()
});

/// The dictionary: the decompressed file and an index into it.
pub(crate) struct Cedict {
    /// (headword, line) for every line under its Simplified headword and, where it differs,
    /// its Traditional one; sorted by headword, in file order within one (a sorted vector
    /// builds several times faster than a map of 200,000 small vectors, and a binary search
    /// is fast enough for the few dozen look-ups of a title).
    index: Vec<(&'static str, &'static str)>,
    preferred: HashMap<String, Vec<String>>,
    /// Date of this CC-CEDICT release (`#! date=` in its header).
    pub(crate) date: &'static str,
    /// Number of entries the header announces.
    pub(crate) entries: usize,
    /// The longest headword, in characters (bounds the longest-match search).
    pub(crate) longest: usize,
}

impl std::fmt::Debug for Cedict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Cedict")
            .field("date", &self.date)
            .field("entries", &self.entries)
            .field("index", &self.index.len())
            .finish()
    }
}

/// What a headword means: senses best first, and the reading of the best entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Senses {
    pub(crate) senses: Vec<String>,
    pub(crate) pinyin: String,
}

/// One parsed line: `繁 简 [pin1 yin1] /sense/sense/`.
struct Line<'a> {
    pinyin: &'a str,
    senses: Vec<&'a str>,
}

fn parse_line(line: &str) -> Option<Line<'_>> {
    let open = line.find(" [")?;
    let close = open + line[open..].find("] /")?;
    let pinyin = &line[open + 2..close];
    let senses = line[close + 3..]
        .trim_end()
        .trim_end_matches('/')
        .split('/')
        .filter(|s| !s.trim().is_empty())
        .collect();
    Some(Line { pinyin, senses })
}

/// The two headwords of a line (Traditional, Simplified).
fn headwords(line: &str) -> Option<(&str, &str)> {
    let mut parts = line.splitn(3, ' ');
    let traditional = parts.next()?;
    let simplified = parts.next()?;
    Some((traditional, simplified))
}

impl Cedict {
    /// Decompresses and indexes the embedded file (once per process: see `Glosser::builtin`).
    pub(crate) fn load() -> Result<Self, Error> {
        let mut text = String::with_capacity(10 << 20);
        flate2::read::GzDecoder::new(CEDICT_GZ)
            .read_to_string(&mut text)
            .map_err(|e| Error::Dictionary(format!("embedded CC-CEDICT: {e}")))?;
        let text: &'static str = Box::leak(text.into_boxed_str());
        let preferred: HashMap<String, Vec<String>> = toml::from_str(PREFERRED)
            .map_err(|e| Error::Dictionary(format!("assets/cedict/preferred.toml: {e}")))?;

        let mut index: Vec<(&'static str, &'static str)> = Vec::with_capacity(250_000);
        let mut date = "";
        let mut entries = 0;
        let mut longest = 1;
        for line in text.lines() {
            if let Some(header) = line.strip_prefix("#! ") {
                if let Some(d) = header.strip_prefix("date=") {
                    date = d.get(..10).unwrap_or(d);
                } else if let Some(n) = header.strip_prefix("entries=") {
                    entries = n.trim().parse().unwrap_or(0);
                }
                continue;
            }
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            let Some((traditional, simplified)) = headwords(line) else {
                continue;
            };
            index.push((simplified, line));
            if traditional != simplified {
                index.push((traditional, line));
            }
            longest = longest.max(simplified.chars().count());
        }
        // Stable: a headword's lines stay in CC-CEDICT's order.
        index.sort_by(|a, b| a.0.cmp(b.0));
        if index.is_empty() {
            return Err(Error::Dictionary(
                "embedded CC-CEDICT has no entries".into(),
            ));
        }
        Ok(Self {
            index,
            preferred,
            date,
            entries,
            longest,
        })
    }

    /// The lines that define `word`, in CC-CEDICT's order (empty when it is no headword).
    fn lines(&self, word: &str) -> &[(&'static str, &'static str)] {
        let from = self.index.partition_point(|(key, _)| *key < word);
        let count = self.index[from..]
            .iter()
            .take_while(|(key, _)| *key == word)
            .count();
        &self.index[from..from + count]
    }

    /// Whether `word` is a headword.
    pub(crate) fn contains(&self, word: &str) -> bool {
        !self.lines(word).is_empty()
    }

    /// The senses of `word`, best first (see the module's doc), or `None` when CEDICT lacks it.
    pub(crate) fn senses(&self, word: &str) -> Option<Senses> {
        let mut parsed: Vec<(usize, Line<'_>)> = self
            .lines(word)
            .iter()
            .filter_map(|(_, line)| {
                // Prefer lines whose headword is `word` as Simplified: the copy is zh-CN.
                let simplified_match = headwords(line).is_some_and(|(_, s)| s == word);
                parse_line(line).map(|l| (usize::from(!simplified_match), l))
            })
            .collect();
        if parsed.is_empty() {
            return None;
        }
        let has_common = parsed
            .iter()
            .any(|(_, l)| !is_proper(l.pinyin) && !only_points_elsewhere(l));
        parsed.sort_by_key(|(not_simplified, l)| {
            let pointer = only_points_elsewhere(l);
            let proper = has_common && is_proper(l.pinyin);
            (usize::from(pointer), usize::from(proper), *not_simplified)
        });
        // (sense, index of its entry in `parsed`), major senses first.
        let mut main: Vec<(String, usize)> = Vec::new();
        let mut minor = Vec::new();
        for (entry, (_, line)) in parsed.iter().enumerate() {
            for raw in &line.senses {
                let Some(sense) = clean(raw) else { continue };
                if is_minor(&sense) {
                    minor.push((sense, entry));
                } else {
                    main.push((sense, entry));
                }
            }
        }
        main.append(&mut minor);
        let mut ordered: Vec<(String, usize)> = Vec::with_capacity(main.len());
        if let Some(preferred) = self.preferred.get(word) {
            for p in preferred {
                if let Some(found) = main.iter().find(|(s, _)| s == p)
                    && !ordered.iter().any(|(s, _)| s == p)
                {
                    ordered.push(found.clone());
                }
            }
        }
        for sense in main {
            if !ordered.iter().any(|(s, _)| *s == sense.0) {
                ordered.push(sense);
            }
        }
        // The reading is that of the entry the first sense comes from (合 "to join" is hé,
        // although CC-CEDICT lists gě, a measure of grain, first).
        let entry = ordered.first().map_or(0, |(_, entry)| *entry);
        let pinyin = pinyin::marked(parsed[entry].1.pinyin);
        let mut senses: Vec<String> = ordered.into_iter().map(|(s, _)| s).collect();
        // A word defined only by pointers keeps them rather than having no senses at all.
        if senses.is_empty() {
            senses = parsed
                .iter()
                .flat_map(|(_, l)| l.senses.iter())
                .map(|s| rewrite_references(s))
                .collect();
        }
        Some(Senses { senses, pinyin })
    }
}

/// Capitalised pinyin marks a proper noun: a surname, a place, a name's abbreviation.
fn is_proper(pinyin: &str) -> bool {
    pinyin
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_uppercase())
}

/// A sense that sends the reader to another word instead of saying what this one means.
fn is_pointer(sense: &str) -> bool {
    let s = sense.trim_start_matches("(old) ");
    [
        "variant of ",
        "old variant of ",
        "erhua variant of ",
        "archaic variant of ",
        "Japanese variant of ",
        "unofficial variant of ",
        "see ",
        "see also ",
        "used in ",
        "also written ",
    ]
    .iter()
    .any(|p| s.starts_with(p))
}

fn only_points_elsewhere(line: &Line<'_>) -> bool {
    line.senses
        .iter()
        .all(|s| is_pointer(s) || s.starts_with("CL:") || s.starts_with("surname "))
}

/// Senses a shopper is unlikely to mean: they follow the others.
fn is_minor(sense: &str) -> bool {
    const TAGS: [&str; 9] = [
        "(archaic)",
        "(literary)",
        "(old)",
        "(dialect)",
        "(Tw)",
        "(classical)",
        "(obsolete)",
        "(Cantonese)",
        "(HK",
    ];
    sense.starts_with("surname ")
        || is_pointer(sense)
        || TAGS.iter().any(|t| sense.starts_with(t))
        || sense.contains("Taiwan pr.")
}

/// A sense made readable, or `None` for notes that are not senses (classifiers,
/// pronunciations).
fn clean(raw: &str) -> Option<String> {
    let s = raw.trim();
    if s.is_empty()
        || s.starts_with("CL:")
        || s.starts_with("Taiwan pr.")
        || s.starts_with("also pr.")
        || s.starts_with("pr. ")
        || s.starts_with("Kangxi radical ")
    {
        return None;
    }
    let s = rewrite_references(&without_classifiers(s));
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_owned())
}

/// A sense without its inline classifier note: `paper (CL:張|张[zhang1])` → `paper`.
fn without_classifiers(sense: &str) -> String {
    let mut out = sense.to_owned();
    while let Some(open) = out.find("(CL:") {
        let Some(close) = out[open..].find(')') else {
            break;
        };
        let before = out[..open].trim_end().len();
        out.replace_range(before..open + close + 1, "");
    }
    out
}

/// `美國|美国[Mei3 guo2]` → `Měiguó`.
fn rewrite_references(sense: &str) -> String {
    match REFERENCE.as_ref() {
        Some(re) if sense.contains('[') => re
            .replace_all(sense, |c: &regex::Captures<'_>| {
                pinyin::marked(&c[1].replace(['-', ','], " "))
            })
            .into_owned(),
        _ => sense.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_become_pinyin() {
        assert_eq!(
            rewrite_references("(bound form) USA (abbr. for 美國|美国[Mei3 guo2])"),
            "(bound form) USA (abbr. for Měiguó)"
        );
        assert_eq!(rewrite_references("cherry (loanword)"), "cherry (loanword)");
    }

    #[test]
    fn classifier_and_pronunciation_notes_are_not_senses() {
        assert_eq!(clean("CL:個|个[ge4]"), None);
        assert_eq!(clean("Taiwan pr. [dun4]"), None);
        assert_eq!(clean("bottle").as_deref(), Some("bottle"));
        assert_eq!(
            clean("paper (CL:張|张[zhang1],沓[da2])").as_deref(),
            Some("paper")
        );
        assert_eq!(
            clean("light; ray (CL:道[dao4]) of hope").as_deref(),
            Some("light; ray of hope")
        );
    }
}
