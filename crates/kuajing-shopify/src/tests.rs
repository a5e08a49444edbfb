use super::*;

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

// ---- Fixtures: counts checked independently with Python's csv module ----

#[test]
fn apparel_classic_header() {
    let parsed = fixture("apparel.csv");
    assert_eq!(parsed.encoding, SourceEncoding::Utf8);
    assert_eq!(parsed.rows, 22);
    assert_eq!(counts(&parsed), (20, 22, 20));
    assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);

    let top = product(&parsed, "classic-varsity-top");
    assert_eq!(top.row, 3);
    assert_eq!(top.title, "Classic Varsity Top");
    assert_eq!(top.vendor, "partners-demo");
    assert_eq!(top.tags, ["women"]);
    assert_eq!(top.published, Some(true));
    assert_eq!(top.status, None);
    assert_eq!(top.category, "");
    assert_eq!(top.option_names, ["Size"]);
    let options: Vec<&[String]> = top.variants.iter().map(|v| v.options.as_slice()).collect();
    assert_eq!(options, [["Small"], ["Medium"], ["Large"]]);
    let rows: Vec<usize> = top.variants.iter().map(|v| v.row).collect();
    assert_eq!(rows, [3, 4, 5]);
    let medium = &top.variants[1];
    assert_eq!(medium.price_cents, Some(6000));
    assert_eq!(medium.grams, Some(0.0));
    assert_eq!(medium.weight_unit.as_deref(), Some("kg"));
    assert_eq!(medium.inventory_qty, Some(1));
    assert_eq!(medium.sku, None);
    assert_eq!(
        attribute(&medium.attributes, "Variant Inventory Policy"),
        Some("deny")
    );
    assert_eq!(attribute(&top.attributes, "Gift Card"), Some("false"));
    assert_eq!(top.images.len(), 1);
    assert_eq!(top.images[0].position, Some(1));

    let shirt = product(&parsed, "ocean-blue-shirt");
    assert_eq!(shirt.option_names, ["Title"]);
    assert_eq!(shirt.variants[0].options, ["Default Title"]);
    assert_eq!(shirt.variants[0].price_cents, Some(5000));
}

#[test]
fn jewelery_image_only_rows() {
    let parsed = fixture("jewelery.csv");
    assert_eq!(parsed.rows, 41);
    assert_eq!(counts(&parsed), (20, 23, 41));
    assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);

    let anchor = product(&parsed, "leather-anchor");
    assert_eq!(anchor.title, "Anchor Bracelet Mens");
    assert_eq!(anchor.product_type, "Bracelet");
    assert_eq!(anchor.tags, ["Anchor", "Gold", "Leather", "Silver"]);
    assert_eq!(anchor.variants.len(), 2);
    let gold = &anchor.variants[0];
    let silver = &anchor.variants[1];
    assert_eq!(gold.options, ["Gold"]);
    assert_eq!(gold.price_cents, Some(6999));
    assert_eq!(gold.compare_at_cents, Some(8500));
    assert_eq!(silver.row, 5);
    assert_eq!(silver.price_cents, Some(5500));
    assert_eq!(silver.inventory_qty, Some(0));
    assert_eq!(
        silver.image_src.as_deref(),
        Some("https://burst.shopifycdn.com/photos/anchor-bracelet-for-men_925x.jpg")
    );
    // Row 5 is a variant with its own image; row 6 holds only an image.
    let images: Vec<(usize, Option<u32>)> =
        anchor.images.iter().map(|i| (i.row, i.position)).collect();
    assert_eq!(images, [(4, Some(1)), (5, Some(2)), (6, Some(3))]);

    let crane = product(&parsed, "origami-crane-necklace");
    assert_eq!(crane.variants.len(), 1);
    assert_eq!(crane.images.len(), 4);
}

#[test]
fn home_and_garden() {
    let parsed = fixture("home-and-garden.csv");
    assert_eq!(parsed.rows, 21);
    assert_eq!(counts(&parsed), (20, 21, 21));
    assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
    let pot = product(&parsed, "clay-plant-pot");
    let prices: Vec<Option<i64>> = pot.variants.iter().map(|v| v.price_cents).collect();
    assert_eq!(prices, [Some(999), Some(1599)]);
    assert_eq!(pot.variants[1].options, ["Large"]);
    assert_eq!(pot.variants[1].inventory_qty, Some(3));
    assert_eq!(pot.images.len(), 2);
}

#[test]
fn hair_care_newer_header() {
    let parsed = fixture("hair-care-store-export.csv");
    assert_eq!(parsed.rows, 565);
    assert_eq!(parsed.columns.len(), 63);
    assert_eq!(counts(&parsed), (84, 445, 300));

    let wig = product(&parsed, "wigs-26-11-2024");
    assert_eq!(wig.row, 104);
    assert_eq!(wig.title, "Glueless HD Lace Straight Bang Wig");
    assert_eq!(
        wig.category,
        "Apparel & Accessories > Clothing Accessories > Hair Accessories > Wigs"
    );
    assert_eq!(wig.status.as_deref(), Some("active"));
    assert_eq!(wig.tags, ["closure", "hd lace closure", "wig"]);
    assert_eq!(wig.option_names, ["Color", "Length"]);
    assert_eq!(wig.variants[0].options, ["black", "22"]);
    assert_eq!(wig.variants[0].price_cents, Some(75000));
    assert_eq!(wig.variants[0].compare_at_cents, Some(85000));
    assert_eq!(wig.variants[0].weight_unit.as_deref(), Some("lb"));
    assert!(
        wig.body_html
            .starts_with("<p>This 22-inch straight bang wig is made from 100% virgin human hair")
    );
    assert_eq!(
        attribute(
            &wig.attributes,
            "Density (product.metafields.custom.density)"
        ),
        Some("180% Size 22")
    );
    assert_eq!(
        attribute(&wig.attributes, "Option1 Linked To"),
        Some("product.metafields.shopify.color-pattern")
    );
    assert_eq!(
        attribute(&wig.attributes, "Google Shopping / Gender"),
        Some("female")
    );
    assert_eq!(
        attribute(&wig.variants[0].attributes, "Variant Taxable"),
        Some("false")
    );
    // Image-only row 105.
    assert_eq!(wig.images.len(), 2);
    assert_eq!(wig.images[1].row, 105);

    let clips = product(&parsed, "clips-in-cambodian-straight");
    let heavy = clips.variants.iter().find(|v| v.row == 162).unwrap();
    assert_eq!(heavy.grams, Some(226.796185));
    assert_eq!(heavy.options, ["20", "Natural Black"]);

    // Row numbers stay right after 82 multi-line Body HTML cells.
    let last = parsed.products.last().unwrap();
    assert_eq!(last.handle, "fall-kinky-curly-unit-3b-3c-16-18");
    let last_image = last.images.last().unwrap();
    assert_eq!(last_image.row, 566);
    assert_eq!(last_image.alt, "Reese Kinky Curly 3B/3C Unit.");

    // The store really reuses SKUs: ROUTEINS on 76 variants of one product (rows 2–77), and
    // three wigs with one SKU per product: warnings (shared within a product), not errors.
    assert!(parsed.problems.iter().all(|p| p.code == "shared-sku"));
    assert_eq!(parsed.problems.len(), 75 + 2 + 1 + 5);
    let first = &parsed.problems[0];
    assert_eq!(
        (first.row, first.column.as_deref()),
        (3, Some("Variant SKU"))
    );
    assert_eq!(args(first), [("first_row", "2"), ("sku", "ROUTEINS")]);
    let last = parsed.problems.last().unwrap();
    assert_eq!(last.row, 563);
    assert_eq!(args(last), [("first_row", "558"), ("sku", "p061275X9o")]);
    assert!(!parsed.has_errors());
}

#[test]
fn cosmetics_partial_header() {
    let parsed = fixture("cosmetics-minimal-columns.csv");
    assert_eq!(parsed.columns.len(), 11);
    assert_eq!(counts(&parsed), (7, 7, 0));
    assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
    let prices: Vec<Option<i64>> = parsed
        .products
        .iter()
        .map(|p| p.variants[0].price_cents)
        .collect();
    assert_eq!(
        prices,
        [
            Some(42000),
            Some(45000),
            Some(400_000),
            Some(390_000),
            Some(60000),
            Some(45000),
            Some(80000)
        ]
    );
    let first = &parsed.products[0];
    assert_eq!(first.vendor, "Lavie Cosmetics EG");
    assert_eq!(first.product_type, "Hydrating Hair Shampoo");
    assert!(
        first
            .category
            .starts_with("Health & Beauty > Personal Care > Hair Care")
    );
    assert_eq!(first.variants[0].sku, None);
    assert_eq!(first.variants[0].grams, None);
    assert!(first.attributes.is_empty());
}

#[test]
fn every_fixture_is_tested() {
    let mut names: Vec<String> = std::fs::read_dir(FIXTURES)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".csv"))
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "apparel.csv",
            "cosmetics-minimal-columns.csv",
            "hair-care-store-export.csv",
            "home-and-garden.csv",
            "jewelery.csv"
        ]
    );
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

// ---- Codes and their messages ----

#[test]
fn code_lists_match() {
    let codes: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
    assert_eq!(codes, PROBLEM_CODES);
    let errors = [
        Error::EmptyFile {
            file: String::new(),
        },
        Error::NotCsv {
            file: String::new(),
        },
        Error::NotShopify {
            file: String::new(),
            missing: vec![],
            found: vec![],
        },
        Error::NoProducts {
            file: String::new(),
        },
    ];
    let codes: Vec<&str> = errors.iter().map(Error::code).collect();
    assert_eq!(codes, ERROR_CODES);
}

/// One real problem of every code, produced by parsing.
fn sample_problems() -> Vec<Problem> {
    let mut cp1252 = b"Handle,Title\na,Cr\xE8me\n".to_vec();
    cp1252.extend_from_slice(b"b,B\n");
    let mut problems = parse(&cp1252, "x.csv").unwrap().problems;
    for text in [
        "Handle,Title\n,A\n",
        "Handle,Title,Vendor\na,,Acme\n",
        "Handle,Title,Option1 Value\nghost,,S\n",
        "Handle,Title,Option1 Value\na,A,S\nb,B,S\na,,M\n",
        "Handle,Title,Variant SKU\na,A,S1\nb,B,S1\n",
        "Handle,Title,Option1 Value,Variant SKU\na,A,S,S1\na,,M,S1\n",
        "Handle,Title,Option1 Name,Option1 Value\na,A,Size,S\na,,,S\n",
        "Handle,Title,Variant Price\na,A,abc\n",
        "Handle,Title,Variant Barcode\na,A,3.65275E+11\n",
        "Handle,Title,Vendor\na,A,Acme\na,,Other\n",
        "Handle,Title,Published\na,A,maybe\n",
        "Handle,Title,Option1 Value\na,A,S\n",
        "Handle,Title,Image Alt Text\na,A,front\n",
        "Handle,Title\na,A,stray\n",
        "Handle,Title,Tags,Tags\na,A,x,y\n",
    ] {
        problems.extend(csv(text).problems);
    }
    problems
}

fn sample_errors() -> Vec<Error> {
    [
        &b""[..],
        b"\x89PNG\r\n\x1a\n\0",
        b"Date,Amount\n2024-01-01,5\n",
        b"Handle,Title\n",
    ]
    .iter()
    .map(|bytes| parse(bytes, "products.csv").unwrap_err())
    .collect()
}

#[test]
fn samples_cover_every_code() {
    let mut codes: Vec<String> = sample_problems().into_iter().map(|p| p.code).collect();
    codes.sort();
    codes.dedup();
    let mut expected: Vec<String> = PROBLEM_CODES.iter().map(|c| (*c).to_owned()).collect();
    expected.sort();
    assert_eq!(codes, expected);
    let errors: Vec<&str> = sample_errors().iter().map(Error::code).collect();
    assert_eq!(errors, ERROR_CODES);
}

const LOCALES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/locales/");

/// Every code has a message in every locale, and the message formats without errors (no
/// unknown variable) from the args the parser really produces.
#[test]
fn every_code_has_a_message_in_every_locale() {
    use fluent_bundle::{FluentArgs, FluentBundle, FluentResource};

    let mut cases: Vec<(String, BTreeMap<String, String>)> = sample_problems()
        .into_iter()
        .map(|p| (p.code, p.args))
        .collect();
    cases.extend(
        sample_errors()
            .iter()
            .map(|e| (e.code().to_owned(), e.args())),
    );

    for locale in ["en", "zh-CN"] {
        let path = format!("{LOCALES}{locale}/import.ftl");
        let text = std::fs::read_to_string(&path).unwrap();
        let resource =
            FluentResource::try_new(text).unwrap_or_else(|(_, e)| panic!("{path}: {e:?}"));
        let langid: unic_langid::LanguageIdentifier = locale.parse().unwrap();
        let mut bundle = FluentBundle::new(vec![langid]);
        bundle.set_use_isolating(false);
        bundle.add_resource(resource).unwrap();

        for (code, values) in &cases {
            let id = format!("import-{code}");
            let message = bundle
                .get_message(&id)
                .unwrap_or_else(|| panic!("{locale}: no {id}"));
            let pattern = message.value().unwrap();
            let mut args = FluentArgs::new();
            for (k, v) in values {
                args.set(k.as_str(), v.as_str());
            }
            let mut errors = vec![];
            let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
            assert!(errors.is_empty(), "{locale} {id}: {errors:?}");
            assert!(!text.trim().is_empty());
            if locale == "zh-CN" {
                assert!(
                    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                    "{id}: {text}"
                );
            }
        }
        // No message for a code that does not exist.
        let known: Vec<String> = PROBLEM_CODES
            .iter()
            .chain(ERROR_CODES)
            .map(|c| format!("import-{c}"))
            .collect();
        let source = std::fs::read_to_string(&path).unwrap();
        for line in source.lines() {
            if let Some((id, _)) = line.split_once(" =")
                && id.starts_with("import-")
            {
                assert!(known.contains(&id.to_owned()), "{locale}: stray {id}");
            }
        }
    }
}
