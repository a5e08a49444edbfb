//! The endpoint's settings, as the caller stores them (JSON in the catalog's settings table).

use serde::{Deserialize, Serialize};
use ureq::http::Uri;

use crate::Error;

/// Where machine drafts come from. It holds no key, only the name of the environment variable
/// that does; the key itself is in the environment or the OS keyring (see [`crate::api_key`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MtConfig {
    /// The API's base URL, the part before `/chat/completions`
    /// (Ollama: `http://127.0.0.1:11434/v1`).
    pub endpoint: String,
    /// The model the server should run (`qwen2.5:7b`).
    pub model: String,
    /// The environment variable holding the API key, if the endpoint needs one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_key_env: Option<String>,
    /// Whether to look for a key in the OS keyring when the variable gives none.
    #[serde(default = "yes")]
    pub keyring: bool,
}

fn yes() -> bool {
    true
}

impl MtConfig {
    /// Settings from what the merchant typed, normalised and checked: the endpoint trimmed,
    /// without a trailing `/` or `/chat/completions` (a full URL pasted from a server's docs
    /// works too), the keyring consulted.
    pub fn new(endpoint: &str, model: &str, api_key_env: Option<&str>) -> Result<Self, Error> {
        let mut endpoint = endpoint.trim().trim_end_matches('/');
        if let Some(base) = endpoint.strip_suffix("/chat/completions") {
            endpoint = base.trim_end_matches('/');
        }
        let config = MtConfig {
            endpoint: endpoint.to_owned(),
            model: model.trim().to_owned(),
            api_key_env: api_key_env
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(str::to_owned),
            keyring: true,
        };
        config.validate()?;
        Ok(config)
    }

    /// Reads stored settings: `None` (nothing stored) is `mt-not-configured`.
    pub fn from_json(stored: Option<&str>) -> Result<Self, Error> {
        let json = stored.ok_or(Error::NotConfigured)?;
        let config: MtConfig = serde_json::from_str(json).map_err(|e| Error::BadConfig {
            reason: e.to_string(),
        })?;
        config.validate()?;
        Ok(config)
    }

    /// The settings as stored.
    pub fn to_json(&self) -> String {
        // A struct of strings and a bool always serialises.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Checks the endpoint is an http(s) base URL with a host, no user name or password (a
    /// secret must not sit in the settings), no query or fragment; the model is named; the key
    /// variable, if any, can be an environment variable's name.
    pub fn validate(&self) -> Result<(), Error> {
        self.host()?;
        if self.model.trim().is_empty() {
            return Err(Error::NoModel);
        }
        if let Some(var) = &self.api_key_env
            && (var.is_empty() || var.contains(['=', '\0']) || var.chars().any(char::is_whitespace))
        {
            return Err(Error::BadKeyEnv { var: var.clone() });
        }
        Ok(())
    }

    /// The endpoint's host, lower-cased (the keyring entry's user name).
    pub fn host(&self) -> Result<String, Error> {
        endpoint_host(&self.endpoint)
    }

    /// The URL a draft is posted to.
    pub fn completions_url(&self) -> String {
        format!("{}/chat/completions", self.endpoint.trim_end_matches('/'))
    }
}

/// The host of an endpoint URL, after checking it is one.
pub(crate) fn endpoint_host(endpoint: &str) -> Result<String, Error> {
    let bad = |reason: &str| Error::BadEndpoint {
        url: endpoint.to_owned(),
        reason: reason.to_owned(),
    };
    if endpoint
        .chars()
        .any(|c| c.is_whitespace() || c.is_control())
    {
        return Err(bad("it contains a space"));
    }
    let uri: Uri = endpoint
        .parse()
        .map_err(|_| bad("it is not a URL such as http://127.0.0.1:11434/v1"))?;
    match uri.scheme_str() {
        Some("http" | "https") => {}
        Some(_) => return Err(bad("it must start with http:// or https://")),
        None => return Err(bad("it must start with http:// or https://")),
    }
    let authority = uri.authority().ok_or_else(|| bad("it has no host"))?;
    if authority.as_str().contains('@') {
        return Err(bad(
            "it holds a user name or password; keep the key in an environment variable or the keyring",
        ));
    }
    if uri.query().is_some() || endpoint.contains('#') {
        return Err(bad("it must be a base URL, without ? or #"));
    }
    let host = authority.host();
    if host.is_empty() {
        return Err(bad("it has no host"));
    }
    Ok(host.to_ascii_lowercase())
}

/// Whether a host is this machine: a local server is reached without the environment's proxy.
pub(crate) fn is_loopback(host: &str) -> bool {
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    host == "localhost"
        || host.ends_with(".localhost")
        || bare
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_what_the_merchant_pastes() -> Result<(), Error> {
        for typed in [
            "http://127.0.0.1:11434/v1",
            " http://127.0.0.1:11434/v1/ ",
            "http://127.0.0.1:11434/v1/chat/completions",
        ] {
            let c = MtConfig::new(typed, " qwen2.5:7b ", Some(""))?;
            assert_eq!(c.endpoint, "http://127.0.0.1:11434/v1");
            assert_eq!(c.model, "qwen2.5:7b");
            assert_eq!(c.api_key_env, None);
            assert_eq!(
                c.completions_url(),
                "http://127.0.0.1:11434/v1/chat/completions"
            );
            assert_eq!(c.host()?, "127.0.0.1");
        }
        let c = MtConfig::new("https://API.example.com/v1", "m", Some("OPENAI_API_KEY"))?;
        assert_eq!(c.host()?, "api.example.com");
        assert_eq!(c.api_key_env.as_deref(), Some("OPENAI_API_KEY"));
        Ok(())
    }

    #[test]
    fn refuses_what_is_not_an_endpoint() {
        let code = |endpoint: &str, model: &str, var: Option<&str>| {
            MtConfig::new(endpoint, model, var).map_err(|e| e.code())
        };
        for url in [
            "",
            "127.0.0.1:11434/v1",
            "ftp://example.com/v1",
            "http://",
            "http://user:sk-secret@example.com/v1",
            "https://example.com/v1?key=sk-secret",
            "http://exa mple.com/v1",
        ] {
            assert_eq!(code(url, "m", None).err(), Some("mt-bad-endpoint"), "{url}");
        }
        assert_eq!(
            code("http://localhost:8080/v1", "  ", None).err(),
            Some("mt-no-model")
        );
        assert_eq!(
            code("http://localhost:8080/v1", "m", Some("A=B")).err(),
            Some("mt-bad-key-env")
        );
    }

    #[test]
    fn stored_json_round_trips_and_never_holds_a_key() -> Result<(), Error> {
        let c = MtConfig::new(
            "https://api.example.com/v1",
            "gpt-4o-mini",
            Some("OPENAI_API_KEY"),
        )?;
        let json = c.to_json();
        assert!(!json.contains("sk-"));
        assert_eq!(MtConfig::from_json(Some(&json))?, c);
        // Older or hand-written settings without the keyring flag consult the keyring.
        let bare = MtConfig::from_json(Some(
            r#"{"endpoint":"http://127.0.0.1:11434/v1","model":"qwen2.5:7b"}"#,
        ))?;
        assert!(bare.keyring);
        assert_eq!(
            MtConfig::from_json(None).map_err(|e| e.code()),
            Err("mt-not-configured")
        );
        assert_eq!(
            MtConfig::from_json(Some("{")).map_err(|e| e.code()),
            Err("mt-bad-config")
        );
        Ok(())
    }

    #[test]
    fn loopback_hosts() {
        for h in [
            "localhost",
            "127.0.0.1",
            "127.8.9.1",
            "[::1]",
            "ollama.localhost",
        ] {
            assert!(is_loopback(h), "{h}");
        }
        for h in ["example.com", "10.0.0.2", "[::2]", "localhost.example.com"] {
            assert!(!is_loopback(h), "{h}");
        }
    }
}
