//! The embedded label font (`assets/fonts/NotoSansSC-Label.otf`, see its README), parsed once.

use std::sync::LazyLock;

use ab_glyph::{Font, FontRef, GlyphId, PxScale, ScaleFont};

use crate::Error;

const BYTES: &[u8] = include_bytes!("../../../assets/fonts/NotoSansSC-Label.otf");

static FONT: LazyLock<Result<LabelFont, String>> = LazyLock::new(|| {
    let face = FontRef::try_from_slice(BYTES).map_err(|e| e.to_string())?;
    let units_per_em = face
        .units_per_em()
        .ok_or_else(|| "no units per em".to_owned())?;
    Ok(LabelFont {
        // ab_glyph scales to ascent - descent; the label is laid out in ems.
        px_per_em: face.height_unscaled() / units_per_em,
        face,
    })
});

/// The font and what converts an em size to ab_glyph's scale.
#[derive(Debug)]
pub(crate) struct LabelFont {
    pub(crate) face: FontRef<'static>,
    px_per_em: f32,
}

/// Where the ideographic em box's top sits above the baseline, in ems (Noto Sans CJK: the box
/// spans -120..880 of 1000 units, its OS/2 typo ascender and descender).
pub(crate) const EM_ASCENT: f32 = 0.88;

pub(crate) fn get() -> Result<&'static LabelFont, Error> {
    FONT.as_ref().map_err(|e| Error::Font(e.clone()))
}

impl LabelFont {
    /// The ab_glyph scale at which one em is `em` pixels.
    pub(crate) fn scale(&self, em: f32) -> PxScale {
        PxScale::from(em * self.px_per_em)
    }

    /// The glyph for `c`; `GlyphId(0)`, the .notdef box, when the font has none.
    pub(crate) fn glyph(&self, c: char) -> GlyphId {
        self.face.glyph_id(c)
    }

    /// How far `c` moves the pen at `em` pixels per em.
    pub(crate) fn advance(&self, c: char, em: f32) -> f32 {
        self.face.as_scaled(self.scale(em)).h_advance(self.glyph(c))
    }
}
