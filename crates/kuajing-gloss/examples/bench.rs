//! Measures the glosser: the one-off load (jieba and CC-CEDICT, in parallel) and the time to
//! gloss real titles. `cargo run -p kuajing-gloss --release --example bench [TEXT...]`; with
//! texts, prints their gloss as JSON instead. Numbers go in docs/drafting.md, section Gloss.
#![allow(clippy::print_stdout)]

use std::time::Instant;

use kuajing_gloss::{Gloss, Glosser, Term};

const TITLES: [&str; 4] = [
    "【美国直邮】华盛顿州车厘子 907克 礼盒装 新鲜水果 顺丰冷链 当季现摘 大果 单果26-28mm 产地直发",
    "Apple iPhone 15 Pro 手机壳 防摔硅胶保护套 全包镜头 磨砂透明 适用6.1英寸 男女款 官方同款",
    "加州有机混合坚果 2.27千克 大包装 无添加原味 每日坚果 腰果杏仁核桃 美国进口 休闲零食",
    "不锈钢保温杯 500ml 大容量 24小时保冷保热 4°C冷藏 便携 户外运动水杯 男女学生 礼品定制",
];

fn read_back(q: &str) -> Option<String> {
    Some(format!("<{q}>"))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let started = Instant::now();
    let glosser = Glosser::builtin()?;
    let load = started.elapsed();

    let texts: Vec<String> = std::env::args().skip(1).collect();
    if !texts.is_empty() {
        for text in texts {
            let tokens = glosser.gloss(&text, &[], &read_back);
            println!("{}", serde_json::to_string_pretty(&Gloss { tokens })?);
        }
        return Ok(());
    }

    let terms = vec![
        Term::new("礼盒装", "in a gift box"),
        Term::new("每日坚果", "daily nuts"),
    ];
    println!(
        "load (jieba + CC-CEDICT {}): {:.1} ms",
        glosser.dictionary_date(),
        load.as_secs_f64() * 1e3
    );
    let first = Instant::now();
    let _ = glosser.gloss(TITLES[0], &terms, &read_back);
    println!("first gloss: {:.1} µs", first.elapsed().as_secs_f64() * 1e6);
    for title in TITLES {
        let rounds = 2000;
        let started = Instant::now();
        let mut tokens = 0;
        for _ in 0..rounds {
            tokens += glosser.gloss(title, &terms, &read_back).len();
        }
        let each = started.elapsed().as_secs_f64() / f64::from(rounds);
        println!(
            "{:>3} chars, {:>2} tokens: {:.1} µs per gloss",
            title.chars().count(),
            tokens / rounds as usize,
            each * 1e6
        );
    }
    Ok(())
}
