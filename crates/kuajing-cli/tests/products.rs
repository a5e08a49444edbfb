//! The product list's search, filters and bulk edits through the `kuajing` binary, on a real
//! Shopify export (the hair-care store's).

#![allow(clippy::unwrap_used)] // a panic is the failure report

mod support;

use serde_json::Value;
use support::{Env, shopify};

fn handles(list: &Value) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|p| p["handle"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn search_and_filters_pick_products_and_a_bulk_edit_is_undone_whole() {
    let env = Env::new();
    env.ok_json(&["import", &shopify("hair-care-store-export.csv"), "--json"]);
    let all = handles(&env.ok_json(&["products", "--json"]));
    let wigs = handles(&env.ok_json(&["products", "--search", "wig", "--json"]));
    assert!(!wigs.is_empty() && wigs.len() < all.len(), "{wigs:?}");
    // Punctuation is text, never a search error.
    for text in ["No. 1999", "2-lb", "\"", "(a OR", "100%"] {
        env.ok_json(&["products", "--search", text, "--json"]);
    }
    // A Chinese title found by a two-character word, and the review-state filter.
    env.ok_json(&["copy", "set", &wigs[0], "title", "蕾丝假发", "--json"]);
    let found = handles(&env.ok_json(&["products", "--search", "假发", "--json"]));
    assert_eq!(found, [wigs[0].clone()]);
    let translated = env.ok_json(&["products", "--state", "translated", "--json"]);
    assert_eq!(handles(&translated), [wigs[0].clone()]);

    // One bulk edit over the search, then one undo.
    let edit = env.ok_json(&[
        "bulk",
        "set",
        "origin",
        "加拿大",
        "--search",
        "wig",
        "--json",
    ]);
    assert_eq!(edit["changed"], wigs.len());
    for handle in &wigs {
        let p = env.ok_json(&["product", handle, "--json"]);
        assert_eq!(p["origin"], "加拿大");
    }
    let batch = edit["batch"].as_i64().unwrap().to_string();
    let undone = env.ok_json(&["bulk", "undo", &batch, "--json"]);
    assert_eq!(undone["kept"], serde_json::json!([]));
    for handle in &wigs {
        let p = env.ok_json(&["product", handle, "--json"]);
        assert_eq!(p["origin"], "美国");
    }
    let err = env.fails(&["bulk", "set", "ingredients", "水", &wigs[0]]);
    assert!(err.contains("cannot be set in bulk"), "{err}");
    let err = env.fails(&["bulk", "set", "origin", "加拿大"]);
    assert!(err.contains("--search"), "{err}");
}
