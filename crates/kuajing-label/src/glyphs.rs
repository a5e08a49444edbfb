//! Glyphs rasterised once and kept: a label's text repeats (its headings and the risk notice
//! are the same on every label of an export), and rasterising is most of a label's time.
//!
//! A bitmap depends only on its key (glyph, em size, where in the pixel the pen was), so a
//! label is drawn the same whether its glyphs came from the cache or not.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};

use ab_glyph::{Font, GlyphId, point};

use crate::font::LabelFont;

/// Pen positions are taken to a quarter pixel across and a whole pixel down.
pub(crate) const SUBPIXELS: f32 = 4.0;
/// At most this many bitmaps are kept (about 2 KB each at 11 pt); past it, glyphs are
/// rasterised every time, so memory stays bounded whatever the catalog holds.
const CAPACITY: usize = 4096;

/// A glyph's coverage (0 paper, 255 ink), placed relative to a whole-pixel pen position.
#[derive(Debug)]
pub(crate) struct Bitmap {
    pub(crate) left: i32,
    pub(crate) top: i32,
    pub(crate) width: u32,
    pub(crate) height: u32,
    pub(crate) coverage: Vec<u8>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct Key {
    glyph: u16,
    em: u32,
    subpixel: u8,
}

type Cache = Mutex<HashMap<Key, Arc<Bitmap>>>;

static CACHE: LazyLock<Cache> = LazyLock::new(|| Mutex::new(HashMap::new()));

/// The bitmap of `id` at `em` pixels per em with the pen `subpixel` quarters of a pixel to
/// the right of a whole pixel; `None` for a glyph with no outline (a space).
pub(crate) fn bitmap(font: &LabelFont, id: GlyphId, em: f32, subpixel: u8) -> Option<Arc<Bitmap>> {
    let key = Key {
        glyph: id.0,
        em: em.to_bits(),
        subpixel,
    };
    // A panic elsewhere while holding the lock cannot leave the map half-written (inserts
    // are whole), so a poisoned lock is still good to use.
    if let Some(hit) = CACHE.lock().unwrap_or_else(|e| e.into_inner()).get(&key) {
        return Some(Arc::clone(hit));
    }
    let fresh = Arc::new(rasterise(font, id, em, subpixel)?);
    let mut cache = CACHE.lock().unwrap_or_else(|e| e.into_inner());
    if cache.len() < CAPACITY {
        cache.insert(key, Arc::clone(&fresh));
    }
    Some(fresh)
}

fn rasterise(font: &LabelFont, id: GlyphId, em: f32, subpixel: u8) -> Option<Bitmap> {
    let x = f32::from(subpixel) / SUBPIXELS;
    let glyph = id.with_scale_and_position(font.scale(em), point(x, 0.0));
    let outline = font.face.outline_glyph(glyph)?;
    let bounds = outline.px_bounds();
    let width = bounds.width() as u32;
    let height = bounds.height() as u32;
    let mut coverage = vec![0u8; width as usize * height as usize];
    outline.draw(|gx, gy, c| {
        if gx < width && gy < height {
            coverage[gy as usize * width as usize + gx as usize] =
                (c.clamp(0.0, 1.0) * 255.0).round() as u8;
        }
    });
    Some(Bitmap {
        left: bounds.min.x as i32,
        top: bounds.min.y as i32,
        width,
        height,
        coverage,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cached_bitmap_is_the_one_rasterised_fresh() {
        let font = crate::font::get().unwrap();
        let id = font.glyph('樱');
        for subpixel in 0..4 {
            let first = bitmap(font, id, 46.0, subpixel).unwrap();
            let again = bitmap(font, id, 46.0, subpixel).unwrap();
            let fresh = rasterise(font, id, 46.0, subpixel).unwrap();
            for b in [&*first, &*again] {
                assert_eq!(
                    (b.left, b.top, b.width, b.height),
                    (fresh.left, fresh.top, fresh.width, fresh.height)
                );
                assert_eq!(b.coverage, fresh.coverage);
            }
            assert!(fresh.coverage.contains(&255));
        }
        assert!(bitmap(font, font.glyph(' '), 46.0, 0).is_none());
    }
}
