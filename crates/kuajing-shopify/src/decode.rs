//! From bytes to text: refusing files that are not text, stripping a BOM, and falling back to
//! Windows-1252 (what Excel on Windows writes for "CSV") when the bytes are not UTF-8.

use crate::SourceEncoding;

/// How much of the start of the file the binary checks look at.
const SNIFF_LEN: usize = 8192;

/// Signatures of files merchants pick by mistake: images, PDFs, Excel and Numbers workbooks,
/// and UTF-16 text (Excel's "Unicode Text").
const MAGIC: &[&[u8]] = &[
    b"\x89PNG",
    b"\xFF\xD8\xFF",
    b"%PDF",
    b"PK\x03\x04",
    b"\xD0\xCF\x11\xE0",
    b"\xFF\xFE",
    b"\xFE\xFF",
];

/// Why the bytes are not text we can read.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Refusal {
    Empty,
    Binary,
}

/// `Err` when the bytes are empty or binary; otherwise the text and how it was encoded.
pub(crate) fn decode(bytes: &[u8]) -> Result<(String, SourceEncoding), Refusal> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Refusal::Empty);
    }
    if looks_binary(bytes) {
        return Err(Refusal::Binary);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok((text.to_owned(), SourceEncoding::Utf8)),
        Err(_) => {
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            Ok((text.into_owned(), SourceEncoding::Windows1252))
        }
    }
}

/// A NUL byte anywhere, a known binary signature, or more than 1% control characters in the
/// first 8 KB. Text files never hold NUL; tabs, line breaks and form feeds are not counted.
fn looks_binary(bytes: &[u8]) -> bool {
    if bytes.contains(&0) || MAGIC.iter().any(|magic| bytes.starts_with(magic)) {
        return true;
    }
    let head = &bytes[..bytes.len().min(SNIFF_LEN)];
    let controls = head
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C)) || b == 0x7F)
        .count();
    controls * 100 > head.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(
            decode(b"\xEF\xBB\xBFHandle,Title\n").unwrap(),
            ("Handle,Title\n".to_owned(), SourceEncoding::Utf8)
        );
        assert_eq!(decode("a,é\n".as_bytes()).unwrap().1, SourceEncoding::Utf8);
    }

    #[test]
    fn windows_1252_fallback() {
        let (text, encoding) = decode(b"Cr\xE8me br\xFBl\xE9e \x80 \x93x\x94").unwrap();
        assert_eq!(text, "Crème brûlée € “x”");
        assert_eq!(encoding, SourceEncoding::Windows1252);
    }

    #[test]
    fn refusals() {
        assert_eq!(decode(b""), Err(Refusal::Empty));
        assert_eq!(decode(b" \r\n\t\n"), Err(Refusal::Empty));
        assert_eq!(decode(b"\xEF\xBB\xBF"), Err(Refusal::Empty));
        assert_eq!(decode(b"\x89PNG\r\n\x1a\n"), Err(Refusal::Binary));
        assert_eq!(decode(b"PK\x03\x04xl/workbook.xml"), Err(Refusal::Binary));
        assert_eq!(decode(b"Handle,Title\nx,\x00y\n"), Err(Refusal::Binary));
        assert_eq!(decode(b"\x01\x02\x03\x04abc"), Err(Refusal::Binary));
        // UTF-16 (Excel's "Unicode Text") is not a CSV we read.
        assert_eq!(decode(b"\xFF\xFEH\x00a\x00"), Err(Refusal::Binary));
    }
}
