//! Merchant photos in, marketplace-ready images out.
//!
//! This crate owns two things:
//! - **Decoding untrusted photo files safely** ([`decode`], [`decode_file`]): the file size and
//!   the pixel count are checked against [`Limits`] before any pixel buffer is allocated, the
//!   EXIF orientation is applied, and a file that is empty, text, truncated, damaged or of a
//!   format we cannot read gets an [`Error`] that names the file and says what to do.
//! - **Rendering a decoded image into an image slot** ([`render`], [`render_file`],
//!   [`thumbnail`]): fit inside the slot, centred on the background colour, alpha flattened,
//!   16-bit reduced to 8, encoded as JPEG or PNG under the slot's byte cap. Re-encoding drops
//!   every metadata block of the source (EXIF, GPS, XMP, ICC).
//!
//! It must not know marketplaces, the catalog, SQLite or Tauri: the caller maps a marketplace
//! profile's slot to a [`SlotSpec`] and stores the [`Rendered`] bytes wherever it likes.
//!
//! Colour: pixels are taken as sRGB. Embedded ICC profiles (Adobe RGB, Display P3, CMYK) are
//! not converted yet; that is a later issue (see the note in `decode.rs`).

mod decode;
mod error;
mod render;
mod sniff;

pub use decode::{Limits, decode, decode_file};
pub use error::Error;
pub use render::{
    ImageFinding, OutputFormat, Rendered, SlotSpec, render, render_file, render_named, thumbnail,
};

/// Re-exported so callers name the same `image` version as this crate.
pub use image;
