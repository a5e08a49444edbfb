//! Lint speed (issue 10's bar: one title per keystroke under 1 ms; a whole 10,000-product
//! catalog under 2 s). Prints the table that `docs/drafting.md` ("Lint speed") holds.
//!
//! Run: `cargo bench -p kuajing-copy --bench lint` (release profile). No test times anything;
//! this binary only measures.
//!
//! - One title: every title of the labelled set (`tests/fixtures/copy-checks/titles.tsv`)
//!   checked alone as a title with the Tmall limit, as the editor does on each keystroke, timed
//!   one check at a time over many rounds: median, p99, max.
//! - A catalog: 10,000 products, each a title of the set and a description of about 300
//!   characters made from it, checked end to end (title and description) with a fresh
//!   `Checker`. The first run in the process also builds the process-wide tables (Traditional/
//!   Simplified, GBK); later runs only build the checker.

#![allow(
    clippy::print_stdout,
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a benchmark binary"
)]

#[path = "../tests/set/mod.rs"]
mod set;

use std::hint::black_box;
use std::time::{Duration, Instant};

use kuajing_copy::{Checker, Context, Field};

const PRODUCTS: usize = 10_000;
const TITLE_LIMIT: u32 = 60;
const ROUNDS: usize = 50;
const CATALOG_RUNS: usize = 5;

/// Sentences a description is made of: storage, origin, a consumer tip (最佳食用期), a weight in
/// pounds with its metric value, service wording: what real descriptions hold, so every
/// matcher has work to do.
const SENTENCES: &[&str] = &[
    "原产地：美国。净含量以包装为准，请在阴凉干燥处保存，开封后请密封冷藏。",
    "本品为跨境进口商品，中文电子标签见详情页，进口商信息以实物为准。",
    "最佳食用期为收货后7天内，第一次食用前请用清水冲洗。",
    "规格：2磅（约907克），每箱12袋，独立小包装便于携带。",
    "口感清甜，果肉饱满，适合全家分享，也可作为节日礼品送给亲友。",
    "保质期12个月，生产日期见包装，请在保质期内食用完毕。",
    "如有任何问题请联系在线客服，我们将在24小时内回复您。",
    "产品图片仅供参考，颜色和包装可能因批次略有不同，请以实物为准。",
    "温馨提示：过敏体质者请谨慎食用，儿童请在成人看护下食用。",
    "冷链运输，全程0-4℃保鲜，偏远地区可能延迟1~2天送达。",
];

struct Product {
    title: String,
    description: String,
    brands: Context,
}

fn catalog(rows: &[set::Row]) -> Vec<Product> {
    (0..PRODUCTS)
        .map(|i| {
            let row = &rows[i % rows.len()];
            let mut description = format!("{}。", row.title);
            let mut k = i;
            while description.chars().count() < 300 {
                description.push_str(SENTENCES[k % SENTENCES.len()]);
                k = k / SENTENCES.len() + 3;
            }
            Product {
                title: row.title.clone(),
                description,
                brands: Context::new().with_brands(&row.brands),
            }
        })
        .collect()
}

/// Checks every product's title and description with a new checker; the time and the
/// number of findings.
fn check_catalog(products: &[Product]) -> (Duration, usize) {
    let started = Instant::now();
    let checker = Checker::builtin().expect("built-in term list");
    let mut findings = 0;
    for p in products {
        let t = checker.check_with(&p.title, Field::Title, Some(TITLE_LIMIT), &p.brands);
        let d = checker.check_with(&p.description, Field::Description, None, &p.brands);
        findings += black_box(t).findings.len() + black_box(d).findings.len();
    }
    (started.elapsed(), findings)
}

fn micros(d: Duration) -> String {
    format!("{:.1} µs", d.as_secs_f64() * 1e6)
}

fn millis(d: Duration) -> String {
    format!("{:.0} ms", d.as_secs_f64() * 1e3)
}

fn main() {
    let rows = set::rows();
    let products = catalog(&rows);
    let chars: usize = products
        .iter()
        .map(|p| p.title.chars().count() + p.description.chars().count())
        .sum();

    // The catalog first, so that its first run pays for the process-wide tables.
    let (cold, findings) = check_catalog(&products);
    let mut warm: Vec<Duration> = (0..CATALOG_RUNS)
        .map(|_| check_catalog(&products).0)
        .collect();
    warm.sort();

    // One title at a time, as on each keystroke.
    let checker = Checker::builtin().expect("built-in term list");
    let contexts: Vec<Context> = rows
        .iter()
        .map(|r| Context::new().with_brands(&r.brands))
        .collect();
    let mut each = Vec::with_capacity(rows.len() * ROUNDS);
    for _ in 0..ROUNDS {
        for (row, ctx) in rows.iter().zip(&contexts) {
            let started = Instant::now();
            black_box(checker.check_with(
                black_box(&row.title),
                Field::Title,
                Some(TITLE_LIMIT),
                ctx,
            ));
            each.push(started.elapsed());
        }
    }
    each.sort();
    let at = |q: f64| each[((each.len() - 1) as f64 * q).round() as usize];

    let started = Instant::now();
    black_box(Checker::builtin().expect("built-in term list"));
    let build = started.elapsed();

    println!(
        "{} titles × {ROUNDS} rounds; {PRODUCTS} products, {chars} characters, {findings} findings",
        rows.len()
    );
    println!();
    println!("| measure | time |");
    println!("|---|---:|");
    println!("| one title, median | {} |", micros(at(0.5)));
    println!("| one title, p99 | {} |", micros(at(0.99)));
    println!("| one title, p99.9 | {} |", micros(at(0.999)));
    println!("| one title, slowest | {} |", micros(at(1.0)));
    println!(
        "| {PRODUCTS} products, first run in the process (builds the tables) | {} |",
        millis(cold)
    );
    println!(
        "| {PRODUCTS} products, fresh `Checker`, median of {CATALOG_RUNS} runs | {} |",
        millis(warm[warm.len() / 2])
    );
    println!(
        "| `Checker::builtin()` once the tables exist | {} |",
        micros(build)
    );
}
