//! Glossing real listing titles through the embedded jieba dictionary and CC-CEDICT.

use kuajing_gloss::{Gloss, Glosser, Source, Term, Token};

fn glosser() -> &'static Glosser {
    match Glosser::builtin() {
        Ok(g) => g,
        Err(e) => panic!("the builtin glosser must load: {e}"),
    }
}

/// A stand-in for kuajing-units' read-back: grams to pounds, anything else unknown.
fn grams_to_pounds(text: &str) -> Option<String> {
    let grams: f64 = text.strip_suffix('克')?.trim().parse().ok()?;
    Some(format!("{grams} g = {:.0} lb", grams / 453.592_37))
}

fn no_quantities(_: &str) -> Option<String> {
    None
}

fn find<'a>(tokens: &'a [Token], text: &str) -> &'a Token {
    match tokens.iter().find(|t| t.text == text) {
        Some(t) => t,
        None => panic!(
            "no token {text:?} in {:?}",
            tokens.iter().map(|t| &t.text).collect::<Vec<_>>()
        ),
    }
}

fn has_sense(token: &Token, needle: &str) -> bool {
    token.gloss.iter().any(|g| g.contains(needle))
}

/// Every token's text is the slice its char offsets name, tokens are in order and do not
/// overlap, and only whitespace lies between them.
fn assert_offsets(text: &str, tokens: &[Token]) {
    let chars: Vec<char> = text.chars().collect();
    let mut previous_end = 0;
    for t in tokens {
        assert!(t.start < t.end, "{t:?}");
        assert!(t.start >= previous_end, "{t:?} overlaps the token before");
        let between: String = chars[previous_end..t.start].iter().collect();
        assert!(
            between.trim().is_empty(),
            "{between:?} before {t:?} has no token"
        );
        let slice: String = chars[t.start..t.end].iter().collect();
        assert_eq!(slice, t.text);
        previous_end = t.end;
    }
    let rest: String = chars[previous_end..].iter().collect();
    assert!(rest.trim().is_empty(), "{rest:?} at the end has no token");
}

const CHERRIES: &str = "【美国直邮】华盛顿州车厘子 907克 礼盒装";

#[test]
fn a_real_title_reads_word_by_word() {
    let tokens = glosser().gloss(CHERRIES, &[], &grams_to_pounds);
    assert_offsets(CHERRIES, &tokens);

    let bracket = find(&tokens, "【");
    assert_eq!(bracket.source, Source::Punctuation);
    assert_eq!(bracket.gloss, ["["]);

    let usa = find(&tokens, "美国");
    assert_eq!(usa.source, Source::Dictionary);
    assert!(
        has_sense(usa, "United States") || has_sense(usa, "USA"),
        "{usa:?}"
    );
    assert_eq!(usa.pinyin.as_deref(), Some("Měiguó"));

    let washington = find(&tokens, "华盛顿州");
    assert!(has_sense(washington, "Washington"), "{washington:?}");

    let cherries = find(&tokens, "车厘子");
    assert_eq!(cherries.source, Source::Dictionary);
    assert!(cherries.gloss[0].contains("cherry"), "{cherries:?}");
    assert_eq!(cherries.pinyin.as_deref(), Some("chēlízi"));

    let weight = find(&tokens, "907克");
    assert_eq!(weight.source, Source::Quantity);
    assert_eq!(weight.gloss, ["907 g = 2 lb"]);
    assert_eq!(weight.pinyin, None);

    // 直邮 ("direct mail") is not a CC-CEDICT headword: whether jieba keeps it as one word or
    // not, every character of it is glossed, and a word glossed by parts says so.
    let direct: Vec<&Token> = tokens
        .iter()
        .filter(|t| t.start >= 3 && t.end <= 5)
        .collect();
    assert!(!direct.is_empty());
    for t in &direct {
        assert!(!t.gloss.is_empty(), "{t:?}");
        assert!(
            matches!(t.source, Source::Dictionary | Source::Parts),
            "{t:?}"
        );
    }
}

#[test]
fn a_word_the_dictionary_lacks_is_glossed_by_its_parts() {
    // 礼盒装 "in a gift box" is a jieba word or a run of words; none of it is left unglossed.
    let tokens = glosser().gloss("礼盒装", &[], &no_quantities);
    assert_offsets("礼盒装", &tokens);
    let all: Vec<&String> = tokens.iter().flat_map(|t| &t.gloss).collect();
    assert!(all.iter().any(|g| g.contains("gift")), "{tokens:?}");
    assert!(all.iter().any(|g| g.contains("box")), "{tokens:?}");
    for t in tokens.iter().filter(|t| t.source == Source::Parts) {
        assert!(
            t.gloss[0].contains(" + "),
            "a parts gloss joins its parts: {t:?}"
        );
        // One line per part after the summary, naming the part: together they spell the word.
        let parts: String = t.gloss[1..]
            .iter()
            .filter_map(|line| line.split(' ').next())
            .collect();
        assert_eq!(parts, t.text, "{t:?}");
    }
}

#[test]
fn glossary_terms_win_over_segmentation_and_dictionary() {
    let terms = [
        Term::new("礼盒装", "in a gift box"),
        Term::new("车厘子", "sweet cherries"),
        // A term that cuts across jieba's words: 州车 is no word.
        Term::new("州车", "test crossing"),
    ];
    let text = "华盛顿州车厘子礼盒装";
    let tokens = glosser().gloss(text, &terms[..2], &no_quantities);
    assert_offsets(text, &tokens);
    let gift = find(&tokens, "礼盒装");
    assert_eq!(gift.source, Source::Glossary);
    assert_eq!(gift.gloss[0], "in a gift box");
    let cherries = find(&tokens, "车厘子");
    assert_eq!(cherries.source, Source::Glossary);
    assert_eq!(cherries.gloss[0], "sweet cherries");
    // CC-CEDICT's senses follow the glossary's English for the hover.
    assert!(
        cherries.gloss[1..].iter().any(|g| g.contains("cherry")),
        "{cherries:?}"
    );

    // The longest term starting at a position wins, even across jieba's word boundaries.
    let tokens = glosser().gloss(text, &terms, &no_quantities);
    assert_offsets(text, &tokens);
    let crossing = find(&tokens, "州车");
    assert_eq!(crossing.source, Source::Glossary);
    assert!(
        tokens
            .iter()
            .all(|t| t.text != "车厘子" && t.text != "华盛顿州")
    );
    let longer = [
        Term::new("礼盒", "gift box"),
        Term::new("礼盒装", "in a gift box"),
    ];
    let tokens = glosser().gloss("礼盒装", &longer, &no_quantities);
    assert_eq!(tokens.len(), 1);
    assert_eq!(tokens[0].gloss[0], "in a gift box");
}

#[test]
fn quantities_ask_the_callback_once_per_number_and_unit() {
    let text = "净含量2.27千克，冷藏4°C，长30.5厘米，2-3kg";
    let asked = std::cell::RefCell::new(Vec::new());
    let callback = |q: &str| {
        asked.borrow_mut().push(q.to_owned());
        Some(format!("<{q}>"))
    };
    let tokens = glosser().gloss(text, &[], &callback);
    assert_offsets(text, &tokens);
    assert_eq!(*asked.borrow(), ["2.27千克", "4°C", "30.5厘米", "2-3kg"]);
    for q in ["2.27千克", "4°C", "30.5厘米", "2-3kg"] {
        let t = find(&tokens, q);
        assert_eq!(t.source, Source::Quantity);
        assert_eq!(t.gloss, [format!("<{q}>")]);
    }
}

#[test]
fn a_quantity_the_callback_cannot_read_is_glossed_apart() {
    let text = "907克 礼盒装";
    let tokens = glosser().gloss(text, &[], &no_quantities);
    assert_offsets(text, &tokens);
    let number = find(&tokens, "907");
    assert_eq!(number.source, Source::Literal);
    assert_eq!(number.gloss, ["907"]);
    let unit = find(&tokens, "克");
    // The unit's name first, then CC-CEDICT's senses of the character.
    assert_eq!(unit.gloss[0], "gram");
    assert!(unit.gloss.len() > 1);
    assert_eq!(unit.pinyin.as_deref(), Some("kè"));
}

#[test]
fn offsets_count_characters_outside_the_bmp() {
    // 𠮷 (U+20BB7) is one character, two UTF-16 units and four UTF-8 bytes.
    let text = "𠮷野家🍒车厘子 500克";
    let tokens = glosser().gloss(text, &[Term::new("野家", "Noya")], &grams_to_pounds);
    assert_offsets(text, &tokens);
    let noya = find(&tokens, "野家");
    assert_eq!((noya.start, noya.end), (1, 3));
    let cherries = find(&tokens, "车厘子");
    assert_eq!((cherries.start, cherries.end), (4, 7));
    let weight = find(&tokens, "500克");
    assert_eq!((weight.start, weight.end), (8, 12));
    assert_eq!(weight.gloss, ["500 g = 1 lb"]);
    let emoji = find(&tokens, "🍒");
    assert_eq!(emoji.source, Source::Punctuation);
}

#[test]
fn latin_words_and_punctuation_pass_through() {
    let text = "Apple iPhone 15 Pro 手机壳，防摔、透明";
    let tokens = glosser().gloss(text, &[], &no_quantities);
    assert_offsets(text, &tokens);
    for word in ["Apple", "iPhone", "15", "Pro"] {
        let t = find(&tokens, word);
        assert_eq!(t.source, Source::Literal);
        assert_eq!(t.gloss, [word]);
    }
    assert_eq!(find(&tokens, "，").gloss, [","]);
    assert_eq!(find(&tokens, "、").gloss, [","]);
    let phone: Vec<&Token> = tokens.iter().filter(|t| t.text.contains('手')).collect();
    assert!(
        phone
            .iter()
            .any(|t| t.gloss.iter().any(|g| g.contains("phone"))),
        "{phone:?}"
    );
}

#[test]
fn senses_come_common_first_and_without_dictionary_notes() {
    let tokens = glosser().gloss("美 克 瓶 双", &[], &no_quantities);
    // 美 alone: the common word (beautiful) before the proper noun (the Americas, USA).
    assert_eq!(find(&tokens, "美").gloss[0], "beautiful");
    assert!(find(&tokens, "美").gloss.iter().any(|g| g.contains("USA")));
    // 克 on a product page means gram (assets/cedict/preferred.toml).
    assert_eq!(find(&tokens, "克").gloss[0], "gram");
    // No classifier lists, no Chinese characters in cross-references.
    for t in &tokens {
        for g in &t.gloss {
            assert!(!g.starts_with("CL:"), "{t:?}");
            assert!(
                !g.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c)),
                "{t:?}"
            );
        }
    }
    // 双 has a variant-only entry and a surname entry before "two; double; pair" in the file.
    assert_eq!(find(&tokens, "双").gloss[0], "two");
}

#[test]
fn every_preferred_sense_exists_in_the_dictionary() {
    // Keeps assets/cedict/preferred.toml in step with the embedded CC-CEDICT after an update.
    let text = "克 装 码 号 升 寸 斤 款 送 合";
    let tokens = glosser().gloss(text, &[], &no_quantities);
    let expected_first = [
        ("克", "gram"),
        ("装", "to pack"),
        ("码", "(clothing) size"),
        ("号", "size"),
        ("升", "liter"),
        ("寸", "inch"),
        ("斤", "(PRC) weight equal to 500 g"),
        ("款", "classifier for versions or models (of a product)"),
        ("送", "to give (as a present)"),
        ("合", "to join"),
    ];
    for (word, first) in expected_first {
        assert_eq!(find(&tokens, word).gloss[0], first, "{word}");
    }
    // The reading follows the sense: 合 "to join" is hé (CC-CEDICT lists gě, a grain
    // measure, first).
    assert_eq!(find(&tokens, "合").pinyin.as_deref(), Some("hé"));
}

#[test]
fn the_dictionary_is_the_release_the_readme_names() {
    let readme = include_str!("../../../assets/cedict/README.md");
    let g = glosser();
    assert!(
        readme.contains(g.dictionary_date()),
        "README must name release {}",
        g.dictionary_date()
    );
    assert!(g.dictionary_entries() > 100_000);
}

#[test]
fn json_has_the_cli_shape() {
    let tokens = glosser().gloss("车厘子", &[], &no_quantities);
    let json = match serde_json::to_value(Gloss { tokens }) {
        Ok(v) => v,
        Err(e) => panic!("{e}"),
    };
    let token = &json["tokens"][0];
    assert_eq!(token["text"], "车厘子");
    assert_eq!(token["start"], 0);
    assert_eq!(token["end"], 3);
    assert_eq!(token["source"], "dictionary");
    assert_eq!(token["pinyin"], "chēlízi");
    assert!(token["gloss"].is_array());
}

#[test]
fn empty_and_blank_text_have_no_tokens() {
    assert!(glosser().gloss("", &[], &no_quantities).is_empty());
    assert!(
        glosser()
            .gloss("  \n ", &[Term::new("", "nothing")], &no_quantities)
            .is_empty()
    );
}

/// The callback the app passes: kuajing-units' read-back of a quantity that covers the whole
/// token.
fn units_read_back(text: &str) -> Option<String> {
    let units = kuajing_units::Units::builtin().ok()?;
    let length = text.chars().count();
    let q = units
        .find(text)
        .into_iter()
        .find(|q| q.start == 0 && q.end == length && q.value.is_some())?;
    Some(units.read_back(&q))
}

#[test]
fn quantity_tokens_are_what_kuajing_units_reads_back() {
    let text = "【美国直邮】华盛顿州车厘子 907克 礼盒装 2.27千克 冷藏4°C 长30.5厘米 2-3kg 500ml";
    let tokens = glosser().gloss(text, &[], &units_read_back);
    assert_offsets(text, &tokens);
    assert_eq!(find(&tokens, "907克").gloss, ["907 g = 2 lb"]);
    for q in ["2.27千克", "4°C", "30.5厘米", "2-3kg", "500ml"] {
        let t = find(&tokens, q);
        assert_eq!(t.source, Source::Quantity, "{t:?}");
        assert!(t.gloss[0].contains(" = "), "{t:?}");
    }
}
