//! Drafting on real files: a Shopify export of US seed goods (`tests/fixtures/drafting/`)
//! imported into a real catalog file, drafted for Tmall Global, and held to the quality bar
//! (`docs/drafting.md`): every title names the product in Chinese with its US origin, has no
//! error finding, fits the limit and has no imperial unit; every option value comes out
//! metric.

#![allow(clippy::unwrap_used, clippy::print_stdout)] // a panic is the failure report

mod support;

use std::path::PathBuf;

use kuajing_core::{CopyField, DraftSource, GlossaryTerm, Locale, MtSettings, Rules, Workbench};

fn fixture() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/drafting/us-seed-goods.csv")
}

fn imported() -> (tempfile::TempDir, Workbench) {
    let (dir, workbench) = support::workbench();
    let report = workbench.import(&fixture(), false).unwrap();
    assert!(report.applied, "{:?}", report.errors);
    (dir, workbench)
}

fn imperial(text: &str) -> bool {
    let units = kuajing_units::Units::builtin().unwrap();
    units
        .find(text)
        .iter()
        .any(|q| q.imperial && q.value.is_some())
}

#[test]
fn drafted_titles_of_us_seed_goods_meet_the_quality_bar() {
    let (_dir, workbench) = imported();
    let handles: Vec<String> = workbench
        .products("", false)
        .unwrap()
        .into_iter()
        .map(|p| p.handle)
        .collect();
    assert_eq!(handles.len(), 45);
    let mut failures = Vec::new();
    let (mut named, mut origin, mut clean, mut fits, mut metric) = (0, 0, 0, 0, 0);
    for handle in &handles {
        let draft = workbench
            .draft(handle, CopyField::Title, "tmall-global", false)
            .unwrap();
        let product_term = draft.sources.iter().any(|s| match s {
            DraftSource::Template { variables, .. } => {
                let p = &variables["product"];
                !p.is_empty() && draft.text.contains(p.as_str())
            }
            DraftSource::Tm { .. } => true,
            _ => false,
        });
        let checks = [
            product_term,
            draft.text.contains("美国"),
            !draft
                .findings
                .iter()
                .any(|f| f.severity == kuajing_copy::Severity::Error),
            draft.limit.is_some_and(|l| draft.units <= l),
            !imperial(&draft.text),
        ];
        for (count, ok) in [&mut named, &mut origin, &mut clean, &mut fits, &mut metric]
            .into_iter()
            .zip(checks)
        {
            *count += usize::from(ok);
        }
        if checks.contains(&false) {
            failures.push(format!("{handle}: {} {checks:?}", draft.text));
        }
        println!(
            "{handle}\t{}\t{}/{:?}",
            draft.text, draft.units, draft.limit
        );
    }
    println!(
        "titles: {} products; names the product {named}, US origin {origin}, no error {clean}, fits {fits}, no imperial unit {metric}",
        handles.len()
    );
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn a_marketplace_that_counts_characters_gets_drafts_fitted_in_characters() {
    let (_dir, workbench) = imported();
    let profile = kuajing_marketplace::load("jd-worldwide").unwrap();
    assert_eq!(profile.title.unit, kuajing_marketplace::TitleUnit::Chars);
    let mut longest = 0;
    for product in workbench.products("", false).unwrap() {
        let draft = workbench
            .draft(&product.handle, CopyField::Title, "jd-worldwide", false)
            .unwrap();
        let chars = u32::try_from(draft.text.chars().count()).unwrap();
        // Counted, limited and reported in characters, not GBK units.
        assert_eq!(draft.unit, kuajing_copy::Length::Chars);
        assert_eq!(draft.units, chars, "{}", draft.text);
        assert_eq!(draft.limit, Some(profile.title.max_units));
        assert!(chars <= profile.title.max_units, "{}", draft.text);
        longest = longest.max(kuajing_copy::gbk_units(&draft.text));
    }
    // Some draft is over 45 GBK units: measured in units, the budget would have cut it.
    assert!(longest > profile.title.max_units, "{longest}");
}

#[test]
fn every_option_value_gets_a_metric_chinese_form_on_import() {
    let (_dir, workbench) = imported();
    let values = workbench.option_values().unwrap();
    assert_eq!(values.len(), 25);
    let mut imperial_left = Vec::new();
    for v in &values {
        assert!(!v.zh.is_empty(), "{} {} has no Chinese", v.name, v.value);
        if imperial(&v.zh) {
            imperial_left.push(format!("{} = {}", v.value, v.zh));
        }
    }
    assert!(imperial_left.is_empty(), "{imperial_left:?}");
    let zh = |value: &str| {
        values
            .iter()
            .find(|v| v.value == value)
            .map(|v| v.zh.clone())
            .unwrap()
    };
    assert_eq!(zh("2 lb"), "907克");
    assert_eq!(zh("5 lb"), "2.27千克");
    assert_eq!(zh("16 oz"), "454克");
    assert_eq!(zh("1 gal"), "3.79升");
    assert_eq!(zh("Large"), "大号");
    assert_eq!(zh("24 Count"), "24个");
    // The merchant's override wins, is kept in history, and later imports leave it alone.
    assert!(
        workbench
            .set_option_value("Size", "2 lb", "2磅（907克）", "test")
            .unwrap()
    );
    workbench.import(&fixture(), false).unwrap();
    let values = workbench.option_values().unwrap();
    let two = values.iter().find(|v| v.value == "2 lb").unwrap();
    assert_eq!(
        (two.zh.as_str(), two.source.as_str()),
        ("2磅（907克）", "user")
    );
    let err = workbench
        .set_option_value("Size", "7 lb", "3.18千克", "test")
        .unwrap_err();
    assert_eq!(err.code(), "no-option-value");
}

#[test]
fn a_saved_draft_is_marked_in_history_and_every_field_drafts() {
    let (_dir, workbench) = imported();
    for field in [
        CopyField::Title,
        CopyField::ShortTitle,
        CopyField::SellingPoints,
        CopyField::Description,
    ] {
        let draft = workbench
            .draft("sockeye-salmon-fillets", field, "tmall-global", true)
            .unwrap();
        assert!(draft.saved);
        assert!(!draft.text.is_empty(), "{field:?}");
        assert!(!imperial(&draft.text), "{field:?}: {}", draft.text);
    }
    let product = workbench.product("sockeye-salmon-fillets").unwrap();
    assert!(
        product.title_zh.contains("红鲑鱼柳"),
        "{}",
        product.title_zh
    );
    assert!(product.selling_points_zh.lines().count() <= 5);
    assert!(product.selling_points_zh.contains("产地：美国阿拉斯加"));
    assert!(product.short_title_zh.chars().count() <= 12);
    let history = workbench.history("sockeye-salmon-fillets").unwrap();
    // The four copy fields; the net content drafted at import has no locale.
    let copy_drafts = history
        .iter()
        .filter(|h| h.source == "draft" && h.locale.as_deref() == Some("zh-CN"));
    assert_eq!(copy_drafts.count(), 4);
}

#[test]
fn what_a_person_saved_comes_back_from_the_translation_memory_with_numbers_adapted() {
    let (_dir, workbench) = imported();
    // A translator fixes the title of one product by hand.
    workbench
        .set_copy(
            "bing-cherries",
            CopyField::Title,
            Locale::ZhCn,
            "美国华盛顿州亚基马谷宾莹车厘子",
            None,
            "tmall-global",
            "editor",
        )
        .unwrap();
    let matches = workbench
        .tm_search("Bing Cherries, Yakima Valley", 5)
        .unwrap();
    assert_eq!(matches[0].score, 100);
    assert_eq!(matches[0].target, "美国华盛顿州亚基马谷宾莹车厘子");
    // The same English on another product drafts from memory.
    workbench
        .set_copy(
            "rainier-cherries",
            CopyField::Title,
            Locale::ZhCn,
            "雷尼尔车厘子 2.27千克",
            None,
            "tmall-global",
            "editor",
        )
        .unwrap();
    // A query that differs only in its quantity is offered adapted.
    let adapted = workbench
        .tm_search("Fresh Rainier Cherries from Washington 2 lb", 5)
        .unwrap();
    println!("{adapted:#?}");
    let draft = workbench
        .draft("bing-cherries", CopyField::Title, "tmall-global", false)
        .unwrap();
    assert_eq!(draft.text, "美国华盛顿州亚基马谷宾莹车厘子");
    assert!(matches!(
        draft.sources[0],
        DraftSource::Tm {
            score: 100,
            adapted: false,
            ..
        }
    ));
    // A draft saved as such is not remembered; only what a person saves is.
    let before = workbench
        .tm_search("Snow Crab Clusters, Alaska", 5)
        .unwrap()
        .len();
    workbench
        .draft("snow-crab-clusters", CopyField::Title, "tmall-global", true)
        .unwrap();
    assert_eq!(
        workbench
            .tm_search("Snow Crab Clusters, Alaska", 5)
            .unwrap()
            .len(),
        before
    );
}

#[test]
fn the_glossary_is_seeded_once_edited_checked_and_round_trips_as_csv() {
    let (dir, workbench) = imported();
    let seeded = workbench.glossary_terms().unwrap().len();
    assert!(seeded > 200);
    // The merchant's own word for cherries survives reopening (the seed never overwrites).
    let mine = GlossaryTerm {
        en: "Cherries".into(),
        zh: "大樱桃".into(),
        forbidden: vec!["樱桃".into()],
        note: "our buyers say 大樱桃".into(),
        category: "product".into(),
        origin: "user".into(),
    };
    assert!(workbench.put_glossary_term(&mine, "test").unwrap());
    let reopened = Workbench::open(
        &dir.path().join("catalog.sqlite"),
        Rules::new("en").unwrap(),
    )
    .unwrap();
    let terms = reopened.glossary_terms().unwrap();
    assert_eq!(terms.len(), seeded);
    assert_eq!(
        terms.iter().find(|t| t.en == "Cherries").unwrap().zh,
        "大樱桃"
    );
    // A forbidden variant in saved copy is an error with a one-click fix.
    let check = reopened
        .set_copy(
            "dark-sweet-cherries-gift",
            CopyField::Title,
            Locale::ZhCn,
            "美国深红樱桃礼盒装",
            None,
            "tmall-global",
            "editor",
        )
        .unwrap();
    let forbidden = check
        .findings
        .iter()
        .find(|f| f.code == "glossary-forbidden")
        .unwrap();
    assert_eq!((forbidden.start, forbidden.end), (4, 6));
    assert_eq!(forbidden.fixes[0].replacement, "大樱桃");
    // Export, change, import: the file's terms win, counted.
    let csv = dir.path().join("glossary.csv");
    assert_eq!(reopened.export_glossary(&csv).unwrap(), seeded);
    let text = std::fs::read_to_string(&csv).unwrap();
    let edited = text.replace("Walnuts,核桃,", "Walnuts,胡桃,") + "Huckleberries,越橘,,,product\n";
    std::fs::write(&csv, edited).unwrap();
    let report = reopened.import_glossary(&csv, "test").unwrap();
    assert_eq!((report.added, report.changed), (1, 1));
    assert_eq!(report.unchanged, seeded - 1);
    // A bad row changes nothing and names the row.
    std::fs::write(&csv, "en,zh\nPecans,碧根果\nFigs,\n").unwrap();
    let err = reopened.import_glossary(&csv, "test").unwrap_err();
    assert_eq!(err.code(), "glossary-csv");
    assert!(err.to_string().contains("row 3"), "{err}");
    assert_eq!(reopened.glossary_terms().unwrap().len(), seeded + 1);
}

#[test]
fn the_sheet_lists_option_values_in_chinese() {
    let (dir, workbench) = imported();
    workbench.set_rate(7.2, "2026-12-01").unwrap();
    for p in workbench.products("", false).unwrap() {
        workbench
            .draft(&p.handle, CopyField::Title, "tmall-global", true)
            .unwrap();
    }
    let out = dir.path().join("bundle.zip");
    workbench.export("tmall-global", &out).unwrap();
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&out).unwrap()).unwrap();
    let name = (0..zip.len())
        .map(|i| zip.by_index(i).unwrap().name().to_owned())
        .find(|n| n.ends_with(".csv"))
        .unwrap();
    let mut sheet = String::new();
    std::io::Read::read_to_string(&mut zip.by_name(&name).unwrap(), &mut sheet).unwrap();
    assert!(sheet.contains("907克"), "{sheet}");
    assert!(!sheet.contains(",2 lb,"), "{sheet}");
}

#[test]
fn drafting_all_empty_fields_fills_only_the_empty_ones_and_stops_when_cancelled() {
    use std::sync::atomic::{AtomicBool, Ordering};
    let (_dir, workbench) = imported();
    workbench
        .set_copy(
            "bing-cherries",
            CopyField::Title,
            Locale::ZhCn,
            "宾莹车厘子",
            None,
            "tmall-global",
            "editor",
        )
        .unwrap();
    let cancel = AtomicBool::new(false);
    let mut seen = Vec::new();
    let report = workbench
        .draft_empty_fields(&[], "tmall-global", &cancel, |p| seen.push(p.done))
        .unwrap();
    assert_eq!(report.progress.total, 45);
    assert_eq!(seen.len(), 45);
    assert_eq!(report.progress.drafted, 45 * 4 - 1);
    assert_eq!(report.kept, 1);
    assert!(report.failures.is_empty(), "{:?}", report.failures);
    assert_eq!(
        workbench.product("bing-cherries").unwrap().title_zh,
        "宾莹车厘子"
    );
    // Everything is filled now: a second run keeps it all.
    let again = workbench
        .draft_empty_fields(&[], "tmall-global", &cancel, |_| {})
        .unwrap();
    assert_eq!((again.progress.drafted, again.kept), (0, 180));
    // Cancel after the first product.
    let (_dir2, fresh) = imported();
    let report = fresh
        .draft_empty_fields(&[], "tmall-global", &cancel, |_| {
            cancel.store(true, Ordering::Relaxed)
        })
        .unwrap();
    assert!(report.cancelled);
    assert_eq!(report.progress.done, 1);
}

#[test]
fn suggestions_show_the_glossary_terms_of_the_english_and_tm_matches() {
    let (_dir, workbench) = imported();
    workbench
        .set_copy(
            "rainier-cherries",
            CopyField::Title,
            Locale::ZhCn,
            "美国华盛顿州新鲜雷尼尔车厘子",
            None,
            "tmall-global",
            "editor",
        )
        .unwrap();
    let s = workbench
        .suggestions("rainier-cherries", CopyField::Title, None, "雷尼尔车厘子")
        .unwrap();
    assert_eq!(s.tm[0].score, 100);
    let terms: Vec<(&str, bool)> = s.terms.iter().map(|t| (t.en.as_str(), t.present)).collect();
    assert_eq!(
        terms,
        [
            ("Fresh", false),
            ("Rainier Cherries", true),
            ("Washington", false)
        ]
    );
    assert_eq!((s.terms[1].start, s.terms[1].end), (6, 22));
}

#[test]
fn a_chinese_brand_name_set_once_serves_every_product_of_the_vendor() {
    let (_dir, workbench) = imported();
    let fields = kuajing_core::ProductFields {
        brand_zh: Some("柯迪亚克湾".into()),
        ..Default::default()
    };
    workbench
        .set_product_fields("sockeye-salmon-fillets", &fields, "editor")
        .unwrap();
    let term = workbench
        .glossary_terms()
        .unwrap()
        .into_iter()
        .find(|t| t.en == "Kodiak Bay Seafoods")
        .unwrap();
    assert_eq!(
        (term.zh.as_str(), term.category.as_str()),
        ("柯迪亚克湾", "brand")
    );
    // Another product of the same vendor drafts with it.
    let draft = workbench
        .draft("salmon-jerky", CopyField::Title, "tmall-global", false)
        .unwrap();
    assert!(draft.text.starts_with("柯迪亚克湾"), "{}", draft.text);
}

#[test]
fn the_settings_carry_the_tm_threshold_and_the_machine_draft_endpoint() {
    let (_dir, w) = imported();
    let s = w.settings().unwrap();
    assert_eq!(s.tm_threshold, 70);
    assert!(s.mt.is_none(), "machine drafts are off until set");

    w.set_tm_threshold(85).unwrap();
    assert_eq!(w.settings().unwrap().tm_threshold, 85);
    assert_eq!(w.set_tm_threshold(0).unwrap_err().code(), "bad-threshold");

    // A URL pasted from a server's docs is trimmed to its base; the key stays out.
    let s = w
        .set_mt(
            Some(&MtSettings {
                endpoint: " http://127.0.0.1:11434/v1/chat/completions ".into(),
                model: "qwen2.5:7b".into(),
                api_key_env: Some("OLLAMA_KEY".into()),
            }),
            None,
        )
        .unwrap();
    let mt = s.mt.unwrap();
    assert_eq!(mt.endpoint, "http://127.0.0.1:11434/v1");
    assert_eq!(mt.api_key_env.as_deref(), Some("OLLAMA_KEY"));

    let refused = w
        .set_mt(
            Some(&MtSettings {
                endpoint: "http://user:secret@example.com/v1".into(),
                model: "m".into(),
                api_key_env: None,
            }),
            None,
        )
        .unwrap_err();
    assert_eq!(refused.code(), "mt-bad-endpoint");
    assert_eq!(
        w.settings().unwrap().mt.unwrap().model,
        "qwen2.5:7b",
        "a refused endpoint leaves the stored one"
    );

    // A typed key goes to the OS keyring, or (no keyring, as on CI) nothing changes.
    let cloud = MtSettings {
        endpoint: "https://kuajing-test.invalid/v1".into(),
        model: "m".into(),
        api_key_env: None,
    };
    match w.set_mt(Some(&cloud), Some("sk-test-1")) {
        Ok(s) => {
            assert_eq!(s.mt.unwrap().endpoint, cloud.endpoint);
            let stored = kuajing_mt::keyring_key(&cloud.endpoint).unwrap().unwrap();
            assert_eq!(stored.expose(), "sk-test-1");
            kuajing_mt::delete_key(&cloud.endpoint).unwrap();
        }
        Err(e) => {
            assert_eq!(e.code(), "mt-keyring");
            assert_eq!(w.settings().unwrap().mt.unwrap().model, "qwen2.5:7b");
        }
    }
    let stored = w.settings().unwrap();
    assert!(
        !serde_json::to_string(&stored)
            .unwrap()
            .contains("sk-test-1"),
        "the key is never in the settings"
    );

    assert!(w.set_mt(None, None).unwrap().mt.is_none());
}
