//! The product page's image strip: each photo beside what it becomes in every slot of a
//! marketplace, with findings, and full-size before/after images on demand.

use base64::Engine as _;
use kuajing_catalog::queries::{images as image_rows, products as product_rows};
use kuajing_imaging::Limits;
use serde::Serialize;

use crate::import::read_limited;
use crate::media::find_slot;
use crate::{AppError, Error, Message, Result, Workbench};

/// The largest side of the "before" image in the compare view.
const ORIGINAL_PREVIEW_SIDE: u32 = 1600;

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ImagePreview {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub position: i64,
    pub src: String,
    /// A `data:` URL of the photo itself (small), when its bytes are in the catalog.
    pub original: Option<String>,
    /// The photo's upright size in pixels.
    pub source_width: Option<u32>,
    pub source_height: Option<u32>,
    /// Why the photo cannot be shown (not downloaded yet, damaged…).
    pub error: Option<AppError>,
    /// One per slot of the marketplace this photo goes into (by its position).
    pub slots: Vec<SlotPreview>,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct SlotPreview {
    pub slot: String,
    /// The slot's name in the UI's language.
    pub label: String,
    /// Output size (for a detail image: the first slice's).
    pub width: u32,
    pub height: u32,
    /// Number of files (detail images are cut into slices).
    pub parts: u32,
    #[ts(type = "number")]
    pub bytes: u64,
    #[ts(type = "number")]
    pub max_bytes: u64,
    pub quality: Option<u8>,
    pub thumbnail: Option<String>,
    pub findings: Vec<Message>,
    pub error: Option<AppError>,
}

impl Workbench {
    /// Every photo of `handle` with its renders for `marketplace` (rendered now if not cached).
    pub fn image_previews(&self, handle: &str, marketplace: &str) -> Result<Vec<ImagePreview>> {
        let owned = self.profile(marketplace)?;
        let profile = &*owned;
        let conn = self.catalog.connect()?;
        let product = product_rows::get(&conn, handle)?;
        let images = image_rows::for_product(&conn, product.id)?;
        drop(conn);
        let mut out = Vec::with_capacity(images.len());
        for (n, image) in images.into_iter().enumerate() {
            let mut preview = ImagePreview {
                id: image.id,
                position: image.position,
                src: image.src,
                original: None,
                source_width: None,
                source_height: None,
                error: None,
                slots: Vec::new(),
            };
            let Some(media) = image.media else {
                preview.error = image
                    .error
                    .as_deref()
                    .and_then(|j| serde_json::from_str(j).ok());
                out.push(preview);
                continue;
            };
            let slots: Vec<_> = profile
                .slots
                .iter()
                .filter(|s| s.max_count as usize > n)
                .collect();
            match self.original(&media) {
                Ok((url, w, h)) => {
                    preview.original = Some(url);
                    preview.source_width = Some(w);
                    preview.source_height = Some(h);
                }
                Err(e) => preview.error = Some(AppError::from(&e)),
            }
            let rendered = match self.render_media_slots(&media, &slots) {
                Ok(r) => r,
                Err(e) => {
                    preview.error = Some(AppError::from(&e));
                    out.push(preview);
                    continue;
                }
            };
            for (slot, result) in slots.iter().zip(rendered) {
                let mut sp = SlotPreview {
                    slot: slot.id.clone(),
                    label: slot.label_in(self.rules.lang()).to_owned(),
                    width: slot.width,
                    height: slot.height,
                    parts: 0,
                    bytes: 0,
                    max_bytes: slot.max_bytes,
                    quality: None,
                    thumbnail: None,
                    findings: Vec::new(),
                    error: None,
                };
                match result {
                    Ok(image) => {
                        if let Some(first) = image.parts.first() {
                            sp.width = first.width;
                            sp.height = first.height;
                            sp.quality = first.quality;
                            sp.thumbnail =
                                self.thumbnail_of(&first.bytes, &first.sha256, &media).ok();
                        }
                        sp.parts = u32::try_from(image.parts.len()).unwrap_or(u32::MAX);
                        sp.bytes = image.parts.iter().map(|p| p.bytes.len() as u64).sum();
                        sp.findings = self.rules.image_messages(image.findings);
                    }
                    Err(e) => sp.error = Some(AppError::from(&e)),
                }
                preview.slots.push(sp);
            }
            out.push(preview);
        }
        Ok(out)
    }

    /// The full-size image for the compare view, as a `data:` URL: the rendered slot (its
    /// `part`-th file, 0-based) or, with no slot, the photo itself (at most 1600 px a side).
    pub fn image_view(
        &self,
        image_id: i64,
        marketplace: &str,
        slot: Option<&str>,
        part: usize,
    ) -> Result<String> {
        let conn = self.catalog.connect()?;
        let media = image_rows::media_of(&conn, image_id)?.ok_or(Error::NotFetched)?;
        drop(conn);
        let (mime, bytes) = match slot {
            Some(slot) => {
                let slot = find_slot(marketplace, slot)?;
                let rendered = self.render_media(&media, slot)?;
                let mime = if rendered.extension == "png" {
                    "image/png"
                } else {
                    "image/jpeg"
                };
                let bytes = rendered
                    .parts
                    .into_iter()
                    .nth(part)
                    .map(|p| p.bytes)
                    .unwrap_or_default();
                (mime, bytes)
            }
            None => {
                let source = self.catalog.media_dir().join(&media);
                let bytes = read_limited(&source, Limits::default().max_bytes)?;
                let small = kuajing_imaging::thumbnail_bytes(
                    &bytes,
                    &media,
                    ORIGINAL_PREVIEW_SIDE,
                    &Limits::default(),
                )?;
                ("image/jpeg", small)
            }
        };
        let encoded = base64::engine::general_purpose::STANDARD.encode(bytes);
        Ok(format!("data:{mime};base64,{encoded}"))
    }

    /// The photo's small thumbnail and upright size.
    fn original(&self, media: &str) -> Result<(String, u32, u32)> {
        let source = self.catalog.media_dir().join(media);
        let bytes = read_limited(&source, Limits::default().max_bytes)?;
        let size = kuajing_imaging::probe(&bytes, media, &Limits::default())?;
        let url = self.thumbnail_data_url(&bytes, media)?;
        Ok((url, size.width, size.height))
    }
}
