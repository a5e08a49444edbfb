//! Where the API key lives: the environment variable the settings name, else the OS keyring.
//! Never in the settings, never in a file of ours.

use std::fmt;

use crate::Error;
use crate::config::{MtConfig, endpoint_host};

/// The keyring service every key of ours is stored under; the user name is the endpoint's host.
pub const KEYRING_SERVICE: &str = "kuajing";

/// An API key. Its `Debug` does not show it, so it cannot end up in a log by accident.
#[derive(Clone, PartialEq, Eq)]
pub struct ApiKey(String);

impl ApiKey {
    /// A key from its text, trimmed; `None` if nothing is left.
    pub fn new(key: &str) -> Option<Self> {
        let key = key.trim();
        (!key.is_empty()).then(|| ApiKey(key.to_owned()))
    }

    /// The key, for the `Authorization` header.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for ApiKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ApiKey(…)")
    }
}

/// The key for an endpoint, from the process environment and the OS keyring; see
/// [`api_key_with`].
pub fn api_key(config: &MtConfig) -> Result<Option<ApiKey>, Error> {
    api_key_with(config, |var| std::env::var(var).ok())
}

/// The key for an endpoint: the environment variable `config.api_key_env` names (read through
/// `env`, which tests replace), else, when `config.keyring` is on, the keyring entry for the
/// endpoint's host. No keyring on this machine (no Secret Service running, as on a headless
/// server) counts as no entry: a local server needs no key.
///
/// `mt-key-missing` only when the settings name a variable and neither place has a key, since
/// then the endpoint would refuse the call anyway.
pub fn api_key_with(
    config: &MtConfig,
    env: impl Fn(&str) -> Option<String>,
) -> Result<Option<ApiKey>, Error> {
    if let Some(var) = &config.api_key_env
        && let Some(key) = env(var).as_deref().and_then(ApiKey::new)
    {
        return Ok(Some(key));
    }
    let host = config.host()?;
    let stored = if config.keyring {
        keyring_key(&config.endpoint)?
    } else {
        None
    };
    match (stored, &config.api_key_env) {
        (Some(key), _) => Ok(Some(key)),
        (None, Some(var)) => Err(Error::KeyMissing {
            var: var.clone(),
            host,
        }),
        (None, None) => Ok(None),
    }
}

/// The key the OS keyring holds for an endpoint's host, if there is a keyring and an entry.
/// Only a bad endpoint is an error; a keyring that fails is logged and counts as no key.
pub fn keyring_key(endpoint: &str) -> Result<Option<ApiKey>, Error> {
    let host = endpoint_host(endpoint)?;
    let found = keyring::Entry::new(KEYRING_SERVICE, &host).and_then(|e| e.get_password());
    match found {
        Ok(key) => Ok(ApiKey::new(&key)),
        Err(keyring::Error::NoEntry) => Ok(None),
        Err(e) => {
            log::debug!("no keyring key for {host}: {e}");
            Ok(None)
        }
    }
}

/// Keeps a key in the OS keyring for an endpoint's host (the settings page). Fails with
/// `mt-keyring` where there is no keyring: the merchant then uses an environment variable.
pub fn store_key(endpoint: &str, key: &str) -> Result<(), Error> {
    let host = endpoint_host(endpoint)?;
    let failed = |reason: String| Error::Keyring {
        host: host.clone(),
        reason,
    };
    let key = ApiKey::new(key).ok_or_else(|| failed("the key is empty".to_owned()))?;
    keyring::Entry::new(KEYRING_SERVICE, &host)
        .and_then(|e| e.set_password(key.expose()))
        .map_err(|e| failed(e.to_string()))
}

/// Removes the keyring's key for an endpoint's host; no entry is not an error.
pub fn delete_key(endpoint: &str) -> Result<(), Error> {
    let host = endpoint_host(endpoint)?;
    match keyring::Entry::new(KEYRING_SERVICE, &host).and_then(|e| e.delete_credential()) {
        Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
        Err(e) => Err(Error::Keyring {
            host,
            reason: e.to_string(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(var: Option<&str>) -> Result<MtConfig, Error> {
        let mut c = MtConfig::new("http://127.0.0.1:9/v1", "m", var)?;
        c.keyring = false;
        Ok(c)
    }

    #[test]
    fn the_named_variable_gives_the_key() -> Result<(), Error> {
        let env = |var: &str| (var == "KJ_KEY").then(|| " sk-test \n".to_owned());
        let key = api_key_with(&config(Some("KJ_KEY"))?, env)?;
        assert_eq!(key.as_ref().map(ApiKey::expose), Some("sk-test"));
        assert_eq!(format!("{key:?}"), "Some(ApiKey(…))");
        Ok(())
    }

    #[test]
    fn no_variable_no_key_no_error() -> Result<(), Error> {
        assert_eq!(api_key_with(&config(None)?, |_| None)?, None);
        Ok(())
    }

    #[test]
    fn a_named_variable_that_is_unset_or_empty_is_missing() -> Result<(), Error> {
        for value in [None, Some(String::new()), Some("  ".to_owned())] {
            let err = api_key_with(&config(Some("KJ_KEY"))?, |_| value.clone());
            assert_eq!(
                err,
                Err(Error::KeyMissing {
                    var: "KJ_KEY".into(),
                    host: "127.0.0.1".into()
                })
            );
        }
        Ok(())
    }
}
