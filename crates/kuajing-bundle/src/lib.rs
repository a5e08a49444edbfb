//! Writing a marketplace bundle: one zip holding a listing sheet, images, a manifest and a
//! report. This crate owns the bundle's container format (zip layout, the UTF-8-with-BOM CSV
//! that Excel reads as Chinese, `manifest.json` with sizes and SHA-256) and its atomicity: the
//! zip is written to a temp file beside the target and renamed, so a failure never leaves half
//! a bundle. It knows nothing of catalogs, marketplaces' rules or images' pixels.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

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

/// A bundle being written. Each file goes into the zip (a temp file beside the target) on a
/// writer thread of its own, a few files behind the caller, so preparing the next files
/// (reading cached renders, drawing labels, querying the catalog) and writing the last ones
/// to disk share the machine's cores; the zip is flushed to disk behind the writer
/// ([`kuajing_files::SyncBehind`]). An export holds a few images at a time, never the whole
/// bundle. [`BundleWriter::finish`] adds the manifest and renames the zip into place; dropped
/// unfinished, it leaves nothing behind.
pub struct BundleWriter {
    out: PathBuf,
    /// `None` once finished or failed.
    jobs: Option<std::sync::mpsc::SyncSender<Job>>,
    writer: Option<std::thread::JoinHandle<Result<Zip, Error>>>,
    entries: Vec<ManifestEntry>,
    /// Names written so far, lowercased: Windows and macOS would merge names that differ
    /// only in case.
    seen: std::collections::BTreeSet<String>,
}

type Zip = zip::ZipWriter<tempfile::NamedTempFile>;

/// One file for the writer thread.
struct Job {
    name: String,
    bytes: Arc<Vec<u8>>,
    method: zip::CompressionMethod,
}

/// Files queued for the writer thread at most: a few megabytes of photos.
const QUEUED: usize = 32;

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
        let io = |source| Error::Io {
            path: out.to_owned(),
            source,
        };
        // What an export that crashed here left behind.
        let _ = kuajing_files::sweep_temp_files(&dir);
        let temp = kuajing_files::temp_file_in(&dir).map_err(io)?;
        let mut seen = std::collections::BTreeSet::new();
        seen.insert(MANIFEST_NAME.to_owned());
        let (jobs, queue) = std::sync::mpsc::sync_channel::<Job>(QUEUED);
        let path = out.to_owned();
        let writer = std::thread::Builder::new()
            .name("bundle-writer".into())
            .spawn(move || write_jobs(&path, temp, &queue))
            .map_err(io)?;
        Ok(BundleWriter {
            out: out.to_owned(),
            jobs: Some(jobs),
            writer: Some(writer),
            entries: Vec::new(),
            seen,
        })
    }

    /// Adds one file. Its name is `/`-separated and must be safe to unpack and new to this
    /// bundle (case ignored).
    pub fn add(&mut self, name: &str, bytes: &[u8]) -> Result<(), Error> {
        self.add_shared(name, Arc::new(bytes.to_vec()), sha256_hex(bytes))
    }

    /// Adds one file without copying its bytes (the same photo may go in under two names),
    /// with its SHA-256 (lowercase hex) when the caller knows it, e.g. kept beside a cached
    /// render: hashing a gigabyte of photos again took a fifth of an export. The manifest says
    /// `sha256`, so it must be the hash of `bytes`.
    pub fn add_shared(
        &mut self,
        name: &str,
        bytes: Arc<Vec<u8>>,
        sha256: String,
    ) -> Result<(), Error> {
        if !is_safe_name(name) {
            return Err(Error::UnsafeName(name.to_owned()));
        }
        if !self.seen.insert(name.to_lowercase()) {
            return Err(Error::DuplicateName(name.to_owned()));
        }
        self.entries.push(ManifestEntry {
            path: name.to_owned(),
            bytes: bytes.len() as u64,
            sha256,
        });
        let method = compression_of(&bytes);
        self.send(Job {
            name: name.to_owned(),
            bytes,
            method,
        })
    }

    /// Queues a file for the writer; if the writer has stopped, its error.
    fn send(&mut self, job: Job) -> Result<(), Error> {
        let sent = self
            .jobs
            .as_ref()
            .is_some_and(|jobs| jobs.send(job).is_ok());
        if sent {
            return Ok(());
        }
        Err(match self.stop() {
            Err(e) => e,
            Ok(_) => Error::Io {
                path: self.out.clone(),
                source: std::io::Error::other("the bundle was already finished"),
            },
        })
    }

    /// Stops the writer thread after the files queued so far; its zip, or the first error it
    /// met.
    fn stop(&mut self) -> Result<Zip, Error> {
        self.jobs = None;
        let writer = self.writer.take().ok_or_else(|| Error::Io {
            path: self.out.clone(),
            source: std::io::Error::other("the bundle's writer already stopped"),
        })?;
        writer.join().unwrap_or_else(|_| {
            Err(Error::Io {
                path: self.out.clone(),
                source: std::io::Error::other("the bundle's writer stopped unexpectedly"),
            })
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
        self.send(Job {
            name: MANIFEST_NAME.to_owned(),
            bytes: Arc::new(json),
            method: zip::CompressionMethod::Deflated,
        })?;
        let zip = self.stop()?;
        let out = self.out.clone();
        let temp = zip.finish().map_err(|source| Error::Zip {
            path: out.clone(),
            source,
        })?;
        kuajing_files::persist(temp, &out).map_err(|source| Error::Io { path: out, source })?;
        Ok(manifest)
    }
}

impl Drop for BundleWriter {
    /// Unfinished: the writer stops and its temp file is deleted before this returns.
    fn drop(&mut self) {
        if self.writer.is_some() {
            let _ = self.stop();
        }
    }
}

/// The writer thread: each queued file into the zip, the zip flushed to disk behind it.
/// Stops at the first error (the caller's next `add` or `finish` reports it) or when the
/// queue closes.
fn write_jobs(
    path: &Path,
    temp: tempfile::NamedTempFile,
    queue: &std::sync::mpsc::Receiver<Job>,
) -> Result<Zip, Error> {
    let mut sync = kuajing_files::SyncBehind::new(temp.as_file());
    let mut zip = zip::ZipWriter::new(temp);
    for job in queue {
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(job.method)
            // Fast deflate: a bundle's text is sheets and a report, a few MB at most, and the
            // export's time went into compressing them harder for a few per cent.
            .compression_level((job.method == zip::CompressionMethod::Deflated).then_some(1));
        zip.start_file(job.name.as_str(), options)
            .map_err(|source| Error::Zip {
                path: path.to_owned(),
                source,
            })?;
        zip.write_all(&job.bytes).map_err(|source| Error::Io {
            path: path.to_owned(),
            source,
        })?;
        sync.wrote(job.bytes.len() as u64);
        kuajing_files::failpoint("bundle-file");
    }
    sync.finish();
    Ok(zip)
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
