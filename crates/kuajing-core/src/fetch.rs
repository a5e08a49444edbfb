//! Downloading the product photos a Shopify export names by URL. Offline, nothing fails: the
//! images stay "waiting for network" and the next fetch tries again. A photo the server refuses
//! or that is not an image is marked failed, with the reason, and not retried.

use std::time::Duration;

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
    /// The network is unreachable: stop and try later.
    Offline,
    /// This image will not work: record why.
    Failed(Error),
}

impl Workbench {
    /// Downloads every image not held yet (of one product, or all). `progress(done, total)` is
    /// called after each.
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
            .build()
            .into();
        let mut report = FetchReport {
            fetched: 0,
            waiting: 0,
            failed: Vec::new(),
            offline: false,
        };
        let total = pending.len();
        for (done, (handle, image)) in pending.into_iter().enumerate() {
            if report.offline {
                report.waiting += 1;
                continue;
            }
            match self.download(&agent, &image.src) {
                Outcome::Stored(name) => {
                    image_rows::set_media(&conn, image.id, &name)?;
                    report.fetched += 1;
                }
                Outcome::Offline => {
                    report.offline = true;
                    report.waiting += 1;
                }
                Outcome::Failed(e) => {
                    let error = AppError::from(&e);
                    let json = serde_json::to_string(&error).unwrap_or_default();
                    image_rows::set_error(&conn, image.id, &json)?;
                    report.failed.push(FailedImage {
                        handle,
                        src: image.src,
                        error,
                    });
                }
            }
            progress(done + 1, total);
        }
        Ok(report)
    }

    fn download(&self, agent: &ureq::Agent, url: &str) -> Outcome {
        let response = match agent.get(url).call() {
            Ok(response) => response,
            Err(ureq::Error::StatusCode(status)) => {
                return Outcome::Failed(Error::Download {
                    url: url.to_owned(),
                    reason: format!("the server answered {status}"),
                });
            }
            Err(ureq::Error::BadUri(reason)) => {
                return Outcome::Failed(Error::Download {
                    url: url.to_owned(),
                    reason,
                });
            }
            Err(_) => return Outcome::Offline,
        };
        let mut body = response.into_body();
        let bytes = match body.with_config().limit(MAX_DOWNLOAD_BYTES).read_to_vec() {
            Ok(bytes) => bytes,
            Err(ureq::Error::BodyExceedsLimit(_)) => {
                return Outcome::Failed(Error::Download {
                    url: url.to_owned(),
                    reason: format!("larger than {MAX_DOWNLOAD_BYTES} bytes"),
                });
            }
            Err(_) => return Outcome::Offline,
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
