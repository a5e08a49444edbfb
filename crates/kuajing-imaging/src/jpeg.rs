//! JPEG: reading the metadata segments we act on, and decoding with libjpeg-turbo, scaled
//! inside the DCT (shrink-on-load) when the slot needs fewer pixels than the photo has.
//!
//! Why libjpeg-turbo (through the `turbojpeg` crate) and not the `image` crate's decoder:
//! decoding at 1/8 to 1/2 scale skips most of the work and most of the memory, and it is
//! the only mature decoder that hands back CMYK and YCCK pixels for colour management.

use image::metadata::Orientation;
use turbojpeg::{Colorspace, Decompressor, Image, PixelFormat, ScalingFactor};

use crate::Error;
use crate::scaled_jpeg::{self, fallback};

/// The decode scales, in eighths of the stored size, smallest first: 1/8, 1/4, 3/8, 1/2 and
/// the full size.
const SCALES: [usize; 5] = [1, 2, 3, 4, 8];
/// How much larger than the slot's need a scaled decode should be, so that the Lanczos resize
/// after it has room to filter. A block shrunk to n x n pixels is a coarse low-pass: resized to
/// 600x800, a 12-MP photo's 1/4 decode (1008 px across for the 800-px side) scored SSIM 0.9978
/// against a Lanczos resize of the full photo, its 3/8 decode (1512 px) 0.9993, before JPEG
/// encoding (the benchmark's reference and metric; the encoded scores are in
/// `docs/benchmarks.md`).
const RESIZE_ROOM: f64 = 1.5;
/// A progressive JPEG with more scans than this is refused: libjpeg-turbo's advice against
/// files crafted to take minutes to decode (real encoders write about 10).
const MAX_SCANS: u32 = 500;

/// What a JPEG's marker segments tell us before decoding.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Markers {
    /// The embedded ICC profile, reassembled from its APP2 chunks.
    pub icc: Option<Vec<u8>>,
    /// The raw EXIF block (the TIFF structure after `Exif\0\0`).
    pub exif: Option<Vec<u8>>,
    /// The Adobe APP14 marker is present: CMYK/YCCK values are stored inverted (as Photoshop
    /// writes them).
    pub adobe: bool,
}

impl Markers {
    pub fn orientation(&self) -> Orientation {
        self.exif
            .as_deref()
            .and_then(Orientation::from_exif_chunk)
            .unwrap_or(Orientation::NoTransforms)
    }
}

/// Walks the segments before the first scan. Damaged or odd segments are skipped, never fatal:
/// libjpeg-turbo decides whether the file decodes.
pub(crate) fn read_markers(bytes: &[u8]) -> Markers {
    let mut markers = Markers::default();
    let mut icc_chunks: Vec<(u8, Vec<u8>)> = Vec::new();
    let mut pos = 2;
    while pos + 4 <= bytes.len() {
        if bytes[pos] != 0xFF {
            break;
        }
        let marker = bytes[pos + 1];
        if marker == 0xFF {
            pos += 1;
            continue;
        }
        if matches!(marker, 0xD8 | 0x01 | 0xD0..=0xD7) {
            pos += 2;
            continue;
        }
        if marker == 0xDA || marker == 0xD9 {
            break;
        }
        let len = usize::from(u16::from_be_bytes([bytes[pos + 2], bytes[pos + 3]]));
        let Some(payload) = bytes.get(pos + 4..pos + 2 + len).filter(|_| len >= 2) else {
            break;
        };
        match marker {
            0xE1 if payload.starts_with(b"Exif\0\0") && markers.exif.is_none() => {
                markers.exif = Some(payload[6..].to_vec());
            }
            0xE2 if payload.starts_with(b"ICC_PROFILE\0") && payload.len() > 14 => {
                icc_chunks.push((payload[12], payload[14..].to_vec()));
            }
            0xEE if payload.starts_with(b"Adobe") => markers.adobe = true,
            _ => {}
        }
        pos += 2 + len;
    }
    if !icc_chunks.is_empty() {
        // Chunks carry a 1-based sequence number; writers may emit them out of order.
        icc_chunks.sort_by_key(|(seq, _)| *seq);
        markers.icc = Some(icc_chunks.into_iter().flat_map(|(_, c)| c).collect());
    }
    markers
}

/// The colour model of the decoded pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum JpegPixels {
    Rgb,
    Gray,
    /// Four channels of ink, 0 = no ink (already un-inverted for Adobe files).
    Cmyk,
}

/// A JPEG decoded at a reduced size, pixels as stored (orientation not applied yet).
#[derive(Debug)]
pub(crate) struct DecodedJpeg {
    pub width: u32,
    pub height: u32,
    pub pixels: Vec<u8>,
    pub kind: JpegPixels,
}

/// The JPEG header: stored size (before orientation) and colour model.
#[derive(Debug, Clone, Copy)]
pub(crate) struct JpegHeader {
    pub width: u32,
    pub height: u32,
    colorspace: Colorspace,
}

pub(crate) fn read_header(bytes: &[u8], name: &str) -> Result<JpegHeader, Error> {
    let header = turbojpeg::read_header(bytes).map_err(|e| corrupt(name, &e))?;
    Ok(JpegHeader {
        width: u32::try_from(header.width).map_err(|_| overflow(name))?,
        height: u32::try_from(header.height).map_err(|_| overflow(name))?,
        colorspace: header.colorspace,
    })
}

/// The smallest DCT scale (in eighths) that keeps the stored image at least `min_width` x
/// `min_height`, with [`RESIZE_ROOM`] to spare where a scaled decode gives it: room is worth
/// a larger scaled decode, not a full-size one (a slot that trims already asks for twice the
/// pixels).
pub(crate) fn pick_scale(header: &JpegHeader, min_width: u32, min_height: u32) -> usize {
    let smallest = |w: u32, h: u32| {
        SCALES
            .into_iter()
            .find(|&n| {
                scaled(header.width, n) >= w.min(header.width)
                    && scaled(header.height, n) >= h.min(header.height)
            })
            .unwrap_or(8)
    };
    let roomy = |need: u32| {
        (f64::from(need) * RESIZE_ROOM)
            .ceil()
            .min(f64::from(u32::MAX)) as u32
    };
    match smallest(roomy(min_width), roomy(min_height)) {
        8 => smallest(min_width, min_height),
        n => n,
    }
}

/// libjpeg's scaled size: ceil(size * eighths / 8).
fn scaled(size: u32, eighths: usize) -> u32 {
    let n = u64::try_from(eighths).unwrap_or(8);
    u32::try_from((u64::from(size) * n).div_ceil(8)).unwrap_or(u32::MAX)
}

/// The least shrink (stored size over output size, on both sides) at which [`decode_to`]
/// resizes in the DCT domain: it keeps each block's frequencies up to 2 of 8, which is what an
/// output pixel of 4 or more source pixels can show.
const DCT_RESIZE_FROM: u32 = 4;

/// Decodes to exactly `width` x `height` (stored orientation) where our decoder can resize in
/// the DCT domain (a YCbCr or grey JPEG shrunk by [`DCT_RESIZE_FROM`] or more: see
/// `scaled_jpeg::resample`); otherwise at the scale [`pick_scale`] gives, for the caller to
/// resize.
pub(crate) fn decode_to(
    bytes: &[u8],
    name: &str,
    header: &JpegHeader,
    width: u32,
    height: u32,
    adobe: bool,
) -> Result<DecodedJpeg, Error> {
    let far_enough = width.saturating_mul(DCT_RESIZE_FROM) <= header.width
        && height.saturating_mul(DCT_RESIZE_FROM) <= header.height;
    if far_enough && matches!(header.colorspace, Colorspace::YCbCr | Colorspace::Gray) {
        // As in `decode`: whatever ours declines or panics on goes to libjpeg-turbo.
        let ours = std::panic::catch_unwind(|| scaled_jpeg::resample(bytes, width, height));
        if let Some(s) = fallback::ours_or_count(ours, name) {
            return Ok(DecodedJpeg::from(s));
        }
    }
    decode(
        bytes,
        name,
        header,
        pick_scale(header, width, height),
        adobe,
    )
}

/// Decodes at `eighths`/8 of the stored size.
pub(crate) fn decode(
    bytes: &[u8],
    name: &str,
    header: &JpegHeader,
    eighths: usize,
    adobe: bool,
) -> Result<DecodedJpeg, Error> {
    if eighths <= 3 && matches!(header.colorspace, Colorspace::YCbCr | Colorspace::Gray) {
        // The common phone or camera JPEG at 1/8, 1/4 or 3/8: our own scaled decoder (see
        // `scaled_jpeg`; at 1/2 most of each block is shown and libjpeg-turbo's SIMD is
        // faster). What it declines (arithmetic coding, damaged data...) goes to
        // libjpeg-turbo, which has the last word. A panic in it (a bug: the tests feed it
        // damaged files, but it is new) costs speed, not the photo.
        let ours = std::panic::catch_unwind(|| scaled_jpeg::decode(bytes, eighths));
        if let Some(s) = fallback::ours_or_count(ours, name) {
            return Ok(DecodedJpeg::from(s));
        }
    }
    let mut decompressor = Decompressor::new().map_err(|e| corrupt(name, &e))?;
    decompressor
        .set_scan_limit(MAX_SCANS)
        .map_err(|e| corrupt(name, &e))?;
    decompressor
        .set_scaling_factor(ScalingFactor::new(eighths, 8))
        .map_err(|e| corrupt(name, &e))?;
    let (format, kind) = match header.colorspace {
        Colorspace::CMYK | Colorspace::YCCK => (PixelFormat::CMYK, JpegPixels::Cmyk),
        Colorspace::Gray => (PixelFormat::GRAY, JpegPixels::Gray),
        _ => (PixelFormat::RGB, JpegPixels::Rgb),
    };
    let width = scaled(header.width, eighths);
    let height = scaled(header.height, eighths);
    let w = width as usize;
    let h = height as usize;
    let pitch = w * format.size();
    let mut pixels = vec![0u8; pitch * h];
    decompressor
        .decompress(
            bytes,
            Image {
                pixels: pixels.as_mut_slice(),
                width: w,
                pitch,
                height: h,
                format,
            },
        )
        .or_else(|e| harmless_warning(name, e))?;
    if kind == JpegPixels::Cmyk && adobe {
        // Photoshop stores CMYK inverted (255 = no ink) and marks it with APP14 "Adobe".
        for v in &mut pixels {
            *v = 255 - *v;
        }
    }
    Ok(DecodedJpeg {
        width,
        height,
        pixels,
        kind,
    })
}

impl From<scaled_jpeg::Scaled> for DecodedJpeg {
    fn from(s: scaled_jpeg::Scaled) -> Self {
        DecodedJpeg {
            width: s.width,
            height: s.height,
            pixels: s.pixels,
            kind: if s.gray {
                JpegPixels::Gray
            } else {
                JpegPixels::Rgb
            },
        }
    }
}

/// Encodes 8-bit RGB as a baseline JPEG, 4:2:0, Huffman tables optimised. No metadata at all
/// is written (only the JFIF header).
pub(crate) fn encode_rgb(
    pixels: &[u8],
    width: u32,
    height: u32,
    quality: u8,
    name: &str,
) -> Result<Vec<u8>, Error> {
    let fail = |e: turbojpeg::Error| Error::Encode {
        name: name.to_owned(),
        format: "JPEG".into(),
        detail: e.to_string(),
    };
    let mut compressor = turbojpeg::Compressor::new().map_err(fail)?;
    compressor.set_quality(i32::from(quality)).map_err(fail)?;
    compressor
        .set_subsamp(turbojpeg::Subsamp::Sub2x2)
        .map_err(fail)?;
    compressor.set_optimize(true).map_err(fail)?;
    let w = width as usize;
    compressor
        .compress_to_vec(Image {
            pixels,
            width: w,
            pitch: w * 3,
            height: height as usize,
            format: PixelFormat::RGB,
        })
        .map_err(fail)
}

/// libjpeg-turbo reports warnings as failures after decoding every pixel. Stray bytes before a
/// marker are common in camera files and harmless; any other damage to the picture data shows
/// in the picture, so it is an error the merchant can act on.
pub(crate) fn harmless_warning(name: &str, e: turbojpeg::Error) -> Result<(), Error> {
    if e.to_string().contains("extraneous bytes before marker") {
        Ok(())
    } else {
        Err(corrupt(name, &e))
    }
}

fn corrupt(name: &str, e: &turbojpeg::Error) -> Error {
    Error::Corrupt {
        name: name.to_owned(),
        format: "JPEG".into(),
        detail: e.to_string(),
    }
}

fn overflow(name: &str) -> Error {
    Error::Corrupt {
        name: name.to_owned(),
        format: "JPEG".into(),
        detail: "its header gives an impossible size".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn segment(marker: u8, payload: &[u8]) -> Vec<u8> {
        let len = u16::try_from(payload.len() + 2).unwrap_or(u16::MAX);
        let mut s = vec![0xFF, marker];
        s.extend_from_slice(&len.to_be_bytes());
        s.extend_from_slice(payload);
        s
    }

    #[test]
    fn icc_chunks_are_joined_in_sequence_order() {
        let mut file = vec![0xFF, 0xD8];
        let chunk = |seq: u8, data: &[u8]| {
            let mut p = b"ICC_PROFILE\0".to_vec();
            p.extend_from_slice(&[seq, 2]);
            p.extend_from_slice(data);
            segment(0xE2, &p)
        };
        file.extend(chunk(2, b"world"));
        file.extend(chunk(1, b"hello "));
        file.extend(segment(0xEE, b"Adobe\0\x64\0\0\0\0\x02"));
        file.extend(segment(0xDA, &[0; 10]));
        let m = read_markers(&file);
        assert_eq!(m.icc.as_deref(), Some(&b"hello world"[..]));
        assert!(m.adobe);
        assert_eq!(m.exif, None);
        assert_eq!(m.orientation(), Orientation::NoTransforms);
    }

    #[test]
    fn damaged_segments_are_skipped() {
        // A length running past the end of the file.
        let m = read_markers(&[0xFF, 0xD8, 0xFF, 0xE1, 0xFF, 0xFF, b'E']);
        assert_eq!(m, Markers::default());
        assert_eq!(read_markers(&[0xFF, 0xD8]), Markers::default());
    }

    #[test]
    fn the_scale_keeps_both_sides_at_least_the_target_with_room_to_resize() {
        let h = JpegHeader {
            width: 4032,
            height: 3024,
            colorspace: Colorspace::YCbCr,
        };
        // 800x600 inside an 800 square: 1/4 (1008x756) would be enough pixels but leave the
        // resize too little room; 3/8 gives 1512x1134.
        assert_eq!(pick_scale(&h, 800, 600), 3);
        assert_eq!(pick_scale(&h, 750, 563), 3);
        // 1/4 is 1.5x of 672x504, 1/8 too small.
        assert_eq!(pick_scale(&h, 672, 504), 2);
        assert_eq!(pick_scale(&h, 300, 225), 1);
        assert_eq!(pick_scale(&h, 1300, 975), 4);
        // Room is not worth a full-size decode: 1/2 is enough pixels for 1600x1200 (a trimming
        // slot's 800x600, doubled).
        assert_eq!(pick_scale(&h, 1600, 1200), 4);
        // More than 1/2 has: the full size; likewise more than the photo has.
        assert_eq!(pick_scale(&h, 2100, 1575), 8);
        assert_eq!(pick_scale(&h, 8000, 6000), 8);
        let big = JpegHeader {
            width: 6000,
            height: 4000,
            colorspace: Colorspace::YCbCr,
        };
        // 24 MP into 800x533: 1/4 (1500x1000) is already 1.875x.
        assert_eq!(pick_scale(&big, 800, 534), 2);
    }
}
