//! Writing a marketplace bundle: one zip holding a listing sheet, images, a manifest and a
//! report. This crate owns the bundle's container format (zip layout, the UTF-8-with-BOM CSV
//! that Excel reads as Chinese, `manifest.json` with sizes and SHA-256) and its atomicity: the
//! zip is written to a temp file beside the target and renamed, so a failure never leaves half
//! a bundle. It knows nothing of catalogs, marketplaces' rules or images' pixels.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;
use sha2::{Digest, Sha256};

pub mod sheet;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot write the bundle {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot write the bundle {path}: {source}")]
    Zip {
        path: PathBuf,
        source: zip::result::ZipError,
    },
    #[error("cannot write the listing sheet: {0}")]
    Sheet(String),
    #[error("the bundle path {0} has no file name")]
    BadPath(PathBuf),
    #[error("two bundle files are named {0}")]
    DuplicateName(String),
    #[error(
        "the bundle file name `{0}` is not safe to unpack (`..`, `\\`, a leading `/` or a control character)"
    )]
    UnsafeName(String),
}

impl Error {
    pub fn code(&self) -> &'static str {
        match self {
            Error::Io { .. } | Error::Zip { .. } | Error::BadPath(_) | Error::Sheet(_) => {
                "export-write"
            }
            Error::DuplicateName(_) => "export-duplicate-file",
            Error::UnsafeName(_) => "export-unsafe-file-name",
        }
    }
}

/// One file inside the bundle.
#[derive(Debug, Clone)]
pub struct BundleFile {
    /// Path inside the zip, `/`-separated.
    pub name: String,
    pub bytes: Vec<u8>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ManifestEntry {
    pub path: String,
    pub bytes: u64,
    pub sha256: String,
}

/// What the manifest says about the bundle besides its files; serialised as-is at the top.
#[derive(Debug, Clone, Serialize)]
pub struct Manifest<M: Serialize> {
    #[serde(flatten)]
    pub meta: M,
    pub files: Vec<ManifestEntry>,
}

pub const MANIFEST_NAME: &str = "manifest.json";

pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Whether `name` unpacks to a file of its own inside the folder it is unpacked in, on every
/// system: no `..` part, no `\\`, no leading `/`, no control character, nothing empty.
fn is_safe_name(name: &str) -> bool {
    !(name.is_empty()
        || name.starts_with('/')
        || name.contains('\\')
        || name.chars().any(char::is_control)
        || name
            .split('/')
            .any(|part| part.is_empty() || part == "." || part == ".."))
}

/// How a file goes into the zip: JPEG and PNG bytes (whatever the name says: 淘宝助理's `.tbi`
/// pictures are JPEGs) are already compressed, so they are stored; everything else is
/// deflated. Deflating 5,000 photos again took most of an export's time and saved nothing.
fn compression_of(bytes: &[u8]) -> zip::CompressionMethod {
    const JPEG: &[u8] = &[0xFF, 0xD8, 0xFF];
    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n";
    if bytes.starts_with(JPEG) || bytes.starts_with(PNG) {
        zip::CompressionMethod::Stored
    } else {
        zip::CompressionMethod::Deflated
    }
}

/// A bundle being written: each file goes straight into the zip (a temp file beside the
/// target) and is hashed as it goes, so an export holds one image at a time, not the whole
/// bundle. [`BundleWriter::finish`] adds the manifest and renames the zip into place; dropped
/// unfinished, it leaves nothing behind.
pub struct BundleWriter {
    out: PathBuf,
    zip: zip::ZipWriter<tempfile::NamedTempFile>,
    entries: Vec<ManifestEntry>,
    /// Names written so far, lowercased: Windows and macOS would merge names that differ
    /// only in case.
    seen: std::collections::BTreeSet<String>,
}

impl std::fmt::Debug for BundleWriter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BundleWriter")
            .field("out", &self.out)
            .field("files", &self.entries.len())
            .finish()
    }
}

impl BundleWriter {
    /// Starts the bundle that [`finish`](Self::finish) will put at `out`.
    pub fn create(out: &Path) -> Result<Self, Error> {
        if out.file_name().is_none() {
            return Err(Error::BadPath(out.to_owned()));
        }
        let dir = match out.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
            _ => PathBuf::from("."),
        };
        // What an export that crashed here left behind.
        let _ = kuajing_files::sweep_temp_files(&dir);
        let temp = kuajing_files::temp_file_in(&dir).map_err(|source| Error::Io {
            path: out.to_owned(),
            source,
        })?;
        let mut seen = std::collections::BTreeSet::new();
        seen.insert(MANIFEST_NAME.to_owned());
        Ok(BundleWriter {
            out: out.to_owned(),
            zip: zip::ZipWriter::new(temp),
            entries: Vec::new(),
            seen,
        })
    }

    /// Adds one file. Its name is `/`-separated and must be safe to unpack and new to this
    /// bundle (case ignored).
    pub fn add(&mut self, name: &str, bytes: &[u8]) -> Result<(), Error> {
        if !is_safe_name(name) {
            return Err(Error::UnsafeName(name.to_owned()));
        }
        if !self.seen.insert(name.to_lowercase()) {
            return Err(Error::DuplicateName(name.to_owned()));
        }
        self.write_entry(name, bytes, compression_of(bytes))?;
        self.entries.push(ManifestEntry {
            path: name.to_owned(),
            bytes: bytes.len() as u64,
            sha256: sha256_hex(bytes),
        });
        kuajing_files::failpoint("bundle-file");
        Ok(())
    }

    fn write_entry(
        &mut self,
        name: &str,
        bytes: &[u8],
        method: zip::CompressionMethod,
    ) -> Result<(), Error> {
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(method)
            // Fast deflate: a bundle's text is sheets and a report, a few MB at most, and the
            // export's time went into compressing them harder for a few per cent.
            .compression_level((method == zip::CompressionMethod::Deflated).then_some(1));
        self.zip
            .start_file(name, options)
            .map_err(|source| Error::Zip {
                path: self.out.clone(),
                source,
            })?;
        self.zip.write_all(bytes).map_err(|source| Error::Io {
            path: self.out.clone(),
            source,
        })
    }

    /// Writes `manifest.json` (`meta` plus every file's size and SHA-256), flushes the zip to
    /// disk and renames it to the bundle's path.
    pub fn finish<M: Serialize>(mut self, meta: M) -> Result<Manifest<M>, Error> {
        let manifest = Manifest {
            meta,
            files: std::mem::take(&mut self.entries),
        };
        let json = serde_json::to_vec_pretty(&manifest).map_err(|e| Error::Io {
            path: self.out.clone(),
            source: std::io::Error::other(e),
        })?;
        self.write_entry(MANIFEST_NAME, &json, zip::CompressionMethod::Deflated)?;
        let out = self.out.clone();
        let temp = self.zip.finish().map_err(|source| Error::Zip {
            path: out.clone(),
            source,
        })?;
        kuajing_files::persist(temp, &out).map_err(|source| Error::Io { path: out, source })?;
        Ok(manifest)
    }
}

/// One file of a written bundle, read back (the app shows `report.html` from it). A file
/// larger than `cap` bytes is refused before it is read.
pub fn read_file(bundle: &Path, name: &str, cap: u64) -> Result<Vec<u8>, Error> {
    let io = |source: std::io::Error| Error::Io {
        path: bundle.to_owned(),
        source,
    };
    let zip_err = |source: zip::result::ZipError| Error::Zip {
        path: bundle.to_owned(),
        source,
    };
    let file = std::fs::File::open(bundle).map_err(io)?;
    let mut archive = zip::ZipArchive::new(file).map_err(zip_err)?;
    let mut entry = archive.by_name(name).map_err(zip_err)?;
    if entry.size() > cap {
        return Err(io(std::io::Error::other(format!(
            "{name} is {} bytes, over the {cap}-byte limit",
            entry.size()
        ))));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(entry.size()).unwrap_or(0));
    std::io::Read::read_to_end(&mut entry, &mut bytes).map_err(io)?;
    Ok(bytes)
}

/// Writes `files` plus `manifest.json` into the zip at `out`, atomically.
pub fn write<M: Serialize>(
    out: &Path,
    meta: M,
    files: &[BundleFile],
) -> Result<Manifest<M>, Error> {
    let mut bundle = BundleWriter::create(out)?;
    for file in files {
        bundle.add(&file.name, &file.bytes)?;
    }
    bundle.finish(meta)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn zip_holds_files_and_a_manifest_with_sizes_and_hashes() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out/bundle.zip");
        let files = vec![
            BundleFile {
                name: "listing.csv".into(),
                bytes: b"a,b\r\n".to_vec(),
            },
            BundleFile {
                name: "images/x/main_1.jpg".into(),
                bytes: vec![0xFF, 0xD8, 0xFF],
            },
        ];
        write(
            &out,
            serde_json::json!({"marketplace": "tmall-global"}),
            &files,
        )
        .unwrap();

        let mut zip = zip::ZipArchive::new(std::fs::File::open(&out).unwrap()).unwrap();
        let mut manifest = String::new();
        zip.by_name(MANIFEST_NAME)
            .unwrap()
            .read_to_string(&mut manifest)
            .unwrap();
        let manifest: serde_json::Value = serde_json::from_str(&manifest).unwrap();
        assert_eq!(manifest["marketplace"], "tmall-global");
        assert_eq!(manifest["files"][1]["path"], "images/x/main_1.jpg");
        assert_eq!(manifest["files"][1]["bytes"], 3);
        assert_eq!(manifest["files"][0]["sha256"], sha256_hex(b"a,b\r\n"));
        let mut jpg = Vec::new();
        zip.by_name("images/x/main_1.jpg")
            .unwrap()
            .read_to_end(&mut jpg)
            .unwrap();
        assert_eq!(jpg, vec![0xFF, 0xD8, 0xFF]);
        let leftovers: Vec<_> = std::fs::read_dir(dir.path().join("out")).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no temp file is left behind");
    }

    #[test]
    fn photos_are_stored_by_their_bytes_whatever_their_name_and_text_is_deflated() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("bundle.zip");
        let jpeg = [&[0xFF, 0xD8, 0xFF, 0xE0][..], &[7; 4096][..]].concat();
        let files = vec![
            BundleFile {
                name: "listing/p-1.tbi".into(),
                bytes: jpeg.clone(),
            },
            BundleFile {
                name: "report.html".into(),
                bytes: "<p>樱桃</p>".repeat(500).into_bytes(),
            },
        ];
        write(&out, serde_json::json!({}), &files).unwrap();
        let mut zip = zip::ZipArchive::new(std::fs::File::open(&out).unwrap()).unwrap();
        let tbi = zip.by_name("listing/p-1.tbi").unwrap();
        assert_eq!(tbi.compression(), zip::CompressionMethod::Stored);
        assert_eq!(tbi.compressed_size(), jpeg.len() as u64);
        drop(tbi);
        let html = zip.by_name("report.html").unwrap();
        assert_eq!(html.compression(), zip::CompressionMethod::Deflated);
        assert!(html.compressed_size() < html.size() / 4);
    }

    #[test]
    fn a_failed_write_leaves_the_previous_bundle_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("bundle.zip");
        std::fs::write(&out, b"previous").unwrap();
        let files = vec![
            BundleFile {
                name: "a.csv".into(),
                bytes: vec![1],
            },
            BundleFile {
                name: "a.csv".into(),
                bytes: vec![2],
            },
        ];
        assert!(write(&out, serde_json::json!({}), &files).is_err());
        assert_eq!(std::fs::read(&out).unwrap(), b"previous");
    }

    #[test]
    fn names_that_would_unpack_outside_the_folder_or_onto_each_other_are_refused() {
        let file = |name: &str| BundleFile {
            name: name.into(),
            bytes: vec![1],
        };
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("bundle.zip");
        for bad in [
            "../evil.jpg",
            "images/../../x",
            "/etc/x",
            "a\\b.jpg",
            "a\u{7}.jpg",
            "a//b",
            "",
        ] {
            let err = write(&out, serde_json::json!({}), &[file(bad)]).unwrap_err();
            assert_eq!(err.code(), "export-unsafe-file-name", "{bad:?}");
        }
        for (a, b) in [("images/A.jpg", "images/a.jpg"), ("Manifest.JSON", "x")] {
            let err = write(&out, serde_json::json!({}), &[file(a), file(b)]).unwrap_err();
            assert_eq!(err.code(), "export-duplicate-file", "{a} {b}");
        }
        assert!(!out.exists());
        write(
            &out,
            serde_json::json!({}),
            &[file("images/樱桃-1.jpg"), file("listing.csv")],
        )
        .unwrap();
    }
}
