//! What Chinese copy says, word by word, for a merchant who reads no Chinese: the English gloss
//! shown under a draft's Chinese text, and printed by `kuajing gloss`.
//!
//! This crate owns:
//! - segmenting Chinese copy into words (`jieba-rs` and its embedded dictionary, HMM on for
//!   words it lacks);
//! - the embedded CC-CEDICT (`assets/cedict/`, CC BY-SA 4.0, MDBG; provenance in its README)
//!   and the order in which a word's senses are shown (`cedict.rs`, with the few marketplace
//!   preferences in `assets/cedict/preferred.toml`);
//! - tone-marked pinyin (`pinyin.rs`);
//! - recognising a number and its unit as one token (`quantity.rs`);
//! - the [`Token`] shape the UI and the CLI show (`{"tokens":[{"text","start","end","gloss",
//!   "pinyin","source"}]}`).
//!
//! It must not know: the catalog or where glossary terms are stored (the caller passes
//! [`Term`]s, which win over the segmenter and the dictionary), unit conversion (the caller
//! passes a callback, kuajing-units' read-back, that turns `907克` into `907 g = 2 lb`),
//! marketplaces, Tauri, or how the UI draws a gloss.
//!
//! Offsets are character offsets (Unicode scalar values, what JavaScript's `Array.from(text)`
//! indexes), end exclusive, like kuajing-copy's findings. Whitespace gets no token.
//!
//! Speed: the segmenter and the dictionary load once per process, on the first
//! [`Glosser::builtin`] (on two threads at once; numbers in `docs/drafting.md`, section
//! Gloss); after that a 60-character title is glossed in tens of microseconds.

mod cedict;
mod pinyin;
mod quantity;
mod words;

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::cedict::Cedict;
use crate::words::jieba;
pub use crate::words::words;

/// Errors of this crate, each with a [`code`](Error::code) and a Fluent message
/// `error-<code>` (`assets/locales/*/gloss.ftl`).
#[derive(Debug, Clone, thiserror::Error)]
pub enum Error {
    /// The embedded dictionary could not be read (a broken build, never the user's input).
    #[error("the gloss dictionary could not be loaded: {0}")]
    Dictionary(String),
}

impl Error {
    /// The stable kebab-case code the UI maps to a message.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Dictionary(_) => "gloss-dictionary",
        }
    }
}

/// A catalog glossary entry: wherever `zh` occurs in the text it is one token glossed `en`,
/// whatever the segmenter or the dictionary would say. (TypeScript name `GlossTerm`:
/// kuajing-copy exports its own `Term`.)
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export, rename = "GlossTerm")]
pub struct Term {
    pub zh: String,
    pub en: String,
}

impl Term {
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            zh: zh.into(),
            en: en.into(),
        }
    }
}

/// Where a token's gloss comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, rename = "GlossSource")]
pub enum Source {
    /// A catalog glossary term: `gloss[0]` is the term's English, CC-CEDICT's senses follow.
    Glossary,
    /// A CC-CEDICT headword: every sense, best first.
    Dictionary,
    /// A word the segmenter found but CC-CEDICT lacks, glossed part by part (the longest
    /// headwords inside it, down to single characters): `gloss[0]` joins the parts' first
    /// senses with " + ", then one line per part (`礼 lǐ: gift; rite; ceremony`).
    Parts,
    /// A number and its unit, read back by the caller's callback (`907 g = 2 lb`).
    Quantity,
    /// Latin words and numbers, passed through as they are.
    Literal,
    /// Punctuation and symbols; full-width punctuation is glossed with its ASCII look-alike.
    Punctuation,
    /// A Chinese character no dictionary knows: no gloss.
    Unknown,
}

/// One word of the text and what it means. `start`/`end` are character offsets into the
/// glossed text (end exclusive). `gloss` holds every sense, best first (the first is shown
/// under the word, all on hover). `pinyin` has tone marks (`chēlízi`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export, rename = "GlossToken")]
pub struct Token {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub gloss: Vec<String>,
    pub pinyin: Option<String>,
    pub source: Source,
}

/// A glossed text, as `kuajing gloss --json` prints it: `{"tokens": [...]}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct Gloss {
    pub tokens: Vec<Token>,
}

/// The segmenter and the dictionary, loaded once per process by [`Glosser::builtin`]. Share
/// `&Glosser` freely across threads.
pub struct Glosser {
    jieba: &'static jieba_rs::Jieba,
    cedict: Cedict,
}

impl std::fmt::Debug for Glosser {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Glosser")
            .field("cedict", &self.cedict)
            .finish_non_exhaustive()
    }
}

static BUILTIN: OnceLock<Result<Glosser, Error>> = OnceLock::new();

impl Glosser {
    /// The glosser with the embedded jieba dictionary and CC-CEDICT. The first call loads both
    /// (in parallel); later calls return the same glosser at once.
    pub fn builtin() -> Result<&'static Glosser, Error> {
        BUILTIN
            .get_or_init(Self::load)
            .as_ref()
            .map_err(Clone::clone)
    }

    fn load() -> Result<Glosser, Error> {
        std::thread::scope(|scope| {
            let jieba = scope.spawn(jieba);
            let cedict = Cedict::load();
            let jieba = jieba.join().map_err(|_| {
                Error::Dictionary("the jieba dictionary could not be loaded".into())
            })?;
            Ok(Glosser {
                jieba,
                cedict: cedict?,
            })
        })
    }

    /// The date of the embedded CC-CEDICT release (`YYYY-MM-DD`), for an About box.
    pub fn dictionary_date(&self) -> &str {
        self.cedict.date
    }

    /// How many entries the embedded CC-CEDICT has.
    pub fn dictionary_entries(&self) -> usize {
        self.cedict.entries
    }

    /// Glosses `text` word by word. `terms` (the catalog's glossary) win over segmentation and
    /// dictionary: the longest term starting at a position is one token. A number followed by
    /// a unit (`907克`, `2.27 千克`, `4°C`, `2-3kg`) is one token whose gloss is what
    /// `quantity` returns for its text; when it returns `None` the number and the unit are
    /// glossed apart (the number as itself, the unit by name).
    pub fn gloss(
        &self,
        text: &str,
        terms: &[Term],
        quantity: &dyn Fn(&str) -> Option<String>,
    ) -> Vec<Token> {
        let chars: Vec<char> = text.chars().collect();
        let mut byte_at: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        byte_at.push(text.len());
        let slice = |start: usize, end: usize| &text[byte_at[start]..byte_at[end]];

        let mut tokens = Vec::with_capacity(chars.len() / 2 + 1);
        let mut free_from = 0;
        for (start, end, term) in glossary_matches(text, &byte_at, terms) {
            self.gloss_free(&chars, &slice, free_from, start, quantity, &mut tokens);
            tokens.push(self.term_token(slice(start, end), start, end, &term.en));
            free_from = end;
        }
        self.gloss_free(
            &chars,
            &slice,
            free_from,
            chars.len(),
            quantity,
            &mut tokens,
        );
        tokens
    }

    /// Text outside glossary terms: quantities first, then the segmenter.
    fn gloss_free<'t>(
        &self,
        chars: &[char],
        slice: &dyn Fn(usize, usize) -> &'t str,
        from: usize,
        to: usize,
        quantity: &dyn Fn(&str) -> Option<String>,
        tokens: &mut Vec<Token>,
    ) {
        if from >= to {
            return;
        }
        let mut cursor = from;
        for q in quantity::find(&chars[from..to]) {
            let (start, number_end, unit_start, end) = (
                from + q.start,
                from + q.number_end,
                from + q.unit_start,
                from + q.end,
            );
            self.segment(slice(cursor, start), cursor, tokens);
            let whole = slice(start, end);
            match quantity(whole) {
                Some(read_back) => tokens.push(Token {
                    text: whole.to_owned(),
                    start,
                    end,
                    gloss: vec![read_back],
                    pinyin: None,
                    source: Source::Quantity,
                }),
                None => {
                    let number = slice(start, number_end);
                    tokens.push(literal(number, start, number_end));
                    let unit = slice(unit_start, end);
                    let mut gloss = vec![q.unit_name.to_owned()];
                    let senses = self.cedict.senses(unit);
                    let pinyin = senses.as_ref().map(|s| s.pinyin.clone());
                    for s in senses.into_iter().flat_map(|s| s.senses) {
                        if !gloss.contains(&s) {
                            gloss.push(s);
                        }
                    }
                    tokens.push(Token {
                        text: unit.to_owned(),
                        start: unit_start,
                        end,
                        gloss,
                        pinyin,
                        source: Source::Dictionary,
                    });
                }
            }
            cursor = end;
        }
        self.segment(slice(cursor, to), cursor, tokens);
    }

    /// Runs the segmenter over `text` (which starts at char offset `offset`).
    fn segment(&self, text: &str, offset: usize, tokens: &mut Vec<Token>) {
        if text.is_empty() {
            return;
        }
        for word in self.jieba.cut(text, true) {
            if word.word.chars().all(char::is_whitespace) {
                continue;
            }
            tokens.push(self.word_token(word.word, offset + word.start, offset + word.end));
        }
    }

    fn word_token(&self, word: &str, start: usize, end: usize) -> Token {
        if !word.chars().any(char::is_alphanumeric) {
            return Token {
                text: word.to_owned(),
                start,
                end,
                gloss: vec![punctuation(word)],
                pinyin: None,
                source: Source::Punctuation,
            };
        }
        if !word.chars().any(is_han) {
            return literal(word, start, end);
        }
        if let Some(senses) = self.cedict.senses(word) {
            return Token {
                text: word.to_owned(),
                start,
                end,
                gloss: senses.senses,
                pinyin: Some(senses.pinyin),
                source: Source::Dictionary,
            };
        }
        if end - start == 1 {
            return Token {
                text: word.to_owned(),
                start,
                end,
                gloss: Vec::new(),
                pinyin: None,
                source: Source::Unknown,
            };
        }
        let (gloss, pinyin) = self.by_parts(word);
        Token {
            text: word.to_owned(),
            start,
            end,
            gloss,
            pinyin,
            source: Source::Parts,
        }
    }

    fn term_token(&self, text: &str, start: usize, end: usize, en: &str) -> Token {
        let mut gloss = vec![en.trim().to_owned()];
        let pinyin = match self.cedict.senses(text) {
            Some(senses) => {
                for s in senses.senses {
                    if !gloss.contains(&s) {
                        gloss.push(s);
                    }
                }
                Some(senses.pinyin)
            }
            None if text.chars().any(is_han) => self.by_parts(text).1,
            None => None,
        };
        Token {
            text: text.to_owned(),
            start,
            end,
            gloss,
            pinyin,
            source: Source::Glossary,
        }
    }

    /// A word CC-CEDICT lacks, split into the longest headwords inside it (down to single
    /// characters): the joined summary first, then one line per part; and the parts' pinyin,
    /// when every Chinese part has one.
    fn by_parts(&self, word: &str) -> (Vec<String>, Option<String>) {
        let chars: Vec<char> = word.chars().collect();
        let mut summary = Vec::new();
        let mut details = Vec::new();
        let mut readings = Vec::new();
        let mut complete = true;
        let mut i = 0;
        while i < chars.len() {
            let longest = self.cedict.longest.min(chars.len() - i);
            let found = (2..=longest).rev().find_map(|n| {
                let part: String = chars[i..i + n].iter().collect();
                self.cedict.contains(&part).then_some((part, n))
            });
            let (part, n) = match found {
                Some(found) => found,
                None if chars[i].is_ascii_alphanumeric() => {
                    let n = chars[i..]
                        .iter()
                        .take_while(|c| c.is_ascii_alphanumeric())
                        .count();
                    (chars[i..i + n].iter().collect(), n)
                }
                None => (chars[i].to_string(), 1),
            };
            i += n;
            if !part.chars().any(is_han) {
                // Latin letters and digits read as themselves; a symbol has no reading.
                if part.chars().all(char::is_alphanumeric) {
                    readings.push(part.clone());
                }
                summary.push(part);
                continue;
            }
            match self.cedict.senses(&part) {
                Some(senses) => {
                    summary.push(senses.senses.first().map_or("?".to_owned(), |s| short(s)));
                    details.push(format!(
                        "{part} {}: {}",
                        senses.pinyin,
                        senses
                            .senses
                            .iter()
                            .take(3)
                            .cloned()
                            .collect::<Vec<_>>()
                            .join("; ")
                    ));
                    readings.push(senses.pinyin);
                }
                None => {
                    summary.push("?".to_owned());
                    complete = false;
                }
            }
        }
        let mut gloss = vec![summary.join(" + ")];
        gloss.extend(details);
        (gloss, complete.then(|| readings.join(" ")))
    }
}

/// The first sense shortened for a one-line summary: leading "(bound form)"-style notes and
/// the infinitive "to " go (`to pack` → `pack`).
fn short(sense: &str) -> String {
    let mut s = sense.trim();
    while s.starts_with('(') {
        match s.find(") ") {
            Some(close) => s = s[close + 2..].trim_start(),
            None => break,
        }
    }
    let s = s.strip_prefix("to ").unwrap_or(s);
    let s = s.split(';').next().unwrap_or(s).trim();
    if s.is_empty() {
        sense.trim().to_owned()
    } else {
        s.to_owned()
    }
}

fn literal(text: &str, start: usize, end: usize) -> Token {
    Token {
        text: text.to_owned(),
        start,
        end,
        gloss: vec![text.to_owned()],
        pinyin: None,
        source: Source::Literal,
    }
}

/// CJK ideographs (the URO, extensions A to I, the compatibility blocks) and 〇. The
/// supplementary range covers extensions B to H and the compatibility supplement.
fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3007}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{323AF}')
}

/// Full-width punctuation written with its ASCII look-alike; anything else as it is.
fn punctuation(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '【' | '「' | '『' | '〔' | '［' => '[',
            '】' | '」' | '』' | '〕' | '］' => ']',
            '（' => '(',
            '）' => ')',
            '，' | '、' => ',',
            '。' | '．' => '.',
            '！' => '!',
            '？' => '?',
            '：' => ':',
            '；' => ';',
            '“' | '”' | '＂' => '"',
            '‘' | '’' => '\'',
            '～' => '~',
            '《' => '«',
            '》' => '»',
            '＋' => '+',
            '／' => '/',
            '％' => '%',
            '＆' => '&',
            '＃' => '#',
            other => other,
        })
        .collect()
}

/// Where glossary terms occur: at each position the longest term that starts there, left to
/// right, never overlapping. Returns char offsets.
fn glossary_matches<'a>(
    text: &str,
    byte_at: &[usize],
    terms: &'a [Term],
) -> Vec<(usize, usize, &'a Term)> {
    let mut by_first: HashMap<char, Vec<(&str, &Term)>> = HashMap::new();
    for term in terms {
        let zh = term.zh.trim();
        if let Some(first) = zh.chars().next() {
            by_first.entry(first).or_default().push((zh, term));
        }
    }
    if by_first.is_empty() {
        return Vec::new();
    }
    let mut matches = Vec::new();
    let mut i = 0;
    let chars = byte_at.len() - 1;
    while i < chars {
        let rest = &text[byte_at[i]..];
        let best = rest
            .chars()
            .next()
            .and_then(|c| by_first.get(&c))
            .and_then(|candidates| {
                candidates
                    .iter()
                    .filter(|(zh, _)| rest.starts_with(zh))
                    .max_by_key(|(zh, _)| zh.len())
            });
        match best {
            Some((zh, term)) => {
                let end = i + zh.chars().count();
                matches.push((i, end, *term));
                i = end;
            }
            None => i += 1,
        }
    }
    matches
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_summaries_drop_notes_and_infinitives() {
        assert_eq!(short("to pack"), "pack");
        assert_eq!(short("(bound form) bull's-eye; target"), "bull's-eye");
        assert_eq!(short("small box"), "small box");
    }

    #[test]
    fn punctuation_reads_as_ascii() {
        assert_eq!(punctuation("【"), "[");
        assert_eq!(punctuation("，"), ",");
        assert_eq!(punctuation("★"), "★");
    }

    #[test]
    fn error_codes_are_kebab_case() {
        assert_eq!(Error::Dictionary(String::new()).code(), "gloss-dictionary");
    }
}
