//! Build time and search time of a [`Memory`] at 10,000 and 100,000 generated entries.
//!
//! `cargo bench -p kuajing-tm --bench search` (optimised build; the numbers go into
//! docs/drafting.md).
//! The entries imitate a US grocery catalog: titles, selling points and description paragraphs
//! built from a few hundred real product words plus a long Zipf-distributed tail of rarer
//! words, so common words ("the", "oz", "fresh") have long posting lists as they would.
#![allow(clippy::print_stdout, reason = "a bench reports on stdout")]

use std::hint::black_box;
use std::time::{Duration, Instant};

use kuajing_tm::{Entry, Memory};

/// splitmix64: a fixed sequence, so every run measures the same entries and queries.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[self.below(list.len())]
    }
    /// Zipf-like: index i drawn with weight about 1/(i+1).
    fn zipf(&mut self, n: usize) -> usize {
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        (((n as f64 + 1.0).powf(u)) - 1.0) as usize % n
    }
}

const BRANDS: &[&str] = &[
    "Pacific",
    "Northwest",
    "Harvest",
    "Evergreen",
    "Summit",
    "Cascade",
    "Heritage",
    "Golden",
    "Prairie",
    "Bayou",
    "Orchard",
    "Coastal",
    "Maple Ridge",
    "Blue Ridge",
    "Sierra",
    "Yakima",
];
const ADJS: &[&str] = &[
    "Fresh", "Wild", "Organic", "Premium", "Raw", "Roasted", "Salted", "Unsalted", "Smoked",
    "Frozen", "Jumbo", "Grade A", "Dark", "Amber", "Sweet", "Natural", "Whole", "Sliced",
];
const PRODUCTS: &[&str] = &[
    "Rainier Cherries",
    "Bing Cherries",
    "Sockeye Salmon",
    "King Salmon Fillets",
    "Dungeness Crab",
    "Snow Crab Legs",
    "King Crab Legs",
    "Almonds",
    "Pecan Halves",
    "Walnuts",
    "Pistachios",
    "Macadamia Nuts",
    "Maple Syrup",
    "Wildflower Honey",
    "Blueberries",
    "Beef Jerky",
    "Coffee Beans",
    "Cashews",
    "Lobster Tails",
    "Halibut",
];
const UNITS: &[&str] = &["lb", "oz", "fl oz", "Pound", "Count", "Pack", "kg"];
const PACKS: &[&str] = &[
    "Gift Box",
    "Bag",
    "Resealable Bag",
    "Jar",
    "Tin",
    "Case",
    "Bottle",
    "Family Pack",
];
const COMMON: &[&str] = &[
    "the",
    "and",
    "of",
    "with",
    "for",
    "a",
    "to",
    "in",
    "our",
    "is",
    "are",
    "from",
    "each",
    "fresh",
    "hand",
    "picked",
    "shipped",
    "overnight",
    "on",
    "ice",
    "no",
    "added",
    "sugar",
    "rich",
    "flavor",
    "perfect",
    "snack",
    "gift",
    "family",
    "kosher",
    "gluten",
    "free",
    "harvested",
    "packed",
    "sustainably",
    "caught",
    "cold",
    "water",
    "store",
    "keep",
    "refrigerated",
    "frozen",
    "thaw",
    "serve",
    "recipe",
    "crisp",
    "sweet",
    "juicy",
    "buttery",
];

fn title(r: &mut Rng) -> String {
    format!(
        "{} {} {} {} {} {}",
        r.pick(BRANDS),
        r.pick(ADJS),
        r.pick(PRODUCTS),
        1 + r.below(24),
        r.pick(UNITS),
        r.pick(PACKS)
    )
}

/// A made-up word for rank `k`, letters only ("bodaki"), so the tail of the vocabulary is
/// words and not numbers.
fn synthetic(mut k: usize) -> String {
    const C: &[u8] = b"bcdfghjklmnprstvz";
    const V: &[u8] = b"aeiou";
    let mut s = String::new();
    loop {
        s.push(C[k % C.len()] as char);
        k /= C.len();
        s.push(V[k % V.len()] as char);
        k /= V.len();
        if k == 0 {
            return s;
        }
    }
}

fn sentence(r: &mut Rng, words: usize) -> String {
    let mut out = Vec::with_capacity(words);
    for _ in 0..words {
        let k = r.zipf(20_000);
        if k < COMMON.len() {
            out.push(COMMON[k].to_owned());
        } else if k < COMMON.len() + PRODUCTS.len() {
            out.push(PRODUCTS[k - COMMON.len()].to_lowercase());
        } else {
            out.push(synthetic(k));
        }
    }
    let mut s = out.join(" ");
    s.push('.');
    s
}

fn entry(r: &mut Rng) -> String {
    match r.below(10) {
        0..=3 => title(r),
        4..=5 => {
            let n = 4 + r.below(8);
            sentence(r, n)
        }
        _ => {
            let n = 15 + r.below(45);
            sentence(r, n)
        }
    }
}

/// A query made from an entry: as it is, one word changed, one number changed, a word
/// dropped, or a new title.
fn query(r: &mut Rng, sources: &[String]) -> String {
    let base = &sources[r.below(sources.len())];
    let mut words: Vec<String> = base.split(' ').map(str::to_owned).collect();
    match r.below(5) {
        0 => {}
        1 => {
            let i = r.below(words.len());
            words[i] = format!("changed{}", r.below(1000));
        }
        2 => {
            if let Some(w) = words
                .iter_mut()
                .find(|w| w.chars().all(|c| c.is_ascii_digit()))
            {
                *w = (1 + r.below(48)).to_string();
            }
        }
        3 => {
            if words.len() > 2 {
                let i = r.below(words.len());
                words.remove(i);
            }
        }
        _ => return title(r),
    }
    words.join(" ")
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn run(n: usize) {
    let mut r = Rng(42);
    let entries: Vec<Entry> = (0..n)
        .map(|i| Entry::new(entry(&mut r), format!("译文 {i}")))
        .collect();
    let sources: Vec<String> = entries.iter().map(|e| e.source.clone()).collect();

    // the best of three builds, for the same reason as the searches
    let mut build = Duration::MAX;
    let mut memory = Memory::default();
    for _ in 0..3 {
        let copy = entries.clone();
        let start = Instant::now();
        memory = Memory::new(copy);
        build = build.min(start.elapsed());
    }

    let queries: Vec<String> = (0..500).map(|_| query(&mut r, &sources)).collect();
    let convert = |q: &str| q.ends_with(" lb").then(|| "1千克".to_owned());
    for (threshold, limit) in [(70u8, 5usize), (50, 10)] {
        let mut times = Vec::with_capacity(queries.len());
        let mut found = 0;
        for q in &queries {
            // the best of three runs: on a shared machine a run can lose a time slice
            let mut fastest = Duration::MAX;
            for _ in 0..3 {
                let t = Instant::now();
                let matches = memory.search_with(black_box(q), threshold, limit, &convert);
                fastest = fastest.min(t.elapsed());
                found += matches.len();
            }
            times.push(fastest);
        }
        found /= 3;
        times.sort();
        let mean = times.iter().sum::<Duration>() / times.len() as u32;
        println!(
            "{n:>7} entries ({} distinct) | build {:>7.1} ms | threshold {threshold}, limit {limit}: \
             mean {:>6.3} ms, p50 {:>6.3} ms, p99 {:>6.3} ms, max {:>6.3} ms | {:.1} matches/query",
            memory.len(),
            build.as_secs_f64() * 1e3,
            mean.as_secs_f64() * 1e3,
            percentile(&times, 0.5).as_secs_f64() * 1e3,
            percentile(&times, 0.99).as_secs_f64() * 1e3,
            percentile(&times, 1.0).as_secs_f64() * 1e3,
            found as f64 / queries.len() as f64,
        );
    }
}

fn main() {
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!("load average before: {}", load.trim());
    println!("build: the best of 3; search: the best of 3 runs of each of 500 queries");
    for n in [10_000, 100_000] {
        run(n);
    }
}
