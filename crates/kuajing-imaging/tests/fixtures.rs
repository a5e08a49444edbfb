//! The committed fixtures of `tests/fixtures/images/` (made by `scripts/make-image-fixtures.sh`,
//! described in its README): colour management against LittleCMS references, every EXIF
//! orientation, every input format, damaged files, metadata stripping, trimming and slots.
// The references and "naive" views are read with the `image` crate on purpose: an independent
// decoder, not the one under test.
#![allow(clippy::unwrap_used, clippy::disallowed_methods)]

mod support;

use std::path::PathBuf;

use image::{DynamicImage, GenericImageView, ImageFormat};
use kuajing_imaging::{
    Crop, Fit, Limits, OutputFormat, SlotSpec, Trim, decode, decode_photo, render_bytes,
};
use support::delta_e::{check_against_sharma, delta_e2000};
use support::fixtures_dir;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(fixtures_dir().join(name)).unwrap()
}

fn path(name: &str) -> PathBuf {
    fixtures_dir().join(name)
}

fn decoded(name: &str) -> DynamicImage {
    decode(&fixture(name), name, &Limits::default()).unwrap()
}

fn reference(name: &str) -> image::RgbImage {
    image::open(path(name)).unwrap().to_rgb8()
}

/// Mean and max ΔE2000 over rows `y0..y1`.
fn delta_e(ours: &DynamicImage, reference: &image::RgbImage, y0: u32, y1: u32) -> (f64, f64) {
    let ours = ours.to_rgb8();
    assert_eq!(ours.dimensions(), reference.dimensions());
    let (mut sum, mut max, mut n) = (0.0, 0.0f64, 0.0);
    for y in y0..y1 {
        for x in 0..ours.width() {
            let d = delta_e2000(ours.get_pixel(x, y).0, reference.get_pixel(x, y).0);
            sum += d;
            max = max.max(d);
            n += 1.0;
        }
    }
    (sum / n, max)
}

#[test]
fn delta_e_is_ciede2000() {
    check_against_sharma();
}

/// Every colour-managed source against its LittleCMS reference (perceptual intent, no BPC):
/// rows A-D (the designed colours) within ΔE2000 mean 1 / max 3, row E (the source space's own
/// extremes, where gamut clipping may differ) within mean 3. A pipeline that ignores the
/// profile is off by mean 1.5 (P3) to 15 (CMYK): see the README.
#[test]
fn embedded_profiles_are_converted_to_srgb_like_littlecms() {
    for (source, reference_file) in [
        ("color-adobergb.jpg", "color-adobergb.ref.png"),
        ("color-displayp3.jpg", "color-displayp3.ref.png"),
        ("color-p3-16bit.png", "color-p3-16bit.ref.png"),
        ("color-cmyk.jpg", "color-cmyk.ref.png"),
        ("color-ycck.jpg", "color-ycck.ref.png"),
        ("color-cmyk-noicc.jpg", "color-cmyk-noicc.ref.png"),
    ] {
        let ours = decoded(source);
        let reference = reference(reference_file);
        let (mean, max) = delta_e(&ours, &reference, 0, 128);
        eprintln!("{source}: rows A-D mean {mean:.2} max {max:.2}");
        assert!(
            mean <= 1.0 && max <= 3.0,
            "{source}: mean {mean:.2}, max {max:.2}"
        );
        let (mean_e, max_e) = delta_e(&ours, &reference, 128, 144);
        eprintln!("{source}: row E mean {mean_e:.2} max {max_e:.2}");
        assert!(
            mean_e <= 3.0,
            "{source}: row E mean {mean_e:.2}, max {max_e:.2}"
        );
    }
}

#[test]
fn a_saturated_p3_patch_is_not_left_as_is() {
    // Row A's green patch: naive (P3 numbers read as sRGB) is ΔE 3.9 away from the reference.
    let naive = image::open(path("color-displayp3.jpg")).unwrap().to_rgb8();
    let ours = decoded("color-displayp3.jpg").to_rgb8();
    let reference = reference("color-displayp3.ref.png");
    let at = |img: &image::RgbImage| img.get_pixel(48, 20).0;
    assert!(delta_e2000(at(&naive), at(&reference)) > 3.0);
    assert!(delta_e2000(at(&ours), at(&reference)) < 1.0);
}

#[test]
fn the_embedded_cmyk_profile_wins_over_the_default() {
    // The same inks through the default profile are ΔE ~2.6 away: we must have used the
    // embedded one.
    let ours = decoded("color-cmyk.jpg");
    let with_default = reference("color-cmyk-noicc.ref.png");
    let with_embedded = reference("color-cmyk.ref.png");
    let (to_embedded, _) = delta_e(&ours, &with_embedded, 0, 128);
    let (to_default, _) = delta_e(&ours, &with_default, 0, 128);
    assert!(to_embedded < to_default, "{to_embedded} vs {to_default}");
}

#[test]
fn every_orientation_fixture_comes_out_upright() {
    let upright = image::open(path("orient-upright.png")).unwrap().to_rgb8();
    for n in 1..=8 {
        let name = format!("orient-{n}.jpg");
        let ours = decoded(&name).to_rgb8();
        assert_eq!(ours.dimensions(), upright.dimensions(), "{name}");
        let mean: f64 = ours
            .pixels()
            .zip(upright.pixels())
            .map(|(a, b)| {
                a.0.iter()
                    .zip(b.0)
                    .map(|(x, y)| f64::from(x.abs_diff(y)))
                    .sum::<f64>()
            })
            .sum::<f64>()
            / f64::from(ours.width() * ours.height() * 3);
        assert!(mean < 3.0, "{name}: mean difference {mean:.2}");
    }
}

#[test]
fn every_input_format_decodes_to_8_bit_srgb() {
    for name in [
        "progressive.jpg",
        "palette.png",
        "alpha16.png",
        "gray.png",
        "photo.webp",
        "alpha.webp",
        "photo.tif",
        "photo16.tif",
        "animated.gif",
        "cmyk.tif",
    ] {
        let bytes = fixture(name);
        let ours = decode(&bytes, name, &Limits::default()).unwrap();
        let naive = image::load_from_memory(&bytes).unwrap();
        assert_eq!(ours.dimensions(), naive.dimensions(), "{name}");
        assert!(
            matches!(
                ours,
                DynamicImage::ImageRgb8(_) | DynamicImage::ImageRgba8(_)
            ),
            "{name}: {:?}",
            ours.color()
        );
    }
    // The first frame of the GIF: 93 % of it is (200, 30, 30).
    let gif = decoded("animated.gif").to_rgb8();
    let red = gif
        .pixels()
        .filter(|p| p.0[0].abs_diff(200) < 8 && p.0[1] < 40 && p.0[2] < 40)
        .count();
    assert!(red * 100 / (gif.width() * gif.height()) as usize >= 85);
}

#[test]
fn a_cmyk_tiff_is_colour_managed_too() {
    let ours = decoded("cmyk.tif");
    let (mean, _) = delta_e(&ours, &reference("cmyk.ref.png"), 0, 128);
    assert!(mean <= 1.5, "{mean}");
}

#[test]
fn a_jpeg_damaged_in_its_picture_data_is_refused_by_name() {
    let e = decode(&fixture("corrupt.jpg"), "corrupt.jpg", &Limits::default()).unwrap_err();
    assert_eq!(e.code(), "corrupt");
    assert!(e.to_string().starts_with("corrupt.jpg is damaged"), "{e}");
}

#[test]
fn outputs_carry_no_gps_camera_or_xmp_metadata() {
    let source = fixture("gps-camera.jpg");
    assert!(source.windows(15).any(|w| w == b"kuajing-fixture"));
    for fit in [Fit::Contain, Fit::Cover, Fit::Width] {
        let spec = SlotSpec {
            fit,
            min_source_width: 1,
            min_source_height: 1,
            ..SlotSpec::contain(200, 200, 1 << 20)
        };
        let out = render_bytes(&source, "gps-camera.jpg", &spec, &Limits::default()).unwrap();
        for part in &out.parts {
            let b = &part.bytes;
            for needle in [
                &b"Exif"[..],
                b"GPS",
                b"FixtureCam",
                b"kuajing-fixture",
                b"http://ns.adobe.com/xap",
                b"ICC_PROFILE",
            ] {
                assert!(
                    !b.windows(needle.len()).any(|w| w == needle),
                    "{fit:?}: {:?}",
                    String::from_utf8_lossy(needle)
                );
            }
            assert_eq!(image::guess_format(b).unwrap(), ImageFormat::Jpeg);
        }
    }
}

#[test]
fn trim_recentres_a_product_shot_on_a_white_sheet() {
    // The product is at x 40..135, y 32..143 of a 256x192 sheet: off-centre.
    let spec = SlotSpec {
        trim: Some(Trim {
            tolerance: 20,
            margin_percent: 5,
        }),
        min_source_width: 1,
        min_source_height: 1,
        ..SlotSpec::contain(400, 400, 1 << 20)
    };
    let out = render_bytes(
        &fixture("trim-white-border.jpg"),
        "trim",
        &spec,
        &Limits::default(),
    )
    .unwrap();
    assert!(
        out.findings.iter().all(|f| f.code != "not-trimmed"),
        "{:?}",
        out.findings
    );
    let img = image::load_from_memory(&out.first().bytes)
        .unwrap()
        .to_rgb8();
    // Product box in the output: it must be centred and fill the height minus the margins.
    let content = |x: u32, y: u32| img.get_pixel(x, y).0.iter().any(|&c| c < 200);
    let rows: Vec<u32> = (0..400)
        .filter(|&y| (0..400).any(|x| content(x, y)))
        .collect();
    let cols: Vec<u32> = (0..400)
        .filter(|&x| (0..400).any(|y| content(x, y)))
        .collect();
    let (top, bottom) = (rows[0], *rows.last().unwrap());
    let (left, right) = (cols[0], *cols.last().unwrap());
    assert!(
        (18..=26).contains(&top) && (373..=381).contains(&bottom),
        "{top}..{bottom}"
    );
    let centre_x = (left + right) / 2;
    assert!((195..=205).contains(&centre_x), "{left}..{right}");

    // Without trim the product stays off-centre (left of the middle).
    let plain = SlotSpec {
        trim: None,
        ..spec.clone()
    };
    let out = render_bytes(
        &fixture("trim-white-border.jpg"),
        "trim",
        &plain,
        &Limits::default(),
    )
    .unwrap();
    let img = image::load_from_memory(&out.first().bytes)
        .unwrap()
        .to_rgb8();
    let cols: Vec<u32> = (0..400)
        .filter(|&x| (0..400).any(|y| img.get_pixel(x, y).0.iter().any(|&c| c < 200)))
        .collect();
    assert!((cols[0] + cols.last().unwrap()) / 2 < 180);

    // A photo with no plain border says so.
    let out = render_bytes(
        &fixture("photo.webp"),
        "photo.webp",
        &spec,
        &Limits::default(),
    )
    .unwrap();
    assert!(
        out.findings
            .iter()
            .any(|f| f.code == "not-trimmed" || f.code == "background-not-plain"),
        "{:?}",
        out.findings
    );
}

#[test]
fn the_white_background_slot_lands_between_38_and_300_kb() {
    let spec = SlotSpec {
        trim: Some(Trim {
            tolerance: 24,
            margin_percent: 5,
        }),
        min_source_width: 700,
        min_source_height: 700,
        min_bytes: 38 * 1024,
        ..SlotSpec::contain(800, 800, 300 * 1024)
    };
    let out = render_bytes(
        &fixture("white-bg-product.jpg"),
        "white",
        &spec,
        &Limits::default(),
    )
    .unwrap();
    let part = out.first();
    let size = part.bytes.len() as u64;
    assert_eq!((part.width, part.height), (800, 800));
    assert!(
        out.findings
            .iter()
            .all(|f| f.code != "background-not-plain"),
        "{:?}",
        out.findings
    );
    if !out.findings.iter().any(|f| f.code == "under-min-bytes") {
        assert!((38 * 1024..=300 * 1024).contains(&size), "{size}");
    }
    // The corners are pure white.
    let img = image::load_from_memory(&part.bytes).unwrap().to_rgb8();
    for (x, y) in [(2, 2), (797, 2), (2, 797), (797, 797)] {
        assert!(img.get_pixel(x, y).0.iter().all(|&c| c >= 250));
    }
}

#[test]
fn cover_crops_to_fill_and_attention_finds_the_product() {
    // PDD's home image: 750x352 from a square product shot.
    let spec = SlotSpec {
        fit: Fit::Cover,
        crop: Crop::Attention,
        min_source_width: 1,
        min_source_height: 1,
        ..SlotSpec::contain(750, 352, 100 * 1024)
    };
    let out = render_bytes(
        &fixture("white-bg-product.jpg"),
        "home",
        &spec,
        &Limits::default(),
    )
    .unwrap();
    let part = out.first();
    assert_eq!((part.width, part.height), (750, 352));
    assert!(part.bytes.len() <= 100 * 1024);
    // The product (x 380..819 of 1200, y 120..1079) is taller than the band: the band holds
    // product, not only white.
    let img = image::load_from_memory(&part.bytes).unwrap().to_rgb8();
    let coloured = img
        .pixels()
        .filter(|p| p.0.iter().any(|&c| c < 200))
        .count();
    assert!(coloured > 750 * 352 / 10, "{coloured}");
}

#[test]
fn png_output_and_16_bit_alpha() {
    let spec = SlotSpec {
        format: OutputFormat::Png,
        min_source_width: 1,
        min_source_height: 1,
        ..SlotSpec::contain(300, 300, 1 << 20)
    };
    let out = render_bytes(
        &fixture("alpha16.png"),
        "alpha16.png",
        &spec,
        &Limits::default(),
    )
    .unwrap();
    let png = &out.first().bytes;
    assert_eq!(image::guess_format(png).unwrap(), ImageFormat::Png);
    let img = image::load_from_memory(png).unwrap();
    assert_eq!(
        img.color(),
        image::ColorType::Rgb8,
        "flattened, no alpha left"
    );
}

#[test]
fn a_progressive_jpeg_decodes_at_reduced_size_like_a_baseline_one() {
    let bytes = fixture("progressive.jpg");
    let full = decode_photo(&bytes, "p", &Limits::default(), u32::MAX, u32::MAX).unwrap();
    let small = decode_photo(&bytes, "p", &Limits::default(), 1, 1).unwrap();
    assert!(small.image.width() * 4 <= full.image.width());
    assert_eq!(
        (small.source_width, small.source_height),
        (full.source_width, full.source_height)
    );
}

/// Rendering straight from the file turns the resized image instead of the decoded one for
/// slots that do not trim or crop: every orientation must still come out upright, in every fit.
#[test]
fn every_orientation_is_upright_through_every_slot_fit() {
    let upright = image::open(path("orient-upright.png")).unwrap().to_rgb8();
    for fit in [Fit::Contain, Fit::Width, Fit::Cover] {
        let spec = SlotSpec {
            fit,
            min_source_width: 1,
            min_source_height: 1,
            ..SlotSpec::contain(192, 128, 1 << 20)
        };
        for n in 1..=8 {
            let name = format!("orient-{n}.jpg");
            let out = render_bytes(&fixture(&name), &name, &spec, &Limits::default()).unwrap();
            let img = image::load_from_memory(&out.first().bytes)
                .unwrap()
                .to_rgb8();
            assert_eq!(img.dimensions(), (192, 128), "{fit:?} {name}");
            // The slot is the upright picture at twice its size: scaled back, it must match.
            let back = image::imageops::resize(&img, 96, 64, image::imageops::FilterType::Triangle);
            let mean = back
                .as_raw()
                .iter()
                .zip(upright.as_raw())
                .map(|(a, b)| f64::from(a.abs_diff(*b)))
                .sum::<f64>()
                / back.as_raw().len() as f64;
            assert!(mean < 8.0, "{fit:?} {name}: mean difference {mean:.1}");
        }
    }
}

/// Real photographs, from Debian's `mate-backgrounds` (GPL-2+; `scripts/setup.sh` installs it):
/// the shrink-on-load render must match one made from the full-size decode, and every slot
/// fit must give its size under its cap.
#[test]
fn real_photos_shrunk_on_load_match_the_full_decode() {
    let dir = PathBuf::from("/usr/share/backgrounds/mate/nature");
    let mut photos: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| {
            panic!(
                "{}: {e}; install Debian's mate-backgrounds (scripts/setup.sh does)",
                dir.display()
            )
        })
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jpg"))
        .collect();
    photos.sort();
    assert!(photos.len() >= 5, "{photos:?}");
    let spec = SlotSpec::contain(800, 800, 1 << 20);
    for photo in photos.iter().take(6) {
        let name = photo.display().to_string();
        let bytes = std::fs::read(photo).unwrap();
        let fast = render_bytes(&bytes, &name, &spec, &Limits::default()).unwrap();
        let full = decode(&bytes, &name, &Limits::default()).unwrap();
        let slow = kuajing_imaging::render(&full, &spec).unwrap();
        let a = image::load_from_memory(&fast.first().bytes)
            .unwrap()
            .to_rgb8();
        let b = image::load_from_memory(&slow.first().bytes)
            .unwrap()
            .to_rgb8();
        assert_eq!(a.dimensions(), (800, 800), "{name}");
        let mean = a
            .as_raw()
            .iter()
            .zip(b.as_raw())
            .map(|(x, y)| f64::from(x.abs_diff(*y)))
            .sum::<f64>()
            / a.as_raw().len() as f64;
        assert!(
            mean < 2.5,
            "{name}: shrink-on-load differs by {mean:.2} on average"
        );
        for (fit, w, h) in [(Fit::Cover, 750, 1000), (Fit::Width, 750, 1500)] {
            let spec = SlotSpec {
                fit,
                crop: Crop::Attention,
                ..SlotSpec::contain(w, h, 1 << 20)
            };
            let out = render_bytes(&bytes, &name, &spec, &Limits::default()).unwrap();
            let part = out.first();
            assert_eq!(part.width, 750, "{name} {fit:?}");
            assert!(
                part.height <= h && part.bytes.len() <= 1 << 20,
                "{name} {fit:?}"
            );
        }
    }
}
