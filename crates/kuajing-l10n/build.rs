//! Embeds every `assets/locales/<lang>/*.ftl` file, so adding a file needs no code change.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/locales");
    println!("cargo::rerun-if-changed={}", root.display());
    let mut entries = Vec::new();
    for lang in std::fs::read_dir(&root).expect("assets/locales exists") {
        let lang = lang.expect("readable locale folder").path();
        if !lang.is_dir() {
            continue;
        }
        println!("cargo::rerun-if-changed={}", lang.display());
        for file in std::fs::read_dir(&lang).expect("readable locale folder") {
            let file = file.expect("readable locale file").path();
            if file.extension().is_some_and(|e| e == "ftl") {
                println!("cargo::rerun-if-changed={}", file.display());
                let lang_name = lang
                    .file_name()
                    .and_then(|n| n.to_str())
                    .expect("utf-8 name");
                entries.push((lang_name.to_owned(), file.canonicalize().expect("path")));
            }
        }
    }
    entries.sort();
    let mut out = String::from("pub(crate) const FILES: &[(&str, &str, &str)] = &[\n");
    for (lang, path) in entries {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .expect("utf-8 name");
        writeln!(
            out,
            "    ({lang:?}, {name:?}, include_str!({:?})),",
            path.display().to_string()
        )
        .expect("write to string");
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("locales.rs");
    std::fs::write(dest, out).expect("write locales.rs");
}
