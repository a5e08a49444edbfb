//! Records what the UI's development mock replays (`ui/src/ipc/fixtures/core.json`): the
//! marketplace list, every profile's slots and limits, the term list, and the core's own
//! answer to `check_copy` (in English and Chinese) for the texts the mock's sample catalog and
//! the UI's tests use. The mock holds no copy of the profiles or the checker: a profile or
//! rule changed in Rust changes this file, and `scripts/test-all.sh` fails until it is
//! committed, like the generated bindings.

#![allow(clippy::unwrap_used)] // a panic is the failure report

mod support;

use std::path::PathBuf;

use kuajing_core::CopyField;
use serde_json::{Value, json};

/// The texts checked and recorded, by field: the mock's sample copy and what the UI's tests type.
const CORPUS: &[(CopyField, &str)] = &[
    (
        CopyField::Title,
        "美国华盛顿州雷尼尔黄樱桃礼盒 新鲜采摘 冷链直发",
    ),
    (
        CopyField::Title,
        "最好吃的美国俄勒冈烘焙榛子 无油无盐 454克",
    ),
    (CopyField::Title, "🍒🍒最好的樱桃"),
    (CopyField::Title, "美国车厘子 2lb"),
    (CopyField::Title, "美國進口車厘子禮盒"),
    (CopyField::Title, ""),
    (
        CopyField::Description,
        "来自华盛顿州韦纳奇谷家庭果园的手摘雷尼尔樱桃。\n\n果皮金黄带红晕，口感清甜、酸度低。采摘后24小时内装箱，全程冷链保温运输。\n\n产季：6月下旬至8月初。",
    ),
    (
        CopyField::Description,
        "产自俄勒冈州威拉米特河谷的自家农场，低温干烘，不加油不加盐。",
    ),
    (
        CopyField::SellingPoints,
        "产地：美国华盛顿州\n品名：雷尼尔车厘子\n规格：907克",
    ),
    (CopyField::ShortTitle, "华盛顿州雷尼尔车厘子"),
];

/// `value` with every object's keys in sorted order.
fn sorted(value: Value) -> Value {
    match value {
        Value::Object(map) => {
            let mut entries: Vec<(String, Value)> = map.into_iter().collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            Value::Object(entries.into_iter().map(|(k, v)| (k, sorted(v))).collect())
        }
        Value::Array(items) => Value::Array(items.into_iter().map(sorted).collect()),
        other => other,
    }
}

fn fixture_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/ipc/fixtures/core.json")
}

#[test]
fn the_ui_mock_replays_what_the_core_answers() {
    let (_dir, workbench) = support::workbench();
    let zh = workbench.with_lang("zh-CN");
    let mut profiles = serde_json::Map::new();
    for id in kuajing_marketplace::builtin_ids() {
        let profile = workbench.profile(id).unwrap();
        profiles.insert(
            id.to_owned(),
            json!({
                "slots": profile.slots,
                "title": profile.title,
                "short_title": profile.short_title,
                "selling_points": profile.selling_points,
            }),
        );
    }
    let mut checks = Vec::new();
    for id in kuajing_marketplace::builtin_ids() {
        for (field, text) in CORPUS {
            checks.push(json!({
                "marketplace": id,
                "field": field,
                "text": text,
                "en": workbench.check_copy(id, *field, text).unwrap(),
                "zh-CN": zh.check_copy(id, *field, text).unwrap(),
            }));
        }
    }
    let checker = kuajing_copy::Checker::builtin().unwrap();
    let fixture: Value = json!({
        "note": "Recorded by crates/kuajing-core/tests/ui_fixtures.rs; do not edit.",
        "marketplaces": workbench.marketplaces().unwrap(),
        "profiles": profiles,
        "terms": checker.terms(),
        "checks": checks,
    });
    // Keys sorted at every level: serde_json keeps insertion order when another crate in the
    // build turns on `preserve_order`, so the bytes must not depend on which crates are built.
    let text = serde_json::to_string_pretty(&sorted(fixture.clone())).unwrap() + "\n";
    let path = fixture_path();
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let before = std::fs::read_to_string(&path).unwrap_or_default();
    if before != text {
        std::fs::write(&path, &text).unwrap();
    }
    // What the mock relies on is there: a banned term found at its offsets.
    let recorded = &fixture["checks"][2]["en"]["findings"];
    assert!(
        recorded
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["code"] == "banned-term" && f["start"] == 2),
        "{recorded}"
    );
}
