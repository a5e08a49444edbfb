use super::*;
use turbojpeg::{Decompressor, Image, PixelFormat, ScalingFactor};

fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/../../tests/fixtures/images/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// libjpeg-turbo's own decode at the same scale.
fn reference(bytes: &[u8], shrink: usize, gray: bool) -> (usize, usize, Vec<u8>) {
    let mut d = Decompressor::new().expect("decompressor");
    d.set_scaling_factor(ScalingFactor::new(1, shrink))
        .expect("scale");
    let header = d.read_header(bytes).expect("header");
    let (w, h) = (
        header.width.div_ceil(shrink),
        header.height.div_ceil(shrink),
    );
    let format = if gray {
        PixelFormat::GRAY
    } else {
        PixelFormat::RGB
    };
    let mut pixels = vec![0; w * h * format.size()];
    d.decompress(
        bytes,
        Image {
            pixels: pixels.as_mut_slice(),
            width: w,
            pitch: w * format.size(),
            height: h,
            format,
        },
    )
    .expect("libjpeg-turbo decodes it");
    (w, h, pixels)
}

/// (mean, largest) absolute difference per channel value.
fn difference(a: &[u8], b: &[u8]) -> (f64, u8) {
    assert_eq!(a.len(), b.len());
    let sum: u64 = a
        .iter()
        .zip(b)
        .map(|(x, y)| u64::from(x.abs_diff(*y)))
        .sum();
    let max = a
        .iter()
        .zip(b)
        .map(|(x, y)| x.abs_diff(*y))
        .max()
        .unwrap_or(0);
    (sum as f64 / a.len() as f64, max)
}

const VARIANTS: [&str; 13] = [
    "jpeg-420.jpg",
    "jpeg-422.jpg",
    "jpeg-440.jpg",
    "jpeg-444.jpg",
    "jpeg-gray.jpg",
    "jpeg-restart-5.jpg",
    "jpeg-444-restart-rows.jpg",
    "jpeg-420-q100.jpg",
    "white-bg-product.jpg",
    "jpeg-420-progressive.jpg",
    "jpeg-422-progressive-restart.jpg",
    "jpeg-gray-progressive.jpg",
    "progressive.jpg",
];

#[test]
fn decoding_every_coefficient_matches_libjpeg_turbo_on_every_sampling_and_restart_layout() {
    for name in VARIANTS {
        let bytes = fixture(name);
        for shrink in [2, 4, 8] {
            let ours = decode_with(&bytes, shrink, Detail::All)
                .unwrap_or_else(|m| panic!("{name}: {m:?}"));
            let (w, h, theirs) = reference(&bytes, shrink, ours.gray);
            assert_eq!(
                (ours.width as usize, ours.height as usize),
                (w, h),
                "{name}"
            );
            let (mean, max) = difference(&ours.pixels, &theirs);
            assert!(
                mean < 0.25,
                "{name} at 1/{shrink}: mean difference {mean:.2}"
            );
            assert!(max <= 4, "{name} at 1/{shrink}: largest difference {max}");
        }
    }
}

#[test]
fn skipping_the_high_frequencies_reads_the_same_bits_as_decoding_them() {
    for name in VARIANTS {
        let bytes = fixture(name);
        for shrink in [2, 4, 8] {
            let low = decode(&bytes, shrink).unwrap_or_else(|m| panic!("{name}: {m:?}"));
            let all = decode_with(&bytes, shrink, Detail::AllWeightedLow)
                .unwrap_or_else(|m| panic!("{name}: {m:?}"));
            assert_eq!((low.width, low.height), (all.width, all.height), "{name}");
            // Identical, not close: any bit read differently would shift every later block.
            assert!(
                low.pixels == all.pixels,
                "{name} at 1/{shrink}: pixels differ"
            );
            // And the picture is the photo: the low frequencies are most of it.
            let (_, _, theirs) = reference(&bytes, shrink, low.gray);
            let (mean, _) = difference(&low.pixels, &theirs);
            assert!(
                mean < 2.0,
                "{name} at 1/{shrink}: mean difference from libjpeg-turbo {mean:.2}"
            );
        }
    }
}

#[test]
fn declines_what_libjpeg_turbo_should_decode() {
    let cases = [
        ("jpeg-arithmetic.jpg", 4, Miss::Unsupported),
        ("color-cmyk.jpg", 4, Miss::Unsupported),
        ("jpeg-420.jpg", 1, Miss::Unsupported),
        ("truncated.jpg", 4, Miss::Corrupt),
        ("corrupt.jpg", 4, Miss::Corrupt),
    ];
    for (name, shrink, miss) in cases {
        assert_eq!(decode(&fixture(name), shrink).err(), Some(miss), "{name}");
    }
    assert_eq!(decode(b"not a jpeg", 2).err(), Some(Miss::Corrupt));
    // A restart marker removed: the intervals no longer add up.
    let mut bytes = fixture("jpeg-restart-5.jpg");
    let at = bytes
        .windows(2)
        .rposition(|w| w[0] == 0xFF && (0xD0..=0xD7).contains(&w[1]))
        .expect("a restart marker");
    bytes.drain(at..at + 2);
    assert_eq!(decode(&bytes, 4).err(), Some(Miss::Corrupt));
}

#[test]
fn damaged_data_never_panics() {
    for name in [
        "jpeg-restart-5.jpg",
        "jpeg-420-q100.jpg",
        "jpeg-422-progressive-restart.jpg",
    ] {
        damage(&fixture(name));
    }
}

fn damage(original: &[u8]) {
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let mut declined = 0;
    for _ in 0..400 {
        let mut bytes = original.to_vec();
        for _ in 0..1 + next() % 8 {
            let at = (next() as usize) % bytes.len();
            bytes[at] = next() as u8;
        }
        if next() % 4 == 0 {
            let keep = (next() as usize) % bytes.len();
            bytes.truncate(keep);
        }
        if decode(&bytes, [2, 4, 8][(next() % 3) as usize]).is_err() {
            declined += 1;
        }
    }
    // Most damage is caught here (header damage, lost markers, bad codes, running out).
    assert!(
        declined > 100,
        "only {declined} of 400 damaged files declined"
    );
}

/// Not a test: `cargo test --release -p kuajing-imaging --lib speed -- --ignored --nocapture`
/// prints how long each decoder takes on the benchmark photos (scripts/bench-images.sh makes
/// them).
#[test]
#[ignore = "a measurement, not a test"]
#[allow(clippy::print_stderr)]
fn speed() {
    let dir = format!("{}/../../target/bench-photos", env!("CARGO_MANIFEST_DIR"));
    let time = |f: &dyn Fn()| {
        let mut best = f64::MAX;
        for _ in 0..8 {
            let t = std::time::Instant::now();
            f();
            best = best.min(t.elapsed().as_secs_f64() * 1000.0);
        }
        best
    };
    for name in ["phone-12mp.jpg", "phone-12mp-progressive.jpg"] {
        let Ok(bytes) = std::fs::read(format!("{dir}/{name}")) else {
            eprintln!("no {dir}/{name}: run scripts/bench-images.sh once");
            continue;
        };
        for shrink in [4, 8] {
            let low = time(&|| {
                decode(&bytes, shrink).expect("decodes");
            });
            let all = time(&|| {
                decode_with(&bytes, shrink, Detail::All).expect("decodes");
            });
            let theirs = time(&|| {
                reference(&bytes, shrink, false);
            });
            eprintln!(
                "{name} at 1/{shrink}: low frequencies {low:.1} ms, every coefficient {all:.1} ms, libjpeg-turbo {theirs:.1} ms"
            );
        }
    }
}
