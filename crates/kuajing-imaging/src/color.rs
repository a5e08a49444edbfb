//! Colour management: pixels described by an embedded ICC profile (Display P3 from iPhones,
//! Adobe RGB from cameras, CMYK from print workflows) are converted to sRGB, which is what
//! every marketplace and browser assumes for an untagged image.
//!
//! Why moxcms: a pure-Rust CMS (no C toolchain) that handles matrix-shaper RGB profiles and the
//! LUT-based CMYK ones, with SIMD paths; the `image` crate already depends on it. The rendering
//! intent is the profile's usual default, perceptual (colorimetric where a profile only has
//! matrices). Transforms are cached per profile, because a batch of iPhone photos all carry
//! the same Display P3 profile and building a CMYK transform costs milliseconds.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::{Arc, LazyLock, Mutex};

use moxcms::{
    ColorProfile, DataColorSpace, Layout, RenderingIntent, Transform8BitExecutor, TransformOptions,
};

/// The CMYK profile assumed for a CMYK JPEG without an embedded one: a press-standard coated
/// profile, as Photoshop and libvips assume for untagged CMYK.
static DEFAULT_CMYK: &[u8] = include_bytes!("../../../assets/icc/default-cmyk.icc");

/// Pixel layouts we convert.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Pixels {
    Rgb,
    Rgba,
    /// 4 channels of ink, 0 = none.
    Cmyk,
}

impl Pixels {
    fn layouts(self) -> (Layout, Layout, DataColorSpace) {
        match self {
            Pixels::Rgb => (Layout::Rgb, Layout::Rgb, DataColorSpace::Rgb),
            Pixels::Rgba => (Layout::Rgba, Layout::Rgba, DataColorSpace::Rgb),
            Pixels::Cmyk => (Layout::Rgba, Layout::Rgb, DataColorSpace::Cmyk),
        }
    }
}

/// What happened to the colours.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// No profile, or one that is sRGB already.
    AsIs,
    Converted,
    /// The profile is damaged or of a kind we cannot use; the pixels were taken as sRGB (or,
    /// for CMYK, as the default CMYK profile). The text says why.
    Ignored(String),
}

#[derive(Clone)]
enum Cached {
    Identity,
    Transform(Arc<Transform8BitExecutor>),
    Unusable(String),
}

static CACHE: LazyLock<Mutex<HashMap<(u64, Pixels), Cached>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));
/// Enough for every profile a merchant's catalog carries; cleared when exceeded.
const CACHE_LIMIT: usize = 32;

/// Converts RGB or RGBA pixels described by `icc` to sRGB, in place.
pub(crate) fn rgb_to_srgb(pixels: &mut [u8], kind: Pixels, icc: &[u8]) -> Outcome {
    debug_assert!(matches!(kind, Pixels::Rgb | Pixels::Rgba));
    match transform_for(icc, kind) {
        Cached::Identity => Outcome::AsIs,
        Cached::Unusable(why) => Outcome::Ignored(why),
        Cached::Transform(t) => {
            let src = pixels.to_vec();
            match run(&t, &src, pixels) {
                Ok(()) => Outcome::Converted,
                Err(why) => {
                    pixels.copy_from_slice(&src);
                    Outcome::Ignored(why)
                }
            }
        }
    }
}

/// Converts CMYK pixels (0 = no ink) to sRGB with `icc`, or with the default CMYK profile when
/// there is none or it cannot be used.
pub(crate) fn cmyk_to_srgb(cmyk: &[u8], icc: Option<&[u8]>) -> (Vec<u8>, Outcome) {
    let mut rgb = vec![0u8; cmyk.len() / 4 * 3];
    let mut outcome = Outcome::Converted;
    if let Some(icc) = icc {
        match transform_for(icc, Pixels::Cmyk) {
            Cached::Transform(t) => match run(&t, cmyk, &mut rgb) {
                Ok(()) => return (rgb, Outcome::Converted),
                Err(why) => outcome = Outcome::Ignored(why),
            },
            Cached::Unusable(why) => outcome = Outcome::Ignored(why),
            Cached::Identity => {}
        }
    }
    match transform_for(DEFAULT_CMYK, Pixels::Cmyk) {
        Cached::Transform(t) if run(&t, cmyk, &mut rgb).is_ok() => {}
        _ => naive_cmyk(cmyk, &mut rgb),
    }
    (rgb, outcome)
}

/// The last resort if even the bundled profile failed: the textbook formula.
fn naive_cmyk(cmyk: &[u8], rgb: &mut [u8]) {
    for (o, p) in rgb.chunks_exact_mut(3).zip(cmyk.chunks_exact(4)) {
        let k = 255 - u32::from(p[3]);
        for c in 0..3 {
            o[c] = ((255 - u32::from(p[c])) * k / 255) as u8;
        }
    }
}

fn run(t: &Arc<Transform8BitExecutor>, src: &[u8], dst: &mut [u8]) -> Result<(), String> {
    // moxcms is young: a panic on a strange profile must cost the colour, not the batch.
    match catch_unwind(AssertUnwindSafe(|| t.transform(src, dst))) {
        Ok(Ok(())) => Ok(()),
        Ok(Err(e)) => Err(e.to_string()),
        Err(_) => Err("the colour profile could not be applied".into()),
    }
}

fn transform_for(icc: &[u8], kind: Pixels) -> Cached {
    let mut h = DefaultHasher::new();
    icc.hash(&mut h);
    let key = (h.finish(), kind);
    if let Some(c) = lock().get(&key) {
        return c.clone();
    }
    let built = catch_unwind(AssertUnwindSafe(|| build(icc, kind)))
        .unwrap_or_else(|_| Cached::Unusable("the colour profile could not be read".into()));
    let mut cache = lock();
    if cache.len() >= CACHE_LIMIT {
        cache.clear();
    }
    cache.insert(key, built.clone());
    built
}

fn lock() -> std::sync::MutexGuard<'static, HashMap<(u64, Pixels), Cached>> {
    // A poisoned cache only means another thread panicked mid-insert; the map is still valid.
    CACHE.lock().unwrap_or_else(|p| p.into_inner())
}

fn build(icc: &[u8], kind: Pixels) -> Cached {
    let profile = match ColorProfile::new_from_slice(icc) {
        Ok(p) => p,
        Err(e) => return Cached::Unusable(format!("its colour profile is damaged ({e})")),
    };
    let (src_layout, dst_layout, space) = kind.layouts();
    if profile.color_space != space {
        return Cached::Unusable(format!(
            "its colour profile is for {:?} but the pixels are {}",
            profile.color_space,
            match kind {
                Pixels::Cmyk => "CMYK",
                _ => "RGB",
            }
        ));
    }
    let options = TransformOptions {
        rendering_intent: RenderingIntent::Perceptual,
        ..TransformOptions::default()
    };
    let srgb = ColorProfile::new_srgb();
    let t = match profile.create_transform_8bit(src_layout, &srgb, dst_layout, options) {
        Ok(t) => t,
        Err(e) => return Cached::Unusable(format!("its colour profile cannot be used ({e})")),
    };
    if kind != Pixels::Cmyk && is_identity(&t, src_layout) {
        return Cached::Identity;
    }
    Cached::Transform(t)
}

/// Whether the transform leaves every colour within one level: an sRGB profile by another
/// name (cameras and editors embed their own copies). Skipping it saves time, not accuracy.
fn is_identity(t: &Arc<Transform8BitExecutor>, layout: Layout) -> bool {
    let channels = if layout == Layout::Rgba { 4 } else { 3 };
    let steps: Vec<u8> = (0..=16).map(|i| (i * 255 / 16) as u8).collect();
    let mut src = Vec::with_capacity(steps.len().pow(3) * channels);
    for &r in &steps {
        for &g in &steps {
            for &b in &steps {
                src.extend_from_slice(&[r, g, b]);
                if channels == 4 {
                    src.push(255);
                }
            }
        }
    }
    let mut dst = vec![0u8; src.len()];
    run(t, &src, &mut dst).is_ok() && src.iter().zip(&dst).all(|(a, b)| a.abs_diff(*b) <= 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_srgb_profile_is_left_alone() {
        let srgb = ColorProfile::new_srgb().encode().unwrap_or_default();
        let mut px = vec![10, 200, 30, 255, 0, 128];
        let before = px.clone();
        assert_eq!(rgb_to_srgb(&mut px, Pixels::Rgb, &srgb), Outcome::AsIs);
        assert_eq!(px, before);
    }

    #[test]
    fn display_p3_red_is_clipped_into_srgb() {
        let p3 = ColorProfile::new_display_p3().encode().unwrap_or_default();
        // P3 (255, 0, 0) is outside sRGB: it comes out as full red.
        let mut px = vec![255, 0, 0, 128, 128, 128];
        assert_eq!(rgb_to_srgb(&mut px, Pixels::Rgb, &p3), Outcome::Converted);
        assert_eq!(&px[..3], &[255, 0, 0]);
        // P3 mid-grey is sRGB mid-grey (same white point and curve).
        assert!(px[3..].iter().all(|&v| v.abs_diff(128) <= 1), "{px:?}");
        // A less saturated P3 green becomes a more saturated sRGB green.
        let mut g = vec![100, 180, 100];
        rgb_to_srgb(&mut g, Pixels::Rgb, &p3);
        assert!(g[1] > 180 && g[0] < 100, "{g:?}");
    }

    #[test]
    fn a_damaged_profile_is_ignored_with_a_reason() {
        let mut px = vec![1, 2, 3];
        match rgb_to_srgb(&mut px, Pixels::Rgb, b"not a profile at all, sorry") {
            Outcome::Ignored(why) => assert!(why.contains("damaged"), "{why}"),
            other => panic!("{other:?}"),
        }
        assert_eq!(px, vec![1, 2, 3]);
    }

    #[test]
    fn cmyk_without_a_profile_uses_the_default_one() {
        // No ink is paper white, full K is (nearly) black.
        let (rgb, outcome) = cmyk_to_srgb(&[0, 0, 0, 0, 0, 0, 0, 255], None);
        assert_eq!(outcome, Outcome::Converted);
        assert!(rgb[..3].iter().all(|&v| v >= 245), "{rgb:?}");
        assert!(rgb[3..].iter().all(|&v| v <= 60), "{rgb:?}");
    }
}
