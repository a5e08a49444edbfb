//! Behaviour of the unit table and its matcher, through the public API.

use kuajing_units::{Quantity, Units, Value};

fn units() -> &'static Units {
    Units::builtin().expect("the built-in table parses")
}

/// The characters a quantity covers.
fn covered(text: &str, q: &Quantity) -> String {
    text.chars().skip(q.start).take(q.end - q.start).collect()
}

/// The one quantity of a text.
fn one(text: &str) -> Quantity {
    let found = units().find(text);
    assert_eq!(found.len(), 1, "{text}: {found:#?}");
    found.into_iter().next().expect("one")
}

fn imperial(text: &str) -> Vec<Quantity> {
    units()
        .find(text)
        .into_iter()
        .filter(|q| q.imperial)
        .collect()
}

// ---------------------------------------------------------------- the issue's examples

#[test]
fn examples_from_the_issue_convert_by_the_rules() {
    for (text, metric) in [
        ("16 oz", "454克"),
        ("2 lb", "907克"),
        ("5 lb", "2.27千克"),
        ("32 fl oz", "946毫升"),
        ("1 gal", "3.79升"),
        ("40°F", "4°C"),
        ("12 in", "30.5厘米"),
    ] {
        let q = one(text);
        assert!(q.imperial, "{text}");
        assert_eq!(covered(text, &q), text);
        assert_eq!(units().to_metric(&q), metric, "{text}");
    }
}

#[test]
fn convert_text_replaces_every_imperial_quantity() {
    for (text, converted) in [
        ("2 lb", "907克"),
        ("Gift Box 2 lb", "Gift Box 907克"),
        ("Coffee 12 oz, Tea 2 lbs", "Coffee 340克, Tea 907克"),
        ("12\" x 8\" tray", "30.5厘米 x 20.3厘米 tray"),
        ("12 x 8 in tray", "30.5×20.3厘米 tray"),
        ("2 x 16 oz jars", "2 x 454克 jars"),
        ("Store below 40°F", "Store below 4°C"),
        ("净含量16盎司", "净含量454克"),
        ("美国樱桃两磅装", "美国樱桃907克装"),
        ("１２ｏｚ 罐装", "340克 罐装"),
        ("5-10 lbs dogs", "2.27~4.54千克 dogs"),
        ("Net wt 16 oz (454 g)", "Net wt 454克"),
        ("2磅（约907克）", "907克"),
        ("350°F/175°C", "175°C"),
        ("温度计 32°F-572°F", "温度计 0°C-300°C"),
        ("454克（16盎司）", "454克"),
        ("6 ft 2 in cable", "188厘米 cable"),
        (
            "Nothing to convert, 500 g only",
            "Nothing to convert, 500 g only",
        ),
        ("单位：盎司", "单位：盎司"),
        ("🍒 cherries 2 lb 🍒", "🍒 cherries 907克 🍒"),
    ] {
        assert_eq!(units().convert_text(text), converted, "{text}");
    }
}

#[test]
fn read_back_gives_both_systems() {
    for (text, read) in [
        ("907克", "907 g = 2 lb"),
        ("454克", "454 g = 16 oz"),
        ("4°C", "4 °C = 39 °F"),
        ("2 lb", "2 lb = 907 g"),
        ("16 oz", "16 oz = 454 g"),
        ("5 lb", "5 lb = 2.27 kg"),
        ("2.27千克", "2.27 kg = 5 lb"),
        ("946毫升", "946 ml = 32 fl oz"),
        ("3.79升", "3.79 L = 1 gal"),
        ("30.5厘米", "30.5 cm = 12 in"),
        ("182.9厘米", "182.9 cm = 6 ft"),
        ("340克", "340 g = 12 oz"),
        ("1.13kg", "1.13 kg = 2.5 lb"),
        ("40°F", "40 °F = 4 °C"),
        ("-20°C", "-20 °C = -4 °F"),
        ("0.91~1.36千克", "0.91 to 1.36 kg = 2 to 3 lb"),
        ("12 x 8 in", "12 × 8 in = 30.5 × 20.3 cm"),
    ] {
        assert_eq!(units().read_back(&one(text)), read, "{text}");
    }
}

#[test]
fn read_back_of_a_converted_value_converts_to_it_again() {
    // What the gloss does: a draft's metric value is read back as an imperial value that the
    // rules turn into the same metric value, and mostly as what the merchant wrote.
    let mut differ = Vec::new();
    for text in [
        "1 oz", "4 oz", "8 oz", "12 oz", "16 oz", "2 lb", "3 lb", "5 lb", "10 lb", "25 lb",
        "8 fl oz", "12 fl oz", "16 fl oz", "32 fl oz", "64 fl oz", "1 gal", "2 gal", "5 gal",
        "1 in", "6 in", "12 in", "24 in", "6 ft", "10 ft", "32°F", "70°F", "0°F", "-4°F", "40°F",
        "350°F", "1 lb", "1 qt",
    ] {
        let metric = units().to_metric(&one(text));
        let back = units().read_back(&one(&metric));
        let (_, imperial) = back.split_once(" = ").expect("a read-back");
        assert_eq!(
            units().to_metric(&one(imperial)),
            metric,
            "{text} → {metric} → {imperial}"
        );
        if imperial.replace(' ', "") != text.replace(' ', "") {
            differ.push(format!("{text} → {imperial}"));
        }
    }
    // A whole °C spans 1.8 °F, and the natural unit can differ from the one written.
    assert_eq!(
        differ,
        [
            "40°F → 39 °F",
            "350°F → 351 °F",
            "1 lb → 16 oz",
            "1 qt → 32 fl oz"
        ]
    );
}

// ---------------------------------------------------------------- rounding rules

#[test]
fn rounding_follows_the_dimension_rules() {
    for (text, metric) in [
        // Weight: under 1 kg whole 克, from 1 kg 千克 with up to two decimals.
        ("1 oz", "28克"),
        ("35 oz", "992克"),
        ("35.27 oz", "1千克"), // 999.9 g rounds to 1000 g: that is 1 kg
        ("36 oz", "1.02千克"),
        ("2.2 lb", "998克"),
        ("2.205 lb", "1千克"),
        ("1,000 lb", "453.59千克"),
        ("½ lb", "227克"),
        ("1/2 lb", "227克"),
        // Volume: under 1 L whole 毫升, from 1 L 升.
        ("8 fl oz", "237毫升"),
        ("33.8 fl oz", "1升"),
        ("1 qt", "946毫升"),
        ("1 pt", "473毫升"),
        ("5 gal", "18.93升"),
        ("2 gal", "7.57升"),
        // Temperature: whole °C, negative allowed, never -0.
        ("32°F", "0°C"),
        ("31°F", "-1°C"),
        ("-4°F", "-20°C"),
        ("400℉", "204°C"),
        ("33°F", "1°C"),
        // Length: 厘米 to one decimal, trailing zero trimmed.
        ("10 inch", "25.4厘米"),
        ("1 in", "2.5厘米"),
        ("5 in", "12.7厘米"),
        ("6 ft", "182.9厘米"),
        ("1 ft", "30.5厘米"),
        ("20 in", "50.8厘米"),
        ("¼ in", "0.6厘米"),
    ] {
        assert_eq!(units().to_metric(&one(text)), metric, "{text}");
    }
}

#[test]
fn trailing_zeros_are_trimmed() {
    // 2.5 kg exactly would print 2.50 with fixed decimals.
    let q = one("5.5115565546 lb");
    assert_eq!(units().to_metric(&q), "2.5千克");
    assert_eq!(units().to_metric(&one("4.409245 lb")), "2千克");
    assert_eq!(units().to_metric(&one("3.937 in")), "10厘米");
}

#[test]
fn ranges_use_the_unit_of_their_larger_end() {
    for (text, value, metric) in [
        ("2-3 lb", Value::Range(2.0, 3.0), "0.91~1.36千克"),
        ("2~3磅", Value::Range(2.0, 3.0), "0.91~1.36千克"),
        ("2至3磅", Value::Range(2.0, 3.0), "0.91~1.36千克"),
        ("2到3磅", Value::Range(2.0, 3.0), "0.91~1.36千克"),
        ("2 to 3 lb", Value::Range(2.0, 3.0), "0.91~1.36千克"),
        ("2 – 3 lb", Value::Range(2.0, 3.0), "0.91~1.36千克"),
        ("8-12 oz", Value::Range(8.0, 12.0), "227~340克"),
        ("1-2 gal", Value::Range(1.0, 2.0), "3.79~7.57升"),
        ("35-40°F", Value::Range(35.0, 40.0), "2~4°C"),
        ("-4~40°F", Value::Range(-4.0, 40.0), "-20~4°C"),
        ("6-8 in", Value::Range(6.0, 8.0), "15.2~20.3厘米"),
    ] {
        let q = one(text);
        assert_eq!(covered(text, &q), text);
        assert_eq!(q.value, Some(value), "{text}");
        assert_eq!(units().to_metric(&q), metric, "{text}");
    }
}

// ---------------------------------------------------------------- numbers

#[test]
fn numbers_in_every_form() {
    for (text, value) in [
        ("16 oz", 16.0),
        ("1,000 lb", 1000.0),
        ("12,500 lb", 12500.0),
        ("2.5 lb", 2.5),
        (".5 lb", 0.5),
        ("½ lb", 0.5),
        ("¼ lb", 0.25),
        ("¾ lb", 0.75),
        ("1½ lb", 1.5),
        ("1 ½ lb", 1.5),
        ("1/2 lb", 0.5),
        ("3/4 in", 0.75),
        ("1 1/2 in", 1.5),
        ("1-1/2 in", 1.5),
        ("两磅", 2.0),
        ("半磅", 0.5),
        ("十磅", 10.0),
        ("十二盎司", 12.0),
        ("二十磅", 20.0),
        ("九十九磅", 99.0),
        ("½磅", 0.5),
        ("１２ｏｚ", 12.0),
        ("１．５ｌｂ", 1.5),
        ("-4°F", -4.0),
        ("−4°F", -4.0),
    ] {
        let q = one(text);
        assert_eq!(q.value, Some(Value::Single(value)), "{text}");
        assert_eq!(covered(text, &q), text, "{text}");
    }
}

#[test]
fn a_minus_sign_belongs_only_to_temperatures() {
    let text = "Weight -5 lb";
    let q = one(text);
    assert_eq!(q.value, Some(Value::Single(5.0)));
    assert_eq!(covered(text, &q), "5 lb");
}

#[test]
fn dimensions_share_a_length_unit_only() {
    let q = one("12 x 8 x 3 in");
    assert_eq!(q.value, Some(Value::Dims(vec![12.0, 8.0, 3.0])));
    assert_eq!(units().to_metric(&q), "30.5×20.3×7.6厘米");
    let q = one("12×8in");
    assert_eq!(units().to_metric(&q), "30.5×20.3厘米");
    // A count of packs is not a size.
    let text = "2 x 16 oz";
    let q = one(text);
    assert_eq!(q.value, Some(Value::Single(16.0)));
    assert_eq!(covered(text, &q), "16 oz");
}

#[test]
fn compounds_are_one_quantity() {
    for (text, unit, value, metric) in [
        ("5'10\"", "in", 70.0, "177.8厘米"),
        ("5′10″", "in", 70.0, "177.8厘米"),
        ("6 ft 2 in", "in", 74.0, "188厘米"),
        ("1 lb 4 oz", "oz", 20.0, "567克"),
        ("1 gal 2 qt", "qt", 6.0, "5.68升"),
    ] {
        let q = one(text);
        assert_eq!(covered(text, &q), text);
        assert_eq!(q.unit, unit, "{text}");
        assert_eq!(q.value, Some(Value::Single(value)), "{text}");
        assert_eq!(units().to_metric(&q), metric, "{text}");
    }
}

// ---------------------------------------------------------------- spellings

#[test]
fn every_spelling_in_the_issue_is_caught() {
    for (text, unit) in [
        ("16 oz", "oz"),
        ("16oz", "oz"),
        ("16盎司", "oz"),
        ("2 lbs", "lb"),
        ("½磅", "lb"),
        ("10 inch", "in"),
        ("400℉", "F"),
        ("1加仑", "gal"),
        ("8 fl oz", "fl_oz"),
    ] {
        let q = one(text);
        assert_eq!(q.unit, unit, "{text}");
        assert!(q.imperial, "{text}");
        assert_eq!(covered(text, &q), text, "{text}");
    }
}

#[test]
fn every_spelling_of_every_unit_is_caught() {
    let cases: &[(&str, &[&str])] = &[
        ("oz", &["oz", "OZ", "ounce", "ounces", "盎司"]),
        ("lb", &["lb", "lbs", "LB", "Lbs", "pound", "pounds", "磅"]),
        (
            "fl_oz",
            &[
                "fl oz",
                "fl. oz",
                "fl.oz",
                "floz",
                "FL OZ",
                "FL. OZ",
                "fluid ounces",
                "液量盎司",
                "液盎司",
                "液体盎司",
            ],
        ),
        ("gal", &["gal", "gallon", "gallons", "加仑"]),
        ("qt", &["qt", "quart", "quarts", "夸脱"]),
        ("pt", &["pt", "pint", "pints", "品脱"]),
        ("in", &["in", "inch", "inches", "英寸", "吋"]),
        ("ft", &["ft", "foot", "feet", "英尺"]),
        (
            "F",
            &[
                "°F",
                "° F",
                "ºF",
                "˚F",
                "℉",
                "degrees F",
                "degrees Fahrenheit",
                "华氏度",
            ],
        ),
        ("g", &["g", "gram", "grams", "克"]),
        ("kg", &["kg", "KG", "kilograms", "千克", "公斤"]),
        ("mg", &["mg", "毫克"]),
        ("ml", &["ml", "mL", "ML", "millilitres", "毫升"]),
        ("L", &["L", "l", "liters", "litre", "升", "公升"]),
        ("cm", &["cm", "centimeters", "厘米", "公分"]),
        ("mm", &["mm", "毫米"]),
        ("m", &["m", "meters", "米"]),
        ("C", &["°C", "℃", "degrees Celsius", "摄氏度"]),
    ];
    for (unit, spellings) in cases {
        for s in *spellings {
            for text in [format!("3 {s}"), format!("约3{s}。")] {
                let q = one(&text);
                assert_eq!(&q.unit, unit, "{text}");
                assert_eq!(q.value, Some(Value::Single(3.0)), "{text}");
            }
        }
    }
    // Glued marks: 12" and 6'.
    for (text, unit) in [
        ("12\"", "in"),
        ("12″", "in"),
        ("12”", "in"),
        ("6'", "ft"),
        ("6′", "ft"),
        ("6’", "ft"),
    ] {
        let q = one(text);
        assert_eq!(q.unit, unit, "{text}");
        assert_eq!(covered(text, &q), text);
    }
    // F after a number, where the sentence is about temperature.
    for text in [
        "Preheat oven to 350F",
        "Bake at 375 F for 20 minutes",
        "烤箱预热至350F",
        "Store below 40F",
    ] {
        let q = one(text);
        assert_eq!(q.unit, "F", "{text}");
        assert!(covered(text, &q).ends_with('F'), "{text}");
    }
}

#[test]
fn hyphenated_sizes_count() {
    for (text, span, metric) in [
        ("12-inch skillet", "12-inch", "30.5厘米"),
        ("a 5-lb bag", "5-lb", "2.27千克"),
        ("10-oz jar", "10-oz", "283克"),
    ] {
        let q = one(text);
        assert_eq!(covered(text, &q), span, "{text}");
        assert_eq!(units().to_metric(&q), metric);
    }
}

#[test]
fn an_abbreviation_keeps_its_period_only_inside_a_sentence() {
    for (text, converted) in [
        ("Ninja 72 oz. blender", "Ninja 2.04千克 blender"),
        ("Dog food 30-lb. bag", "Dog food 13.61千克 bag"),
        ("5 ft. 6 in. tall", "167.6厘米 tall"),
        ("Weighs 5 lb.", "Weighs 2.27千克."),
        ("Weighs 5 lb. Ships free", "Weighs 2.27千克. Ships free"),
        ("16 fl. oz. bottle", "473毫升 bottle"),
    ] {
        assert_eq!(units().convert_text(text), converted, "{text}");
    }
}

#[test]
fn read_back_respects_the_precision_of_the_rules() {
    for (text, read) in [
        ("2 L", "2 L = 0.53 gal"),
        ("1.5L", "1.5 L = 50.7 fl oz"),
        ("2 mg", "2 mg = 0.000071 oz"),
        ("1.8m", "1.8 m = 5.91 ft"),
        ("100厘米", "100 cm = 3.28 ft"),
    ] {
        assert_eq!(units().read_back(&one(text)), read, "{text}");
    }
}

#[test]
fn full_width_counts_as_half_width() {
    for (text, unit, metric) in [
        ("１２ｏｚ", "oz", "340克"),
        ("１６　ｏｚ", "oz", "454克"),
        ("２ＬＢＳ", "lb", "907克"),
        ("４０°Ｆ", "F", "4°C"),
        ("１２　ｉｎｃｈ", "in", "30.5厘米"),
        ("２～３磅", "lb", "0.91~1.36千克"),
    ] {
        let q = one(text);
        assert_eq!(q.unit, unit, "{text}");
        assert_eq!(covered(text, &q), text, "{text}");
        assert_eq!(units().to_metric(&q), metric, "{text}");
    }
}

#[test]
fn bare_units_count_only_where_unambiguous() {
    for (text, unit, metric) in [
        ("单位：盎司", "oz", "克/千克"),
        ("尺寸以英寸计", "in", "厘米"),
        ("净重 oz", "oz", "克/千克"),
        ("按 lb 计价", "lb", "克/千克"),
        ("华氏度", "F", "°C"),
        ("液量盎司", "fl_oz", "毫升/升"),
        ("英尺", "ft", "厘米"),
        ("LBS", "lb", "克/千克"),
    ] {
        let q = one(text);
        assert_eq!(q.unit, unit, "{text}");
        assert_eq!(q.value, None, "{text}");
        assert_eq!(units().to_metric(&q), metric, "{text}");
    }
    assert_eq!(units().read_back(&one("单位：盎司")), "oz → g / kg");
}

// ---------------------------------------------------------------- lookalikes

#[test]
fn lookalikes_are_not_imperial_quantities() {
    for text in [
        // Names and codes.
        "辅酶Q10 软胶囊",
        "Q10",
        "No.10",
        "No.10 罐",
        "A12oz",
        "v2.5 inch",
        "MP3",
        // 寸 is a Chinese unit; 28寸 luggage is not converted.
        "28寸行李箱",
        "7寸平板",
        // 磅 in ordinary words.
        "重磅推出",
        "气势磅礴",
        "两磅礴",
        // "in" and other units inside English words or as words.
        "Vitamin C 维生素",
        "in stock 现货",
        "made in USA",
        "3 in 1 多功能",
        "2-in-1 洗发水",
        "5 in stock",
        "fits 2 in a pack",
        "ozone 臭氧",
        "Oz品牌",
        "Lb 先生",
        "album 专辑",
        "Lbw",
        "soft 柔软",
        "gala 晚会",
        "gallant",
        "Fifty feet",
        "pounds of fun",
        "quarter",
        "Printing",
        // F that is not a temperature.
        "34F 文胸",
        "Size 32F",
        "2F 电梯",
        // Quotation marks closing a quotation, apostrophes.
        "the \"Model 12\" fan",
        "“Model 12” 风扇",
        "the 90's",
        "5's",
        // Area.
        "10 in² 面积",
        // Dozens of ordinary text.
        "",
        "   ",
        "美国华盛顿州产区直供，果实饱满，口感清甜。",
    ] {
        let found = imperial(text);
        assert!(found.is_empty(), "{text}: {found:#?}");
    }
}

#[test]
fn lookalikes_are_not_metric_quantities_either() {
    for text in [
        "5G 手机",
        "3M 胶带",
        "5克拉钻石",
        "V2升级版",
        "巧克力",
        "玉米",
        "XL",
        "Size L",
        "10 min",
        "4 ginger",
    ] {
        let found = units().find(text);
        assert!(found.is_empty(), "{text}: {found:#?}");
    }
}

#[test]
fn inches_as_a_word_need_no_word_after() {
    for text in [
        "6 in",
        "6 in.",
        "6 in x 4 in",
        "屏幕 13.3in 笔记本",
        "6 in, blue",
    ] {
        let found = imperial(text);
        assert!(!found.is_empty(), "{text}");
        assert_eq!(found[0].unit, "in");
    }
    assert_eq!(imperial("6 in x 4 in").len(), 2);
}

#[test]
fn quotation_marks_after_sizes_and_in_quotes() {
    let text = "12\" x 8\" tray, the \"Big 5\" set";
    let found = imperial(text);
    let spans: Vec<String> = found.iter().map(|q| covered(text, q)).collect();
    assert_eq!(spans, ["12\"", "8\""]);
}

// ---------------------------------------------------------------- offsets and pairs

#[test]
fn offsets_are_characters() {
    let text = "🍒美国樱桃 2磅 and 12 oz";
    let found = units().find(text);
    assert_eq!(found.len(), 2);
    assert_eq!(
        (found[0].start, found[0].unit_start, found[0].end),
        (6, 7, 8)
    );
    assert_eq!(covered(text, &found[1]), "12 oz");
    assert_eq!(found[1].unit_start, found[1].end - 2);
}

#[test]
fn metric_equivalents_written_next_to_imperial_pair_up() {
    for (text, pair) in [
        ("2磅（约907克）", "2磅（约907克）"),
        ("12 oz (340g)", "12 oz (340g)"),
        ("16 OZ (approx. 454 g) bag", "16 OZ (approx. 454 g)"),
        ("6英寸（15厘米）", "6英寸（15厘米）"),
        ("70°F（21℃）", "70°F（21℃）"),
        ("350°F/175°C", "350°F/175°C"),
        ("454克（16盎司）", "454克（16盎司）"),
    ] {
        let found = units().find(text);
        let q = found
            .iter()
            .find(|q| q.imperial)
            .expect("an imperial quantity");
        let p = q.paired.expect("paired");
        let span: String = text.chars().skip(p.start).take(p.end - p.start).collect();
        assert_eq!(span, pair, "{text}");
        assert!(!found[p.metric].imperial);
    }
    // Not an equivalent: another dimension, or only a comma between.
    for text in ["2磅（30厘米）", "净含量：2磅，约907克。", "12 oz (1 lb)"] {
        assert!(
            units().find(text).iter().all(|q| q.paired.is_none()),
            "{text}"
        );
    }
}

#[test]
fn dimension_and_system_are_reported() {
    let q = one("8 fl oz");
    assert_eq!((q.dimension.as_str(), q.imperial), ("volume", true));
    let q = one("8 oz");
    assert_eq!((q.dimension.as_str(), q.imperial), ("weight", true));
    let q = one("500毫升");
    assert_eq!((q.dimension.as_str(), q.imperial), ("volume", false));
    assert_eq!(units().to_metric(&q), "500毫升");
    assert_eq!(units().to_metric(&one("1.13kg")), "1.13千克");
    assert_eq!(units().to_metric(&one("454 g")), "454克");
}

// ---------------------------------------------------------------- the data table

#[test]
fn every_unit_has_a_dimension_a_factor_and_a_cited_source() {
    let units = units();
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/units.md"))
        .expect("docs/units.md");
    let raw: toml::Table =
        toml::from_str(include_str!("../../../assets/units.toml")).expect("the table is TOML");
    let raw_units = raw["unit"].as_array().expect("[[unit]]");
    assert_eq!(raw_units.len(), units.units().len());
    for (raw, u) in raw_units.iter().zip(units.units()) {
        for key in ["id", "dimension", "factor", "imperial", "en", "spellings"] {
            assert!(raw.get(key).is_some(), "unit {} has no {key}", u.id);
        }
        assert!(u.factor.is_finite() && u.factor > 0.0, "{}", u.id);
        assert!(units.dimension(&u.dimension).is_some(), "{}", u.id);
        assert!(!u.spellings.is_empty(), "{}", u.id);
        if !u.imperial {
            assert!(u.zh.is_some(), "{} has no Chinese form", u.id);
        }
        // The doc's table lists every unit with its factor as written in the data.
        let factor = raw["factor"].to_string().trim_matches('"').to_owned();
        let row = format!("| `{}` |", u.id);
        let line = doc
            .lines()
            .find(|l| l.starts_with(&row))
            .unwrap_or_else(|| panic!("docs/units.md has no row for `{}`", u.id));
        assert!(
            line.contains(&factor),
            "docs/units.md: `{}` row lacks {factor}",
            u.id
        );
    }
    // Exact definitions, as the sources give them.
    let f = |id: &str| units.unit(id).expect(id).factor;
    assert_eq!(f("lb"), 453.592_37);
    assert_eq!(f("oz"), 28.349_523_125);
    assert!((f("oz") * 16.0 - f("lb")).abs() < 1e-9);
    assert_eq!(f("fl_oz"), 29.573_529_562_5);
    assert_eq!(f("gal"), 3_785.411_784);
    assert!((f("fl_oz") * 128.0 - f("gal")).abs() < 1e-9);
    assert!((f("qt") * 4.0 - f("gal")).abs() < 1e-9);
    assert!((f("pt") * 8.0 - f("gal")).abs() < 1e-9);
    assert_eq!(f("in"), 2.54);
    assert!((f("ft") - 12.0 * f("in")).abs() < 1e-9);
    // 231 cubic inches to the gallon.
    assert!((231.0 * 2.54f64.powi(3) - f("gal")).abs() < 1e-9);
    let fahrenheit = units.unit("F").expect("F");
    assert!((fahrenheit.to_base(212.0) - 100.0).abs() < 1e-9);
    assert!((fahrenheit.to_base(32.0)).abs() < 1e-9);
}

#[test]
fn every_dimension_has_rules_for_both_directions() {
    for d in units().dimensions() {
        assert!(!d.to_metric.is_empty(), "{}", d.id);
        assert!(!d.read_back.is_empty(), "{}", d.id);
        let base = units().unit(&d.base).expect("base unit");
        assert_eq!((base.factor, base.imperial), (1.0, false), "{}", d.id);
    }
}

#[test]
fn a_unit_added_to_the_data_is_found_with_no_code_change() {
    let mut table = include_str!("../../../assets/units.toml").to_owned();
    table.push_str(
        r#"
[[unit]]
id = "yd"
dimension = "length"
imperial = true
factor = 91.44 # cm
en = "yd"
spellings = ["yd", "yard", "yards", "码"]
"#,
    );
    let units = Units::from_toml(&table).expect("the extended table");
    let q = units.find("3 yards of ribbon").remove(0);
    assert_eq!(q.unit, "yd");
    assert_eq!(units.to_metric(&q), "274.3厘米");
    assert_eq!(units.convert_text("丝带3码"), "丝带274.3厘米");
}

#[test]
fn broken_tables_are_refused_with_a_code() {
    let good = include_str!("../../../assets/units.toml");
    for (broken, code) in [
        ("[[unit", "units-toml"),
        (
            &*good.replace("factor = 2.54", "factor = 0"),
            "units-invalid",
        ),
        (
            &*good.replace(
                "dimension = \"length\"\nimperial = true\nfactor = 2.54",
                "dimension = \"size\"\nimperial = true\nfactor = 2.54",
            ),
            "units-invalid",
        ),
        (
            &*good.replace("spellings = [\"gal\",", "spellings = [\"oz\", \"gal\","),
            "units-invalid",
        ),
        (
            &*good.replace("bare = [\"加仑\"]", "bare = [\"加仑\", \"gals\"]"),
            "units-invalid",
        ),
    ] {
        let err = Units::from_toml(broken).expect_err("refused");
        assert_eq!(err.code(), code, "{err}");
    }
}

// ---------------------------------------------------------------- speed and shapes

#[test]
fn a_description_is_scanned_once_without_blowing_up() {
    let paragraph = "美国华盛顿州产区直供，果实饱满。净含量：2磅，约907克。Store below 40°F. 12\" x 8\" box, 3 in 1. ";
    let text = paragraph.repeat(200);
    let found = units().find(&text);
    assert_eq!(found.iter().filter(|q| q.unit == "lb").count(), 200);
    assert_eq!(found.iter().filter(|q| q.unit == "g").count(), 200);
    assert_eq!(found.iter().filter(|q| q.unit == "F").count(), 200);
    assert_eq!(found.iter().filter(|q| q.unit == "in").count(), 400);
    assert!(found.windows(2).all(|w| w[0].end <= w[1].start));
}

#[test]
fn quantities_serialize() {
    let q = one("2-3 lb");
    let json = serde_json::to_value(&q).expect("json");
    assert_eq!(json["unit"], "lb");
    assert_eq!(json["value"]["kind"], "range");
    let back: Quantity = serde_json::from_value(json).expect("back");
    assert_eq!(back, q);
}
