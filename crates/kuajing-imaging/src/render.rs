//! Rendering a decoded image into a marketplace image slot.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::Path;

use fast_image_resize as fir;
use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::{CompressionType, FilterType as PngFilter, PngEncoder};
use image::{DynamicImage, ExtendedColorType, ImageEncoder, Rgb, RgbImage};
use serde::{Deserialize, Serialize};

use crate::Error;
use crate::decode::{Limits, decode, display_name, read_limited};

/// JPEG qualities tried in order until the output fits the slot's byte cap.
const JPEG_QUALITIES: &[u8] = &[90, 85, 80, 75, 70, 65, 60];
const THUMBNAIL_QUALITY: u8 = 80;
/// Larger slots than this are a mistake in the caller's profile, not a photo to render.
const MAX_SLOT_SIDE: u32 = 10_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum OutputFormat {
    Jpeg,
    Png,
}

impl OutputFormat {
    fn name(self) -> &'static str {
        match self {
            OutputFormat::Jpeg => "JPEG",
            OutputFormat::Png => "PNG",
        }
    }
}

/// One image slot, as the caller reads it from a marketplace profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct SlotSpec {
    pub width: u32,
    pub height: u32,
    /// Padding and alpha-flattening colour, RGB.
    pub background: [u8; 3],
    pub format: OutputFormat,
    /// The encoded file must not be larger than this.
    #[ts(type = "number")]
    pub max_bytes: u64,
}

/// An encoded slot image, ready to write to disk or zip.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub bytes: Vec<u8>,
    pub width: u32,
    pub height: u32,
    /// The JPEG quality that fitted the byte cap; `None` for PNG.
    pub quality: Option<u8>,
    pub findings: Vec<ImageFinding>,
}

/// Something the merchant may want to know about a rendered image; not an error.
///
/// Codes: `source-too-small` (the photo is smaller than the slot and was upscaled: args
/// `width`, `height`, `slot_width`, `slot_height`), `quality-reduced` (JPEG quality was lowered
/// to fit the byte cap: args `quality`, `max_bytes`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct ImageFinding {
    pub code: String,
    pub args: BTreeMap<String, String>,
}

impl ImageFinding {
    fn new(code: &str, args: &[(&str, String)]) -> Self {
        ImageFinding {
            code: code.to_owned(),
            args: args
                .iter()
                .map(|(k, v)| ((*k).to_owned(), v.clone()))
                .collect(),
        }
    }
}

/// Renders `image` into the slot: fitted inside (contain), centred on the background colour,
/// alpha flattened onto the background, 16-bit reduced to 8, encoded as the slot's format under
/// its byte cap (JPEG quality searched down from 90 to 60). No metadata is written.
pub fn render(image: &DynamicImage, spec: &SlotSpec) -> Result<Rendered, Error> {
    render_named(image, spec, "image")
}

/// [`render`], with the file name to put in error messages.
pub fn render_named(image: &DynamicImage, spec: &SlotSpec, name: &str) -> Result<Rendered, Error> {
    check_slot(spec, name)?;
    let (src_w, src_h) = (image.width(), image.height());
    if src_w == 0 || src_h == 0 {
        return Err(Error::InvalidSlot {
            name: name.to_owned(),
            detail: "it has no pixels".into(),
        });
    }
    let (fit_w, fit_h) = fit_inside(src_w, src_h, spec.width, spec.height);
    let mut findings = Vec::new();
    if fit_w > src_w || fit_h > src_h {
        findings.push(ImageFinding::new(
            "source-too-small",
            &[
                ("width", src_w.to_string()),
                ("height", src_h.to_string()),
                ("slot_width", spec.width.to_string()),
                ("slot_height", spec.height.to_string()),
            ],
        ));
    }

    let flat = flatten(image, spec.background);
    let fitted = resize_rgb8(&flat, fit_w, fit_h, name)?;
    let mut canvas = RgbImage::from_pixel(spec.width, spec.height, Rgb(spec.background));
    let x = (spec.width - fit_w) / 2;
    let y = (spec.height - fit_h) / 2;
    image::imageops::replace(&mut canvas, &fitted, i64::from(x), i64::from(y));

    let (bytes, quality) = match spec.format {
        OutputFormat::Jpeg => {
            let mut smallest = u64::MAX;
            let mut fitted_bytes = None;
            for &q in JPEG_QUALITIES {
                let bytes = encode_jpeg(&canvas, q, name)?;
                smallest = smallest.min(bytes.len() as u64);
                if bytes.len() as u64 <= spec.max_bytes {
                    fitted_bytes = Some((bytes, q));
                    break;
                }
            }
            let Some((bytes, q)) = fitted_bytes else {
                return Err(over_cap(name, spec, smallest));
            };
            if q < JPEG_QUALITIES[0] {
                findings.push(ImageFinding::new(
                    "quality-reduced",
                    &[
                        ("quality", q.to_string()),
                        ("max_bytes", spec.max_bytes.to_string()),
                    ],
                ));
            }
            (bytes, Some(q))
        }
        OutputFormat::Png => {
            let bytes = encode_png(&canvas, name)?;
            if bytes.len() as u64 > spec.max_bytes {
                return Err(over_cap(name, spec, bytes.len() as u64));
            }
            (bytes, None)
        }
    };
    Ok(Rendered {
        bytes,
        width: spec.width,
        height: spec.height,
        quality,
        findings,
    })
}

/// Reads, decodes and renders a photo file; errors name the file.
pub fn render_file(path: &Path, spec: &SlotSpec, limits: &Limits) -> Result<Rendered, Error> {
    let name = display_name(path);
    let bytes = read_limited(path, &name, limits.max_bytes)?;
    let image = decode(&bytes, &name, limits)?;
    drop(bytes);
    render_named(&image, spec, &name)
}

/// A small JPEG for the UI: fitted inside `max_side` × `max_side` (never upscaled), no padding,
/// alpha flattened onto white.
pub fn thumbnail(image: &DynamicImage, max_side: u32) -> Result<Vec<u8>, Error> {
    let name = "thumbnail";
    if max_side == 0 || max_side > MAX_SLOT_SIDE {
        return Err(Error::InvalidSlot {
            name: name.to_owned(),
            detail: format!("a thumbnail side of {max_side} pixels is out of range"),
        });
    }
    let (src_w, src_h) = (image.width(), image.height());
    if src_w == 0 || src_h == 0 {
        return Err(Error::InvalidSlot {
            name: name.to_owned(),
            detail: "it has no pixels".into(),
        });
    }
    let (w, h) = if src_w <= max_side && src_h <= max_side {
        (src_w, src_h)
    } else {
        fit_inside(src_w, src_h, max_side, max_side)
    };
    let flat = flatten(image, [255, 255, 255]);
    let small = resize_rgb8(&flat, w, h, name)?;
    encode_jpeg(&small, THUMBNAIL_QUALITY, name)
}

fn check_slot(spec: &SlotSpec, name: &str) -> Result<(), Error> {
    let bad = |detail: String| {
        Err(Error::InvalidSlot {
            name: name.to_owned(),
            detail,
        })
    };
    if spec.width == 0 || spec.height == 0 {
        return bad(format!(
            "the image slot {}x{} has no area",
            spec.width, spec.height
        ));
    }
    if spec.width > MAX_SLOT_SIDE || spec.height > MAX_SLOT_SIDE {
        return bad(format!(
            "the image slot {}x{} is larger than {MAX_SLOT_SIDE} pixels a side",
            spec.width, spec.height
        ));
    }
    if spec.max_bytes == 0 {
        return bad("the image slot allows 0 bytes".into());
    }
    Ok(())
}

fn over_cap(name: &str, spec: &SlotSpec, smallest: u64) -> Error {
    Error::OverByteCap {
        name: name.to_owned(),
        format: spec.format.name().to_owned(),
        max_bytes: spec.max_bytes,
        smallest,
    }
}

/// The largest size with the source's aspect ratio that fits in the box; at least 1x1.
fn fit_inside(src_w: u32, src_h: u32, box_w: u32, box_h: u32) -> (u32, u32) {
    let (sw, sh, bw, bh) = (
        u64::from(src_w),
        u64::from(src_h),
        u64::from(box_w),
        u64::from(box_h),
    );
    // Compare sw/sh with bw/bh without floating point.
    if sw * bh >= sh * bw {
        // Width-limited.
        let h = (sh * bw + sw / 2) / sw;
        (box_w, u32::try_from(h.clamp(1, bh)).unwrap_or(box_h))
    } else {
        let w = (sw * bh + sh / 2) / sh;
        (u32::try_from(w.clamp(1, bw)).unwrap_or(box_w), box_h)
    }
}

/// 8-bit RGB with any alpha composited onto `background`; borrowed when already RGB8.
fn flatten(image: &DynamicImage, background: [u8; 3]) -> Cow<'_, RgbImage> {
    if let DynamicImage::ImageRgb8(rgb) = image {
        return Cow::Borrowed(rgb);
    }
    if !image.color().has_alpha() {
        // Gray, 16-bit and float images: `image` rounds each channel to 8 bits.
        return Cow::Owned(image.to_rgb8());
    }
    let (w, h) = (image.width(), image.height());
    if let DynamicImage::ImageRgba8(_) | DynamicImage::ImageLumaA8(_) = image {
        let rgba = image.to_rgba8();
        let mut out = RgbImage::new(w, h);
        for (o, p) in out.pixels_mut().zip(rgba.pixels()) {
            let a = u32::from(p[3]);
            for c in 0..3 {
                let v = u32::from(p[c]) * a + u32::from(background[c]) * (255 - a);
                o[c] = ((v + 127) / 255) as u8;
            }
        }
        return Cow::Owned(out);
    }
    // 16-bit or float with alpha: blend at 16 bits, then round to 8.
    let rgba = image.to_rgba16();
    let mut out = RgbImage::new(w, h);
    for (o, p) in out.pixels_mut().zip(rgba.pixels()) {
        let a = u64::from(p[3]);
        for c in 0..3 {
            let bg16 = u64::from(background[c]) * 257;
            let v16 = (u64::from(p[c]) * a + bg16 * (65535 - a) + 32767) / 65535;
            o[c] = ((v16 * 255 + 32767) / 65535) as u8;
        }
    }
    Cow::Owned(out)
}

/// Lanczos3 resize of an RGB8 image (a copy when the size is unchanged).
fn resize_rgb8(src: &RgbImage, w: u32, h: u32, name: &str) -> Result<RgbImage, Error> {
    if src.dimensions() == (w, h) {
        return Ok(src.clone());
    }
    let fail = |detail: String| Error::Encode {
        name: name.to_owned(),
        format: "RGB".into(),
        detail,
    };
    let src_view = fir::images::ImageRef::new(
        src.width(),
        src.height(),
        src.as_raw(),
        fir::PixelType::U8x3,
    )
    .map_err(|e| fail(e.to_string()))?;
    let mut dst = fir::images::Image::new(w, h, fir::PixelType::U8x3);
    let options = fir::ResizeOptions::new()
        .resize_alg(fir::ResizeAlg::Convolution(fir::FilterType::Lanczos3));
    fir::Resizer::new()
        .resize(&src_view, &mut dst, &options)
        .map_err(|e| fail(e.to_string()))?;
    RgbImage::from_raw(w, h, dst.into_vec())
        .ok_or_else(|| fail("resized buffer has the wrong size".into()))
}

fn encode_jpeg(image: &RgbImage, quality: u8, name: &str) -> Result<Vec<u8>, Error> {
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, quality)
        .write_image(
            image.as_raw(),
            image.width(),
            image.height(),
            ExtendedColorType::Rgb8,
        )
        .map_err(|e| Error::Encode {
            name: name.to_owned(),
            format: "JPEG".into(),
            detail: e.to_string(),
        })?;
    Ok(out)
}

fn encode_png(image: &RgbImage, name: &str) -> Result<Vec<u8>, Error> {
    let mut out = Vec::new();
    PngEncoder::new_with_quality(&mut out, CompressionType::Best, PngFilter::Adaptive)
        .write_image(
            image.as_raw(),
            image.width(),
            image.height(),
            ExtendedColorType::Rgb8,
        )
        .map_err(|e| Error::Encode {
            name: name.to_owned(),
            format: "PNG".into(),
            detail: e.to_string(),
        })?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_inside_keeps_the_aspect_ratio() {
        assert_eq!(fit_inside(4032, 3024, 800, 800), (800, 600));
        assert_eq!(fit_inside(3024, 4032, 800, 800), (600, 800));
        assert_eq!(fit_inside(1000, 1000, 800, 800), (800, 800));
        assert_eq!(fit_inside(400, 100, 800, 800), (800, 200));
        assert_eq!(fit_inside(10000, 1, 800, 800), (800, 1));
        assert_eq!(fit_inside(1, 10000, 800, 600), (1, 600));
        assert_eq!(fit_inside(1600, 1200, 750, 1000), (750, 563));
    }

    #[test]
    fn flatten_blends_alpha_onto_the_background() {
        let mut rgba = image::RgbaImage::new(2, 1);
        rgba.put_pixel(0, 0, image::Rgba([0, 0, 0, 0]));
        rgba.put_pixel(1, 0, image::Rgba([0, 0, 0, 128]));
        let rgba = DynamicImage::ImageRgba8(rgba);
        let flat = flatten(&rgba, [255, 255, 255]);
        assert_eq!(flat.get_pixel(0, 0).0, [255, 255, 255]);
        assert_eq!(flat.get_pixel(1, 0).0, [127, 127, 127]);

        let mut rgba16 = image::ImageBuffer::<image::Rgba<u16>, _>::new(1, 1);
        rgba16.put_pixel(0, 0, image::Rgba([65535, 0, 0, 32768]));
        let rgba16 = DynamicImage::ImageRgba16(rgba16);
        let flat = flatten(&rgba16, [0, 0, 255]);
        assert_eq!(flat.get_pixel(0, 0).0, [128, 0, 127]);
    }
}
