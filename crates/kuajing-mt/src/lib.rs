//! Machine drafts: optional Chinese listing copy from an OpenAI-compatible chat endpoint (a
//! local LLM server such as Ollama, llama.cpp or vLLM, or a cloud API with a key).
//!
//! This crate owns:
//! - the endpoint's settings ([`MtConfig`]: base URL, model, the name of the environment
//!   variable holding the key; JSON the caller stores) and their validation; they never hold
//!   a key;
//! - where the key lives ([`api_key`]): the named environment variable, else the OS keyring
//!   (service `kuajing`, user = the endpoint's host; [`store_key`], [`delete_key`]); no
//!   keyring, no key, no error;
//! - the prompt ([`Prompt`]; its wording is data, `assets/mt/prompt.toml`): the English, the
//!   field, the marketplace's limit explained in GBK units, the glossary terms and the rules
//!   the caller passes;
//! - the call ([`Mt::draft`], [`draft`]): `POST {endpoint}/chat/completions` with short
//!   timeouts ([`Timeouts`]: connect 3 s, whole call 8 s), and the answer cleaned of quotes,
//!   code fences, `<think>` blocks and "标题：" labels ([`clean_answer`]);
//! - its errors, each with a code and an `error-<code>` message in `assets/locales/*/mt.ftl`.
//!
//! It must not know: the catalog or its settings table, marketplaces' profiles, the copy
//! checks (the caller runs the answer through the same checks as typed copy), Tauri. Nothing
//! here runs unless called: no thread, no connection and no keyring look-up at load time.

mod answer;
mod client;
mod config;
mod key;
mod prompt;
// Always built (about 100 lines, no dependencies): a feature enabled only by dev-dependencies
// would give `cargo build --bins` another build of every crate above this one.
pub mod stub;

use std::collections::BTreeMap;

pub use answer::clean_answer;
pub use client::{Mt, MtAnswer, Timeouts, draft};
pub use config::MtConfig;
pub use key::{ApiKey, KEYRING_SERVICE, api_key, api_key_with, delete_key, keyring_key, store_key};
pub use prompt::{Field, Message, MtRequest, PROMPT_TOML, Prompt};

/// Why a machine draft could not be made. The UI maps [`Error::code`] to the Fluent message
/// `error-<code>` with [`Error::args`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// No endpoint is set for this catalog (`mt set` was never run, or `mt off` was).
    #[error("machine drafts are off: no endpoint is set")]
    NotConfigured,
    /// The stored settings are not the JSON [`MtConfig`] reads.
    #[error("the machine-draft settings are unreadable: {reason}")]
    BadConfig { reason: String },
    #[error("`{url}` is not an endpoint URL: {reason}")]
    BadEndpoint { url: String, reason: String },
    #[error("no model is named for the machine-draft endpoint")]
    NoModel,
    #[error("`{var}` is not an environment variable name")]
    BadKeyEnv { var: String },
    /// The settings name a key variable, and neither it nor the keyring holds a key.
    #[error(
        "no API key: the environment variable `{var}` is not set and the keyring has no key for {host}"
    )]
    KeyMissing { var: String, host: String },
    /// Storing or deleting a key in the OS keyring failed (looking one up never fails).
    #[error("the keyring could not keep the key for {host}: {reason}")]
    Keyring { host: String, reason: String },
    #[error("there is no English {field} to draft from")]
    NoEnglish { field: String },
    /// No answer at all: connection refused, host not found, TLS, or no answer in time.
    #[error("the machine-draft endpoint {url} is unreachable: {reason}")]
    Unreachable { url: String, reason: String },
    /// The server answered with a status other than 2xx.
    #[error("the machine-draft endpoint {url} answered {status}{}", message.as_deref().map(|m| format!(": {m}")).unwrap_or_default())]
    Failed {
        url: String,
        status: u16,
        message: Option<String>,
    },
    /// A 2xx answer that is not a chat completion, or holds no copy once cleaned.
    #[error("the machine-draft endpoint {url} gave no usable answer: {reason}")]
    BadAnswer { url: String, reason: String },
    /// The shipped prompt (`assets/mt/prompt.toml`) is broken: a bug, caught by the tests.
    #[error("the machine-draft prompt is invalid: {0}")]
    Prompt(String),
}

impl Error {
    /// A stable code the UI maps to a Fluent message (`error-<code>`).
    pub fn code(&self) -> &'static str {
        match self {
            Error::NotConfigured => "mt-not-configured",
            Error::BadConfig { .. } => "mt-bad-config",
            Error::BadEndpoint { .. } => "mt-bad-endpoint",
            Error::NoModel => "mt-no-model",
            Error::BadKeyEnv { .. } => "mt-bad-key-env",
            Error::KeyMissing { .. } => "mt-key-missing",
            Error::Keyring { .. } => "mt-keyring",
            Error::NoEnglish { .. } => "mt-no-english",
            Error::Unreachable { .. } => "mt-unreachable",
            Error::Failed { .. } => "mt-failed",
            Error::BadAnswer { .. } => "mt-bad-answer",
            Error::Prompt(_) => "mt-prompt-invalid",
        }
    }

    /// The values a translated message needs. `mt-failed` always has `message`: the server's
    /// own, or `none` when it gave none, which a Fluent selector can test (as `copy.ftl` does).
    pub fn args(&self) -> BTreeMap<String, String> {
        let pairs: Vec<(&str, String)> = match self {
            Error::NotConfigured | Error::NoModel => vec![],
            Error::BadConfig { reason } => vec![("reason", reason.clone())],
            Error::BadEndpoint { url, reason } => {
                vec![("url", url.clone()), ("reason", reason.clone())]
            }
            Error::BadKeyEnv { var } => vec![("var", var.clone())],
            Error::KeyMissing { var, host } => vec![("var", var.clone()), ("host", host.clone())],
            Error::Keyring { host, reason } => {
                vec![("host", host.clone()), ("reason", reason.clone())]
            }
            Error::NoEnglish { field } => vec![("field", field.clone())],
            Error::Unreachable { url, reason } | Error::BadAnswer { url, reason } => {
                vec![("url", url.clone()), ("reason", reason.clone())]
            }
            Error::Failed {
                url,
                status,
                message,
            } => vec![
                ("url", url.clone()),
                ("status", status.to_string()),
                (
                    "message",
                    message.clone().unwrap_or_else(|| "none".to_owned()),
                ),
            ],
            Error::Prompt(detail) => vec![("detail", detail.clone())],
        };
        pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
    }
}
