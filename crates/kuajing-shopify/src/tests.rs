use super::*;

mod encoding;
mod fixtures;
mod handles;
mod limits;
mod messages;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/shopify/");

fn fixture(name: &str) -> Parsed {
    let bytes = std::fs::read(format!("{FIXTURES}{name}")).unwrap();
    parse(&bytes, name).unwrap()
}

fn csv(text: &str) -> Parsed {
    parse(text.as_bytes(), "test.csv").unwrap()
}

fn counts(parsed: &Parsed) -> (usize, usize, usize) {
    let products = parsed.products.len();
    let variants = parsed.products.iter().map(|p| p.variants.len()).sum();
    let images = parsed.products.iter().map(|p| p.images.len()).sum();
    (products, variants, images)
}

fn product<'p>(parsed: &'p Parsed, handle: &str) -> &'p Product {
    parsed.products.iter().find(|p| p.handle == handle).unwrap()
}

fn attribute<'a>(attributes: &'a [Attribute], key: &str) -> Option<&'a str> {
    attributes
        .iter()
        .find(|a| a.key == key)
        .map(|a| a.value.as_str())
}

/// (row, column, code) of each problem, for compact asserts.
fn located(parsed: &Parsed) -> Vec<(usize, Option<&str>, &str)> {
    parsed
        .problems
        .iter()
        .map(|p| (p.row, p.column.as_deref(), p.code.as_str()))
        .collect()
}

fn args(problem: &Problem) -> Vec<(&str, &str)> {
    problem
        .args
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect()
}

// ---- Row kinds and numbering ----

const HEAD: &str = "Handle,Title,Option1 Name,Option1 Value,Variant SKU,Variant Price,Image Src,Image Position,Image Alt Text\n";

#[test]
fn variant_and_image_rows() {
    let parsed = csv(&format!(
        "{HEAD}\
         a,A,Size,S,A-S,1.00,http://x/1.jpg,1,front\n\
         a,,,M,A-M,2.00,,,\n\
         a,,,,,,http://x/2.jpg,2,back\n\
         a,,,L,A-L,3.00,http://x/3.jpg,3,\n"
    ));
    assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
    let a = &parsed.products[0];
    let variants: Vec<(usize, &str)> = a
        .variants
        .iter()
        .map(|v| (v.row, v.options[0].as_str()))
        .collect();
    assert_eq!(variants, [(2, "S"), (3, "M"), (5, "L")]);
    let images: Vec<(usize, &str)> = a.images.iter().map(|i| (i.row, i.alt.as_str())).collect();
    assert_eq!(images, [(2, "front"), (4, "back"), (5, "")]);
}

#[test]
fn rows_count_records_and_blank_lines() {
    let parsed = csv(&format!(
        "{HEAD}\
         a,A,Size,S,A-S,1.00,,,\n\
         b,\"B\nwith\r\nbreaks\",Size,S,B-S,1.00,,,\n\
         \n\
         c,C,Size,S,C-S,x,,,\n"
    ));
    assert_eq!(parsed.products[1].row, 3);
    assert_eq!(parsed.products[1].title, "B\nwith\r\nbreaks");
    // Row 4 is the blank line, as a spreadsheet shows it.
    assert_eq!(parsed.products[2].row, 5);
    assert_eq!(located(&parsed), [(5, Some("Variant Price"), "bad-number")]);
    assert_eq!(parsed.rows, 3);
}

#[test]
fn headers_match_loosely_and_short_rows_are_padded() {
    let parsed = csv(" handle ,TITLE,variant  price\nx,X\ny,Y,2\n");
    assert_eq!(parsed.columns, ["handle", "TITLE", "variant  price"]);
    assert_eq!(parsed.products.len(), 2);
    assert!(parsed.products[0].variants.is_empty());
    assert_eq!(parsed.products[1].variants[0].price_cents, Some(200));
}

#[test]
fn unmodelled_columns_are_kept() {
    let parsed = csv(
        "Handle,Title,Option1 Value,Cost per item,Colour (variant.metafields.custom.colour),\
         Care (product.metafields.custom.care),Unit Price Total Measure,Gift Card,\n\
         a,A,S,4.00,red,Hand wash,100,false,loose\n\
         a,,M,5.00,blue,,,,\n",
    );
    let a = &parsed.products[0];
    assert_eq!(
        a.attributes,
        [
            Attribute {
                key: "Care (product.metafields.custom.care)".into(),
                value: "Hand wash".into()
            },
            Attribute {
                key: "Gift Card".into(),
                value: "false".into()
            },
            Attribute {
                key: "Column I".into(),
                value: "loose".into()
            },
        ]
    );
    let keys: Vec<(&str, &str)> = a.variants[0]
        .attributes
        .iter()
        .map(|x| (x.key.as_str(), x.value.as_str()))
        .collect();
    assert_eq!(
        keys,
        [
            ("Cost per item", "4.00"),
            ("Colour (variant.metafields.custom.colour)", "red"),
            ("Unit Price Total Measure", "100"),
        ]
    );
    assert_eq!(
        attribute(&a.variants[1].attributes, "Cost per item"),
        Some("5.00")
    );
}

#[test]
fn repeated_product_fields_are_accepted_when_equal_or_filling() {
    let parsed =
        csv("Handle,Title,Vendor,Option1 Name,Option1 Value\na,A,,Size,S\na,A,Acme,Size,M\n");
    assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
    assert_eq!(parsed.products[0].vendor, "Acme");
    assert_eq!(parsed.products[0].variants.len(), 2);
}

#[test]
fn handle_only_rows_are_ignored() {
    let parsed = csv("Handle,Title,Option1 Name,Option1 Value\na,A,Size,S\na,,,\n,,,\n");
    assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
    assert_eq!(counts(&parsed), (1, 1, 0));
    assert_eq!(parsed.rows, 2);
}

// ---- One small CSV per problem code ----

#[test]
fn missing_handle() {
    let parsed = csv("Handle,Title\n,No handle\nb,B\n");
    assert_eq!(located(&parsed), [(2, Some("Handle"), "missing-handle")]);
    assert_eq!(parsed.products.len(), 1);
    assert!(parsed.has_errors());
}

#[test]
fn missing_title() {
    let parsed = csv("Handle,Title,Vendor,Option1 Name,Option1 Value\na,,Acme,Size,S\na,,,,M\n");
    assert_eq!(located(&parsed), [(2, Some("Title"), "missing-title")]);
    assert_eq!(args(&parsed.problems[0]), [("handle", "a")]);
    // Still one product with both variants, so later rows are not reported as orphans.
    assert_eq!(counts(&parsed), (1, 2, 0));
}

#[test]
fn orphan_row() {
    let parsed = csv(&format!(
        "{HEAD}\
         a,A,Size,S,A-S,1.00,,,\n\
         ghost,,,M,G-M,2.00,,,\n\
         ghost,,,,,,http://x/g.jpg,2,\n"
    ));
    assert_eq!(
        located(&parsed),
        [
            (3, Some("Handle"), "orphan-row"),
            (4, Some("Handle"), "orphan-row")
        ]
    );
    assert_eq!(args(&parsed.problems[0]), [("handle", "ghost")]);
    assert_eq!(counts(&parsed), (1, 1, 0));
}

#[test]
fn duplicate_handle() {
    let parsed = csv(&format!(
        "{HEAD}\
         a,A,Size,S,A-S,1.00,,,\n\
         b,B,Size,S,B-S,1.00,,,\n\
         a,,,M,A-M,2.00,,,\n\
         a,,,L,A-L,2.00,,,\n"
    ));
    assert_eq!(located(&parsed), [(4, Some("Handle"), "duplicate-handle")]);
    assert_eq!(
        args(&parsed.problems[0]),
        [("first_row", "2"), ("handle", "a")]
    );
    // The rows still join product a, so nothing is lost.
    assert_eq!(product(&parsed, "a").variants.len(), 3);
}

#[test]
fn duplicate_handle_with_a_title_is_the_same_product() {
    let parsed =
        csv("Handle,Title,Option1 Name,Option1 Value\na,A,Size,S\nb,B,Size,S\na,A again,Size,M\n");
    assert_eq!(
        located(&parsed),
        [
            (4, Some("Handle"), "duplicate-handle"),
            (4, Some("Title"), "conflicting-value")
        ]
    );
    assert_eq!(parsed.products.len(), 2);
}

#[test]
fn a_sku_shared_by_variants_of_one_product_is_a_warning() {
    let parsed = csv(&format!(
        "{HEAD}\
         a,A,Size,S,SKU-1,1.00,,,\n\
         a,,,M,SKU-1,1.00,,,\n"
    ));
    assert_eq!(located(&parsed), [(3, Some("Variant SKU"), "shared-sku")]);
    assert!(!parsed.has_errors());
}

#[test]
fn duplicate_sku() {
    let parsed = csv(&format!(
        "{HEAD}\
         a,A,Size,S,SKU-1,1.00,,,\n\
         b,B,Size,S,SKU-1,1.00,,,\n"
    ));
    assert_eq!(
        located(&parsed),
        [(3, Some("Variant SKU"), "duplicate-sku")]
    );
    assert_eq!(
        args(&parsed.problems[0]),
        [("first_row", "2"), ("sku", "SKU-1")]
    );
}

#[test]
fn duplicate_variant() {
    let parsed = csv(
        "Handle,Title,Option1 Name,Option1 Value,Option2 Name,Option2 Value\n\
                      a,A,Size,S,Colour,Red\n\
                      a,,,S,,Blue\n\
                      a,,,S,,Red\n",
    );
    assert_eq!(located(&parsed), [(4, None, "duplicate-variant")]);
    assert_eq!(
        args(&parsed.problems[0]),
        [("first_row", "2"), ("options", "S / Red")]
    );
}

#[test]
fn bad_numbers() {
    let parsed = csv(
        "Handle,Title,Option1 Name,Option1 Value,Variant Price,Variant Compare At Price,\
         Variant Grams,Variant Inventory Qty,Image Src,Image Position\n\
         a,A,Size,S,9.99,\"1,299.00\",500,-2,http://x/1.jpg,1\n\
         a,,,M,\"9,99\",abc,1kg,lots,http://x/2.jpg,second\n",
    );
    assert_eq!(
        located(&parsed),
        [
            (3, Some("Variant Grams"), "bad-number"),
            (3, Some("Variant Price"), "bad-number"),
            (3, Some("Variant Compare At Price"), "bad-number"),
            (3, Some("Variant Inventory Qty"), "bad-number"),
            (3, Some("Image Position"), "bad-number"),
        ]
    );
    assert_eq!(
        args(&parsed.problems[1]),
        [("column", "Variant Price"), ("value", "9,99")]
    );
    let a = &parsed.products[0];
    assert_eq!(a.variants[0].price_cents, Some(999));
    assert_eq!(a.variants[0].compare_at_cents, Some(129_900));
    assert_eq!(a.variants[0].grams, Some(500.0));
    assert_eq!(a.variants[0].inventory_qty, Some(-2));
    assert_eq!(a.variants[1].price_cents, None);
    assert_eq!(a.images[1].position, None);
}

#[test]
fn barcode_scientific() {
    let parsed = csv(
        "Handle,Title,Option1 Name,Option1 Value,Variant Barcode\na,A,Size,S,3.65275E+11\na,,,M,012345678905\n",
    );
    assert_eq!(
        located(&parsed),
        [(2, Some("Variant Barcode"), "barcode-scientific")]
    );
    assert_eq!(parsed.problems[0].severity, Severity::Warning);
    assert_eq!(
        args(&parsed.problems[0]),
        [("column", "Variant Barcode"), ("value", "3.65275E+11")]
    );
    let variants = &parsed.products[0].variants;
    assert_eq!(variants[0].barcode.as_deref(), Some("3.65275E+11"));
    assert_eq!(variants[1].barcode.as_deref(), Some("012345678905"));
    assert!(!parsed.has_errors());
}

#[test]
fn windows_1252_is_converted() {
    let mut bytes = b"Handle,Title,Body (HTML),Variant Price\ncreme,".to_vec();
    bytes.extend_from_slice(b"Cr\xE8me br\xFBl\xE9e,\x93Caf\xE9\x94 \x80 5,5.00\n");
    let parsed = parse(&bytes, "excel.csv").unwrap();
    assert_eq!(parsed.encoding, SourceEncoding::Windows1252);
    assert_eq!(parsed.products[0].title, "Crème brûlée");
    assert_eq!(parsed.products[0].body_html, "“Café” € 5");
    assert_eq!(located(&parsed), [(0, None, "converted-from-windows-1252")]);
    assert_eq!(parsed.problems[0].severity, Severity::Warning);
}

#[test]
fn utf8_bom_is_stripped() {
    let parsed = parse(
        "\u{FEFF}Handle,Title\na,Crème brûlée\n".as_bytes(),
        "bom.csv",
    )
    .unwrap();
    assert_eq!(parsed.encoding, SourceEncoding::Utf8);
    assert_eq!(parsed.columns[0], "Handle");
    assert_eq!(parsed.products[0].title, "Crème brûlée");
    assert!(parsed.problems.is_empty());
}

#[test]
fn conflicting_value() {
    let parsed =
        csv("Handle,Title,Vendor,Option1 Name,Option1 Value\na,A,Acme,Size,S\na,,Other,,M\n");
    assert_eq!(located(&parsed), [(3, Some("Vendor"), "conflicting-value")]);
    assert_eq!(
        args(&parsed.problems[0]),
        [
            ("column", "Vendor"),
            ("first_row", "2"),
            ("kept", "Acme"),
            ("value", "Other")
        ]
    );
    assert_eq!(parsed.products[0].vendor, "Acme");
    assert!(!parsed.has_errors());
}

#[test]
fn published_values() {
    let parsed = csv("Handle,Title,Published\na,A,TRUE\nb,B,false\nc,C,\nd,D,maybe\n");
    let published: Vec<Option<bool>> = parsed.products.iter().map(|p| p.published).collect();
    assert_eq!(published, [Some(true), Some(false), None, None]);
    assert_eq!(located(&parsed), [(5, Some("Published"), "bad-boolean")]);
    assert_eq!(
        args(&parsed.problems[0]),
        [("column", "Published"), ("value", "maybe")]
    );
}

#[test]
fn option_without_name() {
    let parsed = csv("Handle,Title,Option1 Name,Option1 Value,Option2 Value\na,A,Size,S,Red\n");
    assert_eq!(
        located(&parsed),
        [(2, Some("Option2 Value"), "option-without-name")]
    );
    assert_eq!(
        args(&parsed.problems[0]),
        [("option", "2"), ("value", "Red")]
    );
}

#[test]
fn missing_image_src() {
    let parsed = csv(&format!(
        "{HEAD}a,A,Size,S,A-S,1.00,,,\na,,,,,,,2,A side view\n"
    ));
    assert_eq!(
        located(&parsed),
        [(3, Some("Image Src"), "missing-image-src")]
    );
    assert!(parsed.products[0].images.is_empty());
}

#[test]
fn extra_cells() {
    let parsed = csv("Handle,Title\na,A,stray,more\nb,B,,\n");
    assert_eq!(located(&parsed), [(2, None, "extra-cells")]);
    assert_eq!(args(&parsed.problems[0]), [("count", "2")]);
}

#[test]
fn duplicate_column() {
    let parsed = csv("Handle,Title,Variant SKU,Variant SKU\na,A,one,two\n");
    assert_eq!(
        located(&parsed),
        [(1, Some("Variant SKU"), "duplicate-column")]
    );
    let variant = &parsed.products[0].variants[0];
    assert_eq!(variant.sku.as_deref(), Some("one"));
    assert_eq!(attribute(&variant.attributes, "Variant SKU"), Some("two"));
}

// ---- Files refused as a whole ----

#[test]
fn empty_files() {
    for bytes in [&b""[..], b"  \r\n\n", b"\xEF\xBB\xBF", b",,,\n,,\n"] {
        let error = parse(bytes, "empty.csv").unwrap_err();
        assert_eq!(error.code(), "empty-file", "{bytes:?}");
        assert!(error.to_string().contains("empty.csv"));
        assert_eq!(error.args()["file"], "empty.csv");
    }
}

#[test]
fn png_is_not_csv() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";
    let error = parse(png, "photo.csv").unwrap_err();
    assert_eq!(error.code(), "not-csv");
    assert!(error.to_string().contains("photo.csv"));
}

#[test]
fn bank_statement_is_not_shopify() {
    let error = parse(
        b"Date,Description,Amount,Balance\n2024-01-02,Coffee,-4.50,100.00\n",
        "statement.csv",
    )
    .unwrap_err();
    assert_eq!(error.code(), "not-shopify");
    let message = error.to_string();
    assert!(message.contains("statement.csv"), "{message}");
    assert!(message.contains("Handle, Title"), "{message}");
    assert!(
        message.contains("Date, Description, Amount, Balance"),
        "{message}"
    );
    let args = error.args();
    assert_eq!(args["missing"], "Handle, Title");
    assert_eq!(args["expected"], "Handle, Title");
    assert_eq!(args["found"], "Date, Description, Amount, Balance");
}

#[test]
fn title_is_required() {
    let error = parse(b"Handle,Vendor\na,Acme\n", "half.csv").unwrap_err();
    assert_eq!(
        error,
        Error::NotShopify {
            file: "half.csv".into(),
            missing: vec!["Title".into()],
            found: vec!["Handle".into(), "Vendor".into()],
        }
    );
}

#[test]
fn header_only_has_no_products() {
    for text in ["Handle,Title\n", "Handle,Title\n,\n\n"] {
        let error = parse(text.as_bytes(), "new-store.csv").unwrap_err();
        assert_eq!(error.code(), "no-products");
        assert!(error.to_string().contains("new-store.csv"));
    }
}

#[test]
fn long_headers_are_shortened_in_args() {
    let header: Vec<String> = (1..=20).map(|n| format!("C{n}")).collect();
    let error = parse(format!("{}\n", header.join(",")).as_bytes(), "wide.csv").unwrap_err();
    assert_eq!(
        error.args()["found"],
        "C1, C2, C3, C4, C5, C6, C7, C8, C9, C10, C11, C12, …"
    );
}

#[test]
fn errors_serialise_with_their_code() {
    let error = Error::NoProducts {
        file: "x.csv".into(),
    };
    let json = serde_json::to_value(&error).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"code": "no-products", "file": "x.csv"})
    );
    let problem = Problem::new(2, Some("Handle"), Code::MissingHandle, &[]);
    let json = serde_json::to_value(&problem).unwrap();
    assert_eq!(json["severity"], "error");
    let encoding = serde_json::to_value(SourceEncoding::Windows1252).unwrap();
    assert_eq!(encoding, "windows-1252");
}
