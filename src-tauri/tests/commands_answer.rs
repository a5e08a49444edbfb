//! The app's commands through IPC on Tauri's mock runtime (no window): the product list by
//! pages, and reads that answer while more writers than the runtime has workers wait for a write
//! lock (what an import holds), which they could not if commands ran on the async workers.

use std::sync::Arc;
use std::sync::mpsc;
use std::time::Duration;

use kuajing_core::{Rules, Workbench};
use serde_json::{Value, json};
use tauri::ipc::{CallbackFn, InvokeBody, InvokeResponse};
use tauri::test::{INVOKE_KEY, MockRuntime, mock_builder, mock_context, noop_assets};
use tauri::webview::InvokeRequest;
use tauri::{WebviewWindow, WebviewWindowBuilder};

/// Long enough for a slow machine; far shorter than a writer's 30 s wait for the lock.
const ANSWER_WITHIN: Duration = Duration::from_secs(10);

struct App {
    // Kept alive: the webview belongs to it.
    _app: tauri::App<MockRuntime>,
    window: WebviewWindow<MockRuntime>,
    _dir: tempfile::TempDir,
    catalog: std::path::PathBuf,
}

fn app() -> App {
    let dir = tempfile::tempdir().expect("a temp folder");
    let catalog = dir.path().join("catalog.sqlite");
    let rules = Rules::new("en").expect("the rules");
    let workbench = Workbench::open(&catalog, rules).expect("a fresh catalog");
    let app = kuajing_app::with_commands(mock_builder(), Arc::new(workbench))
        .build(mock_context(noop_assets()))
        .expect("the app on the mock runtime");
    let window = WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .expect("its window");
    App {
        _app: app,
        window,
        _dir: dir,
        catalog,
    }
}

/// Sends `cmd` with `args`; its answer (`Ok` value or `Err` error object) arrives on the receiver.
fn invoke(
    window: &WebviewWindow<MockRuntime>,
    cmd: &str,
    args: Value,
) -> mpsc::Receiver<Result<Value, Value>> {
    let (tx, rx) = mpsc::channel();
    let request = InvokeRequest {
        cmd: cmd.into(),
        callback: CallbackFn(0),
        error: CallbackFn(1),
        url: "tauri://localhost".parse().expect("a URL"),
        body: InvokeBody::Json(args),
        headers: Default::default(),
        invoke_key: INVOKE_KEY.to_string(),
    };
    window.as_ref().clone().on_message(
        request,
        Box::new(move |_, _, response, _, _| {
            let answer = match response {
                InvokeResponse::Ok(body) => Ok(body.deserialize::<Value>().expect("JSON")),
                InvokeResponse::Err(e) => Err(e.0),
            };
            let _ = tx.send(answer);
        }),
    );
    rx
}

fn call(window: &WebviewWindow<MockRuntime>, cmd: &str, args: Value) -> Result<Value, Value> {
    invoke(window, cmd, args)
        .recv_timeout(ANSWER_WITHIN)
        .unwrap_or_else(|_| panic!("{cmd} did not answer"))
}

#[test]
fn the_product_list_comes_by_pages() {
    let app = app();
    call(&app.window, "load_sample", json!({})).unwrap();
    let page = |search: &str, offset: usize, limit: usize| {
        let args = json!({ "query": { "search": search }, "offset": offset, "limit": limit, "thumbnails": false });
        call(&app.window, "products_page", args).unwrap()
    };
    let products = call(&app.window, "catalog_info", json!({})).unwrap()["products"].clone();
    let products = usize::try_from(products.as_u64().unwrap()).unwrap();
    assert!(
        products > 3,
        "the sample has more products than a page of 3"
    );
    let first = page("", 0, 3);
    assert_eq!(first["total"], products);
    assert_eq!(first["offset"], 0);
    assert_eq!(first["items"].as_array().unwrap().len(), 3);
    let rest = page("", 3, 100);
    assert_eq!(rest["total"], products);
    assert_eq!(rest["offset"], 3);
    let mut handles: Vec<&str> = [&first, &rest]
        .iter()
        .flat_map(|p| p["items"].as_array().unwrap())
        .map(|item| item["handle"].as_str().unwrap())
        .collect();
    handles.sort_unstable();
    handles.dedup();
    assert_eq!(handles.len(), products);
    assert!(handles.contains(&"rainier-cherries"), "{handles:?}");
    assert!(
        page("", products, 3)["items"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    let found = page("Rainier Cherries, Fresh", 0, 100);
    assert_eq!(found["total"], 1);
    assert_eq!(found["items"][0]["handle"], "rainier-cherries");
}

#[test]
fn reads_answer_while_writers_wait_for_the_lock() {
    let app = app();
    call(&app.window, "load_sample", json!({})).unwrap();

    // Another writer (an import in another process, say) holds the write lock.
    let lock = rusqlite::Connection::open(&app.catalog).unwrap();
    lock.execute_batch("BEGIN IMMEDIATE").unwrap();
    // More saves than the async runtime has workers: each waits for the lock.
    let workers = std::thread::available_parallelism().map_or(4, |n| n.get());
    let saves: Vec<_> = (0..workers + 2)
        .map(|i| {
            let args = json!({
                "handle": "rainier-cherries", "field": "title", "locale": "zh-CN",
                "text": format!("华盛顿雷尼尔樱桃 {i}"), "base": null, "marketplace": "tmall-global",
            });
            invoke(&app.window, "set_copy", args)
        })
        .collect();
    std::thread::sleep(Duration::from_millis(200));

    // The window's reads still answer.
    let info = call(&app.window, "catalog_info", json!({})).unwrap();
    let page = json!({ "query": {}, "offset": 0, "limit": 100, "thumbnails": false });
    let page = call(&app.window, "products_page", page).unwrap();
    assert_eq!(page["total"], info["products"]);
    for save in &saves {
        assert!(
            save.try_recv().is_err(),
            "a save landed while the lock was held"
        );
    }

    // Once the lock is free every save lands.
    lock.execute_batch("ROLLBACK").unwrap();
    for save in saves {
        let answer = save.recv_timeout(ANSWER_WITHIN).expect("the save answered");
        assert!(answer.is_ok(), "{answer:?}");
    }
}

#[test]
fn drafting_commands_answer_through_ipc() {
    let app = app();
    let w = &app.window;
    call(w, "load_sample", json!({})).unwrap();

    // A draft is only a proposal: the catalog keeps what it had until the editor saves.
    let args =
        json!({ "handle": "rainier-cherries", "field": "title", "marketplace": "tmall-global" });
    let draft = call(w, "draft", args.clone()).unwrap();
    let text = draft["text"].as_str().unwrap();
    // A machine draft before an endpoint is set says so; the settings carry the endpoint.
    let mut machine = args;
    machine["mt"] = json!(true);
    let refused = call(w, "draft", machine.clone()).unwrap_err();
    assert_eq!(refused["code"], "mt-not-configured", "{refused}");
    let settings = call(w, "set_tm_threshold", json!({ "threshold": 80 })).unwrap();
    assert_eq!(settings["tm_threshold"], 80);
    let mt = json!({ "endpoint": "http://127.0.0.1:9/v1", "model": "m", "api_key_env": null });
    let settings = call(w, "set_mt", json!({ "mt": mt, "key": null })).unwrap();
    assert_eq!(settings["mt"]["endpoint"], "http://127.0.0.1:9/v1");
    let unreachable = call(w, "draft", machine).unwrap_err();
    assert_eq!(unreachable["code"], "mt-unreachable", "{unreachable}");
    let settings = call(w, "set_mt", json!({ "mt": null, "key": null })).unwrap();
    assert!(settings["mt"].is_null());
    assert!(text.contains("美国"), "{draft}");
    assert_eq!(draft["saved"], false);
    assert!(
        draft["sources"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["kind"] == "glossary")
    );
    let product = call(w, "get_product", json!({ "handle": "rainier-cherries" })).unwrap();
    assert_eq!(product["title_zh"], "");
    let args = json!({ "handle": "rainier-cherries", "field": "selling_points", "marketplace": "tmall-global" });
    assert!(
        call(w, "draft", args).unwrap()["text"]
            .as_str()
            .unwrap()
            .contains('\n')
    );

    // Saved, it comes back as a suggestion with its score and difference.
    let args = json!({
        "handle": "rainier-cherries", "field": "title", "locale": "zh-CN",
        "text": text, "base": "", "marketplace": "tmall-global",
    });
    call(w, "set_copy", args).unwrap();
    let args =
        json!({ "handle": "rainier-cherries", "field": "title", "segment": null, "zh": text });
    let suggestions = call(w, "suggestions", args).unwrap();
    assert_eq!(suggestions["tm"][0]["score"], 100);
    assert_eq!(suggestions["tm"][0]["target"], text);
    let terms = suggestions["terms"].as_array().unwrap();
    assert!(
        !terms.is_empty() && terms.iter().all(|t| t["present"] == true),
        "{suggestions}"
    );

    let gloss = call(w, "gloss", json!({ "text": "美国车厘子 907克" })).unwrap();
    let tokens = gloss["tokens"].as_array().unwrap();
    assert!(tokens.iter().any(|t| t["source"] == "quantity"), "{gloss}");

    // Option values, edited once for the catalog.
    let values = call(w, "option_values", json!({})).unwrap();
    let first = &values.as_array().unwrap()[0];
    let args = json!({ "name": first["name"], "value": first["value"], "zh": "试一试" });
    assert_eq!(call(w, "set_option_value", args).unwrap(), true);
    let values = call(w, "option_values", json!({})).unwrap();
    assert_eq!(values[0]["zh"], "试一试");
    let args = json!({ "name": "Size", "value": "no such value", "zh": "无" });
    assert_eq!(
        call(w, "set_option_value", args).unwrap_err()["code"],
        "no-option-value"
    );

    // The glossary: a term added, exported, removed, imported back.
    let term = json!({
        "en": "Hood River", "zh": "胡德河", "forbidden": ["胡德瑞弗"], "note": "", "category": "region",
        "origin": "user",
    });
    assert_eq!(
        call(w, "put_glossary_term", json!({ "term": term })).unwrap(),
        true
    );
    let csv = app._dir.path().join("glossary.csv");
    let written = call(w, "export_glossary", json!({ "path": csv })).unwrap();
    let terms = call(w, "glossary_terms", json!({})).unwrap();
    assert_eq!(written, terms.as_array().unwrap().len());
    assert_eq!(
        call(w, "remove_glossary_term", json!({ "en": "Hood River" })).unwrap(),
        true
    );
    let report = call(w, "import_glossary", json!({ "path": csv })).unwrap();
    assert_eq!(report["added"], 1, "{report}");
}

#[test]
fn one_drafting_batch_at_a_time() {
    use tauri::Manager;
    let app = app();
    let state = app.window.state::<kuajing_app::AppState>();
    let running = state.draft.start().expect("the first batch starts");
    let answer = call(&app.window, "cancel_draft", json!({}));
    assert!(answer.is_ok());
    assert!(
        running
            .cancel_flag()
            .load(std::sync::atomic::Ordering::SeqCst)
    );
    assert!(state.draft.start().is_none());
    // Rendering is a batch of its own.
    assert!(state.render.start().is_some());
}

#[test]
fn review_commands_answer_through_ipc() {
    let app = app();
    let w = &app.window;
    call(w, "load_sample", json!({})).unwrap();
    let args = json!({
        "handle": "rainier-cherries", "field": "title", "locale": "zh-CN",
        "text": "美国华盛顿州雷尼尔车厘子", "base": "", "marketplace": "tmall-global",
    });
    call(w, "set_copy", args).unwrap();

    // A person's save is `translated`; the queue counts it in its progress.
    let queue = call(
        w,
        "review_queue",
        json!({ "filter": { "state": "translated" } }),
    )
    .unwrap();
    assert_eq!(queue["items"].as_array().unwrap().len(), 1, "{queue}");
    assert_eq!(queue["items"][0]["handle"], "rainier-cherries");
    assert_eq!(queue["progress"]["translated"], 1);

    call(w, "set_reviewer", json!({ "name": "Li Wei" })).unwrap();
    assert_eq!(call(w, "reviewer", json!({})).unwrap(), "Li Wei");
    let rejected = json!({ "handle": "rainier-cherries", "field": "title", "to": "rejected" });
    let refused = call(w, "review_set", rejected).unwrap_err();
    assert_eq!(refused["code"], "review-needs-comment", "{refused}");
    let approve = json!({ "handle": "rainier-cherries", "field": "title", "to": "approved" });
    let item = call(w, "review_set", approve).unwrap();
    assert_eq!(item["state"], "approved");
    assert_eq!(item["by"], "Li Wei");
    let again = json!({ "handle": "rainier-cherries", "field": "title", "to": "approved" });
    let refused = call(w, "review_set", again).unwrap_err();
    assert_eq!(refused["code"], "review-transition", "{refused}");
}
