//! CC-CEDICT's numbered pinyin (`hua2 sheng4 dun4 zhou1`) written with tone marks
//! (`huáshèngdùnzhōu`).
//!
//! The mark goes on `a` or `e` when the syllable has one, on the `o` of `ou`, and otherwise on
//! the last vowel (the standard placement rule, cited in `docs/drafting.md`, section Gloss).
//! CEDICT writes `ü` as `u:` and the neutral tone as 5. Syllables of one headword are joined,
//! with an apostrophe before a syllable that starts with a, e or o (`xi1 an1` → `xī'ān`);
//! Latin letters and punctuation in a reading stay apart.

/// Tone-marked pinyin for one CEDICT reading (`Mei3 guo2` → `Měiguó`).
pub(crate) fn marked(numbered: &str) -> String {
    let mut out = String::with_capacity(numbered.len() + 4);
    let mut previous_was_syllable = false;
    for raw in numbered.split_whitespace() {
        match syllable(raw) {
            Some(s) => {
                if previous_was_syllable && starts_with_aeo(&s) {
                    out.push('\'');
                } else if !previous_was_syllable && !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(&s);
                previous_was_syllable = true;
            }
            None => {
                // "·" between names, "," in idioms, "-" in 4-character idioms, Latin letters.
                if matches!(raw, "-" | "·") {
                    out.push_str(if raw == "·" { " · " } else { "-" });
                    previous_was_syllable = false;
                    continue;
                }
                if !out.is_empty() && raw != "," {
                    out.push(' ');
                }
                out.push_str(raw);
                previous_was_syllable = false;
            }
        }
    }
    out.trim().to_owned()
}

fn starts_with_aeo(s: &str) -> bool {
    s.chars().next().is_some_and(|c| {
        matches!(
            c.to_ascii_lowercase(),
            'a' | 'e'
                | 'o'
                | 'ā'
                | 'á'
                | 'ǎ'
                | 'à'
                | 'ē'
                | 'é'
                | 'ě'
                | 'è'
                | 'ō'
                | 'ó'
                | 'ǒ'
                | 'ò'
        ) || matches!(
            c,
            'Ā' | 'Á' | 'Ǎ' | 'À' | 'Ē' | 'É' | 'Ě' | 'È' | 'Ō' | 'Ó' | 'Ǒ' | 'Ò'
        )
    })
}

/// One numbered syllable (`zhuang1`, `nu:3`, `r5`) with its tone mark, or `None` when `raw` is
/// not a pinyin syllable (a Latin letter such as the `D` of `3D`, punctuation).
fn syllable(raw: &str) -> Option<String> {
    let tone = raw.chars().last()?.to_digit(10)?;
    if !(1..=5).contains(&tone) {
        return None;
    }
    let body = &raw[..raw.len() - 1];
    if body.is_empty() || !body.chars().all(|c| c.is_ascii_alphabetic() || c == ':') {
        return None;
    }
    let mut letters: Vec<char> = Vec::with_capacity(body.len());
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        if matches!(c, 'u' | 'U' | 'v' | 'V') && chars.peek() == Some(&':') {
            chars.next();
            letters.push(if c.is_ascii_uppercase() { 'Ü' } else { 'ü' });
        } else if c == 'v' {
            letters.push('ü');
        } else if c == ':' {
            return None;
        } else {
            letters.push(c);
        }
    }
    if tone == 5 {
        return Some(letters.into_iter().collect());
    }
    let lower: Vec<char> = letters
        .iter()
        .map(|c| c.to_lowercase().next().unwrap_or(*c))
        .collect();
    let position = lower
        .iter()
        .position(|&c| c == 'a')
        .or_else(|| lower.iter().position(|&c| c == 'e'))
        .or_else(|| lower.windows(2).position(|w| w == ['o', 'u']))
        .or_else(|| {
            lower
                .iter()
                .rposition(|&c| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'ü'))
        });
    let Some(position) = position else {
        // m2, n2, ng2 (interjections): no vowel to mark; keep the letters.
        return Some(letters.into_iter().collect());
    };
    letters[position] = mark(letters[position], tone);
    Some(letters.into_iter().collect())
}

fn mark(vowel: char, tone: u32) -> char {
    const TABLE: [(char, [char; 4]); 12] = [
        ('a', ['ā', 'á', 'ǎ', 'à']),
        ('e', ['ē', 'é', 'ě', 'è']),
        ('i', ['ī', 'í', 'ǐ', 'ì']),
        ('o', ['ō', 'ó', 'ǒ', 'ò']),
        ('u', ['ū', 'ú', 'ǔ', 'ù']),
        ('ü', ['ǖ', 'ǘ', 'ǚ', 'ǜ']),
        ('A', ['Ā', 'Á', 'Ǎ', 'À']),
        ('E', ['Ē', 'É', 'Ě', 'È']),
        ('I', ['Ī', 'Í', 'Ǐ', 'Ì']),
        ('O', ['Ō', 'Ó', 'Ǒ', 'Ò']),
        ('U', ['Ū', 'Ú', 'Ǔ', 'Ù']),
        ('Ü', ['Ǖ', 'Ǘ', 'Ǚ', 'Ǜ']),
    ];
    let index = (tone as usize).saturating_sub(1).min(3);
    TABLE
        .iter()
        .find(|(plain, _)| *plain == vowel)
        .map_or(vowel, |(_, marked)| marked[index])
}

#[cfg(test)]
mod tests {
    use super::marked;

    #[test]
    fn tone_marks_follow_the_placement_rule() {
        assert_eq!(marked("Mei3 guo2"), "Měiguó");
        assert_eq!(marked("Hua2 sheng4 dun4 zhou1"), "Huáshèngdùnzhōu");
        assert_eq!(marked("che1 li2 zi5"), "chēlízi");
        assert_eq!(marked("nu:3"), "nǚ");
        assert_eq!(marked("lu:e4"), "lüè");
        assert_eq!(marked("gui4"), "guì");
        assert_eq!(marked("liu2"), "liú");
        assert_eq!(marked("dou4"), "dòu");
        assert_eq!(marked("xi1 an1"), "xī'ān");
        assert_eq!(marked("san1 D da3 yin4"), "sān D dǎyìn");
        assert_eq!(marked("m2"), "m");
    }
}
