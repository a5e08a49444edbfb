//! Two writers on one catalog: a save waits for the other writer instead of failing, and an
//! edit based on text that changed under it is refused instead of overwriting it.

#![allow(clippy::unwrap_used)] // a panic is the failure report

mod support;

use std::time::{Duration, Instant};

use kuajing_core::{CopyField, Locale};

#[test]
fn a_save_waits_while_another_connection_holds_the_write_lock_and_then_lands() {
    let (_dir, workbench) = support::sample();
    // Another process (the CLI, an import) writes in a transaction that lasts 2 s.
    let mut other = kuajing_catalog::rusqlite::Connection::open(workbench.catalog_path()).unwrap();
    let (locked, wait_for_lock) = std::sync::mpsc::channel();
    let holder = std::thread::spawn(move || {
        let tx = other
            .transaction_with_behavior(kuajing_catalog::rusqlite::TransactionBehavior::Immediate)
            .unwrap();
        tx.execute(
            "UPDATE products SET hs_code = '0809290000' WHERE handle = 'rainier-cherries'",
            [],
        )
        .unwrap();
        locked.send(()).unwrap();
        std::thread::sleep(Duration::from_secs(2));
        tx.commit().unwrap();
    });
    wait_for_lock.recv().unwrap();
    let started = Instant::now();
    // Read something first, as the editor does, so a deferred transaction would hold a
    // snapshot older than the other writer's commit.
    let before = workbench.product("rainier-cherries").unwrap();
    workbench
        .set_copy(
            "rainier-cherries",
            CopyField::Title,
            Locale::ZhCn,
            "华盛顿雷尼尔樱桃",
            Some(&before.title_zh),
            "tmall-global",
            "edit",
        )
        .unwrap();
    assert!(
        started.elapsed() >= Duration::from_millis(1500),
        "the save did not wait for the lock"
    );
    holder.join().unwrap();
    let after = workbench.product("rainier-cherries").unwrap();
    assert_eq!(after.title_zh, "华盛顿雷尼尔樱桃");
    assert_eq!(
        after.hs_code, "0809290000",
        "the other writer's change survives too"
    );
}

#[test]
fn the_second_of_two_editors_starting_from_the_same_text_is_refused_and_the_first_survives() {
    let (_dir, workbench) = support::sample();
    let base = workbench.product("rainier-cherries").unwrap().title_zh;
    let save = |text: &str, base: &str| {
        workbench.set_copy(
            "rainier-cherries",
            CopyField::Title,
            Locale::ZhCn,
            text,
            Some(base),
            "tmall-global",
            "edit",
        )
    };
    save("第一位编辑的标题", &base).unwrap();
    let err = save("第二位编辑的标题", &base).unwrap_err();
    assert_eq!(err.code(), "copy-conflict");
    let app = kuajing_core::AppError::from(&err);
    assert_eq!(
        app.args.get("theirs").map(String::as_str),
        Some("第一位编辑的标题")
    );
    assert_eq!(
        workbench.product("rainier-cherries").unwrap().title_zh,
        "第一位编辑的标题"
    );
    let history = workbench.history("rainier-cherries").unwrap();
    assert!(
        !history
            .iter()
            .any(|e| e.new.as_deref() == Some("第二位编辑的标题"))
    );
}
