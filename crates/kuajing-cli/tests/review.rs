//! The review commands end to end through the `kuajing` binary on a real catalog file
//! (Shopify's sample apparel export): review set, its refusals, review queue --stale.

#![allow(clippy::unwrap_used)] // a panic is the failure report

mod support;

use support::{Env, shopify};

fn imported_with_titles() -> Env {
    let env = Env::new();
    env.ok_json(&["import", &shopify("apparel.csv"), "--json"]);
    for (handle, zh) in [
        ("ocean-blue-shirt", "海蓝衬衫"),
        ("yellow-wool-jumper", "黄色羊毛套衫"),
    ] {
        env.ok_json(&["copy", "set", handle, "title", zh, "--json"]);
    }
    env
}

#[test]
fn review_set_records_the_state_and_a_refused_transition_is_a_json_error_with_exit_1() {
    let env = imported_with_titles();
    let item = env.ok_json(&[
        "review",
        "set",
        "ocean-blue-shirt",
        "title",
        "--state",
        "approved",
        "--by",
        "mei",
        "--json",
    ]);
    assert_eq!(item["state"], "approved");
    assert_eq!(item["by"], "mei");
    assert_eq!(item["field"], "title");
    assert_eq!(item["locale"], "zh-CN");
    assert_eq!(item["stale"], false);
    assert!(item.get("source_diff").is_none());

    // approved -> rejected is not a reviewer's move (withdraw to reviewed first).
    let out = env.run(&[
        "review",
        "set",
        "ocean-blue-shirt",
        "title",
        "--state",
        "rejected",
        "--comment",
        "wrong colour",
        "--json",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let body: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let error = &body["error"];
    assert_eq!(error["code"], "review-transition");
    assert_eq!(error["args"]["from"], "approved");
    assert_eq!(error["args"]["to"], "rejected");
    let message = error["message"].as_str().unwrap();
    assert!(
        message.contains("approved") && message.contains("rejected"),
        "{message}"
    );
    // Without --json: one line on stderr, exit 1.
    let stderr = env.fails(&[
        "review",
        "set",
        "ocean-blue-shirt",
        "title",
        "--state",
        "approved",
    ]);
    assert!(stderr.contains("from approved to approved"), "{stderr}");

    // Rejecting needs a comment; with one it lands and starts the thread.
    let stderr = env.fails(&[
        "review",
        "set",
        "yellow-wool-jumper",
        "title",
        "--state",
        "rejected",
    ]);
    assert!(stderr.contains("needs a comment"), "{stderr}");
    let item = env.ok_json(&[
        "review",
        "set",
        "yellow-wool-jumper",
        "title",
        "--state",
        "rejected",
        "--comment",
        "套衫 → 毛衣",
        "--by",
        "mei",
        "--json",
    ]);
    assert_eq!(item["state"], "rejected");
    assert_eq!(item["comments"][0]["comment"], "套衫 → 毛衣");
    assert_eq!(item["comments"][0]["by"], "mei");
    // draft is not a state review set takes (clap refuses it: exit 2).
    let out = env.run(&[
        "review",
        "set",
        "yellow-wool-jumper",
        "title",
        "--state",
        "draft",
    ]);
    assert_eq!(out.status.code(), Some(2));
    // The reviewer name is a setting.
    let who = env.ok_json(&["review", "reviewer", "Mei Lin", "--json"]);
    assert_eq!(who["reviewer"], "Mei Lin");
    let item = env.ok_json(&[
        "review",
        "set",
        "yellow-wool-jumper",
        "title",
        "--state",
        "translated",
        "--json",
    ]);
    assert_eq!(item["by"], "Mei Lin");
}

#[test]
fn review_queue_stale_shows_the_changed_english_of_exactly_one_field() {
    let env = imported_with_titles();
    for handle in ["ocean-blue-shirt", "yellow-wool-jumper"] {
        env.ok_json(&[
            "review", "set", handle, "title", "--state", "approved", "--json",
        ]);
    }
    let stale = env.ok_json(&["review", "queue", "--stale", "--json"]);
    assert_eq!(stale.as_array().unwrap().len(), 0);

    let csv = std::fs::read_to_string(shopify("apparel.csv")).unwrap();
    let changed = csv.replacen(
        "\nyellow-wool-jumper,Yellow Wool Jumper,",
        "\nyellow-wool-jumper,Chunky Yellow Wool Jumper,",
        1,
    );
    assert_ne!(changed, csv);
    let file = env.path("apparel-changed.csv");
    std::fs::write(&file, changed).unwrap();
    env.ok_json(&["import", &file.display().to_string(), "--json"]);

    let stale = env.ok_json(&["review", "queue", "--stale", "--json"]);
    let items = stale.as_array().unwrap();
    assert_eq!(items.len(), 1, "{stale}");
    let item = &items[0];
    for key in [
        "handle", "field", "locale", "state", "stale", "by", "at", "comments",
    ] {
        assert!(item.get(key).is_some(), "no {key} in {item}");
    }
    assert_eq!(item["handle"], "yellow-wool-jumper");
    assert_eq!(item["field"], "title");
    assert_eq!(item["state"], "translated");
    assert_eq!(item["stale"], true);
    assert_eq!(item["text"], "黄色羊毛套衫");
    assert_eq!(item["source_diff"]["old"], "Yellow Wool Jumper");
    assert_eq!(item["source_diff"]["new"], "Chunky Yellow Wool Jumper");

    let approved = env.ok_json(&["review", "queue", "--state", "approved", "--json"]);
    let handles: Vec<_> = approved
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["handle"].as_str().unwrap())
        .collect();
    assert_eq!(handles, ["ocean-blue-shirt"]);
    // Text output ends with the progress.
    let out = env.run(&["review", "queue"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.trim_end().ends_with(
            "1 of 2 fields approved (0 reviewed, 1 translated, 0 draft, 0 rejected; 1 stale)"
        ),
        "{text}"
    );
    assert!(text.contains("English was: Yellow Wool Jumper"), "{text}");
}

#[test]
fn approved_only_is_a_setting_per_marketplace() {
    let env = imported_with_titles();
    let shown = env.ok_json(&["review", "approved-only", "tmall-global", "--json"]);
    assert_eq!(shown["approved_only"], false);
    let set = env.ok_json(&["review", "approved-only", "tmall-global", "on", "--json"]);
    assert_eq!(set["approved_only"], true);
    let other = env.ok_json(&["review", "approved-only", "taobao", "--json"]);
    assert_eq!(other["approved_only"], false);
    let off = env.ok_json(&["review", "approved-only", "tmall-global", "off", "--json"]);
    assert_eq!(off["approved_only"], false);
}
