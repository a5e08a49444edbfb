//! Splitting a text into the tokens the score counts: words, numbers and punctuation marks,
//! each with its byte span in the original text (for the diff and for adaptation).

use crate::normalize::fold;

/// What a token is; it decides the token's weight in the score (see `score.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// A run of letters (with inner apostrophes: "men's"), or one CJK character.
    Word,
    /// A run of ASCII digits with inner `.` `,` `/` between digits: "2", "2.5", "1,000", "1/2".
    Number,
    /// Any other visible character, one token each.
    Punct,
}

impl Class {
    /// Weight in half-words: a word or a number counts 2, a punctuation mark 1.
    pub(crate) fn weight(self) -> u32 {
        match self {
            Class::Punct => 1,
            Class::Word | Class::Number => 2,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token {
    /// The comparison form: folded and lower-cased.
    pub norm: String,
    pub class: Class,
    /// Byte span in the original text.
    pub start: usize,
    pub end: usize,
}

/// Han ideographs, kana and Hangul: scripts written without spaces, one token per character.
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{AC00}'..='\u{D7AF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3FFFF}')
}

fn is_word_char(c: char) -> bool {
    (c.is_alphanumeric() && !c.is_ascii_digit() && !is_cjk(c))
        // combining diacritics written after their letter ("cafe\u{301}")
        || matches!(c, '\u{0300}'..='\u{036F}')
}

/// The tokens of `text`. Letters and digits are split where they meet ("12oz" is "12" "oz",
/// "B12" is "b" "12"), so a number is always a token of its own.
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    scan(text, |norm, class, start, end| {
        tokens.push(Token {
            norm: norm.to_owned(),
            class,
            start,
            end,
        });
    });
    tokens
}

/// [`tokenize`] without a string per token: `f` gets each token's comparison form, class and
/// byte span (building a 100k-entry index spent a third of its time allocating them).
pub(crate) fn scan(text: &str, mut f: impl FnMut(&str, Class, usize, usize)) {
    let chars: Vec<(usize, usize, char)> = text
        .char_indices()
        .filter_map(|(i, c)| fold(c).map(|f| (i, i + c.len_utf8(), f)))
        .collect();
    let at = |i: usize| chars.get(i).map(|&(_, _, c)| c);
    let mut norm = String::new();
    let mut i = 0;
    while let Some(c) = at(i) {
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        let class = if c.is_ascii_digit() {
            i += 1;
            while let Some(d) = at(i) {
                if d.is_ascii_digit() {
                    i += 1;
                } else if matches!(d, '.' | ',' | '/')
                    && at(i + 1).is_some_and(|n| n.is_ascii_digit())
                {
                    i += 2;
                } else {
                    break;
                }
            }
            Class::Number
        } else if is_cjk(c) {
            i += 1;
            Class::Word
        } else if is_word_char(c) {
            i += 1;
            while let Some(d) = at(i) {
                if is_word_char(d) {
                    i += 1;
                } else if d == '\''
                    && at(i + 1).is_some_and(|n| is_word_char(n) && n.is_alphabetic())
                {
                    i += 2;
                } else {
                    break;
                }
            }
            Class::Word
        } else {
            i += 1;
            Class::Punct
        };
        let span = &chars[start..i];
        norm.clear();
        norm.extend(span.iter().flat_map(|&(_, _, c)| c.to_lowercase()));
        f(
            &norm,
            class,
            span.first().map_or(0, |&(s, _, _)| s),
            span.last().map_or(0, |&(_, e, _)| e),
        );
    }
}

/// The token's text as written, width folded but with its case kept: what a unit converter is
/// given ("１２ OZ" gives "12" and "OZ").
pub(crate) fn folded(text: &str, token: &Token) -> String {
    text.get(token.start..token.end)
        .unwrap_or_default()
        .chars()
        .filter_map(fold)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(text: &str) -> Vec<(String, Class)> {
        tokenize(text)
            .into_iter()
            .map(|t| (t.norm, t.class))
            .collect()
    }

    #[test]
    fn words_numbers_and_punctuation() {
        use Class::*;
        let t = norms("Men’s Wild Salmon, 2.5lb (1/2 Case) B12");
        let expect = [
            ("men's", Word),
            ("wild", Word),
            ("salmon", Word),
            (",", Punct),
            ("2.5", Number),
            ("lb", Word),
            ("(", Punct),
            ("1/2", Number),
            ("case", Word),
            (")", Punct),
            ("b", Word),
            ("12", Number),
        ];
        assert_eq!(t, expect.map(|(n, c)| (n.to_owned(), c)));
    }

    #[test]
    fn a_sentence_full_stop_is_not_part_of_the_number() {
        let t = norms("Serves 4. Keep frozen; 1,000 mg.");
        assert!(t.contains(&("4".to_owned(), Class::Number)));
        assert!(t.contains(&("1,000".to_owned(), Class::Number)));
        assert_eq!(t.iter().filter(|(n, _)| n == ".").count(), 2);
    }

    #[test]
    fn chinese_is_one_token_per_character_and_spans_are_original_bytes() {
        let text = "雷尼尔樱桃 ２.２７千克";
        let t = tokenize(text);
        assert_eq!(t.len(), 5 + 1 + 2);
        assert_eq!(t[5].norm, "2.27");
        assert_eq!(t[5].class, Class::Number);
        assert_eq!(&text[t[5].start..t[5].end], "２.２７");
        assert_eq!(folded(text, &t[5]), "2.27");
    }
}
