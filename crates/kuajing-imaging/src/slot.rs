//! What a slot asks for ([`SlotSpec`]) and what rendering gives back ([`Rendered`],
//! [`ImageFinding`]).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::decode::Probe;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum OutputFormat {
    Jpeg,
    Png,
}

impl OutputFormat {
    pub(crate) fn name(self) -> &'static str {
        match self {
            OutputFormat::Jpeg => "JPEG",
            OutputFormat::Png => "PNG",
        }
    }
}

/// How the photo is placed in the slot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum Fit {
    /// Fitted inside, padded on the background colour (nothing is cut off).
    Contain,
    /// Fills the slot; what sticks out is cropped (see [`Crop`]).
    Cover,
    /// Resized to the slot's width, any height, cut into slices at most the slot's height tall
    /// (product detail images).
    Width,
}

/// Where a cover crop keeps the picture.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum Crop {
    #[default]
    Centre,
    /// The busiest part of the picture (edges and colour), where the product usually is.
    Attention,
}

/// Trimming a plain border before fitting, so a product shot on a white sheet is re-centred.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Trim {
    /// How far (0-255, any channel) a pixel may be from the border colour and still be border.
    pub tolerance: u8,
    /// Space kept around the trimmed product, in percent of the slot's sides.
    pub margin_percent: u8,
}

/// One image slot, as the caller reads it from a marketplace profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct SlotSpec {
    pub width: u32,
    /// For [`Fit::Width`], the tallest a slice may be.
    pub height: u32,
    pub fit: Fit,
    pub crop: Crop,
    pub trim: Option<Trim>,
    /// Padding and alpha-flattening colour, RGB.
    pub background: [u8; 3],
    /// A photo (after trimming) smaller than this is not upscaled past its own pixels, and gets
    /// a `source-too-small` finding. 0 means the slot's own size.
    pub min_source_width: u32,
    pub min_source_height: u32,
    pub format: OutputFormat,
    /// JPEG quality tried first, and the floor the byte-cap search may go down to.
    pub quality: u8,
    pub min_quality: u8,
    /// Each encoded file must not be larger than this…
    #[ts(type = "number")]
    pub max_bytes: u64,
    /// …nor smaller than this (some slots reject images that look too plain); 0 for none.
    #[ts(type = "number")]
    pub min_bytes: u64,
}

impl SlotSpec {
    /// A contain-on-background JPEG slot with the usual defaults.
    pub fn contain(width: u32, height: u32, max_bytes: u64) -> Self {
        SlotSpec {
            width,
            height,
            fit: Fit::Contain,
            crop: Crop::Centre,
            trim: None,
            background: [255, 255, 255],
            min_source_width: 0,
            min_source_height: 0,
            format: OutputFormat::Jpeg,
            quality: 90,
            min_quality: 60,
            max_bytes,
            min_bytes: 0,
        }
    }

    /// The smallest decoded size (upright) this slot can use from a photo of `probe`'s size:
    /// what the decoder may shrink to without losing detail the output keeps.
    pub fn needed_size(&self, probe: Probe) -> (u32, u32) {
        let (w, h) = (f64::from(probe.width), f64::from(probe.height));
        let (sw, sh) = (f64::from(self.width), f64::from(self.height));
        let scale = match self.fit {
            Fit::Contain => (sw / w).min(sh / h),
            Fit::Cover => (sw / w).max(sh / h),
            Fit::Width => sw / w,
        };
        // Trimming keeps only part of the photo, which then needs more of its pixels.
        let scale = if self.trim.is_some() {
            scale * 2.0
        } else {
            scale
        };
        let need = |v: f64| (v * scale).ceil().min(f64::from(u32::MAX)) as u32;
        (need(w), need(h))
    }
}

/// One encoded image file.
#[derive(Debug, Clone)]
pub struct Part {
    pub bytes: Vec<u8>,
    pub width: u32,
    pub height: u32,
    /// The JPEG quality used; `None` for PNG.
    pub quality: Option<u8>,
}

/// A rendered slot: one image, or for [`Fit::Width`] one per slice, top to bottom.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub parts: Vec<Part>,
    pub findings: Vec<ImageFinding>,
}

impl Rendered {
    /// The first (for most slots the only) image.
    pub fn first(&self) -> &Part {
        // `render_*` never returns an empty list.
        &self.parts[0]
    }
}

/// Something the merchant may want to know about a rendered image; not an error.
///
/// Codes:
/// - `source-too-small`: the photo (after trimming) is smaller than the slot's minimum and was
///   not upscaled (args `width`, `height`, `min_width`, `min_height`);
/// - `source-too-narrow`: the same for a detail slot, which asks only for a width (`width`,
///   `min_width`);
/// - `quality-reduced`: JPEG quality was lowered to fit the byte cap (`quality`, `max_bytes`);
/// - `over-byte-cap`: even at the lowest quality the file is larger than the cap (`bytes`,
///   `max_bytes`, `quality`): the marketplace will refuse it;
/// - `under-min-bytes`: even at the highest quality the file is smaller than the slot's minimum
///   (`bytes`, `min_bytes`);
/// - `not-trimmed`: the slot trims a plain border but the photo has none;
/// - `background-not-plain`: the photo's border colour is not the slot's background
///   (`colour`, `background`);
/// - `colour-profile-ignored`: the embedded ICC profile could not be used (`reason`);
/// - `sliced`: a tall detail image was cut into `count` slices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct ImageFinding {
    pub code: String,
    pub args: BTreeMap<String, String>,
}

impl ImageFinding {
    pub(crate) fn new(code: &str, args: &[(&str, String)]) -> Self {
        ImageFinding {
            code: code.to_owned(),
            args: args
                .iter()
                .map(|(k, v)| ((*k).to_owned(), v.clone()))
                .collect(),
        }
    }
}
