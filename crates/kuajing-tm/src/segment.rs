//! Cutting a field's text into the segments the memory stores, and pairing the English and
//! Chinese segments of one field.
//!
//! The description format (the plain text the catalog keeps, converted from Body HTML by the
//! caller):
//! - Lines end in `\n` (a `\r` before it is ignored).
//! - Blocks are separated by one or more blank lines (lines of only whitespace). The converter
//!   writes each `<p>`, `<h1>`..`<h6>` and `<li>` as its own block, a blank line between them,
//!   except that the items of one list may be on consecutive lines.
//! - A list item is a line whose first non-blank characters are a marker: `- ` or `* `
//!   (followed by a space or tab), a bullet `•` `·` `●` `○` `■` `□` `◆` `◇` `▪` `►` `▶` `★`
//!   `☆` `✓` `✔` `√` (space optional), a circled number `①`..`⑳`, or an ordinal of one to three
//!   digits followed by `. ` or `) ` (space required, so "1.5 lb" is not an item) or by `、`,
//!   `．` or `）`. The converter writes `<ul>` items as `- ` and `<ol>` items as `1. `, `2. `.
//! - A paragraph is every other run of non-blank lines. A line break inside a paragraph (a
//!   `<br>`) stays inside the segment; so does a non-marker line right after an item (a `<br>`
//!   inside an `<li>`).
//!
//! Each paragraph and each list item is one segment; the marker and the surrounding
//! whitespace are not part of it, so "- 5 lb" and "1. 5 lb" give the same segment "5 lb".

use serde::{Deserialize, Serialize};

use crate::Entry;

/// The copy fields the memory segments. Serialized as `title`, `short_title`,
/// `selling_points`, `description`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldKind {
    Title,
    ShortTitle,
    /// Up to five lines, one selling point each (an optional bullet marker is dropped).
    SellingPoints,
    /// Plain text in the format above.
    Description,
}

/// What a segment was in its field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SegmentKind {
    /// A title or short title: the whole field.
    Whole,
    /// One line of the selling points.
    Line,
    /// A description paragraph.
    Paragraph,
    /// A description list item.
    ListItem,
}

/// One segment of a field: `text` is exactly `field[start..end]` (byte offsets), so a
/// translation can be put back in place of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segment {
    pub kind: SegmentKind,
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// The segments of `text` as a field of kind `field`, in order. Blank fields and blank lines
/// give none.
pub fn segments(field: FieldKind, text: &str) -> Vec<Segment> {
    match field {
        FieldKind::Title | FieldKind::ShortTitle => {
            let (start, end) = trimmed(text, 0, text.len());
            if start == end {
                return Vec::new();
            }
            vec![segment(text, SegmentKind::Whole, start, end)]
        }
        FieldKind::SellingPoints => lines(text)
            .filter_map(|(ls, le)| {
                let content = ls + marker(&text[ls..le]).unwrap_or(0);
                let (start, end) = trimmed(text, content, le);
                (start < end).then(|| segment(text, SegmentKind::Line, start, end))
            })
            .collect(),
        FieldKind::Description => description(text),
    }
}

fn description(text: &str) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut open: Option<(SegmentKind, usize, usize)> = None;
    for (ls, le) in lines(text) {
        let (start, end) = trimmed(text, ls, le);
        if start == end {
            out.extend(open.take().map(|(k, s, e)| segment(text, k, s, e)));
            continue;
        }
        if let Some(m) = marker(&text[ls..le]) {
            out.extend(open.take().map(|(k, s, e)| segment(text, k, s, e)));
            let (start, end) = trimmed(text, ls + m, le);
            if start < end {
                open = Some((SegmentKind::ListItem, start, end));
            }
            continue;
        }
        match &mut open {
            Some((_, _, e)) => *e = end,
            None => open = Some((SegmentKind::Paragraph, start, end)),
        }
    }
    out.extend(open.map(|(k, s, e)| segment(text, k, s, e)));
    out
}

fn segment(text: &str, kind: SegmentKind, start: usize, end: usize) -> Segment {
    Segment {
        kind,
        text: text[start..end].to_owned(),
        start,
        end,
    }
}

/// Byte spans of the lines of `text`, without the `\n` and a `\r` before it.
fn lines(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut start = 0;
    text.split('\n').map(move |line| {
        let s = start;
        start += line.len() + 1;
        (s, s + line.strip_suffix('\r').unwrap_or(line).len())
    })
}

/// `start..end` of `text` without leading and trailing whitespace.
fn trimmed(text: &str, start: usize, end: usize) -> (usize, usize) {
    let part = &text[start..end];
    let lead = part.len() - part.trim_start().len();
    let s = start + lead;
    (s, s + part.trim().len())
}

/// The byte length of a list marker (and the whitespace before it) at the start of `line`.
fn marker(line: &str) -> Option<usize> {
    let lead = line.len() - line.trim_start().len();
    let rest = &line[lead..];
    let mut chars = rest.chars();
    let first = chars.next()?;
    let spaced = |len: usize| {
        rest[len..]
            .starts_with([' ', '\t', '\u{3000}'])
            .then_some(lead + len)
    };
    match first {
        '-' | '*' => spaced(1),
        '•'
        | '·'
        | '●'
        | '○'
        | '■'
        | '□'
        | '◆'
        | '◇'
        | '▪'
        | '►'
        | '▶'
        | '★'
        | '☆'
        | '✓'
        | '✔'
        | '√'
        | '\u{2460}'..='\u{2473}' => Some(lead + first.len_utf8()),
        '0'..='9' => {
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            if digits > 3 {
                return None;
            }
            let after = rest[digits..].chars().next()?;
            match after {
                '.' | ')' => spaced(digits + 1),
                '、' | '．' | '）' => Some(lead + digits + after.len_utf8()),
                _ => None,
            }
        }
        _ => None,
    }
}

/// The entries to store for one field saved with English `source` and Chinese `target`: the
/// segments paired in order when both sides have the same number of segments of the same
/// kinds, otherwise the whole field (trimmed) as one entry. Nothing when either side is blank.
pub fn align(field: FieldKind, source: &str, target: &str) -> Vec<Entry> {
    let en = segments(field, source);
    let zh = segments(field, target);
    if en.is_empty() || zh.is_empty() {
        return Vec::new();
    }
    if en.len() == zh.len() && en.iter().zip(&zh).all(|(e, z)| e.kind == z.kind) {
        return en
            .into_iter()
            .zip(zh)
            .map(|(e, z)| Entry::new(e.text, z.text))
            .collect();
    }
    vec![Entry::new(source.trim(), target.trim())]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(field: FieldKind, text: &str) -> Vec<(SegmentKind, &str)> {
        segments(field, text)
            .into_iter()
            .map(|s| {
                assert_eq!(&text[s.start..s.end], s.text);
                (s.kind, &text[s.start..s.end])
            })
            .collect()
    }

    #[test]
    fn a_title_is_one_segment() {
        assert_eq!(
            texts(FieldKind::Title, "  Rainier Cherries 5 lb Gift Box\n"),
            [(SegmentKind::Whole, "Rainier Cherries 5 lb Gift Box")]
        );
        assert_eq!(
            texts(FieldKind::ShortTitle, "雷尼尔樱桃礼盒"),
            [(SegmentKind::Whole, "雷尼尔樱桃礼盒")]
        );
        assert!(segments(FieldKind::Title, " \n ").is_empty());
    }

    #[test]
    fn selling_points_are_one_per_line_without_bullets() {
        let text = "• Hand-picked in Washington's Yakima Valley\r\n\n- Shipped overnight on ice\n★ 2 lb per box\n3. Kosher certified\n";
        assert_eq!(
            texts(FieldKind::SellingPoints, text),
            [
                (
                    SegmentKind::Line,
                    "Hand-picked in Washington's Yakima Valley"
                ),
                (SegmentKind::Line, "Shipped overnight on ice"),
                (SegmentKind::Line, "2 lb per box"),
                (SegmentKind::Line, "Kosher certified"),
            ]
        );
    }

    #[test]
    fn a_description_is_paragraphs_and_list_items() {
        let text = "Our Dungeness crab is caught off the Oregon coast.\nCooked and frozen within hours.\n\n\
                    What's inside:\n- 2 whole crabs\n- Crab cracker\n  and a pick\n• Recipe card\n\n\
                    1. Thaw overnight\n2) Steam 5 minutes\n\n1.5 lb per crab, on average.";
        assert_eq!(
            texts(FieldKind::Description, text),
            [
                (
                    SegmentKind::Paragraph,
                    "Our Dungeness crab is caught off the Oregon coast.\nCooked and frozen within hours."
                ),
                (SegmentKind::Paragraph, "What's inside:"),
                (SegmentKind::ListItem, "2 whole crabs"),
                (SegmentKind::ListItem, "Crab cracker\n  and a pick"),
                (SegmentKind::ListItem, "Recipe card"),
                (SegmentKind::ListItem, "Thaw overnight"),
                (SegmentKind::ListItem, "Steam 5 minutes"),
                (SegmentKind::Paragraph, "1.5 lb per crab, on average."),
            ]
        );
    }

    #[test]
    fn chinese_list_markers_are_recognised() {
        assert_eq!(
            texts(
                FieldKind::Description,
                "产品特点：\n1、新鲜直达\n①冷链运输\n- 2只整蟹"
            ),
            [
                (SegmentKind::Paragraph, "产品特点："),
                (SegmentKind::ListItem, "新鲜直达"),
                (SegmentKind::ListItem, "冷链运输"),
                (SegmentKind::ListItem, "2只整蟹"),
            ]
        );
    }

    #[test]
    fn a_dash_without_a_space_is_not_a_marker() {
        assert_eq!(
            texts(FieldKind::Description, "-20°F freezer safe"),
            [(SegmentKind::Paragraph, "-20°F freezer safe")]
        );
    }

    #[test]
    fn align_pairs_segments_when_the_counts_and_kinds_match() {
        let en = "Grade A Amber maple syrup from Vermont.\n\n- 12 fl oz glass bottle\n- Pure, no additives";
        let zh = "佛蒙特州A级琥珀色枫糖浆。\n\n- 355毫升玻璃瓶\n- 纯天然，无添加";
        let pairs = align(FieldKind::Description, en, zh);
        assert_eq!(
            pairs,
            [
                Entry::new(
                    "Grade A Amber maple syrup from Vermont.",
                    "佛蒙特州A级琥珀色枫糖浆。"
                ),
                Entry::new("12 fl oz glass bottle", "355毫升玻璃瓶"),
                Entry::new("Pure, no additives", "纯天然，无添加"),
            ]
        );
    }

    #[test]
    fn align_falls_back_to_the_whole_field() {
        let en = "Roasted pecans\nNo salt added\nResealable bag";
        let zh = "烘焙碧根果，无盐添加\n可重复密封袋装";
        assert_eq!(
            align(FieldKind::SellingPoints, en, zh),
            [Entry::new(en, zh)]
        );
        // same count, different kinds: a paragraph against a list item
        assert_eq!(
            align(FieldKind::Description, "Wild salmon.", "- 野生三文鱼。").len(),
            1
        );
        assert!(align(FieldKind::Title, "Wild Salmon", "  ").is_empty());
    }
}
