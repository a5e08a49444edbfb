//! Bulk edits through the workbench on the sample catalog: every product a search picks, the
//! brand's Chinese name into the glossary, one undo for the whole edit.

#![allow(clippy::unwrap_used)] // a panic is the failure report

mod support;

use kuajing_core::{BulkTarget, ProductFields, ProductQuery};

#[test]
fn a_search_picks_the_products_one_edit_changes_them_and_one_undo_restores_them() {
    let (_dir, workbench) = support::sample();
    let salmon: Vec<String> = workbench
        .products("sockeye", false)
        .unwrap()
        .into_iter()
        .map(|p| p.handle)
        .collect();
    assert!(salmon.len() >= 2, "{salmon:?}");

    let fields = ProductFields {
        brand_zh: Some("科迪亚克".into()),
        hs_code: Some("0303110000".into()),
        ..ProductFields::default()
    };
    let target = BulkTarget::Matching {
        query: ProductQuery::search("sockeye"),
    };
    let edit = workbench.bulk_set_fields(&target, &fields).unwrap();
    assert_eq!((edit.products, edit.changed), (salmon.len(), salmon.len()));
    for handle in &salmon {
        let p = workbench.product(handle).unwrap();
        assert_eq!(
            (p.brand_zh.as_str(), p.hs_code.as_str()),
            ("科迪亚克", "0303110000")
        );
        let history = workbench.history(handle).unwrap();
        assert_eq!(
            history.iter().filter(|h| h.source == "bulk").count(),
            2,
            "one entry per field changed: {history:?}"
        );
    }
    let others = workbench.product("rainier-cherries").unwrap();
    assert_eq!(
        others.hs_code, "",
        "products the search does not pick are untouched"
    );
    let vendor = workbench.product(&salmon[0]).unwrap().vendor;
    let glossary = workbench.glossary_terms().unwrap();
    assert!(
        glossary
            .iter()
            .any(|t| t.en == vendor && t.zh == "科迪亚克"),
        "the brand's Chinese name is the vendor's, in the glossary"
    );

    let undone = workbench.undo_bulk(edit.batch).unwrap();
    assert!(undone.kept.is_empty());
    for handle in &salmon {
        let p = workbench.product(handle).unwrap();
        assert_eq!((p.brand_zh.as_str(), p.hs_code.as_str()), ("", ""));
    }
    let err = workbench.undo_bulk(edit.batch + 100).unwrap_err();
    assert_eq!(kuajing_core::AppError::from(&err).code, "no-batch");

    // Label data is each product's own: refused in bulk, nothing written.
    let label = ProductFields {
        ingredients: Some("樱桃".into()),
        ..ProductFields::default()
    };
    let handles = BulkTarget::Handles {
        handles: salmon.clone(),
    };
    let before = workbench.product(&salmon[0]).unwrap().ingredients;
    assert!(workbench.bulk_set_fields(&handles, &label).is_err());
    assert_eq!(workbench.product(&salmon[0]).unwrap().ingredients, before);
}

#[test]
fn an_hs_code_is_digits_whether_set_on_one_product_or_many() {
    let (_dir, workbench) = support::sample();
    let with_dots = ProductFields {
        hs_code: Some(" 0809.29.00.00 ".into()),
        ..ProductFields::default()
    };
    let saved = workbench
        .set_product_fields("rainier-cherries", &with_dots, "edit")
        .unwrap();
    assert_eq!(saved.hs_code, "0809290000", "dots and spaces dropped");

    let handles = BulkTarget::Handles {
        handles: vec![
            "rainier-cherries".into(),
            "wild-sockeye-salmon-fillets".into(),
        ],
    };
    for bad in ["0809-29", "08092", "08092900001", "HS 0809", "０８０９２９"] {
        let fields = ProductFields {
            hs_code: Some(bad.into()),
            ..ProductFields::default()
        };
        for err in [
            workbench
                .set_product_fields("rainier-cherries", &fields, "edit")
                .unwrap_err(),
            workbench.bulk_set_fields(&handles, &fields).unwrap_err(),
        ] {
            let app = kuajing_core::AppError::from(&err);
            assert_eq!(app.code, "bad-hs-code", "{bad}: {err}");
            assert!(err.to_string().contains(bad.trim()), "{err}");
        }
    }
    assert_eq!(
        workbench.product("rainier-cherries").unwrap().hs_code,
        "0809290000",
        "a refused code changes nothing"
    );
    let cleared = ProductFields {
        hs_code: Some(String::new()),
        ..ProductFields::default()
    };
    let edit = workbench.bulk_set_fields(&handles, &cleared).unwrap();
    assert_eq!(edit.products, 2);
    assert_eq!(workbench.product("rainier-cherries").unwrap().hs_code, "");
}
