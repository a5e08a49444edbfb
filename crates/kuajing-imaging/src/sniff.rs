//! Telling what a file is from its first bytes, before any decoder sees it.

use image::ImageFormat;

/// What the first bytes of a file say it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Sniffed {
    /// A format this crate decodes.
    Image(ImageFormat),
    /// An image format we recognise but cannot decode: `format` is its short name and
    /// `message` says what the merchant can do instead.
    Unsupported { format: String, message: String },
    /// Not an image at all; `looks_like` completes "it looks like …".
    NotAnImage { looks_like: String },
}

/// The formats the workspace builds `image` with (see the root Cargo.toml).
const DECODABLE: &[ImageFormat] = &[
    ImageFormat::Jpeg,
    ImageFormat::Png,
    ImageFormat::WebP,
    ImageFormat::Gif,
    ImageFormat::Tiff,
];

pub(crate) fn sniff(bytes: &[u8]) -> Sniffed {
    if let Some(sniffed) = iso_bmff(bytes) {
        return sniffed;
    }
    if bytes.starts_with(b"8BPS") {
        return unsupported(
            "PSD",
            "Photoshop files are not supported; export the photo as JPEG",
        );
    }
    if let Ok(format) = image::guess_format(bytes) {
        if DECODABLE.contains(&format) {
            return Sniffed::Image(format);
        }
        let short = format
            .extensions_str()
            .first()
            .copied()
            .unwrap_or("this")
            .to_uppercase();
        return unsupported(
            &short,
            &format!("{short} images are not supported; export the photo as JPEG or PNG"),
        );
    }
    if bytes.starts_with(b"%PDF") {
        return not_an_image("a PDF document");
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return not_an_image("a ZIP archive");
    }
    if let Some(text) = text_prefix(bytes) {
        let lower = text
            .trim_start_matches('\u{feff}')
            .trim_start()
            .to_ascii_lowercase();
        if lower.contains("<svg") {
            return unsupported(
                "SVG",
                "SVG drawings are not supported; export the picture as PNG or JPEG",
            );
        }
        if lower.starts_with("<!doctype html") || lower.starts_with("<html") {
            return not_an_image("a web page; save the picture itself, not the page");
        }
        return not_an_image("text");
    }
    not_an_image("an unknown kind of file")
}

/// HEIC/HEIF/AVIF and camera containers built on ISO-BMFF: `....ftypBRND`.
fn iso_bmff(bytes: &[u8]) -> Option<Sniffed> {
    if bytes.len() < 12 || &bytes[4..8] != b"ftyp" {
        return None;
    }
    let brand = &bytes[8..12];
    let heic: &[&[u8; 4]] = &[
        b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1",
    ];
    if heic.iter().any(|b| &b[..] == brand) {
        return Some(unsupported(
            "HEIC",
            "HEIC is not supported yet; export the photo as JPEG",
        ));
    }
    if brand == b"avif" || brand == b"avis" {
        return Some(unsupported(
            "AVIF",
            "AVIF is not supported yet; export the photo as JPEG",
        ));
    }
    if brand == b"crx " {
        return Some(unsupported(
            "RAW",
            "camera RAW files are not supported; export the photo as JPEG",
        ));
    }
    Some(not_an_image("a video or other media file"))
}

/// Some text if the first bytes are printable UTF-8 (a cut multi-byte character at the end of
/// the sample is fine).
fn text_prefix(bytes: &[u8]) -> Option<String> {
    let sample = &bytes[..bytes.len().min(512)];
    let text = match std::str::from_utf8(sample) {
        Ok(t) => t,
        Err(e) if e.error_len().is_none() => {
            std::str::from_utf8(&sample[..e.valid_up_to()]).ok()?
        }
        Err(_) => return None,
    };
    let printable = text
        .chars()
        .all(|c| !c.is_control() || matches!(c, '\n' | '\r' | '\t' | '\u{c}'));
    (printable && !text.is_empty()).then(|| text.to_owned())
}

fn unsupported(format: &str, message: &str) -> Sniffed {
    Sniffed::Unsupported {
        format: format.to_owned(),
        message: message.to_owned(),
    }
}

fn not_an_image(looks_like: &str) -> Sniffed {
    Sniffed::NotAnImage {
        looks_like: looks_like.to_owned(),
    }
}

/// Whether a JPEG stream reaches its End Of Image marker.
///
/// `image` 0.25 decodes JPEG with zune-jpeg in lenient mode: a file cut short decodes "fine"
/// and the missing part comes out as flat grey. We walk the marker segments (and the entropy
/// coded data of every scan) and call the file truncated when it ends before EOI. Bytes after
/// EOI (camera trailers, MPF second pictures) are allowed.
pub(crate) fn jpeg_reaches_eoi(bytes: &[u8]) -> bool {
    if !bytes.starts_with(&[0xFF, 0xD8]) {
        return false;
    }
    let mut pos = 2;
    loop {
        // Find the next marker: 0xFF (fill bytes allowed) then a marker code. Stray bytes
        // between segments are skipped, as lenient decoders do.
        match bytes
            .get(pos..)
            .and_then(|rest| rest.iter().position(|&b| b == 0xFF))
        {
            Some(off) => pos += off,
            None => return false,
        }
        while pos < bytes.len() && bytes[pos] == 0xFF {
            pos += 1;
        }
        let Some(&marker) = bytes.get(pos) else {
            return false;
        };
        pos += 1;
        match marker {
            0xD9 => return true,
            // Standalone markers without a length.
            0x01 | 0xD0..=0xD7 => continue,
            _ => {}
        }
        let Some(len) = bytes
            .get(pos..pos + 2)
            .map(|b| usize::from(u16::from_be_bytes([b[0], b[1]])))
        else {
            return false;
        };
        if len < 2 || pos + len > bytes.len() {
            return false;
        }
        pos += len;
        if marker == 0xDA {
            // Entropy-coded data: a 0xFF is followed by 0x00 (stuffing) or a restart marker,
            // anything else is the next real marker.
            loop {
                let Some(off) = memchr::memchr(0xFF, &bytes[pos..]) else {
                    return false;
                };
                pos += off;
                match bytes.get(pos + 1) {
                    None => return false,
                    Some(0x00 | 0xD0..=0xD7 | 0xFF) => pos += 1,
                    Some(_) => break,
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_what_is_not_an_image() {
        assert_eq!(
            sniff(b"Handle,Title\nrainier,Cherries\n"),
            not_an_image("text")
        );
        assert_eq!(
            sniff(b"<!DOCTYPE html><html><body>"),
            not_an_image("a web page; save the picture itself, not the page")
        );
        assert_eq!(
            sniff(b"%PDF-1.7\n%\xE2\xE3"),
            not_an_image("a PDF document")
        );
        assert_eq!(
            sniff(&[0, 1, 2, 3, 200, 201, 202]),
            not_an_image("an unknown kind of file")
        );
        let heic = b"\0\0\0\x18ftypheic\0\0\0\0mif1heic";
        assert!(matches!(sniff(heic), Sniffed::Unsupported { format, .. } if format == "HEIC"));
        assert!(
            matches!(sniff(b"BM\x3a\0\0\0\0\0"), Sniffed::Unsupported { format, .. } if format == "BMP")
        );
        assert!(matches!(
            sniff(b"<?xml version=\"1.0\"?>\n<svg xmlns="),
            Sniffed::Unsupported { format, .. } if format == "SVG"
        ));
        assert_eq!(
            sniff(b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR"),
            Sniffed::Image(ImageFormat::Png)
        );
    }

    #[test]
    fn eoi_walk() {
        // SOI, APP0 (len 4), SOS (len 3 + 1 byte), data with stuffing and RST, EOI.
        let ok = [
            0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0xAA, 0xBB, 0xFF, 0xDA, 0x00, 0x03, 0x01, 0x12,
            0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56, 0xFF, 0xD9,
        ];
        assert!(jpeg_reaches_eoi(&ok));
        for cut in 0..ok.len() {
            assert!(!jpeg_reaches_eoi(&ok[..cut]), "cut at {cut}");
        }
        let mut trailer = ok.to_vec();
        trailer.extend_from_slice(b"camera trailer");
        assert!(jpeg_reaches_eoi(&trailer));
    }
}
