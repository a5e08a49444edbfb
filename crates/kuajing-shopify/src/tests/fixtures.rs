//! The real exports in `tests/fixtures/shopify`: counts checked independently with Python's csv
//! module.

use super::*;

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
