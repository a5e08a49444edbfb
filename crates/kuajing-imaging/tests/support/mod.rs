//! Builders for real image files the tests decode: JPEGs with crafted EXIF blocks, PNG header
//! bombs, and the committed fixtures under `tests/fixtures/images/`.
#![allow(dead_code, clippy::unwrap_used)]

pub mod delta_e;

use std::io::Cursor;
use std::path::PathBuf;

use image::{DynamicImage, ImageFormat, Rgb, RgbImage};

/// The committed fixtures (owned by the imaging crate).
pub fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/images")
}

pub fn encode(image: &DynamicImage, format: ImageFormat) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    image.write_to(&mut out, format).unwrap();
    out.into_inner()
}

pub fn jpeg(image: &RgbImage) -> Vec<u8> {
    encode(&DynamicImage::ImageRgb8(image.clone()), ImageFormat::Jpeg)
}

/// A deterministic, photo-like picture: smooth gradients plus a little grain.
pub fn photo_like(w: u32, h: u32, seed: u32) -> RgbImage {
    let mut state = seed.wrapping_mul(2_654_435_761).wrapping_add(1);
    let cols: Vec<(f32, f32, f32)> = (0..w)
        .map(|x| {
            let fx = x as f32 / w as f32;
            ((fx * 6.0).sin(), fx, 60.0 + 60.0 * fx)
        })
        .collect();
    let rows: Vec<f32> = (0..h).map(|y| y as f32 / h as f32).collect();
    RgbImage::from_fn(w, h, |x, y| {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        let grain = (state % 17) as i32 - 8;
        let (sin_x, fx, b) = cols[x as usize];
        let fy = rows[y as usize];
        let r = 120.0 + 100.0 * sin_x * fy;
        let g = 90.0 + 80.0 * (1.0 - 2.0 * ((fy * 5.0 + fx) * 0.5).fract() - 0.5).abs();
        let c = |v: f32| (v as i32 + grain).clamp(0, 255) as u8;
        Rgb([c(r), c(g), c(b)])
    })
}

/// Pure noise: the worst case for JPEG size.
pub fn noise(w: u32, h: u32, seed: u32) -> RgbImage {
    let mut state = seed | 1;
    RgbImage::from_fn(w, h, |_, _| {
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            (state >> 24) as u8
        };
        Rgb([next(), next(), next()])
    })
}

/// A big-endian TIFF (EXIF) block with an Orientation tag and, if asked, a GPS IFD placing the
/// photo in a Yakima Valley orchard.
pub fn exif_tiff(orientation: Option<u16>, gps: bool) -> Vec<u8> {
    let mut ifd0: Vec<(u16, u16, u32, [u8; 4])> = Vec::new();
    if let Some(o) = orientation {
        let v = o.to_be_bytes();
        ifd0.push((0x0112, 3, 1, [v[0], v[1], 0, 0]));
    }
    let ifd0_size = 2 + 12 * (ifd0.len() + usize::from(gps)) + 4;
    let gps_ifd_offset = (8 + ifd0_size) as u32;
    if gps {
        ifd0.push((0x8825, 4, 1, gps_ifd_offset.to_be_bytes()));
    }
    let mut out = b"MM\0\x2a".to_vec();
    out.extend_from_slice(&8u32.to_be_bytes());
    write_ifd(&mut out, &ifd0);
    if gps {
        // GPS IFD: 5 entries, then the two RATIONAL[3] values after it.
        let gps_size = 2 + 12 * 5 + 4;
        let lat_offset = gps_ifd_offset + gps_size as u32;
        let lon_offset = lat_offset + 24;
        let entries = vec![
            (0x0000, 1, 4, [2, 3, 0, 0]),
            (0x0001, 2, 2, [b'N', 0, 0, 0]),
            (0x0002, 5, 3, lat_offset.to_be_bytes()),
            (0x0003, 2, 2, [b'W', 0, 0, 0]),
            (0x0004, 5, 3, lon_offset.to_be_bytes()),
        ];
        write_ifd(&mut out, &entries);
        for v in [46u32, 36, 0, 120, 30, 0] {
            out.extend_from_slice(&v.to_be_bytes());
            out.extend_from_slice(&1u32.to_be_bytes());
        }
    }
    out
}

fn write_ifd(out: &mut Vec<u8>, entries: &[(u16, u16, u32, [u8; 4])]) {
    out.extend_from_slice(&(entries.len() as u16).to_be_bytes());
    for (tag, ty, count, value) in entries {
        out.extend_from_slice(&tag.to_be_bytes());
        out.extend_from_slice(&ty.to_be_bytes());
        out.extend_from_slice(&count.to_be_bytes());
        out.extend_from_slice(value);
    }
    out.extend_from_slice(&0u32.to_be_bytes());
}

/// Inserts an APP1 Exif segment right after SOI, as cameras write it.
pub fn with_exif(jpeg: &[u8], orientation: Option<u16>, gps: bool) -> Vec<u8> {
    assert_eq!(&jpeg[..2], &[0xFF, 0xD8]);
    let mut payload = b"Exif\0\0".to_vec();
    payload.extend_from_slice(&exif_tiff(orientation, gps));
    let mut out = jpeg[..2].to_vec();
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&((payload.len() + 2) as u16).to_be_bytes());
    out.extend_from_slice(&payload);
    out.extend_from_slice(&jpeg[2..]);
    out
}

/// The markers of a JPEG's header segments, up to the first scan.
pub fn jpeg_header_markers(jpeg: &[u8]) -> Vec<u8> {
    let mut markers = Vec::new();
    let mut pos = 2;
    while pos + 4 <= jpeg.len() && jpeg[pos] == 0xFF {
        let marker = jpeg[pos + 1];
        markers.push(marker);
        if marker == 0xDA {
            break;
        }
        let len = usize::from(u16::from_be_bytes([jpeg[pos + 2], jpeg[pos + 3]]));
        pos += 2 + len;
    }
    markers
}

/// Where the display pixel comes from for a stored pixel, per the EXIF orientation tag
/// (display width `w`, height `h`). Written from the TIFF spec's "0th row / 0th column" table,
/// independently of `image`'s own transforms.
pub fn stored_to_display(orientation: u16, sx: u32, sy: u32, w: u32, h: u32) -> (u32, u32) {
    match orientation {
        1 => (sx, sy),
        2 => (w - 1 - sx, sy),
        3 => (w - 1 - sx, h - 1 - sy),
        4 => (sx, h - 1 - sy),
        5 => (sy, sx),
        6 => (w - 1 - sy, sx),
        7 => (w - 1 - sy, h - 1 - sx),
        8 => (sy, h - 1 - sx),
        _ => panic!("orientation {orientation}"),
    }
}

pub const RED: [u8; 3] = [220, 30, 30];
pub const GREEN: [u8; 3] = [30, 200, 60];
pub const BLUE: [u8; 3] = [30, 60, 220];
pub const GREY: [u8; 3] = [128, 128, 128];

/// How the picture should look once upright: 64 wide, 48 high, a red top-left corner, a green
/// top-right corner, a blue bottom-left corner, grey elsewhere (16-pixel blocks survive JPEG).
pub fn upright_marker_picture() -> RgbImage {
    RgbImage::from_fn(64, 48, |x, y| {
        Rgb(match (x < 16, x >= 48, y < 16, y >= 32) {
            (true, _, true, _) => RED,
            (_, true, true, _) => GREEN,
            (true, _, _, true) => BLUE,
            _ => GREY,
        })
    })
}

/// The same picture as a camera would store it for `orientation`.
pub fn stored_for_orientation(orientation: u16) -> RgbImage {
    let display = upright_marker_picture();
    let (w, h) = display.dimensions();
    let (sw, sh) = if orientation >= 5 { (h, w) } else { (w, h) };
    RgbImage::from_fn(sw, sh, |sx, sy| {
        let (dx, dy) = stored_to_display(orientation, sx, sy, w, h);
        *display.get_pixel(dx, dy)
    })
}

pub fn close(actual: [u8; 3], expected: [u8; 3], tolerance: u8) -> bool {
    actual
        .iter()
        .zip(expected)
        .all(|(a, e)| a.abs_diff(e) <= tolerance)
}

/// A PNG whose IHDR claims `w` x `h` pixels, with a one-pixel IDAT: a decompression bomb as far
/// as the header goes.
pub fn png_header_bomb(w: u32, h: u32) -> Vec<u8> {
    let tiny = encode(
        &DynamicImage::ImageRgba8(image::RgbaImage::new(1, 1)),
        ImageFormat::Png,
    );
    // Signature (8), then IHDR: length (4), "IHDR" (4), data (13), CRC (4).
    assert_eq!(&tiny[12..16], b"IHDR");
    let mut out = tiny.clone();
    out[16..20].copy_from_slice(&w.to_be_bytes());
    out[20..24].copy_from_slice(&h.to_be_bytes());
    let crc = crc32(&out[12..29]);
    out[29..33].copy_from_slice(&crc.to_be_bytes());
    out
}

/// A JPEG whose frame header claims `w` x `h`.
pub fn jpeg_header_bomb(w: u16, h: u16) -> Vec<u8> {
    let mut out = jpeg(&RgbImage::from_pixel(8, 8, Rgb(GREY)));
    let sof = out.windows(2).position(|p| p == [0xFF, 0xC0]).unwrap();
    out[sof + 5..sof + 7].copy_from_slice(&h.to_be_bytes());
    out[sof + 7..sof + 9].copy_from_slice(&w.to_be_bytes());
    out
}

pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}
