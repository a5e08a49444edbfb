use super::*;

fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/../../tests/fixtures/images/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// libjpeg-turbo's own decode at the same scale.
fn reference(bytes: &[u8], eighths: usize, gray: bool) -> (usize, usize, Vec<u8>) {
    libjpeg_turbo_scaled(bytes, eighths, gray).expect("libjpeg-turbo decodes it")
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
        for eighths in [4, 3, 2, 1] {
            let ours = decode_with(&bytes, eighths, Detail::All)
                .unwrap_or_else(|m| panic!("{name}: {m:?}"));
            let (w, h, theirs) = reference(&bytes, eighths, ours.gray);
            assert_eq!(
                (ours.width as usize, ours.height as usize),
                (w, h),
                "{name}"
            );
            let (mean, max) = difference(&ours.pixels, &theirs);
            assert!(
                mean < 0.25,
                "{name} at {eighths}/8: mean difference {mean:.2}"
            );
            assert!(max <= 4, "{name} at {eighths}/8: largest difference {max}");
        }
    }
}

#[test]
fn skipping_the_high_frequencies_reads_the_same_bits_as_decoding_them() {
    for name in VARIANTS {
        let bytes = fixture(name);
        for eighths in [4, 3, 2, 1] {
            let low = decode(&bytes, eighths).unwrap_or_else(|m| panic!("{name}: {m:?}"));
            let all = decode_with(&bytes, eighths, Detail::AllWeightedLow)
                .unwrap_or_else(|m| panic!("{name}: {m:?}"));
            assert_eq!((low.width, low.height), (all.width, all.height), "{name}");
            // Identical, not close: any bit read differently would shift every later block.
            assert!(
                low.pixels == all.pixels,
                "{name} at {eighths}/8: pixels differ"
            );
            // And the picture is the photo: the low frequencies are most of it.
            let (_, _, theirs) = reference(&bytes, eighths, low.gray);
            let (mean, _) = difference(&low.pixels, &theirs);
            assert!(
                mean < 2.0,
                "{name} at {eighths}/8: mean difference from libjpeg-turbo {mean:.2}"
            );
        }
    }
}

/// libjpeg-turbo's full-size decode, resized to `w` x `h` with fast_image_resize's Lanczos3.
fn resized_reference(bytes: &[u8], w: u32, h: u32, gray: bool) -> Vec<u8> {
    use fast_image_resize as fir;
    let (fw, fh, full) = reference(bytes, 8, gray);
    let pixel = if gray {
        fir::PixelType::U8
    } else {
        fir::PixelType::U8x3
    };
    let src = fir::images::Image::from_vec_u8(fw as u32, fh as u32, full, pixel).expect("image");
    let mut dst = fir::images::Image::new(w, h, pixel);
    let options = fir::ResizeOptions::new()
        .resize_alg(fir::ResizeAlg::Convolution(fir::FilterType::Lanczos3));
    fir::Resizer::new()
        .resize(&src, &mut dst, &options)
        .expect("resize");
    dst.into_vec()
}

/// Output sizes to resample each fixture to: a quarter (the least shrink `jpeg.rs` resamples
/// at), about a fifth and about a seventh.
fn targets(bytes: &[u8]) -> Vec<(u32, u32)> {
    let (w, h, _) = reference(bytes, 1, true);
    let (w, h) = ((w * 8) as u32, (h * 8) as u32);
    [4.0, 5.04, 7.3]
        .iter()
        .map(|f: &f64| {
            (
                ((f64::from(w) / f).round() as u32).max(1),
                ((f64::from(h) / f).round() as u32).max(1),
            )
        })
        .collect()
}

/// Calls `check` with each fixture resampled to each of its [`targets`].
fn each_resampled(mut check: impl FnMut(&str, &[u8], u32, u32, Scaled)) {
    for name in VARIANTS {
        let bytes = fixture(name);
        for (w, h) in targets(&bytes) {
            let ours = resample(&bytes, w, h).unwrap_or_else(|m| panic!("{name}: {m:?}"));
            assert_eq!((ours.width, ours.height), (w, h), "{name}");
            check(name, &bytes, w, h, ours);
        }
    }
}

#[test]
fn resampling_matches_a_lanczos_resize_of_the_full_decode() {
    each_resampled(|name, bytes, w, h, ours| {
        let theirs = resized_reference(bytes, w, h, ours.gray);
        let (mean, max) = difference(&ours.pixels, &theirs);
        // Only each block's lowest frequencies are kept, so not identical: on these small
        // fixtures (at most 504 px across) the 4:2:0 ones differ most, by their chroma. A
        // wrong weight, row or block is off by tens everywhere.
        let limit = if w >= 64 { 2.0 } else { 3.0 };
        assert!(mean < limit, "{name} at {w}x{h}: mean difference {mean:.2}");
        assert!(max <= 48, "{name} at {w}x{h}: largest difference {max}");
    });
}

#[test]
fn resampling_reads_the_same_bits_when_it_skips() {
    each_resampled(|name, bytes, w, h, low| {
        let all = resample_with(bytes, w, h, Detail::AllWeightedLow)
            .unwrap_or_else(|m| panic!("{name}: {m:?}"));
        assert!(low.pixels == all.pixels, "{name} at {w}x{h}: pixels differ");
    });
}

#[test]
fn declines_what_libjpeg_turbo_should_decode() {
    let cases = [
        ("jpeg-arithmetic.jpg", 2, Miss::Unsupported),
        ("color-cmyk.jpg", 2, Miss::Unsupported),
        ("jpeg-420.jpg", 8, Miss::Unsupported),
        ("truncated.jpg", 2, Miss::Corrupt),
        ("corrupt.jpg", 2, Miss::Corrupt),
    ];
    for (name, eighths, miss) in cases {
        assert_eq!(decode(&fixture(name), eighths).err(), Some(miss), "{name}");
    }
    assert_eq!(decode(b"not a jpeg", 2).err(), Some(Miss::Corrupt));
    // An AC table naming a 13-bit coefficient (found by fuzzing: we and libjpeg-turbo made
    // different pixels of it) is not ours to interpret.
    let mut bytes = fixture("jpeg-420.jpg");
    let dht = bytes
        .windows(5)
        .position(|w| w[0] == 0xFF && w[1] == 0xC4 && w[4] >> 4 == 1)
        .expect("an AC table");
    let first_value = dht + 5 + 16;
    bytes[first_value] = 0x5D;
    assert_eq!(decode(&bytes, 3).err(), Some(Miss::Unsupported));
    // A restart marker removed: the intervals no longer add up.
    let mut bytes = fixture("jpeg-restart-5.jpg");
    let at = bytes
        .windows(2)
        .rposition(|w| w[0] == 0xFF && (0xD0..=0xD7).contains(&w[1]))
        .expect("a restart marker");
    bytes.drain(at..at + 2);
    assert_eq!(decode(&bytes, 2).err(), Some(Miss::Corrupt));
}

/// The first `marker` segment of `bytes`: where it starts, and its whole length.
fn segment_of(bytes: &[u8], marker: u8) -> (usize, usize) {
    let at = bytes
        .windows(2)
        .position(|w| w == [0xFF, marker])
        .expect("the marker");
    (
        at,
        2 + usize::from(u16::from_be_bytes([bytes[at + 2], bytes[at + 3]])),
    )
}

#[test]
fn declines_segments_libjpeg_turbo_refuses() {
    let original = fixture("jpeg-420.jpg");
    assert_eq!(original[original.len() - 2..], [0xFF, 0xD9]);
    let body = &original[..original.len() - 2];
    let (sos, _) = segment_of(&original, 0xDA);
    let (dht, dht_len) = segment_of(&original, 0xC4);
    let (sof, sof_len) = segment_of(&original, 0xC0);
    let insert = |at: usize, what: &[u8]| [&original[..at], what, &original[at..]].concat();
    // A copy of the first Huffman table, as class 2.
    let mut class_2 = original[dht..dht + dht_len].to_vec();
    class_2[4] |= 0x20;
    // The frame header one byte longer than its components.
    let mut long_sof = original[sof..sof + sof_len].to_vec();
    long_sof[3] += 1;
    long_sof.push(0);
    let long_sof = [&original[..sof], &long_sof, &original[sof + sof_len..]].concat();
    // JFIF 2.0 (found by fuzzing: libjpeg-turbo warns of the version, the app refuses).
    let (app0, _) = segment_of(&original, 0xE0);
    assert_eq!(&original[app0 + 4..app0 + 9], b"JFIF\0");
    let mut jfif_2 = original.clone();
    jfif_2[app0 + 9] = 2;
    // An ICC profile's chunk 2 of 1.
    let icc = |number: u8, count: u8| {
        let mut app2 = vec![0xFF, 0xE2, 0, 2 + 14 + 4];
        app2.extend(b"ICC_PROFILE\0");
        app2.extend([number, count]);
        app2.extend(b"data");
        app2
    };
    let cases = [
        // After the scan (found by fuzzing: a reserved marker there, which libjpeg-turbo
        // stops at and ours never looked at).
        (
            "a reserved marker",
            [body, &[0xFF, 0x5F, 0, 2, 0xFF, 0xD9]].concat(),
        ),
        ("a second scan", [body, &original[sos..]].concat()),
        (
            "no end marker",
            [body, &[0xFF, 0xFE, 0, 4, b'h', b'i']].concat(),
        ),
        (
            "a second start marker",
            [body, &[0xFF, 0xD8, 0xFF, 0xD9]].concat(),
        ),
        // In the header.
        ("a table of class 2", insert(dht, &class_2)),
        (
            "a 3-byte restart interval",
            insert(sos, &[0xFF, 0xDD, 0, 5, 0, 0, 0]),
        ),
        ("a frame header too long", long_sof),
        ("JFIF 2.0", jfif_2),
        ("ICC chunk 2 of 1", insert(sos, &icc(2, 1))),
        ("ICC chunk 1 of 2 only", insert(sos, &icc(1, 2))),
        (
            "ICC chunk 1 of 1 twice",
            insert(sos, &[icc(1, 1), icc(1, 1)].concat()),
        ),
    ];
    for (what, bytes) in cases {
        assert!(libjpeg_turbo_scaled(&bytes, 2, false).is_none(), "{what}");
        assert!(decode(&bytes, 2).is_err(), "{what}");
    }
    // A grey frame sampled 0x0 (libjpeg-turbo checks even where it does not matter).
    let mut gray = fixture("jpeg-gray.jpg");
    let (gray_sof, _) = segment_of(&gray, 0xC0);
    gray[gray_sof + 4 + 6 + 1] = 0x00;
    assert!(libjpeg_turbo_scaled(&gray, 2, true).is_none());
    assert_eq!(decode(&gray, 2).err(), Some(Miss::Corrupt));
    // Wider than libjpeg-turbo's 65,500 pixels.
    let wide = read_frame(&[8, 0, 8, 0xFF, 0xDD, 1, 1, 0x11, 0]);
    assert_eq!(wide.err(), Some(Miss::Corrupt));
    // A Huffman table of 257 symbols (255 of 9 bits, 2 of 10: a valid code otherwise).
    let mut big = vec![0x10, 0, 0, 0, 0, 0, 0, 0, 0, 255, 2, 0, 0, 0, 0, 0, 0];
    big.extend([0x01; 257]);
    assert_eq!(
        Tables::default().read_huffman(&big).err(),
        Some(Miss::Corrupt)
    );
    big[10] = 1;
    big.pop();
    assert!(Tables::default().read_huffman(&big).is_ok());
    // Two components with one id: libjpeg-turbo's to match its scans to them.
    let mut twins = original.clone();
    twins[sof + 4 + 6 + 3 * 2] = twins[sof + 4 + 6 + 3];
    assert_eq!(decode(&twins, 2).err(), Some(Miss::Unsupported));
    // A profile in two chunks is fine; so are chunks after the first scan.
    let profile = insert(sos, &[icc(2, 2), icc(1, 2)].concat());
    assert!(decode(&profile, 2).is_ok());
    let late = [body, &icc(3, 1), &[0xFF, 0xD9]].concat();
    assert!(decode(&late, 2).is_ok());
    assert!(libjpeg_turbo_scaled(&late, 2, false).is_some());
}

#[test]
fn declines_progressions_no_encoder_writes() {
    let bytes = fixture("jpeg-420-progressive.jpg");
    let scans: Vec<usize> = bytes
        .windows(2)
        .enumerate()
        .filter(|(_, w)| w == &[0xFF, 0xDA])
        .map(|(at, _)| at)
        .collect();
    assert!(scans.len() > 3, "{} scans", scans.len());
    // The end marker after the first scans (found by fuzzing): libjpeg-turbo guesses the
    // missing frequencies from the neighbouring blocks, 104 levels from our pixels.
    for &next in &scans[1..] {
        let mut early = bytes[..next].to_vec();
        early.extend([0xFF, 0xD9]);
        assert_eq!(
            decode_with(&early, 4, Detail::All).err(),
            Some(Miss::Unsupported)
        );
        assert!(libjpeg_turbo_scaled(&early, 4, false).is_some());
    }
    // A scan sent twice, or one dropped: whatever libjpeg-turbo makes of it is its call.
    let second = &bytes[scans[1]..scans[2]];
    let twice = [&bytes[..scans[2]], second, &bytes[scans[2]..]].concat();
    let dropped = [&bytes[..scans[1]], &bytes[scans[2]..]].concat();
    for damaged in [twice, dropped] {
        assert!(decode_with(&damaged, 2, Detail::All).is_err());
    }
}

#[test]
fn declines_a_picture_larger_than_its_data_before_allocating_it() {
    // Found by fuzzing: 3 KB of progressive JPEG declaring 65439 x 64951 pixels.
    for name in ["jpeg-420.jpg", "jpeg-420-progressive.jpg", "jpeg-gray.jpg"] {
        let mut bytes = fixture(name);
        let sof = bytes
            .windows(2)
            .position(|w| w[0] == 0xFF && (w[1] == 0xC0 || w[1] == 0xC2))
            .expect("a frame header");
        bytes[sof + 5..sof + 9].copy_from_slice(&[0xFD, 0xB7, 0xFF, 0x9F]);
        let started = std::time::Instant::now();
        assert_eq!(decode(&bytes, 4).err(), Some(Miss::Corrupt), "{name}");
        assert!(started.elapsed().as_secs() < 1, "{name}");
    }
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
        if decode(&bytes, [1, 2, 3][(next() % 3) as usize]).is_err() {
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
        for _ in 0..20 {
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
        let (w, h) = (800, 600);
        let resampled = time(&|| {
            resample(&bytes, w, h).expect("decodes");
        });
        let scaled_then_resized = time(&|| {
            let s = decode(&bytes, 2).expect("decodes");
            let src = fast_image_resize::images::Image::from_vec_u8(
                s.width,
                s.height,
                s.pixels,
                fast_image_resize::PixelType::U8x3,
            )
            .expect("image");
            let mut dst = fast_image_resize::images::Image::new(w, h, src.pixel_type());
            fast_image_resize::Resizer::new()
                .resize(&src, &mut dst, &fast_image_resize::ResizeOptions::new())
                .expect("resize");
        });
        eprintln!(
            "{name} to {w}x{h}: resampled {resampled:.1} ms, 1/4 then resized {scaled_then_resized:.1} ms"
        );
        for eighths in [3, 2, 1] {
            let low = time(&|| {
                decode(&bytes, eighths).expect("decodes");
            });
            let all = time(&|| {
                decode_with(&bytes, eighths, Detail::All).expect("decodes");
            });
            let theirs = time(&|| {
                reference(&bytes, eighths, false);
            });
            eprintln!(
                "{name} at {eighths}/8: low frequencies {low:.1} ms, every coefficient {all:.1} ms, libjpeg-turbo {theirs:.1} ms"
            );
        }
    }
}
