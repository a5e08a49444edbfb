//! The glossary as a matcher: English terms found in the English copy (whole words, any case,
//! singular or plural), their approved Chinese found in the Chinese copy, and the two
//! consistency findings: an English term whose approved Chinese is missing, and a forbidden
//! variant used. Also the CSV form the merchant imports and exports.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::{Deserialize, Serialize};

use crate::Error;

/// One glossary entry, as the catalog keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Term {
    pub en: String,
    pub zh: String,
    /// Chinese variants that must not be used for this term.
    pub forbidden: Vec<String>,
    pub note: String,
    /// product, variety, region, origin, pack, quality, size, brand …: drafting picks terms
    /// for a template's parts by category.
    pub category: String,
}

/// A term found in a text: `term` indexes [`Glossary::terms`]; character offsets, end
/// exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub term: usize,
    pub start: usize,
    pub end: usize,
}

/// A glossary finding on Chinese copy. Codes: `glossary-missing` (the English has the term,
/// the Chinese lacks its approved form; no span) and `glossary-forbidden` (a forbidden variant,
/// at its span).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    pub code: &'static str,
    pub term: usize,
    pub start: usize,
    pub end: usize,
    /// The forbidden text used, for `glossary-forbidden`.
    pub found: Option<String>,
}

/// Codes of [`Issue`].
pub mod codes {
    pub const MISSING: &str = "glossary-missing";
    pub const FORBIDDEN: &str = "glossary-forbidden";
}

/// The terms with their matchers, built once per glossary version.
#[derive(Debug, Clone)]
pub struct Glossary {
    terms: Vec<Term>,
    en: Option<AhoCorasick>,
    /// The term of each English pattern (a term has its singular and plural forms).
    en_terms: Vec<usize>,
    zh: Option<AhoCorasick>,
    /// The term of each Chinese pattern, and whether the pattern is a forbidden variant.
    zh_terms: Vec<(usize, bool)>,
}

impl Glossary {
    pub fn new(terms: Vec<Term>) -> Result<Self, Error> {
        let mut en_patterns = Vec::new();
        let mut en_terms = Vec::new();
        let mut zh_patterns = Vec::new();
        let mut zh_terms = Vec::new();
        for (i, term) in terms.iter().enumerate() {
            for form in english_forms(&term.en) {
                en_patterns.push(form);
                en_terms.push(i);
            }
            if !term.zh.trim().is_empty() {
                zh_patterns.push(term.zh.clone());
                zh_terms.push((i, false));
            }
            for bad in term.forbidden.iter().filter(|b| !b.trim().is_empty()) {
                zh_patterns.push(bad.clone());
                zh_terms.push((i, true));
            }
        }
        let build = |patterns: &[String], fold: bool| -> Result<Option<AhoCorasick>, Error> {
            if patterns.is_empty() {
                return Ok(None);
            }
            // English: leftmost-longest, one term per stretch of text. Chinese: every match,
            // overlapping (a forbidden variant inside an approved term must be seen as such).
            let kind = if fold {
                MatchKind::LeftmostLongest
            } else {
                MatchKind::Standard
            };
            Ok(Some(
                AhoCorasickBuilder::new()
                    .match_kind(kind)
                    .ascii_case_insensitive(fold)
                    .build(patterns)?,
            ))
        };
        Ok(Glossary {
            en: build(&en_patterns, true)?,
            zh: build(&zh_patterns, false)?,
            terms,
            en_terms,
            zh_terms,
        })
    }

    pub fn terms(&self) -> &[Term] {
        &self.terms
    }

    /// The terms in English text, leftmost-longest (`Rainier Cherries` before `Cherries`),
    /// whole words only; a term written in capitals (`US`) matches only in capitals, so the
    /// word "us" is not the country.
    pub fn find_en(&self, text: &str) -> Vec<Hit> {
        let Some(ac) = &self.en else {
            return Vec::new();
        };
        let offsets = CharOffsets::new(text);
        ac.find_iter(text)
            .filter_map(|m| {
                let term = *self.en_terms.get(m.pattern().as_usize())?;
                let before = text[..m.start()].chars().next_back();
                let after = text[m.end()..].chars().next();
                let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
                if word(before) || word(after) {
                    return None;
                }
                let en = &self.terms[term].en;
                let acronym = en.chars().any(|c| c.is_ascii_uppercase())
                    && !en.chars().any(|c| c.is_ascii_lowercase());
                if acronym && !text[m.start()..m.end()].starts_with(en.as_str()) {
                    return None;
                }
                Some(Hit {
                    term,
                    start: offsets.char_at(m.start()),
                    end: offsets.char_at(m.end()),
                })
            })
            .collect()
    }

    /// Approved Chinese terms (`forbidden == false`) and forbidden variants in Chinese text.
    fn find_zh(&self, text: &str) -> Vec<(Hit, bool)> {
        let Some(ac) = &self.zh else {
            return Vec::new();
        };
        let offsets = CharOffsets::new(text);
        // Overlapping search: a forbidden variant may sit inside an approved term (樱桃 in
        // 酸樱桃) and must then not count.
        ac.find_overlapping_iter(text)
            .filter_map(|m| {
                let (term, forbidden) = *self.zh_terms.get(m.pattern().as_usize())?;
                Some((
                    Hit {
                        term,
                        start: offsets.char_at(m.start()),
                        end: offsets.char_at(m.end()),
                    },
                    forbidden,
                ))
            })
            .collect()
    }

    /// The approved Chinese terms in Chinese text, leftmost-longest (for the gloss: a
    /// glossary term is one word, glossed with its English).
    pub fn approved_in(&self, text: &str) -> Vec<Hit> {
        let mut hits: Vec<Hit> = self
            .find_zh(text)
            .into_iter()
            .filter(|(_, forbidden)| !forbidden)
            .map(|(hit, _)| hit)
            .collect();
        hits.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
        let mut kept: Vec<Hit> = Vec::new();
        for hit in hits {
            if kept.last().is_none_or(|k| hit.start >= k.end) {
                kept.push(hit);
            }
        }
        kept
    }

    /// Consistency of a Chinese text with its English source: each English term whose
    /// approved Chinese is absent (`glossary-missing`, once per term; not for quality, pack
    /// and size words), and each forbidden
    /// variant that is not part of an approved term (`glossary-forbidden`).
    pub fn check(&self, en: &str, zh: &str) -> Vec<Issue> {
        let found = self.find_zh(zh);
        let approved: Vec<Hit> = found
            .iter()
            .filter(|(_, forbidden)| !forbidden)
            .map(|(h, _)| *h)
            .collect();
        let zh_chars: Vec<char> = zh.chars().collect();
        let mut issues = Vec::new();
        let mut seen = Vec::new();
        for hit in self.find_en(en) {
            let term = &self.terms[hit.term];
            // Quality, pack and size words are the translator's choice to keep or drop (a
            // title has no room for all); what the product is and where it is from are not.
            let optional = matches!(term.category.as_str(), "quality" | "pack" | "size");
            if optional || seen.contains(&term.zh) || term.zh.trim().is_empty() {
                continue;
            }
            seen.push(term.zh.clone());
            if !approved
                .iter()
                .any(|a| self.terms[a.term].zh.contains(&term.zh))
            {
                issues.push(Issue {
                    code: codes::MISSING,
                    term: hit.term,
                    start: 0,
                    end: 0,
                    found: None,
                });
            }
        }
        for (hit, forbidden) in &found {
            if !forbidden {
                continue;
            }
            let inside_approved = approved.iter().any(|a| {
                a.start <= hit.start && hit.end <= a.end && a.end - a.start > hit.end - hit.start
            });
            if !inside_approved {
                issues.push(Issue {
                    code: codes::FORBIDDEN,
                    term: hit.term,
                    start: hit.start,
                    end: hit.end,
                    found: Some(zh_chars[hit.start..hit.end].iter().collect()),
                });
            }
        }
        issues
    }
}

/// The forms an English term matches: as written, and the other number of its last word
/// (cherries/cherry, peaches/peach, walnut/walnuts).
fn english_forms(en: &str) -> Vec<String> {
    let en = en.trim();
    if en.is_empty() {
        return Vec::new();
    }
    let mut forms = vec![en.to_owned()];
    let last_start = en.rfind([' ', '-']).map_or(0, |i| i + 1);
    let (head, last) = en.split_at(last_start);
    if last.len() < 3 || !last.chars().all(|c| c.is_ascii_alphabetic()) {
        return forms;
    }
    let lower = last.to_ascii_lowercase();
    let other = if let Some(stem) = lower.strip_suffix("ies") {
        format!("{stem}y")
    } else if ["ches", "shes", "xes", "sses"]
        .iter()
        .any(|s| lower.ends_with(s))
    {
        lower[..lower.len() - 2].to_owned()
    } else if lower.ends_with("ss") {
        format!("{lower}es")
    } else if let Some(stem) = lower.strip_suffix('s') {
        stem.to_owned()
    } else if let Some(stem) = lower
        .strip_suffix('y')
        .filter(|s| !s.ends_with(['a', 'e', 'o', 'u']))
    {
        format!("{stem}ies")
    } else if ["ch", "sh", "x"].iter().any(|s| lower.ends_with(s)) {
        format!("{lower}es")
    } else {
        format!("{lower}s")
    };
    forms.push(format!("{head}{other}"));
    forms
}

/// Byte offset to character offset, for the text a matcher ran on.
struct CharOffsets {
    starts: Vec<usize>,
}

impl CharOffsets {
    fn new(text: &str) -> Self {
        CharOffsets {
            starts: text
                .char_indices()
                .map(|(i, _)| i)
                .chain([text.len()])
                .collect(),
        }
    }

    fn char_at(&self, byte: usize) -> usize {
        match self.starts.binary_search(&byte) {
            Ok(i) | Err(i) => i,
        }
    }
}

/// The glossary CSV header, the format of import, export and the shipped seed
/// (`assets/glossary/seed.csv`): `forbidden` holds the variants separated by `|`.
pub const CSV_HEADER: [&str; 5] = ["en", "zh", "forbidden", "note", "category"];

/// Reads a glossary CSV (UTF-8, a BOM allowed; columns by header name, `en` and `zh`
/// required, the rest optional). `file` names it in errors, which give the row.
pub fn read_csv(bytes: &[u8], file: &str) -> Result<Vec<Term>, Error> {
    let bytes = bytes
        .strip_prefix(b"\xEF\xBB\xBF".as_slice())
        .unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
    let bad = |row: u64, message: String| Error::Csv {
        file: file.to_owned(),
        row,
        message,
    };
    let headers = reader.headers().map_err(|e| bad(1, e.to_string()))?.clone();
    let column = |name: &str| {
        headers
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name))
    };
    let (Some(en), Some(zh)) = (column("en"), column("zh")) else {
        return Err(bad(1, "the header needs the columns en and zh".to_owned()));
    };
    let (forbidden, note, category) = (column("forbidden"), column("note"), column("category"));
    let mut terms = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let row = i as u64 + 2;
        let record = record.map_err(|e| bad(row, e.to_string()))?;
        let get = |c: Option<usize>| c.and_then(|c| record.get(c)).unwrap_or("").trim();
        let term = Term {
            en: get(Some(en)).to_owned(),
            zh: get(Some(zh)).to_owned(),
            forbidden: get(forbidden)
                .split('|')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect(),
            note: get(note).to_owned(),
            category: get(category).to_ascii_lowercase(),
        };
        if term.en.is_empty() && term.zh.is_empty() {
            continue;
        }
        if term.en.is_empty() || term.zh.is_empty() {
            return Err(bad(row, "a term needs both en and zh".to_owned()));
        }
        terms.push(term);
    }
    Ok(terms)
}

/// Writes terms as a glossary CSV (UTF-8 with a BOM, so Excel reads the Chinese).
pub fn write_csv(terms: &[Term]) -> Result<Vec<u8>, Error> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut writer = csv::Writer::from_writer(&mut out);
        let csv_error = |e: csv::Error| Error::Csv {
            file: String::new(),
            row: 0,
            message: e.to_string(),
        };
        writer.write_record(CSV_HEADER).map_err(csv_error)?;
        for t in terms {
            writer
                .write_record([
                    t.en.as_str(),
                    t.zh.as_str(),
                    &t.forbidden.join("|"),
                    t.note.as_str(),
                    t.category.as_str(),
                ])
                .map_err(csv_error)?;
        }
        writer.flush().map_err(|e| Error::Csv {
            file: String::new(),
            row: 0,
            message: e.to_string(),
        })?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(en: &str, zh: &str, forbidden: &[&str], category: &str) -> Term {
        Term {
            en: en.into(),
            zh: zh.into(),
            forbidden: forbidden.iter().map(|s| (*s).into()).collect(),
            note: String::new(),
            category: category.into(),
        }
    }

    fn glossary() -> Glossary {
        Glossary::new(vec![
            term("Cherries", "车厘子", &[], "product"),
            term("Rainier Cherries", "雷尼尔车厘子", &[], "variety"),
            term("Tart Cherries", "酸樱桃", &[], "product"),
            term("Almonds", "巴旦木", &["大杏仁"], "product"),
            term("US", "美国", &[], "origin"),
            term("Washington", "华盛顿州", &[], "region"),
            term("Peaches", "桃子", &["樱桃"], "product"),
        ])
        .unwrap()
    }

    fn found(g: &Glossary, text: &str) -> Vec<String> {
        g.find_en(text)
            .into_iter()
            .map(|h| g.terms()[h.term].en.clone())
            .collect()
    }

    #[test]
    fn english_terms_match_whole_words_longest_first_in_either_number() {
        let g = glossary();
        assert_eq!(
            found(&g, "Fresh rainier cherries from Washington"),
            ["Rainier Cherries", "Washington"]
        );
        assert_eq!(found(&g, "One cherry, one peach"), ["Cherries", "Peaches"]);
        assert_eq!(found(&g, "Cherriesque Washingtonian"), Vec::<String>::new());
        assert_eq!(found(&g, "Grown in the US for us"), ["US"]);
        let hit = g.find_en("Süße Cherries")[0];
        assert_eq!((hit.start, hit.end), (5, 13));
    }

    #[test]
    fn a_missing_approved_term_and_a_forbidden_variant_are_found() {
        let g = glossary();
        let issues = g.check("California Almonds, US grown", "美国加州大杏仁");
        let codes: Vec<(&str, &str)> = issues
            .iter()
            .map(|i| (i.code, g.terms()[i.term].en.as_str()))
            .collect();
        assert_eq!(
            codes,
            [(codes::MISSING, "Almonds"), (codes::FORBIDDEN, "Almonds")]
        );
        assert_eq!((issues[1].start, issues[1].end), (4, 7));
        assert_eq!(issues[1].found.as_deref(), Some("大杏仁"));
        // A forbidden variant inside an approved term is that term, not the variant.
        assert!(g.check("Tart cherries", "酸樱桃").is_empty());
        // The longer approved term carries the shorter one.
        assert!(g.check("Cherries", "雷尼尔车厘子").is_empty());
    }

    #[test]
    fn csv_round_trips_and_names_the_bad_row() {
        let terms = glossary().terms().to_vec();
        let csv = write_csv(&terms).unwrap();
        assert_eq!(read_csv(&csv, "g.csv").unwrap(), terms);
        let err = read_csv(b"en,zh\nCherries,\n", "g.csv").unwrap_err();
        assert_eq!(err.code(), "glossary-csv");
        assert!(err.to_string().contains("g.csv") && err.to_string().contains("row 2"));
        let err = read_csv(b"english,chinese\n", "g.csv").unwrap_err();
        assert!(err.to_string().contains("en and zh"));
    }

    #[test]
    fn the_shipped_seed_reads_and_covers_every_state() {
        let seed = read_csv(crate::SEED_CSV.as_bytes(), "seed.csv").unwrap();
        assert!(seed.len() > 200);
        let regions = seed.iter().filter(|t| t.category == "region").count();
        assert!(regions >= 50, "{regions} regions");
        let g = Glossary::new(seed).unwrap();
        for (en, zh) in [
            ("Washington", "华盛顿州"),
            ("Alaska", "阿拉斯加"),
            ("California", "加州"),
            ("Sockeye Salmon", "红鲑鱼"),
            ("Maple Syrup", "枫糖浆"),
            ("Gift Box", "礼盒装"),
        ] {
            let hits = g.find_en(en);
            assert_eq!(hits.len(), 1, "{en}");
            assert_eq!(g.terms()[hits[0].term].zh, zh);
        }
    }
}
