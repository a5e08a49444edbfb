//! What the CLI tests share: a temp catalog per test, running the `kuajing` binary, fixtures.

#![allow(clippy::unwrap_used, dead_code)] // test helpers: a panic is the failure report

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

pub struct Env {
    pub dir: tempfile::TempDir,
}

impl Env {
    pub fn new() -> Self {
        Env {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn catalog(&self) -> PathBuf {
        self.dir.path().join("catalog.sqlite")
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.run_in("en", args)
    }

    /// With the user's language set to `lang`.
    pub fn run_in(&self, lang: &str, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_kuajing"))
            .arg("--catalog")
            .arg(self.catalog())
            .args(args)
            .env("KUAJING_LANG", lang)
            .env("HOME", self.dir.path())
            .output()
            .unwrap()
    }

    pub fn ok_json(&self, args: &[&str]) -> Value {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "{args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    }

    pub fn fails(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            !out.status.success(),
            "{args:?} should fail: {}",
            String::from_utf8_lossy(&out.stdout)
        );
        String::from_utf8_lossy(&out.stderr).into_owned()
    }

    pub fn product_count(&self) -> usize {
        self.ok_json(&["products", "--json"])
            .as_array()
            .unwrap()
            .len()
    }
}

/// How many files in `dir` have a name `wanted` accepts (0 when `dir` does not exist).
pub fn count_files(dir: &Path, wanted: impl Fn(&str) -> bool) -> usize {
    std::fs::read_dir(dir).map_or(0, |entries| {
        entries
            .filter(|e| wanted(&e.as_ref().unwrap().file_name().to_string_lossy()))
            .count()
    })
}

pub fn shopify(name: &str) -> String {
    fixtures().join("shopify").join(name).display().to_string()
}

/// Serves `body` to every request on a loopback port, for `count` requests.
pub fn serve(body: Vec<u8>, status: &'static str, count: usize) -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in listener.incoming().take(count) {
            let mut stream = stream.unwrap();
            let mut request = [0u8; 4096];
            let _ = std::io::Read::read(&mut stream, &mut request);
            let head = format!(
                "HTTP/1.1 {status}\r\nContent-Type: image/jpeg\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = std::io::Write::write_all(&mut stream, head.as_bytes());
            let _ = std::io::Write::write_all(&mut stream, &body);
        }
    });
    port
}
