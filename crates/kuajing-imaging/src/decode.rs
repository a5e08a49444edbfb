//! Decoding untrusted photo bytes within limits.

use std::io::{Cursor, Read};
use std::path::Path;

use image::error::LimitErrorKind;
use image::metadata::Orientation;
use image::{
    ColorType, DynamicImage, ExtendedColorType, ImageDecoder, ImageError, ImageFormat, ImageReader,
    RgbImage,
};

use crate::color::{self, Pixels};
use crate::slot::ImageFinding;
use crate::sniff::{Sniffed, jpeg_reaches_eoi, sniff};
use crate::{Error, jpeg};

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

/// A decoded photo, ready for rendering: 8-bit sRGB (RGB, or RGBA when it has transparency),
/// turned upright. It may be smaller than the file (shrink-on-load): `source_width` and
/// `source_height` are the upright size of the photo itself.
#[derive(Debug, Clone)]
pub struct Photo {
    pub image: DynamicImage,
    pub source_width: u32,
    pub source_height: u32,
    /// Things the merchant may want to know, e.g. a colour profile that could not be used.
    pub notes: Vec<ImageFinding>,
    /// An orientation still to apply. Only [`crate::render_slots`] leaves one, when every slot
    /// can turn the (smaller) resized image instead of the decoded one; every `Photo` handed
    /// out is upright.
    pub(crate) pending: Orientation,
}

impl Photo {
    /// How many photo pixels one decoded pixel stands for, along each side (1 when not shrunk).
    pub fn shrink(&self) -> f64 {
        let decoded_width = if swaps_sides(self.pending) {
            self.image.height()
        } else {
            self.image.width()
        };
        f64::from(self.source_width) / f64::from(decoded_width.max(1))
    }

    /// A photo for already decoded pixels (taken as upright sRGB).
    pub fn from_image(image: DynamicImage) -> Self {
        Photo {
            source_width: image.width(),
            source_height: image.height(),
            image,
            notes: Vec::new(),
            pending: Orientation::NoTransforms,
        }
    }
}

/// The upright size of a photo, read from its header without decoding the pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Probe {
    pub width: u32,
    pub height: u32,
}

/// Decodes a photo file's bytes at full size; `name` is only used in error messages.
///
/// Checks, in order: the file is not empty and not over `limits.max_bytes`; its first bytes are
/// an image format we decode (text, PDF, HEIC… get their own errors); a JPEG reaches its end
/// marker (a truncated JPEG is an error, not a half-grey picture); the header's width × height
/// is within `limits.max_pixels`, before the pixel buffer is allocated. Then it decodes,
/// converts an embedded colour profile (Display P3, Adobe RGB, CMYK…) to sRGB and turns the
/// image the right way round according to its EXIF orientation (1-8).
pub fn decode(bytes: &[u8], name: &str, limits: &Limits) -> Result<DynamicImage, Error> {
    Ok(decode_photo(bytes, name, limits, u32::MAX, u32::MAX)?.image)
}

/// Reads the upright size from the header, with every check [`decode`] makes before decoding.
pub fn probe(bytes: &[u8], name: &str, limits: &Limits) -> Result<Probe, Error> {
    Ok(open(bytes, name, limits)?.upright_size())
}

/// Decodes a photo, as small as it may be while staying at least `min_width` x `min_height`
/// (upright; a JPEG is scaled by 1/8, 1/4, 3/8 or 1/2 inside the decoder, other formats are
/// decoded at full size). Pass `u32::MAX` for the full size.
pub fn decode_photo(
    bytes: &[u8],
    name: &str,
    limits: &Limits,
    min_width: u32,
    min_height: u32,
) -> Result<Photo, Error> {
    decode_source(
        open(bytes, name, limits)?,
        true,
        bytes,
        name,
        Size::AtLeast(min_width, min_height),
    )
}

/// The size a decode is asked for, upright.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Size {
    /// At least this many pixels across and down: shrunk on load where the format allows.
    AtLeast(u32, u32),
    /// Exactly this size, the photo resized to it, where the decoder can do that well (a JPEG
    /// shrunk by 4 or more: see `jpeg::decode_to`); otherwise as `AtLeast`, and the caller
    /// resizes.
    Exactly(u32, u32),
}

/// [`decode_photo`] for a file [`open`] has checked.
pub(crate) fn decode_source(
    source: Source<'_>,
    upright: bool,
    bytes: &[u8],
    name: &str,
    size: Size,
) -> Result<Photo, Error> {
    let mut notes = Vec::new();
    let (stored_w, stored_h) = source.stored_size();
    let (mut image, orientation) = match source {
        Source::Jpeg { header, markers } => {
            let orientation = markers.orientation();
            let stored = |w: u32, h: u32| {
                if swaps_sides(orientation) {
                    (h, w)
                } else {
                    (w, h)
                }
            };
            let decoded = match size {
                Size::AtLeast(w, h) => {
                    let (w, h) = stored(w, h);
                    let eighths = jpeg::pick_scale(&header, w, h);
                    jpeg::decode(bytes, name, &header, eighths, markers.adobe)?
                }
                Size::Exactly(w, h) => {
                    let (w, h) = stored(w, h);
                    jpeg::decode_to(bytes, name, &header, w, h, markers.adobe)?
                }
            };
            let image = from_jpeg(decoded, markers.icc.as_deref(), &mut notes, name)?;
            (image, orientation)
        }
        Source::Other {
            mut decoder,
            format,
        } => {
            let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
            let icc = decoder.icc_profile().ok().flatten();
            let image = if decoder.original_color_type() == ExtendedColorType::Cmyk8 {
                // `image` turns CMYK TIFFs into RGB with the naive formula; read the inks
                // ourselves so they go through the colour profile like CMYK JPEGs.
                drop(decoder);
                cmyk_tiff(bytes, name, icc.as_deref(), &mut notes)?
            } else {
                let image =
                    DynamicImage::from_decoder(decoder).map_err(|e| classify(e, name, format))?;
                to_srgb8(image, icc.as_deref(), &mut notes)
            };
            (image, orientation)
        }
    };
    let pending = if upright {
        image.apply_orientation(orientation);
        Orientation::NoTransforms
    } else {
        orientation
    };
    let (source_width, source_height) = if swaps_sides(orientation) {
        (stored_h, stored_w)
    } else {
        (stored_w, stored_h)
    };
    Ok(Photo {
        image,
        source_width,
        source_height,
        notes,
        pending,
    })
}

/// A photo file whose header has been read and checked, not yet decoded.
pub(crate) enum Source<'a> {
    Jpeg {
        header: jpeg::JpegHeader,
        markers: jpeg::Markers,
    },
    Other {
        decoder: Box<dyn ImageDecoder + 'a>,
        format: ImageFormat,
    },
}

impl Source<'_> {
    fn stored_size(&self) -> (u32, u32) {
        match self {
            Source::Jpeg { header, .. } => (header.width, header.height),
            Source::Other { decoder, .. } => decoder.dimensions(),
        }
    }

    fn orientation(&mut self) -> Orientation {
        match self {
            Source::Jpeg { markers, .. } => markers.orientation(),
            Source::Other { decoder, .. } => {
                decoder.orientation().unwrap_or(Orientation::NoTransforms)
            }
        }
    }

    /// The size once the EXIF orientation is applied.
    pub(crate) fn upright_size(&mut self) -> Probe {
        let (w, h) = self.stored_size();
        if swaps_sides(self.orientation()) {
            Probe {
                width: h,
                height: w,
            }
        } else {
            Probe {
                width: w,
                height: h,
            }
        }
    }
}

/// Every check that can be made before pixels are decoded: size, format, truncation, the
/// pixel budget from the header.
pub(crate) fn open<'a>(bytes: &'a [u8], name: &str, limits: &Limits) -> Result<Source<'a>, Error> {
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
    let source = if format == ImageFormat::Jpeg {
        if !jpeg_reaches_eoi(bytes) {
            return Err(Error::Truncated {
                name: name.to_owned(),
            });
        }
        Source::Jpeg {
            header: jpeg::read_header(bytes, name)?,
            markers: jpeg::read_markers(bytes),
        }
    } else {
        let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
        reader.limits(image_limits(limits));
        let decoder = reader
            .into_decoder()
            .map_err(|e| classify(e, name, format))?;
        Source::Other {
            decoder: Box::new(decoder),
            format,
        }
    };
    // The pixel budget, from the header only: nothing the size of the image exists yet.
    let (width, height) = source.stored_size();
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
    Ok(source)
}

pub(crate) fn swaps_sides(orientation: Orientation) -> bool {
    matches!(
        orientation,
        Orientation::Rotate90
            | Orientation::Rotate270
            | Orientation::Rotate90FlipH
            | Orientation::Rotate270FlipH
    )
}

/// JPEG pixels (RGB, gray or CMYK) to 8-bit sRGB.
fn from_jpeg(
    decoded: jpeg::DecodedJpeg,
    icc: Option<&[u8]>,
    notes: &mut Vec<ImageFinding>,
    name: &str,
) -> Result<DynamicImage, Error> {
    let jpeg::DecodedJpeg {
        width,
        height,
        mut pixels,
        kind,
    } = decoded;
    let rgb = match kind {
        jpeg::JpegPixels::Rgb => {
            if let Some(icc) = icc {
                note(color::rgb_to_srgb(&mut pixels, Pixels::Rgb, icc), notes);
            }
            pixels
        }
        // A gray profile only sets the tone curve; gray is taken as sRGB gray.
        jpeg::JpegPixels::Gray => pixels.iter().flat_map(|&v| [v, v, v]).collect(),
        jpeg::JpegPixels::Cmyk => {
            let (rgb, outcome) = color::cmyk_to_srgb(&pixels, icc);
            note(outcome, notes);
            rgb
        }
    };
    RgbImage::from_raw(width, height, rgb)
        .map(DynamicImage::ImageRgb8)
        .ok_or_else(|| {
            corrupt(
                name,
                ImageFormat::Jpeg,
                "the decoder returned the wrong size",
            )
        })
}

/// An 8-bit CMYK TIFF (0 = no ink, the TIFF default) to sRGB RGB.
fn cmyk_tiff(
    bytes: &[u8],
    name: &str,
    icc: Option<&[u8]>,
    notes: &mut Vec<ImageFinding>,
) -> Result<DynamicImage, Error> {
    let fail = |e: tiff::TiffError| corrupt(name, ImageFormat::Tiff, &e.to_string());
    let mut decoder = tiff::decoder::Decoder::new(Cursor::new(bytes)).map_err(fail)?;
    let (width, height) = decoder.dimensions().map_err(fail)?;
    let cmyk = match decoder.read_image().map_err(fail)? {
        tiff::decoder::DecodingResult::U8(v) if v.len() == width as usize * height as usize * 4 => {
            v
        }
        _ => {
            return Err(Error::UnsupportedFormat {
                name: name.to_owned(),
                format: "TIFF".into(),
                message:
                    "this CMYK TIFF has a layout that is not supported; export the photo as JPEG"
                        .into(),
            });
        }
    };
    let (rgb, outcome) = color::cmyk_to_srgb(&cmyk, icc);
    note(outcome, notes);
    RgbImage::from_raw(width, height, rgb)
        .map(DynamicImage::ImageRgb8)
        .ok_or_else(|| {
            corrupt(
                name,
                ImageFormat::Tiff,
                "the decoder returned the wrong size",
            )
        })
}

/// Any decoded image to 8-bit sRGB: RGBA if it has transparency, RGB otherwise. 16-bit
/// channels are rounded (not truncated) to 8 bits before the colour conversion.
fn to_srgb8(
    image: DynamicImage,
    icc: Option<&[u8]>,
    notes: &mut Vec<ImageFinding>,
) -> DynamicImage {
    let gray = matches!(
        image.color(),
        ColorType::L8 | ColorType::La8 | ColorType::L16 | ColorType::La16
    );
    let mut image = match image {
        DynamicImage::ImageRgb8(_) | DynamicImage::ImageRgba8(_) => image,
        other if other.color().has_alpha() => DynamicImage::ImageRgba8(other.to_rgba8()),
        other => DynamicImage::ImageRgb8(other.to_rgb8()),
    };
    if let (Some(icc), false) = (icc, gray) {
        let outcome = match &mut image {
            DynamicImage::ImageRgb8(rgb) => color::rgb_to_srgb(rgb, Pixels::Rgb, icc),
            DynamicImage::ImageRgba8(rgba) => color::rgb_to_srgb(rgba, Pixels::Rgba, icc),
            _ => color::Outcome::AsIs,
        };
        note(outcome, notes);
    }
    image
}

fn note(outcome: color::Outcome, notes: &mut Vec<ImageFinding>) {
    if let color::Outcome::Ignored(reason) = outcome {
        notes.push(ImageFinding::new(
            "colour-profile-ignored",
            &[("reason", reason)],
        ));
    }
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
