//! Merchant photos in, marketplace-ready images out.
//!
//! This crate owns:
//! - **Decoding untrusted photo files safely** ([`decode`], [`decode_file`]): the file size and
//!   the pixel count are checked against [`Limits`] before any pixel buffer is allocated, the
//!   EXIF orientation is applied, and a file that is empty, text, truncated, damaged or of a
//!   format we cannot read gets an [`Error`] that names the file and says what to do.
//!   A JPEG is decoded by libjpeg-turbo, scaled by 1/2, 1/4 or 1/8 inside the DCT when the slot
//!   needs fewer pixels ([`decode_photo`], [`render_slots`]): that is most of the speed.
//! - **Colour**: embedded ICC profiles (Display P3, Adobe RGB, CMYK and YCCK, Adobe-inverted
//!   or not) are converted to sRGB with a colour management module (moxcms); untagged CMYK uses
//!   the bundled FOGRA39 profile (`assets/icc`).
//! - **Rendering a decoded photo into an image slot** ([`render_photo`], [`render_bytes`],
//!   [`render_file`], [`thumbnail`]): contain on a background, cover-crop (centre or
//!   attention), trim a plain border with a tolerance, width-fit detail images cut into slices;
//!   alpha flattened, 16-bit reduced to 8, a minimum source size (a finding, not a blurry
//!   upscale), JPEG or PNG under the slot's byte cap by a quality search down to a floor.
//!   Re-encoding drops every metadata block of the source (EXIF, GPS, XMP, ICC).
//!
//! It must not know marketplaces, the catalog, SQLite or Tauri: the caller maps a marketplace
//! profile's slot to a [`SlotSpec`] and stores the [`Rendered`] bytes wherever it likes.

mod color;
mod decode;
mod encode;
mod error;
mod jpeg;
mod ops;
mod pixels;
mod render;
mod scaled_jpeg;
mod slot;
mod sniff;

pub use decode::{Limits, Photo, Probe, decode, decode_file, decode_photo, probe};
pub use error::Error;
pub use render::{
    render, render_bytes, render_file, render_named, render_photo, render_slots, thumbnail,
    thumbnail_bytes,
};
pub use scaled_jpeg::fallback::{Fallbacks, fallbacks};
pub use slot::{Crop, Fit, ImageFinding, OutputFormat, Part, Rendered, SlotSpec, Trim};

/// Re-exported so callers name the same `image` version as this crate.
pub use image;

/// Hooks for the fuzz targets in `fuzz/` (feature `fuzzing`): not part of the API.
#[cfg(feature = "fuzzing")]
#[doc(hidden)]
pub mod fuzzing {
    use crate::scaled_jpeg::{Detail, decode_with, libjpeg_turbo_scaled};

    /// A decoded picture: width, height, interleaved RGB or grey bytes.
    pub type Pixels = (usize, usize, Vec<u8>);

    /// Our scaled decoder decoding every coefficient (box-filtered, as libjpeg-turbo's reduced
    /// IDCTs are), and libjpeg-turbo, both at `eighths`/8; `None` when ours declines. Both
    /// decode the same coefficients, so their pixels must agree within rounding.
    pub fn scaled_and_libjpeg_turbo(
        bytes: &[u8],
        eighths: usize,
    ) -> Option<(Pixels, Option<Pixels>)> {
        let ours = decode_with(bytes, eighths, Detail::All).ok()?;
        let theirs = libjpeg_turbo_scaled(bytes, eighths, ours.gray);
        Some((
            (ours.width as usize, ours.height as usize, ours.pixels),
            theirs,
        ))
    }
}
