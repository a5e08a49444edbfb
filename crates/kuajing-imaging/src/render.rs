//! Rendering a decoded photo into a marketplace image slot: geometry (contain, cover, width with
//! slices), trimming and the minimum source size; the pixel work is `pixels.rs`, encoding
//! `encode.rs`.

use std::path::Path;

use image::metadata::Orientation;
use image::{DynamicImage, RgbImage};

use crate::Error;
use crate::decode::{
    Limits, Photo, Size, decode_photo, decode_source, display_name, open, read_limited, swaps_sides,
};
use crate::encode::encode_capped;
use crate::jpeg;
use crate::ops::{Region, attention_offset, trim_box};
use crate::pixels::{flatten, pad, pad_turned, resize, resize_upright, slice};
use crate::slot::{Crop, Fit, ImageFinding, Rendered, SlotSpec, Trim};

const THUMBNAIL_QUALITY: u8 = 80;
/// Larger slots than this are a mistake in the caller's profile, not a photo to render.
const MAX_SLOT_SIDE: u32 = 10_000;
/// A detail image taller than this many slices is a mistake, not a product page.
const MAX_SLICES: u32 = 50;

/// Renders an already decoded image into the slot (see [`render_photo`]).
pub fn render(image: &DynamicImage, spec: &SlotSpec) -> Result<Rendered, Error> {
    render_named(image, spec, "image")
}

/// [`render`], with the file name to put in error messages.
pub fn render_named(image: &DynamicImage, spec: &SlotSpec, name: &str) -> Result<Rendered, Error> {
    render_photo(&Photo::from_image(image.clone()), spec, name)
}

/// Reads, decodes (no larger than the slot needs) and renders a photo file.
pub fn render_file(path: &Path, spec: &SlotSpec, limits: &Limits) -> Result<Rendered, Error> {
    let name = display_name(path);
    let bytes = read_limited(path, &name, limits.max_bytes)?;
    render_bytes(&bytes, &name, spec, limits)
}

/// Decodes a photo's bytes no larger than the slot needs, and renders it.
pub fn render_bytes(
    bytes: &[u8],
    name: &str,
    spec: &SlotSpec,
    limits: &Limits,
) -> Result<Rendered, Error> {
    render_slots(bytes, name, std::slice::from_ref(spec), limits)?
        .pop()
        .unwrap_or_else(|| Err(invalid(name, "no slot was given".into())))
}

/// Renders one photo into several slots, decoding it once at the size the largest needs.
/// The outer error is the photo's (it cannot be read); the inner ones are per slot.
pub fn render_slots(
    bytes: &[u8],
    name: &str,
    specs: &[SlotSpec],
    limits: &Limits,
) -> Result<Vec<Result<Rendered, Error>>, Error> {
    let mut source = open(bytes, name, limits)?;
    let size = source.upright_size();
    // A slot with no area or an impossible size gets its own error from `render_photo`; it
    // takes no part in choosing the decoded size (found by fuzzing: a 0-pixel slot made
    // `fitted` clamp into an empty range and panic).
    let valid: Vec<&SlotSpec> = specs
        .iter()
        .filter(|s| check_slot(s, name).is_ok())
        .collect();
    let (mut need_w, mut need_h) = (1, 1);
    for spec in &valid {
        let (w, h) = spec.needed_size(size);
        need_w = need_w.max(w);
        need_h = need_h.max(h);
    }
    // Turning a photo the right way up costs a pass over every decoded pixel; slots that
    // neither trim nor crop can turn their smaller, resized image instead.
    let upright = valid
        .iter()
        .any(|s| s.trim.is_some() || s.fit == Fit::Cover);
    // When every slot places the whole photo at one size, the decoder can make that size
    // directly (a JPEG is then resized in the DCT domain); the resize below is then a copy.
    let (w, h) = (f64::from(size.width), f64::from(size.height));
    let sizes: Vec<Option<(u32, u32)>> = valid
        .iter()
        .map(|s| s.trim.is_none().then(|| fitted(s, w, h, false)).flatten())
        .collect();
    let want = match sizes.split_first() {
        Some((&Some(first), rest)) if rest.iter().all(|&s| s == Some(first)) => {
            Size::Exactly(first.0, first.1)
        }
        _ => Size::AtLeast(need_w, need_h),
    };
    let photo = decode_source(source, upright, bytes, name, want)?;
    Ok(specs
        .iter()
        .map(|spec| render_photo(&photo, spec, name))
        .collect())
}

/// Renders a decoded photo into the slot: alpha flattened onto the background, an optional
/// plain border trimmed, then placed by the slot's fit, encoded under the byte cap (JPEG quality
/// searched down to the floor). No metadata is written.
pub fn render_photo(photo: &Photo, spec: &SlotSpec, name: &str) -> Result<Rendered, Error> {
    check_slot(spec, name)?;
    let pending = photo.pending;
    if pending != Orientation::NoTransforms && (spec.trim.is_some() || spec.fit == Fit::Cover) {
        // Trimming and cropping look at the picture: they need it upright first.
        let mut upright = photo.clone();
        upright.image.apply_orientation(pending);
        upright.pending = Orientation::NoTransforms;
        return render_photo(&upright, spec, name);
    }
    let flat = flatten(&photo.image, spec.background);
    let stored = Region::whole(flat.width(), flat.height()).as_crop();
    let (dw, dh) = if swaps_sides(pending) {
        (flat.height(), flat.width())
    } else {
        flat.dimensions()
    };
    if dw == 0 || dh == 0 {
        return Err(invalid(name, "it has no pixels".into()));
    }
    let mut findings = photo.notes.clone();
    let region = match spec.trim {
        Some(trim) => trimmed(&flat, trim, spec.background, &mut findings),
        None => Region::whole(dw, dh),
    };
    // Photo pixels per decoded pixel: geometry is decided in photo pixels, so a shrunk decode
    // gives the same output size as a full one.
    let r = photo.shrink();
    let (src_w, src_h) = if spec.trim.is_none() {
        // The whole photo: its own size, exactly (through a shrunk decode's ratio it could
        // round differently from the size `render_slots` asked the decoder for).
        (
            f64::from(photo.source_width),
            f64::from(photo.source_height),
        )
    } else {
        (f64::from(region.w) * r, f64::from(region.h) * r)
    };
    let (min_w, min_h) = (
        f64::from(nonzero(spec.min_source_width, spec.width)),
        f64::from(match spec.fit {
            Fit::Width => spec.min_source_height,
            _ => nonzero(spec.min_source_height, spec.height),
        }),
    );
    let fill = |a: f64, b: f64| (a / src_w).min(if b > 0.0 { b / src_h } else { f64::MAX });
    let too_small = match spec.fit {
        Fit::Contain | Fit::Width => fill(min_w, min_h) > 1.0 + 1e-9,
        Fit::Cover => (min_w / src_w).max(min_h / src_h) > 1.0 + 1e-9,
    };
    if too_small && spec.fit == Fit::Width && min_h <= 0.0 {
        // Detail slots ask only for a width.
        findings.push(ImageFinding::new(
            "source-too-narrow",
            &[
                ("width", (src_w.round() as u32).to_string()),
                ("min_width", (min_w as u32).to_string()),
            ],
        ));
    } else if too_small {
        findings.push(ImageFinding::new(
            "source-too-small",
            &[
                ("width", (src_w.round() as u32).to_string()),
                ("height", (src_h.round() as u32).to_string()),
                ("min_width", (min_w as u32).to_string()),
                ("min_height", (min_h as u32).to_string()),
            ],
        ));
    }

    let images: Vec<RgbImage> = match spec.fit {
        Fit::Contain => {
            let (fw, fh) = fitted(spec, src_w, src_h, too_small).unwrap_or((1, 1));
            if pending == Orientation::NoTransforms {
                let fitted = resize(&flat, region.as_crop(), fw, fh, name)?;
                vec![pad(&fitted, spec.width, spec.height, spec.background)]
            } else {
                // Resized as stored, then turned while it is placed on the canvas.
                let (sw, sh) = if swaps_sides(pending) {
                    (fh, fw)
                } else {
                    (fw, fh)
                };
                let fitted = resize(&flat, stored, sw, sh, name)?;
                vec![pad_turned(
                    &fitted,
                    pending,
                    spec.width,
                    spec.height,
                    spec.background,
                )]
            }
        }
        Fit::Cover => {
            let cap = |scale: f64| if too_small { scale.min(1.0) } else { scale };
            let scale = cap((f64::from(spec.width) / src_w).max(f64::from(spec.height) / src_h));
            // The window of the region that becomes the output, in decoded pixels.
            let out_w = ((src_w * scale).round() as u32).min(spec.width).max(1);
            let out_h = ((src_h * scale).round() as u32).min(spec.height).max(1);
            let win_w = (f64::from(out_w) / scale / r).min(f64::from(region.w));
            let win_h = (f64::from(out_h) / scale / r).min(f64::from(region.h));
            let (ox, oy) = match spec.crop {
                Crop::Centre => (
                    (f64::from(region.w) - win_w) / 2.0,
                    (f64::from(region.h) - win_h) / 2.0,
                ),
                Crop::Attention => attention_offset(&flat, region, win_w, win_h),
            };
            let crop = (
                f64::from(region.x) + ox,
                f64::from(region.y) + oy,
                win_w,
                win_h,
            );
            let cropped = resize(&flat, crop, out_w, out_h, name)?;
            vec![pad(&cropped, spec.width, spec.height, spec.background)]
        }
        Fit::Width => {
            let (out_w, out_h) = fitted(spec, src_w, src_h, too_small).unwrap_or((1, 1));
            let slices = out_h.div_ceil(spec.height);
            if slices > MAX_SLICES {
                return Err(invalid(
                    name,
                    format!(
                        "at {out_w} pixels wide it is {out_h} pixels tall, more than {MAX_SLICES} slices of {}",
                        spec.height
                    ),
                ));
            }
            let whole = if pending == Orientation::NoTransforms {
                resize(&flat, region.as_crop(), out_w, out_h, name)?.into_owned()
            } else {
                resize_upright(&flat, stored, out_w, out_h, pending, name)?
            };
            if slices > 1 {
                findings.push(ImageFinding::new(
                    "sliced",
                    &[("count", slices.to_string())],
                ));
            }
            slice(whole, spec.height)
        }
    };
    let mut parts = Vec::with_capacity(images.len());
    for image in &images {
        parts.push(encode_capped(image, spec, name, &mut findings)?);
    }
    Ok(Rendered { parts, findings })
}

/// The size a contain or width slot gives the photo (`src_w` x `src_h` photo pixels), before
/// padding or slicing; `None` for a cover slot. A photo too small for the slot is not enlarged.
fn fitted(spec: &SlotSpec, src_w: f64, src_h: f64, too_small: bool) -> Option<(u32, u32)> {
    let cap = |scale: f64| if too_small { scale.min(1.0) } else { scale };
    match spec.fit {
        Fit::Contain => {
            let margin = spec.trim.map_or(0, |t| u32::from(t.margin_percent.min(40)));
            let box_w = spec.width - spec.width * margin * 2 / 100;
            let box_h = spec.height - spec.height * margin * 2 / 100;
            let scale = cap((f64::from(box_w) / src_w).min(f64::from(box_h) / src_h));
            Some((
                ((src_w * scale).round() as u32).clamp(1, box_w),
                ((src_h * scale).round() as u32).clamp(1, box_h),
            ))
        }
        Fit::Width => {
            let scale = cap(f64::from(spec.width) / src_w);
            Some((
                ((src_w * scale).round() as u32).clamp(1, spec.width),
                ((src_h * scale).round() as u32).max(1),
            ))
        }
        Fit::Cover => None,
    }
}

fn nonzero(v: u32, default: u32) -> u32 {
    if v == 0 { default } else { v }
}

/// The trim box, with findings when there is no plain border or it is not the background.
fn trimmed(
    flat: &RgbImage,
    trim: Trim,
    background: [u8; 3],
    findings: &mut Vec<ImageFinding>,
) -> Region {
    let whole = Region::whole(flat.width(), flat.height());
    match trim_box(flat, trim.tolerance) {
        Some((region, border)) => {
            let off = border
                .iter()
                .zip(background)
                .any(|(a, b)| a.abs_diff(b) > trim.tolerance);
            if off {
                findings.push(ImageFinding::new(
                    "background-not-plain",
                    &[("colour", hex(border)), ("background", hex(background))],
                ));
            }
            if region == whole {
                findings.push(ImageFinding::new("not-trimmed", &[]));
            }
            region
        }
        None => {
            findings.push(ImageFinding::new("not-trimmed", &[]));
            whole
        }
    }
}

fn hex(c: [u8; 3]) -> String {
    format!("#{:02X}{:02X}{:02X}", c[0], c[1], c[2])
}

/// A small JPEG for the UI: fitted inside `max_side` × `max_side` (never upscaled), no padding,
/// alpha flattened onto white.
pub fn thumbnail(image: &DynamicImage, max_side: u32) -> Result<Vec<u8>, Error> {
    let name = "thumbnail";
    if max_side == 0 || max_side > MAX_SLOT_SIDE {
        return Err(invalid(
            name,
            format!("a thumbnail side of {max_side} pixels is out of range"),
        ));
    }
    let (src_w, src_h) = (image.width(), image.height());
    if src_w == 0 || src_h == 0 {
        return Err(invalid(name, "it has no pixels".into()));
    }
    let (w, h) = if src_w <= max_side && src_h <= max_side {
        (src_w, src_h)
    } else {
        fit_inside(src_w, src_h, max_side, max_side)
    };
    let flat = flatten(image, [255, 255, 255]);
    let small = resize(&flat, Region::whole(src_w, src_h).as_crop(), w, h, name)?;
    jpeg::encode_rgb(small.as_raw(), w, h, THUMBNAIL_QUALITY, name)
}

/// A thumbnail straight from a photo file's bytes, decoded no larger than needed.
pub fn thumbnail_bytes(
    bytes: &[u8],
    name: &str,
    max_side: u32,
    limits: &Limits,
) -> Result<Vec<u8>, Error> {
    let photo = decode_photo(bytes, name, limits, max_side, max_side)?;
    thumbnail(&photo.image, max_side)
}

fn invalid(name: &str, detail: String) -> Error {
    Error::InvalidSlot {
        name: name.to_owned(),
        detail,
    }
}

fn check_slot(spec: &SlotSpec, name: &str) -> Result<(), Error> {
    let bad = |detail: String| Err(invalid(name, detail));
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
    if spec.min_bytes > spec.max_bytes {
        return bad(format!(
            "the image slot wants at least {} bytes but at most {}",
            spec.min_bytes, spec.max_bytes
        ));
    }
    Ok(())
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
}
