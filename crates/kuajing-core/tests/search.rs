//! The product list's search and filters through the workbench, on the sample catalog: Chinese
//! runs cut by jieba, the list's error counts from stored findings that follow each save.

#![allow(clippy::unwrap_used)] // a panic is the failure report

mod support;

use kuajing_core::{CopyField, Locale, ProductQuery, ReviewState, Workbench};

fn handles(workbench: &Workbench, query: &ProductQuery) -> Vec<String> {
    let page = workbench.products_page(query, 0, Some(50), false).unwrap();
    assert_eq!(page.total, page.items.len());
    page.items.into_iter().map(|p| p.handle).collect()
}

#[test]
fn chinese_words_punctuation_and_filters_find_the_right_products() {
    let (_dir, workbench) = support::sample();
    let save = |handle: &str, text: &str| {
        let field = CopyField::Title;
        let check = workbench
            .set_copy(
                handle,
                field,
                Locale::ZhCn,
                text,
                None,
                "tmall-global",
                "edit",
            )
            .unwrap();
        check.findings.len()
    };
    save("rainier-cherries", "华盛顿雷尼尔樱桃，新鲜采摘 2-lb");
    save("california-almonds", "加州巴旦木坚果");
    let search = |text: &str| handles(&workbench, &ProductQuery::search(text));

    // Two-character words; a longer run cut into words (新鲜 + 樱桃, not next to each other).
    assert_eq!(search("樱桃"), ["rainier-cherries"]);
    assert_eq!(search("坚果"), ["california-almonds"]);
    assert_eq!(search("新鲜樱桃"), ["rainier-cherries"]);
    assert!(search("新鲜坚果").is_empty());
    // Punctuation is text; English words match by their start.
    assert_eq!(search("2-lb 樱桃"), ["rainier-cherries"]);
    assert!(
        search("\"(*").len() > 2,
        "nothing to search for: every product"
    );
    assert_eq!(search("sockeye fill"), ["wild-sockeye-salmon-fillets"]);

    // The error badge: a banned superlative (Advertising Law) counted on save, gone on the
    // next save, and the errors filter follows.
    let errors = |handle: &str| {
        workbench
            .products_page(&ProductQuery::search(handle), 0, Some(5), false)
            .unwrap()
            .items
            .into_iter()
            .find(|p| p.handle == handle)
            .unwrap()
            .errors
    };
    assert_eq!(errors("rainier-cherries"), 0);
    assert!(save("rainier-cherries", "最好的华盛顿樱桃") > 0);
    assert!(errors("rainier-cherries") > 0);
    let with_errors = ProductQuery {
        errors: true,
        ..ProductQuery::default()
    };
    assert_eq!(handles(&workbench, &with_errors), ["rainier-cherries"]);
    save("rainier-cherries", "华盛顿樱桃");
    assert_eq!(errors("rainier-cherries"), 0);
    assert!(handles(&workbench, &with_errors).is_empty());

    // Vendor and review state, with a search.
    let vendor = workbench.products("rainier", false).unwrap()[0]
        .vendor
        .clone();
    let by_vendor = ProductQuery {
        vendor: Some(vendor.clone()),
        ..ProductQuery::search("樱桃")
    };
    assert_eq!(handles(&workbench, &by_vendor), ["rainier-cherries"]);
    let other_vendor = ProductQuery {
        vendor: Some("Nobody".into()),
        ..by_vendor.clone()
    };
    assert!(handles(&workbench, &other_vendor).is_empty());
    let translated = ProductQuery {
        state: Some(ReviewState::Translated),
        ..ProductQuery::default()
    };
    let mut both = handles(&workbench, &translated);
    both.sort();
    assert_eq!(both, ["california-almonds", "rainier-cherries"]);
}
