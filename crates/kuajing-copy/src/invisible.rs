//! Invisible characters: they take up room in a title (and GBK cannot encode most of them),
//! break search and duplicate checks, and are usually pasted in from a web page or a word
//! processor without the merchant knowing.
//!
//! The set is Unicode's `Default_Ignorable_Code_Point` (DerivedCoreProperties.txt: zero-width
//! space, joiners, direction marks, the byte-order mark, variation selectors, tags ...), the
//! other format characters (U+FFF9–FFFB), the C1 controls (left by a wrong Windows-1252
//! decode), the line and paragraph separators, and the space separators other than the
//! ordinary and the ideographic space (no-break, thin, figure, narrow no-break ...), which look
//! like a space but are not one.

/// A space that is not U+0020 or U+3000 (Unicode general category Zs): a fix writes a space.
pub(crate) fn is_space(c: char) -> bool {
    matches!(
        c,
        '\u{00A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}'
    )
}

/// Is `c` invisible (see the module docs)?
pub(crate) fn is_invisible(c: char) -> bool {
    if c.is_ascii() {
        return false;
    }
    is_space(c)
        || matches!(
            c,
            '\u{0080}'..='\u{009F}'
                | '\u{00AD}'
                | '\u{034F}'
                | '\u{061C}'
                | '\u{115F}'..='\u{1160}'
                | '\u{17B4}'..='\u{17B5}'
                | '\u{180B}'..='\u{180F}'
                | '\u{200B}'..='\u{200F}'
                | '\u{2028}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}'
                | '\u{3164}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{FEFF}'
                | '\u{FFA0}'
                | '\u{FFF0}'..='\u{FFFB}'
                | '\u{1BCA0}'..='\u{1BCA3}'
                | '\u{1D173}'..='\u{1D17A}'
                | '\u{E0000}'..='\u{E0FFF}'
        )
}

/// English and Chinese names of an invisible character, for the message.
pub(crate) fn name(c: char) -> (&'static str, &'static str) {
    match c {
        '\u{00A0}' => ("no-break space", "不换行空格"),
        '\u{202F}' => ("narrow no-break space", "窄不换行空格"),
        '\u{2000}'..='\u{200A}' | '\u{1680}' | '\u{205F}' => {
            ("special-width space", "特殊宽度空格")
        }
        '\u{200B}' => ("zero-width space", "零宽空格"),
        '\u{200C}' => ("zero-width non-joiner", "零宽不连字"),
        '\u{200D}' => ("zero-width joiner", "零宽连字"),
        '\u{2060}' => ("word joiner", "零宽不换行符"),
        '\u{FEFF}' => (
            "byte-order mark (zero-width no-break space)",
            "字节顺序标记（零宽不换行空格）",
        ),
        '\u{00AD}' => ("soft hyphen", "软连字符"),
        '\u{200E}'
        | '\u{200F}'
        | '\u{061C}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}' => ("text-direction mark", "文字方向控制符"),
        '\u{2028}' => ("line separator", "行分隔符"),
        '\u{2029}' => ("paragraph separator", "段落分隔符"),
        '\u{FE00}'..='\u{FE0F}' => ("variation selector", "异体字选择符"),
        '\u{0080}'..='\u{009F}' => ("control character", "控制字符"),
        _ => ("invisible format character", "不可见的格式字符"),
    }
}
