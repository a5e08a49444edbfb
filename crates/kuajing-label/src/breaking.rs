//! Line breaking for Chinese with Latin words and numbers mixed in.
//!
//! The text is cut into pieces no break may fall inside: one Chinese character, a run of
//! Latin letters, digits and their punctuation (`Cherry`, `0-4℃`, `2.5kg`), a run of spaces.
//! Then the line-start and line-end prohibitions (禁则) glue pieces together: a mark that may
//! not start a line joins the piece before it, one that may not end a line joins the piece
//! after it, and a number joins the Chinese character right after it (`907克`, `2磅`). Lines
//! are filled greedily with these pieces; a piece longer than a whole line is cut by
//! character, still keeping the prohibitions where it can.

use std::ops::Range;

/// Marks that may not start a line: closing punctuation and brackets, pauses, the dash and
/// ellipsis (which must not be split from what they follow), units that trail a number.
const NO_START: &[char] = &[
    '，', '。', '、', '；', '：', '？', '！', '）', '」', '』', '》', '〉', '】', '〕', '〗', '］',
    '｝', '”', '’', '…', '—', '·', '・', '％', '‰', '℃', '～', '．', ',', '.', ';', ':', '?', '!',
    ')', ']', '}', '%', '〜', 'ー', '々',
];

/// Marks that may not end a line: opening punctuation and brackets, currency signs.
const NO_END: &[char] = &[
    '（', '「', '『', '《', '〈', '【', '〔', '〖', '［', '｛', '“', '‘', '(', '[', '{', '￥', '¥',
    '$', '＄',
];

/// One wrapped line: its text (no leading or trailing spaces) and its measured width.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Piece {
    pub(crate) text: String,
    pub(crate) width: f32,
}

/// A character that is a piece of its own: ideographs, kana, hangul, CJK and full-width
/// punctuation, dashes and ellipses, emoji and anything else past the BMP's scripts.
fn stands_alone(c: char) -> bool {
    matches!(c, '—' | '―' | '…' | '‥') || c >= '\u{2E80}'
}

fn is_ideograph(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3FFFF}')
}

/// The text cut into unbreakable pieces (character ranges), with the prohibitions applied.
fn pieces(chars: &[char]) -> Vec<Range<usize>> {
    // Units first: a run of spaces, a run of "word" characters, or one character alone.
    let mut units: Vec<Range<usize>> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let start = i;
        let c = chars[i];
        i += 1;
        if c == ' ' {
            while i < chars.len() && chars[i] == ' ' {
                i += 1;
            }
        } else if !stands_alone(c) {
            while i < chars.len() && chars[i] != ' ' && !stands_alone(chars[i]) {
                i += 1;
            }
        }
        units.push(start..i);
    }

    let is_space = |r: &Range<usize>| chars[r.start] == ' ';
    let mut out: Vec<Range<usize>> = Vec::with_capacity(units.len());
    let mut glue_next = false;
    for unit in units {
        let first = chars[unit.start];
        let joins_before = match out.last() {
            None => false,
            Some(last) => {
                (glue_next && !is_space(&unit))
                    || NO_START.contains(&first)
                    || (is_ideograph(first)
                        && !is_space(last)
                        && chars[last.end - 1].is_ascii_digit())
            }
        };
        glue_next = !is_space(&unit) && NO_END.contains(&chars[unit.end - 1]);
        match out.last_mut() {
            Some(last) if joins_before => last.end = unit.end,
            _ => out.push(unit),
        }
    }
    // A space followed by a mark that may not start a line was joined into one piece with
    // it; join that piece to the one before too, so the mark does not start the next line.
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(out.len());
    for piece in out {
        match merged.last_mut() {
            Some(last) if chars[piece.start] == ' ' && piece.len() > 1 && !is_space(last) => {
                last.end = piece.end;
            }
            _ => merged.push(piece),
        }
    }
    merged
}

/// Wraps `text` (already cleaned: single spaces, no controls) into lines at most `width`
/// wide, measuring each character with `advance`. Always gives at least one line. A line
/// exceeds `width` only when one character alone is wider than it.
pub(crate) fn wrap(text: &str, width: f32, advance: impl Fn(char) -> f32) -> Vec<Piece> {
    let chars: Vec<char> = text.chars().collect();
    let widths: Vec<f32> = chars.iter().map(|&c| advance(c)).collect();
    let measure = |r: &Range<usize>| widths[r.clone()].iter().sum::<f32>();

    let mut lines: Vec<Range<usize>> = Vec::new();
    let mut line: Option<Range<usize>> = None;
    for piece in pieces(&chars) {
        if let Some(current) = &mut line {
            if measure(&(current.start..piece.end)) <= width {
                current.end = piece.end;
                continue;
            }
            lines.push(current.clone());
            line = None;
        }
        if chars[piece.clone()].iter().all(|&c| c == ' ') {
            // No line starts with a space; one where a line breaks is dropped.
            continue;
        }
        if measure(&piece) <= width {
            line = Some(piece);
        } else {
            // Longer than a line: cut by character.
            let mut cuts = cut(&chars, &widths, piece, width);
            line = cuts.pop();
            lines.extend(cuts);
        }
    }
    if let Some(current) = line {
        lines.push(current);
    }

    let mut out: Vec<Piece> = lines
        .into_iter()
        .map(|mut r| {
            while r.len() > 1 && chars[r.end - 1] == ' ' {
                r.end -= 1;
            }
            Piece {
                text: chars[r.clone()].iter().collect(),
                width: measure(&r),
            }
        })
        .collect();
    if out.is_empty() {
        out.push(Piece {
            text: String::new(),
            width: 0.0,
        });
    }
    out
}

/// A piece wider than a line cut by character into lines that fit; a prohibited mark that
/// would start the next line takes the character before it along.
fn cut(chars: &[char], widths: &[f32], piece: Range<usize>, width: f32) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = piece.start;
    let mut used = 0.0;
    let mut i = piece.start;
    while i < piece.end {
        if i > start && used + widths[i] > width {
            let mut end = i;
            while end > start + 1
                && (NO_START.contains(&chars[end]) || NO_END.contains(&chars[end - 1]))
            {
                end -= 1;
            }
            out.push(start..end);
            start = end;
            used = widths[start..i].iter().sum();
            continue;
        }
        used += widths[i];
        i += 1;
    }
    out.push(start..piece.end);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Full-width characters 2 units, the rest 1.
    fn adv(c: char) -> f32 {
        if c >= '\u{2E80}' || matches!(c, '—' | '…' | '“' | '”') {
            2.0
        } else {
            1.0
        }
    }

    fn texts(text: &str, width: f32) -> Vec<String> {
        wrap(text, width, adv).into_iter().map(|p| p.text).collect()
    }

    #[test]
    fn chinese_breaks_anywhere_but_not_before_a_comma() {
        // 4 characters a line; the fifth is 。 which may not start the next line.
        assert_eq!(texts("一二三四。五六", 8.0), ["一二三", "四。五六"]);
        assert_eq!(texts("一二三四五六", 8.0), ["一二三四", "五六"]);
    }

    #[test]
    fn an_opening_bracket_does_not_end_a_line() {
        assert_eq!(texts("一二三《四五》", 8.0), ["一二三", "《四五》"]);
    }

    #[test]
    fn latin_words_stay_whole_and_spaces_vanish_at_breaks() {
        assert_eq!(
            texts("Washington Bing cherries", 16.0),
            ["Washington Bing", "cherries"]
        );
        // A word longer than the line is cut by character.
        assert_eq!(
            texts("Supercalifragilistic", 8.0),
            ["Supercal", "ifragili", "stic"]
        );
    }

    #[test]
    fn numbers_stay_with_their_unit() {
        assert_eq!(texts("一二907克", 8.0), ["一二", "907克"]);
        assert_eq!(texts("一二三0-4℃冷藏", 8.0), ["一二三", "0-4℃冷藏"]);
    }

    #[test]
    fn a_mark_after_a_space_does_not_start_a_line() {
        for line in texts("abc ， def ghi", 5.0).iter().skip(1) {
            assert!(!line.starts_with('，'), "{line}");
        }
    }

    #[test]
    fn empty_text_is_one_empty_line() {
        assert_eq!(texts("", 10.0), [""]);
    }
}
