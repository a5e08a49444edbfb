//! Handles name folders and files downstream, so each product's handle is a safe slug.

use super::*;

fn handles(parsed: &Parsed) -> Vec<&str> {
    parsed.products.iter().map(|p| p.handle.as_str()).collect()
}

#[test]
fn unsafe_handles_become_safe_slugs() {
    let parsed = csv(concat!(
        "Handle,Title,Option1 Name,Option1 Value\n",
        "../../etc/passwd,Passwd,Size,S\n",
        "Rainier Cherries,Rainier Cherries,Size,1 kg\n",
        "Rainier Cherries,,,2 kg\n",
        r"a\b,Backslash,Size,S",
        "\n",
        "CON,Console,Size,S\n",
        "樱桃,Cherries,Size,S\n",
        "sockeye-salmon,Salmon,Size,S\n",
        "untitled-nov5_04-35,Untitled,Size,S\n",
        "--Crème\tBrûlée--,Dessert,Size,S\n",
    ));
    assert_eq!(
        handles(&parsed),
        [
            "etc-passwd",
            "rainier-cherries",
            "a-b",
            "con-product",
            "product-7",
            "sockeye-salmon",
            "untitled-nov5_04-35",
            "creme-brulee",
        ]
    );
    // The rows of one product still make one product.
    assert_eq!(product(&parsed, "rainier-cherries").variants.len(), 2);
    let unsafe_rows: Vec<(usize, Option<&str>, &str)> = vec![
        (2, Some("Handle"), "unsafe-handle"),
        (3, Some("Handle"), "unsafe-handle"),
        (5, Some("Handle"), "unsafe-handle"),
        (6, Some("Handle"), "unsafe-handle"),
        (7, Some("Handle"), "unsafe-handle"),
        (10, Some("Handle"), "unsafe-handle"),
    ];
    assert_eq!(located(&parsed), unsafe_rows);
    assert_eq!(
        args(&parsed.problems[0]),
        [("handle", "../../etc/passwd"), ("slug", "etc-passwd")]
    );
    assert_eq!(
        args(&parsed.problems[1]),
        [("handle", "Rainier Cherries"), ("slug", "rainier-cherries")]
    );
    assert!(!parsed.has_errors());
}

#[test]
fn handles_that_clean_to_the_same_slug_do_not_merge() {
    let parsed = csv("Handle,Title\n\
         Rainier Cherries,First\n\
         rainier--cherries,Second\n\
         rainier-cherries,Third\n\
         rainier-cherries-2,Fourth\n");
    // The handle that was already safe keeps its name, wherever it is in the file.
    assert_eq!(
        handles(&parsed),
        [
            "rainier-cherries-3",
            "rainier-cherries-4",
            "rainier-cherries",
            "rainier-cherries-2"
        ]
    );
    assert_eq!(
        located(&parsed),
        [
            (2, Some("Handle"), "unsafe-handle-clash"),
            (3, Some("Handle"), "unsafe-handle-clash"),
        ]
    );
    assert_eq!(
        args(&parsed.problems[0]),
        [
            ("handle", "Rainier Cherries"),
            ("other", "rainier-cherries"),
            ("other_row", "4"),
            ("slug", "rainier-cherries-3"),
        ]
    );
    assert_eq!(
        args(&parsed.problems[1]),
        [
            ("handle", "rainier--cherries"),
            ("other", "rainier-cherries"),
            ("other_row", "4"),
            ("slug", "rainier-cherries-4"),
        ]
    );
}

#[test]
fn a_fallback_slug_that_is_taken_gets_a_suffix() {
    let parsed = csv("Handle,Title\n樱桃,Cherries\nproduct-2,Taken\n");
    assert_eq!(handles(&parsed), ["product-2-2", "product-2"]);
    assert_eq!(
        located(&parsed),
        [(2, Some("Handle"), "unsafe-handle-clash")]
    );
}
