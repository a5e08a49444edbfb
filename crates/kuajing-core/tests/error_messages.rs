//! Every error code any crate can report has an `error-<code>` message in every locale, and
//! the message's arguments are ones the error passes. The codes are read from the sources
//! (every `fn code` body, and every `code: "…"` literal), so a new code without a message
//! fails here instead of reaching a Chinese user in English.

#![allow(clippy::unwrap_used)] // a panic is the failure report

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            if !path.ends_with("target") && !path.ends_with("node_modules") {
                rust_files(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The kebab-case string literals in `text`.
fn literals(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split('"').skip(1).step_by(2).filter_map(|lit| {
        let kebab = lit.starts_with(|c: char| c.is_ascii_lowercase())
            && lit
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        kebab.then(|| lit.to_owned())
    })
}

/// The body of each `fn code(` in `source`, by brace matching.
fn code_fn_bodies(source: &str) -> Vec<&str> {
    let mut bodies = Vec::new();
    let mut rest = source;
    while let Some(at) = rest.find("fn code(") {
        let after = &rest[at..];
        let Some(open) = after.find('{') else { break };
        let mut depth = 0;
        let mut end = open;
        for (i, c) in after[open..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = open + i;
                        break;
                    }
                }
                _ => {}
            }
        }
        bodies.push(&after[open..end]);
        rest = &after[end..];
    }
    bodies
}

fn error_codes() -> BTreeMap<String, BTreeSet<String>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = Vec::new();
    rust_files(&root.join("crates"), &mut files);
    rust_files(&root.join("src-tauri/src"), &mut files);
    let mut codes: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in files {
        let source = std::fs::read_to_string(&file).unwrap();
        let name = file
            .strip_prefix(&root)
            .unwrap_or(&file)
            .display()
            .to_string();
        if name.ends_with("tests.rs") || name.contains("/tests/") {
            continue;
        }
        let mut found: Vec<String> = code_fn_bodies(&source)
            .into_iter()
            .flat_map(literals)
            .collect();
        for part in source.split("code: \"").skip(1) {
            found.extend(literals(&format!("\"{part}")).take(1));
        }
        for code in found {
            codes.entry(code).or_default().insert(name.clone());
        }
    }
    codes
}

#[test]
fn every_error_code_has_a_message_in_every_locale() {
    let codes = error_codes();
    // The scan must see the codes it is here for, or it proves nothing.
    for known in [
        "copy-conflict",
        "too-many-pixels",
        "not-shopify",
        "unknown-marketplace",
        "bad-argument",
        "export-write",
    ] {
        assert!(
            codes.contains_key(known),
            "the scan missed `{known}`: {codes:?}"
        );
    }
    let l10n = kuajing_l10n::builtin().unwrap();
    let mut missing = Vec::new();
    for lang in l10n.langs() {
        let ids = l10n.ids(lang);
        for (code, files) in &codes {
            if !ids.contains(&format!("error-{code}")) {
                missing.push(format!("{lang}: error-{code} (from {files:?})"));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "error codes without a message:\n{}",
        missing.join("\n")
    );
}

#[test]
fn an_imaging_error_reaches_the_message_with_its_arguments() {
    let rules = kuajing_core::Rules::new("zh-CN").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let photo = dir.path().join("empty.jpg");
    std::fs::write(&photo, b"").unwrap();
    let out = kuajing_core::Output::File(dir.path().join("out.jpg"));
    let err = rules
        .render_image(&photo, "tmall-global", "main", None, &out)
        .unwrap_err();
    let app = kuajing_core::AppError::from(&err);
    assert_eq!(app.code, "empty");
    assert!(
        app.args
            .get("name")
            .is_some_and(|n| n.ends_with("empty.jpg")),
        "{:?}",
        app.args
    );
    let l10n = kuajing_l10n::builtin().unwrap();
    let zh = l10n.message("zh-CN", "error", &app.code, &app.args);
    assert!(zh.contains("空文件") && zh.contains("empty.jpg"), "{zh}");
}
