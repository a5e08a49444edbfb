//! Counting what our scaled decoder hands to libjpeg-turbo. A fallback costs speed, never the
//! photo, but it must not be silent: a decline is counted and logged at debug level, a panic
//! (a bug in our decoder) is counted and logged as a warning naming the photo.

use std::any::Any;
use std::sync::atomic::{AtomicU64, Ordering};

use super::{Miss, Scaled};

static UNSUPPORTED: AtomicU64 = AtomicU64::new(0);
static CORRUPT: AtomicU64 = AtomicU64::new(0);
static PANICKED: AtomicU64 = AtomicU64::new(0);

/// How many decodes, since the process started, our scaled decoder handed to libjpeg-turbo.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Fallbacks {
    /// A kind of JPEG it does not handle (arithmetic coding, unusual sampling...).
    pub unsupported: u64,
    /// Damaged data: libjpeg-turbo decides what can be shown and says what is wrong.
    pub corrupt: u64,
    /// A panic in our decoder: a bug, caught.
    pub panicked: u64,
}

/// The counts so far.
pub fn fallbacks() -> Fallbacks {
    Fallbacks {
        unsupported: UNSUPPORTED.load(Ordering::Relaxed),
        corrupt: CORRUPT.load(Ordering::Relaxed),
        panicked: PANICKED.load(Ordering::Relaxed),
    }
}

/// Our decoder's picture, or `None` after counting and logging why libjpeg-turbo must do it.
pub(crate) fn ours_or_count(
    ours: Result<Result<Scaled, Miss>, Box<dyn Any + Send>>,
    name: &str,
) -> Option<Scaled> {
    match ours {
        Ok(Ok(scaled)) => Some(scaled),
        Ok(Err(Miss::Unsupported)) => {
            UNSUPPORTED.fetch_add(1, Ordering::Relaxed);
            log::debug!(
                "{name}: a JPEG the scaled decoder does not handle; libjpeg-turbo decodes it"
            );
            None
        }
        Ok(Err(Miss::Corrupt)) => {
            CORRUPT.fetch_add(1, Ordering::Relaxed);
            log::debug!("{name}: damaged JPEG data; libjpeg-turbo decodes what it can");
            None
        }
        Err(panic) => {
            PANICKED.fetch_add(1, Ordering::Relaxed);
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            log::warn!(
                "{name}: the scaled JPEG decoder panicked ({what}); libjpeg-turbo decoded it instead. Please report this photo."
            );
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_photo_our_decoder_declines_is_counted_and_still_decoded() {
        let dir =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/images");
        let bytes = std::fs::read(dir.join("jpeg-arithmetic.jpg")).unwrap();
        let before = fallbacks();
        // Small enough for our decoder to be asked first.
        let photo = crate::decode_photo(
            &bytes,
            "jpeg-arithmetic.jpg",
            &crate::Limits::default(),
            8,
            8,
        )
        .unwrap();
        assert!(photo.image.width() > 0);
        let after = fallbacks();
        assert!(
            after.unsupported > before.unsupported,
            "{before:?} -> {after:?}"
        );
    }

    #[test]
    fn a_panic_in_our_decoder_is_counted() {
        let before = fallbacks().panicked;
        let caught =
            std::panic::catch_unwind(|| -> Result<Scaled, Miss> { panic!("index out of bounds") });
        assert!(ours_or_count(caught, "x.jpg").is_none());
        assert!(fallbacks().panicked > before);
    }
}
