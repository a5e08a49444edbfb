//! Embeds every `assets/marketplaces/*.toml` profile, so adding a marketplace is a data file
//! and no code change (docs/adding-a-marketplace.md). The file name (without `.toml`) is the
//! profile's id; `Profile::from_toml` checks that the file says the same.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/marketplaces");
    println!("cargo::rerun-if-changed={}", root.display());
    let mut entries = Vec::new();
    for file in std::fs::read_dir(&root).expect("assets/marketplaces exists") {
        let file = file.expect("readable profile").path();
        if file.extension().is_some_and(|e| e == "toml") {
            println!("cargo::rerun-if-changed={}", file.display());
            let id = file
                .file_stem()
                .and_then(|n| n.to_str())
                .expect("utf-8 name")
                .to_owned();
            entries.push((id, file.canonicalize().expect("path")));
        }
    }
    entries.sort();
    let mut out = String::from("const BUILTIN: &[(&str, &str)] = &[\n");
    for (id, path) in entries {
        writeln!(
            out,
            "    ({id:?}, include_str!({:?})),",
            path.display().to_string()
        )
        .expect("write to string");
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("profiles.rs");
    std::fs::write(dest, out).expect("write profiles.rs");
}
