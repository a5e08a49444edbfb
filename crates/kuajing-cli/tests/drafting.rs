//! The drafting commands end to end through the `kuajing` binary on a real catalog file:
//! draft, options, glossary, tm, gloss.

#![allow(clippy::unwrap_used)] // a panic is the failure report

mod support;

use kuajing_mt::stub::Stub;
use support::{Env, fixtures};

fn seed_goods() -> String {
    fixtures()
        .join("drafting/us-seed-goods.csv")
        .display()
        .to_string()
}

fn imported() -> Env {
    let env = Env::new();
    env.ok_json(&["import", &seed_goods(), "--json"]);
    env
}

#[test]
fn draft_prints_the_text_its_length_limit_findings_and_sources() {
    let env = imported();
    let draft = env.ok_json(&["draft", "vermont-maple-syrup", "--json"]);
    for key in [
        "handle", "field", "text", "units", "limit", "findings", "sources",
    ] {
        assert!(draft.get(key).is_some(), "no {key} in {draft}");
    }
    let text = draft["text"].as_str().unwrap();
    assert!(
        text.contains("枫糖浆") && text.contains("946毫升"),
        "{text}"
    );
    assert_eq!(draft["limit"], 60);
    let kinds: Vec<&str> = draft["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["kind"].as_str().unwrap())
        .collect();
    assert!(kinds.contains(&"glossary") && kinds.contains(&"template") && kinds.contains(&"units"));
    // Every field by its snake_case name; --save stores it.
    for field in ["title", "selling_points", "description", "short_title"] {
        let d = env.ok_json(&[
            "draft",
            "sea-scallops",
            "--field",
            field,
            "--save",
            "--json",
        ]);
        assert_eq!(d["field"], field);
        assert_eq!(d["saved"], true);
    }
    let product = env.ok_json(&["product", "sea-scallops", "--json"]);
    assert!(
        product["selling_points_zh"]
            .as_str()
            .unwrap()
            .contains("产地")
    );
    let history = env.ok_json(&["history", "sea-scallops", "--json"]);
    assert_eq!(
        history
            .as_array()
            .unwrap()
            .iter()
            .filter(|h| h["source"] == "draft" && h["locale"] == "zh-CN")
            .count(),
        4,
        "the four copy fields (the net content drafted at import is the fifth): {history}"
    );
    // An unknown product is a clear error with its code.
    let out = env.run(&["--json", "draft", "no-such-thing"]);
    assert_eq!(out.status.code(), Some(1));
    let error: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(error["error"]["code"], "no-product");
}

#[test]
fn options_list_every_value_in_chinese_and_set_overrides_one() {
    let env = imported();
    let options = env.ok_json(&["options", "--json"]);
    let find = |o: &serde_json::Value, value: &str| {
        o.as_array()
            .unwrap()
            .iter()
            .find(|v| v["value"] == value)
            .cloned()
            .unwrap()
    };
    let two = find(&options, "2 lb");
    assert_eq!(
        (two["name"].as_str(), two["zh"].as_str()),
        (Some("Size"), Some("907克"))
    );
    assert!(two["products"].as_u64().unwrap() >= 5);
    env.ok_json(&["options", "set", "Size", "2 lb", "2磅装", "--json"]);
    assert_eq!(
        find(&env.ok_json(&["options", "--json"]), "2 lb")["zh"],
        "2磅装"
    );
    let err = env.fails(&["options", "set", "Size", "9 lb", "4.08千克"]);
    assert!(err.contains("9 lb"), "{err}");
}

#[test]
fn glossary_terms_are_added_listed_exported_and_imported() {
    let env = imported();
    env.ok_json(&[
        "glossary",
        "add",
        "Huckleberries",
        "越橘",
        "--forbid",
        "蓝莓",
        "--note",
        "wild",
        "--json",
    ]);
    let terms = env.ok_json(&["glossary", "list", "--json"]);
    let huck = terms
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["en"] == "Huckleberries")
        .unwrap();
    assert_eq!(huck["forbidden"][0], "蓝莓");
    let csv = env.path("glossary.csv");
    let exported = env.ok_json(&["glossary", "export", csv.to_str().unwrap(), "--json"]);
    assert_eq!(
        exported["terms"].as_u64().unwrap() as usize,
        terms.as_array().unwrap().len()
    );
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(text.starts_with('\u{feff}') && text.contains("Huckleberries,越橘,蓝莓,wild"));
    std::fs::write(&csv, "en,zh,category\nMarionberries,马里恩黑莓,product\n").unwrap();
    let report = env.ok_json(&["glossary", "import", csv.to_str().unwrap(), "--json"]);
    assert_eq!(report["added"], 1);
    std::fs::write(&csv, "english,chinese\nx,y\n").unwrap();
    let err = env.fails(&["glossary", "import", csv.to_str().unwrap()]);
    assert!(
        err.contains("glossary.csv") && err.contains("en and zh"),
        "{err}"
    );
}

#[test]
fn tm_search_finds_what_was_saved_with_its_score() {
    let env = imported();
    env.ok_json(&[
        "copy",
        "set",
        "rainier-cherries",
        "title",
        "美国华盛顿州新鲜雷尼尔车厘子",
        "--json",
    ]);
    let matches = env.ok_json(&[
        "tm",
        "search",
        "Fresh Rainier Cherries from Washington",
        "--json",
    ]);
    assert_eq!(matches[0]["score"], 100);
    assert_eq!(matches[0]["target"], "美国华盛顿州新鲜雷尼尔车厘子");
    let near = env.ok_json(&[
        "tm",
        "search",
        "Fresh Bing Cherries from Washington",
        "--json",
    ]);
    let score = near[0]["score"].as_u64().unwrap();
    assert!((70..100).contains(&score), "{near}");
    // The threshold is a setting: above that score the near match is not shown.
    let above = (score + 1).to_string();
    assert_eq!(
        env.ok_json(&["tm", "threshold", &above, "--json"])["threshold"],
        score + 1
    );
    let none = env.ok_json(&[
        "tm",
        "search",
        "Fresh Bing Cherries from Washington",
        "--json",
    ]);
    assert!(none.as_array().unwrap().is_empty(), "{none}");
    assert_eq!(env.run(&["tm", "threshold", "0"]).status.code(), Some(2));
}

#[test]
fn gloss_reads_chinese_back_word_by_word() {
    let env = Env::new();
    let gloss = env.ok_json(&["gloss", "华盛顿州车厘子 907克", "--json"]);
    let tokens = gloss["tokens"].as_array().unwrap();
    let texts: Vec<&str> = tokens.iter().map(|t| t["text"].as_str().unwrap()).collect();
    assert_eq!(texts, ["华盛顿州", "车厘子", "907克"]);
    assert_eq!(tokens[2]["gloss"][0], "907 g = 2 lb");
    assert_eq!(
        (tokens[1]["start"].as_u64(), tokens[1]["end"].as_u64()),
        (Some(4), Some(7))
    );
    // Glossing without a catalog creates none.
    assert!(!env.catalog().exists());
}

#[test]
fn a_machine_draft_comes_from_the_endpoint_is_checked_and_only_when_asked() {
    let env = imported();
    let stub = Stub::completing("标题：美国佛蒙特州纯枫糖浆 32 fl oz 最好").unwrap();
    let url = stub.endpoint.clone();
    env.ok_json(&[
        "mt",
        "set",
        "--endpoint",
        &url,
        "--model",
        "stub-model",
        "--json",
    ]);
    // Without --mt nothing goes out.
    env.ok_json(&["draft", "vermont-maple-syrup", "--json"]);
    assert_eq!(stub.answered(), 0);
    let out = env.run(&["draft", "vermont-maple-syrup", "--mt", "--json"]);
    let draft: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(stub.answered(), 1);
    // The answer is cleaned, its units converted, and its banned term found (exit 1).
    assert_eq!(draft["text"], "美国佛蒙特州纯枫糖浆 946毫升 最好");
    assert_eq!(draft["sources"][0]["kind"], "mt");
    // The model the server says answered (asked for stub-model, it names its own).
    assert_eq!(draft["sources"][0]["model"], "qwen2.5:7b-instruct");
    assert!(
        draft["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["code"] == "banned-term")
    );
    assert_eq!(out.status.code(), Some(1));
    env.ok_json(&["mt", "off", "--json"]);
    let off = env.run(&["--json", "draft", "vermont-maple-syrup", "--mt"]);
    let error: serde_json::Value = serde_json::from_slice(&off.stdout).unwrap();
    assert_eq!(error["error"]["code"], "mt-not-configured");
}

#[test]
fn a_dead_endpoint_fails_fast_with_its_url() {
    let env = imported();
    // A port nobody listens on.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("http://127.0.0.1:{port}/v1");
    env.ok_json(&["mt", "set", "--endpoint", &url, "--model", "m", "--json"]);
    let started = std::time::Instant::now();
    let out = env.run(&["--json", "draft", "vermont-maple-syrup", "--mt"]);
    // A sanity bound, not a benchmark: a refused connection answers in milliseconds.
    assert!(started.elapsed() < std::time::Duration::from_secs(10));
    assert_eq!(out.status.code(), Some(1));
    let error: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(error["error"]["code"], "mt-unreachable");
    assert!(
        error["error"]["message"]
            .as_str()
            .unwrap()
            .contains(&format!("127.0.0.1:{port}"))
    );
    assert!(
        error["error"]["args"]["url"]
            .as_str()
            .unwrap()
            .contains(&port.to_string())
    );
}
