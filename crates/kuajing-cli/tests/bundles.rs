//! Label data and bundles through the `kuajing` binary on the sample catalog: `product set`,
//! `vendor set|list`, their refusals, and `export` for every marketplace.

#![allow(clippy::unwrap_used)] // a panic is the failure report

mod support;

use support::Env;

#[test]
fn label_fields_are_set_from_the_command_line_and_reach_the_bundle() {
    let env = Env::new();
    env.ok_json(&["sample", "--json"]);
    let product = env.ok_json(&[
        "product",
        "set",
        "california-almonds",
        "net_content",
        "454克",
        "--json",
    ]);
    assert_eq!(product["net_content"], "454克");
    let shown = env.ok_json(&["product", "california-almonds", "--json"]);
    assert_eq!(shown["net_content"], "454克");
    let history = env.ok_json(&["history", "california-almonds", "--json"]);
    assert!(
        history
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["field"] == "net_content" && e["new"] == "454克"),
        "{history}"
    );
    let stderr = env.fails(&["product", "set", "california-almonds", "flavour", "x"]);
    assert!(
        stderr.contains("flavour") && stderr.contains("net_content"),
        "{stderr}"
    );

    let vendors = env.ok_json(&["vendor", "list", "--json"]);
    let vendor = vendors[0]["name"].as_str().unwrap().to_owned();
    let set = env.ok_json(&[
        "vendor",
        "set",
        &vendor,
        "agent_phone",
        "021-5555-0100",
        "--json",
    ]);
    assert_eq!(set[0]["agent_phone"], "021-5555-0100");
    let stderr = env.fails(&["vendor", "set", "No Such Farm", "agent_name", "x"]);
    assert!(stderr.contains("No Such Farm"), "{stderr}");

    assert!(env.run(&["rate", "set", "USD/CNY", "7.2"]).status.success());
    let products = env.ok_json(&["products", "--json"]);
    for product in products.as_array().unwrap() {
        let handle = product["handle"].as_str().unwrap();
        env.run(&["draft", handle, "--save", "--json"]);
    }
    for marketplace in [
        "taobao",
        "pinduoduo",
        "douyin",
        "jd-worldwide",
        "tmall-global",
    ] {
        let out = env.path(&format!("{marketplace}.zip"));
        let report = env.ok_json(&[
            "export",
            "--marketplace",
            marketplace,
            "--out",
            &out.display().to_string(),
            "--json",
        ]);
        assert!(report["products"].as_u64().unwrap() >= 6, "{report}");
        let zip = zip::ZipArchive::new(std::fs::File::open(&out).unwrap()).unwrap();
        assert!(
            zip.file_names()
                .any(|n| n == "labels/california-almonds.png"),
            "{marketplace}"
        );
    }
}

#[test]
fn completeness_lists_each_product_with_what_it_lacks_and_writes_csv() {
    let env = Env::new();
    env.ok_json(&["sample", "--json"]);
    let list = env.ok_json(&["completeness", "--marketplace", "taobao", "--json"]);
    let list = list.as_array().unwrap();
    assert!(list.len() >= 6);
    let almonds = list
        .iter()
        .find(|c| c["handle"] == "california-almonds")
        .unwrap();
    let before = almonds["percent"].as_u64().unwrap();
    assert!(before < 100);
    let missing: Vec<&str> = almonds["missing"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m.as_str().unwrap())
        .collect();
    assert!(
        missing.contains(&"hs_code") && missing.contains(&"title_zh"),
        "{missing:?}"
    );
    env.ok_json(&[
        "product",
        "set",
        "california-almonds",
        "hs_code",
        "0802120000",
        "--json",
    ]);
    let csv = env.path("complete.csv");
    let list = env.ok_json(&[
        "completeness",
        "--marketplace",
        "taobao",
        "--csv",
        &csv.display().to_string(),
        "--json",
    ]);
    let after = list
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["handle"] == "california-almonds")
        .unwrap();
    assert!(after["percent"].as_u64().unwrap() > before);
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(text.starts_with("\u{feff}handle,percent,missing"), "{text}");
    assert!(text.contains("california-almonds,"), "{text}");
}
