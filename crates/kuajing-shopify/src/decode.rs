//! From bytes to text: refusing files that are not text, stripping a BOM, and deciding the
//! encoding cell by cell.
//!
//! The CSV is split on its bytes (its commas, quotes and line breaks are ASCII, which neither
//! encoding uses inside a character), and then each cell is decoded on its own: a cell that is
//! valid UTF-8 is read as UTF-8, and only a cell that is not is read as Windows-1252 (what
//! Excel on Windows writes for "CSV"). So one stray byte cannot turn a UTF-8 file's Chinese
//! text into mojibake: it changes only its own cell.
//!
//! Which encoding the file as a whole is in is decided at the end, from evidence:
//! - no cell needed Windows-1252: UTF-8;
//! - some did, and a BOM or some cell holds non-ASCII text that is valid UTF-8: a UTF-8 file
//!   with stray bytes, and each converted cell gets a `cell-read-as-windows-1252` warning with
//!   its row and column;
//! - some did and nothing shows UTF-8: a Windows-1252 file (Excel's), with one
//!   `converted-from-windows-1252` note for the file. Reading it per cell gives the same text
//!   as reading it whole, since Windows-1252 text is almost never valid UTF-8 cell by cell.

use std::borrow::Cow;

use crate::SourceEncoding;
use crate::columns::Header;
use crate::problems::{Code, Problems};

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

/// The bytes to read as CSV, without their BOM, and whether there was one. `Err` when the
/// bytes are empty or binary.
pub(crate) fn prepare(bytes: &[u8]) -> Result<(&[u8], bool), Refusal> {
    let (bytes, bom) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (rest, true),
        None => (bytes, false),
    };
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Refusal::Empty);
    }
    if looks_binary(bytes) {
        return Err(Refusal::Binary);
    }
    Ok((bytes, bom))
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

/// What a cell's bytes turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Ascii,
    /// Valid UTF-8 with at least one non-ASCII character.
    Utf8,
    /// Not valid UTF-8, so read as Windows-1252.
    Windows1252,
}

/// One cell's text: borrowed when it is UTF-8, decoded from Windows-1252 otherwise.
pub(crate) fn text(bytes: &[u8]) -> (Cow<'_, str>, Kind) {
    match std::str::from_utf8(bytes) {
        Ok(text) if text.is_ascii() => (Cow::Borrowed(text), Kind::Ascii),
        Ok(text) => (Cow::Borrowed(text), Kind::Utf8),
        Err(_) => {
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            (Cow::Owned(text.into_owned()), Kind::Windows1252)
        }
    }
}

/// `text` without surrounding whitespace, keeping it borrowed when it was.
pub(crate) fn trimmed(text: Cow<'_, str>) -> Cow<'_, str> {
    match text {
        Cow::Borrowed(text) => Cow::Borrowed(text.trim()),
        Cow::Owned(text) if text.trim().len() == text.len() => Cow::Owned(text),
        Cow::Owned(text) => Cow::Owned(text.trim().to_owned()),
    }
}

/// `true` when the cell holds only whitespace, in either encoding. Most cells are settled by
/// their first visible ASCII byte, without decoding.
pub(crate) fn is_blank(bytes: &[u8]) -> bool {
    if bytes
        .iter()
        .any(|b| b.is_ascii() && !b.is_ascii_whitespace())
    {
        return false;
    }
    bytes.is_ascii() || text(bytes).0.trim().is_empty()
}

/// A cell read as Windows-1252: where it is, and the start of its text.
#[derive(Debug)]
struct Converted {
    row: usize,
    column: usize,
    value: String,
}

/// The evidence for the file's encoding, gathered cell by cell.
#[derive(Debug)]
pub(crate) struct Tracker {
    /// A BOM, or a cell of valid non-ASCII UTF-8.
    saw_utf8: bool,
    /// The first converted cells (up to the per-code problem limit), and how many there were.
    converted: Vec<Converted>,
    total: usize,
    keep: usize,
}

impl Tracker {
    /// `keep`: how many converted cells to remember for their warnings.
    pub(crate) fn new(bom: bool, keep: usize) -> Tracker {
        Tracker {
            saw_utf8: bom,
            converted: Vec::new(),
            total: 0,
            keep,
        }
    }

    /// The trimmed text of the cell at `row` and column index `column`.
    pub(crate) fn cell<'b>(&mut self, bytes: &'b [u8], row: usize, column: usize) -> Cow<'b, str> {
        let (text, kind) = text(bytes);
        let text = trimmed(text);
        match kind {
            Kind::Ascii => {}
            Kind::Utf8 => self.saw_utf8 = true,
            Kind::Windows1252 => {
                self.total += 1;
                if self.converted.len() < self.keep {
                    let value = crate::problems::preview(&text).into_owned();
                    self.converted.push(Converted { row, column, value });
                }
            }
        }
        text
    }

    /// The file's encoding, with its problems: a warning per converted cell in a UTF-8 file,
    /// or one for the whole file in a Windows-1252 one.
    pub(crate) fn finish(self, header: &Header, problems: &mut Problems) -> SourceEncoding {
        if self.total == 0 {
            return SourceEncoding::Utf8;
        }
        if !self.saw_utf8 {
            problems.push(0, None, Code::ConvertedFromWindows1252, &[]);
            return SourceEncoding::Windows1252;
        }
        let code = Code::CellReadAsWindows1252;
        for cell in &self.converted {
            let column = header.columns.get(cell.column).map(|c| c.name.as_str());
            let args = [
                ("column", column.unwrap_or_default()),
                ("value", cell.value.as_str()),
            ];
            problems.push(cell.row, column, code, &args);
        }
        problems.not_listed(code, self.total - self.converted.len());
        SourceEncoding::Utf8
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_is_stripped_and_noted() {
        assert_eq!(
            prepare(b"\xEF\xBB\xBFHandle,Title\n").unwrap(),
            (&b"Handle,Title\n"[..], true)
        );
        assert_eq!(prepare(b"Handle\n").unwrap(), (&b"Handle\n"[..], false));
    }

    #[test]
    fn cells_decode_on_their_own() {
        assert_eq!(text(b"abc"), (Cow::Borrowed("abc"), Kind::Ascii));
        assert_eq!(text("樱桃".as_bytes()), (Cow::Borrowed("樱桃"), Kind::Utf8));
        let (cp1252, kind) = text(b"Cr\xE8me br\xFBl\xE9e \x80 \x93x\x94");
        assert_eq!(cp1252, "Crème brûlée € “x”");
        assert_eq!(kind, Kind::Windows1252);
    }

    #[test]
    fn blank_cells() {
        assert!(is_blank(b""));
        assert!(is_blank(b" \t"));
        assert!(is_blank("\u{3000}".as_bytes()));
        // 0xA0 alone is Windows-1252's no-break space.
        assert!(is_blank(b" \xA0 "));
        assert!(!is_blank(b" x"));
        assert!(!is_blank("樱".as_bytes()));
    }

    #[test]
    fn trimming_keeps_borrowed_text_borrowed() {
        assert!(matches!(trimmed(Cow::Borrowed(" a ")), Cow::Borrowed("a")));
        assert_eq!(trimmed(Cow::Owned(" é ".to_owned())), "é");
    }

    #[test]
    fn refusals() {
        assert_eq!(prepare(b""), Err(Refusal::Empty));
        assert_eq!(prepare(b" \r\n\t\n"), Err(Refusal::Empty));
        assert_eq!(prepare(b"\xEF\xBB\xBF"), Err(Refusal::Empty));
        assert_eq!(prepare(b"\x89PNG\r\n\x1a\n"), Err(Refusal::Binary));
        assert_eq!(prepare(b"PK\x03\x04xl/workbook.xml"), Err(Refusal::Binary));
        assert_eq!(prepare(b"Handle,Title\nx,\x00y\n"), Err(Refusal::Binary));
        assert_eq!(prepare(b"\x01\x02\x03\x04abc"), Err(Refusal::Binary));
        // UTF-16 (Excel's "Unicode Text") is not a CSV we read.
        assert_eq!(prepare(b"\xFF\xFEH\x00a\x00"), Err(Refusal::Binary));
    }
}
