//! Behaviour of the copy checks, through the public API.

use std::sync::LazyLock;

use kuajing_copy::{Check, Checker, Context, Field, Finding, Severity, codes, gbk_units};

static CHECKER: LazyLock<Checker> =
    LazyLock::new(|| Checker::builtin().expect("built-in term list"));

fn title(text: &str) -> Check {
    CHECKER.check(text, Field::Title, Some(60))
}

fn desc(text: &str) -> Check {
    CHECKER.check(text, Field::Description, None)
}

fn with_code<'a>(check: &'a Check, code: &str) -> Vec<&'a Finding> {
    check.findings.iter().filter(|f| f.code == code).collect()
}

fn only<'a>(check: &'a Check, code: &str) -> &'a Finding {
    let found = with_code(check, code);
    assert_eq!(
        found.len(),
        1,
        "expected one {code}, got {:#?}",
        check.findings
    );
    found[0]
}

fn arg<'a>(f: &'a Finding, key: &str) -> &'a str {
    f.args
        .get(key)
        .map(String::as_str)
        .unwrap_or_else(|| panic!("no arg {key} in {f:?}"))
}

/// The characters a finding covers.
fn covered(text: &str, f: &Finding) -> String {
    text.chars().skip(f.start).take(f.end - f.start).collect()
}

// ---------------------------------------------------------------- GBK units

#[test]
fn gbk_units_count_ascii_one_and_everything_else_two() {
    assert_eq!(gbk_units(""), 0);
    assert_eq!(gbk_units("abc 123"), 7);
    assert_eq!(gbk_units("中"), 2);
    assert_eq!(gbk_units("中国"), 4);
    for p in ["【", "】", "，", "（", "）", "：", "、", "。", "“", "！"] {
        assert_eq!(gbk_units(p), 2, "{p}");
    }
    assert_eq!(gbk_units("【美国直邮】"), 12);
    assert_eq!(gbk_units("🍒"), 2);
    assert_eq!(gbk_units("a🍒b"), 4);
    // U+20AC is one byte in encoding_rs's GBK (0x80).
    assert_eq!(gbk_units("€"), 1);
}

#[test]
fn check_reports_units_and_limit() {
    let c = title("美国Jif花生酱");
    assert_eq!(c.units, 2 * 2 + 3 + 3 * 2);
    assert_eq!(c.limit, Some(60));
    assert_eq!(desc("美国").limit, None);
}

// ---------------------------------------------------------------- title-too-long

#[test]
fn title_of_exactly_the_limit_is_fine() {
    let t = "樱".repeat(30);
    let c = title(&t);
    assert_eq!(c.units, 60);
    assert!(with_code(&c, codes::TITLE_TOO_LONG).is_empty());
}

#[test]
fn title_one_unit_over_is_an_error_covering_the_overflow() {
    let t = format!("{}a", "樱".repeat(30));
    let c = title(&t);
    assert_eq!(c.units, 61);
    let f = only(&c, codes::TITLE_TOO_LONG);
    assert_eq!(f.severity, Severity::Error);
    assert_eq!((f.start, f.end), (30, 31));
    assert_eq!(arg(f, "units"), "61");
    assert_eq!(arg(f, "limit"), "60");
}

#[test]
fn a_double_unit_char_straddling_the_limit_is_past_it() {
    // 59 ASCII units, then 中 (units 60-61) and 国.
    let t = format!("{}中国", "a".repeat(59));
    let c = title(&t);
    assert_eq!(c.units, 63);
    let f = only(&c, codes::TITLE_TOO_LONG);
    assert_eq!((f.start, f.end), (59, 61));
    assert_eq!(covered(&t, f), "中国");
}

#[test]
fn no_length_check_for_descriptions_or_without_a_limit() {
    let t = "樱".repeat(100);
    assert!(with_code(&desc(&t), codes::TITLE_TOO_LONG).is_empty());
    assert!(
        with_code(
            &CHECKER.check(&t, Field::Title, None),
            codes::TITLE_TOO_LONG
        )
        .is_empty()
    );
    // Tmall books: 120.
    assert!(
        with_code(
            &CHECKER.check(&t, Field::Title, Some(120)),
            codes::TITLE_TOO_LONG
        )
        .len()
            == 1
    );
    assert!(
        with_code(
            &CHECKER.check(&t[..60 * 3], Field::Title, Some(120)),
            codes::TITLE_TOO_LONG
        )
        .is_empty()
    );
}

// ---------------------------------------------------------------- banned-term

#[test]
fn banned_term_with_offsets_after_emoji_and_cjk() {
    let t = "🍒美国最佳樱桃";
    let c = title(t);
    let f = only(&c, codes::BANNED_TERM);
    assert_eq!((f.start, f.end), (3, 5));
    assert_eq!(covered(t, f), "最佳");
    assert_eq!(f.severity, Severity::Error);
    assert_eq!(arg(f, "term"), "最佳");
    assert_eq!(arg(f, "law"), "广告法第九条第三项");
    assert_eq!(arg(f, "law_en"), "Advertising Law art. 9(3)");
    assert!(!arg(f, "reason").is_empty());
    assert!(!arg(f, "reason_zh").is_empty());
}

#[test]
fn longest_term_wins_without_overlapping_duplicates() {
    let t = "史上最低价，全网第一";
    let c = desc(t);
    let terms: Vec<&str> = with_code(&c, codes::BANNED_TERM)
        .iter()
        .map(|f| arg(f, "term"))
        .collect();
    assert_eq!(terms, ["史上最低价", "全网第一"]);
    let f = with_code(&c, codes::BANNED_TERM)[1];
    assert_eq!((f.start, f.end), (6, 10));
}

#[test]
fn bare_zui_is_a_warning_multi_char_zui_terms_are_errors() {
    let c = desc("最新款");
    let f = only(&c, codes::BANNED_TERM);
    assert_eq!(arg(f, "term"), "最");
    assert_eq!(f.severity, Severity::Warning);
    assert!(arg(f, "reason").contains("trademark"));

    let c = desc("最受欢迎的最好礼物");
    let found = with_code(&c, codes::BANNED_TERM);
    assert_eq!(found.len(), 2);
    assert!(found.iter().all(|f| f.severity == Severity::Error));
    assert_eq!(arg(found[0], "term"), "最受欢迎");
    assert_eq!(arg(found[1], "term"), "最好");
}

#[test]
fn exceptions_lower_a_term_to_a_warning_never_hide_it() {
    for (t, term, kind, phrase) in [
        (
            "最佳食用期：开封后7天",
            "最佳",
            "consumer-tip",
            "最佳食用期",
        ),
        ("最佳赏味期30天", "最佳", "consumer-tip", "最佳赏味期"),
        ("最佳冲调水温70℃", "最佳", "consumer-tip", "最佳冲调水温"),
        ("第一步：摇匀", "第一", "consumer-tip", "第一步"),
        ("第一次使用前请清洗", "第一", "consumer-tip", "第一次"),
        ("婴儿配方奶粉 第一阶段", "第一", "stage", "第一阶段"),
        ("第一代体脂秤", "第一", "stage", "第一代"),
        ("USDA Prime 极佳级 牛排", "极佳", "standard-grade", "极佳级"),
        ("最大承重50kg", "最大", "consumer-tip", "最大承重"),
    ] {
        let c = desc(t);
        let f = only(&c, codes::BANNED_TERM);
        assert_eq!(f.severity, Severity::Warning, "{t}");
        assert_eq!(arg(f, "term"), term, "{t}");
        assert_eq!(covered(t, f), term, "{t}");
        assert_eq!(arg(f, "exception"), kind, "{t}");
        assert_eq!(arg(f, "phrase"), phrase, "{t}");
        assert!(arg(f, "basis").contains("2023"), "{t}");
        assert!(!arg(f, "exception_reason").is_empty());
        assert!(!arg(f, "exception_reason_zh").is_empty());
        assert!(!arg(f, "basis_en").is_empty());
    }
    // The exception does not hide a real term next to it.
    let c = desc("最佳食用期内最好吃");
    let found = with_code(&c, codes::BANNED_TERM);
    assert_eq!(found.len(), 2);
    assert_eq!(arg(found[1], "term"), "最好");
    assert_eq!(found[1].severity, Severity::Error);
    assert_eq!(arg(found[1], "exception"), "none");
    assert_eq!(found[1].start, 6);
    // Near misses are not exceptions: a taste claim, a rank.
    for t in ["最佳口感", "行业第一", "第一品牌"] {
        let c = desc(t);
        let f = only(&c, codes::BANNED_TERM);
        assert_eq!(f.severity, Severity::Error, "{t}");
        assert_eq!(arg(f, "exception"), "none", "{t}");
    }
    // Standard grades with no term in them are clean.
    for t in [
        "特级初榨橄榄油",
        "一级 花生油",
        "特级 加州核桃",
        "第1代",
        "1段奶粉",
    ] {
        assert!(desc(t).findings.is_empty(), "{t}: {:?}", desc(t).findings);
    }
    let kinds: Vec<&str> = CHECKER
        .exceptions()
        .iter()
        .map(|e| e.kind.as_str())
        .collect();
    assert_eq!(kinds, ["consumer-tip", "standard-grade", "stage", "brand"]);
    assert!(CHECKER.allow().is_empty());
}

#[test]
fn brand_names_lower_absolute_terms_to_warnings() {
    let t = "Champion冠军 重磅纯棉卫衣";
    // Without the merchant's brand names: an error.
    let f = only(&title(t), codes::BANNED_TERM).clone();
    assert_eq!(f.severity, Severity::Error);
    // With them: a warning naming the brand.
    let ctx = Context::new().with_brands(["Champion", "冠军", " ", "冠军"]);
    assert_eq!(ctx.brands(), ["Champion", "冠军"]);
    let c = CHECKER.check_with(t, Field::Title, Some(60), &ctx);
    let f = only(&c, codes::BANNED_TERM);
    assert_eq!(f.severity, Severity::Warning);
    assert_eq!(arg(f, "exception"), "brand");
    assert_eq!(arg(f, "phrase"), "冠军");
    // A longer claim around the brand is not the brand.
    let c = CHECKER.check_with("冠军 销量冠军", Field::Title, Some(60), &ctx);
    let found = with_code(&c, codes::BANNED_TERM);
    assert_eq!(found.len(), 2);
    assert_eq!(found[0].severity, Severity::Warning);
    assert_eq!(found[1].severity, Severity::Error);
    // Brand names match case-insensitively and full-width.
    let ctx = Context::new().with_brands(["Best Choice 最佳选择"]);
    let c = CHECKER.check_with("BEST CHOICE 最佳选择 混合坚果", Field::Title, None, &ctx);
    assert_eq!(only(&c, codes::BANNED_TERM).severity, Severity::Warning);
    // Medical terms are not lowered by a brand.
    let ctx = Context::new().with_brands(["祖传"]);
    let c = CHECKER.check_with("祖传牛肉干", Field::Title, None, &ctx);
    assert_eq!(only(&c, codes::BANNED_TERM).severity, Severity::Error);
    // Heuristics: X牌 and a trademark sign.
    for (t, phrase) in [("永久牌自行车", "永久牌"), ("冠军™卫衣", "冠军™")] {
        let c = title(t);
        let f = only(&c, codes::BANNED_TERM);
        assert_eq!(f.severity, Severity::Warning, "{t}");
        assert_eq!(arg(f, "exception"), "brand", "{t}");
        assert_eq!(arg(f, "phrase"), phrase, "{t}");
    }
    // 牌子 is the noun "brand", not a brand name.
    let c = title("国内第一牌子");
    assert_eq!(only(&c, codes::BANNED_TERM).severity, Severity::Error);
}

#[test]
fn banned_terms_offer_alternatives_then_removal() {
    let t = "顶级 野生三文鱼";
    let c = title(t);
    let f = only(&c, codes::BANNED_TERM);
    let fixes: Vec<(&str, &str)> = f
        .fixes
        .iter()
        .map(|x| (x.kind.as_str(), x.replacement.as_str()))
        .collect();
    assert_eq!(
        fixes,
        [
            ("replace-term", "优质"),
            ("replace-term", "高端"),
            ("remove", "")
        ]
    );
    assert_eq!(f.fixes[0].apply(t).unwrap(), "优质 野生三文鱼");
    // Removing a word between spaces takes one space with it.
    assert_eq!(f.fixes[2].apply(t).unwrap(), "野生三文鱼");
    let t = "美国 100% 纯蜂蜜";
    let c = title(t);
    let f = only(&c, codes::BANNED_TERM);
    assert_eq!(f.fixes.len(), 1);
    assert_eq!(f.fixes[0].apply(t).unwrap(), "美国 纯蜂蜜");
    assert_eq!(CHECKER.alternatives("最好"), ["优质", "出色"]);
    assert_eq!(CHECKER.alternatives("top1"), CHECKER.alternatives("TOP1"));
    assert!(CHECKER.alternatives("不是词").is_empty());
    // Every alternative is clean.
    for t in CHECKER.terms() {
        for a in CHECKER.alternatives(&t.term) {
            assert!(
                with_code(&desc(a), codes::BANNED_TERM).is_empty(),
                "{} → {a}",
                t.term
            );
        }
    }
}

#[test]
fn ascii_terms_match_case_insensitively_and_full_width() {
    for (t, term) in [
        ("销量NO.1", "NO.1"),
        ("销量No.1", "NO.1"),
        ("销量no.1", "NO.1"),
        ("销量ＮＯ．１", "NO.1"),
        ("Top1爆款", "TOP1"),
        ("top1爆款", "TOP1"),
        ("100%纯棉", "100%"),
        ("１００％纯棉", "100%"),
    ] {
        let c = desc(t);
        let f = only(&c, codes::BANNED_TERM);
        assert_eq!(arg(f, "term"), term, "{t}");
    }
    let c = desc("销量NO.1");
    assert_eq!((c.findings[0].start, c.findings[0].end), (2, 6));
}

#[test]
fn ascii_terms_need_boundaries() {
    for t in ["型号NO.10", "TOP10榜单", "STOP1", "1100%"] {
        let c = desc(t);
        assert!(
            with_code(&c, codes::BANNED_TERM).is_empty(),
            "{t}: {:?}",
            c.findings
        );
    }
}

#[test]
fn medical_terms_are_errors_under_article_17() {
    let c = desc("本品可增强免疫力，抗菌消炎");
    let found = with_code(&c, codes::BANNED_TERM);
    let terms: Vec<&str> = found.iter().map(|f| arg(f, "term")).collect();
    assert_eq!(terms, ["增强免疫力", "抗菌", "消炎"]);
    assert!(found.iter().all(|f| f.severity == Severity::Error));
    assert!(found.iter().all(|f| arg(f, "category") == "medical"));
    assert_eq!(arg(found[1], "law"), "广告法第十七条");
}

#[test]
fn traditional_spelling_of_a_term_is_still_caught() {
    let t = "國家級品質";
    let c = desc(t);
    let f = only(&c, codes::BANNED_TERM);
    assert_eq!(arg(f, "term"), "国家级");
    assert_eq!((f.start, f.end), (0, 3));
    assert_eq!(only(&c, codes::TRADITIONAL_CHARS).start, 0);
}

#[test]
fn every_term_in_the_list_parses_and_matches_itself() {
    let terms = CHECKER.terms();
    assert_eq!(
        terms.len(),
        90,
        "the doc's core list (67) and medical list (23)"
    );
    for t in terms {
        assert!(
            !t.reason.is_empty()
                && !t.reason_zh.is_empty()
                && !t.law.is_empty()
                && !t.law_en.is_empty()
        );
        let c = desc(&t.term);
        let found = with_code(&c, codes::BANNED_TERM);
        assert_eq!(found.len(), 1, "{}: {:?}", t.term, c.findings);
        assert_eq!(arg(found[0], "term"), t.term);
        assert_eq!(found[0].severity, t.severity);
        assert_eq!((found[0].start, found[0].end), (0, t.term.chars().count()));
        // Also in the middle of Chinese text.
        let c = desc(&format!("美国{}樱桃", t.term));
        assert_eq!(arg(with_code(&c, codes::BANNED_TERM)[0], "term"), t.term);
    }
    // Core absolute and medical terms are errors; only 最 and some marketing words warn.
    for t in terms {
        if t.severity == Severity::Warning {
            assert!(
                t.term == "最" || t.category == kuajing_copy::Category::Marketing,
                "{}",
                t.term
            );
        }
    }
}

#[test]
fn term_list_errors() {
    assert!(matches!(
        Checker::from_terms_toml("allow = ["),
        Err(kuajing_copy::Error::Toml(_))
    ));
    let one = r#"
[[term]]
term = "最佳"
severity = "error"
category = "absolute"
reason = "r"
reason_zh = "r"
law = "l"
law_en = "l"
"#;
    assert!(Checker::from_terms_toml(one).is_ok());
    let twice = format!("{one}{one}");
    assert!(matches!(
        Checker::from_terms_toml(&twice),
        Err(kuajing_copy::Error::Invalid(_))
    ));
    let both = format!("allow = [\"最佳\"]\n{one}");
    assert!(matches!(
        Checker::from_terms_toml(&both),
        Err(kuajing_copy::Error::Invalid(_))
    ));
    let bad_severity = one.replace("\"error\"", "\"fatal\"");
    assert!(Checker::from_terms_toml(&bad_severity).is_err());
    // A custom list replaces the built-in one.
    let custom = Checker::from_terms_toml(one).unwrap();
    assert!(
        with_code(
            &custom.check("最好", Field::Description, None),
            codes::BANNED_TERM
        )
        .is_empty()
    );
}

// ---------------------------------------------------------------- non-gbk-char

#[test]
fn emoji_is_an_error_with_char_offsets() {
    let t = "美国🍒樱桃🍒";
    let c = title(t);
    let found = with_code(&c, codes::NON_GBK_CHAR);
    assert_eq!(found.len(), 2);
    assert_eq!((found[0].start, found[0].end), (2, 3));
    assert_eq!((found[1].start, found[1].end), (5, 6));
    assert_eq!(found[0].severity, Severity::Error);
    assert_eq!(arg(found[0], "char"), "🍒");
    assert_eq!(arg(found[0], "codepoint"), "U+1F352");
    assert_eq!(c.units, 12);
}

#[test]
fn an_emoji_sequence_is_one_finding() {
    // ZWJ family, flag, skin tone, red heart with variation selector, keycap.
    for (seq, points) in [
        ("👨‍👩‍👧", "U+1F468 U+200D U+1F469 U+200D U+1F467"),
        ("🇺🇸", "U+1F1FA U+1F1F8"),
        ("👍🏽", "U+1F44D U+1F3FD"),
        ("❤️", "U+2764 U+FE0F"),
        ("1️⃣", "U+0031 U+FE0F U+20E3"),
    ] {
        let t = format!("中{seq}文");
        let c = desc(&t);
        let f = only(&c, codes::NON_GBK_CHAR);
        assert_eq!(arg(f, "char"), seq);
        assert_eq!(arg(f, "codepoint"), points);
        assert_eq!((f.start, f.end), (1, 1 + seq.chars().count()), "{seq}");
    }
    // Two flags side by side are two findings.
    let c = desc("🇺🇸🇨🇳");
    assert_eq!(with_code(&c, codes::NON_GBK_CHAR).len(), 2);
    // Two plain emoji side by side are two findings.
    assert_eq!(with_code(&desc("🍒🍒"), codes::NON_GBK_CHAR).len(), 2);
}

#[test]
fn rare_cjk_outside_gbk_is_an_error() {
    // U+20000 (CJK Ext. B) and 𬞟 (U+2C79F) are not in GBK.
    let c = desc("a𠀀b");
    let f = only(&c, codes::NON_GBK_CHAR);
    assert_eq!((f.start, f.end), (1, 2));
    assert_eq!(arg(f, "codepoint"), "U+20000");
    assert!(with_code(&desc("中美国【】，（）：、"), codes::NON_GBK_CHAR).is_empty());
}

// ---------------------------------------------------------------- traditional-chars

#[test]
fn traditional_phrase_is_one_warning() {
    let t = "美国華盛頓櫻桃";
    let c = title(t);
    let f = only(&c, codes::TRADITIONAL_CHARS);
    assert_eq!(f.severity, Severity::Warning);
    assert_eq!((f.start, f.end), (2, 6));
    assert_eq!(arg(f, "text"), "華盛頓櫻");
    assert_eq!(arg(f, "simplified"), "华盛顿樱");
    assert!(with_code(&title("美国华盛顿樱桃"), codes::TRADITIONAL_CHARS).is_empty());
}

#[test]
fn separate_traditional_runs_are_separate_findings() {
    let t = "🍒頭髮护理，適用於乾燥髮質";
    let c = desc(t);
    let found = with_code(&c, codes::TRADITIONAL_CHARS);
    assert_eq!(found.len(), 2, "{:?}", found);
    assert_eq!((found[0].start, found[0].end), (1, 3));
    assert_eq!(arg(found[0], "simplified"), "头发");
    assert_eq!(covered(t, found[1]), "適用於乾燥髮質");
    assert_eq!(arg(found[1], "simplified"), "适用于干燥发质");
}

#[test]
fn shared_characters_are_flagged_only_in_traditional_usage() {
    // Valid Simplified uses: not flagged.
    for t in [
        "乾坤",
        "乾隆年间",
        "覆盖全身",
        "蒜薹",
        "瞭望塔",
        "著名品牌",
        "皇后",
        "中美国",
        "里面",
        "於氏",
    ] {
        let c = desc(t);
        assert!(
            with_code(&c, codes::TRADITIONAL_CHARS).is_empty(),
            "{t}: {:?}",
            c.findings
        );
    }
    // Traditional uses: flagged with the Simplified word.
    for (t, simplified) in [
        ("乾燥", "干"),
        ("葡萄乾", "干"),
        ("位於美国", "于"),
        ("什麼", "么"),
        ("後來", "后来"),
        ("藉口", "借"),
        ("沈默", "沉"),
    ] {
        let c = desc(t);
        let f = only(&c, codes::TRADITIONAL_CHARS);
        assert_eq!(arg(f, "simplified"), simplified, "{t}");
    }
}

// ---------------------------------------------------------------- imperial-unit

fn unit_finding(text: &str) -> Finding {
    let c = desc(text);
    only(&c, codes::IMPERIAL_UNIT).clone()
}

#[test]
fn imperial_units_with_metric_suggestions() {
    for (t, unit, value, suggestion, span) in [
        ("2磅装", "磅", "2", "907克", "2磅"),
        ("12 oz 罐装", "oz", "12", "340克", "12 oz"),
        ("存放于70°F以下", "°F", "70", "21°C", "70°F"),
        ("6英寸", "英寸", "6", "15.2厘米", "6英寸"),
        ("12 fl oz 饮料", "fl oz", "12", "355毫升", "12 fl oz"),
        ("16 FL. OZ", "FL. OZ", "16", "473毫升", "16 FL. OZ"),
        ("5 lbs 狗粮", "lbs", "5", "2.27千克", "5 lbs"),
        ("1 lb", "lb", "1", "454克", "1 lb"),
        ("屏幕 13.3in 笔记本", "in", "13.3", "33.8厘米", "13.3in"),
        ("6 ft 数据线", "ft", "6", "182.9厘米", "6 ft"),
        ("1 gal 装", "gal", "1", "3.79升", "1 gal"),
        ("5加仑水桶", "加仑", "5", "18.93升", "5加仑"),
        ("40℉", "℉", "40", "4°C", "40℉"),
        ("32°F", "°F", "32", "0°C", "32°F"),
        ("-4°F冷冻", "°F", "-4", "-20°C", "-4°F"),
        ("1/2 lb", "lb", "1/2", "227克", "1/2 lb"),
        ("两磅", "磅", "两", "907克", "两磅"),
        ("十二盎司", "盎司", "十二", "340克", "十二盎司"),
        (
            "5-10 lbs 小型犬",
            "lbs",
            "5-10",
            "2.27~4.54千克",
            "5-10 lbs",
        ),
        ("1,000 lb", "lb", "1,000", "453.59千克", "1,000 lb"),
        ("１２ｏｚ", "ｏｚ", "１２", "340克", "１２ｏｚ"),
        ("12 inch", "inch", "12", "30.5厘米", "12 inch"),
        ("6 in x 4 in", "in", "6", "15.2厘米", "6 in"),
    ] {
        let c = desc(t);
        let found = with_code(&c, codes::IMPERIAL_UNIT);
        assert!(!found.is_empty(), "{t}: {:?}", c.findings);
        let f = found[0];
        assert_eq!(f.severity, Severity::Warning);
        assert_eq!(arg(f, "unit"), unit, "{t}");
        assert_eq!(arg(f, "value"), value, "{t}");
        assert_eq!(arg(f, "suggestion"), suggestion, "{t}");
        assert_eq!(covered(t, f), span, "{t}");
        // One click writes the suggestion over the quantity.
        assert_eq!(f.fixes.len(), 1, "{t}");
        assert_eq!(f.fixes[0].kind, "to-metric");
        assert_eq!((f.fixes[0].start, f.fixes[0].end), (f.start, f.end), "{t}");
        assert_eq!(f.fixes[0].replacement, suggestion, "{t}");
    }
}

#[test]
fn imperial_unit_offsets_are_characters() {
    let t = "🍒美国樱桃 2磅";
    let f = unit_finding(t);
    assert_eq!((f.start, f.end), (6, 8));
}

#[test]
fn bare_units_name_the_metric_unit() {
    for (t, unit, suggestion) in [
        ("单位：盎司", "盎司", "克/千克"),
        ("尺寸以英寸计", "英寸", "厘米"),
        ("净重 oz", "oz", "克/千克"),
        ("按 lb 计价", "lb", "克/千克"),
        ("华氏度", "华氏度", "°C"),
        ("液量盎司", "液量盎司", "毫升/升"),
        ("英尺", "英尺", "厘米"),
    ] {
        let f = unit_finding(t);
        assert_eq!(arg(&f, "unit"), unit, "{t}");
        assert_eq!(arg(&f, "suggestion"), suggestion, "{t}");
        assert!(!f.args.contains_key("value"), "{t}");
        assert!(f.fixes.is_empty(), "{t}");
    }
}

#[test]
fn no_false_imperial_units() {
    for t in [
        "Vitamin C 维生素",
        "in stock 现货",
        "made in USA",
        "3 in 1 多功能",
        "2-in-1 洗发水",
        "5 in stock",
        "ozone 臭氧",
        "Oz品牌",
        "Lb 先生",
        "album 专辑",
        "Lbw",
        "重磅推出",
        "气势磅礴",
        "soft 柔软",
        "gala 晚会",
        "A12oz",
        "2磅（约907克）",
        "12 oz (340g)",
        "6英寸（15厘米）",
        "70°F（21℃）",
        "350°F/175°C",
        "28寸行李箱",
        "辅酶Q10",
        "No.10",
        "34F 文胸",
    ] {
        let c = desc(t);
        assert!(
            with_code(&c, codes::IMPERIAL_UNIT).is_empty(),
            "{t}: {:?}",
            c.findings
        );
    }
}

// ---------------------------------------------------------------- contact-info

#[test]
fn contact_details_in_a_title_are_warnings() {
    for (t, kind, text) in [
        ("官网 www.example.com 正品", "url", "www.example.com"),
        (
            "见 https://shop.example.cn/item?id=1 ",
            "url",
            "https://shop.example.cn/item?id=1",
        ),
        ("咨询 13812345678", "phone", "13812345678"),
        ("Call 555-123-4567", "phone", "555-123-4567"),
        ("加微信：abc_12345 领券", "wechat", "加微信：abc_12345"),
        ("VX: shop2024", "wechat", "VX: shop2024"),
        ("QQ 12345678", "qq", "QQ 12345678"),
        ("example.com 正品", "url", "example.com"),
    ] {
        let c = title(t);
        let f = only(&c, codes::CONTACT_INFO);
        assert_eq!(f.severity, Severity::Warning);
        assert_eq!(arg(f, "kind"), kind, "{t}");
        assert_eq!(arg(f, "text"), text, "{t}");
        assert_eq!(covered(t, f), text, "{t}");
    }
    // Descriptions are not checked for contact details.
    assert!(with_code(&desc("咨询 13812345678"), codes::CONTACT_INFO).is_empty());
    // Not contact details.
    for t in [
        "条码 6901234567890",
        "NO.3 款",
        "微信支付",
        "尺寸 100x200",
        "Jif 花生酱 1.13kg",
    ] {
        let c = title(t);
        assert!(
            with_code(&c, codes::CONTACT_INFO).is_empty(),
            "{t}: {:?}",
            c.findings
        );
    }
}

// ---------------------------------------------------------------- whole checks

#[test]
fn findings_are_sorted_by_start() {
    let t = "🍒最佳華盛頓櫻桃2磅 www.cherry.com 抗菌";
    let c = title(t);
    let codes_in_order: Vec<&str> = c.findings.iter().map(|f| f.code.as_str()).collect();
    assert_eq!(
        codes_in_order,
        [
            codes::NON_GBK_CHAR,
            codes::BANNED_TERM,
            codes::TRADITIONAL_CHARS,
            codes::IMPERIAL_UNIT,
            codes::CONTACT_INFO,
            codes::BANNED_TERM
        ]
    );
    assert!(c.findings.windows(2).all(|w| w[0].start <= w[1].start));
    assert!(c.has_errors());
}

#[test]
fn clean_title_has_no_findings() {
    let c = title("【美国直邮】Jif 四季宝 柔滑花生酱 1.13kg 早餐涂抹酱");
    assert!(c.findings.is_empty(), "{:?}", c.findings);
    assert!(!c.has_errors());
}

#[test]
fn long_description() {
    let paragraph = "美国华盛顿州产区直供，果实饱满，口感清甜。冷藏保存，最佳食用期为收货后7天内。\
        第一次食用前请用清水冲洗。净含量：2磅，约907克。";
    let t = format!(
        "{}本品可增强免疫力🍒。{}",
        paragraph.repeat(40),
        paragraph.repeat(40)
    );
    let c = desc(&t);
    assert_eq!(c.limit, None);
    assert!(with_code(&c, codes::TITLE_TOO_LONG).is_empty());
    // 80 paragraphs: one 2磅 each; the consumer tips 最佳食用期 and 第一次 are warnings.
    assert_eq!(with_code(&c, codes::IMPERIAL_UNIT).len(), 80);
    assert!(
        with_code(&c, codes::IMPERIAL_UNIT)
            .iter()
            .all(|f| covered(&t, f) == "2磅")
    );
    let banned = with_code(&c, codes::BANNED_TERM);
    assert_eq!(banned.len(), 161);
    let errors: Vec<_> = banned
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    assert_eq!(errors.len(), 1);
    let p_len = paragraph.chars().count();
    assert_eq!(errors[0].start, 40 * p_len + 3);
    let emoji = only(&c, codes::NON_GBK_CHAR);
    assert_eq!(emoji.start, 40 * p_len + 8);
    assert_eq!(covered(&t, emoji), "🍒");
    assert_eq!(c.units, gbk_units(&t));
}

#[test]
fn serde_shapes() {
    let c = title("最佳");
    let json = serde_json::to_value(&c).unwrap();
    assert_eq!(json["findings"][0]["code"], "banned-term");
    assert_eq!(json["findings"][0]["severity"], "error");
    assert_eq!(serde_json::to_value(Field::Title).unwrap(), "title");
    assert_eq!(
        serde_json::to_value(Field::Description).unwrap(),
        "description"
    );
    assert_eq!(serde_json::to_value(Severity::Warning).unwrap(), "warning");
    let back: Check = serde_json::from_value(json).unwrap();
    assert_eq!(back, c);
}
