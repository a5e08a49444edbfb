//! Pathological files: too wide, too long, cells too big. Each gets a located problem instead of
//! a hang or a memory blow-up; the generated inputs stay small enough for a debug build.

use std::fmt::Write as _;

use super::*;

/// `Handle,Title,C3,C4,…` up to `n` columns: each extra column named by its position.
fn wide_header(n: usize) -> String {
    let mut header = String::from("Handle,Title");
    for k in 3..=n {
        write!(header, ",C{k}").unwrap();
    }
    header
}

#[test]
fn twenty_thousand_columns_are_refused_with_a_problem() {
    let parsed = csv(&format!("{}\na,A,x\n", wide_header(20_000)));
    assert_eq!(located(&parsed), [(1, Some("C1001"), "too-many-columns")]);
    assert_eq!(
        args(&parsed.problems[0]),
        [("count", "20000"), ("max", "1000")]
    );
    assert!(parsed.has_errors());
    assert!(parsed.products.is_empty());
    assert_eq!(parsed.columns.len(), 1_000);
}

#[test]
fn a_thousand_columns_are_read() {
    let mut text = wide_header(1_000);
    for _ in 0..2 {
        text.push_str("\na,A");
        for k in 3..=1_000 {
            write!(text, ",v{k}").unwrap();
        }
    }
    let parsed = csv(&text);
    assert!(parsed.problems.is_empty(), "{:?}", &parsed.problems[..1]);
    let a = &parsed.products[0];
    assert_eq!(a.attributes.len(), 998);
    assert_eq!(attribute(&a.attributes, "C1000"), Some("v1000"));
}

#[test]
fn a_row_wider_than_the_limit_stops_the_reading() {
    let mut text = String::from("Handle,Title\na,A\nb,B");
    text.push_str(&",x".repeat(20_000));
    text.push_str("\nc,C\n");
    let parsed = csv(&text);
    // Column 1,001 is ALM.
    assert_eq!(
        located(&parsed),
        [(3, Some("Column ALM"), "too-many-columns")]
    );
    assert_eq!(
        args(&parsed.problems[0]),
        [("count", "20002"), ("max", "1000")]
    );
    assert_eq!(parsed.rows, 1);
    assert!(parsed.products.is_empty());
}

#[test]
fn a_line_of_ten_million_commas_is_refused_without_reading_it() {
    // Read as a record, its cells alone would take hundreds of megabytes.
    let mut text = String::from("Handle,Title\n");
    text.push_str(&",".repeat(10_000_000));
    let parsed = csv(&text);
    assert_eq!(
        located(&parsed),
        [(2, Some("Column ALM"), "too-many-columns")]
    );
    assert_eq!(args(&parsed.problems[0])[0], ("count", "10000001"));
}

#[test]
fn a_wide_header_after_blank_lines_is_located() {
    let text = format!("\n\n{}\na,A\n", wide_header(1_001));
    let parsed = csv(&text);
    assert_eq!(located(&parsed), [(3, Some("C1001"), "too-many-columns")]);
}

#[test]
fn a_cell_over_a_megabyte_is_reported_and_cut() {
    let text = format!(
        "Handle,Title,Body (HTML)\na,A,{}\nb,B,{}\n",
        "é".repeat(512 * 1024 + 1),
        "x".repeat(1024 * 1024)
    );
    let parsed = csv(&text);
    assert_eq!(
        located(&parsed),
        [(2, Some("Body (HTML)"), "cell-too-large")]
    );
    assert_eq!(
        args(&parsed.problems[0]),
        [
            ("column", "Body (HTML)"),
            ("max_kb", "1024"),
            ("size_kb", "1025")
        ]
    );
    assert!(parsed.has_errors());
    // Cut at the limit, on a character boundary; the cell at the limit is whole.
    assert_eq!(product(&parsed, "a").body_html, "é".repeat(512 * 1024));
    assert_eq!(product(&parsed, "b").body_html.len(), 1024 * 1024);
}

#[test]
fn a_30_mb_cell_is_cut_to_the_limit() {
    let text = format!("Handle,Title,Body (HTML)\na,A,{}\n", "x".repeat(30 << 20));
    let parsed = csv(&text);
    assert_eq!(
        located(&parsed),
        [(2, Some("Body (HTML)"), "cell-too-large")]
    );
    assert_eq!(args(&parsed.problems[0])[2], ("size_kb", "30720"));
    assert_eq!(parsed.products[0].body_html.len(), 1024 * 1024);
}

#[test]
fn an_unclosed_quote_is_reported_where_it_opens() {
    // The quote never closes, so the rest of the file (2 MB) is one Title cell.
    let mut text = String::from("Handle,Title,Vendor\na,\"Apple,Acme\n");
    for k in 0..100_000 {
        writeln!(text, "p{k},Product {k},Acme").unwrap();
    }
    let parsed = csv(&text);
    assert_eq!(located(&parsed), [(2, Some("Title"), "cell-too-large")]);
    assert_eq!(parsed.products.len(), 1);
}

#[test]
fn a_column_name_over_255_characters_is_reported() {
    let name = "N".repeat(256);
    let parsed = csv(&format!("Handle,Title,{name}\na,A,x\n"));
    assert_eq!(
        located(&parsed),
        [(1, Some("Column C"), "column-name-too-long")]
    );
    assert_eq!(
        args(&parsed.problems[0]),
        [("column", "Column C"), ("length", "256"), ("max", "255")]
    );
    assert_eq!(
        attribute(&parsed.products[0].attributes, "Column C"),
        Some("x")
    );
}

#[test]
fn a_million_tiny_rows_stop_at_the_row_limit() {
    let mut text = String::from("Handle,Title\na,A\n");
    text.push_str(&"a\n".repeat(999_999));
    let parsed = csv(&text);
    // Data row 200,001 is spreadsheet row 200,002.
    assert_eq!(located(&parsed), [(200_002, None, "too-many-rows")]);
    assert_eq!(args(&parsed.problems[0]), [("max", "200000")]);
    assert_eq!(parsed.rows, 200_000);
    assert!(parsed.products.is_empty());
}

#[test]
fn long_values_are_shortened_in_problem_args() {
    let long = "é".repeat(5_000);
    let parsed = csv(&format!("Handle,Title,Vendor\na,A,{long}\na,,Other\n"));
    assert_eq!(located(&parsed), [(3, Some("Vendor"), "conflicting-value")]);
    let kept = &parsed.problems[0].args["kept"];
    assert_eq!(kept.chars().count(), 201);
    assert!(kept.ends_with("é…"), "{kept}");
    // The product keeps the whole value.
    assert_eq!(parsed.products[0].vendor, long);
}

// ---- Limits lowered, to keep the inputs small ----

fn small(limits: Limits, text: &str) -> Parsed {
    parse_with(text.as_bytes(), "test.csv", &limits, &mut |_, _| {}).unwrap()
}

#[test]
fn filled_cells_stop_at_the_cell_limit() {
    let limits = Limits {
        cells: 5,
        ..Limits::DEFAULT
    };
    let parsed = small(limits, "Handle,Title,Vendor\na,A,X\nb,B,\nc,C,Z\n");
    // Rows 2 and 3 fill 5 cells; row 4 would make 8.
    assert_eq!(located(&parsed), [(4, None, "too-many-cells")]);
    assert_eq!(args(&parsed.problems[0]), [("max", "5")]);
    assert!(parsed.products.is_empty());
}

#[test]
fn more_problems_of_one_code_are_counted_not_listed() {
    let limits = Limits {
        problems_per_code: 2,
        ..Limits::DEFAULT
    };
    let parsed = small(
        limits,
        "Handle,Title,Variant Price\na,A,x\nb,B,x\nc,C,x\nd,D,x\ne,E,1\n",
    );
    assert_eq!(
        located(&parsed),
        [
            (0, None, "more-problems"),
            (2, Some("Variant Price"), "bad-number"),
            (3, Some("Variant Price"), "bad-number"),
        ]
    );
    let more = &parsed.problems[0];
    assert_eq!(args(more), [("code", "bad-number"), ("count", "2")]);
    // It stands for errors, so it is one.
    assert_eq!(more.severity, Severity::Error);
    assert_eq!(parsed.products.len(), 5);
}

#[test]
fn progress_counts_the_bytes_read_up_to_the_whole_file() {
    let mut text = String::from("Handle,Title,Option1 Value,Variant SKU\n");
    for p in 0..3000 {
        text.push_str(&format!("p-{p},Product {p},1 lb,SKU-{p}\n"));
    }
    let mut seen = Vec::new();
    let parsed = parse_with_progress(text.as_bytes(), "big.csv", &mut |done, total| {
        seen.push((done, total));
    })
    .unwrap();
    assert_eq!(parsed.products.len(), 3000);
    let total = text.len() as u64;
    assert!(seen.len() >= 2, "{seen:?}");
    assert!(seen.iter().all(|&(_, t)| t == total));
    assert!(seen.windows(2).all(|w| w[0].0 <= w[1].0), "never backwards");
    assert!(seen[0].0 > 0 && seen[0].0 < total, "{seen:?}");
    assert_eq!(*seen.last().unwrap(), (total, total));
}
