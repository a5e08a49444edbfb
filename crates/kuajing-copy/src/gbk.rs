//! GBK units and characters GBK cannot encode.

use std::sync::LazyLock;

use encoding_rs::{EncoderResult, GBK};

use crate::invisible;
use crate::traditional::is_han;
use crate::{Finding, Severity, codes, fix_kinds, removal_span};

/// GBK units of every BMP character (0 = GBK cannot encode it), asked of encoding_rs once:
/// its GBK encoder searches tables per character, which is too slow for a keystroke on a long
/// description.
static BMP: LazyLock<Vec<u8>> = LazyLock::new(|| {
    (0..=0xFFFF_u32)
        .map(|cp| match char::from_u32(cp) {
            Some(c) => match encode(c) {
                (u, true) => u8::try_from(u).unwrap_or(2),
                (_, false) => 0,
            },
            None => 0,
        })
        .collect()
});

/// Builds the BMP table now (a few milliseconds).
pub(crate) fn warm_up() {
    LazyLock::force(&BMP);
}

/// GBK units of one character and whether GBK can encode it. An unencodable character counts
/// 2 (it would take at least that much once replaced, and it is reported anyway).
pub(crate) fn units(c: char) -> (u32, bool) {
    if c.is_ascii() {
        return (1, true);
    }
    match BMP.get(c as usize) {
        Some(0) => (2, false),
        Some(&u) => (u32::from(u), true),
        None => encode(c),
    }
}

fn encode(c: char) -> (u32, bool) {
    if c.is_ascii() {
        return (1, true);
    }
    let mut utf8 = [0u8; 4];
    let mut out = [0u8; 8];
    let mut encoder = GBK.new_encoder();
    let (result, _read, written) =
        encoder.encode_from_utf8_without_replacement(c.encode_utf8(&mut utf8), &mut out, true);
    match result {
        // encoding_rs's GBK writes 1 byte for ASCII and U+20AC (€), 2 for the rest.
        EncoderResult::InputEmpty => (u32::try_from(written).unwrap_or(2), true),
        EncoderResult::Unmappable(_) | EncoderResult::OutputFull => (2, false),
    }
}

/// Parts of an emoji sequence that belong to the character before them.
fn is_extender(c: char) -> bool {
    matches!(
        c,
        '\u{200D}'                       // zero-width joiner
        | '\u{FE00}'..='\u{FE0F}'        // variation selectors
        | '\u{20E3}'                     // combining enclosing keycap
        | '\u{1F3FB}'..='\u{1F3FF}'      // skin tones
        | '\u{E0020}'..='\u{E007F}' // tags (subdivision flags)
    )
}

fn is_regional_indicator(c: char) -> bool {
    ('\u{1F1E6}'..='\u{1F1FF}').contains(&c)
}

/// Characters outside GBK that stand for something GBK has, and what to write instead: the
/// wave dash 〜 (U+301C, which Japanese input methods type) for the full-width tilde ～
/// (U+FF5E), vulgar fractions, squared units, Western bullets and guillemets. Each replacement
/// is GBK (a test checks both sides).
const LOOKALIKES: &[(char, &str)] = &[
    ('\u{301C}', "～"), // 〜 wave dash
    ('\u{223C}', "～"), // ∼ tilde operator
    ('\u{02DC}', "～"), // ˜ small tilde
    ('\u{00BD}', "1/2"),
    ('\u{00BC}', "1/4"),
    ('\u{00BE}', "3/4"),
    ('\u{2153}', "1/3"),
    ('\u{2154}', "2/3"),
    ('\u{215B}', "1/8"),
    ('\u{3396}', "ml"), // ㎖
    ('\u{3397}', "dl"), // ㎗
    ('\u{3398}', "kl"), // ㎘
    ('\u{2113}', "L"),  // ℓ script small l, used for litre
    ('\u{00B5}', "μ"),  // µ micro sign → Greek mu
    ('\u{2022}', "·"),  // • bullet
    ('\u{30FB}', "·"),  // ・ katakana middle dot
    ('\u{FF65}', "·"),  // ･ half-width katakana middle dot
    ('\u{2027}', "·"),  // ‧ hyphenation point
    ('\u{2219}', "·"),  // ∙ bullet operator
    ('\u{22C5}', "·"),  // ⋅ dot operator
    ('\u{00AB}', "《"), // «
    ('\u{00BB}', "》"), // »
    ('\u{2039}', "〈"), // ‹
    ('\u{203A}', "〉"), // ›
    ('\u{201E}', "“"),  // „
    ('\u{22EF}', "…"),  // ⋯
    ('\u{2044}', "/"),  // ⁄ fraction slash
    ('\u{00A5}', "￥"), // ¥ half-width yen sign
    ('\u{2011}', "-"),  // non-breaking hyphen
    ('\u{2012}', "-"),  // figure dash
    ('\u{FF61}', "。"), // ｡ half-width ideographic full stop
    ('\u{FF62}', "「"),
    ('\u{FF63}', "」"),
    ('\u{FF64}', "、"),
    ('\u{2715}', "×"), // ✕ multiplication x
    ('\u{00B2}', "2"), // ² superscript two (cm²)
    ('\u{00B3}', "3"), // ³
];

/// The GBK lookalike of a character outside GBK, if it has one.
pub(crate) fn lookalike(c: char) -> Option<&'static str> {
    LOOKALIKES
        .iter()
        .find_map(|&(from, to)| (from == c).then_some(to))
}

/// One finding per unencodable or invisible character, except that an emoji sequence is one
/// finding: a ZWJ sequence (👨‍👩‍👧), a character with its variation selector, skin tone or
/// keycap (❤️, 👍🏽, 1️⃣, where the encodable base "1" is included in the span), a flag (🇺🇸).
///
/// - A span of invisible characters only is `invisible-char` (args `codepoint`, `name`,
///   `name_zh`; fixes: a space for a space-like one, then `remove`).
/// - Anything else is `non-gbk-char`: args `char` (the whole sequence), `codepoint` ("U+1F352",
///   or "U+0031 U+FE0F U+20E3") and `kind`: `lookalike` (with `suggestion`, the GBK character
///   that looks the same, and a `replace-char` fix), `han` (a rare CJK character: no fix, it
///   must be reworded) or `other` (emoji and symbols: a `remove` fix).
pub(crate) fn non_gbk_findings(chars: &[char], unencodable: &[usize]) -> Vec<Finding> {
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for &i in unencodable {
        let Some(&c) = chars.get(i) else { continue };
        if let Some(last) = spans.last_mut()
            && last.1 == i
        {
            let prev = chars.get(i.wrapping_sub(1)).copied();
            let single_flag_half = last.1 - last.0 == 1
                && chars
                    .get(last.0)
                    .copied()
                    .is_some_and(is_regional_indicator);
            let after_emoji = !chars
                .get(last.0..last.1)
                .unwrap_or_default()
                .iter()
                .all(|&c| invisible::is_invisible(c));
            if (is_extender(c) && (after_emoji || c == '\u{200D}'))
                || prev == Some('\u{200D}')
                || (is_regional_indicator(c) && single_flag_half)
            {
                last.1 = i + 1;
                continue;
            }
        }
        // An extender after an encodable base (the "1" of 1️⃣) takes the base along; after a
        // letter or a Han character it is a stray invisible character.
        let base = i.checked_sub(1).and_then(|b| chars.get(b).copied());
        let start = if is_extender(c)
            && c != '\u{200D}'
            && base.is_some_and(|b| !b.is_alphabetic() && !b.is_whitespace())
        {
            i - 1
        } else {
            i
        };
        spans.push((start, i + 1));
    }
    spans
        .into_iter()
        .map(|(start, end)| {
            let seq = chars.get(start..end).unwrap_or_default();
            let points: Vec<String> = seq.iter().map(|c| format!("U+{:04X}", *c as u32)).collect();
            let points = points.join(" ");
            let (start_fix, end_fix) = removal_span(chars, start, end);
            if let Some(&first) = seq.first()
                && seq.iter().all(|&c| invisible::is_invisible(c))
            {
                let (name, name_zh) = invisible::name(first);
                let mut f = Finding::new(codes::INVISIBLE_CHAR, Severity::Error, start, end)
                    .arg("codepoint", points)
                    .arg("name", name)
                    .arg("name_zh", name_zh);
                if seq.iter().all(|&c| invisible::is_space(c)) {
                    f = f.fix(fix_kinds::REPLACE_CHAR, start, end, " ");
                }
                return f.fix(fix_kinds::REMOVE, start_fix, end_fix, "");
            }
            let text: String = seq.iter().collect();
            let f = Finding::new(codes::NON_GBK_CHAR, Severity::Error, start, end)
                .arg("char", text)
                .arg("codepoint", points);
            let single = match seq {
                [c] => Some(*c),
                _ => None,
            };
            if let Some(to) = single.and_then(lookalike) {
                f.arg("kind", "lookalike").arg("suggestion", to).fix(
                    fix_kinds::REPLACE_CHAR,
                    start,
                    end,
                    to,
                )
            } else if single.is_some_and(is_han) {
                f.arg("kind", "han")
            } else {
                f.arg("kind", "other")
                    .fix(fix_kinds::REMOVE, start_fix, end_fix, "")
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookalikes_map_from_outside_gbk_to_inside() {
        for &(from, to) in LOOKALIKES {
            assert!(!encode(from).1, "{from:?} is GBK");
            assert!(!to.is_empty());
            assert!(to.chars().all(|c| encode(c).1), "{to:?} is not GBK");
            assert_eq!(LOOKALIKES.iter().filter(|(f, _)| *f == from).count(), 1);
        }
    }

    /// The invisible-char message says GBK cannot encode them: true of every one.
    #[test]
    fn invisible_characters_are_outside_gbk() {
        let invisible: Vec<char> = (0..=0x10FFFF_u32)
            .filter_map(char::from_u32)
            .filter(|&c| invisible::is_invisible(c))
            .collect();
        assert!(invisible.len() > 4000, "{}", invisible.len());
        for c in invisible {
            assert!(!units(c).1, "U+{:04X} is GBK", c as u32);
        }
    }
}
