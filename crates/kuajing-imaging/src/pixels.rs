//! Whole-image pixel work for rendering: alpha flattened onto a background, a Lanczos3
//! resize of a window, turning by an EXIF orientation, placing on a canvas, cutting slices.

use std::borrow::Cow;

use fast_image_resize as fir;
use image::metadata::Orientation;
use image::{DynamicImage, Rgb, RgbImage};

use crate::Error;
use crate::decode::swaps_sides;

/// [`pad`] for a stored image that `orientation` turns upright: each pixel goes straight to
/// its turned place on the canvas (no turned copy first).
pub(crate) fn pad_turned(
    image: &RgbImage,
    orientation: Orientation,
    w: u32,
    h: u32,
    background: [u8; 3],
) -> RgbImage {
    if orientation == Orientation::NoTransforms {
        return pad(image, w, h, background);
    }
    let (iw, ih) = (image.width() as usize, image.height() as usize);
    let (uw, uh) = if swaps_sides(orientation) {
        (ih, iw)
    } else {
        (iw, ih)
    };
    let (w, h) = (w as usize, h as usize);
    if uw > w || uh > h {
        let mut upright = DynamicImage::ImageRgb8(image.clone());
        upright.apply_orientation(orientation);
        return pad(&upright.into_rgb8(), w as u32, h as u32, background);
    }
    let mut canvas = RgbImage::from_pixel(w as u32, h as u32, Rgb(background));
    let (x0, y0) = (w.saturating_sub(uw) / 2, h.saturating_sub(uh) / 2);
    let dst: &mut [u8] = &mut canvas;
    // The canvas pixel of (x, y) moves by a fixed step as x does: one position per row.
    let at = |(ux, uy): (usize, usize)| ((y0 + uy) * w + x0 + ux) as isize;
    for (y, row) in image.as_raw().chunks_exact(iw * 3).enumerate() {
        let start = at(turn(orientation, 0, y, iw, ih));
        let step = if iw > 1 {
            at(turn(orientation, 1, y, iw, ih)) - start
        } else {
            0
        };
        for (x, px) in row.chunks_exact(3).enumerate() {
            let i = (start + x as isize * step) as usize * 3;
            dst[i..i + 3].copy_from_slice(px);
        }
    }
    canvas
}

/// Where pixel (`x`, `y`) of a `w` x `h` image goes once turned by `orientation` (as
/// `DynamicImage::apply_orientation` turns it: Rotate90 is clockwise).
fn turn(orientation: Orientation, x: usize, y: usize, w: usize, h: usize) -> (usize, usize) {
    match orientation {
        Orientation::NoTransforms => (x, y),
        Orientation::Rotate90 => (h - 1 - y, x),
        Orientation::Rotate180 => (w - 1 - x, h - 1 - y),
        Orientation::Rotate270 => (y, w - 1 - x),
        Orientation::FlipHorizontal => (w - 1 - x, y),
        Orientation::FlipVertical => (x, h - 1 - y),
        Orientation::Rotate90FlipH => (y, x),
        Orientation::Rotate270FlipH => (h - 1 - y, w - 1 - x),
    }
}

pub(crate) fn pad(image: &RgbImage, w: u32, h: u32, background: [u8; 3]) -> RgbImage {
    if image.dimensions() == (w, h) {
        return image.clone();
    }
    let mut canvas = RgbImage::from_pixel(w, h, Rgb(background));
    let x = (w.saturating_sub(image.width())) / 2;
    let y = (h.saturating_sub(image.height())) / 2;
    // Row copies: `imageops::replace` goes pixel by pixel (3% of a whole render).
    let (cw, iw) = (w as usize * 3, image.width().min(w) as usize * 3);
    let src_row = image.width() as usize * 3;
    let dst: &mut [u8] = &mut canvas;
    for (row, src) in image
        .as_raw()
        .chunks_exact(src_row)
        .take(h as usize)
        .enumerate()
    {
        let start = (y as usize + row) * cw + x as usize * 3;
        dst[start..start + iw].copy_from_slice(&src[..iw]);
    }
    canvas
}

/// Cuts a tall image into slices of at most `max_h` rows, top to bottom (one that fits is kept
/// as it is, not copied).
pub(crate) fn slice(image: RgbImage, max_h: u32) -> Vec<RgbImage> {
    if image.height() <= max_h {
        return vec![image];
    }
    let row = image.width() as usize * 3;
    (0..image.height())
        .step_by(max_h as usize)
        .map(|y| {
            let h = max_h.min(image.height() - y);
            let start = y as usize * row;
            let data = image.as_raw()[start..start + h as usize * row].to_vec();
            RgbImage::from_raw(image.width(), h, data).unwrap_or_default()
        })
        .collect()
}

/// 8-bit RGB with any alpha composited onto `background`; borrowed when already RGB8.
pub(crate) fn flatten(image: &DynamicImage, background: [u8; 3]) -> Cow<'_, RgbImage> {
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

/// Resizes a stored (not yet upright) image so that, once turned by `orientation`, it is
/// `w` x `h`; then turns it.
pub(crate) fn resize_upright(
    src: &RgbImage,
    crop: (f64, f64, f64, f64),
    w: u32,
    h: u32,
    orientation: Orientation,
    name: &str,
) -> Result<RgbImage, Error> {
    let (sw, sh) = if swaps_sides(orientation) {
        (h, w)
    } else {
        (w, h)
    };
    Ok(match resize(src, crop, sw, sh, name)? {
        Cow::Owned(resized) => {
            let mut image = DynamicImage::ImageRgb8(resized);
            image.apply_orientation(orientation);
            image.into_rgb8()
        }
        // Already the size (decoded to it): turned from the decoded pixels, no copy first.
        Cow::Borrowed(decoded) => turned(decoded, orientation),
    })
}

/// `image` turned by an EXIF orientation, into a new image (as
/// `DynamicImage::apply_orientation` turns one in place).
fn turned(image: &RgbImage, orientation: Orientation) -> RgbImage {
    use image::imageops::{
        flip_horizontal, flip_horizontal_in_place, rotate90, rotate180, rotate270,
    };
    let flipped = |mut turned: RgbImage| {
        flip_horizontal_in_place(&mut turned);
        turned
    };
    match orientation {
        Orientation::NoTransforms => image.clone(),
        Orientation::Rotate90 => rotate90(image),
        Orientation::Rotate180 => rotate180(image),
        Orientation::Rotate270 => rotate270(image),
        Orientation::FlipHorizontal => flip_horizontal(image),
        Orientation::FlipVertical => image::imageops::flip_vertical(image),
        Orientation::Rotate90FlipH => flipped(rotate90(image)),
        Orientation::Rotate270FlipH => flipped(rotate270(image)),
    }
}

/// Lanczos3 resize of the `crop` window (x, y, w, h in source pixels, fractions allowed) of an
/// RGB8 image to `w` x `h`; the image itself when that is the whole of it at its size.
pub(crate) fn resize<'a>(
    src: &'a RgbImage,
    crop: (f64, f64, f64, f64),
    w: u32,
    h: u32,
    name: &str,
) -> Result<Cow<'a, RgbImage>, Error> {
    let whole = (0.0, 0.0, f64::from(src.width()), f64::from(src.height()));
    if src.dimensions() == (w, h) && crop == whole {
        return Ok(Cow::Borrowed(src));
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
        .resize_alg(fir::ResizeAlg::Convolution(fir::FilterType::Lanczos3))
        .crop(crop.0, crop.1, crop.2, crop.3);
    fir::Resizer::new()
        .resize(&src_view, &mut dst, &options)
        .map_err(|e| fail(e.to_string()))?;
    RgbImage::from_raw(w, h, dst.into_vec())
        .map(Cow::Owned)
        .ok_or_else(|| fail("resized buffer has the wrong size".into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn padding_turns_each_orientation_as_the_image_crate_does() {
        let stored = RgbImage::from_fn(5, 3, |x, y| Rgb([x as u8 * 40, y as u8 * 80, 7]));
        for orientation in [
            Orientation::NoTransforms,
            Orientation::Rotate90,
            Orientation::Rotate180,
            Orientation::Rotate270,
            Orientation::FlipHorizontal,
            Orientation::FlipVertical,
            Orientation::Rotate90FlipH,
            Orientation::Rotate270FlipH,
        ] {
            let mut upright = DynamicImage::ImageRgb8(stored.clone());
            upright.apply_orientation(orientation);
            let expected = pad(&upright.into_rgb8(), 9, 8, [255, 255, 255]);
            let padded = pad_turned(&stored, orientation, 9, 8, [255, 255, 255]);
            assert_eq!(padded, expected, "{orientation:?}");
        }
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
