//! Real image files, written to a temp dir or committed under `tests/fixtures/images/`, through
//! `decode`, `render`, `render_file` and `thumbnail`.

#![allow(clippy::unwrap_used)] // helpers outside #[test] fns panic on purpose

mod support;

use std::time::{Duration, Instant};

use image::{DynamicImage, GenericImageView, ImageFormat, Rgb, RgbImage, Rgba, RgbaImage};
use kuajing_imaging::{
    Error, Limits, OutputFormat, SlotSpec, decode, decode_file, render, render_file, render_slots,
    thumbnail,
};
use support::*;

const WHITE: [u8; 3] = [255, 255, 255];

fn main_slot() -> SlotSpec {
    SlotSpec {
        background: WHITE,
        ..SlotSpec::contain(800, 800, 1024 * 1024)
    }
}

fn decode_ok(bytes: &[u8]) -> DynamicImage {
    decode(bytes, "test", &Limits::default()).unwrap()
}

fn decode_err(bytes: &[u8], name: &str) -> Error {
    decode(bytes, name, &Limits::default()).unwrap_err()
}

fn px(image: &DynamicImage, x: u32, y: u32) -> [u8; 3] {
    let p = image.get_pixel(x, y);
    [p[0], p[1], p[2]]
}

#[test]
fn every_exif_orientation_comes_out_upright() {
    for orientation in 1..=8u16 {
        let stored = stored_for_orientation(orientation);
        let bytes = with_exif(&jpeg(&stored), Some(orientation), false);
        let upright = decode_ok(&bytes);
        assert_eq!(upright.dimensions(), (64, 48), "orientation {orientation}");
        for (x, y, colour, what) in [
            (4, 4, RED, "top-left red"),
            (59, 4, GREEN, "top-right green"),
            (4, 43, BLUE, "bottom-left blue"),
            (59, 43, GREY, "bottom-right grey"),
        ] {
            let got = px(&upright, x, y);
            assert!(
                close(got, colour, 40),
                "orientation {orientation}: {what} but got {got:?}"
            );
        }
    }
}

#[test]
fn orientation_is_applied_through_render_too() {
    // Orientation 6: stored portrait, shown landscape; in an 800x800 slot it is letterboxed.
    let bytes = with_exif(&jpeg(&stored_for_orientation(6)), Some(6), true);
    let upscale = SlotSpec {
        min_source_width: 1,
        min_source_height: 1,
        ..main_slot()
    };
    let out = decode_ok(&render(&decode_ok(&bytes), &upscale).unwrap().first().bytes);
    assert_eq!(out.dimensions(), (800, 800));
    assert!(close(px(&out, 400, 20), WHITE, 8), "white band above");
    assert!(
        close(px(&out, 40, 250), RED, 40),
        "red top-left of the picture"
    );
    assert!(
        close(px(&out, 760, 250), GREEN, 40),
        "green top-right of the picture"
    );
}

#[test]
fn output_carries_no_exif_or_gps() {
    let source = with_exif(&jpeg(&photo_like(1200, 900, 3)), Some(1), true);
    assert!(
        source.windows(6).any(|w| w == b"Exif\0\0"),
        "the source does carry EXIF"
    );
    let rendered = render(&decode_ok(&source), &main_slot()).unwrap();
    let markers = jpeg_header_markers(&rendered.first().bytes);
    assert!(
        !markers.contains(&0xE1),
        "no APP1 (EXIF/XMP) segment: {markers:x?}"
    );
    assert!(!rendered.first().bytes.windows(4).any(|w| w == b"Exif"));
    let thumb = thumbnail(&decode_ok(&source), 200).unwrap();
    assert!(!jpeg_header_markers(&thumb).contains(&0xE1));
}

#[test]
fn photo_becomes_an_800_square_jpeg_under_1_mb() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("IMG_4032.jpg");
    std::fs::write(&path, jpeg(&photo_like(4032, 3024, 7))).unwrap();
    let rendered = render_file(&path, &main_slot(), &Limits::default()).unwrap();
    assert_eq!(
        (rendered.first().width, rendered.first().height),
        (800, 800)
    );
    assert!(
        rendered.first().bytes.len() < 1024 * 1024,
        "{} bytes",
        rendered.first().bytes.len()
    );
    assert_eq!(
        image::guess_format(&rendered.first().bytes).unwrap(),
        ImageFormat::Jpeg
    );
    assert_eq!(rendered.first().quality, Some(90));
    assert!(rendered.findings.is_empty(), "{:?}", rendered.findings);
    assert_eq!(decode_ok(&rendered.first().bytes).dimensions(), (800, 800));
}

#[test]
fn landscape_is_letterboxed_with_white_top_and_bottom() {
    let green = RgbImage::from_pixel(1600, 900, Rgb(GREEN));
    let out = decode_ok(
        &render(&DynamicImage::ImageRgb8(green), &main_slot())
            .unwrap()
            .first()
            .bytes,
    );
    // 1600x900 fits as 800x450, so rows 175..625 are the picture.
    for y in [0, 100, 170, 630, 700, 799] {
        assert!(
            close(px(&out, 400, y), WHITE, 6),
            "row {y} white: {:?}",
            px(&out, 400, y)
        );
    }
    for y in [180, 400, 620] {
        assert!(
            close(px(&out, 400, y), GREEN, 12),
            "row {y} green: {:?}",
            px(&out, 400, y)
        );
    }
    assert!(close(px(&out, 2, 400), GREEN, 12), "full width");
}

#[test]
fn portrait_is_pillarboxed_on_the_slot_background() {
    let spec = SlotSpec {
        background: [10, 20, 30],
        ..main_slot()
    };
    let red = RgbImage::from_pixel(900, 1600, Rgb(RED));
    let out = decode_ok(
        &render(&DynamicImage::ImageRgb8(red), &spec)
            .unwrap()
            .first()
            .bytes,
    );
    assert!(close(px(&out, 20, 400), [10, 20, 30], 8));
    assert!(close(px(&out, 400, 400), RED, 12));
    assert!(close(px(&out, 780, 400), [10, 20, 30], 8));
}

#[test]
fn png_alpha_is_flattened_on_white() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("logo.png");
    // Left half transparent, right half opaque red, a half-transparent band at the bottom.
    let rgba = RgbaImage::from_fn(1000, 1000, |x, y| match (x < 500, y >= 900) {
        (_, true) => Rgba([0, 0, 0, 128]),
        (true, false) => Rgba([0, 255, 0, 0]),
        (false, false) => Rgba([RED[0], RED[1], RED[2], 255]),
    });
    DynamicImage::ImageRgba8(rgba)
        .save_with_format(&path, ImageFormat::Png)
        .unwrap();
    let rendered = render_file(&path, &main_slot(), &Limits::default()).unwrap();
    let out = decode_ok(&rendered.first().bytes);
    assert!(
        close(px(&out, 200, 300), WHITE, 6),
        "transparent is white: {:?}",
        px(&out, 200, 300)
    );
    assert!(close(px(&out, 600, 300), RED, 12));
    assert!(
        close(px(&out, 400, 760), [127, 127, 127], 10),
        "half black on white is grey"
    );
}

#[test]
fn sixteen_bit_png_is_reduced_to_eight() {
    let rgb16 = image::ImageBuffer::<Rgb<u16>, _>::from_fn(900, 600, |x, _| {
        if x < 450 {
            Rgb([65535, 32896, 0])
        } else {
            Rgb([0, 0, 65535])
        }
    });
    let bytes = encode(&DynamicImage::ImageRgb16(rgb16), ImageFormat::Png);
    // Decoded straight to 8 bits, rounded: 32896/257 = 128.
    let decoded = decode_ok(&bytes);
    assert_eq!(decoded.color(), image::ColorType::Rgb8);
    assert_eq!(px(&decoded, 10, 10), [255, 128, 0]);
    let out = decode_ok(&render(&decoded, &main_slot()).unwrap().first().bytes);
    assert!(
        close(px(&out, 200, 400), [255, 128, 0], 12),
        "{:?}",
        px(&out, 200, 400)
    );
    assert!(
        close(px(&out, 600, 400), [0, 0, 255], 12),
        "{:?}",
        px(&out, 600, 400)
    );

    // 16-bit with alpha too.
    let rgba16 = image::ImageBuffer::<Rgba<u16>, _>::from_pixel(100, 100, Rgba([0, 0, 0, 0]));
    let bytes = encode(&DynamicImage::ImageRgba16(rgba16), ImageFormat::Png);
    let out = decode_ok(
        &render(&decode_ok(&bytes), &main_slot())
            .unwrap()
            .first()
            .bytes,
    );
    assert!(close(px(&out, 400, 400), WHITE, 4));
}

#[test]
fn truncated_jpeg_is_an_error_not_a_grey_picture() {
    let whole = jpeg(&photo_like(640, 480, 5));
    for cut in [whole.len() / 3, whole.len() * 9 / 10, whole.len() - 2] {
        let e = decode_err(&whole[..cut], "IMG_0001.jpg");
        assert_eq!(e.code(), "truncated", "cut at {cut}: {e}");
        assert!(
            e.to_string().starts_with("IMG_0001.jpg is cut short"),
            "{e}"
        );
    }
    // Cut inside the header segments as well.
    assert_eq!(decode_err(&whole[..40], "a.jpg").code(), "truncated");
    // Bytes after the end marker (camera trailers) are fine.
    let mut trailer = whole.clone();
    trailer.extend_from_slice(b"\0\0SAMSUNG trailer");
    assert_eq!(decode_ok(&trailer).dimensions(), (640, 480));
}

#[test]
fn truncated_png_is_an_error() {
    let whole = encode(
        &DynamicImage::ImageRgb8(photo_like(320, 240, 2)),
        ImageFormat::Png,
    );
    let e = decode_err(&whole[..whole.len() / 2], "box.png");
    assert_eq!(e.code(), "truncated", "{e}");
}

#[test]
fn text_file_named_jpg_is_not_an_image() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cherries.jpg");
    std::fs::write(
        &path,
        "Handle,Title,Body (HTML)\nrainier-cherries,Rainier Cherries,\n",
    )
    .unwrap();
    let e = render_file(&path, &main_slot(), &Limits::default()).unwrap_err();
    assert_eq!(e.code(), "not-an-image");
    assert_eq!(
        e.to_string(),
        "cherries.jpg is not an image (it looks like text)"
    );
}

#[test]
fn png_header_bomb_is_refused_from_the_header() {
    let bomb = png_header_bomb(30000, 30000);
    assert!(bomb.len() < 200, "the bomb itself is tiny");
    let started = Instant::now();
    let e = decode_err(&bomb, "bomb.png");
    // Allocating 30000x30000 RGBA (3.6 GB) and failing would take far longer than this and be
    // reported as truncated, not too-many-pixels.
    assert!(
        started.elapsed() < Duration::from_millis(500),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(e.code(), "too-many-pixels", "{e}");
    let args = e.args();
    assert_eq!(
        (args["width"].as_str(), args["height"].as_str()),
        ("30000", "30000")
    );
    assert_eq!(args["limit"], "100000000");
    assert!(
        e.to_string().starts_with("bomb.png is 30000x30000 pixels"),
        "{e}"
    );
}

#[test]
fn jpeg_header_bomb_is_refused_from_the_header() {
    let started = Instant::now();
    let e = decode_err(&jpeg_header_bomb(60000, 60000), "bomb.jpg");
    assert!(started.elapsed() < Duration::from_millis(500));
    assert_eq!(e.code(), "too-many-pixels", "{e}");
}

#[test]
fn pixel_limit_is_the_callers() {
    let bytes = jpeg(&photo_like(200, 100, 1));
    let limits = Limits {
        max_pixels: 19_999,
        ..Limits::default()
    };
    assert_eq!(
        decode(&bytes, "x.jpg", &limits).unwrap_err().code(),
        "too-many-pixels"
    );
    let limits = Limits {
        max_pixels: 20_000,
        ..Limits::default()
    };
    assert!(decode(&bytes, "x.jpg", &limits).is_ok());
}

#[test]
fn empty_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.jpg");
    std::fs::write(&path, b"").unwrap();
    let e = decode_file(&path, &Limits::default()).unwrap_err();
    assert_eq!(e.code(), "empty");
    assert!(e.to_string().starts_with("empty.jpg is empty"), "{e}");
}

#[test]
fn too_large_file_is_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.jpg");
    std::fs::write(&path, jpeg(&photo_like(300, 200, 1))).unwrap();
    let limits = Limits {
        max_bytes: 1000,
        ..Limits::default()
    };
    let e = render_file(&path, &main_slot(), &limits).unwrap_err();
    assert_eq!(e.code(), "too-large-file");
    assert!(e.to_string().starts_with("huge.jpg is "), "{e}");
    assert_eq!(
        decode(&[0u8; 2000], "m.jpg", &limits).unwrap_err().code(),
        "too-large-file"
    );
}

#[test]
fn heic_and_other_formats_say_what_to_do() {
    let heic = b"\0\0\0\x18ftypheic\0\0\0\0mif1heicmiaf\0\0\0\0meta";
    let e = decode_err(heic, "IMG_1234.HEIC");
    assert_eq!(e.code(), "unsupported-format");
    assert_eq!(
        e.to_string(),
        "IMG_1234.HEIC: HEIC is not supported yet; export the photo as JPEG"
    );
    let bmp = b"BM\x3a\0\0\0\0\0\0\0\x36\0\0\0\x28\0\0\0";
    assert_eq!(decode_err(bmp, "scan.bmp").code(), "unsupported-format");
    assert_eq!(decode_err(b"%PDF-1.4\n", "spec.pdf").code(), "not-an-image");
    let e = decode_err(b"<!doctype html><html>", "photo.jpg");
    assert!(e.to_string().contains("web page"), "{e}");
}

#[test]
fn other_decodable_formats_work() {
    for format in [
        ImageFormat::WebP,
        ImageFormat::Gif,
        ImageFormat::Tiff,
        ImageFormat::Png,
    ] {
        let bytes = encode(&DynamicImage::ImageRgb8(photo_like(120, 90, 1)), format);
        assert_eq!(decode_ok(&bytes).dimensions(), (120, 90), "{format:?}");
    }
}

#[test]
fn small_source_is_not_upscaled_and_gets_a_finding() {
    let rendered = render(
        &DynamicImage::ImageRgb8(photo_like(400, 300, 1)),
        &main_slot(),
    )
    .unwrap();
    assert_eq!(
        (rendered.first().width, rendered.first().height),
        (800, 800)
    );
    let finding = &rendered.findings[0];
    assert_eq!(finding.code, "source-too-small");
    assert_eq!(finding.args["width"], "400");
    assert_eq!(finding.args["min_width"], "800");
    // The photo sits at its own size in the middle, on white: no blurry upscale.
    let out = decode_ok(&rendered.first().bytes);
    assert_eq!(px(&out, 150, 400), [255, 255, 255]);
    assert_ne!(px(&out, 250, 400), [255, 255, 255]);
    assert_eq!(px(&out, 400, 140), [255, 255, 255]);
    assert_ne!(px(&out, 400, 260), [255, 255, 255]);

    // A lower minimum (700, as Taobao's zoom needs) lets a 750 photo be upscaled quietly.
    let spec = SlotSpec {
        min_source_width: 700,
        min_source_height: 700,
        ..main_slot()
    };
    let ok = render(&DynamicImage::ImageRgb8(photo_like(750, 750, 2)), &spec).unwrap();
    assert!(ok.findings.is_empty(), "{:?}", ok.findings);
    let out = decode_ok(&ok.first().bytes);
    assert_ne!(px(&out, 3, 3), [255, 255, 255]);
}

#[test]
fn jpeg_quality_is_searched_down_to_fit_the_cap() {
    let noisy = DynamicImage::ImageRgb8(noise(800, 800, 9));
    let at_90 = render(
        &noisy,
        &SlotSpec {
            max_bytes: u64::MAX,
            ..main_slot()
        },
    )
    .unwrap();
    let cap = at_90.first().bytes.len() as u64 * 3 / 4;
    let rendered = render(
        &noisy,
        &SlotSpec {
            max_bytes: cap,
            ..main_slot()
        },
    )
    .unwrap();
    assert!(rendered.first().bytes.len() as u64 <= cap);
    let q = rendered.first().quality.unwrap();
    assert!((60..90).contains(&q), "{q}");
    assert!(
        rendered
            .findings
            .iter()
            .any(|f| f.code == "quality-reduced")
    );

    // Not even the floor fits: the floor's file comes back with a finding saying so.
    let over = render(
        &noisy,
        &SlotSpec {
            max_bytes: 10_000,
            ..main_slot()
        },
    )
    .unwrap();
    assert_eq!(over.first().quality, Some(60));
    let f = over
        .findings
        .iter()
        .find(|f| f.code == "over-byte-cap")
        .unwrap();
    assert_eq!(f.args["max_bytes"], "10000");
    assert!(f.args["bytes"].parse::<u64>().unwrap() > 10_000);
}

#[test]
fn png_slot_renders_png() {
    let spec = SlotSpec {
        width: 300,
        height: 200,
        format: OutputFormat::Png,
        ..main_slot()
    };
    let rendered = render(&DynamicImage::ImageRgb8(photo_like(900, 600, 4)), &spec).unwrap();
    assert_eq!(
        image::guess_format(&rendered.first().bytes).unwrap(),
        ImageFormat::Png
    );
    assert_eq!(rendered.first().quality, None);
    assert_eq!(decode_ok(&rendered.first().bytes).dimensions(), (300, 200));
}

#[test]
fn invalid_slots_are_errors() {
    let img = DynamicImage::ImageRgb8(photo_like(10, 10, 1));
    let e = render(
        &img,
        &SlotSpec {
            width: 0,
            ..main_slot()
        },
    )
    .unwrap_err();
    assert_eq!(e.code(), "invalid-slot");
    assert_eq!(thumbnail(&img, 0).unwrap_err().code(), "invalid-slot");
}

#[test]
fn an_invalid_slot_beside_good_ones_is_its_own_error() {
    // Found by fuzzing: a 0-pixel slot made choosing the decode size panic.
    let bytes = jpeg(&photo_like(64, 48, 2));
    let limits = Limits::default();
    let specs = [
        main_slot(),
        SlotSpec {
            width: 0,
            ..main_slot()
        },
        SlotSpec::contain(1, 1, 1024 * 1024),
    ];
    let results = render_slots(&bytes, "p.jpg", &specs, &limits).unwrap();
    assert_eq!(results.len(), 3);
    assert!(results[0].is_ok());
    assert_eq!(results[1].as_ref().unwrap_err().code(), "invalid-slot");
    assert!(results[2].is_ok());
}

#[test]
fn thumbnail_is_a_small_jpeg_never_upscaled() {
    let big = DynamicImage::ImageRgb8(photo_like(4000, 3000, 1));
    let thumb = decode_ok(&thumbnail(&big, 256).unwrap());
    assert_eq!(thumb.dimensions(), (256, 192));
    let small = DynamicImage::ImageRgb8(photo_like(100, 50, 1));
    assert_eq!(
        decode_ok(&thumbnail(&small, 256).unwrap()).dimensions(),
        (100, 50)
    );
}

/// The committed fixtures are the same crafted files as above, so a reader can open them.
#[test]
fn committed_fixtures_behave() {
    let dir = fixtures_dir();
    let limits = Limits::default();
    let upright = decode_file(&dir.join("orientation-6-gps.jpg"), &limits).unwrap();
    assert_eq!(upright.dimensions(), (64, 48));
    assert!(close(px(&upright, 4, 4), RED, 40));
    let rendered = render_file(&dir.join("orientation-6-gps.jpg"), &main_slot(), &limits).unwrap();
    assert!(!jpeg_header_markers(&rendered.first().bytes).contains(&0xE1));

    let out = decode_ok(
        &render_file(&dir.join("alpha.png"), &main_slot(), &limits)
            .unwrap()
            .first()
            .bytes,
    );
    assert!(close(px(&out, 10, 400), WHITE, 6));
    assert_eq!(
        decode_file(&dir.join("rgb16.png"), &limits)
            .unwrap()
            .color(),
        image::ColorType::Rgb8
    );
    for (file, code) in [
        ("truncated.jpg", "truncated"),
        ("text-named.jpg", "not-an-image"),
        ("bomb-30000x30000.png", "too-many-pixels"),
        ("empty.jpg", "empty"),
        ("header-only.heic", "unsupported-format"),
    ] {
        let e = decode_file(&dir.join(file), &limits).unwrap_err();
        assert_eq!(e.code(), code, "{file}: {e}");
        assert_eq!(e.name(), file);
    }
}

/// Rewrites the committed fixtures: `cargo test -p kuajing-imaging --test decode_render --
/// --ignored write_fixtures`.
#[test]
#[ignore = "writes tests/fixtures/images/"]
fn write_fixtures() {
    let dir = fixtures_dir();
    std::fs::create_dir_all(&dir).unwrap();
    let write = |name: &str, bytes: &[u8]| std::fs::write(dir.join(name), bytes).unwrap();
    write(
        "orientation-6-gps.jpg",
        &with_exif(&jpeg(&stored_for_orientation(6)), Some(6), true),
    );
    let alpha = RgbaImage::from_fn(96, 64, |x, y| {
        let a = if x < 32 {
            0
        } else if x < 64 {
            128
        } else {
            255
        };
        Rgba([200, (y * 3) as u8, 40, a])
    });
    write(
        "alpha.png",
        &encode(&DynamicImage::ImageRgba8(alpha), ImageFormat::Png),
    );
    let rgb16 = image::ImageBuffer::<Rgb<u16>, _>::from_fn(64, 48, |x, y| {
        Rgb([(x * 1000) as u16, (y * 1300) as u16, 40000])
    });
    write(
        "rgb16.png",
        &encode(&DynamicImage::ImageRgb16(rgb16), ImageFormat::Png),
    );
    let whole = jpeg(&photo_like(160, 120, 5));
    write("truncated.jpg", &whole[..whole.len() * 2 / 3]);
    write(
        "text-named.jpg",
        b"Handle,Title\nrainier-cherries,Rainier Cherries 2 lb\n",
    );
    write("bomb-30000x30000.png", &png_header_bomb(30000, 30000));
    write("empty.jpg", b"");
    write("header-only.heic", b"\0\0\0\x18ftypheic\0\0\0\0mif1heic");
}
