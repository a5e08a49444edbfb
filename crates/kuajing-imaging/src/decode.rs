//! Decoding untrusted photo bytes within limits.

use std::io::{Cursor, Read};
use std::path::Path;

use image::error::LimitErrorKind;
use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageError, ImageFormat, ImageReader};

use crate::Error;
use crate::sniff::{Sniffed, jpeg_reaches_eoi, sniff};

/// How much a single photo may cost to decode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Width × height, checked from the file header before any pixel buffer is allocated.
    pub max_pixels: u64,
    /// Size of the file itself.
    pub max_bytes: u64,
}

impl Default for Limits {
    /// 100 megapixels (a 108 MP phone photo is 12000x9000) and 64 MiB.
    fn default() -> Self {
        Limits {
            max_pixels: 100_000_000,
            max_bytes: 64 * 1024 * 1024,
        }
    }
}

/// Decodes a photo file's bytes; `name` is only used in error messages.
///
/// Checks, in order: the file is not empty and not over `limits.max_bytes`; its first bytes are
/// an image format we decode (text, PDF, HEIC… get their own errors); a JPEG reaches its end
/// marker (a truncated JPEG is an error, not a half-grey picture); the header's width × height
/// is within `limits.max_pixels`, before the pixel buffer is allocated. Then it decodes and
/// turns the image the right way round according to its EXIF orientation (1-8).
pub fn decode(bytes: &[u8], name: &str, limits: &Limits) -> Result<DynamicImage, Error> {
    if bytes.is_empty() {
        return Err(Error::Empty {
            name: name.to_owned(),
        });
    }
    let size = bytes.len() as u64;
    if size > limits.max_bytes {
        return Err(Error::TooLargeFile {
            name: name.to_owned(),
            size,
            limit: limits.max_bytes,
        });
    }
    let format = match sniff(bytes) {
        Sniffed::Image(format) => format,
        Sniffed::Unsupported { format, message } => {
            return Err(Error::UnsupportedFormat {
                name: name.to_owned(),
                format,
                message,
            });
        }
        Sniffed::NotAnImage { looks_like } => {
            return Err(Error::NotAnImage {
                name: name.to_owned(),
                looks_like,
            });
        }
    };
    if format == ImageFormat::Jpeg && !jpeg_reaches_eoi(bytes) {
        return Err(Error::Truncated {
            name: name.to_owned(),
        });
    }

    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    reader.limits(image_limits(limits));
    let mut decoder = reader
        .into_decoder()
        .map_err(|e| classify(e, name, format))?;

    // The pixel budget, from the header only: nothing the size of the image exists yet.
    let (width, height) = decoder.dimensions();
    if u64::from(width) * u64::from(height) > limits.max_pixels {
        return Err(Error::TooManyPixels {
            name: name.to_owned(),
            width,
            height,
            limit: limits.max_pixels,
        });
    }
    if width == 0 || height == 0 {
        return Err(corrupt(name, format, "the image has no pixels"));
    }

    // A damaged EXIF block should not cost the merchant the photo: fall back to "as stored".
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);

    // Colour: the embedded ICC profile (decoder.icc_profile()) is ignored for now and the pixels
    // are taken as sRGB, which is what marketplaces expect. Adobe RGB / Display P3 photos come
    // out slightly dull and CMYK JPEGs are converted naively. Converting with a colour
    // management module (moxcms or lcms2) is a later issue.
    let mut image = DynamicImage::from_decoder(decoder).map_err(|e| classify(e, name, format))?;
    image.apply_orientation(orientation);
    Ok(image)
}

/// Reads and decodes a photo file; the size limit is checked before the file is read.
pub fn decode_file(path: &Path, limits: &Limits) -> Result<DynamicImage, Error> {
    let name = display_name(path);
    let bytes = read_limited(path, &name, limits.max_bytes)?;
    decode(&bytes, &name, limits)
}

/// The file name for messages (the whole path if it has none).
pub(crate) fn display_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

pub(crate) fn read_limited(path: &Path, name: &str, max_bytes: u64) -> Result<Vec<u8>, Error> {
    let io = |source| Error::Io {
        name: name.to_owned(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let size = file.metadata().map_err(io)?.len();
    if size > max_bytes {
        return Err(Error::TooLargeFile {
            name: name.to_owned(),
            size,
            limit: max_bytes,
        });
    }
    // The file may grow between the metadata call and the read: never read past the cap + 1.
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(io)?;
    let read = bytes.len() as u64;
    if read > max_bytes {
        return Err(Error::TooLargeFile {
            name: name.to_owned(),
            size: read,
            limit: max_bytes,
        });
    }
    Ok(bytes)
}

/// The limits handed to the `image` decoders. Our own pixel check runs after the header is read;
/// these are a second line for allocations inside the decoders (PNG text chunks, GIF frames…):
/// room for the largest allowed image at 16-bit RGBA plus slack.
fn image_limits(limits: &Limits) -> image::Limits {
    let mut l = image::Limits::default();
    l.max_image_width = None;
    l.max_image_height = None;
    l.max_alloc = Some(limits.max_pixels.saturating_mul(8).saturating_add(64 << 20));
    l
}

fn format_name(format: ImageFormat) -> String {
    format
        .extensions_str()
        .first()
        .copied()
        .unwrap_or("image")
        .to_uppercase()
}

fn corrupt(name: &str, format: ImageFormat, detail: &str) -> Error {
    Error::Corrupt {
        name: name.to_owned(),
        format: format_name(format),
        detail: detail.to_owned(),
    }
}

/// Maps an `image` error to ours, telling a file cut short from a damaged one.
fn classify(e: ImageError, name: &str, format: ImageFormat) -> Error {
    let mut chain = e.to_string();
    let mut source = std::error::Error::source(&e);
    while let Some(s) = source {
        let text = s.to_string();
        if !chain.contains(&text) {
            chain.push_str(": ");
            chain.push_str(&text);
        }
        source = s.source();
    }
    let lower = chain.to_ascii_lowercase();
    let cut_short = [
        "eof",
        "end of file",
        "unexpected end",
        "no more bytes",
        "truncated",
    ]
    .iter()
    .any(|w| lower.contains(w));
    match e {
        ImageError::IoError(ref io) if io.kind() == std::io::ErrorKind::UnexpectedEof => {
            Error::Truncated {
                name: name.to_owned(),
            }
        }
        ImageError::Decoding(_) | ImageError::IoError(_) if cut_short => Error::Truncated {
            name: name.to_owned(),
        },
        ImageError::Unsupported(_) => Error::UnsupportedFormat {
            name: name.to_owned(),
            format: format_name(format),
            message: format!(
                "this {} file uses a feature that is not supported ({chain}); export the photo as JPEG",
                format_name(format)
            ),
        },
        ImageError::Limits(ref l) if matches!(l.kind(), LimitErrorKind::InsufficientMemory) => {
            corrupt(
                name,
                format,
                "it asks for more memory than a photo of its size can need",
            )
        }
        _ => corrupt(name, format, &chain),
    }
}
