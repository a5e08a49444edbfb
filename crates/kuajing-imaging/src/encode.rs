//! Encoding a rendered image under a slot's byte cap: JPEG quality searched (binary) down to the
//! slot's floor, or up to reach its minimum size; PNG as small as the encoder makes it.

use image::codecs::png::{CompressionType, FilterType as PngFilter, PngEncoder};
use image::{ExtendedColorType, ImageEncoder, RgbImage};

use crate::Error;
use crate::jpeg;
use crate::slot::{ImageFinding, OutputFormat, Part, SlotSpec};

/// Encodes under the slot's byte cap: JPEG quality searched (binary) down to the floor, or up
/// when the slot has a minimum size; PNG as small as the encoder makes it.
pub(crate) fn encode_capped(
    image: &RgbImage,
    spec: &SlotSpec,
    name: &str,
    findings: &mut Vec<ImageFinding>,
) -> Result<Part, Error> {
    let (width, height) = image.dimensions();
    let part = |bytes: Vec<u8>, quality| Part {
        bytes,
        width,
        height,
        quality,
    };
    if spec.format == OutputFormat::Png {
        let mut bytes = encode_png(image, CompressionType::Default, name)?;
        if bytes.len() as u64 > spec.max_bytes {
            bytes = encode_png(image, CompressionType::Best, name)?;
        }
        if bytes.len() as u64 > spec.max_bytes {
            findings.push(over_cap(bytes.len(), spec, None));
        }
        return Ok(part(bytes, None));
    }
    let enc = |q: u8| jpeg::encode_rgb(image.as_raw(), width, height, q, name);
    let first = spec.quality.clamp(1, 100);
    let floor = spec.min_quality.clamp(1, first);
    let mut best = (first, enc(first)?);
    let fits = |b: &Vec<u8>| b.len() as u64 <= spec.max_bytes;
    if !fits(&best.1) {
        // Highest quality in [floor, first) that fits.
        let (mut lo, mut hi) = (floor, first - 1);
        let mut found = None;
        while lo <= hi {
            let q = lo + (hi - lo) / 2;
            let bytes = enc(q)?;
            if fits(&bytes) {
                found = Some((q, bytes));
                lo = q + 1;
            } else if q == floor {
                break;
            } else {
                hi = q - 1;
            }
        }
        match found {
            Some(f) => {
                findings.push(ImageFinding::new(
                    "quality-reduced",
                    &[
                        ("quality", f.0.to_string()),
                        ("max_bytes", spec.max_bytes.to_string()),
                    ],
                ));
                best = f;
            }
            None => {
                let bytes = enc(floor)?;
                findings.push(over_cap(bytes.len(), spec, Some(floor)));
                best = (floor, bytes);
            }
        }
    } else if (best.1.len() as u64) < spec.min_bytes {
        // Lowest quality above `first` that reaches the minimum and still fits the cap.
        let (mut lo, mut hi) = (first + 1, 100u8);
        let mut found = None;
        while lo <= hi {
            let q = lo + (hi - lo) / 2;
            let bytes = enc(q)?;
            if (bytes.len() as u64) >= spec.min_bytes && fits(&bytes) {
                found = Some((q, bytes));
                hi = q - 1;
            } else {
                lo = q + 1;
            }
        }
        match found {
            Some(f) => best = f,
            None => {
                let top = enc(100)?;
                if fits(&top) {
                    best = (100, top);
                }
                findings.push(ImageFinding::new(
                    "under-min-bytes",
                    &[
                        ("bytes", best.1.len().to_string()),
                        ("min_bytes", spec.min_bytes.to_string()),
                    ],
                ));
            }
        }
    }
    Ok(part(best.1, Some(best.0)))
}

fn over_cap(bytes: usize, spec: &SlotSpec, quality: Option<u8>) -> ImageFinding {
    let mut args = vec![
        ("bytes", bytes.to_string()),
        ("max_bytes", spec.max_bytes.to_string()),
        ("format", spec.format.name().to_owned()),
    ];
    if let Some(q) = quality {
        args.push(("quality", q.to_string()));
    }
    ImageFinding::new("over-byte-cap", &args)
}

fn encode_png(
    image: &RgbImage,
    compression: CompressionType,
    name: &str,
) -> Result<Vec<u8>, Error> {
    let mut out = Vec::new();
    PngEncoder::new_with_quality(&mut out, compression, PngFilter::Adaptive)
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
