//! GBK units and characters GBK cannot encode.

use std::sync::LazyLock;

use encoding_rs::{EncoderResult, GBK};

use crate::{Finding, Severity, codes};

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

/// One `non-gbk-char` finding per unencodable character, except that an emoji sequence is one
/// finding: a ZWJ sequence (👨‍👩‍👧), a character with its variation selector, skin tone or
/// keycap (❤️, 👍🏽, 1️⃣, where the encodable base "1" is included in the span), a flag (🇺🇸).
/// `char` is the whole sequence, `codepoint` its code points ("U+1F352", or
/// "U+0031 U+FE0F U+20E3").
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
            if is_extender(c)
                || prev == Some('\u{200D}')
                || (is_regional_indicator(c) && single_flag_half)
            {
                last.1 = i + 1;
                continue;
            }
        }
        // An extender after an encodable base (the "1" of 1️⃣) takes the base along.
        let start = if is_extender(c) && c != '\u{200D}' && i > 0 {
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
            let text: String = seq.iter().collect();
            let points: Vec<String> = seq.iter().map(|c| format!("U+{:04X}", *c as u32)).collect();
            Finding::new(codes::NON_GBK_CHAR, Severity::Error, start, end)
                .arg("char", text)
                .arg("codepoint", points.join(" "))
        })
        .collect()
}
