//! Records out of the CSV bytes: each with its spreadsheet row, its cells decoded one by one
//! (see [`crate::decode`]) and cut to the cell limit.
//!
//! The CSV reader keeps where every cell of the record it reads ends (8 bytes a cell, more while
//! that list grows: a 10 MB line of commas took 400 MB), so a record of millions of empty cells
//! would take gigabytes before any limit could be checked.
//! [`find_wide`] first finds, without storing anything, the first record with too many cells;
//! the reader then stops before it.

use std::borrow::Cow;

use crate::decode::{self, Tracker};
use crate::limits;

/// A CSV reader over the file's bytes.
#[derive(Debug)]
pub(crate) struct Reader<'a> {
    csv: csv::Reader<&'a [u8]>,
    record: csv::ByteRecord,
    rows: RowCounter<'a>,
    cell_bytes: usize,
}

/// The decoded cells of a record, and the cells that were over the limit (index and size).
#[derive(Debug)]
pub(crate) struct Cells<'r> {
    pub text: Vec<Cow<'r, str>>,
    pub oversized: Vec<(usize, usize)>,
}

impl<'a> Reader<'a> {
    /// Reads the records in `bytes[..end]`, cutting cells to `cell_bytes`.
    pub(crate) fn new(bytes: &'a [u8], end: usize, cell_bytes: usize) -> Reader<'a> {
        let csv = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(&bytes[..end.min(bytes.len())]);
        Reader {
            csv,
            record: csv::ByteRecord::new(),
            rows: RowCounter::new(bytes),
            cell_bytes,
        }
    }

    /// Moves to the next record and returns its row, or `None` at the end of the file.
    /// How far into the text reading has come, in bytes.
    pub(crate) fn byte(&self) -> u64 {
        self.csv.position().byte()
    }

    pub(crate) fn next(&mut self) -> Result<Option<usize>, csv::Error> {
        if !self.csv.read_byte_record(&mut self.record)? {
            return Ok(None);
        }
        Ok(Some(self.rows.next(&self.record)))
    }

    /// The row of a record starting at byte `start`, past the records read so far.
    pub(crate) fn row_at(&mut self, start: usize) -> usize {
        self.rows.row_at(start)
    }

    /// The number of cells in the record.
    pub(crate) fn len(&self) -> usize {
        self.record.len()
    }

    /// `true` when every cell is blank.
    pub(crate) fn is_blank(&self) -> bool {
        self.record.iter().all(decode::is_blank)
    }

    /// The non-blank cells from index `width` on.
    pub(crate) fn extra(&self, width: usize) -> usize {
        self.record
            .iter()
            .skip(width)
            .filter(|cell| !decode::is_blank(cell))
            .count()
    }

    /// The first `width` cells (fewer when the record is shorter), trimmed, as the record at
    /// `row`.
    pub(crate) fn cells(&self, row: usize, width: usize, tracker: &mut Tracker) -> Cells<'_> {
        let mut oversized = Vec::new();
        let text = self
            .record
            .iter()
            .take(width)
            .enumerate()
            .map(|(column, bytes)| {
                if bytes.len() > self.cell_bytes {
                    oversized.push((column, bytes.len()));
                }
                tracker.cell(limits::cut(bytes, self.cell_bytes), row, column)
            })
            .collect();
        Cells { text, oversized }
    }
}

/// Spreadsheet row numbers: one more than the line breaks before a record, less those inside
/// quoted cells of the records before it. Blank lines (which the CSV reader skips) still count,
/// as a spreadsheet shows them as empty rows.
///
/// The reader's own line numbers are not used: they leave out blank lines, and after a CRLF
/// they point at the `\n` of the previous line.
#[derive(Debug)]
struct RowCounter<'t> {
    text: &'t [u8],
    /// Line breaks in `text[..counted_to]`.
    breaks: usize,
    counted_to: usize,
    /// Line breaks inside the cells of the records read so far.
    embedded: usize,
    records: usize,
}

impl<'t> RowCounter<'t> {
    fn new(text: &'t [u8]) -> RowCounter<'t> {
        RowCounter {
            text,
            breaks: 0,
            counted_to: 0,
            embedded: 0,
            records: 0,
        }
    }

    fn next(&mut self, record: &csv::ByteRecord) -> usize {
        self.records += 1;
        let row = match record
            .position()
            .and_then(|p| usize::try_from(p.byte()).ok())
        {
            Some(start) => self.row_at(start),
            None => self.records,
        };
        self.embedded += record.as_slice().iter().filter(|&&b| b == b'\n').count();
        row
    }

    fn row_at(&mut self, mut start: usize) -> usize {
        // Step over the terminator remains and blank lines the reader skipped.
        while start < self.text.len() && matches!(self.text[start], b'\r' | b'\n') {
            start += 1;
        }
        if let Some(skipped) = self.text.get(self.counted_to..start) {
            self.breaks += skipped.iter().filter(|&&b| b == b'\n').count();
            self.counted_to = start;
        }
        (self.breaks + 1).saturating_sub(self.embedded)
    }
}

/// A record with more cells than the limit.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Wide {
    /// Where the record starts.
    pub start: usize,
    /// Where its first cell past the limit ends: `bytes[start..cut]` holds the record's first
    /// `max + 1` cells.
    pub cut: usize,
    /// How many cells it has.
    pub cells: usize,
}

/// The first record with more than `max` cells, read by the rules the CSV reader follows with
/// its default settings: a cell that starts with `"` is quoted until a `"` that is not doubled;
/// `,` ends a cell; `\r` or `\n` ends a record; line breaks between records are skipped.
pub(crate) fn find_wide(bytes: &[u8], max: usize) -> Option<Wide> {
    #[derive(Clone, Copy, PartialEq, Eq)]
    enum State {
        Between,
        Start,
        Field,
        Quoted,
        QuoteInQuoted,
    }
    let mut state = State::Between;
    let (mut start, mut cells, mut cut) = (0, 0, None);
    for (i, &b) in bytes.iter().enumerate() {
        if state == State::Between {
            if matches!(b, b'\r' | b'\n') {
                continue;
            }
            (start, cells, cut) = (i, 1, None);
            state = State::Start;
        }
        state = match (state, b) {
            (State::Quoted, b'"') => State::QuoteInQuoted,
            (State::Quoted, _) => State::Quoted,
            (State::Start, b'"') | (State::QuoteInQuoted, b'"') => State::Quoted,
            (_, b',') => {
                cells += 1;
                if cells == max + 2 {
                    cut = Some(i);
                }
                State::Start
            }
            (_, b'\r' | b'\n') => {
                if cells > max {
                    let cut = cut.unwrap_or(i);
                    return Some(Wide { start, cut, cells });
                }
                State::Between
            }
            _ => State::Field,
        };
    }
    (state != State::Between && cells > max).then(|| Wide {
        start,
        cut: cut.unwrap_or(bytes.len()),
        cells,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cell counts the CSV reader finds, for comparison.
    fn csv_counts(bytes: &[u8]) -> Vec<usize> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(bytes);
        reader.byte_records().map(|r| r.unwrap().len()).collect()
    }

    #[test]
    fn wide_records_are_counted_like_the_reader_does() {
        let text: &[u8] =
            b"a,b\r\n\r\n\"x,\ny\"\"\",z\nq,w\"e,r\"t,\"\"\n,,,,\n\"u\"v,w\n\"open,,,";
        assert_eq!(csv_counts(text), [2, 2, 4, 5, 2, 1]);
        assert_eq!(find_wide(text, 5), None);
        let wide = find_wide(text, 4).unwrap();
        assert_eq!(&text[wide.start..wide.cut], b",,,,");
        assert_eq!(wide.cells, 5);
        let wide = find_wide(text, 3).unwrap();
        assert_eq!(&text[wide.start..wide.cut], b"q,w\"e,r\"t,\"\"");
        assert_eq!(wide.cells, 4);
        // The first cell past the limit ends at the cut.
        let wide = find_wide(text, 2).unwrap();
        assert_eq!(&text[wide.start..wide.cut], b"q,w\"e,r\"t");
        assert_eq!(find_wide(b"a,b,c", 2).unwrap().cut, 5);
    }

    #[test]
    fn rows_of_a_record_not_read() {
        let text = b"a,b\n\"x\ny\",z\n\nwide";
        let mut reader = Reader::new(text, 13, 100);
        assert_eq!(reader.next().unwrap(), Some(1));
        assert_eq!(reader.next().unwrap(), Some(2));
        assert_eq!(reader.next().unwrap(), None);
        // Row 3 is the blank line.
        assert_eq!(reader.row_at(13), 4);
    }
}
