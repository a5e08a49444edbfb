//! One app per catalog. The app that opens a catalog first holds an exclusive lock on a file
//! beside it (`catalog.sqlite.lock`) for as long as it runs, and listens on a Unix socket beside
//! it (`catalog.sqlite.sock`). A second app started on the same catalog cannot take the lock: it
//! asks the first over the socket to bring its window to the front, and exits. Apps on two
//! different catalogs never meet, since each lock sits beside its own catalog.
//!
//! The lock decides, not the socket: the kernel drops the lock when its process ends, however it
//! ends (`kill -9` too), so what a crash leaves behind never blocks the next start; the next first
//! app replaces the stale socket file. No session bus is involved (D-Bus is absent under `xvfb-run`
//! in CI and on some desktops), and nothing here can stop the app from starting: when the lock
//! file cannot be made (a read-only folder, say) the app runs without the guard.

use std::fs::{File, OpenOptions, TryLockError};
use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

#[cfg(unix)]
use std::io::{BufRead, BufReader, Read, Write};
#[cfg(unix)]
use std::os::unix::net::{UnixListener, UnixStream};
#[cfg(unix)]
use std::time::Instant;

/// What the second app sends, and what the first answers once its window is in front.
const FOCUS: &str = "focus";
const DONE: &str = "ok";
/// How long a second app keeps trying to reach a first app that is still starting.
#[cfg(unix)]
const REACH_FOR: Duration = Duration::from_secs(3);
/// How long either side waits for the other's line.
const ANSWER_WITHIN: Duration = Duration::from_secs(3);

/// The outcome of [`claim`].
#[derive(Debug)]
pub enum Claim {
    /// No other app has this catalog open: keep this for as long as the app runs.
    First(Instance),
    /// Another app has it open. It was asked to show its window; `focused` says it answered.
    Second { focused: bool },
}

/// The first app's hold on its catalog: the lock, and the socket second apps knock on.
#[derive(Debug)]
pub struct Instance {
    _lock: File,
    #[cfg(unix)]
    listener: Option<UnixListener>,
    socket: PathBuf,
}

/// The lock file and the socket of `catalog`: beside it, named after it.
pub fn paths(catalog: &Path) -> (PathBuf, PathBuf) {
    // The same file however it is named (a relative path, a symlink): one lock.
    let catalog = std::fs::canonicalize(catalog).unwrap_or_else(|_| catalog.to_path_buf());
    let beside = |suffix: &str| {
        let mut name = catalog.file_name().unwrap_or_default().to_os_string();
        name.push(suffix);
        catalog.with_file_name(name)
    };
    (beside(".lock"), beside(".sock"))
}

/// Takes the catalog for this app, or hands the window over to the app that has it.
pub fn claim(catalog: &Path) -> io::Result<Claim> {
    if let Some(dir) = catalog.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let (lock_path, socket) = paths(catalog);
    let lock = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)?;
    if !take(&lock)? {
        let focused = ask_to_focus(&socket);
        // Unanswered, the first app may have been ending as we knocked: then the catalog is ours.
        if focused || !take(&lock)? {
            return Ok(Claim::Second { focused });
        }
    }
    // We hold the lock, so a socket file left there belongs to an app that has ended.
    #[cfg(unix)]
    let listener = {
        let _ = std::fs::remove_file(&socket);
        // A folder that cannot hold a socket (or a path too long for one) only costs the focus.
        UnixListener::bind(&socket).ok()
    };
    Ok(Claim::First(Instance {
        _lock: lock,
        #[cfg(unix)]
        listener,
        socket,
    }))
}

/// Takes the lock if no one holds it.
fn take(lock: &File) -> io::Result<bool> {
    match lock.try_lock() {
        Ok(()) => Ok(true),
        Err(TryLockError::WouldBlock) => Ok(false),
        Err(TryLockError::Error(e)) => Err(e),
    }
}

impl Instance {
    /// Answers second apps on a thread of its own: `focus` runs for each, then it is told "ok".
    pub fn serve(&mut self, focus: impl Fn() + Send + 'static) {
        #[cfg(unix)]
        if let Some(listener) = self.listener.take() {
            std::thread::spawn(move || {
                for stream in listener.incoming().flatten() {
                    if read_line(&stream).as_deref() == Some(FOCUS) {
                        focus();
                        let _ = (&stream).write_all(format!("{DONE}\n").as_bytes());
                    }
                }
            });
        }
        #[cfg(not(unix))]
        let _ = focus;
    }

    /// The socket file, removed when the app ends (only tidiness: a stale one is replaced).
    pub fn socket(&self) -> &Path {
        &self.socket
    }
}

/// One line from `stream` (at most 64 bytes: a peer cannot fill memory), without its end, within
/// [`ANSWER_WITHIN`].
#[cfg(unix)]
fn read_line(stream: &UnixStream) -> Option<String> {
    stream.set_read_timeout(Some(ANSWER_WITHIN)).ok()?;
    let mut line = String::new();
    BufReader::new(stream.take(64)).read_line(&mut line).ok()?;
    Some(line.trim_end().to_owned())
}

/// Knocks on the first app's socket: true once it says its window is in front.
#[cfg(unix)]
fn ask_to_focus(socket: &Path) -> bool {
    let deadline = Instant::now() + REACH_FOR;
    let stream = loop {
        match UnixStream::connect(socket) {
            Ok(stream) => break stream,
            // The first app holds the lock but may not be listening yet.
            Err(_) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(50)),
            Err(_) => return false,
        }
    };
    let _ = stream.set_write_timeout(Some(ANSWER_WITHIN));
    if (&stream)
        .write_all(format!("{FOCUS}\n").as_bytes())
        .is_err()
    {
        return false;
    }
    read_line(&stream).as_deref() == Some(DONE)
}

#[cfg(not(unix))]
fn ask_to_focus(_socket: &Path) -> bool {
    let _ = (ANSWER_WITHIN, FOCUS, DONE);
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    fn first(catalog: &Path) -> Instance {
        match claim(catalog).unwrap() {
            Claim::First(instance) => instance,
            Claim::Second { .. } => panic!("{} was already taken", catalog.display()),
        }
    }

    #[test]
    fn a_second_claim_on_the_same_catalog_asks_the_first_to_focus() {
        let dir = tempfile::tempdir().unwrap();
        let catalog = dir.path().join("shop/catalog.sqlite");
        let mut one = first(&catalog);
        let knocks = Arc::new(AtomicUsize::new(0));
        let seen = Arc::clone(&knocks);
        one.serve(move || {
            seen.fetch_add(1, Ordering::SeqCst);
        });
        for _ in 0..2 {
            match claim(&catalog).unwrap() {
                Claim::Second { focused } => assert!(focused, "the first app answered"),
                Claim::First(_) => panic!("two apps on one catalog"),
            }
        }
        assert_eq!(knocks.load(Ordering::SeqCst), 2);
        // Another spelling of the same file is the same catalog.
        let again = dir.path().join("shop/../shop/catalog.sqlite");
        assert!(matches!(
            claim(&again).unwrap(),
            Claim::Second { focused: true }
        ));
    }

    #[test]
    fn apps_on_two_catalogs_both_run() {
        let dir = tempfile::tempdir().unwrap();
        let _one = first(&dir.path().join("a/catalog.sqlite"));
        let _two = first(&dir.path().join("b/catalog.sqlite"));
        let _three = first(&dir.path().join("a/other.sqlite"));
    }

    #[test]
    fn the_catalog_is_free_again_when_the_first_app_ends_and_its_socket_is_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let catalog = dir.path().join("catalog.sqlite");
        let one = first(&catalog);
        let socket = one.socket().to_path_buf();
        assert!(socket.exists(), "the first app listens beside the catalog");
        drop(one);
        // A crash leaves the socket file behind; the lock goes with the process.
        assert!(socket.exists());
        let mut two = first(&catalog);
        two.serve(|| {});
        assert!(matches!(
            claim(&catalog).unwrap(),
            Claim::Second { focused: true }
        ));
    }

    #[test]
    fn a_first_app_that_never_answers_does_not_hold_up_the_second() {
        let dir = tempfile::tempdir().unwrap();
        let catalog = dir.path().join("catalog.sqlite");
        // Holds the lock but never serves: the second app gives up and says so.
        let _one = first(&catalog);
        let started = Instant::now();
        assert!(matches!(
            claim(&catalog).unwrap(),
            Claim::Second { focused: false }
        ));
        assert!(started.elapsed() < Duration::from_secs(10));
    }
}
