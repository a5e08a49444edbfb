//! Listing sheets in the file formats marketplaces take: CSV (UTF-8 with a byte-order mark),
//! XLSX, and the 淘宝助理 CSV (`version 1.00`, keys, headers, tab-separated UTF-16). A sheet is
//! text cells in rows; which columns are numbers is said by the caller, so XLSX stores them
//! as numbers and the CSVs write them as given. Every writer gives the same bytes for the same
//! table (no timestamps).

use crate::Error;

/// A sheet to write: optional keys row (API field names), headers, rows of text cells, and
/// which columns hold numbers.
#[derive(Debug, Clone, Copy)]
pub struct Table<'a> {
    pub keys: Option<&'a [String]>,
    pub headers: &'a [String],
    pub rows: &'a [Vec<String>],
    /// Per column: the cells are numbers (an empty cell stays empty).
    pub numeric: &'a [bool],
}

impl Table<'_> {
    fn lines(&self) -> impl Iterator<Item = &[String]> {
        self.keys
            .into_iter()
            .chain(std::iter::once(self.headers))
            .chain(self.rows.iter().map(Vec::as_slice))
    }
}

/// A CSV in UTF-8 with a byte-order mark (so Excel shows Chinese), CRLF line ends, a cell
/// that a spreadsheet would evaluate (`=`, `+`, `-`, `@` not a number) prefixed with `'`.
pub fn csv(table: &Table<'_>) -> Vec<u8> {
    let mut out = vec![0xEF, 0xBB, 0xBF];
    for line in table.lines() {
        let cells: Vec<String> = line.iter().map(|c| csv_cell(c, ',')).collect();
        out.extend_from_slice(cells.join(",").as_bytes());
        out.extend_from_slice(b"\r\n");
    }
    out
}

pub(crate) fn csv_cell(value: &str, separator: char) -> String {
    let formula = value.starts_with(['=', '+', '-', '@']) && value.parse::<f64>().is_err();
    let value = if formula {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    if value.contains([separator, '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

/// The 淘宝助理 "version 1.00" CSV: the version line, the keys, the headers, then the rows;
/// tab-separated, CRLF, UTF-16 little-endian with a byte-order mark (docs/marketplaces.md,
/// "淘宝助理 CSV"). As in 淘宝助理's own exports, a data row's text cells are in double quotes
/// (quotes doubled; they may hold tabs and line breaks) and its numbers are not.
pub fn taobao_assistant(table: &Table<'_>) -> Vec<u8> {
    let mut text = String::from("version 1.00\r\n");
    let heads = table.keys.into_iter().chain(std::iter::once(table.headers));
    for line in heads {
        let cells: Vec<String> = line.iter().map(|c| csv_cell(c, '\t')).collect();
        text.push_str(&cells.join("\t"));
        text.push_str("\r\n");
    }
    for row in table.rows {
        let cells: Vec<String> = row
            .iter()
            .enumerate()
            .map(|(i, cell)| {
                let number = table.numeric.get(i).copied().unwrap_or(false);
                if number || cell.is_empty() {
                    cell.clone()
                } else {
                    format!("\"{}\"", cell.replace('"', "\"\""))
                }
            })
            .collect();
        text.push_str(&cells.join("\t"));
        text.push_str("\r\n");
    }
    let mut out = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        out.extend_from_slice(&unit.to_le_bytes());
    }
    out
}

/// One worksheet named `sheet_name`: the keys row (if any) and headers in bold, numbers as
/// numbers, the header rows frozen. The document's dates are fixed so the bytes repeat.
pub fn xlsx(table: &Table<'_>, sheet_name: &str) -> Result<Vec<u8>, Error> {
    use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook};
    let fail = |e: rust_xlsxwriter::XlsxError| Error::Sheet(e.to_string());
    let mut workbook = Workbook::new();
    let created = ExcelDateTime::from_ymd(2000, 1, 1).map_err(fail)?;
    workbook.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let sheet = workbook.add_worksheet();
    sheet.set_name(sheet_name).map_err(fail)?;
    let bold = Format::new().set_bold();
    let mut row: u32 = 0;
    for line in table.keys.into_iter().chain(std::iter::once(table.headers)) {
        for (col, cell) in line.iter().enumerate() {
            sheet
                .write_string_with_format(row, column(col)?, cell, &bold)
                .map_err(fail)?;
        }
        row += 1;
    }
    sheet.set_freeze_panes(row, 0).map_err(fail)?;
    for cells in table.rows {
        for (col, cell) in cells.iter().enumerate() {
            if cell.is_empty() {
                continue;
            }
            let number = table
                .numeric
                .get(col)
                .copied()
                .unwrap_or(false)
                .then(|| cell.parse::<f64>().ok())
                .flatten();
            match number {
                Some(n) => sheet.write_number(row, column(col)?, n),
                None => sheet.write_string(row, column(col)?, cell),
            }
            .map_err(fail)?;
        }
        row += 1;
    }
    workbook.save_to_buffer().map_err(fail)
}

fn column(index: usize) -> Result<u16, Error> {
    u16::try_from(index).map_err(|_| Error::Sheet(format!("column {index} is past XLSX's last")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{Data, Reader, Xlsx};

    fn strings(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| (*c).to_owned()).collect()
    }

    #[test]
    fn csv_has_bom_quotes_and_defuses_formulas() {
        let headers = strings(&["标题", "价格(元)"]);
        let rows = vec![
            strings(&["樱桃, 2磅", "=1+1"]),
            strings(&["say \"hi\"", "-12.5"]),
        ];
        let table = Table {
            keys: None,
            headers: &headers,
            rows: &rows,
            numeric: &[false, true],
        };
        let bytes = csv(&table);
        assert_eq!(&bytes[..3], &[0xEF, 0xBB, 0xBF]);
        let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
        assert_eq!(
            text,
            "标题,价格(元)\r\n\"樱桃, 2磅\",'=1+1\r\n\"say \"\"hi\"\"\",-12.5\r\n"
        );
    }

    #[test]
    fn xlsx_reads_back_with_numbers_as_numbers_and_repeats_its_bytes() {
        let keys = strings(&["title", "price"]);
        let headers = strings(&["标题", "价格"]);
        let rows = vec![strings(&["美国车厘子", "244.80"]), strings(&["=cmd", ""])];
        let table = Table {
            keys: Some(&keys),
            headers: &headers,
            rows: &rows,
            numeric: &[false, true],
        };
        let bytes = xlsx(&table, "listing").unwrap();
        assert_eq!(
            bytes,
            xlsx(&table, "listing").unwrap(),
            "same table, same bytes"
        );
        let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
        let range = book.worksheet_range("listing").unwrap();
        let cell = |r: u32, c: u32| range.get_value((r, c)).cloned().unwrap_or(Data::Empty);
        assert_eq!(cell(0, 0), Data::String("title".into()));
        assert_eq!(cell(1, 1), Data::String("价格".into()));
        assert_eq!(cell(2, 0), Data::String("美国车厘子".into()));
        assert_eq!(cell(2, 1), Data::Float(244.8));
        // Text is text in XLSX: a formula-looking cell is a plain string, never evaluated.
        assert_eq!(cell(3, 0), Data::String("=cmd".into()));
        assert_eq!(cell(3, 1), Data::Empty);
    }

    #[test]
    fn taobao_assistant_is_utf16_tab_separated_with_three_header_rows() {
        let keys = strings(&["title", "description", "price", "cid"]);
        let headers = strings(&["宝贝名称", "宝贝描述", "宝贝价格", "宝贝类目"]);
        let rows = vec![strings(&[
            "车厘子",
            "<p style=\"x\">甜\t脆</p>\n",
            "244.80",
            "",
        ])];
        let table = Table {
            keys: Some(&keys),
            headers: &headers,
            rows: &rows,
            numeric: &[false, false, true, false],
        };
        let bytes = taobao_assistant(&table);
        assert_eq!(&bytes[..2], &[0xFF, 0xFE]);
        let units: Vec<u16> = bytes[2..]
            .chunks(2)
            .map(|p| u16::from_le_bytes([p[0], p[1]]))
            .collect();
        let text = String::from_utf16(&units).unwrap();
        assert_eq!(
            text,
            "version 1.00\r\ntitle\tdescription\tprice\tcid\r\n宝贝名称\t宝贝描述\t宝贝价格\t宝贝类目\r\n\
             \"车厘子\"\t\"<p style=\"\"x\"\">甜\t脆</p>\n\"\t244.80\t\r\n"
        );
    }
}
