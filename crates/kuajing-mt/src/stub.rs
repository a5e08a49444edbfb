//! A stub OpenAI-compatible server on loopback, for tests: it answers every
//! request with one fixed response, and hands each request it read to the test. The crate's own
//! tests, the CLI's and the app's end-to-end test all draft against it.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

/// What the stub received: the request line, the headers (names lower-cased) and the body.
#[derive(Debug)]
pub struct Seen {
    pub request_line: String,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Seen {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// A running stub: its endpoint (`http://127.0.0.1:PORT/v1`) and the requests it has read.
#[derive(Debug)]
pub struct Stub {
    pub endpoint: String,
    seen: mpsc::Receiver<Seen>,
}

impl Stub {
    /// A stub whose every answer is a chat completion of `content`.
    pub fn completing(content: &str) -> std::io::Result<Stub> {
        Stub::responding("200 OK", "application/json", &completion(content))
    }

    /// A stub whose every answer is `status` (`"401 Unauthorized"`) with `body`.
    pub fn responding(status: &str, content_type: &str, body: &str) -> std::io::Result<Stub> {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let endpoint = format!("http://{}/v1", listener.local_addr()?);
        let response = format!(
            "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        );
        let (tx, seen) = mpsc::channel();
        thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { return };
                let Ok(request) = read_request(&stream) else {
                    continue;
                };
                // Recorded before the answer goes out, so a caller holding the answer can count it.
                if tx.send(request).is_err() {
                    return;
                }
                let _ = (&stream).write_all(response.as_bytes());
                let _ = (&stream).flush();
            }
        });
        Ok(Stub { endpoint, seen })
    }

    /// The next request the stub answered, waiting up to `timeout`.
    pub fn next_request(&self, timeout: Duration) -> Option<Seen> {
        self.seen.recv_timeout(timeout).ok()
    }

    /// How many requests were answered since the last call (none waited for).
    pub fn answered(&self) -> usize {
        self.seen.try_iter().count()
    }
}

/// An OpenAI chat-completion answer holding `content`.
pub fn completion(content: &str) -> String {
    serde_json::json!({
        "id": "chatcmpl-1",
        "object": "chat.completion",
        "model": "qwen2.5:7b-instruct",
        "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}],
    })
    .to_string()
}

fn read_request(stream: &TcpStream) -> std::io::Result<Seen> {
    stream.set_read_timeout(Some(Duration::from_secs(5)))?;
    let mut reader = BufReader::new(stream);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    let mut headers = Vec::new();
    loop {
        let mut line = String::new();
        reader.read_line(&mut line)?;
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            headers.push((name.trim().to_ascii_lowercase(), value.trim().to_owned()));
        }
    }
    let length: usize = headers
        .iter()
        .find(|(n, _)| n == "content-length")
        .and_then(|(_, v)| v.parse().ok())
        .unwrap_or(0);
    let mut body = vec![0; length];
    reader.read_exact(&mut body)?;
    Ok(Seen {
        request_line: request_line.trim_end().to_owned(),
        headers,
        body: String::from_utf8_lossy(&body).into_owned(),
    })
}
