//! Downloading the product photos a Shopify export names by URL. Offline, nothing fails: the
//! images stay "waiting for network" and the next fetch tries again. A photo the server refuses
//! or that is not an image is marked failed, with the reason, and not retried.

use std::time::Duration;

use kuajing_catalog::ImageRow;
use kuajing_catalog::queries::images as image_rows;
use serde::Serialize;

use crate::error::AppError;
use crate::{Error, Result, Workbench, media};

/// Larger than any product photo a marketplace accepts as a source.
const MAX_DOWNLOAD_BYTES: u64 = 64 * 1024 * 1024;

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct FetchReport {
    pub fetched: usize,
    /// Still waiting: the network could not be reached.
    pub waiting: usize,
    pub failed: Vec<FailedImage>,
    /// True when the network could not be reached (the rest were not tried).
    pub offline: bool,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct FailedImage {
    pub handle: String,
    pub src: String,
    pub error: AppError,
}

enum Outcome {
    Stored(String),
    /// No answer from anywhere (name not found, network unreachable, timed out): the network
    /// may be down, or only this host. The batch decides which.
    Unreachable(Error),
    /// This image will not work: record why.
    Failed(Error),
}

/// Network-level failures in a row, with no server answering, after which the batch takes
/// the network to be down and leaves the rest waiting.
const OFFLINE_AFTER: usize = 3;
/// Redirects followed per photo; a CDN needs one or two.
const MAX_REDIRECTS: u32 = 5;

impl Workbench {
    /// Downloads every image not held yet (of one product, or all). `progress(done, total)` is
    /// called after each.
    ///
    /// A photo that fails on its own (a 404, a refused connection, a TLS failure, too many
    /// redirects, too large, not an image) is marked failed with the reason, and the batch goes
    /// on. Only no network at all stops it: when the first photos all fail without any server
    /// answering, the rest keep waiting for the network, and so do those photos.
    pub fn fetch_images(
        &self,
        handle: Option<&str>,
        mut progress: impl FnMut(usize, usize),
    ) -> Result<FetchReport> {
        let conn = self.catalog.connect()?;
        let pending: Vec<_> = image_rows::pending(&conn, handle)?
            .into_iter()
            .filter(|(_, image)| media::is_remote(&image.src))
            .collect();
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .timeout_connect(Some(Duration::from_secs(5)))
            .timeout_global(Some(Duration::from_secs(60)))
            .max_redirects(MAX_REDIRECTS)
            .build()
            .into();
        let mut report = FetchReport {
            fetched: 0,
            waiting: 0,
            failed: Vec::new(),
            offline: false,
        };
        // Whether any server answered in this batch: then the network is up, and a host that
        // cannot be reached is that photo's problem.
        let mut online = false;
        let mut unsure = Vec::new();
        let total = pending.len();
        let fail = |report: &mut FetchReport, handle: String, image: ImageRow, e: Error| {
            let error = AppError::from(&e);
            let json = serde_json::to_string(&error).unwrap_or_default();
            image_rows::set_error(&conn, image.id, &json)?;
            report.failed.push(FailedImage {
                handle,
                src: image.src,
                error,
            });
            Ok::<_, Error>(())
        };
        for (done, (handle, image)) in pending.into_iter().enumerate() {
            if report.offline {
                report.waiting += 1;
                continue;
            }
            match self.download(&agent, &image.src) {
                Outcome::Stored(name) => {
                    online = true;
                    image_rows::set_media(&conn, image.id, &name)?;
                    report.fetched += 1;
                }
                Outcome::Unreachable(e) if online => fail(&mut report, handle, image, e)?,
                Outcome::Unreachable(e) => {
                    unsure.push((handle, image, e));
                    report.offline = unsure.len() >= OFFLINE_AFTER;
                }
                Outcome::Failed(e) => {
                    online |= !matches!(
                        &e,
                        Error::Download {
                            answered: false,
                            ..
                        }
                    );
                    fail(&mut report, handle, image, e)?;
                }
            }
            progress(done + 1, total);
        }
        // Unreachable before any server answered: waiting if nothing ever did, failed if
        // something later did.
        report.offline |= !online && !unsure.is_empty();
        for (handle, image, e) in unsure {
            if online && !report.offline {
                fail(&mut report, handle, image, e)?;
            } else {
                report.waiting += 1;
            }
        }
        Ok(report)
    }

    fn download(&self, agent: &ureq::Agent, url: &str) -> Outcome {
        let failed = |answered: bool, reason: String| Error::Download {
            url: url.to_owned(),
            reason,
            answered,
        };
        let response = match agent.get(url).call() {
            Ok(response) => response,
            Err(e) => {
                return match e {
                    ureq::Error::StatusCode(status) => {
                        Outcome::Failed(failed(true, format!("the server answered {status}")))
                    }
                    ureq::Error::TooManyRedirects | ureq::Error::RedirectFailed => Outcome::Failed(
                        failed(true, format!("more than {MAX_REDIRECTS} redirects")),
                    ),
                    ureq::Error::Tls(_) | ureq::Error::Rustls(_) | ureq::Error::Pem(_) => {
                        Outcome::Failed(failed(true, format!("a secure connection failed: {e}")))
                    }
                    ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::ConnectionRefused => {
                        Outcome::Failed(failed(false, "the server refused the connection".into()))
                    }
                    ureq::Error::BadUri(reason) => Outcome::Failed(failed(false, reason)),
                    // std's resolver reports a name it cannot find as an I/O error.
                    ureq::Error::Io(io) if io.to_string().contains("lookup address") => {
                        Outcome::Unreachable(failed(false, "the host name was not found".into()))
                    }
                    ureq::Error::HostNotFound => {
                        Outcome::Unreachable(failed(false, "the host name was not found".into()))
                    }
                    ureq::Error::Timeout(_) => {
                        Outcome::Unreachable(failed(false, "no answer in time".into()))
                    }
                    other => Outcome::Unreachable(failed(false, other.to_string())),
                };
            }
        };
        let mut body = response.into_body();
        let bytes = match body.with_config().limit(MAX_DOWNLOAD_BYTES).read_to_vec() {
            Ok(bytes) => bytes,
            Err(ureq::Error::BodyExceedsLimit(_)) => {
                return Outcome::Failed(failed(
                    true,
                    format!("larger than {MAX_DOWNLOAD_BYTES} bytes"),
                ));
            }
            Err(e) => {
                return Outcome::Failed(failed(true, format!("the download broke off: {e}")));
            }
        };
        let path = url.split(['?', '#']).next().unwrap_or(url);
        let extension = path
            .rsplit_once('.')
            .map(|(_, e)| e)
            .filter(|e| !e.contains('/'))
            .unwrap_or("");
        match media::store_bytes(&bytes, url, extension, &self.catalog.media_dir(), false) {
            Ok(name) => Outcome::Stored(name),
            Err(e) => Outcome::Failed(e),
        }
    }
}
