//! Drawing a layout: greyscale coverage on white, then PNG.

use std::collections::BTreeSet;

use ab_glyph::{Font, GlyphId, ScaleFont};
use image::ImageEncoder;
use image::codecs::png::{CompressionType, FilterType, PngEncoder};

use crate::font::{EM_ASCENT, LabelFont};
use crate::glyphs::{self, Bitmap, SUBPIXELS};
use crate::layout::{BORDER, DPI, Layout, MARGIN, MAX_HEIGHT};
use crate::{Error, Png};

/// The box round a missing marker: its thickness, and how far it stands off the text (in ems).
const BOX: u32 = 3;
const BOX_PAD: f32 = 0.15;
const RULE: u32 = 2;

/// An 8-bit grey canvas: 255 is paper, 0 is ink.
struct Canvas {
    width: u32,
    height: u32,
    pixels: Vec<u8>,
}

impl Canvas {
    /// Ink of `coverage` (0..=1) at (x, y); ink only darkens, so overlaps never lighten.
    fn ink(&mut self, x: u32, y: u32, coverage: f32) {
        if x < self.width && y < self.height {
            let i = y as usize * self.width as usize + x as usize;
            let v = 255 - (coverage.clamp(0.0, 1.0) * 255.0).round() as u8;
            if v < self.pixels[i] {
                self.pixels[i] = v;
            }
        }
    }

    /// A glyph's coverage inked with its pen at (x, baseline).
    fn blit(&mut self, glyph: &Bitmap, x: i32, baseline: i32) {
        let (x0, y0) = (x + glyph.left, baseline + glyph.top);
        for gy in 0..glyph.height {
            let Ok(y) = u32::try_from(y0 + gy as i32) else {
                continue;
            };
            if y >= self.height {
                break;
            }
            let row = &glyph.coverage[(gy * glyph.width) as usize..][..glyph.width as usize];
            let start = y as usize * self.width as usize;
            for (gx, &c) in row.iter().enumerate() {
                let Ok(px) = u32::try_from(x0 + gx as i32) else {
                    continue;
                };
                if c > 0 && px < self.width {
                    let p = &mut self.pixels[start + px as usize];
                    *p = (*p).min(255 - c);
                }
            }
        }
    }

    fn fill(&mut self, x0: u32, y0: u32, x1: u32, y1: u32) {
        for y in y0..y1.min(self.height) {
            for x in x0..x1.min(self.width) {
                self.ink(x, y, 1.0);
            }
        }
    }

    /// A rectangle's outline, `t` pixels thick, inside (x0, y0)..(x1, y1).
    fn frame(&mut self, x0: u32, y0: u32, x1: u32, y1: u32, t: u32) {
        self.fill(x0, y0, x1, y0 + t);
        self.fill(x0, y1.saturating_sub(t), x1, y1);
        self.fill(x0, y0, x0 + t, y1);
        self.fill(x1.saturating_sub(t), y0, x1, y1);
    }
}

pub(crate) fn png(font: &LabelFont, layout: &Layout) -> Result<Png, Error> {
    if layout.height > MAX_HEIGHT {
        return Err(Error::TooTall {
            height: layout.height,
            max: MAX_HEIGHT,
        });
    }
    let mut canvas = Canvas {
        width: layout.width,
        height: layout.height,
        pixels: vec![255; layout.width as usize * layout.height as usize],
    };
    let m = MARGIN as u32;
    canvas.frame(m, m, layout.width - m, layout.height - m, BORDER as u32);
    for &y in &layout.rules {
        let y = y as u32;
        canvas.fill(layout.left as u32, y, layout.right.ceil() as u32, y + RULE);
    }

    let mut unknown = BTreeSet::new();
    for line in &layout.lines {
        let scale = font.scale(line.em);
        let scaled = font.face.as_scaled(scale);
        let baseline = line.baseline.round() as i32;
        for span in &line.spans {
            let mut x = span.x;
            for c in span.text.chars() {
                let id = font.glyph(c);
                if id == GlyphId(0) && c != ' ' {
                    unknown.insert(c);
                }
                // The pen to a quarter pixel across, the baseline to a whole pixel.
                let pen = (x * SUBPIXELS).round();
                let whole = (pen / SUBPIXELS).floor();
                let subpixel = (pen - whole * SUBPIXELS) as u8;
                if let Some(bitmap) = glyphs::bitmap(font, id, line.em, subpixel) {
                    canvas.blit(&bitmap, whole as i32, baseline);
                }
                x += scaled.h_advance(id);
            }
            if span.missing {
                let pad = line.em * BOX_PAD;
                let top = line.baseline - line.em * EM_ASCENT - pad;
                let bottom = line.baseline + line.em * (1.0 - EM_ASCENT) + pad;
                canvas.frame(
                    (span.x - pad).max(0.0) as u32,
                    top.max(0.0) as u32,
                    (span.x + span.width + pad).ceil() as u32,
                    bottom.ceil() as u32,
                    BOX,
                );
            }
        }
    }

    let mut bytes = Vec::new();
    PngEncoder::new_with_quality(&mut bytes, CompressionType::Fast, FilterType::Adaptive)
        .write_image(
            &canvas.pixels,
            canvas.width,
            canvas.height,
            image::ExtendedColorType::L8,
        )
        .map_err(|e| Error::Encode(e.to_string()))?;
    let bytes = with_dpi(bytes)?;
    Ok(Png {
        bytes,
        width: canvas.width,
        height: canvas.height,
        unknown_chars: unknown.into_iter().collect(),
    })
}

/// The PNG with a `pHYs` chunk after its header saying 300 dpi, so a printer or viewer sizes
/// it at 100 mm (the `image` crate's encoder cannot write one).
fn with_dpi(png: Vec<u8>) -> Result<Vec<u8>, Error> {
    // The 8-byte signature, then IHDR: length (13), type, 13 bytes of data, CRC.
    const IHDR_END: usize = 8 + 4 + 4 + 13 + 4;
    if png.len() < IHDR_END || png.get(12..16) != Some(b"IHDR".as_slice()) {
        return Err(Error::Encode("no IHDR chunk where expected".to_owned()));
    }
    // Pixels per metre: 300 / 0.0254, rounded.
    let ppm = (f64::from(DPI) / 0.0254).round() as u32;
    let mut chunk = Vec::with_capacity(21);
    chunk.extend_from_slice(&9u32.to_be_bytes());
    chunk.extend_from_slice(b"pHYs");
    chunk.extend_from_slice(&ppm.to_be_bytes());
    chunk.extend_from_slice(&ppm.to_be_bytes());
    chunk.push(1); // the unit is the metre
    let crc = crc32fast::hash(&chunk[4..]);
    chunk.extend_from_slice(&crc.to_be_bytes());

    let mut out = Vec::with_capacity(png.len() + chunk.len());
    out.extend_from_slice(&png[..IHDR_END]);
    out.extend_from_slice(&chunk);
    out.extend_from_slice(&png[IHDR_END..]);
    Ok(out)
}
