//! The memory on entries a US grocery merchant would save: cherries, salmon, crab, nuts and
//! maple syrup, titles and description segments.

use kuajing_tm::{DiffKind, DiffPart, Entry, FieldKind, Match, Memory, align};

/// A stand-in for kuajing-units: pounds and ounces to grams (kilograms from 1 kg, two
/// decimals), fluid ounces to millilitres. 1 lb = 453.59237 g, 1 oz = 28.349523125 g,
/// 1 US fl oz = 29.5735295625 ml (docs/drafting.md).
fn to_metric(quantity: &str) -> Option<String> {
    let (number, unit) = quantity.split_once(' ')?;
    let n: f64 = number.parse().ok()?;
    let grams = match unit.to_lowercase().as_str() {
        "lb" | "lbs" | "pound" | "pounds" => n * 453.592_37,
        "oz" | "ounce" | "ounces" => n * 28.349_523_125,
        "fl oz" => return Some(format!("{}毫升", (n * 29.573_529_562_5).round())),
        _ => return None,
    };
    Some(if grams >= 1000.0 {
        let kg = format!("{:.2}", grams / 1000.0);
        format!("{}千克", kg.trim_end_matches('0').trim_end_matches('.'))
    } else {
        format!("{}克", grams.round())
    })
}

fn grocery() -> Memory {
    Memory::new([
        Entry::new(
            "Rainier Cherries 5 lb Gift Box",
            "雷尼尔樱桃 2.27千克 礼盒装",
        ),
        Entry::new(
            "Wild Alaskan Sockeye Salmon Fillets 3 lb",
            "阿拉斯加野生红鲑鱼排 1.36千克",
        ),
        Entry::new(
            "Wild Alaskan Sockeye Salmon Portions 2 lb",
            "阿拉斯加野生红鲑鱼块 907克",
        ),
        Entry::new(
            "Wild Alaskan Sockeye Salmon Fillets 2 lb Bulk Pack",
            "阿拉斯加野生红鲑鱼排 907克 量贩装",
        ),
        Entry::new("Alaskan King Crab Legs 2 lb", "阿拉斯加帝王蟹腿 907克"),
        Entry::new(
            "Organic Maple Syrup 12oz (Grade A)",
            "有机枫糖浆 340克（A级）",
        ),
        Entry::new("Roasted Salted Pistachios 1 lb", "盐焗开心果 454克"),
        Entry::new(
            "Our Dungeness crab is caught off the Oregon coast and cooked within hours.",
            "我们的珍宝蟹捕捞自俄勒冈海岸，数小时内完成烹煮。",
        ),
    ])
}

fn search(memory: &Memory, query: &str, threshold: u8) -> Vec<Match> {
    memory.search_with(query, threshold, 10, &to_metric)
}

fn one(source: &str, target: &str, query: &str) -> Match {
    let memory = Memory::new([Entry::new(source, target)]);
    let mut found = search(&memory, query, 50);
    assert_eq!(found.len(), 1, "{query:?} against {source:?}");
    found.remove(0)
}

#[test]
fn the_same_text_scores_100_with_no_difference() {
    let found = search(&grocery(), "Rainier Cherries 5 lb Gift Box", 70);
    assert_eq!(found[0].score, 100);
    assert_eq!(found[0].target, "雷尼尔樱桃 2.27千克 礼盒装");
    assert_eq!(
        found[0].diff,
        [DiffPart {
            kind: DiffKind::Equal,
            text: "Rainier Cherries 5 lb Gift Box".into()
        }]
    );
    assert_eq!(found[0].adapted, None);
    assert!(found.iter().skip(1).all(|m| m.score < 100));
}

#[test]
fn near_matches_come_best_first_and_a_number_costs_less_than_a_word() {
    let found = search(&grocery(), "Wild Alaskan Sockeye Salmon Fillets 2 lb", 60);
    let sources: Vec<&str> = found.iter().map(|m| m.source.as_str()).collect();
    assert_eq!(
        sources,
        [
            "Wild Alaskan Sockeye Salmon Fillets 3 lb",
            "Wild Alaskan Sockeye Salmon Portions 2 lb",
            "Wild Alaskan Sockeye Salmon Fillets 2 lb Bulk Pack",
        ]
    );
    assert!(found.windows(2).all(|w| w[0].score > w[1].score));
    // 7 words of weight 2; a number for a number costs 1: floor(100 * 13 / 14)
    assert_eq!(found[0].score, 92);
    assert!(found.iter().all(|m| m.score < 100));
    assert_eq!(
        found[0].adapted.as_deref(),
        Some("阿拉斯加野生红鲑鱼排 907克")
    );
    assert_eq!(found[1].adapted, None);
}

#[test]
fn full_width_and_half_width_are_the_same_text() {
    let found = search(
        &grocery(),
        "Ｏｒｇａｎｉｃ Ｍａｐｌｅ Ｓｙｒｕｐ　１２ｏｚ　（Ｇｒａｄｅ Ａ）",
        90,
    );
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].score, 100);
    assert_eq!(found[0].source, "Organic Maple Syrup 12oz (Grade A)");
    // spacing is not the same text
    let spaced = search(&grocery(), "Organic Maple Syrup 12 oz (Grade A)", 90);
    assert_eq!(spaced[0].score, 99);
}

#[test]
fn case_and_whitespace_do_not_count() {
    let found = search(&grocery(), "  ROASTED   SALTED pistachios\t1 LB ", 90);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].score, 100);
}

#[test]
fn the_threshold_and_the_limit_cut_the_list() {
    let memory = grocery();
    let query = "Wild Alaskan Sockeye Salmon Fillets 2 lb";
    let all = search(&memory, query, 0);
    for threshold in [50, 80, 90, 93, 100] {
        let cut = search(&memory, query, threshold);
        let expected: Vec<&Match> = all.iter().filter(|m| m.score >= threshold).collect();
        assert_eq!(
            cut.iter().collect::<Vec<_>>(),
            expected,
            "threshold {threshold}"
        );
    }
    assert!(search(&memory, query, 100).is_empty());
    assert_eq!(memory.search_with(query, 0, 2, &to_metric), all[..2]);
    assert!(memory.search(query, 0, 0).is_empty());
    assert!(memory.search("   ", 0, 5).is_empty());
}

#[test]
fn a_quantity_with_a_unit_is_adapted_through_the_converter() {
    let m = one(
        "Rainier Cherries 5 lb Gift Box",
        "雷尼尔樱桃 2.27千克 礼盒装",
        "Rainier Cherries 2 lb Gift Box",
    );
    assert!(m.score < 100);
    assert_eq!(m.adapted.as_deref(), Some("雷尼尔樱桃 907克 礼盒装"));

    // another unit for the same kind of quantity
    let m = one(
        "Wild Sockeye Salmon 16 oz",
        "野生红鲑 454克",
        "Wild Sockeye Salmon 2 lb",
    );
    assert_eq!(m.adapted.as_deref(), Some("野生红鲑 907克"));

    // two-word units, full-width digits in the query, spaces inside the rendering
    let m = one(
        "Grade A Amber Maple Syrup 12 fl oz",
        "A级琥珀色枫糖浆 355 毫升",
        "Grade A Amber Maple Syrup ３２ fl oz",
    );
    assert_eq!(m.adapted.as_deref(), Some("A级琥珀色枫糖浆 946毫升"));
}

#[test]
fn both_renderings_of_a_quantity_follow() {
    let m = one(
        "Rainier Cherries 5 lb Gift Box",
        "雷尼尔樱桃 5磅（2.27千克）礼盒装",
        "Rainier Cherries 2 lb Gift Box",
    );
    assert_eq!(m.adapted.as_deref(), Some("雷尼尔樱桃 2磅（907克）礼盒装"));
    // the old unit next to the new one cannot follow a change of unit
    let m = one(
        "Wild Salmon 16 oz",
        "野生三文鱼 16盎司（454克）",
        "Wild Salmon 2 lb",
    );
    assert_eq!(m.adapted, None);
}

#[test]
fn a_plain_number_is_replaced_as_written() {
    let m = one(
        "Mixed Nuts, Pack of 6",
        "混合坚果 6袋装",
        "Mixed Nuts, Pack of 12",
    );
    assert_eq!(m.adapted.as_deref(), Some("混合坚果 12袋装"));
    // without any converter too
    let memory = Memory::new([Entry::new("Mixed Nuts, Pack of 6", "混合坚果 6袋装")]);
    let found = memory.search("Mixed Nuts, Pack of 12", 50, 5);
    assert_eq!(found[0].adapted.as_deref(), Some("混合坚果 12袋装"));
    // a number kept in its imperial unit in the target follows the query's number
    let m = one(
        "Maple Syrup 32 oz Jug",
        "枫糖浆 32盎司 壶装",
        "Maple Syrup 16 oz Jug",
    );
    assert_eq!(m.adapted.as_deref(), Some("枫糖浆 16盎司 壶装"));
}

#[test]
fn a_number_inside_another_number_is_left_alone() {
    let m = one(
        "Roasted Almonds 5 Pack",
        "烘焙杏仁 5袋装 净含量1.5千克，每袋15颗",
        "Roasted Almonds 3 Pack",
    );
    assert_eq!(
        m.adapted.as_deref(),
        Some("烘焙杏仁 3袋装 净含量1.5千克，每袋15颗")
    );
}

#[test]
fn numbers_appearing_twice() {
    // the same number changing the same way: every occurrence follows
    let m = one(
        "Pecan Halves 6 Pack (6 x 8 oz)",
        "山核桃仁 6袋装（6袋×227克）",
        "Pecan Halves 12 Pack (12 x 8 oz)",
    );
    assert_eq!(m.adapted.as_deref(), Some("山核桃仁 12袋装（12袋×227克）"));

    // one "2" changes, the other is a weight found in its metric form
    let m = one(
        "Maple Syrup 2 Pack, 2 lb each",
        "枫糖浆 2瓶装，每瓶907克",
        "Maple Syrup 3 Pack, 2 lb each",
    );
    assert_eq!(m.adapted.as_deref(), Some("枫糖浆 3瓶装，每瓶907克"));

    // the same number written twice for one quantity
    let m = one(
        "Mixed Nuts, Pack of 6",
        "混合坚果 6袋装（6袋）",
        "Mixed Nuts, Pack of 12",
    );
    assert_eq!(m.adapted.as_deref(), Some("混合坚果 12袋装（12袋）"));

    // the unchanged weight is also written "2" in the target: which "2" is the pack's?
    let m = one(
        "Snow Crab Legs 2 Pack, 2 lb each",
        "雪蟹腿 2袋装，每袋2磅（907克）",
        "Snow Crab Legs 3 Pack, 2 lb each",
    );
    assert_eq!(m.adapted, None);

    // one "2" changes and the other does not, both written "2": no telling which is which
    let m = one(
        "Snow Crab Legs 2 Pack 2 Clusters",
        "雪蟹腿 2袋装 2簇",
        "Snow Crab Legs 3 Pack 2 Clusters",
    );
    assert!(m.score < 100);
    assert_eq!(m.adapted, None);
}

#[test]
fn no_adaptation_when_the_number_is_not_in_the_target_or_a_word_differs() {
    let m = one(
        "Rainier Cherries 5 lb Gift Box",
        "雷尼尔樱桃礼盒装",
        "Rainier Cherries 2 lb Gift Box",
    );
    assert_eq!(m.adapted, None);
    let m = one(
        "Rainier Cherries 5 lb Gift Box",
        "雷尼尔樱桃 2.27千克 礼盒装",
        "Rainier Cherries 2 lb Gift Bag",
    );
    assert_eq!(m.adapted, None);
    // a unit the converter does not know, and a target that kept neither number nor unit
    let m = one("Wild Salmon 16 oz", "野生三文鱼 一磅", "Wild Salmon 2 lb");
    assert_eq!(m.adapted, None);
}

#[test]
fn at_equal_scores_the_adapted_match_comes_first() {
    let memory = Memory::new([
        // 24 oz for 2 lb: a number and a unit differ (3 half-words of 10): 70
        Entry::new("Walnut Halves 24 oz Bag", "核桃仁 680克 袋装"),
        // a number and a word differ: also 70, and inserted later
        Entry::new("Walnut Halves 3 lb Tote", "核桃仁 1.36千克 手提袋装"),
    ]);
    let found = search(&memory, "Walnut Halves 2 lb Bag", 50);
    assert_eq!(found.len(), 2);
    assert_eq!(found[0].score, found[1].score);
    assert_eq!(found[0].source, "Walnut Halves 24 oz Bag");
    assert_eq!(found[0].adapted.as_deref(), Some("核桃仁 907克 袋装"));
    assert_eq!(found[1].adapted, None);
}

#[test]
fn the_difference_is_word_by_word() {
    let m = one(
        "Rainier Cherries 5 lb Gift Box",
        "雷尼尔樱桃 2.27千克 礼盒装",
        "Rainier  Cherries 2 lb Gift Box, Fresh",
    );
    let part = |kind, text: &str| DiffPart {
        kind,
        text: text.into(),
    };
    assert_eq!(
        m.diff,
        [
            part(DiffKind::Equal, "Rainier  Cherries"),
            part(DiffKind::Delete, " 5"),
            part(DiffKind::Insert, " 2"),
            part(DiffKind::Equal, " lb Gift Box"),
            part(DiffKind::Insert, ", Fresh"),
        ]
    );
    let query: String = m
        .diff
        .iter()
        .filter(|p| p.kind != DiffKind::Delete)
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(query, "Rainier  Cherries 2 lb Gift Box, Fresh");
    let source: String = m
        .diff
        .iter()
        .filter(|p| p.kind != DiffKind::Insert)
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(
        source.split_whitespace().collect::<Vec<_>>().join(" "),
        "Rainier Cherries 5 lb Gift Box"
    );
}

#[test]
fn a_pair_saved_twice_is_kept_once_and_the_newest_translation_comes_first() {
    let mut memory = Memory::new([
        Entry::new("Wild Alaskan Sockeye Salmon", "阿拉斯加野生红鲑"),
        Entry::new("Wild Alaskan Sockeye Salmon", "阿拉斯加野生红鲑鱼"),
    ]);
    assert_eq!(
        memory.search("Wild Alaskan Sockeye Salmon", 100, 5)[0].target,
        "阿拉斯加野生红鲑鱼"
    );
    memory.insert(Entry::new(
        "Wild Alaskan Sockeye Salmon",
        "阿拉斯加野生红鲑",
    ));
    assert_eq!(memory.len(), 2);
    let found = memory.search("Wild Alaskan Sockeye Salmon", 100, 5);
    let targets: Vec<&str> = found.iter().map(|m| m.target.as_str()).collect();
    assert_eq!(targets, ["阿拉斯加野生红鲑", "阿拉斯加野生红鲑鱼"]);
}

#[test]
fn blank_pairs_are_not_stored_and_a_memory_is_shared_across_threads() {
    let memory = Memory::new([
        Entry::new("Roasted Almonds", " "),
        Entry::new(" ", "烘焙杏仁"),
        Entry::new("Roasted Almonds", "烘焙杏仁"),
    ]);
    assert_eq!(memory.len(), 1);
    let memory = std::sync::Arc::new(memory);
    let other = std::sync::Arc::clone(&memory);
    let found = std::thread::spawn(move || other.search("roasted almonds", 100, 1))
        .join()
        .unwrap();
    assert_eq!(found[0].target, "烘焙杏仁");
}

#[test]
fn a_saved_description_is_found_paragraph_by_paragraph() {
    let en = "Sweet, crisp Rainier cherries from the Yakima Valley.\n\n- 5 lb gift box\n- Shipped overnight on ice";
    let zh = "来自亚基马谷的雷尼尔樱桃，香甜爽脆。\n\n- 2.27千克礼盒装\n- 冰袋保鲜，隔夜送达";
    let mut memory = grocery();
    for entry in align(FieldKind::Description, en, zh) {
        memory.insert(entry);
    }
    let found = search(&memory, "Shipped overnight on dry ice", 60);
    assert_eq!(found[0].target, "冰袋保鲜，隔夜送达");
    let found = search(&memory, "3 lb gift box", 60);
    assert_eq!(found[0].source, "5 lb gift box");
    assert_eq!(found[0].adapted.as_deref(), Some("1.36千克礼盒装"));
}

#[test]
fn a_match_serializes_with_snake_case_fields() {
    let m = one(
        "Rainier Cherries 5 lb Gift Box",
        "雷尼尔樱桃 2.27千克 礼盒装",
        "Rainier Cherries 2 lb Gift Box",
    );
    let json = serde_json::to_value(&m).unwrap();
    assert_eq!(json["adapted"], "雷尼尔樱桃 907克 礼盒装");
    assert_eq!(json["diff"][1]["kind"], "delete");
    assert_eq!(json["score"], m.score);
    let back: Match = serde_json::from_value(json).unwrap();
    assert_eq!(back, m);
    let exact = one(
        "Rainier Cherries 5 lb Gift Box",
        "x",
        "Rainier Cherries 5 lb Gift Box",
    );
    let json = serde_json::to_value(&exact).unwrap();
    assert!(json.get("adapted").is_none());
}
