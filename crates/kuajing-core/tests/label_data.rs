//! Label data drafted at import from the sample catalog's metafields (`docs/labels.md`): every
//! product gets its ingredients, shelf life and storage in Chinese, recorded with history source
//! `draft`; a value with a word the glossary and phrasebook lack stays empty; what the merchant
//! wrote survives a re-import.

#![allow(clippy::unwrap_used)] // a panic is the failure report

mod support;

/// A letter of the Latin script outside a bracketed scientific name.
fn english_left(text: &str) -> bool {
    let mut depth = 0;
    text.chars().any(|c| {
        match c {
            '（' => depth += 1,
            '）' => depth -= 1,
            _ => {}
        }
        depth == 0 && c.is_ascii_alphabetic()
    })
}

#[test]
fn every_sample_product_gets_its_label_data_from_metafields() {
    let (_dir, workbench) = support::workbench();
    workbench.load_sample().unwrap();
    let products = workbench.products("", false).unwrap();
    assert_eq!(products.len(), 8);
    for p in &products {
        let d = workbench.product(&p.handle).unwrap();
        let metafield = |key: &str| {
            d.attributes
                .iter()
                .any(|a| a.key.ends_with(&format!(".custom.{key})")) && !a.value.is_empty())
        };
        for (name, key, value) in [
            ("ingredients", "ingredients", &d.ingredients),
            ("shelf_life", "shelf_life", &d.shelf_life),
            ("storage", "storage", &d.storage),
        ] {
            assert!(metafield(key), "{}: the sample has {key}", p.handle);
            assert!(!value.is_empty(), "{}: {name} drafted", p.handle);
            assert!(!english_left(value), "{}: {name} {value}", p.handle);
            let history = workbench.history(&p.handle).unwrap();
            let entry = history.iter().find(|h| h.field == name).unwrap();
            assert_eq!(entry.source, "draft", "{}: {name}", p.handle);
            assert_eq!(entry.new.as_deref(), Some(value.as_str()));
        }
    }
    let get = |handle: &str| workbench.product(handle).unwrap();
    let cherries = get("rainier-cherries");
    assert_eq!(cherries.ingredients, "新鲜雷尼尔车厘子");
    assert_eq!(cherries.shelf_life, "冷藏7-10天");
    assert_eq!(cherries.storage, "0-2℃冷藏保存。食用前再清洗。");
    assert_eq!(
        cherries.net_content, "907克 / 2.27千克",
        "still from the option sizes"
    );
    let salmon = get("wild-sockeye-salmon-fillets");
    assert_eq!(salmon.ingredients, "野生红鲑鱼（Oncorhynchus nerka）");
    assert_eq!(salmon.shelf_life, "冷冻12个月");
    assert_eq!(
        salmon.storage,
        "-18℃或以下冷冻保存。放入冰箱冷藏室解冻过夜。"
    );
    let smoked = get("hot-smoked-sockeye-salmon");
    assert_eq!(
        smoked.ingredients,
        "野生红鲑鱼、红糖、海盐、黑胡椒、桤木熏烟"
    );
    assert_eq!(smoked.shelf_life, "未开封冷藏30天；冷冻12个月");
    let gift = get("cherry-gift-box");
    assert_eq!(gift.ingredients, "新鲜宾莹车厘子、雷尼尔车厘子");
    let walnuts = get("chandler-walnuts");
    assert_eq!(walnuts.shelf_life, "冷藏12个月；常温6个月");
    assert_eq!(walnuts.storage, "密封置于阴凉干燥处或冰箱冷藏。");
}

#[test]
fn a_filled_field_survives_a_reimport() {
    let (_dir, workbench) = support::workbench();
    workbench.load_sample().unwrap();
    let handle = "california-almonds";
    workbench
        .set_product_field(handle, "storage", "常温避光保存")
        .unwrap();
    let before = workbench.history(handle).unwrap().len();
    workbench.load_sample().unwrap();
    let d = workbench.product(handle).unwrap();
    assert_eq!(d.storage, "常温避光保存");
    assert_eq!(d.ingredients, "未烘烤款：巴旦木。烘烤款：巴旦木、海盐。");
    assert_eq!(d.shelf_life, "12个月");
    // Nothing was drafted again: every field had its text.
    assert_eq!(workbench.history(handle).unwrap().len(), before);
}

#[test]
fn a_value_with_an_unknown_word_stays_empty() {
    let (dir, workbench) = support::workbench();
    let csv = dir.path().join("products.csv");
    std::fs::write(
        &csv,
        "Handle,Title,Vendor,\
         Ingredients (product.metafields.custom.ingredients),\
         Shelf Life (product.metafields.specs.Shelf-Life),\
         Storage instructions (product.metafields.custom.storage_instructions)\n\
         dragon-fruit,Dragon Fruit,Orchard,Fresh dragon fruit,10 days refrigerated,\
         \"Keep refrigerated at 5 °C (41 °F). Contains sulphites.\"\n",
    )
    .unwrap();
    let report = workbench.import(&csv, false).unwrap();
    assert!(report.applied, "{:?}", report.errors);
    let d = workbench.product("dragon-fruit").unwrap();
    assert_eq!(d.ingredients, "", "dragon fruit is no glossary term");
    assert_eq!(d.storage, "", "sulphites is no phrase");
    assert_eq!(
        d.shelf_life, "冷藏10天",
        "another namespace, another spelling of the key"
    );
    let fields: Vec<String> = workbench
        .history("dragon-fruit")
        .unwrap()
        .into_iter()
        .filter(|h| h.source == "draft")
        .map(|h| h.field)
        .collect();
    assert_eq!(fields, ["shelf_life"]);
}
