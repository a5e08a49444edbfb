//! The call: one `POST {endpoint}/chat/completions`, bounded in time, and its answer.

use std::io::ErrorKind;
use std::time::Duration;

use serde::Serialize;
use serde_json::Value;

use crate::answer::clean_answer;
use crate::config::is_loopback;
use crate::{ApiKey, Error, MtConfig, MtRequest, Prompt};

/// The most of an answer that is read: a draft is a few kilobytes.
const MAX_ANSWER_BYTES: u64 = 1 << 20;
/// The most of a server's error message that is shown.
const MAX_ERROR_CHARS: usize = 300;
/// Low, so the same English gives about the same draft.
const TEMPERATURE: f64 = 0.2;

/// How long a call may take. A dead endpoint must fail fast: `draft --mt` exits within 10 s.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timeouts {
    /// Until the connection is open (name resolution included).
    pub connect: Duration,
    /// The whole call, from name resolution to the last byte of the answer.
    pub total: Duration,
}

impl Timeouts {
    pub const DEFAULT: Timeouts = Timeouts {
        connect: Duration::from_secs(3),
        total: Duration::from_secs(8),
    };
}

impl Default for Timeouts {
    fn default() -> Self {
        Self::DEFAULT
    }
}

/// A machine draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MtAnswer {
    /// The copy, cleaned ([`crate::clean_answer`]); not yet checked.
    pub text: String,
    /// The model that wrote it, as the server names it (else as the settings do).
    pub model: String,
    /// The endpoint it came from (the base URL of the settings).
    pub endpoint: String,
}

/// A configured endpoint, ready to draft. Cheap to keep; one connection pool per value.
#[derive(Debug)]
pub struct Mt {
    config: MtConfig,
    key: Option<ApiKey>,
    url: String,
    agent: ureq::Agent,
}

/// One draft with the default timeouts; see [`Mt::draft`].
pub fn draft(
    config: &MtConfig,
    key: Option<&ApiKey>,
    request: &MtRequest,
) -> Result<MtAnswer, Error> {
    Mt::new(config.clone(), key.cloned())?.draft(request)
}

#[derive(Serialize)]
struct ChatRequest<'a> {
    model: &'a str,
    messages: &'a [crate::Message],
    temperature: f64,
    stream: bool,
}

impl Mt {
    /// An endpoint with the default [`Timeouts`].
    pub fn new(config: MtConfig, key: Option<ApiKey>) -> Result<Self, Error> {
        Self::with_timeouts(config, key, Timeouts::DEFAULT)
    }

    /// An endpoint with the given timeouts. A server on this machine is reached directly; any
    /// other through the proxy the environment sets (`HTTPS_PROXY`, `NO_PROXY`), if any.
    /// Redirects are not followed (a POST cannot be replayed safely): a 3xx is `mt-failed`.
    pub fn with_timeouts(
        config: MtConfig,
        key: Option<ApiKey>,
        timeouts: Timeouts,
    ) -> Result<Self, Error> {
        config.validate()?;
        let host = config.host()?;
        let mut builder = ureq::Agent::config_builder()
            .timeout_connect(Some(timeouts.connect))
            .timeout_resolve(Some(timeouts.connect))
            .timeout_global(Some(timeouts.total))
            .http_status_as_error(false)
            .max_redirects(0)
            .user_agent(concat!("kuajing/", env!("CARGO_PKG_VERSION")));
        if is_loopback(&host) {
            builder = builder.proxy(None);
        }
        let agent: ureq::Agent = builder.build().into();
        Ok(Mt {
            url: config.completions_url(),
            config,
            key,
            agent,
        })
    }

    /// The URL drafts are posted to.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Asks the endpoint for the copy of one field, with the shipped prompt.
    pub fn draft(&self, request: &MtRequest) -> Result<MtAnswer, Error> {
        let prompt = Prompt::builtin()?;
        let messages = prompt.messages(request)?;
        let body = ChatRequest {
            model: &self.config.model,
            messages: &messages,
            temperature: TEMPERATURE,
            stream: false,
        };
        let body = serde_json::to_string(&body).map_err(|e| self.bad_answer(e.to_string()))?;
        let mut call = self
            .agent
            .post(&self.url)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json");
        if let Some(key) = &self.key {
            call = call.header("Authorization", format!("Bearer {}", key.expose()));
        }
        let mut response = call.send(body).map_err(|e| self.no_answer(e))?;
        let status = response.status().as_u16();
        let text = response
            .body_mut()
            .with_config()
            .limit(MAX_ANSWER_BYTES)
            .read_to_string();
        if !(200..300).contains(&status) {
            return Err(Error::Failed {
                url: self.url.clone(),
                status,
                message: text.ok().as_deref().and_then(error_message),
            });
        }
        let text = text.map_err(|e| self.no_answer(e))?;
        let json: Value =
            serde_json::from_str(&text).map_err(|e| self.bad_answer(format!("not JSON ({e})")))?;
        let message = &json["choices"][0]["message"];
        let Some(content) = message["content"].as_str() else {
            let reason = match message["refusal"].as_str() {
                Some(refusal) => format!("the model refused: {}", shorten(refusal)),
                None => "no choices[0].message.content in the answer".to_owned(),
            };
            return Err(self.bad_answer(reason));
        };
        let copy = clean_answer(content, request.field, &prompt.labels(request.field));
        if copy.is_empty() {
            return Err(self.bad_answer("the answer holds no copy".to_owned()));
        }
        let model = json["model"]
            .as_str()
            .filter(|m| !m.trim().is_empty())
            .unwrap_or(&self.config.model);
        Ok(MtAnswer {
            text: copy,
            model: model.to_owned(),
            endpoint: self.config.endpoint.clone(),
        })
    }

    fn bad_answer(&self, reason: String) -> Error {
        Error::BadAnswer {
            url: self.url.clone(),
            reason,
        }
    }

    /// A call that got no (whole) HTTP answer.
    fn no_answer(&self, e: ureq::Error) -> Error {
        let reason = match &e {
            ureq::Error::BodyExceedsLimit(_) => {
                return self.bad_answer(format!("longer than {MAX_ANSWER_BYTES} bytes"));
            }
            ureq::Error::Timeout(_) => "no answer in time".to_owned(),
            ureq::Error::Io(io) if io.kind() == ErrorKind::ConnectionRefused => {
                "connection refused (is the server running?)".to_owned()
            }
            ureq::Error::Io(io) if io.kind() == ErrorKind::TimedOut => {
                "no answer in time".to_owned()
            }
            // std's resolver reports a name it cannot find as an I/O error.
            ureq::Error::HostNotFound => "host not found".to_owned(),
            ureq::Error::Io(io) if io.to_string().contains("lookup address") => {
                "host not found".to_owned()
            }
            ureq::Error::Protocol(p) => format!("not an HTTP server there ({p})"),
            other => other.to_string(),
        };
        Error::Unreachable {
            url: self.url.clone(),
            reason,
        }
    }
}

/// The message in an error answer, as OpenAI (`{"error":{"message"}}`), Ollama
/// (`{"error":"..."}`) and vLLM (`{"message"}`) write it.
fn error_message(body: &str) -> Option<String> {
    let json: Value = serde_json::from_str(body).ok()?;
    let message = json["error"]["message"]
        .as_str()
        .or_else(|| json["error"].as_str())
        .or_else(|| json["message"].as_str())
        .or_else(|| json["detail"].as_str())?;
    let message = message.trim();
    (!message.is_empty()).then(|| shorten(message))
}

fn shorten(text: &str) -> String {
    let mut chars = text.chars();
    let short: String = chars.by_ref().take(MAX_ERROR_CHARS).collect();
    if chars.next().is_some() {
        format!("{short}…")
    } else {
        short
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_messages_in_each_servers_shape() {
        for (body, want) in [
            (
                r#"{"error":{"message":"Incorrect API key provided","type":"invalid_request_error"}}"#,
                Some("Incorrect API key provided"),
            ),
            (
                r#"{"error":"model 'qwen9' not found"}"#,
                Some("model 'qwen9' not found"),
            ),
            (
                r#"{"object":"error","message":"The model `x` does not exist.","code":404}"#,
                Some("The model `x` does not exist."),
            ),
            (r#"{"detail":"Not Found"}"#, Some("Not Found")),
            ("<html>502 Bad Gateway</html>", None),
            (r#"{"error":{"message":"  "}}"#, None),
        ] {
            assert_eq!(error_message(body).as_deref(), want, "{body}");
        }
        let long = format!(r#"{{"error":"{}"}}"#, "x".repeat(1000));
        assert_eq!(
            error_message(&long).map(|m| m.chars().count()),
            Some(MAX_ERROR_CHARS + 1)
        );
    }
}
