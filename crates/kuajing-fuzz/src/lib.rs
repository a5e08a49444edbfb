//! What each fuzz target does with its input, and what must hold whatever the input is.
//!
//! The libFuzzer binaries in `fuzz/` (cargo-fuzz, outside the workspace) call these; so does
//! `tests/corpus.rs`, which replays the committed corpus (`fuzz/corpus/<target>/`) and every
//! crash found so far (`fuzz/regressions/<target>/`) on each `cargo test`. A harness panics
//! when a property fails; the libraries must never panic on their own, however bad the input.
//! How to run them, and what they found: `docs/reliability.md`.

use std::sync::OnceLock;

use kuajing_imaging::{Crop, Fit, Limits, OutputFormat, SlotSpec, Trim};

/// A harness: panics when a property fails.
pub type Harness = fn(&[u8]);

/// The targets, by the name of their folder under `fuzz/corpus/`.
pub const TARGETS: &[(&str, Harness)] = &[
    ("decode_photo", decode_photo),
    ("scaled_jpeg", scaled_jpeg),
    ("shopify", shopify),
    ("render_slots", render_slots),
    ("copy_check", copy_check),
];

/// Any bytes, decoded as a photo no smaller than 64 x 64: an image or a clear error.
pub fn decode_photo(data: &[u8]) {
    if let Ok(photo) = kuajing_imaging::decode_photo(data, "fuzz", &Limits::default(), 64, 64) {
        assert!(photo.image.width() > 0 && photo.image.height() > 0);
    }
}

/// Our scaled JPEG decoder against libjpeg-turbo: where ours decodes every coefficient (the
/// first byte picks the scale), libjpeg-turbo must decode the same picture, within rounding.
pub fn scaled_jpeg(data: &[u8]) {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let eighths = usize::from(pick % 4) + 1;
    let Some((ours, theirs)) = kuajing_imaging::fuzzing::scaled_and_libjpeg_turbo(bytes, eighths)
    else {
        return;
    };
    let theirs = theirs.unwrap_or_else(|| {
        panic!(
            "ours decoded a {}x{} picture that libjpeg-turbo refuses",
            ours.0, ours.1
        )
    });
    assert_eq!(
        (ours.0, ours.1),
        (theirs.0, theirs.1),
        "sizes differ at {eighths}/8"
    );
    assert_eq!(ours.2.len(), theirs.2.len());
    let worst = ours
        .2
        .iter()
        .zip(&theirs.2)
        .map(|(a, b)| a.abs_diff(*b))
        .max()
        .unwrap_or(0);
    // The tests hold the fixtures to 4 levels; odd files (unusual quantisation, extreme
    // coefficients) may round a little further, but not like a wrong block.
    assert!(
        worst <= 12,
        "pixels differ by {worst} levels at {eighths}/8"
    );
}

/// Any bytes as a Shopify export: products and problems, never a panic; problems point at
/// rows that exist.
pub fn shopify(data: &[u8]) {
    if let Ok(parsed) = kuajing_shopify::parse(data, "fuzz.csv") {
        let last_row = parsed.rows + 1 + data.iter().filter(|&&b| b == b'\n').count();
        for problem in &parsed.problems {
            assert!(
                problem.row <= last_row + 1,
                "problem at row {} of {last_row}",
                problem.row
            );
        }
    }
}

/// A slot spec made from the first bytes, the photo from the rest: rendered, or a clear
/// error for the spec or the photo. A contain or cover slot's output has the slot's size; a
/// detail slice is at most the slot's width (a small photo is not enlarged) and height.
pub fn render_slots(data: &[u8]) {
    let mut r = Reader(data);
    let fit = match r.byte() % 3 {
        0 => Fit::Contain,
        1 => Fit::Cover,
        _ => Fit::Width,
    };
    let spec = SlotSpec {
        width: r.side(),
        height: r.side(),
        fit,
        crop: if r.byte() % 2 == 0 {
            Crop::Centre
        } else {
            Crop::Attention
        },
        trim: (r.byte() % 2 == 0).then(|| Trim {
            tolerance: r.byte(),
            margin_percent: r.byte(),
        }),
        background: [r.byte(), r.byte(), r.byte()],
        min_source_width: r.side(),
        min_source_height: r.side(),
        format: if r.byte() % 4 == 0 {
            OutputFormat::Png
        } else {
            OutputFormat::Jpeg
        },
        quality: r.byte(),
        min_quality: r.byte(),
        max_bytes: u64::from(r.u16()) * 64,
        min_bytes: u64::from(r.u16()),
    };
    let Ok(slots) =
        kuajing_imaging::render_slots(r.0, "fuzz", std::slice::from_ref(&spec), &Limits::default())
    else {
        return;
    };
    for rendered in slots.into_iter().flatten() {
        for part in &rendered.parts {
            match spec.fit {
                Fit::Width => assert!(
                    part.width <= spec.width && part.height <= spec.height,
                    "{}x{} for {spec:?}",
                    part.width,
                    part.height
                ),
                _ => assert_eq!(
                    (part.width, part.height),
                    (spec.width, spec.height),
                    "{spec:?}"
                ),
            }
            assert!(
                part.width > 0 && part.height > 0 && !part.bytes.is_empty(),
                "{spec:?}"
            );
        }
    }
}

/// Any text through the copy checker: every finding lies inside the text.
pub fn copy_check(data: &[u8]) {
    static CHECKER: OnceLock<kuajing_copy::Checker> = OnceLock::new();
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let checker = CHECKER.get_or_init(|| kuajing_copy::Checker::builtin().expect("shipped terms"));
    let text = String::from_utf8_lossy(rest);
    let field = if pick % 2 == 0 {
        kuajing_copy::Field::Title
    } else {
        kuajing_copy::Field::Description
    };
    let check = checker.check(&text, field, Some(u32::from(pick)));
    let chars = text.chars().count();
    for f in &check.findings {
        assert!(
            f.start <= f.end && f.end <= chars,
            "{} at {}..{} of {chars}",
            f.code,
            f.start,
            f.end
        );
    }
}

/// Reads fuzz bytes as numbers, zero once they run out.
struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn byte(&mut self) -> u8 {
        match self.0.split_first() {
            Some((&b, rest)) => {
                self.0 = rest;
                b
            }
            None => 0,
        }
    }

    fn u16(&mut self) -> u16 {
        u16::from_le_bytes([self.byte(), self.byte()])
    }

    /// A slot side: mostly marketplace-like sizes, sometimes anything up to 65,535.
    fn side(&mut self) -> u32 {
        let n = u32::from(self.u16());
        if self.byte().is_multiple_of(8) {
            n
        } else {
            n % 2048
        }
    }
}
