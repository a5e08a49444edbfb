//! Encodings decided cell by cell: a UTF-8 file keeps its text when one cell holds a stray
//! byte, and an Excel-saved Windows-1252 file still reads as a whole.

use super::*;

#[test]
fn a_stray_byte_in_a_utf8_file_is_read_in_its_cell_only() {
    let mut bytes = "Handle,Title,Vendor,Body (HTML)\n\
                     rainier-cherries,雷尼尔樱桃,Crème Fraîche Farm,<p>Sweet</p>\n"
        .as_bytes()
        .to_vec();
    bytes.extend_from_slice(b"salmon,Sockeye Salmon,Acme,<p>Wild \xFF caught</p>\n");
    let parsed = parse(&bytes, "mixed.csv").unwrap();
    assert_eq!(parsed.encoding, SourceEncoding::Utf8);
    let cherries = product(&parsed, "rainier-cherries");
    assert_eq!(cherries.title, "雷尼尔樱桃");
    assert_eq!(cherries.vendor, "Crème Fraîche Farm");
    assert_eq!(product(&parsed, "salmon").body_html, "<p>Wild ÿ caught</p>");
    assert_eq!(
        located(&parsed),
        [(3, Some("Body (HTML)"), "cell-read-as-windows-1252")]
    );
    assert_eq!(
        args(&parsed.problems[0]),
        [("column", "Body (HTML)"), ("value", "<p>Wild ÿ caught</p>")]
    );
    assert_eq!(parsed.problems[0].severity, Severity::Warning);
}

#[test]
fn a_stray_byte_in_the_header_is_located_on_row_1() {
    let mut bytes = b"Handle,Title,Colo\xFCr\n".to_vec();
    bytes.extend_from_slice("a,樱桃,red\n".as_bytes());
    let parsed = parse(&bytes, "mixed.csv").unwrap();
    assert_eq!(parsed.encoding, SourceEncoding::Utf8);
    assert_eq!(parsed.columns[2], "Coloür");
    assert_eq!(parsed.products[0].title, "樱桃");
    assert_eq!(
        located(&parsed),
        [(1, Some("Coloür"), "cell-read-as-windows-1252")]
    );
}

#[test]
fn an_excel_windows_1252_file_still_decodes() {
    let bytes = b"Handle,Title,Vendor,Body (HTML)\n\
                  creme,Cr\xE8me br\xFBl\xE9e,Caf\xE9 Ren\xE9e,Men\x92s \x93best\x94 \x80 5\n\
                  creme,,,\n\
                  tea,Th\xE9 vert,Caf\xE9 Ren\xE9e,\n";
    let parsed = parse(bytes, "excel.csv").unwrap();
    assert_eq!(parsed.encoding, SourceEncoding::Windows1252);
    let creme = product(&parsed, "creme");
    assert_eq!(creme.title, "Crème brûlée");
    assert_eq!(creme.vendor, "Café Renée");
    assert_eq!(creme.body_html, "Men’s “best” € 5");
    assert_eq!(product(&parsed, "tea").title, "Thé vert");
    // One note for the file, not one per cell.
    assert_eq!(located(&parsed), [(0, None, "converted-from-windows-1252")]);
}
