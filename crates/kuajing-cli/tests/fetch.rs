//! `kuajing images fetch`: photos named by URL, downloaded from loopback servers. One bad URL
//! fails alone; only no network at all leaves the batch waiting.

#![allow(clippy::unwrap_used)] // a panic is the failure report

mod support;

use support::{Env, fixtures, serve};

#[test]
fn remote_images_wait_for_the_network_then_download_and_render() {
    let env = Env::new();
    let photo = std::fs::read(fixtures().join("images/orientation-6-gps.jpg")).unwrap();
    let good = serve(photo, "200 OK", 1);
    let missing = serve(Vec::new(), "404 Not Found", 1);
    let csv = env.path("remote.csv");
    std::fs::write(
        &csv,
        format!(
            "Handle,Title,Variant Price,Image Src,Image Position\n\
             cherries,Rainier Cherries,29.99,http://127.0.0.1:{good}/cdn/cherries.jpg?v=1,1\n\
             cherries,,,http://127.0.0.1:{missing}/cdn/gone.jpg,2\n"
        ),
    )
    .unwrap();
    env.ok_json(&["import", &csv.display().to_string(), "--json"]);
    let before = env.ok_json(&["product", "cherries", "--json"]);
    assert!(
        before["images"]
            .as_array()
            .unwrap()
            .iter()
            .all(|i| i["state"] == "waiting-for-network")
    );

    let report = env.ok_json(&["images", "fetch", "--json"]);
    assert_eq!(report["fetched"], 1, "{report}");
    assert_eq!(report["failed"].as_array().unwrap().len(), 1, "{report}");
    assert!(
        report["failed"][0]["error"]["message"]
            .as_str()
            .unwrap()
            .contains("404")
    );
    let after = env.ok_json(&["product", "cherries", "--json"]);
    let images = after["images"].as_array().unwrap();
    assert_eq!(images[0]["state"], "ready");
    assert!(
        images[0]["thumbnail"]
            .as_str()
            .unwrap()
            .starts_with("data:image/jpeg;base64,")
    );
    assert_eq!(images[1]["state"], "failed");

    // Nothing left to fetch; a failed image is not retried.
    let again = env.ok_json(&["images", "fetch", "--json"]);
    assert_eq!(
        (again["fetched"].as_u64(), again["waiting"].as_u64()),
        (Some(0), Some(0))
    );
}

#[test]
fn with_no_network_at_all_every_photo_keeps_waiting() {
    let env = Env::new();
    // `.invalid` never resolves: what every host looks like with no network.
    let csv = env.path("offline.csv");
    std::fs::write(
        &csv,
        "Handle,Title,Image Src\n\
         salmon,Sockeye Salmon,http://cdn.kuajing-test.invalid/a.jpg\n\
         salmon,,http://cdn.kuajing-test.invalid/b.jpg\n\
         salmon,,https://img.kuajing-test.invalid/c.jpg\n\
         salmon,,https://img.kuajing-test.invalid/d.jpg\n",
    )
    .unwrap();
    env.ok_json(&["import", &csv.display().to_string(), "--json"]);
    let report = env.ok_json(&["images", "fetch", "--json"]);
    assert_eq!(report["offline"], true, "{report}");
    assert_eq!(report["waiting"], 4, "{report}");
    assert_eq!(report["failed"].as_array().unwrap().len(), 0, "{report}");
    let product = env.ok_json(&["product", "salmon", "--json"]);
    assert!(
        product["images"]
            .as_array()
            .unwrap()
            .iter()
            .all(|i| i["state"] == "waiting-for-network")
    );
}

/// Answers every request with a redirect to itself, for `count` requests.
fn redirect_loop(count: usize) -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for (n, stream) in listener.incoming().take(count).enumerate() {
            let mut stream = stream.unwrap();
            let mut request = [0u8; 4096];
            let _ = std::io::Read::read(&mut stream, &mut request);
            let head = format!(
                "HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1:{port}/hop{n}.jpg\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            );
            let _ = std::io::Write::write_all(&mut stream, head.as_bytes());
        }
    });
    port
}

#[test]
fn one_bad_url_fails_alone_with_its_reason_and_the_batch_goes_on() {
    let env = Env::new();
    let photo = std::fs::read(fixtures().join("images/orientation-6-gps.jpg")).unwrap();
    let good = serve(photo, "200 OK", 1);
    let missing = serve(Vec::new(), "404 Not Found", 1);
    let looping = redirect_loop(20);
    // Bind then drop a listener: that port refuses connections.
    let refused = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let csv = env.path("mixed.csv");
    // The unresolvable host comes first: only once the good photo downloads is it clear that
    // the network is up and that host alone is wrong.
    std::fs::write(
        &csv,
        format!(
            "Handle,Title,Image Src,Image Position\n\
             cherries,Rainier Cherries,http://cdn.kuajing-test.invalid/typo.jpg,1\n\
             cherries,,http://127.0.0.1:{refused}/down.jpg,2\n\
             cherries,,http://127.0.0.1:{looping}/loop.jpg,3\n\
             cherries,,http://127.0.0.1:{missing}/gone.jpg,4\n\
             cherries,,http://127.0.0.1:{good}/cherries.jpg,5\n"
        ),
    )
    .unwrap();
    env.ok_json(&["import", &csv.display().to_string(), "--json"]);
    let report = env.ok_json(&["images", "fetch", "--json"]);
    assert_eq!(report["fetched"], 1, "{report}");
    assert_eq!(report["offline"], false, "{report}");
    assert_eq!(report["waiting"], 0, "{report}");
    let reasons: Vec<(String, String)> = report["failed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["src"].as_str().unwrap().to_owned(),
                f["error"]["message"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let reason = |part: &str| {
        reasons
            .iter()
            .find(|(src, _)| src.contains(part))
            .map(|(_, why)| why.clone())
            .unwrap_or_else(|| panic!("{part} did not fail: {reasons:?}"))
    };
    assert_eq!(reasons.len(), 4, "{reasons:?}");
    assert!(reason("typo.jpg").contains("not found"), "{reasons:?}");
    assert!(reason("down.jpg").contains("refused"), "{reasons:?}");
    assert!(reason("loop.jpg").contains("redirects"), "{reasons:?}");
    assert!(reason("gone.jpg").contains("404"), "{reasons:?}");
    let product = env.ok_json(&["product", "cherries", "--json"]);
    let states: Vec<&str> = product["images"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["state"].as_str().unwrap())
        .collect();
    assert_eq!(states, ["failed", "failed", "failed", "failed", "ready"]);
}
