//! Image bytes in the catalog: storing a merchant's photo by content hash, and rendering it to a
//! marketplace slot through a content-addressed cache (source bytes, slot parameters and
//! pipeline version make the key, so an unchanged image is never rendered twice).

use std::path::Path;

use base64::Engine as _;
use kuajing_imaging::{Limits, OutputFormat, SlotSpec};
use kuajing_marketplace::{ImageFormat, Slot};
use serde::{Deserialize, Serialize};

use crate::import::read_limited;
use crate::{Error, Result, Workbench};

/// Bump when the rendering changes, so cached renders are redone.
const PIPELINE_VERSION: u32 = 1;
const THUMBNAIL_SIDE: u32 = 240;

pub(crate) fn is_remote(src: &str) -> bool {
    let lower = src.trim().to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// Checks that `path` is a photo we can decode, and (unless `dry_run`) copies it into the
/// media folder under its SHA-256. Returns the media file name.
pub(crate) fn store_local(path: &Path, media_dir: &Path, dry_run: bool) -> Result<String> {
    let bytes = read_limited(path, Limits::default().max_bytes)?;
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default();
    store_bytes(&bytes, &path.display().to_string(), ext, media_dir, dry_run)
}

/// Checks that `bytes` decode as a photo and (unless `dry_run`) keeps them in the media folder
/// under their SHA-256. `name` only names the source in errors.
pub(crate) fn store_bytes(
    bytes: &[u8],
    name: &str,
    extension: &str,
    media_dir: &Path,
    dry_run: bool,
) -> Result<String> {
    kuajing_imaging::decode(bytes, name, &Limits::default())?;
    let ext = Some(extension.to_ascii_lowercase())
        .filter(|e| !e.is_empty() && e.len() <= 5 && e.chars().all(|c| c.is_ascii_alphanumeric()))
        .unwrap_or_else(|| "img".into());
    let file = format!("{}.{ext}", kuajing_bundle::sha256_hex(bytes));
    if !dry_run {
        write_once(&media_dir.join(&file), bytes)?;
    }
    Ok(file)
}

/// Writes `bytes` to `path` unless it already exists (content-addressed files never change).
pub(crate) fn write_once(path: &Path, bytes: &[u8]) -> Result<()> {
    if path.exists() {
        Ok(())
    } else {
        write_atomic(path, bytes)
    }
}

/// Writes `bytes` to `path` through a temp file and a rename, so no reader sees half a file.
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let write = |source| Error::Write {
        path: path.to_owned(),
        source,
    };
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(write)?;
    let mut temp = tempfile::NamedTempFile::new_in(dir).map_err(write)?;
    std::io::Write::write_all(&mut temp, bytes).map_err(write)?;
    temp.persist(path).map_err(|e| write(e.error))?;
    Ok(())
}

pub(crate) fn slot_spec(slot: &Slot) -> SlotSpec {
    SlotSpec {
        width: slot.width,
        height: slot.height,
        background: slot.background_rgb(),
        format: match slot.format {
            ImageFormat::Jpeg => OutputFormat::Jpeg,
            ImageFormat::Png => OutputFormat::Png,
        },
        max_bytes: slot.max_bytes,
    }
}

/// A rendered slot image as the cache keeps it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct SlotImage {
    #[serde(skip)]
    pub bytes: Vec<u8>,
    pub extension: String,
    pub findings: Vec<kuajing_imaging::ImageFinding>,
}

impl Workbench {
    /// Renders the media file `media` into `slot`, from the cache when it is there.
    pub(crate) fn render_media(&self, media: &str, slot: &Slot) -> Result<SlotImage> {
        let spec = slot_spec(slot);
        let key = kuajing_bundle::sha256_hex(
            format!(
                "{media}|{}x{}|{:?}|{:?}|{}|v{PIPELINE_VERSION}",
                spec.width, spec.height, spec.background, spec.format, spec.max_bytes
            )
            .as_bytes(),
        );
        let extension = match spec.format {
            OutputFormat::Jpeg => "jpg",
            OutputFormat::Png => "png",
        };
        let dir = self.catalog.renders_dir();
        let image_path = dir.join(format!("{key}.{extension}"));
        let meta_path = dir.join(format!("{key}.json"));
        if let (Ok(bytes), Ok(meta)) = (std::fs::read(&image_path), std::fs::read(&meta_path))
            && let Ok(mut cached) = serde_json::from_slice::<SlotImage>(&meta)
        {
            cached.bytes = bytes;
            return Ok(cached);
        }
        let source = self.catalog.media_dir().join(media);
        let image = kuajing_imaging::decode_file(&source, &Limits::default())?;
        let rendered = kuajing_imaging::render_named(&image, &spec, &source.display().to_string())?;
        let result = SlotImage {
            bytes: rendered.bytes,
            extension: extension.into(),
            findings: rendered.findings,
        };
        let meta = serde_json::to_vec(&result).map_err(|e| Error::Write {
            path: meta_path.clone(),
            source: std::io::Error::other(e),
        })?;
        // The cache is best effort: a full disk must not stop an export.
        let _ = write_once(&image_path, &result.bytes).and_then(|()| write_once(&meta_path, &meta));
        Ok(result)
    }

    /// A small JPEG of the rendered slot image, as a `data:` URL for the UI.
    pub(crate) fn thumbnail_url(
        &self,
        media: &str,
        slot: &Slot,
    ) -> Result<(String, Vec<kuajing_imaging::ImageFinding>)> {
        let rendered = self.render_media(media, slot)?;
        let thumb_path = self.catalog.renders_dir().join(format!(
            "{}-thumb{THUMBNAIL_SIDE}.jpg",
            kuajing_bundle::sha256_hex(&rendered.bytes)
        ));
        let thumb = match std::fs::read(&thumb_path) {
            Ok(bytes) => bytes,
            Err(_) => {
                let image = kuajing_imaging::decode(&rendered.bytes, media, &Limits::default())?;
                let bytes = kuajing_imaging::thumbnail(&image, THUMBNAIL_SIDE)?;
                let _ = write_once(&thumb_path, &bytes);
                bytes
            }
        };
        let encoded = base64::engine::general_purpose::STANDARD.encode(thumb);
        Ok((
            format!("data:image/jpeg;base64,{encoded}"),
            rendered.findings,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remote_sources_are_urls_only() {
        assert!(is_remote("https://cdn.shopify.com/a.jpg"));
        assert!(is_remote(" HTTP://x/y.png"));
        assert!(!is_remote("images/a.jpg"));
        assert!(!is_remote("/home/me/https.jpg"));
    }
}

/// What `kuajing image` wrote.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct RenderedImage {
    pub path: String,
    pub width: u32,
    pub height: u32,
    #[ts(type = "number")]
    pub bytes: u64,
    pub quality: Option<u8>,
    pub findings: Vec<crate::Message>,
}

impl crate::Rules {
    /// Renders the photo at `input` into `marketplace`'s `slot` and writes it to `out`
    /// (through a temp file and a rename).
    pub fn render_image(
        &self,
        input: &Path,
        marketplace: &str,
        slot: &str,
        out: &Path,
    ) -> Result<RenderedImage> {
        let profile = kuajing_marketplace::load(marketplace)?;
        let slot = profile.slot(slot).ok_or_else(|| Error::UnknownSlot {
            marketplace: marketplace.to_owned(),
            slot: slot.to_owned(),
        })?;
        let rendered = kuajing_imaging::render_file(input, &slot_spec(slot), &Limits::default())?;
        write_atomic(out, &rendered.bytes)?;
        Ok(RenderedImage {
            path: out.display().to_string(),
            width: rendered.width,
            height: rendered.height,
            bytes: rendered.bytes.len() as u64,
            quality: rendered.quality,
            findings: rendered
                .findings
                .into_iter()
                .map(|f| crate::Message {
                    message: self.message("image", &f.code, &f.args),
                    code: f.code,
                    args: f.args,
                })
                .collect(),
        })
    }
}
