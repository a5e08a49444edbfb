//! Traditional characters in Simplified copy, using OpenCC's dictionaries as shipped by the
//! `hanconv` crate (MIT).
//!
//! A character is flagged when OpenCC's phrase-aware Traditional→Simplified conversion changes
//! it and either
//! - it is Traditional-only: OpenCC's `TSCharacters` maps it and never to itself (華→华, 頓→顿,
//!   櫻→樱, 麼→么, 後→后); or
//! - it is a character both scripts use (乾, 於, 覆, 藉, 徵, 夥, 瞭, 沈 ...: `TSCharacters` lists
//!   it among its own simplified forms, or only a phrase rule changes it) and the context shows
//!   Traditional usage: the same run of Han characters holds a Traditional-only character, or
//!   an OpenCC phrase covers it in its Traditional spelling (乾燥 for 干燥, 位於 for 位于, 沈默 for
//!   沉默), or it is 乾, which Simplified keeps only in words OpenCC's phrases keep (乾坤,
//!   乾隆), so that a lone 蔓越莓乾 is caught. So 乾坤, 乾隆, 覆盖, 蒜薹 and 瞭望 stay clean.
//!
//! Characters OpenCC never converts (著, 中, 美, 国, 后, 里) are never flagged: 看著 for 看着 is
//! not caught, since 著 is a valid Simplified character (著名).

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use hanconv::RawDictionary;

use crate::{Finding, Severity, codes, fix_kinds};

/// Flagged characters at most this many Han characters apart are one finding (華盛頓櫻 rather
/// than 華 and 頓櫻).
const MAX_GAP: usize = 2;
/// Shared characters for which OpenCC's phrase-aware conversion is evidence enough: Simplified
/// keeps 乾 only in words such as 乾坤 and 乾隆, which OpenCC's phrase tables keep as they are;
/// anywhere else it is the Traditional 干 ("dried"), common in food titles (葡萄乾, 牛肉乾,
/// 蔓越莓乾), so a lone 乾 that the conversion changes is flagged.
const TRUST_CONVERSION: &[char] = &['乾'];
/// Longer OpenCC phrases are ignored as context (they are rare and all contain other cues).
const MAX_PHRASE: usize = 16;

struct Tables {
    trad_only: HashSet<char>,
    shared: HashSet<char>,
    /// Traditional spelling of a phrase → bit mask of the positions holding a shared character
    /// that the Simplified spelling writes differently.
    evidence: HashMap<String, u32>,
    longest: usize,
}

static TABLES: LazyLock<Tables> = LazyLock::new(Tables::build);

/// Builds the tables now (a few milliseconds) so the first keystroke does not pay for it.
pub(crate) fn warm_up() {
    LazyLock::force(&TABLES);
    let _ = hanconv::t2s("");
}

fn single(s: &str) -> Option<char> {
    let mut it = s.chars();
    let c = it.next()?;
    it.next().is_none().then_some(c)
}

impl Tables {
    fn build() -> Self {
        let mut trad_only = HashSet::new();
        let mut shared = HashSet::new();
        for (key, candidates) in RawDictionary::TSCharacters.var_iter() {
            let Some(c) = single(key) else { continue };
            if candidates.contains(&key) {
                shared.insert(c);
            } else {
                trad_only.insert(c);
            }
        }
        // Characters only a phrase rule changes (沈 in 沈默 → 沉默) are shared too.
        let ts_phrases: Vec<(&str, &str)> = RawDictionary::TSPhrases.iter().collect();
        for (trad, simp) in &ts_phrases {
            for (t, s) in trad.chars().zip(simp.chars()) {
                if t != s && !trad_only.contains(&t) {
                    shared.insert(t);
                }
            }
        }

        let mut evidence: HashMap<String, u32> = HashMap::new();
        let mut add = |trad: &str, simp: &str| {
            let t: Vec<char> = trad.chars().collect();
            let s: Vec<char> = simp.chars().collect();
            if t.len() < 2 || t.len() != s.len() || t.len() > MAX_PHRASE {
                return;
            }
            let mut mask = 0u32;
            for (i, (a, b)) in t.iter().zip(&s).enumerate() {
                if a != b && shared.contains(a) {
                    mask |= 1 << i;
                }
            }
            if mask != 0 {
                *evidence.entry(trad.to_owned()).or_default() |= mask;
            }
        };
        for (trad, simp) in &ts_phrases {
            add(trad, simp);
        }
        for line in RawDictionary::STPhrases.lines() {
            let mut parts = line.split_whitespace();
            let Some(simp) = parts.next() else { continue };
            for trad in parts {
                add(trad, simp);
            }
        }
        let longest = evidence
            .keys()
            .map(|k| k.chars().count())
            .max()
            .unwrap_or(0);
        Self {
            trad_only,
            shared,
            evidence,
            longest,
        }
    }

    fn is_candidate(&self, c: char) -> bool {
        self.trad_only.contains(&c) || self.shared.contains(&c)
    }

    /// Does an OpenCC phrase, in its Traditional spelling, cover `seg[i]` as a Traditional form?
    fn phrase_covers(&self, seg: &[char], i: usize) -> bool {
        let mut key = String::new();
        for len in 2..=self.longest.min(seg.len()) {
            let first = (i + 1).saturating_sub(len);
            for start in first..=i {
                let Some(window) = seg.get(start..start + len) else {
                    break;
                };
                key.clear();
                key.extend(window);
                if self
                    .evidence
                    .get(&key)
                    .is_some_and(|mask| mask & (1 << (i - start)) != 0)
                {
                    return true;
                }
            }
        }
        false
    }
}

pub(crate) fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FA1F}'
        | '\u{30000}'..='\u{3134F}')
}

#[derive(Debug, Default)]
pub(crate) struct Detection {
    pub findings: Vec<Finding>,
    /// The text with every flagged character replaced by its Simplified form, when any was
    /// flagged (same length as the input).
    pub converted: Option<Vec<char>>,
}

/// One `traditional-chars` warning per run of Traditional characters (runs closer than
/// [`MAX_GAP`] Han characters merge); args `text` (as written) and `simplified`; fix
/// `to-simplified` (the run written in Simplified).
pub(crate) fn detect(chars: &[char]) -> Detection {
    let tables = &*TABLES;
    if !chars.iter().any(|&c| tables.is_candidate(c)) {
        return Detection::default();
    }
    let mut out = Detection::default();
    let mut converted: Vec<char> = chars.to_vec();
    let mut changed = false;

    let mut i = 0;
    while i < chars.len() {
        if !chars.get(i).copied().is_some_and(is_han) {
            i += 1;
            continue;
        }
        let start = i;
        while chars.get(i).copied().is_some_and(is_han) {
            i += 1;
        }
        let Some(seg) = chars.get(start..i) else {
            break;
        };
        if !seg.iter().any(|&c| tables.is_candidate(c)) {
            continue;
        }
        let seg_text: String = seg.iter().collect();
        let conv: Vec<char> = hanconv::t2s(&seg_text).chars().collect();
        let aligned = conv.len() == seg.len();
        let has_trad_only = seg.iter().any(|c| tables.trad_only.contains(c));

        let flagged: Vec<bool> = seg
            .iter()
            .enumerate()
            .map(|(k, &c)| {
                if !aligned {
                    return tables.trad_only.contains(&c);
                }
                let differs = conv.get(k).is_some_and(|&s| s != c);
                differs
                    && (tables.trad_only.contains(&c)
                        || TRUST_CONVERSION.contains(&c)
                        || (tables.shared.contains(&c)
                            && (has_trad_only || tables.phrase_covers(seg, k))))
            })
            .collect();

        // Group flagged characters into runs.
        let mut runs: Vec<(usize, usize)> = Vec::new();
        for (k, _) in flagged.iter().enumerate().filter(|(_, f)| **f) {
            match runs.last_mut() {
                Some(run) if k - run.1 <= MAX_GAP => run.1 = k + 1,
                _ => runs.push((k, k + 1)),
            }
        }
        for (a, b) in runs {
            let Some(text) = seg.get(a..b) else { continue };
            let text: String = text.iter().collect();
            let simplified = if aligned {
                conv.get(a..b).unwrap_or_default().iter().collect()
            } else {
                hanconv::t2s(&text)
            };
            out.findings.push(
                Finding::new(
                    codes::TRADITIONAL_CHARS,
                    Severity::Warning,
                    start + a,
                    start + b,
                )
                .arg("text", text)
                .arg("simplified", simplified.clone())
                .fix(fix_kinds::TO_SIMPLIFIED, start + a, start + b, simplified),
            );
        }
        if aligned {
            for (k, f) in flagged.iter().enumerate() {
                if *f && let (Some(slot), Some(&s)) = (converted.get_mut(start + k), conv.get(k)) {
                    *slot = s;
                    changed = true;
                }
            }
        }
    }
    if changed {
        out.converted = Some(converted);
    }
    out
}
