//! Times the food label of the tests: `cargo run --release -p kuajing-label --example label_timing`.
//! Prints the first calls (font parsed, glyphs rasterised), then the mean of 1,000 layouts and
//! of 1,000 labels drawn and encoded (their glyphs cached by then).

#![allow(clippy::print_stdout, clippy::unwrap_used)]

use std::time::Instant;

use kuajing_label::{Item, Label, layout, png};

fn main() {
    let item = |h: &str, v: Option<&str>| Item {
        heading: h.to_owned(),
        value: v.map(str::to_owned),
    };
    let label = Label {
        title: "中文标签".to_owned(),
        items: vec![
            item("品名", Some("美国华盛顿宾莹车厘子 2磅礼盒装")),
            item("配料", Some("新鲜樱桃")),
            item("原产国", Some("美国")),
            item("净含量", Some("907克")),
            item("保质期", Some("冷藏14天")),
            item("贮存条件", Some("0-4℃冷藏")),
            item("境内代理商", None),
        ],
        missing: "【缺失】".to_owned(),
        notice: Some("跨境电商零售进口商品符合原产地有关质量、安全、卫生、环保、标识等标准或技术规范要求，但可能与我国标准存在差异。消费者自行承担相关风险。".to_owned()),
    };
    let t = Instant::now();
    layout(&label).unwrap();
    println!(
        "first layout (parses the font): {:.3} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    let t = Instant::now();
    let first = png(&label).unwrap();
    println!(
        "first label (rasterises every glyph): {:.2} ms",
        t.elapsed().as_secs_f64() * 1e3
    );

    let n = 1000;
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(layout(&label).unwrap());
    }
    let lay = t.elapsed().as_secs_f64() * 1e3 / f64::from(n);
    let t = Instant::now();
    let mut bytes = 0;
    for _ in 0..n {
        bytes += std::hint::black_box(png(&label).unwrap()).bytes.len();
    }
    let all = t.elapsed().as_secs_f64() * 1e3 / f64::from(n);
    println!(
        "{n} labels {}x{} px, {} bytes each: layout {lay:.3} ms, layout + draw + PNG {all:.3} ms per label",
        first.width,
        first.height,
        bytes / n as usize
    );
}
