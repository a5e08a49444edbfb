//! The label's text, layout and PNG, checked on real output (the embedded font, the decoded
//! image).

// The decoder is banned outside kuajing-imaging for untrusted photos; here it reads our own
// output, as an independent check.
#![allow(clippy::disallowed_methods, clippy::unwrap_used)]

use kuajing_label::{Error, Item, Label, Role, layout, png, text};

const NOTICE: &str = "跨境电商零售进口商品符合原产地有关质量、安全、卫生、环保、标识等标准或技术规范要求，但可能与我国标准存在差异。消费者自行承担相关风险。";

fn item(heading: &str, value: Option<&str>) -> Item {
    Item {
        heading: heading.to_owned(),
        value: value.map(str::to_owned),
    }
}

fn food() -> Label {
    Label {
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
        notice: Some(NOTICE.to_owned()),
    }
}

/// Marks no line may start with (GB/T 15834 punctuation that closes or pauses).
const NO_START: &str = "，。、；：？！）」』》〉】〕”’…—%,.;:?!)";
/// Marks no line may end with.
const NO_END: &str = "（「『《〈【〔“‘(";

#[test]
fn text_has_every_heading_the_marker_and_the_notice() {
    let mut label = food();
    label.items.push(item("生产日期", Some("   "))); // blank is missing too
    let t = text(&label);
    let lines: Vec<&str> = t.split('\n').collect();
    assert_eq!(lines[0], "中文标签");
    assert_eq!(lines[1], "品名：美国华盛顿宾莹车厘子 2磅礼盒装");
    assert_eq!(lines[6], "贮存条件：0-4℃冷藏");
    assert_eq!(lines[7], "境内代理商：【缺失】");
    assert_eq!(lines[8], "生产日期：【缺失】");
    assert_eq!(lines[9], "", "a blank line before the notice");
    assert_eq!(lines[10], NOTICE);
    assert_eq!(lines[11], "", "the text ends with a line break");
    assert_eq!(lines.len(), 12);
    for it in &label.items {
        assert!(t.contains(&format!("{}：", it.heading)), "{}", it.heading);
    }
}

#[test]
fn text_without_notice_or_title_and_with_messy_values() {
    let label = Label {
        title: " ".to_owned(),
        items: vec![
            item("品名：", Some("  车厘子\n\t2磅  ")),
            item("配料", Some("")),
        ],
        missing: "【缺失】".to_owned(),
        notice: Some("  \n".to_owned()),
    };
    assert_eq!(text(&label), "品名：车厘子 2磅\n配料：【缺失】\n");
}

#[test]
fn layout_keeps_headings_lines_inside_and_no_prohibited_line_starts() {
    let mut label = food();
    // Punctuation right where lines fill up, a long Latin word, brackets.
    label.items.push(item(
        "配料表",
        Some(
            "樱桃（Prunus avium），水，白砂糖，柠檬酸，维生素C，天然香料，Pneumonoultramicroscopicsilicovolcanoconiosis-free，「产地直发」。",
        ),
    ));
    label.items.push(item(
        "说明",
        Some("Fresh Washington Bing cherries, hand-picked at peak ripeness and shipped cold."),
    ));
    let lay = layout(&label).unwrap();
    assert_eq!(lay.width, 1181);

    // Every heading is drawn, once, at the start of its item's first line.
    for (i, it) in label.items.iter().enumerate() {
        let first = lay.lines.iter().find(|l| l.role == Role::Item(i)).unwrap();
        assert!(!first.continued);
        assert_eq!(first.spans[0].text, format!("{}：", it.heading));
    }
    // The missing value is the marker, flagged as missing.
    let missing: Vec<_> = lay
        .lines
        .iter()
        .flat_map(|l| &l.spans)
        .filter(|s| s.missing)
        .collect();
    assert_eq!(missing.len(), 1);
    assert_eq!(missing[0].text, "【缺失】");

    for line in &lay.lines {
        assert!(
            line.right() <= lay.right + 0.01,
            "{:?} ends at {} past {}",
            line.text(),
            line.right(),
            lay.right
        );
        for s in &line.spans {
            assert!(s.x >= lay.left, "{:?}", s.text);
        }
        if line.continued {
            let first = line.text().chars().next().unwrap();
            assert!(
                !NO_START.contains(first),
                "line starts with {first}: {:?}",
                line.text()
            );
        }
        let last = line.text().chars().last().unwrap();
        assert!(
            !NO_END.contains(last),
            "line ends with {last}: {:?}",
            line.text()
        );
    }

    // The long ingredient list wraps, under its value column (hanging indent).
    let ingredients: Vec<_> = lay
        .lines
        .iter()
        .filter(|l| l.role == Role::Item(7))
        .collect();
    assert!(ingredients.len() >= 3, "{}", ingredients.len());
    let column = ingredients[0].spans[1].x;
    for l in &ingredients[1..] {
        assert_eq!(l.spans.len(), 1);
        assert_eq!(l.spans[0].x, column);
    }
    // The word longer than the column is cut, and only it.
    let joined: String = ingredients.iter().map(|l| l.text()).collect();
    assert!(joined.contains("Pneumonoultramicroscopicsilicovolcanoconiosis-free"));
    // The English sentence breaks only at spaces: every line holds whole words.
    let english: Vec<_> = lay
        .lines
        .iter()
        .filter(|l| l.role == Role::Item(8))
        .collect();
    assert!(english.len() >= 2);
    let words: Vec<String> = english
        .iter()
        .map(|l| l.spans.last().unwrap().text.clone())
        .collect();
    assert_eq!(
        words.join(" "),
        "Fresh Washington Bing cherries, hand-picked at peak ripeness and shipped cold."
    );

    // The notice comes last, smaller, over more than one line.
    let notice: Vec<_> = lay
        .lines
        .iter()
        .filter(|l| l.role == Role::Notice)
        .collect();
    assert!(notice.len() >= 2);
    assert!(notice[0].em < lay.lines[1].em);
    assert_eq!(lay.lines.last().unwrap().role, Role::Notice);
    let read: String = notice.iter().map(|l| l.text()).collect();
    assert_eq!(read, NOTICE);
}

#[test]
fn a_wide_heading_puts_its_value_below() {
    let label = Label {
        title: String::new(),
        items: vec![item(
            "境内代理商名称、地址及联系方式（进口商或境内责任人）",
            Some("上海某某贸易有限公司"),
        )],
        missing: "【缺失】".to_owned(),
        notice: None,
    };
    let lay = layout(&label).unwrap();
    let value = lay
        .lines
        .iter()
        .find(|l| l.text() == "上海某某贸易有限公司")
        .unwrap();
    assert!(value.continued);
    assert!(value.spans[0].x > lay.left);
    for line in &lay.lines {
        assert!(line.right() <= lay.right + 0.01);
    }
}

fn decode(bytes: &[u8]) -> image::GrayImage {
    image::load_from_memory(bytes).unwrap().to_luma8()
}

#[test]
fn png_decodes_at_label_width_with_ink_inside_the_border() {
    let label = food();
    let out = png(&label).unwrap();
    let img = decode(&out.bytes);
    assert_eq!((img.width(), img.height()), (out.width, out.height));
    assert_eq!(out.width, 1181);
    assert_eq!(out.height, layout(&label).unwrap().height);
    assert!(out.unknown_chars.is_empty(), "{:?}", out.unknown_chars);

    // Paper outside the border, the border itself dark all round.
    let (w, h) = (img.width(), img.height());
    for x in 0..w {
        assert_eq!(img.get_pixel(x, 5)[0], 255);
        assert_eq!(img.get_pixel(x, h - 5)[0], 255);
    }
    for x in 30..w - 30 {
        assert!(img.get_pixel(x, 25)[0] < 64, "top border at x={x}");
        assert!(img.get_pixel(x, h - 26)[0] < 64, "bottom border at x={x}");
    }
    for y in 30..h - 30 {
        assert!(img.get_pixel(25, y)[0] < 64, "left border at y={y}");
        assert!(img.get_pixel(w - 26, y)[0] < 64, "right border at y={y}");
    }

    // Ink on every line of text, inside the border.
    let lay = layout(&label).unwrap();
    for line in &lay.lines {
        let top = (line.baseline - line.em * 0.88) as u32;
        let bottom = (line.baseline + line.em * 0.12) as u32;
        let dark = (top..bottom)
            .flat_map(|y| (40..w - 40).map(move |x| (x, y)))
            .filter(|&(x, y)| img.get_pixel(x, y)[0] < 128)
            .count();
        assert!(dark > 100, "{:?}: {dark} dark pixels", line.text());
    }
    // Greys from anti-aliasing exist, and no colour: the PNG is one channel.
    assert!(img.pixels().any(|p| p[0] > 30 && p[0] < 220));
    assert_eq!(out.bytes[25], 0, "colour type 0: greyscale");
}

#[test]
fn the_missing_marker_is_boxed() {
    let label = food();
    let lay = layout(&label).unwrap();
    let out = png(&label).unwrap();
    let img = decode(&out.bytes);
    let (line, span) = lay
        .lines
        .iter()
        .find_map(|l| l.spans.iter().find(|s| s.missing).map(|s| (l, s)))
        .unwrap();
    // The box's top edge: a solid dark run over the marker's whole width.
    let top = (line.baseline - line.em * (0.88 + 0.15)) as u32;
    let row_dark =
        |y: u32| (span.x as u32..(span.x + span.width) as u32).all(|x| img.get_pixel(x, y)[0] < 64);
    assert!((top..top + 4).any(row_dark), "no box edge near y={top}");
    // The same label with a value there has no such edge.
    let mut filled = food();
    filled.items[6].value = Some("上海某某贸易有限公司".to_owned());
    let img2 = decode(&png(&filled).unwrap().bytes);
    let row_dark2 = |y: u32| {
        (span.x as u32..(span.x + span.width) as u32).all(|x| img2.get_pixel(x, y)[0] < 64)
    };
    assert!(!(top..top + 4).any(row_dark2));
}

#[test]
fn longer_content_makes_a_taller_label() {
    let short = png(&food()).unwrap();
    let mut long = food();
    long.items[1].value = Some("新鲜樱桃".repeat(30));
    let long = png(&long).unwrap();
    assert_eq!(long.width, short.width);
    assert!(
        long.height > short.height + 100,
        "{} vs {}",
        long.height,
        short.height
    );
    let mut none = food();
    none.notice = None;
    assert!(png(&none).unwrap().height < short.height);
}

#[test]
fn the_same_label_gives_the_same_bytes() {
    let a = png(&food()).unwrap();
    let b = png(&food()).unwrap();
    assert_eq!(a.bytes, b.bytes);
    // From another thread too (the font is shared, parsed once).
    let c = std::thread::spawn(|| png(&food()).unwrap()).join().unwrap();
    assert_eq!(a.bytes, c.bytes);
    let mut other = food();
    other.items[3].value = Some("908克".to_owned());
    assert_ne!(a.bytes, png(&other).unwrap().bytes);
}

#[test]
fn the_png_says_300_dpi() {
    let out = png(&food()).unwrap();
    let b = &out.bytes;
    assert_eq!(&b[37..41], b"pHYs");
    assert_eq!(u32::from_be_bytes(b[33..37].try_into().unwrap()), 9);
    let ppm = u32::from_be_bytes(b[41..45].try_into().unwrap());
    assert_eq!(ppm, 11811); // 300 dpi in pixels per metre
    assert_eq!(b[49], 1);
    let crc = u32::from_be_bytes(b[50..54].try_into().unwrap());
    assert_eq!(crc, crc32fast::hash(&b[37..50]));
}

#[test]
fn characters_the_font_lacks_are_reported() {
    let mut label = food();
    // An emoji, a CJK Extension B character (U+20BB7 𠮷) and a GBK-only one (喆), twice over.
    label.items[0].value = Some("车厘子🍒𠮷喆 🍒喆".to_owned());
    let out = png(&label).unwrap();
    assert_eq!(out.unknown_chars, vec!['喆', '🍒', '𠮷']);
    // They are drawn (as the .notdef box), not skipped: the line has ink where they are.
    let img = decode(&out.bytes);
    assert_eq!(img.width(), 1181);
    // The text keeps them as they are.
    assert!(text(&label).contains("车厘子🍒𠮷喆 🍒喆"));
}

#[test]
fn a_label_past_one_metre_is_an_error() {
    let mut label = food();
    label.items[1].value = Some("樱桃".repeat(20_000));
    let err = png(&label).unwrap_err();
    assert_eq!(err.code(), "label-too-tall");
    assert!(matches!(err, Error::TooTall { max: 11_811, .. }));
    assert_eq!(err.args()["max_mm"], "1000");
}

#[test]
fn every_error_code_has_a_message_in_both_locales() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/locales");
    let errors = [
        Error::Font("x".to_owned()),
        Error::TooTall { height: 1, max: 2 },
        Error::Encode("x".to_owned()),
    ];
    for locale in ["en", "zh-CN"] {
        let ftl = std::fs::read_to_string(format!("{root}/{locale}/label.ftl")).unwrap();
        for e in &errors {
            let id = format!("error-{} =", e.code());
            assert!(ftl.contains(&id), "{locale} lacks {id}");
            for arg in e.args().keys() {
                assert!(ftl.contains(&format!("${arg}")), "{locale} lacks ${arg}");
            }
        }
    }
}

#[test]
fn sample_png_for_looking_at() {
    let mut label = food();
    label.items.push(item(
        "说明",
        Some("Fresh Washington Bing cherries（华盛顿宾莹樱桃），手工采摘，全程冷链。"),
    ));
    let out = png(&label).unwrap();
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../target/label-sample.png");
    std::fs::write(path, &out.bytes).unwrap();
    std::fs::write(
        concat!(env!("CARGO_MANIFEST_DIR"), "/../../target/label-sample.txt"),
        text(&label),
    )
    .unwrap();
}

#[test]
fn edge_sample_png_for_looking_at() {
    let label = Label {
        title: "中文标签 Chinese label".to_owned(),
        items: vec![
            item("品名", Some("车厘子🍒𠮷喆（特级）")),
            item(
                "配料表",
                Some(
                    "樱桃（Prunus avium），水，白砂糖，柠檬酸，维生素C，Pneumonoultramicroscopicsilicovolcanoconiosis-free，「产地直发」。",
                ),
            ),
            item("境内代理商名称、地址及联系方式（进口商或境内责任人）", None),
        ],
        missing: "【缺失】".to_owned(),
        notice: None,
    };
    let out = png(&label).unwrap();
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../target/label-sample-edge.png"
    );
    std::fs::write(path, &out.bytes).unwrap();
}
