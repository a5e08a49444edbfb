//! Review on a real catalog file: the state machine (every pair of states), and stale flags
//! when a re-import of a real Shopify export (Shopify's sample apparel, tests/fixtures/shopify)
//! changes one English title.

#![allow(clippy::unwrap_used)] // a panic is the failure report

mod support;

use std::path::{Path, PathBuf};

use kuajing_core::{
    CopyField, Locale, ReviewFilter, ReviewState, Rules, Workbench, transition_allowed,
};

fn fixture() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/shopify/apparel.csv")
}

fn imported(dir: &Path) -> Workbench {
    let workbench =
        Workbench::open(&dir.join("catalog.sqlite"), Rules::new("en").unwrap()).unwrap();
    let report = workbench.import(&fixture(), false).unwrap();
    assert!(report.applied, "{:?}", report.errors);
    workbench
}

fn save(workbench: &Workbench, handle: &str, text: &str, source: &str) {
    workbench
        .set_copy(
            handle,
            CopyField::Title,
            Locale::ZhCn,
            text,
            None,
            "tmall-global",
            source,
        )
        .unwrap();
}

fn state_of(workbench: &Workbench, handle: &str, field: CopyField) -> (ReviewState, bool) {
    let queue = workbench.review_queue(&ReviewFilter::default()).unwrap();
    let item = queue
        .items
        .iter()
        .find(|i| i.handle == handle && i.field == field)
        .unwrap_or_else(|| panic!("{handle} {field:?} is not in the queue"));
    (item.state, item.stale)
}

fn set(
    workbench: &Workbench,
    handle: &str,
    state: ReviewState,
    comment: Option<&str>,
) -> kuajing_core::Result<kuajing_core::ReviewItem> {
    workbench.review_set(
        handle,
        CopyField::Title,
        Locale::ZhCn,
        state,
        comment,
        Some("mei"),
    )
}

/// Puts the title of `handle` in `state`, the way a merchant and a reviewer would.
fn bring_to(workbench: &Workbench, handle: &str, state: ReviewState, n: usize) {
    use ReviewState::*;
    let text = format!("海蓝衬衫 {n}");
    match state {
        Draft => save(workbench, handle, &text, "draft"),
        _ => save(workbench, handle, &text, "edit"),
    }
    match state {
        Draft | Translated => {}
        Rejected => {
            set(workbench, handle, Rejected, Some("用词不当")).unwrap();
        }
        other => {
            set(workbench, handle, other, None).unwrap();
        }
    }
    assert_eq!(
        state_of(workbench, handle, CopyField::Title),
        (state, false)
    );
}

/// The transitions issue 11 allows a reviewer; a person's save (and `review set translated`,
/// which says the same of the text as it is) makes any state `translated`.
fn allowed_by_the_issue(from: &str, to: &str) -> bool {
    to == "translated"
        || matches!(
            (from, to),
            ("translated", "reviewed" | "approved" | "rejected")
                | ("reviewed", "approved" | "rejected")
                | ("approved", "reviewed")
        )
}

#[test]
fn every_transition_is_allowed_or_refused_as_the_issue_says() {
    let dir = tempfile::tempdir().unwrap();
    let workbench = imported(dir.path());
    let handle = "ocean-blue-shirt";
    let mut n = 0;
    let (mut allowed, mut refused) = (0, 0);
    for from in ReviewState::ALL {
        for to in ReviewState::ALL {
            n += 1;
            bring_to(&workbench, handle, from, n);
            let expected = allowed_by_the_issue(from.as_str(), to.as_str());
            assert_eq!(transition_allowed(from, to), expected, "{from:?} -> {to:?}");
            // A comment always, so only the transition decides.
            match set(&workbench, handle, to, Some("看过")) {
                Ok(item) => {
                    assert!(expected, "{from:?} -> {to:?} was allowed");
                    assert_eq!((item.state, item.by.as_str()), (to, "mei"));
                    assert_eq!(state_of(&workbench, handle, CopyField::Title).0, to);
                    allowed += 1;
                }
                Err(e) => {
                    assert!(!expected, "{from:?} -> {to:?} was refused: {e}");
                    assert_eq!(e.code(), "review-transition");
                    let args = e.args();
                    assert_eq!(args["from"], from.as_str());
                    assert_eq!(args["to"], to.as_str());
                    assert!(e.to_string().contains(from.as_str()));
                    assert!(e.to_string().contains(to.as_str()));
                    assert_eq!(state_of(&workbench, handle, CopyField::Title).0, from);
                    refused += 1;
                }
            }
        }
    }
    assert_eq!((allowed, refused), (11, 14));
}

#[test]
fn rejecting_needs_a_comment_and_the_comments_form_a_thread() {
    let dir = tempfile::tempdir().unwrap();
    let workbench = imported(dir.path());
    let handle = "ocean-blue-shirt";
    save(&workbench, handle, "海蓝衬衫", "edit");
    for blank in [None, Some(""), Some("  ")] {
        let err = set(&workbench, handle, ReviewState::Rejected, blank).unwrap_err();
        assert_eq!(err.code(), "review-needs-comment");
    }
    assert_eq!(
        state_of(&workbench, handle, CopyField::Title).0,
        ReviewState::Translated
    );
    set(
        &workbench,
        handle,
        ReviewState::Rejected,
        Some("应为海军蓝"),
    )
    .unwrap();
    save(&workbench, handle, "海军蓝衬衫", "edit");
    let item = set(&workbench, handle, ReviewState::Approved, Some("好")).unwrap();
    let thread: Vec<_> = item.comments.iter().map(|c| c.comment.as_str()).collect();
    assert_eq!(thread, ["应为海军蓝", "好"]);
    assert_eq!(item.comments[0].state, Some(ReviewState::Rejected));
    assert_eq!(item.comments[0].by, "mei");
    // History holds the state changes next to the text changes, newest first.
    let history = workbench.history(handle).unwrap();
    let trail: Vec<_> = history
        .iter()
        .filter(|e| e.locale.as_deref() == Some("zh-CN"))
        .map(|e| (e.field.as_str(), e.new.as_deref().unwrap_or("")))
        .collect();
    assert_eq!(
        trail,
        [
            ("review:title", "approved"),
            ("review:title", "translated"),
            ("title", "海军蓝衬衫"),
            ("review:title", "rejected"),
            ("title", "海蓝衬衫"),
        ]
    );
    // Nothing to review in an empty field.
    let err = workbench
        .review_set(
            handle,
            CopyField::Description,
            Locale::ZhCn,
            ReviewState::Approved,
            None,
            None,
        )
        .unwrap_err();
    assert_eq!(err.code(), "nothing-to-review");
}

#[test]
fn the_reviewer_is_a_setting_defaulting_to_the_os_user() {
    let dir = tempfile::tempdir().unwrap();
    let workbench = imported(dir.path());
    let os = ["USER", "USERNAME"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.trim().is_empty()))
        .unwrap_or_else(|| "reviewer".into());
    assert_eq!(workbench.reviewer().unwrap(), os.trim());
    assert_eq!(
        workbench.set_reviewer(Some(" Mei Lin ")).unwrap(),
        "Mei Lin"
    );
    save(&workbench, "ocean-blue-shirt", "海蓝衬衫", "edit");
    let item = workbench
        .review_set(
            "ocean-blue-shirt",
            CopyField::Title,
            Locale::ZhCn,
            ReviewState::Approved,
            None,
            None,
        )
        .unwrap();
    assert_eq!(item.by, "Mei Lin");
    assert_eq!(
        workbench.set_reviewer(Some(" ")).unwrap_err().code(),
        "reviewer-blank"
    );
    assert_eq!(workbench.set_reviewer(None).unwrap(), os.trim());
}

/// The export with one product's English title changed: `handle`'s first row, Title column.
fn with_title_changed(csv: &str, handle: &str, old: &str, new: &str) -> String {
    let row = csv.find(&format!("\n{handle},")).unwrap() + 1;
    let cell = format!("{handle},{old},");
    assert!(
        csv[row..].starts_with(&cell),
        "the title is not the second cell"
    );
    format!("{}{handle},{new},{}", &csv[..row], &csv[row + cell.len()..])
}

#[test]
fn a_changed_english_title_makes_exactly_that_field_stale_and_shows_the_diff() {
    let dir = tempfile::tempdir().unwrap();
    let workbench = imported(dir.path());
    let titles = [
        ("ocean-blue-shirt", "海蓝衬衫"),
        ("classic-varsity-top", "经典校园上衣"),
        ("yellow-wool-jumper", "黄色羊毛套衫"),
        ("floral-white-top", "白色印花上衣"),
    ];
    for (handle, zh) in titles {
        save(&workbench, handle, zh, "edit");
        set(&workbench, handle, ReviewState::Approved, None).unwrap();
    }
    // A reviewed one and a draft: states other than approved are kept too.
    set(
        &workbench,
        "floral-white-top",
        ReviewState::Reviewed,
        Some("撤回"),
    )
    .unwrap();
    workbench
        .set_copy(
            "ocean-blue-shirt",
            CopyField::Description,
            Locale::ZhCn,
            "柔软的海蓝色衬衫。",
            None,
            "tmall-global",
            "draft",
        )
        .unwrap();
    let before = workbench.review_queue(&ReviewFilter::default()).unwrap();
    assert_eq!(before.progress.total, 5);
    assert_eq!(before.progress.approved, 3);

    // The same file again changes no state.
    let report = workbench.import(&fixture(), false).unwrap();
    assert!(report.applied);
    let again = workbench.review_queue(&ReviewFilter::default()).unwrap();
    assert_eq!(again.progress, before.progress);

    let csv = std::fs::read_to_string(fixture()).unwrap();
    let changed = with_title_changed(
        &csv,
        "yellow-wool-jumper",
        "Yellow Wool Jumper",
        "Mustard Yellow Wool Jumper",
    );
    let file = dir.path().join("apparel-changed.csv");
    std::fs::write(&file, changed).unwrap();
    let report = workbench.import(&file, false).unwrap();
    assert!(report.applied, "{:?}", report.errors);
    assert_eq!(report.updated, ["yellow-wool-jumper"]);

    let queue = workbench.review_queue(&ReviewFilter::default()).unwrap();
    let stale: Vec<_> = queue.items.iter().filter(|i| i.stale).collect();
    assert_eq!(stale.len(), 1, "{stale:?}");
    let item = stale[0];
    assert_eq!(
        (item.handle.as_str(), item.field),
        ("yellow-wool-jumper", CopyField::Title)
    );
    assert_eq!(item.state, ReviewState::Translated);
    assert_eq!(item.text, "黄色羊毛套衫");
    let diff = item.source_diff.as_ref().unwrap();
    assert_eq!(diff.old, "Yellow Wool Jumper");
    assert_eq!(diff.new, "Mustard Yellow Wool Jumper");
    for (handle, field, state) in [
        ("ocean-blue-shirt", CopyField::Title, ReviewState::Approved),
        (
            "classic-varsity-top",
            CopyField::Title,
            ReviewState::Approved,
        ),
        ("floral-white-top", CopyField::Title, ReviewState::Reviewed),
        (
            "ocean-blue-shirt",
            CopyField::Description,
            ReviewState::Draft,
        ),
    ] {
        assert_eq!(
            state_of(&workbench, handle, field),
            (state, false),
            "{handle}"
        );
    }
    assert_eq!(queue.progress.approved, 2);
    assert_eq!(queue.progress.translated, 1);
    assert_eq!(queue.progress.stale, 1);

    // The stale filter finds it; a review action clears the flag and takes the new English.
    let only_stale = ReviewFilter {
        stale: Some(true),
        ..ReviewFilter::default()
    };
    let picked = workbench.review_queue(&only_stale).unwrap();
    assert_eq!(picked.items.len(), 1);
    assert_eq!(picked.progress, queue.progress);
    let item = set(
        &workbench,
        "yellow-wool-jumper",
        ReviewState::Approved,
        None,
    )
    .unwrap();
    assert!(!item.stale);
    assert!(item.source_diff.is_none());
    assert_eq!(item.english, "Mustard Yellow Wool Jumper");
    // Importing the changed file again changes nothing more.
    workbench.import(&file, false).unwrap();
    assert_eq!(
        state_of(&workbench, "yellow-wool-jumper", CopyField::Title),
        (ReviewState::Approved, false)
    );
}

#[test]
fn the_queue_filters_by_state_vendor_text_and_findings() {
    let dir = tempfile::tempdir().unwrap();
    let workbench = imported(dir.path());
    save(&workbench, "ocean-blue-shirt", "海蓝衬衫", "edit");
    // 最 (an absolute claim) is a finding under the advertising law.
    save(&workbench, "classic-varsity-top", "最好的校园上衣", "edit");
    set(&workbench, "ocean-blue-shirt", ReviewState::Approved, None).unwrap();
    let queue = |filter: ReviewFilter| {
        let q = workbench.review_queue(&filter).unwrap();
        // The total is counted apart from the items (by state and stale, and from the stored
        // finding counts): it must say how many came.
        assert_eq!(q.total as usize, q.items.len(), "{filter:?}");
        q.items.into_iter().map(|i| i.handle).collect::<Vec<_>>()
    };
    let approved = queue(ReviewFilter {
        state: Some(ReviewState::Approved),
        ..ReviewFilter::default()
    });
    assert_eq!(approved, ["ocean-blue-shirt"]);
    let found = queue(ReviewFilter {
        has_findings: Some(true),
        ..ReviewFilter::default()
    });
    assert_eq!(found, ["classic-varsity-top"]);
    let clean = queue(ReviewFilter {
        has_findings: Some(false),
        ..ReviewFilter::default()
    });
    assert_eq!(clean, ["ocean-blue-shirt"]);
    let approved_and_found = queue(ReviewFilter {
        has_findings: Some(true),
        state: Some(ReviewState::Approved),
        ..ReviewFilter::default()
    });
    assert!(approved_and_found.is_empty());
    let translated_and_found = queue(ReviewFilter {
        has_findings: Some(true),
        state: Some(ReviewState::Translated),
        stale: Some(false),
        ..ReviewFilter::default()
    });
    assert_eq!(translated_and_found, ["classic-varsity-top"]);
    // The counts are stored; a save forgets that product's, and the next query counts again.
    save(&workbench, "classic-varsity-top", "经典校园上衣", "edit");
    let found = queue(ReviewFilter {
        has_findings: Some(true),
        ..ReviewFilter::default()
    });
    assert!(found.is_empty(), "{found:?}");
    save(&workbench, "ocean-blue-shirt", "最海蓝的衬衫", "edit");
    let found = queue(ReviewFilter {
        has_findings: Some(true),
        ..ReviewFilter::default()
    });
    assert_eq!(found, ["ocean-blue-shirt"]);
    let text = queue(ReviewFilter {
        text: Some("OCEAN".into()),
        ..ReviewFilter::default()
    });
    assert_eq!(text, ["ocean-blue-shirt"]);
    // LIKE's wildcards are plain characters in a search.
    for literal in ["%", "_", "o%n"] {
        let none = queue(ReviewFilter {
            text: Some(literal.into()),
            ..ReviewFilter::default()
        });
        assert!(none.is_empty(), "{literal}: {none:?}");
    }
    let product = workbench.product("ocean-blue-shirt").unwrap();
    let vendor = product.vendor.clone();
    let by_vendor = queue(ReviewFilter {
        vendor: Some(vendor.to_uppercase()),
        ..ReviewFilter::default()
    });
    assert!(by_vendor.contains(&"ocean-blue-shirt".to_owned()));
    let nobody = queue(ReviewFilter {
        vendor: Some("no such vendor".into()),
        ..ReviewFilter::default()
    });
    assert!(nobody.is_empty());
}

#[test]
fn the_queue_comes_in_pages_with_the_total_and_the_progress_of_all() {
    let dir = tempfile::tempdir().unwrap();
    let workbench = imported(dir.path());
    let handles = [
        "classic-varsity-top",
        "ocean-blue-shirt",
        "yellow-wool-jumper",
    ];
    for handle in handles {
        save(&workbench, handle, "衬衫", "edit");
    }
    set(&workbench, "ocean-blue-shirt", ReviewState::Approved, None).unwrap();
    let page = |offset, limit| {
        workbench
            .review_queue(&ReviewFilter {
                offset,
                limit,
                ..ReviewFilter::default()
            })
            .unwrap()
    };
    let all = page(0, None);
    assert_eq!(all.total, 3);
    let second = page(1, Some(1));
    assert_eq!(second.total, 3);
    assert_eq!(second.offset, 1);
    assert_eq!(second.items.len(), 1);
    assert_eq!(second.items[0].handle, all.items[1].handle);
    assert_eq!(second.progress, all.progress);
    assert_eq!(second.progress.approved, 1);
    assert!(page(3, Some(10)).items.is_empty());
    let translated = workbench
        .review_queue(&ReviewFilter {
            state: Some(ReviewState::Translated),
            limit: Some(1),
            ..ReviewFilter::default()
        })
        .unwrap();
    assert_eq!(translated.total, 2);
    assert_eq!(translated.items.len(), 1);
}

#[test]
fn a_filter_from_the_ui_may_leave_out_what_it_does_not_filter_by() {
    let filter: ReviewFilter = serde_json::from_str(r#"{"stale": true}"#).unwrap();
    assert_eq!(filter.stale, Some(true));
    assert_eq!(filter.locale, Locale::ZhCn);
    assert_eq!(filter.marketplace, "tmall-global");
    assert!(filter.state.is_none() && filter.vendor.is_none());
}

#[test]
fn a_saved_draft_starts_as_draft_and_a_persons_save_makes_it_translated() {
    let (_dir, workbench) = support::workbench();
    let seed = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/drafting/us-seed-goods.csv");
    assert!(workbench.import(&seed, false).unwrap().applied);
    let handle = "vermont-maple-syrup";
    let draft = workbench
        .draft(handle, CopyField::Title, "tmall-global", true)
        .unwrap();
    assert!(draft.saved);
    assert_eq!(
        state_of(&workbench, handle, CopyField::Title),
        (ReviewState::Draft, false)
    );
    // A draft is not translated: a reviewer cannot approve it yet.
    let err = set(&workbench, handle, ReviewState::Approved, None).unwrap_err();
    assert_eq!(err.code(), "review-transition");
    save(
        &workbench,
        handle,
        &format!("{}（礼盒）", draft.text),
        "edit",
    );
    assert_eq!(
        state_of(&workbench, handle, CopyField::Title),
        (ReviewState::Translated, false)
    );
    // Drafting every empty field leaves each new one as a draft.
    let cancel = std::sync::atomic::AtomicBool::new(false);
    let report = workbench
        .draft_empty_fields(&[handle.to_owned()], "tmall-global", &cancel, |_| {})
        .unwrap();
    assert!(report.progress.drafted > 0, "{report:?}");
    let queue = workbench.review_queue(&ReviewFilter::default()).unwrap();
    for item in queue.items.iter().filter(|i| i.field != CopyField::Title) {
        assert_eq!(item.state, ReviewState::Draft, "{:?}", item.field);
    }
    assert_eq!(
        queue.progress.draft as usize,
        report.progress.drafted as usize
    );
}

/// The handles and warnings of an export of `workbench` to `out`, and its sheet.
fn export(workbench: &Workbench, out: &Path) -> (kuajing_core::ExportReport, String) {
    use std::io::Read;
    let report = workbench.export("tmall-global", out).unwrap();
    let mut zip = zip::ZipArchive::new(std::fs::File::open(out).unwrap()).unwrap();
    let mut sheet = String::new();
    zip.by_name("listing.csv")
        .unwrap()
        .read_to_string(&mut sheet)
        .unwrap();
    (report, sheet)
}

#[test]
fn export_warns_of_unapproved_copy_or_takes_only_approved_copy_when_set() {
    let dir = tempfile::tempdir().unwrap();
    let w = imported(dir.path());
    w.set_rate(7.2, "2026-12-01").unwrap();
    save(&w, "black-leather-bag", "黑色真皮包", "edit");
    save(&w, "blue-silk-tuxedo", "蓝色真丝礼服", "edit");
    set(&w, "black-leather-bag", ReviewState::Approved, None).unwrap();

    // Off (the default): both go out, the unapproved title with a warning naming its state.
    assert!(!w.approved_only("tmall-global").unwrap());
    let (report, sheet) = export(&w, &dir.path().join("all.zip"));
    assert!(!report.approved_only);
    assert!(sheet.contains("黑色真皮包") && sheet.contains("蓝色真丝礼服"));
    let warned: Vec<_> = report
        .warnings
        .iter()
        .filter(|w| w.reasons.iter().any(|r| r.code == "not-approved"))
        .map(|w| w.handle.as_str())
        .collect();
    assert_eq!(warned, ["blue-silk-tuxedo"]);
    let note = report
        .warnings
        .iter()
        .flat_map(|w| &w.reasons)
        .find(|r| r.code == "not-approved")
        .unwrap();
    assert_eq!(note.args["state"], "translated", "{note:?}");

    // On for Tmall Global: only the approved title goes out; the other is left out, saying why.
    let settings = w.set_approved_only("tmall-global", true).unwrap();
    assert_eq!(settings.approved_only, ["tmall-global"]);
    assert!(
        !w.approved_only("taobao").unwrap(),
        "a setting per marketplace"
    );
    let (report, sheet) = export(&w, &dir.path().join("approved.zip"));
    assert!(report.approved_only);
    assert!(sheet.contains("黑色真皮包") && !sheet.contains("蓝色真丝礼服"));
    let left_out = report
        .skipped
        .iter()
        .find(|s| s.handle == "blue-silk-tuxedo")
        .unwrap();
    assert!(
        left_out
            .reasons
            .iter()
            .any(|r| r.code == "title-not-approved")
    );
    assert_eq!(report.products, 1);

    assert!(
        w.set_approved_only("tmall-global", false)
            .unwrap()
            .approved_only
            .is_empty()
    );
}
