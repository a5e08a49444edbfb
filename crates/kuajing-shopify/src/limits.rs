//! How big a file the parser reads, and why.
//!
//! Within these limits parsing is linear in the file's size: the header is matched in one
//! pass, each row costs the cells it holds (not the header's width), and a product keeps only
//! its filled cells. Past a limit the file gets an error-level problem with its row (and
//! column, for a cell) instead of a hang:
//!
//! | limit | value | code | then |
//! |---|---|---|---|
//! | cells in a record | 1,000 | `too-many-columns` (header or data row) | reading stops before that record |
//! | characters in a column name | 255 | `column-name-too-long` (header row) | the column is named by its letter |
//! | bytes in one cell | 1 MiB | `cell-too-large` (row and column) | the cell is cut there |
//! | data rows | 200,000 | `too-many-rows` (the first row past it) | reading stops |
//! | filled cells | 2,000,000 | `too-many-cells` (the row past it) | reading stops |
//! | problems of one code | 1,000 | `more-problems` (row 0, that code's severity) | the rest are counted |
//!
//! When reading stops, the file has no products (nothing of it could be imported anyway).
//!
//! Why these numbers:
//! - Shopify's export has about 50 columns, plus one per metafield and two per market price
//!   list (the real store in `tests/fixtures` has 63). A record wider than 1,000 cells is not an
//!   export, and is not even handed to the CSV reader, which keeps 8 bytes and more for each
//!   cell of a record: a 10 MB line of commas took 400 MB.
//! - Column names are copied into every attribute they name. Shopify's longest (metafields
//!   with their namespace) run to about 115 characters; 255 is Shopify's own limit for names.
//! - Excel keeps at most 32,767 characters in a cell, and Shopify descriptions are far shorter;
//!   1 MiB is 8 times Excel's limit even in Chinese. A bigger cell is almost always a quote that
//!   is never closed, which makes the rest of the file one cell: the problem points at it.
//! - 2,000,000 filled cells is about 60 MB of real export (32 bytes and 14 filled cells a row
//!   in the real one), some 20,000 products: twice the 10,000-product export the importer is
//!   sized for. Every filled cell is kept as a value of about 110 bytes, column name included,
//!   so this is what bounds memory (about 220 MB for real cells, and 700 MB at worst, for
//!   one-letter cells under 255-character column names).
//! - 200,000 rows is more than that real data reaches under the cell limit; it bounds files
//!   of nearly empty rows, where each row is a product of about 1 KB.
//! - Problems: a few thousand are more than anyone reads, and each holds copies of its cells.

/// The limits one parse works within. [`Limits::DEFAULT`] is what [`crate::parse`] uses; tests
/// lower them to keep their inputs small.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Limits {
    pub columns: usize,
    pub column_name_chars: usize,
    pub cell_bytes: usize,
    pub rows: usize,
    pub cells: usize,
    pub problems_per_code: usize,
}

impl Limits {
    pub(crate) const DEFAULT: Limits = Limits {
        columns: 1_000,
        column_name_chars: 255,
        cell_bytes: 1024 * 1024,
        rows: 200_000,
        cells: 2_000_000,
        problems_per_code: 1_000,
    };
}

/// `bytes` cut to at most `max`, stepping back (at most three bytes) so a UTF-8 character is not
/// split.
pub(crate) fn cut(bytes: &[u8], max: usize) -> &[u8] {
    if bytes.len() <= max {
        return bytes;
    }
    let mut end = max;
    while end > 0 && max - end < 3 && bytes[end] & 0xC0 == 0x80 {
        end -= 1;
    }
    &bytes[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_between_characters() {
        assert_eq!(cut(b"abcdef", 10), b"abcdef");
        assert_eq!(cut(b"abcdef", 3), b"abc");
        let cherries = "樱桃".as_bytes(); // three bytes each
        assert_eq!(cut(cherries, 4), "樱".as_bytes());
        assert_eq!(cut(cherries, 3), "樱".as_bytes());
        assert_eq!(cut(cherries, 2), b"");
        // Windows-1252 bytes are whole characters: at most three are given up.
        assert_eq!(cut(b"\x80\x80\x80\x80\x80\x80", 5).len(), 2);
    }
}
