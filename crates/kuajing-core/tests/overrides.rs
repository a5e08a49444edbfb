//! A merchant's own profile override beside the catalog (`marketplaces/<id>.toml`): merged over
//! the shipped profile for checks, completeness and the export, read again when edited, and
//! refused with its line when broken.

#![allow(clippy::unwrap_used)] // a panic is the failure report

mod support;

use std::io::Read;

use kuajing_core::{CopyField, Workbench};

#[test]
fn an_override_changes_the_limit_and_adds_a_column_and_a_broken_one_names_its_line() {
    let (dir, workbench) = support::sample();
    workbench.set_rate(7.2, "2026-12-01").unwrap();
    // 35 Chinese characters: 70 GBK units, over Tmall Global's 60.
    let long = "美国华盛顿州新鲜雷尼尔车厘子礼盒装两磅空运直达冷链配送当季采摘甜脆多汁大果";
    let title = &long[..long.char_indices().nth(35).unwrap().0];
    let errors = |w: &Workbench| {
        w.check_copy("tmall-global", CopyField::Title, title)
            .unwrap()
            .errors()
    };
    assert_eq!(errors(&workbench), 1, "over the shipped limit");

    let folder = dir.path().join("marketplaces");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(
        folder.join("tmall-global.toml"),
        "# Our category allows 80.\n[title]\nmax_units = 80\n\n[[sheet.columns]]\nheader = \"类目ID\"\nvalue = \"text\"\ntext = \"50010788\"\n",
    )
    .unwrap();
    assert_eq!(
        errors(&workbench),
        0,
        "the override's limit, without a restart"
    );
    assert_eq!(
        workbench.profile("tmall-global").unwrap().title.max_units,
        80
    );
    assert_eq!(
        workbench.profile("taobao").unwrap().title.max_units,
        60,
        "others untouched"
    );

    workbench
        .set_copy(
            "rainier-cherries",
            CopyField::Title,
            kuajing_core::Locale::ZhCn,
            title,
            None,
            "tmall-global",
            "edit",
        )
        .unwrap();
    let out = dir.path().join("tmall.zip");
    let report = workbench.export("tmall-global", &out).unwrap();
    assert_eq!(report.products, 1);
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&out).unwrap()).unwrap();
    let mut sheet = String::new();
    zip.by_name("listing.csv")
        .unwrap()
        .read_to_string(&mut sheet)
        .unwrap();
    let mut lines = sheet.lines();
    assert!(lines.next().unwrap().ends_with(",类目ID"), "{sheet}");
    assert!(lines.next().unwrap().ends_with(",50010788"), "{sheet}");

    // A broken override stops with the file and the line, instead of the shipped profile.
    std::fs::write(
        folder.join("tmall-global.toml"),
        "[title]\nmax_units = \"eighty\"\n",
    )
    .unwrap();
    let err = workbench.export("tmall-global", &out).unwrap_err();
    assert_eq!(err.code(), "marketplace-override");
    let text = err.to_string();
    assert!(
        text.contains("tmall-global.toml") && text.contains("line 2"),
        "{text}"
    );
    assert!(
        workbench
            .check_copy("tmall-global", CopyField::Title, title)
            .is_err()
    );
}
