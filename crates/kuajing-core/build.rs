//! Embeds the sample catalog (`assets/sample/catalog.csv` and the photos it names), so the app
//! and the CLI can offer it from any install location.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn collect(dir: &Path, base: &Path, out: &mut Vec<(String, PathBuf)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, base, out);
        } else if path
            .extension()
            .is_some_and(|e| e == "csv" || e == "jpg" || e == "png")
        {
            let rel = path
                .strip_prefix(base)
                .expect("under base")
                .to_string_lossy()
                .replace('\\', "/");
            out.push((rel, path.canonicalize().expect("path")));
        }
    }
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/sample");
    println!("cargo::rerun-if-changed={}", root.display());
    println!("cargo::rerun-if-changed={}", root.join("images").display());
    let mut files = Vec::new();
    collect(&root, &root, &mut files);
    files.sort();
    let mut code = String::from("pub(crate) const SAMPLE_FILES: &[(&str, &[u8])] = &[\n");
    for (rel, path) in files {
        println!("cargo::rerun-if-changed={}", path.display());
        writeln!(
            code,
            "    ({rel:?}, include_bytes!({:?})),",
            path.display().to_string()
        )
        .expect("write");
    }
    code.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("sample.rs");
    std::fs::write(dest, code).expect("write sample.rs");
}
