//! The sharper checks through the public API: invisible characters, GBK lookalikes, contact
//! evasions, exceptions in the term list, one-click fixes and their messages.

use std::sync::LazyLock;

use kuajing_copy::{Check, Checker, Field, Finding, Fix, Severity, codes, fix_kinds};

static CHECKER: LazyLock<Checker> =
    LazyLock::new(|| Checker::builtin().expect("built-in term list"));

fn title(text: &str) -> Check {
    CHECKER.check(text, Field::Title, None)
}

fn with_code<'a>(check: &'a Check, code: &str) -> Vec<&'a Finding> {
    check.findings.iter().filter(|f| f.code == code).collect()
}

fn only<'a>(check: &'a Check, code: &str) -> &'a Finding {
    let found = with_code(check, code);
    assert_eq!(found.len(), 1, "expected one {code}: {:#?}", check.findings);
    found[0]
}

fn arg<'a>(f: &'a Finding, key: &str) -> &'a str {
    f.args
        .get(key)
        .map(String::as_str)
        .unwrap_or_else(|| panic!("no arg {key} in {f:?}"))
}

fn kinds(f: &Finding) -> Vec<(&str, &str)> {
    f.fixes
        .iter()
        .map(|x| (x.kind.as_str(), x.replacement.as_str()))
        .collect()
}

// ---------------------------------------------------------------- invisible-char

#[test]
fn invisible_characters_are_their_own_error_not_non_gbk() {
    for (c, name, name_zh) in [
        ('\u{200B}', "zero-width space", "零宽空格"),
        ('\u{200C}', "zero-width non-joiner", "零宽不连字"),
        ('\u{200D}', "zero-width joiner", "零宽连字"),
        (
            '\u{FEFF}',
            "byte-order mark (zero-width no-break space)",
            "字节顺序标记（零宽不换行空格）",
        ),
        ('\u{2060}', "word joiner", "零宽不换行符"),
        ('\u{00AD}', "soft hyphen", "软连字符"),
        ('\u{200E}', "text-direction mark", "文字方向控制符"),
        ('\u{202E}', "text-direction mark", "文字方向控制符"),
        ('\u{0085}', "control character", "控制字符"),
    ] {
        let t = format!("美国{c}车厘子");
        let c_ = title(&t);
        let f = only(&c_, codes::INVISIBLE_CHAR);
        assert!(with_code(&c_, codes::NON_GBK_CHAR).is_empty(), "{c:?}");
        assert_eq!((f.start, f.end), (2, 3));
        assert_eq!(f.severity, Severity::Error);
        assert_eq!(arg(f, "codepoint"), format!("U+{:04X}", c as u32));
        assert_eq!(arg(f, "name"), name);
        assert_eq!(arg(f, "name_zh"), name_zh);
        assert_eq!(kinds(f), [("remove", "")]);
        assert_eq!(f.fixes[0].apply(&t).unwrap(), "美国车厘子");
    }
}

#[test]
fn space_lookalikes_are_invisible_and_become_a_space() {
    for c in ['\u{00A0}', '\u{2009}', '\u{202F}', '\u{2002}'] {
        let t = format!("Kirkland{c}坚果");
        let check = title(&t);
        let f = only(&check, codes::INVISIBLE_CHAR);
        assert_eq!(kinds(f), [("replace-char", " "), ("remove", "")]);
        assert_eq!(f.fixes[0].apply(&t).unwrap(), "Kirkland 坚果");
    }
    // The matchers see a space: 16 oz is still a quantity, not a bare "oz".
    let c = title("16\u{00A0}oz 花生酱");
    let f = only(&c, codes::IMPERIAL_UNIT);
    assert_eq!((f.start, f.end), (0, 5));
    // The ideographic space is visible and GBK.
    assert!(title("美国\u{3000}车厘子").findings.is_empty());
}

#[test]
fn emoji_sequences_keep_their_joiners_and_selectors() {
    // A ZWJ inside an emoji sequence belongs to the emoji.
    let c = title("美国👨‍👩‍👧坚果");
    assert!(with_code(&c, codes::INVISIBLE_CHAR).is_empty());
    let f = only(&c, codes::NON_GBK_CHAR);
    assert_eq!(arg(f, "kind"), "other");
    assert_eq!(kinds(f), [("remove", "")]);
    // A variation selector after a Han character is a stray invisible character.
    let c = title("樱\u{FE0F}桃");
    let f = only(&c, codes::INVISIBLE_CHAR);
    assert_eq!((f.start, f.end), (1, 2));
    assert_eq!(arg(f, "name"), "variation selector");
    // After a digit it makes a keycap.
    let c = title("1\u{FE0F}\u{20E3}号");
    let f = only(&c, codes::NON_GBK_CHAR);
    assert_eq!((f.start, f.end), (0, 3));
    assert!(with_code(&c, codes::INVISIBLE_CHAR).is_empty());
}

// ---------------------------------------------------------------- non-gbk-char

#[test]
fn lookalikes_outside_gbk_suggest_the_gbk_character() {
    for (t, c, to, fixed) in [
        ("3〜5天发货", "〜", "～", "3～5天发货"),
        ("每次½勺", "½", "1/2", "每次1/2勺"),
        ("咖啡液500㎖", "㎖", "ml", "咖啡液500ml"),
        ("美国・加州", "・", "·", "美国·加州"),
        ("蜂蜜•纯正", "•", "·", "蜂蜜·纯正"),
        ("B12 1000µg", "µ", "μ", "B12 1000μg"),
        ("¥299", "¥", "￥", "￥299"),
        ("«原装»", "«", "《", "《原装»"),
        ("5✕100g", "✕", "×", "5×100g"),
    ] {
        let check = title(t);
        let f = with_code(&check, codes::NON_GBK_CHAR)[0];
        assert_eq!(arg(f, "char"), c, "{t}");
        assert_eq!(arg(f, "kind"), "lookalike", "{t}");
        assert_eq!(arg(f, "suggestion"), to, "{t}");
        assert_eq!(f.severity, Severity::Error, "{t}");
        assert_eq!(kinds(f), [("replace-char", to)], "{t}");
        assert_eq!(f.fixes[0].apply(t).unwrap(), fixed, "{t}");
    }
    // GBK has these: no finding.
    for t in [
        "3～5天", "℉", "é", "Café", "Crème", "2.5㎏", "25μg", "·", "℃", "×", "①", "—", "–",
    ] {
        assert!(
            with_code(&title(t), codes::NON_GBK_CHAR).is_empty(),
            "{t}: {:?}",
            title(t).findings
        );
    }
    // Marks with no lookalike are removed; rare Han characters must be reworded.
    let c = title("Kirkland® 坚果");
    let f = only(&c, codes::NON_GBK_CHAR);
    assert_eq!(arg(f, "kind"), "other");
    assert_eq!(f.fixes[0].apply("Kirkland® 坚果").unwrap(), "Kirkland 坚果");
    let c = title("a𠀀b");
    let f = only(&c, codes::NON_GBK_CHAR);
    assert_eq!(arg(f, "kind"), "han");
    assert!(f.fixes.is_empty());
}

#[test]
fn removing_an_emoji_tidies_the_spaces_around_it() {
    for (t, fixed) in [
        ("🍒美国车厘子", "美国车厘子"),
        ("美国 🍒 车厘子", "美国 车厘子"),
        ("🍒 美国车厘子", "美国车厘子"),
        ("美国车厘子 🍒", "美国车厘子"),
        ("美国🍒车厘子", "美国车厘子"),
    ] {
        let c = title(t);
        let f = only(&c, codes::NON_GBK_CHAR);
        assert_eq!(f.fixes[0].apply(t).unwrap(), fixed, "{t}");
    }
}

// ---------------------------------------------------------------- traditional-chars

#[test]
fn traditional_characters_get_a_to_simplified_fix() {
    for (t, fixed) in [
        ("美国進口车厘子", "美国进口车厘子"),
        ("美国華盛頓櫻桃", "美国华盛顿樱桃"),
        ("美国原装葡萄乾", "美国原装葡萄干"),
        ("美国蔓越莓乾 227g", "美国蔓越莓干 227g"),
        ("适用於干性肌肤", "适用于干性肌肤"),
    ] {
        let c = title(t);
        let f = only(&c, codes::TRADITIONAL_CHARS);
        assert_eq!(f.fixes.len(), 1);
        assert_eq!(f.fixes[0].kind, fix_kinds::TO_SIMPLIFIED);
        assert_eq!(f.fixes[0].replacement, arg(f, "simplified"));
        assert_eq!(f.fixes[0].apply(t).unwrap(), fixed, "{t}");
        assert!(title(fixed).findings.is_empty(), "{fixed}");
    }
    // Simplified words that keep 乾 stay clean.
    for t in ["乾坤", "乾隆年间"] {
        assert!(title(t).findings.is_empty(), "{t}");
    }
}

// ---------------------------------------------------------------- contact-info

#[test]
fn contact_evasions_are_caught() {
    for (t, kind, text) in [
        ("美国蜂蜜 V信 honeyusa66 优惠", "wechat", "V信 honeyusa66"),
        ("美国坚果 薇信 nutsusa88", "wechat", "薇信 nutsusa88"),
        (
            "美国咖啡豆 微 信 coffee_usa1",
            "wechat",
            "微 信 coffee_usa1",
        ),
        ("美国奶粉 加V 13812345678", "wechat", "加V 13812345678"),
        ("美国枫糖浆 VX 13912345678", "wechat", "VX 13912345678"),
        ("美国坚果 +V nuts_usa8 领红包", "wechat", "+V nuts_usa8"),
        ("美国坚果 加微信领券", "wechat", "加微信"),
        ("美国开心果 批发 138-1234-5678", "phone", "138-1234-5678"),
        ("订购 138 1234 5678", "phone", "138 1234 5678"),
        ("预订 138.1234.5678", "phone", "138.1234.5678"),
        ("+86 139 1234 5678", "phone", "+86 139 1234 5678"),
        ("客服400-820-8820", "phone", "400-820-8820"),
        ("热线 4008208820", "phone", "4008208820"),
        ("电话021-61234567", "phone", "021-61234567"),
        ("Call (800) 555-0199", "phone", "(800) 555-0199"),
        ("代购 QQ 123456789", "qq", "QQ 123456789"),
        ("QQ号 2824567890", "qq", "QQ号 2824567890"),
        ("加QQ群 12345678 领券", "qq", "QQ群 12345678"),
        ("扣扣 12345678", "qq", "扣扣 12345678"),
        ("ＱＱ：１２３４５６７８", "qq", "ＱＱ：１２３４５６７８"),
        ("批发 sales@usanuts.com", "email", "sales@usanuts.com"),
        ("12345678@qq.com", "email", "12345678@qq.com"),
        (
            "usacherry.myshopify.com 同款",
            "url",
            "usacherry.myshopify.com",
        ),
        ("shop123456.taobao.com 店铺", "url", "shop123456.taobao.com"),
        ("m.tb.cn/h.5Xyz123 领券", "url", "m.tb.cn/h.5Xyz123"),
        ("见 www.usanuts.com/shop.", "url", "www.usanuts.com/shop"),
    ] {
        let c = title(t);
        let f = only(&c, codes::CONTACT_INFO);
        assert_eq!(arg(f, "kind"), kind, "{t}");
        assert_eq!(arg(f, "text"), text, "{t}");
        assert_eq!(f.fixes[0].kind, fix_kinds::REMOVE);
        let fixed = f.fixes[0].apply(t).unwrap();
        assert!(
            with_code(&title(&fixed), codes::CONTACT_INFO).is_empty(),
            "{t} → {fixed}"
        );
    }
    for t in [
        "辅酶Q10 软胶囊",
        "QQ糖 水果软糖",
        "QQ弹 软糖",
        "V领 T恤",
        "美国VC泡腾片",
        "蜂蜜饮 加VC",
        "钙+VD 200粒",
        "支持微信支付",
        "微信扫码 领取",
        "400g 盐焗",
        "1000mg 400粒",
        "2025.06 新季",
        "到期日2025-06-18",
        "2024-2025 新品",
        "条码 0041220576432",
        "6901234567890",
        "Mr.Coffee 咖啡机",
        "Dr.Teal's 浴盐",
        "L.L.Bean 托特包",
        "E.L.F. 眼影",
        "WD-40 除锈剂",
        "1.13kg",
        "No.10 款",
    ] {
        let c = title(t);
        assert!(
            with_code(&c, codes::CONTACT_INFO).is_empty(),
            "{t}: {:?}",
            c.findings
        );
    }
}

// ---------------------------------------------------------------- the term list

const ONE_TERM: &str = r#"
[[term]]
term = "最佳"
severity = "error"
category = "absolute"
reason = "r"
reason_zh = "r"
law = "l"
law_en = "l"
alternatives = ["优质"]
"#;

fn exception(kind: &str, phrases: &str) -> String {
    format!(
        "[[exception]]\nkind = \"{kind}\"\nreason = \"r\"\nreason_zh = \"r\"\nbasis = \"b\"\nbasis_en = \"b\"\nphrases = {phrases}\n"
    )
}

#[test]
fn term_list_exceptions_and_alternatives_are_validated() {
    let ok = format!(
        "{ONE_TERM}{}",
        exception("consumer-tip", r#"["最佳食用期"]"#)
    );
    let checker = Checker::from_terms_toml(&ok).unwrap();
    assert_eq!(checker.alternatives("最佳"), ["优质"]);
    let c = checker.check("最佳食用期", Field::Description, None);
    assert_eq!(c.findings[0].severity, Severity::Warning);
    for bad in [
        // A phrase with no term in it.
        format!("{ONE_TERM}{}", exception("consumer-tip", r#"["食用期"]"#)),
        // A phrase that is a term: it would lower every use.
        format!("{ONE_TERM}{}", exception("consumer-tip", r#"["最佳"]"#)),
        // The same kind twice.
        format!(
            "{ONE_TERM}{}{}",
            exception("stage", r#"["最佳一"]"#),
            exception("stage", r#"["最佳二"]"#)
        ),
        // The same phrase twice.
        format!(
            "{ONE_TERM}{}{}",
            exception("a", r#"["最佳期"]"#),
            exception("b", r#"["最佳期"]"#)
        ),
        // The kind "none" is the finding's "no exception".
        format!("{ONE_TERM}{}", exception("none", r#"["最佳期"]"#)),
        // An alternative that is itself banned.
        ONE_TERM.replace(r#"["优质"]"#, r#"["最佳品质"]"#),
        ONE_TERM.replace(r#"["优质"]"#, r#"[""]"#),
        format!("{ONE_TERM}{}", exception("a", r#"[" 最佳期"]"#)),
        format!("{ONE_TERM}extra = 1\n"),
    ] {
        assert!(
            matches!(
                Checker::from_terms_toml(&bad),
                Err(kuajing_copy::Error::Invalid(_) | kuajing_copy::Error::Toml(_))
            ),
            "{bad}"
        );
    }
    // Without a `brand` exception, brand names lower nothing.
    let plain = Checker::from_terms_toml(ONE_TERM).unwrap();
    let ctx = kuajing_copy::Context::new().with_brands(["最佳选择"]);
    let c = plain.check_with("最佳选择", Field::Title, None, &ctx);
    assert_eq!(c.findings[0].severity, Severity::Error);
}

// ---------------------------------------------------------------- fixes

#[test]
fn a_lowered_term_offers_only_its_removal() {
    for t in ["最佳赏味期7天", "第一阶段 奶粉", "永久牌自行车"] {
        let c = title(t);
        let f = only(&c, codes::BANNED_TERM);
        assert_eq!(f.severity, Severity::Warning, "{t}");
        assert_eq!(kinds(f), [("remove", "")], "{t}");
    }
    // Not lowered: the alternatives first.
    let c = title("最佳品质");
    let f = only(&c, codes::BANNED_TERM);
    assert_eq!(
        kinds(f),
        [
            ("replace-term", "优质"),
            ("replace-term", "出色"),
            ("remove", "")
        ]
    );
}

#[test]
fn fix_apply_replaces_characters_not_bytes() {
    let fix = |start, end, replacement: &str| Fix {
        kind: "x".into(),
        start,
        end,
        replacement: replacement.into(),
    };
    assert_eq!(fix(1, 2, "车").apply("美🍒樱").unwrap(), "美车樱");
    assert_eq!(fix(0, 0, "【").apply("美国").unwrap(), "【美国");
    assert_eq!(fix(2, 2, "】").apply("美国").unwrap(), "美国】");
    assert_eq!(fix(0, 2, "").apply("美国").unwrap(), "");
    assert!(fix(1, 3, "").apply("美国").is_none());
    assert!(fix(2, 1, "").apply("美国").is_none());
}

/// Every finding code has a message in both locales, and every fix kind this crate makes has
/// one in checks.ftl.
#[test]
fn every_code_and_fix_kind_has_a_message() {
    fn ids(ftl: &str) -> Vec<&str> {
        ftl.lines()
            .filter_map(|l| l.split_once(" ="))
            .map(|(id, _)| id)
            .filter(|id| !id.starts_with(['#', ' ']) && !id.is_empty())
            .collect()
    }
    let copy = [
        include_str!("../../../assets/locales/en/copy.ftl"),
        include_str!("../../../assets/locales/zh-CN/copy.ftl"),
    ];
    let checks = [
        include_str!("../../../assets/locales/en/checks.ftl"),
        include_str!("../../../assets/locales/zh-CN/checks.ftl"),
    ];
    for ftl in copy {
        for code in codes::ALL {
            assert!(
                ids(ftl).contains(&format!("finding-{code}").as_str()),
                "{code}"
            );
        }
    }
    for ftl in checks {
        for kind in fix_kinds::ALL {
            assert!(ids(ftl).contains(&format!("fix-{kind}").as_str()), "{kind}");
        }
    }
    assert_eq!(ids(checks[0]), ids(checks[1]));
}
