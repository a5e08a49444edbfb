//! Files on disk, written so that nothing is lost and read so that nothing unintended is.
//!
//! - **Durable, atomic writes.** A file is written to a temp file in the target's folder,
//!   flushed to disk (`fsync`), renamed over the target, and the folder is flushed too, so a
//!   crash or power cut leaves either the old file or the whole new one, never a torn or empty
//!   one. Temp files carry [`TEMP_PREFIX`], so what a crash leaves behind can be swept
//!   ([`sweep_temp_files`]).
//!
//! - **Reading only what was meant.** A path named inside a file from elsewhere (a CSV's
//!   `Image Src`) resolves inside that file's folder, must be a regular file, and is read with
//!   a size cap ([`confined`], [`read_capped`]): `../`, absolute paths, symlinks out of the
//!   folder, `/dev/zero` and FIFOs are refused before anything is opened or allocated.
//!
//! It knows nothing of catalogs, photos or bundles: callers say which folder and which bytes.

use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The crash tests' hook: with `KUAJING_FAILPOINT=<name>:<n>` in the environment, the `n`-th
/// time the process reaches `failpoint(name)` it aborts on the spot, as a `kill -9` there
/// would stop it (no destructor runs, nothing more is written). Without the variable it costs
/// one load. The points: `docs/reliability.md`.
pub fn failpoint(name: &str) {
    use std::sync::OnceLock;
    use std::sync::atomic::{AtomicUsize, Ordering};
    static ARMED: OnceLock<Option<(String, usize)>> = OnceLock::new();
    static HITS: AtomicUsize = AtomicUsize::new(0);
    let armed = ARMED.get_or_init(|| {
        let spec = std::env::var("KUAJING_FAILPOINT").ok()?;
        let (point, n) = spec.rsplit_once(':')?;
        Some((point.to_owned(), n.parse().ok()?))
    });
    if let Some((point, n)) = armed
        && point == name
        && HITS.fetch_add(1, Ordering::SeqCst) + 1 == *n
    {
        std::process::abort();
    }
}

/// The name every temp file starts with, so leftovers are recognisable and can be swept.
pub const TEMP_PREFIX: &str = ".kuajing-tmp-";

/// A new temp file in `dir` (created if missing), named [`TEMP_PREFIX`], this process's id,
/// `-` and random letters, so a sweep can tell a crashed writer's leftovers from the files
/// of a writer still at work.
pub fn temp_file_in(dir: &Path) -> io::Result<tempfile::NamedTempFile> {
    std::fs::create_dir_all(dir)?;
    let prefix = format!("{TEMP_PREFIX}{}-", std::process::id());
    tempfile::Builder::new().prefix(&prefix).tempfile_in(dir)
}

/// Whether a temp file named `name` was left by a process that is gone. Where running
/// processes cannot be listed, a temp file untouched for an hour counts as left over.
fn is_leftover(name: &str, modified: Option<std::time::SystemTime>) -> bool {
    let Some(rest) = name.strip_prefix(TEMP_PREFIX) else {
        return false;
    };
    let pid = rest.split('-').next().and_then(|p| p.parse::<u32>().ok());
    let proc = Path::new("/proc");
    match pid {
        Some(pid) if pid == std::process::id() => false,
        Some(pid) if proc.join("self").exists() => !proc.join(pid.to_string()).exists(),
        _ => modified
            .and_then(|m| m.elapsed().ok())
            .is_some_and(|age| age > std::time::Duration::from_secs(3600)),
    }
}

/// Flushes `temp` to disk, renames it to `target` and flushes the folder.
pub fn persist(temp: tempfile::NamedTempFile, target: &Path) -> io::Result<()> {
    temp.as_file().sync_all()?;
    failpoint("persist");
    temp.persist(target).map_err(|e| e.error)?;
    sync_parent(target)
}

/// Flushes a large file to disk behind its writer, so the `fsync` that [`persist`] ends with
/// has only the tail left to write. Without it the kernel holds back the writes of a
/// gigabyte-sized bundle until that `fsync` (dirty pages are not written back before 10% of
/// memory is dirty), and the export then waits for the disk with nothing else to do.
///
/// Tell it each time more was written ([`SyncBehind::wrote`]); every [`SyncBehind::STEP`]
/// bytes a thread of its own calls `fdatasync` on the file while the writer goes on. A
/// failed flush is not an error here: [`persist`]'s own flush reports it.
#[derive(Debug)]
pub struct SyncBehind {
    pending: u64,
    wake: Option<std::sync::mpsc::SyncSender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl SyncBehind {
    /// Flush after this many bytes more.
    pub const STEP: u64 = 64 << 20;

    /// Starts flushing `file` behind its writer; a file that cannot be shared is just not
    /// flushed early.
    pub fn new(file: &File) -> Self {
        let Ok(file) = file.try_clone() else {
            return SyncBehind {
                pending: 0,
                wake: None,
                thread: None,
            };
        };
        // One wake-up waiting at most: the writer never blocks on the disk, and a flush
        // asked for while one runs takes everything written by the time it starts.
        let (wake, woken) = std::sync::mpsc::sync_channel::<()>(1);
        let thread = std::thread::Builder::new()
            .name("sync-behind".into())
            .spawn(move || {
                while woken.recv().is_ok() {
                    let _ = file.sync_data();
                }
            })
            .ok();
        SyncBehind {
            pending: 0,
            wake: thread.is_some().then_some(wake),
            thread,
        }
    }

    /// Counts `bytes` more written; starts a flush when a step's worth is pending.
    pub fn wrote(&mut self, bytes: u64) {
        self.pending += bytes;
        if self.pending >= Self::STEP {
            self.pending = 0;
            if let Some(wake) = &self.wake {
                let _ = wake.try_send(());
            }
        }
    }

    /// Waits for the flush under way, if any.
    pub fn finish(mut self) {
        self.wake = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Writes `bytes` to `path` durably and atomically: no reader ever sees half a file, and after
/// a crash the path holds the old bytes or the new ones.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut temp = temp_file_in(parent(path))?;
    temp.write_all(bytes)?;
    failpoint("write-temp");
    persist(temp, path)
}

/// Flushes the file at `from`, renames it to `to`, and flushes the folder.
pub fn rename(from: &Path, to: &Path) -> io::Result<()> {
    File::open(from)?.sync_all()?;
    std::fs::rename(from, to)?;
    sync_parent(to)
}

/// Makes a rename or a new file in `path`'s folder survive a power cut.
pub fn sync_parent(path: &Path) -> io::Result<()> {
    match File::open(parent(path)) {
        Ok(dir) => dir.sync_all(),
        // Some platforms cannot open a folder; the rename itself already happened.
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied => Ok(()),
        Err(e) => Err(e),
    }
}

fn parent(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Removes the temp files a crashed writer left in `dir` (not below it) and returns their
/// paths; those of a process still running are left alone. A missing folder has none.
pub fn sweep_temp_files(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let mut swept = Vec::new();
    for entry in entries {
        let entry = entry?;
        let Some(name) = entry.file_name().to_str().map(str::to_owned) else {
            continue;
        };
        if !name.starts_with(TEMP_PREFIX) || !entry.file_type()?.is_file() {
            continue;
        }
        let modified = entry.metadata().ok().and_then(|m| m.modified().ok());
        if is_leftover(&name, modified) {
            std::fs::remove_file(entry.path())?;
            swept.push(entry.path());
        }
    }
    Ok(swept)
}

/// Why a path named by a file from elsewhere was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// It leads out of the folder it must stay in (`../`, an absolute path, a symlink).
    Outside,
    /// It names a folder, a device, a FIFO or a socket, not a regular file.
    NotAFile,
    /// Nothing is there.
    Missing,
}

/// The path `src` names, taken relative to `base`, if it stays inside `base` (or below) and
/// is a regular file. `src` may be a plain path or a `file://` URL; an absolute one is
/// accepted only when it points inside `base`. Symlinks are followed, then checked.
pub fn confined(base: &Path, src: &str) -> Result<PathBuf, Refusal> {
    let named = src.strip_prefix("file://").unwrap_or(src);
    let named = Path::new(named);
    let joined = if named.is_absolute() {
        named.to_owned()
    } else {
        base.join(named)
    };
    let base = if base.as_os_str().is_empty() {
        Path::new(".")
    } else {
        base
    };
    let real = match joined.canonicalize() {
        Ok(real) => real,
        // Say "outside" for a path that would leave the folder even if it existed.
        Err(_) if !lexically_within(&joined, base) => return Err(Refusal::Outside),
        Err(_) => return Err(Refusal::Missing),
    };
    let base = base.canonicalize().map_err(|_| Refusal::Missing)?;
    if !real.starts_with(&base) {
        return Err(Refusal::Outside);
    }
    match std::fs::metadata(&real) {
        Ok(meta) if meta.is_file() => Ok(real),
        Ok(_) => Err(Refusal::NotAFile),
        Err(_) => Err(Refusal::Missing),
    }
}

/// Whether `path` lies inside `base` once the `.` and `..` parts of both are worked out as
/// written (no symlinks followed): for a path that does not exist, so cannot be resolved. A
/// `..` above the start of either is outside.
fn lexically_within(path: &Path, base: &Path) -> bool {
    use std::path::Component;
    let normal = |p: &Path| {
        let mut out = PathBuf::new();
        for part in p.components() {
            match part {
                Component::ParentDir if !out.pop() => return None,
                Component::ParentDir | Component::CurDir => {}
                other => out.push(other),
            }
        }
        Some(out)
    };
    match (normal(path), normal(base)) {
        (Some(path), Some(base)) => path.starts_with(base),
        _ => false,
    }
}

/// Why [`read_capped`] did not return the bytes.
#[derive(Debug)]
pub enum ReadError {
    Io(io::Error),
    /// The file is larger than the cap (its size as far as it was read, or as the file
    /// system says).
    TooLarge {
        size: u64,
        limit: u64,
    },
    NotAFile,
}

/// Reads the regular file at `path`, refusing one over `limit` bytes before allocating for
/// it, and stopping at the cap even if the file grows while it is read.
pub fn read_capped(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    use std::io::Read;
    let meta = std::fs::metadata(path).map_err(ReadError::Io)?;
    if !meta.is_file() {
        return Err(ReadError::NotAFile);
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge {
            size: meta.len(),
            limit,
        });
    }
    let file = File::open(path).map_err(ReadError::Io)?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_named_path_stays_inside_its_folder_and_is_a_regular_file() {
        let dir = tempfile::tempdir().unwrap();
        let base = dir.path().join("export");
        std::fs::create_dir_all(base.join("photos")).unwrap();
        std::fs::write(base.join("photos/a.jpg"), b"x").unwrap();
        std::fs::write(dir.path().join("secret.txt"), b"x").unwrap();
        std::os::unix::fs::symlink(dir.path().join("secret.txt"), base.join("link.jpg")).unwrap();
        let real = base.canonicalize().unwrap().join("photos/a.jpg");
        let abs = real.display().to_string();

        assert_eq!(confined(&base, "photos/a.jpg"), Ok(real.clone()));
        assert_eq!(
            confined(&base, "./photos/../photos/a.jpg"),
            Ok(real.clone())
        );
        assert_eq!(confined(&base, &abs), Ok(real.clone()));
        assert_eq!(confined(&base, &format!("file://{abs}")), Ok(real));
        assert_eq!(confined(&base, "../secret.txt"), Err(Refusal::Outside));
        assert_eq!(confined(&base, "../nothing.txt"), Err(Refusal::Outside));
        assert_eq!(confined(&base, "link.jpg"), Err(Refusal::Outside));
        assert_eq!(confined(&base, "/etc/passwd"), Err(Refusal::Outside));
        assert_eq!(confined(&base, "file:///etc/passwd"), Err(Refusal::Outside));
        assert_eq!(confined(&base, "/dev/zero"), Err(Refusal::Outside));
        assert_eq!(confined(&base, "photos"), Err(Refusal::NotAFile));
        assert!(lexically_within(
            Path::new("shop/photos/x.jpg"),
            Path::new("shop")
        ));
        assert!(!lexically_within(
            Path::new("shop/../x.jpg"),
            Path::new("shop")
        ));
        assert!(!lexically_within(Path::new("../x.jpg"), Path::new("")));
        assert!(lexically_within(Path::new("./x.jpg"), Path::new(".")));
        assert_eq!(confined(&base, "not-there.jpg"), Err(Refusal::Missing));
    }

    #[test]
    fn a_fifo_or_a_device_inside_the_folder_is_refused_without_opening_it() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("photo.jpg");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        // Opening a FIFO with no writer would block for ever.
        assert_eq!(confined(dir.path(), "photo.jpg"), Err(Refusal::NotAFile));
        assert!(matches!(read_capped(&fifo, 10), Err(ReadError::NotAFile)));
        assert!(matches!(
            read_capped(Path::new("/dev/zero"), 10),
            Err(ReadError::NotAFile)
        ));
    }

    #[test]
    fn a_read_stops_at_the_cap() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.bin");
        std::fs::write(&path, vec![0u8; 100]).unwrap();
        assert_eq!(read_capped(&path, 100).unwrap().len(), 100);
        assert!(matches!(
            read_capped(&path, 99),
            Err(ReadError::TooLarge {
                size: 100,
                limit: 99
            })
        ));
    }

    #[test]
    fn an_atomic_write_replaces_the_file_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new/folder/a.txt");
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        let names: Vec<_> = std::fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("a.txt")]);
    }

    #[test]
    fn sweeping_removes_only_our_leftover_temp_files() {
        let dir = tempfile::tempdir().unwrap();
        // A process that has ended: a child we waited for.
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let gone = child.id();
        child.wait().unwrap();
        let leftover = dir.path().join(format!("{TEMP_PREFIX}{gone}-abcdef"));
        std::fs::write(&leftover, b"half a photo").unwrap();
        // This process is still writing its own.
        let ours = temp_file_in(dir.path())
            .unwrap()
            .into_temp_path()
            .keep()
            .unwrap();
        std::fs::write(dir.path().join("photo.jpg"), b"x").unwrap();
        std::fs::create_dir(dir.path().join(format!("{TEMP_PREFIX}{gone}-folder"))).unwrap();
        let swept = sweep_temp_files(dir.path()).unwrap();
        assert_eq!(swept, vec![leftover.clone()]);
        assert!(!leftover.exists());
        assert!(ours.exists());
        assert!(dir.path().join("photo.jpg").exists());
        assert!(
            sweep_temp_files(&dir.path().join("missing"))
                .unwrap()
                .is_empty()
        );
    }
}
