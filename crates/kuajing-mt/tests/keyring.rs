//! The keyring is consulted only when no variable gives a key, and a machine without one (no
//! Secret Service, as on a headless server or CI) means no key, not an error.

use std::time::{Duration, Instant};

use kuajing_mt::{MtConfig, api_key_with, keyring_key};

type TestResult = Result<(), Box<dyn std::error::Error>>;

#[test]
fn a_missing_keyring_entry_is_no_key() -> TestResult {
    // A host no one stores a key for (port 9 is discard; nothing is contacted).
    let config = MtConfig::new("http://127.0.0.9:9/v1", "qwen2.5:7b", None)?;
    assert!(config.keyring);
    let start = Instant::now();
    assert_eq!(api_key_with(&config, |_| None)?, None);
    assert_eq!(keyring_key(&config.endpoint)?, None);
    // A D-Bus call that finds nothing is quick; this bounds a hang, not the speed.
    assert!(
        start.elapsed() < Duration::from_secs(5),
        "{:?}",
        start.elapsed()
    );
    Ok(())
}

#[test]
fn a_key_from_the_variable_skips_the_keyring() -> TestResult {
    let config = MtConfig::new("http://127.0.0.9:9/v1", "m", Some("KJ_KEY"))?;
    let key = api_key_with(&config, |_| Some("sk-from-env".to_owned()))?;
    assert_eq!(key.as_ref().map(|k| k.expose()), Some("sk-from-env"));
    Ok(())
}

#[test]
fn a_named_variable_with_no_key_anywhere_is_mt_key_missing() -> TestResult {
    let config = MtConfig::new("http://127.0.0.9:9/v1", "m", Some("KJ_KEY"))?;
    let err = api_key_with(&config, |_| None)
        .err()
        .ok_or("a key from nowhere")?;
    assert_eq!(err.code(), "mt-key-missing");
    assert_eq!(err.args()["var"], "KJ_KEY");
    assert_eq!(err.args()["host"], "127.0.0.9");
    Ok(())
}

/// A real Secret Service: store, look up, delete. Ignored by default, since it would write to
/// the keyring of whoever runs it; run it in a throwaway session with an unlocked keyring
/// (Debian: `apt-get install gnome-keyring`):
///
/// ```sh
/// CARGO_HOME=$HOME/.cargo RUSTUP_HOME=$HOME/.rustup HOME=$(mktemp -d) dbus-run-session -- \
///   sh -c 'echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null &&
///   cargo test -p kuajing-mt --test keyring -- --include-ignored'
/// ```
#[test]
#[ignore = "writes to the Secret Service; run by hand in a throwaway D-Bus session"]
fn a_stored_key_is_found_and_deleted() -> TestResult {
    let endpoint = "https://kuajing-test.example.com/v1";
    kuajing_mt::store_key(endpoint, " sk-from-keyring ")?;
    let found = keyring_key(endpoint)?;
    assert_eq!(found.as_ref().map(|k| k.expose()), Some("sk-from-keyring"));
    // Settings that name a variable fall back to the keyring when it is unset.
    let config = MtConfig::new(endpoint, "m", Some("KJ_UNSET_KEY"))?;
    let key = api_key_with(&config, |_| None)?;
    assert_eq!(key.as_ref().map(|k| k.expose()), Some("sk-from-keyring"));
    kuajing_mt::delete_key(endpoint)?;
    assert_eq!(keyring_key(endpoint)?, None);
    // Deleting what is not there is fine.
    kuajing_mt::delete_key(endpoint)?;
    Ok(())
}
