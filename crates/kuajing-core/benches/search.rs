//! Product-list search speed in process (issue 13's bar: p95 ≤ 5 ms at 100,000 variants).
//!
//! Run by `scripts/bench-catalog.sh` on the catalog it generates and imports:
//! `cargo bench -p kuajing-core --bench search -- CATALOG [QUERY NAME]`. Each query is asked as the list
//! asks it (the first page of 100 and the total), 200 times after one untimed run; prints one
//! line per query, `query<TAB>matches<TAB>p50 ms<TAB>p95 ms`, then `all<TAB>-<TAB>p50<TAB>p95`
//! over every run. No test times anything; this binary only measures.

#![allow(
    clippy::print_stdout,
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a benchmark binary"
)]

use std::path::PathBuf;
use std::time::{Duration, Instant};

use kuajing_core::{ProductQuery, ReviewState, Rules, Workbench};

const RUNS: usize = 200;

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i].as_secs_f64() * 1e3
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    // A second argument: only the queries whose name contains it (for a profiler).
    let only = args.get(1).cloned().unwrap_or_default();
    let Some(path) = args.first() else {
        println!("usage: cargo bench -p kuajing-core --bench search -- CATALOG [QUERY NAME]");
        return;
    };
    let workbench = Workbench::open(&PathBuf::from(path), Rules::new("en").unwrap()).unwrap();
    let search = |text: &str| ProductQuery::search(text);
    let queries: Vec<(String, ProductQuery)> = vec![
        ("the whole list".into(), ProductQuery::default()),
        ("cherries (every product)".into(), search("cherries")),
        ("product 1999 (two words)".into(), search("product 1999")),
        ("sku-1999 (prefix, punctuation)".into(), search("sku-1999")),
        ("no match: zzz".into(), search("zzz")),
        ("樱桃 (a two-character word)".into(), search("樱桃")),
        ("新鲜樱桃 (jieba: two words)".into(), search("新鲜樱桃")),
        ("2-lb (punctuation)".into(), search("2-lb")),
        (
            "vendor 7 + cherries".into(),
            ProductQuery {
                vendor: Some("Vendor 7".into()),
                ..search("cherries")
            },
        ),
        (
            "state rejected".into(),
            ProductQuery {
                state: Some(ReviewState::Rejected),
                ..ProductQuery::default()
            },
        ),
    ];
    let mut all = Vec::new();
    for (name, query) in queries.iter().filter(|(name, _)| name.contains(&only)) {
        let total = workbench
            .products_page(query, 0, Some(100), false)
            .unwrap()
            .total;
        let mut runs: Vec<Duration> = (0..RUNS)
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(workbench.products_page(query, 0, Some(100), false).unwrap());
                t.elapsed()
            })
            .collect();
        runs.sort();
        println!(
            "{name}\t{total}\t{:.2}\t{:.2}",
            percentile(&runs, 0.5),
            percentile(&runs, 0.95)
        );
        all.extend(runs);
    }
    all.sort();
    println!(
        "all\t-\t{:.2}\t{:.2}",
        percentile(&all, 0.5),
        percentile(&all, 0.95)
    );
}
