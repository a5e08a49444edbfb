//! Draws the product photos of the sample catalog (`assets/sample/images/`).
//!
//! ```text
//! cargo run -p kuajing-imaging --example sample_photos -- assets/sample/images
//! ```
//!
//! Every photo is painted procedurally (flat-lay product shots: cherries in a crate, salmon on
//! slate, nuts on a board, gift boxes) with a seeded RNG written here, so the output is the
//! same on every machine and run. Each JPEG is encoded at the highest quality (88 down to 60)
//! that keeps it under 200 KB. The pictures are made here and released as CC0.

use std::error::Error;
use std::f32::consts::{PI, TAU};
use std::io::Write;
use std::path::{Path, PathBuf};

use image::codecs::jpeg::JpegEncoder;
use image::{ExtendedColorType, ImageEncoder};

const MAX_PHOTO_BYTES: usize = 200 * 1024;

type Rgb = [f32; 3];

fn main() -> Result<(), Box<dyn Error>> {
    let out_dir: PathBuf = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .ok_or("usage: sample_photos OUT_DIR (e.g. assets/sample/images)")?;
    std::fs::create_dir_all(&out_dir)?;
    let only: Vec<String> = std::env::args().skip(2).collect();
    let mut total = 0;
    let mut stdout = std::io::stdout();
    for photo in PHOTOS {
        if !only.is_empty() && !only.iter().any(|o| photo.file.contains(o.as_str())) {
            continue;
        }
        let mut canvas = Canvas::new(photo.width, photo.height);
        (photo.draw)(&mut canvas, &mut Rng::new(photo.seed));
        canvas.finish();
        let (bytes, quality) = encode_under_cap(&canvas)?;
        write_file(&out_dir.join(photo.file), &bytes)?;
        total += bytes.len();
        writeln!(
            stdout,
            "{:<28} {}x{} q{quality} {:>4} KB",
            photo.file,
            photo.width,
            photo.height,
            bytes.len() / 1024
        )?;
    }
    writeln!(stdout, "total {} KB", total / 1024)?;
    Ok(())
}

fn write_file(path: &Path, bytes: &[u8]) -> Result<(), Box<dyn Error>> {
    std::fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()).into())
}

fn encode_under_cap(canvas: &Canvas) -> Result<(Vec<u8>, u8), Box<dyn Error>> {
    let rgb = canvas.to_rgb8();
    let mut last = Vec::new();
    for quality in (60..=88).rev().step_by(2) {
        let mut out = Vec::new();
        JpegEncoder::new_with_quality(&mut out, quality).write_image(
            &rgb,
            canvas.w as u32,
            canvas.h as u32,
            ExtendedColorType::Rgb8,
        )?;
        if out.len() <= MAX_PHOTO_BYTES {
            return Ok((out, quality));
        }
        last = out;
    }
    Err(format!(
        "a photo stays at {} KB even at quality 60",
        last.len() / 1024
    )
    .into())
}

struct Photo {
    file: &'static str,
    width: usize,
    height: usize,
    seed: u64,
    draw: fn(&mut Canvas, &mut Rng),
}

const PHOTOS: &[Photo] = &[
    Photo {
        file: "rainier-cherries-1.jpg",
        width: 1600,
        height: 1200,
        seed: 11,
        draw: rainier_crate,
    },
    Photo {
        file: "rainier-cherries-2.jpg",
        width: 1400,
        height: 1400,
        seed: 12,
        draw: rainier_linen,
    },
    Photo {
        file: "bing-cherries-1.jpg",
        width: 1600,
        height: 1200,
        seed: 21,
        draw: bing_crate,
    },
    Photo {
        file: "bing-cherries-2.jpg",
        width: 1200,
        height: 1600,
        seed: 22,
        draw: bing_bowl,
    },
    Photo {
        file: "cherry-gift-box-1.jpg",
        width: 1200,
        height: 1600,
        seed: 31,
        draw: cherry_gift_box,
    },
    Photo {
        file: "sockeye-fillet-1.jpg",
        width: 1600,
        height: 1200,
        seed: 41,
        draw: sockeye_fillet,
    },
    Photo {
        file: "sockeye-fillet-2.jpg",
        width: 1400,
        height: 1400,
        seed: 42,
        draw: sockeye_portions,
    },
    Photo {
        file: "smoked-salmon-1.jpg",
        width: 1600,
        height: 1200,
        seed: 51,
        draw: smoked_salmon,
    },
    Photo {
        file: "almonds-1.jpg",
        width: 1600,
        height: 1200,
        seed: 61,
        draw: almonds_board,
    },
    Photo {
        file: "almonds-2.jpg",
        width: 1400,
        height: 1400,
        seed: 62,
        draw: almonds_bowl,
    },
    Photo {
        file: "walnuts-1.jpg",
        width: 1200,
        height: 1600,
        seed: 71,
        draw: walnuts_board,
    },
    Photo {
        file: "nut-gift-box-1.jpg",
        width: 1600,
        height: 1200,
        seed: 81,
        draw: nut_gift_box,
    },
];

// ---------------------------------------------------------------------------------------------
// Randomness and noise

/// SplitMix64: small, fast and the same everywhere.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03)
    }
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    fn f(&mut self) -> f32 {
        (self.next_u64() >> 40) as f32 / (1u64 << 24) as f32
    }
    fn range(&mut self, lo: f32, hi: f32) -> f32 {
        lo + (hi - lo) * self.f()
    }
    fn seed(&mut self) -> u32 {
        (self.next_u64() >> 32) as u32
    }
}

fn hash2(x: i32, y: i32, seed: u32) -> f32 {
    let mut h = (x as u32).wrapping_mul(0x27D4_EB2D)
        ^ (y as u32).wrapping_mul(0x1656_67B1)
        ^ seed.wrapping_mul(0x9E37_79B1);
    h ^= h >> 15;
    h = h.wrapping_mul(0x85EB_CA6B);
    h ^= h >> 13;
    h = h.wrapping_mul(0xC2B2_AE35);
    h ^= h >> 16;
    h as f32 / u32::MAX as f32
}

/// Smooth value noise in [0, 1].
fn noise(x: f32, y: f32, seed: u32) -> f32 {
    let (xf, yf) = (x.floor(), y.floor());
    let (xi, yi) = (xf as i32, yf as i32);
    let (tx, ty) = (smooth(x - xf), smooth(y - yf));
    let a = hash2(xi, yi, seed);
    let b = hash2(xi + 1, yi, seed);
    let c = hash2(xi, yi + 1, seed);
    let d = hash2(xi + 1, yi + 1, seed);
    lerp(lerp(a, b, tx), lerp(c, d, tx), ty)
}

/// Fractal noise in about [0, 1].
fn fbm(x: f32, y: f32, seed: u32, octaves: u32) -> f32 {
    let (mut sum, mut amp, mut freq, mut norm) = (0.0, 0.5, 1.0, 0.0);
    for i in 0..octaves {
        sum += amp * noise(x * freq, y * freq, seed.wrapping_add(i * 131));
        norm += amp;
        amp *= 0.5;
        freq *= 2.03;
    }
    sum / norm
}

fn smooth(t: f32) -> f32 {
    t * t * (3.0 - 2.0 * t)
}

fn smoothstep(e0: f32, e1: f32, x: f32) -> f32 {
    smooth(((x - e0) / (e1 - e0)).clamp(0.0, 1.0))
}

fn lerp(a: f32, b: f32, t: f32) -> f32 {
    a + (b - a) * t
}

fn mix(a: Rgb, b: Rgb, t: f32) -> Rgb {
    [
        lerp(a[0], b[0], t),
        lerp(a[1], b[1], t),
        lerp(a[2], b[2], t),
    ]
}

fn scale(c: Rgb, k: f32) -> Rgb {
    [c[0] * k, c[1] * k, c[2] * k]
}

fn add(c: Rgb, k: f32) -> Rgb {
    [c[0] + k, c[1] + k, c[2] + k]
}

fn hex(rgb: u32) -> Rgb {
    [
        ((rgb >> 16) & 0xFF) as f32 / 255.0,
        ((rgb >> 8) & 0xFF) as f32 / 255.0,
        (rgb & 0xFF) as f32 / 255.0,
    ]
}

// ---------------------------------------------------------------------------------------------
// Canvas, light and shading

struct Canvas {
    w: usize,
    h: usize,
    px: Vec<Rgb>,
}

/// A box in pixels: x0, y0, x1, y1.
type Bounds = (f32, f32, f32, f32);

impl Canvas {
    fn new(w: usize, h: usize) -> Self {
        Canvas {
            w,
            h,
            px: vec![[0.0; 3]; w * h],
        }
    }

    fn fill(&mut self, f: impl Fn(f32, f32) -> Rgb) {
        for y in 0..self.h {
            for x in 0..self.w {
                self.px[y * self.w + x] = f(x as f32 + 0.5, y as f32 + 0.5);
            }
        }
    }

    fn pixels(&self, b: Bounds) -> (std::ops::Range<usize>, std::ops::Range<usize>) {
        let x0 = b.0.floor().max(0.0) as usize;
        let y0 = b.1.floor().max(0.0) as usize;
        let x1 = (b.2.ceil().max(0.0) as usize).min(self.w);
        let y1 = (b.3.ceil().max(0.0) as usize).min(self.h);
        (x0..x1.max(x0), y0..y1.max(y0))
    }

    /// Paints `f(x, y) -> (colour, coverage)` over the bounds.
    fn paint(&mut self, b: Bounds, mut f: impl FnMut(f32, f32) -> Option<(Rgb, f32)>) {
        let (xs, ys) = self.pixels(b);
        for y in ys {
            for x in xs.clone() {
                if let Some((c, a)) = f(x as f32 + 0.5, y as f32 + 0.5) {
                    let a = a.clamp(0.0, 1.0);
                    if a > 0.0 {
                        let p = &mut self.px[y * self.w + x];
                        *p = mix(*p, c, a);
                    }
                }
            }
        }
    }

    /// Multiplies the pixels by `1 - f(x, y)` (shadows and occlusion).
    fn darken(&mut self, b: Bounds, f: impl Fn(f32, f32) -> f32) {
        let (xs, ys) = self.pixels(b);
        for y in ys {
            for x in xs.clone() {
                let k = 1.0 - f(x as f32 + 0.5, y as f32 + 0.5).clamp(0.0, 1.0);
                let p = &mut self.px[y * self.w + x];
                // Shadows on warm surfaces go a little cool and deep.
                *p = [p[0] * k, p[1] * (0.02 + 0.98 * k), p[2] * (0.04 + 0.96 * k)];
            }
        }
    }

    /// A soft elliptical shadow, strongest at the centre.
    fn shadow(&mut self, cx: f32, cy: f32, rx: f32, ry: f32, strength: f32) {
        let b = (cx - rx * 1.6, cy - ry * 1.6, cx + rx * 1.6, cy + ry * 1.6);
        self.darken(b, |x, y| {
            let d = ((x - cx) / rx).powi(2) + ((y - cy) / ry).powi(2);
            strength * (-2.2 * d).exp()
        });
    }

    /// Photographic finish: light falling off from the top left, and a vignette.
    fn finish(&mut self) {
        let (w, h) = (self.w as f32, self.h as f32);
        let diag = (w * w + h * h).sqrt();
        for y in 0..self.h {
            for x in 0..self.w {
                let (fx, fy) = (x as f32 / w, y as f32 / h);
                let light = 1.06 - 0.12 * (fx * 0.6 + fy * 0.4);
                let dx = x as f32 - w / 2.0;
                let dy = y as f32 - h / 2.0;
                let r = (dx * dx + dy * dy).sqrt() / (diag / 2.0);
                let vignette = 1.0 - 0.22 * smoothstep(0.45, 1.05, r);
                let p = &mut self.px[y * self.w + x];
                *p = scale(*p, light * vignette);
            }
        }
    }

    fn to_rgb8(&self) -> Vec<u8> {
        self.px
            .iter()
            .flat_map(|p| p.map(|v| (v.clamp(0.0, 1.0) * 255.0 + 0.5) as u8))
            .collect()
    }
}

/// Key light from the top left, a little in front.
const LIGHT: [f32; 3] = [-0.48, -0.62, 0.62];

fn normalize(v: [f32; 3]) -> [f32; 3] {
    let l = (v[0] * v[0] + v[1] * v[1] + v[2] * v[2]).sqrt().max(1e-6);
    [v[0] / l, v[1] / l, v[2] / l]
}

fn dot(a: [f32; 3], b: [f32; 3]) -> f32 {
    a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
}

struct Material {
    ambient: f32,
    diffuse: f32,
    /// Sharp highlight strength and exponent.
    spec: f32,
    shininess: f32,
    /// Broad sheen (a soft window reflection).
    sheen: f32,
}

const GLOSSY: Material = Material {
    ambient: 0.42,
    diffuse: 0.7,
    spec: 0.85,
    shininess: 60.0,
    sheen: 0.12,
};
const SATIN: Material = Material {
    ambient: 0.5,
    diffuse: 0.6,
    spec: 0.18,
    shininess: 14.0,
    sheen: 0.05,
};
const MATTE: Material = Material {
    ambient: 0.55,
    diffuse: 0.55,
    spec: 0.04,
    shininess: 6.0,
    sheen: 0.0,
};

fn shade(base: Rgb, n: [f32; 3], m: &Material) -> Rgb {
    let l = normalize(LIGHT);
    let ndl = dot(n, l).max(0.0);
    let h = normalize([l[0], l[1], l[2] + 1.0]);
    let ndh = dot(n, h).max(0.0);
    let lum = m.ambient + m.diffuse * ndl;
    let hl = m.spec * ndh.powf(m.shininess) + m.sheen * ndh.powf(4.0);
    add(scale(base, lum), hl)
}

/// The normal of a dome over an ellipse at local coordinates (u, v) in [-1, 1], rotated by
/// `angle` into screen space.
fn dome_normal(u: f32, v: f32, angle: f32) -> [f32; 3] {
    let z = (1.0 - u * u - v * v).max(0.0).sqrt();
    let (s, c) = angle.sin_cos();
    normalize([u * c - v * s, u * s + v * c, z * 1.1])
}

/// Local coordinates of (x, y) around (cx, cy) rotated by -angle.
fn local(x: f32, y: f32, cx: f32, cy: f32, angle: f32) -> (f32, f32) {
    let (s, c) = angle.sin_cos();
    let (dx, dy) = (x - cx, y - cy);
    (dx * c + dy * s, -dx * s + dy * c)
}

/// Distance from p to the segment a-b, and the position along it (0..1).
fn seg_dist(p: (f32, f32), a: (f32, f32), b: (f32, f32)) -> (f32, f32) {
    let (vx, vy) = (b.0 - a.0, b.1 - a.1);
    let len2 = (vx * vx + vy * vy).max(1e-6);
    let t = (((p.0 - a.0) * vx + (p.1 - a.1) * vy) / len2).clamp(0.0, 1.0);
    let (qx, qy) = (a.0 + vx * t, a.1 + vy * t);
    (((p.0 - qx).powi(2) + (p.1 - qy).powi(2)).sqrt(), t)
}

/// A round-capped stroke along a polyline, coloured by `f(t, across)` where t runs 0..1 along
/// the line and `across` is -1..1 across it.
fn stroke(c: &mut Canvas, pts: &[(f32, f32)], width: f32, f: impl Fn(f32, f32) -> Rgb) {
    if pts.len() < 2 {
        return;
    }
    let pad = width + 2.0;
    let b = pts
        .iter()
        .fold((f32::MAX, f32::MAX, f32::MIN, f32::MIN), |b, p| {
            (
                b.0.min(p.0 - pad),
                b.1.min(p.1 - pad),
                b.2.max(p.0 + pad),
                b.3.max(p.1 + pad),
            )
        });
    let n = (pts.len() - 1) as f32;
    c.paint(b, |x, y| {
        let mut best = (f32::MAX, 0.0, 0.0f32);
        for (i, w) in pts.windows(2).enumerate() {
            let (d, t) = seg_dist((x, y), w[0], w[1]);
            if d < best.0 {
                // Which side of the segment, for shading across the stroke.
                let side = (w[1].0 - w[0].0) * (y - w[0].1) - (w[1].1 - w[0].1) * (x - w[0].0);
                best = (d, (i as f32 + t) / n, side.signum());
            }
        }
        let half = width / 2.0;
        let cover = (half - best.0 + 0.5).clamp(0.0, 1.0);
        (cover > 0.0).then(|| (f(best.1, best.2 * best.0 / half), cover))
    });
}

fn bezier(p0: (f32, f32), p1: (f32, f32), p2: (f32, f32), steps: usize) -> Vec<(f32, f32)> {
    (0..=steps)
        .map(|i| {
            let t = i as f32 / steps as f32;
            let u = 1.0 - t;
            (
                u * u * p0.0 + 2.0 * u * t * p1.0 + t * t * p2.0,
                u * u * p0.1 + 2.0 * u * t * p1.1 + t * t * p2.1,
            )
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Surfaces

/// Wood grain darkness in [0, 1] at a point, `along` the grain and `across` it (pixels).
fn wood_grain(along: f32, across: f32, seed: u32) -> f32 {
    let warp = (fbm(along * 0.0012, across * 0.003, seed, 3) - 0.5) * 60.0;
    let rings = (across + warp) / 26.0 + fbm(along * 0.0006, across * 0.002, seed ^ 1, 2) * 3.0;
    let late_wood = (0.5 + 0.5 * (rings * TAU).sin()).powi(5);
    let streaks = fbm(along * 0.003, across * 0.25, seed ^ 2, 3);
    let pores = fbm(along * 0.01, across * 0.45, seed ^ 3, 2);
    (0.3 + 0.38 * late_wood + 0.45 * (streaks - 0.5) + 0.15 * (pores - 0.5)).clamp(0.0, 1.0)
}

/// Planks of wood running across the picture.
fn wood_table(c: &mut Canvas, seed: u32, light: Rgb, dark: Rgb, plank: f32) {
    c.fill(|x, y| {
        let row = (y / plank).floor();
        let s = seed.wrapping_add(row as u32 * 7919);
        let shift = hash2(row as i32, 0, seed) * 3000.0;
        let tone = (hash2(row as i32, 1, seed) - 0.5) * 0.12;
        let t = (wood_grain(x + shift, y + shift * 0.3, s) + tone).clamp(0.0, 1.0);
        let col = mix(light, dark, t);
        let in_plank = y - row * plank;
        let edge = smoothstep(0.0, 5.0, in_plank) * smoothstep(0.0, 4.0, plank - in_plank);
        scale(col, 0.5 + 0.5 * edge)
    });
}

fn slate(c: &mut Canvas, seed: u32) {
    let base = hex(0x3a3f45);
    c.fill(|x, y| {
        let n = fbm(x * 0.004, y * 0.006, seed, 5);
        let streak = fbm(x * 0.0015 + y * 0.001, y * 0.02, seed ^ 0x77, 3);
        let speck = if hash2(x as i32 / 2, y as i32 / 2, seed ^ 0x99) > 0.985 {
            0.05
        } else {
            0.0
        };
        add(scale(base, 0.8 + 0.35 * n + 0.15 * streak), speck)
    });
}

fn linen(c: &mut Canvas, seed: u32, base: Rgb) {
    c.fill(|x, y| {
        let weave = (x * 1.9).sin() * (y * 1.9).sin() * 0.012;
        let slub = (fbm(x * 0.02, y * 0.5, seed, 2) - 0.5) * 0.05
            + (fbm(x * 0.5, y * 0.02, seed ^ 3, 2) - 0.5) * 0.05;
        let folds = (fbm(x * 0.0025, y * 0.0025, seed ^ 9, 3) - 0.5) * 0.16;
        add(base, weave + slub + folds)
    });
}

/// A rounded rectangle coverage at (x, y); `r` is the corner radius.
fn round_rect_cover(x: f32, y: f32, b: Bounds, r: f32) -> f32 {
    let cx = (b.0 + b.2) / 2.0;
    let cy = (b.1 + b.3) / 2.0;
    let hx = (b.2 - b.0) / 2.0 - r;
    let hy = (b.3 - b.1) / 2.0 - r;
    let qx = ((x - cx).abs() - hx).max(0.0);
    let qy = ((y - cy).abs() - hy).max(0.0);
    let outside =
        (qx * qx + qy * qy).sqrt() - r + ((x - cx).abs() - hx).max((y - cy).abs() - hy).min(0.0);
    (0.5 - outside).clamp(0.0, 1.0)
}

/// Signed distance to a rounded rectangle's edge, positive inside.
fn round_rect_inside(x: f32, y: f32, b: Bounds, r: f32) -> f32 {
    let cx = (b.0 + b.2) / 2.0;
    let cy = (b.1 + b.3) / 2.0;
    let hx = (b.2 - b.0) / 2.0 - r;
    let hy = (b.3 - b.1) / 2.0 - r;
    let qx = (x - cx).abs() - hx;
    let qy = (y - cy).abs() - hy;
    let outside = (qx.max(0.0).powi(2) + qy.max(0.0).powi(2)).sqrt() + qx.max(qy).min(0.0) - r;
    -outside
}

/// A wooden cutting board with a soft shadow and a bevelled edge.
fn board(c: &mut Canvas, b: Bounds, seed: u32, light: Rgb, dark: Rgb) {
    let r = 36.0;
    c.darken((b.0 - 80.0, b.1 - 40.0, b.2 + 90.0, b.3 + 110.0), |x, y| {
        let d = round_rect_inside(x - 22.0, y - 34.0, b, r);
        0.5 * smoothstep(-60.0, 30.0, d)
    });
    c.paint(b, |x, y| {
        let cover = round_rect_cover(x, y, b, r);
        if cover <= 0.0 {
            return None;
        }
        let mut col = mix(light, dark, wood_grain(x, y, seed));
        let inside = round_rect_inside(x, y, b, r);
        // Bevel: lit on the top-left, shaded on the bottom-right.
        let bevel = 1.0 - smoothstep(0.0, 14.0, inside);
        let side = ((x - (b.0 + b.2) / 2.0) / (b.2 - b.0) + (y - (b.1 + b.3) / 2.0) / (b.3 - b.1))
            .signum();
        col = scale(
            col,
            1.0 - 0.22 * bevel * side.max(0.0) + 0.12 * bevel * (-side).max(0.0),
        );
        Some((col, cover))
    });
}

// ---------------------------------------------------------------------------------------------
// Products

#[derive(Clone, Copy, PartialEq)]
enum CherryKind {
    Bing,
    Rainier,
}

struct Cherry {
    x: f32,
    y: f32,
    r: f32,
    kind: CherryKind,
    /// Heap layer: higher layers are drawn over lower ones.
    layer: u8,
    /// Direction the stem leaves in, and its length in radii.
    stem_angle: f32,
    stem_len: f32,
    seed: u32,
}

fn draw_cherry(c: &mut Canvas, ch: &Cherry) {
    let (cx, cy, r) = (ch.x, ch.y, ch.r);
    let seed = ch.seed;
    c.shadow(cx + 0.25 * r, cy + 0.35 * r, r * 1.0, r * 0.9, 0.55);
    let blush_dir = hash2(seed as i32, 3, 17) * TAU;
    let depth = hash2(seed as i32, 5, 17);
    let bing = match ch.kind {
        CherryKind::Bing => mix(hex(0x5a0712), hex(0x8a0f1c), depth),
        CherryKind::Rainier => mix(hex(0xf3d47a), hex(0xf6c65c), depth),
    };
    c.paint(
        (cx - r - 2.0, cy - r - 2.0, cx + r + 2.0, cy + r + 2.0),
        |x, y| {
            // Slightly wider than tall, with a shallow notch at the top where the stem sits.
            let (dx, dy) = (x - cx, y - cy);
            let u = dx / (r * 1.04);
            let v = dy / r;
            let notch = 0.06 * (-(u * u) * 30.0).exp() * smoothstep(0.2, -0.9, v);
            let d = (u * u + v * v).sqrt() + notch;
            let cover = ((1.0 - d) * r + 0.5).clamp(0.0, 1.0);
            if cover <= 0.0 {
                return None;
            }
            let n = dome_normal(u.clamp(-1.0, 1.0), v.clamp(-1.0, 1.0), 0.0);
            let mottle = fbm(x * 0.08, y * 0.08, seed, 2) - 0.5;
            let base = match ch.kind {
                CherryKind::Bing => add(bing, mottle * 0.05),
                CherryKind::Rainier => {
                    let (s, co) = blush_dir.sin_cos();
                    let facing = n[0] * co + n[1] * s;
                    let streak = fbm(x * 0.03, y * 0.03, seed ^ 3, 3) - 0.5;
                    let blush = smoothstep(-0.5, 0.8, facing + streak * 0.7);
                    let pink = mix(hex(0xf08a5a), hex(0xd83a40), 0.45 + 0.55 * depth);
                    let blushed = mix(bing, pink, blush * (0.55 + 0.35 * depth));
                    add(blushed, mottle * 0.03)
                }
            };
            // The suture line, a faint crease down one side.
            let crease =
                (-((u - 0.12 * v).abs() * 40.0)).exp() * 0.08 * smoothstep(0.9, 0.2, v.abs());
            let col = shade(scale(base, 1.0 - crease), n, &GLOSSY);
            // Rim darkening: the edge of a sphere turns away from the light.
            Some((scale(col, 0.72 + 0.28 * n[2]), cover))
        },
    );
    // Stem cavity.
    let (tx, ty) = (cx + 0.02 * r, cy - 0.78 * r);
    c.darken(
        (tx - r * 0.4, ty - r * 0.3, tx + r * 0.4, ty + r * 0.3),
        |x, y| {
            let d = ((x - tx) / (r * 0.22)).powi(2) + ((y - ty) / (r * 0.12)).powi(2);
            0.45 * (-d).exp()
        },
    );
    if ch.stem_len > 0.0 {
        let len = ch.stem_len * r;
        let (s, co) = ch.stem_angle.sin_cos();
        let end = (tx + co * len, ty + s * len);
        let bend = hash2(seed as i32, 9, 1) - 0.5;
        let mid = (
            tx + co * len * 0.5 - s * len * 0.3 * bend,
            ty + s * len * 0.5 + co * len * 0.3 * bend,
        );
        let pts = bezier((tx, ty), mid, end, 14);
        let width = (r * 0.11).max(2.5);
        // Shadow of the stem on what lies below.
        let shadow_pts: Vec<(f32, f32)> = pts.iter().map(|p| (p.0 + 6.0, p.1 + 8.0)).collect();
        c.darken(bounds_of(&shadow_pts, width * 3.0), |x, y| {
            let d = shadow_pts
                .windows(2)
                .map(|w| seg_dist((x, y), w[0], w[1]).0)
                .fold(f32::MAX, f32::min);
            0.28 * (-(d / (width * 1.2)).powi(2)).exp()
        });
        stroke(c, &pts, width, |t, across| {
            let green = mix(hex(0x6f8f2c), hex(0x8a6a36), smoothstep(0.6, 1.0, t));
            scale(green, 0.85 - 0.35 * across)
        });
        // The woody end of the stem.
        let e = end;
        c.paint(
            (e.0 - width, e.1 - width, e.0 + width, e.1 + width),
            |x, y| {
                let d = ((x - e.0).powi(2) + (y - e.1).powi(2)).sqrt();
                Some((hex(0x6b4a2a), (width * 0.6 - d + 0.5).clamp(0.0, 1.0)))
            },
        );
    }
}

fn bounds_of(pts: &[(f32, f32)], pad: f32) -> Bounds {
    pts.iter()
        .fold((f32::MAX, f32::MAX, f32::MIN, f32::MIN), |b, p| {
            (
                b.0.min(p.0 - pad),
                b.1.min(p.1 - pad),
                b.2.max(p.0 + pad),
                b.3.max(p.1 + pad),
            )
        })
}

/// Cherries heaped inside an ellipse (`round`) or a box, in layers that shrink towards the
/// middle so the heap looks piled up.
fn heap_of_cherries(
    rng: &mut Rng,
    area: Bounds,
    r: f32,
    kinds: &[CherryKind],
    round: bool,
) -> Vec<Cherry> {
    let (cx, cy) = ((area.0 + area.2) / 2.0, (area.1 + area.3) / 2.0);
    let (hw, hh) = ((area.2 - area.0) / 2.0, (area.3 - area.1) / 2.0);
    let mut placed: Vec<Cherry> = Vec::new();
    for layer in 0..3u8 {
        let shrink = 1.0 - f32::from(layer) * 0.3;
        let lr = r * (1.0 + 0.06 * f32::from(layer));
        let min_gap = lr * 1.6;
        let start = placed.len();
        for _ in 0..6000 {
            let x = cx + rng.range(-1.0, 1.0) * hw * shrink;
            let y = cy + rng.range(-1.0, 1.0) * hh * shrink;
            let (nx, ny) = ((x - cx) / (hw * shrink), (y - cy) / (hh * shrink));
            let inside = if round {
                nx * nx + ny * ny <= 1.0
            } else {
                nx.abs().max(ny.abs()) <= 1.0
            };
            // Upper layers thin out towards their edge.
            let keep = layer == 0 || rng.f() < 1.0 - (nx * nx + ny * ny).sqrt() * 0.5;
            let clash = placed[start..]
                .iter()
                .any(|p| (p.x - x).powi(2) + (p.y - y).powi(2) < min_gap * min_gap);
            if !inside || !keep || clash {
                continue;
            }
            let kind = kinds[(rng.f() * kinds.len() as f32) as usize % kinds.len()];
            let stem = rng.f() < 0.7;
            placed.push(Cherry {
                x,
                y,
                r: lr * rng.range(0.92, 1.08),
                kind,
                layer,
                stem_angle: rng.range(-PI, 0.4),
                stem_len: if stem { rng.range(1.2, 2.1) } else { 0.0 },
                seed: rng.seed(),
            });
        }
    }
    placed
}

/// An open wooden crate seen from above: four boards around a floor.
fn crate_box(c: &mut Canvas, b: Bounds, seed: u32) -> Bounds {
    let wall = 46.0;
    c.darken((b.0 - 60.0, b.1 - 40.0, b.2 + 90.0, b.3 + 110.0), |x, y| {
        let d = round_rect_inside(x - 26.0, y - 40.0, b, 10.0);
        0.6 * smoothstep(-70.0, 40.0, d)
    });
    let light = hex(0xc9995f);
    let dark = hex(0x8a5a2e);
    c.paint(b, |x, y| {
        let cover = round_rect_cover(x, y, b, 8.0);
        if cover <= 0.0 {
            return None;
        }
        let inner = (b.0 + wall, b.1 + wall, b.2 - wall, b.3 - wall);
        let in_floor = x > inner.0 && x < inner.2 && y > inner.1 && y < inner.3;
        // Top and bottom boards run across; side boards run down.
        let across = !in_floor && (y < inner.1 || y > inner.3);
        let (g, t) = if across { (x, y) } else { (y, x) };
        let board_seed = seed ^ if across { 0x10 } else { 0x20 };
        let mut col = mix(light, dark, wood_grain(g, t * 1.6, board_seed));
        if in_floor {
            // The floor is slats, in shadow from the walls.
            let slat = ((y - inner.1) / ((inner.3 - inner.1) / 4.0)).fract();
            let gap = smoothstep(0.0, 0.03, slat) * smoothstep(1.0, 0.97, slat);
            let occl = smoothstep(0.0, 80.0, (x - inner.0).min(y - inner.1)) * 0.35 + 0.4;
            col = scale(col, occl * (0.5 + 0.5 * gap));
        } else {
            // Bevelled top edges of the boards, and the joints at the corners.
            let to_outer = (x - b.0).min(y - b.1).min(b.2 - x).min(b.3 - y);
            let to_inner = (inner.0 - x)
                .max(inner.1 - y)
                .max(x - inner.2)
                .max(y - inner.3);
            let bevel = smoothstep(0.0, 5.0, to_outer) * smoothstep(0.0, 5.0, to_inner.abs());
            col = scale(col, 0.7 + 0.3 * bevel);
            let is_side = !across;
            if is_side && (y < inner.1 + 2.0 || y > inner.3 - 2.0) {
                col = scale(col, 0.85);
            }
        }
        Some((col, cover))
    });
    (b.0 + wall, b.1 + wall, b.2 - wall, b.3 - wall)
}

fn cherry_leaf(c: &mut Canvas, cx: f32, cy: f32, len: f32, angle: f32, seed: u32) {
    let width = len * 0.36;
    c.shadow(cx + 18.0, cy + 24.0, len * 0.5, width * 0.7, 0.35);
    c.paint((cx - len, cy - len, cx + len, cy + len), |x, y| {
        let (lx, ly) = local(x, y, cx, cy, angle);
        let u = lx / (len / 2.0);
        if u.abs() >= 1.0 {
            return None;
        }
        let hw = width / 2.0 * (1.0 - u * u).powf(0.8) * (1.0 - 0.15 * u);
        // Serrated edge.
        let serr = 1.5 * ((lx * 0.5).sin().abs());
        let cover = (hw - serr - ly.abs() + 0.5).clamp(0.0, 1.0);
        if cover <= 0.0 {
            return None;
        }
        let vein_main = (-(ly.abs() / 1.6).powi(2)).exp();
        let side = ((lx - ly.abs() * 1.3) * 0.12).sin();
        let vein_side = smoothstep(0.92, 1.0, side) * 0.7;
        let fold = ly / hw;
        let n = normalize([0.0, fold * 0.5, 1.0]);
        let base = mix(
            hex(0x2f6a22),
            hex(0x4f8a2a),
            fbm(x * 0.01, y * 0.01, seed, 2),
        );
        let col = mix(
            base,
            hex(0x9dbb5a),
            (vein_main * 0.8 + vein_side * 0.35).min(1.0),
        );
        Some((shade(col, rotate_n(n, angle), &SATIN), cover))
    });
}

fn rotate_n(n: [f32; 3], angle: f32) -> [f32; 3] {
    let (s, c) = angle.sin_cos();
    [n[0] * c - n[1] * s, n[0] * s + n[1] * c, n[2]]
}

fn rainier_crate(c: &mut Canvas, rng: &mut Rng) {
    let s = rng.seed();
    wood_table(c, s, hex(0xd9c2a0), hex(0xa98a64), 230.0);
    cherry_leaf(c, 1380.0, 170.0, 260.0, 0.5, s ^ 1);
    cherry_leaf(c, 1450.0, 300.0, 220.0, 1.2, s ^ 2);
    let inner = crate_box(c, (190.0, 150.0, 1250.0, 1030.0), s ^ 3);
    let mut cherries = heap_of_cherries(
        rng,
        (
            inner.0 + 30.0,
            inner.1 + 30.0,
            inner.2 - 30.0,
            inner.3 - 30.0,
        ),
        44.0,
        &[CherryKind::Rainier],
        false,
    );
    // A few spilled onto the table.
    for (x, y, a) in [
        (1330.0, 760.0, -2.2),
        (1420.0, 900.0, -1.0),
        (1290.0, 1000.0, -2.6),
        (1480.0, 640.0, -1.6),
    ] {
        cherries.push(Cherry {
            x,
            y,
            r: 46.0,
            kind: CherryKind::Rainier,
            layer: 0,
            stem_angle: a,
            stem_len: 1.9,
            seed: rng.seed(),
        });
    }
    draw_all(c, &mut cherries);
}

fn draw_all(c: &mut Canvas, cherries: &mut [Cherry]) {
    // Lower layers first, then top to bottom so nearer fruit overlaps.
    cherries.sort_by(|a, b| a.layer.cmp(&b.layer).then(a.y.total_cmp(&b.y)));
    for ch in cherries.iter() {
        draw_cherry(c, ch);
    }
}

fn rainier_linen(c: &mut Canvas, rng: &mut Rng) {
    let s = rng.seed();
    linen(c, s, hex(0xefe9df));
    cherry_leaf(c, 330.0, 300.0, 300.0, -0.6, s ^ 4);
    let mut cherries = Vec::new();
    let spots = [
        (560.0, 520.0),
        (760.0, 480.0),
        (950.0, 560.0),
        (640.0, 700.0),
        (840.0, 690.0),
        (1030.0, 760.0),
        (520.0, 880.0),
        (720.0, 900.0),
        (920.0, 920.0),
        (620.0, 1080.0),
        (820.0, 1110.0),
        (400.0, 700.0),
        (1100.0, 980.0),
        (1000.0, 1180.0),
    ];
    for &(x, y) in &spots {
        cherries.push(Cherry {
            x: x + rng.range(-20.0, 20.0),
            y: y + rng.range(-20.0, 20.0),
            r: rng.range(82.0, 94.0),
            kind: CherryKind::Rainier,
            layer: 0,
            stem_angle: rng.range(-2.8, -0.3),
            stem_len: rng.range(1.4, 2.0),
            seed: rng.seed(),
        });
    }
    cherries.sort_by(|a, b| a.y.total_cmp(&b.y));
    for ch in &cherries {
        draw_cherry(c, ch);
    }
}

fn bing_crate(c: &mut Canvas, rng: &mut Rng) {
    let s = rng.seed();
    wood_table(c, s, hex(0x7a5a40), hex(0x4a3322), 260.0);
    let inner = crate_box(c, (330.0, 120.0, 1390.0, 1000.0), s ^ 3);
    cherry_leaf(c, 200.0, 900.0, 280.0, -0.9, s ^ 5);
    cherry_leaf(c, 180.0, 1060.0, 230.0, 0.3, s ^ 6);
    let mut cherries = heap_of_cherries(
        rng,
        (
            inner.0 + 30.0,
            inner.1 + 30.0,
            inner.2 - 30.0,
            inner.3 - 30.0,
        ),
        44.0,
        &[CherryKind::Bing],
        false,
    );
    for (x, y, a) in [
        (220.0, 420.0, -1.2),
        (170.0, 600.0, -2.0),
        (1500.0, 1080.0, -2.4),
    ] {
        cherries.push(Cherry {
            x,
            y,
            r: 46.0,
            kind: CherryKind::Bing,
            layer: 0,
            stem_angle: a,
            stem_len: 1.9,
            seed: rng.seed(),
        });
    }
    draw_all(c, &mut cherries);
}

/// A white ceramic bowl from above; returns the inner radius.
fn bowl(c: &mut Canvas, cx: f32, cy: f32, r: f32, colour: Rgb) -> f32 {
    c.shadow(cx + 40.0, cy + 60.0, r * 1.02, r * 1.0, 0.55);
    let inner = r * 0.86;
    c.paint(
        (cx - r - 2.0, cy - r - 2.0, cx + r + 2.0, cy + r + 2.0),
        |x, y| {
            let (dx, dy) = (x - cx, y - cy);
            let d = (dx * dx + dy * dy).sqrt();
            let cover = (r - d + 0.5).clamp(0.0, 1.0);
            if cover <= 0.0 {
                return None;
            }
            let col = if d > inner {
                // The rim: a rounded lip.
                let t = (d - inner) / (r - inner) * 2.0 - 1.0;
                let n = normalize([dx / d * t, dy / d * t, (1.0 - t * t).max(0.0).sqrt() + 0.2]);
                shade(colour, n, &SATIN)
            } else {
                // The inside: a shallow dish, darker on the lit side's far wall.
                let t = d / inner;
                let n = normalize([-dx / d * t * 0.6, -dy / d * t * 0.6, 1.0]);
                scale(shade(colour, n, &SATIN), 0.92 - 0.1 * t)
            };
            Some((col, cover))
        },
    );
    inner
}

fn bing_bowl(c: &mut Canvas, rng: &mut Rng) {
    let s = rng.seed();
    linen(c, s, hex(0xd8dde0));
    let (cx, cy) = (600.0, 760.0);
    let inner = bowl(c, cx, cy, 500.0, hex(0xf4f1ec));
    let mut cherries = heap_of_cherries(
        rng,
        (
            cx - inner + 40.0,
            cy - inner + 40.0,
            cx + inner - 40.0,
            cy + inner - 40.0,
        ),
        48.0,
        &[CherryKind::Bing],
        true,
    );
    for (x, y, a) in [
        (260.0, 1390.0, -1.0),
        (420.0, 1450.0, -2.2),
        (980.0, 1380.0, -1.8),
    ] {
        cherries.push(Cherry {
            x,
            y,
            r: 52.0,
            kind: CherryKind::Bing,
            layer: 0,
            stem_angle: a,
            stem_len: 1.9,
            seed: rng.seed(),
        });
    }
    cherry_leaf(c, 1010.0, 180.0, 260.0, 2.4, s ^ 8);
    draw_all(c, &mut cherries);
}

/// A gift box from above: coloured walls, tissue paper inside. Returns the inner area.
fn gift_box(c: &mut Canvas, b: Bounds, colour: Rgb, seed: u32) -> Bounds {
    let wall = 28.0;
    c.darken((b.0 - 60.0, b.1 - 40.0, b.2 + 90.0, b.3 + 110.0), |x, y| {
        let d = round_rect_inside(x - 24.0, y - 36.0, b, 8.0);
        0.55 * smoothstep(-60.0, 40.0, d)
    });
    let inner = (b.0 + wall, b.1 + wall, b.2 - wall, b.3 - wall);
    c.paint(b, |x, y| {
        let cover = round_rect_cover(x, y, b, 6.0);
        if cover <= 0.0 {
            return None;
        }
        let inside = round_rect_inside(x, y, inner, 4.0);
        if inside > 0.0 {
            // Crinkled tissue paper, shaded near the walls.
            let crinkle = fbm(x * 0.02, y * 0.02, seed, 4);
            let ridges =
                1.0 - (2.0 * (fbm(x * 0.008, y * 0.008, seed ^ 3, 3) * 6.0).fract() - 1.0).abs();
            let occl = 0.62 + 0.38 * smoothstep(0.0, 70.0, inside);
            let col = scale(hex(0xf6f0e4), (0.86 + 0.1 * crinkle + 0.06 * ridges) * occl);
            return Some((col, cover));
        }
        let paper = 0.94 + 0.08 * fbm(x * 0.05, y * 0.05, seed ^ 9, 2);
        let to_outer = (x - b.0).min(y - b.1).min(b.2 - x).min(b.3 - y);
        let rim = smoothstep(0.0, 4.0, to_outer) * smoothstep(0.0, 4.0, -inside);
        Some((scale(colour, paper * (0.75 + 0.25 * rim)), cover))
    });
    inner
}

/// A satin ribbon strip between two points, cut square at both ends.
fn ribbon(c: &mut Canvas, a: (f32, f32), b: (f32, f32), width: f32, colour: Rgb) {
    let angle = (b.1 - a.1).atan2(b.0 - a.0);
    let half_len = ((b.0 - a.0).powi(2) + (b.1 - a.1).powi(2)).sqrt() / 2.0;
    let mid = ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
    let bounds = bounds_of(&[a, b], width);
    let shadow_mid = (mid.0 + 8.0, mid.1 + 10.0);
    c.darken(bounds, |x, y| {
        let (lx, ly) = local(x, y, shadow_mid.0, shadow_mid.1, angle);
        let along = smoothstep(half_len + 4.0, half_len - 4.0, lx.abs());
        0.3 * along * smoothstep(width * 0.75, width * 0.3, ly.abs())
    });
    c.paint(bounds, |x, y| {
        let (lx, ly) = local(x, y, mid.0, mid.1, angle);
        let cover = (width / 2.0 - ly.abs() + 0.5)
            .min(half_len - lx.abs() + 0.5)
            .clamp(0.0, 1.0);
        (cover > 0.0).then(|| {
            let across = ly / (width / 2.0);
            let sheen = 0.8 + 0.25 * (across * 2.2 + lx * 0.01).cos();
            let edge = 1.0 - 0.25 * smoothstep(0.75, 1.0, across.abs());
            (scale(colour, sheen * edge), cover)
        })
    });
}

fn bow(c: &mut Canvas, cx: f32, cy: f32, size: f32, colour: Rgb) {
    for (angle, len) in [
        (-0.5f32, 1.0f32),
        (PI + 0.45, 0.95),
        (1.1, 0.8),
        (PI - 1.2, 0.75),
    ] {
        let (s, co) = angle.sin_cos();
        let (lx, ly) = (cx + co * size * len * 0.55, cy + s * size * len * 0.55);
        c.shadow(lx + 10.0, ly + 14.0, size * 0.5 * len, size * 0.3, 0.3);
        c.paint((lx - size, ly - size, lx + size, ly + size), |x, y| {
            let (u, v) = local(x, y, lx, ly, angle);
            let (a, b) = (size * 0.55 * len, size * 0.3);
            let d = ((u / a).powi(2) + (v / b).powi(2)).sqrt();
            let cover = ((1.0 - d) * b + 0.5).clamp(0.0, 1.0);
            if cover <= 0.0 {
                return None;
            }
            // A loop: darker in the hollow, bright on the fold.
            let fold = (v / b).abs();
            let n = dome_normal(
                (u / a).clamp(-1.0, 1.0) * 0.5,
                (v / b).clamp(-1.0, 1.0),
                angle,
            );
            let col = scale(shade(colour, n, &SATIN), 0.75 + 0.3 * fold);
            Some((col, cover))
        });
    }
    c.paint((cx - size, cy - size, cx + size, cy + size), |x, y| {
        let d = ((x - cx) / (size * 0.2)).powi(2) + ((y - cy) / (size * 0.24)).powi(2);
        let cover = ((1.0 - d.sqrt()) * size * 0.2 + 0.5).clamp(0.0, 1.0);
        (cover > 0.0).then(|| {
            let n = dome_normal(
                ((x - cx) / (size * 0.2)).clamp(-1.0, 1.0),
                ((y - cy) / (size * 0.24)).clamp(-1.0, 1.0),
                0.0,
            );
            (shade(colour, n, &SATIN), cover)
        })
    });
}

fn cherry_gift_box(c: &mut Canvas, rng: &mut Rng) {
    let s = rng.seed();
    wood_table(c, s, hex(0xe6dccd), hex(0xc3b29a), 300.0);
    // The lid, off the top edge, with its ribbon: a box for the shadow, its top painted over.
    let lid = (150.0, -120.0, 1050.0, 330.0);
    gift_box(c, lid, hex(0x8e1b2b), s ^ 1);
    c.paint(lid, |x, y| {
        let cover = round_rect_cover(x, y, lid, 6.0);
        (cover > 0.0).then(|| {
            let paper = 0.92 + 0.08 * fbm(x * 0.05, y * 0.05, s, 2);
            (scale(hex(0x8e1b2b), paper), cover)
        })
    });
    ribbon(c, (600.0, -130.0), (600.0, 330.0), 70.0, hex(0xd9b25c));
    ribbon(c, (150.0, 110.0), (1050.0, 110.0), 70.0, hex(0xd9b25c));
    bow(c, 600.0, 110.0, 150.0, hex(0xdcb561));
    let inner = gift_box(c, (110.0, 420.0, 1090.0, 1500.0), hex(0x8e1b2b), s ^ 2);
    let mut cherries = heap_of_cherries(
        rng,
        (
            inner.0 + 60.0,
            inner.1 + 60.0,
            inner.2 - 60.0,
            inner.3 - 60.0,
        ),
        46.0,
        &[CherryKind::Bing, CherryKind::Rainier],
        false,
    );
    draw_all(c, &mut cherries);
}

// Salmon ------------------------------------------------------------------------------------

struct Fillet {
    cx: f32,
    cy: f32,
    len: f32,
    width: f32,
    angle: f32,
    /// 0 = fresh sockeye, 1 = hot-smoked.
    smoked: f32,
    /// Portion: square ends instead of a tapering tail.
    portion: bool,
    seed: u32,
}

fn fillet_half_width(f: &Fillet, u: f32, belly_side: bool) -> f32 {
    // u in [-1, 1] from the head end to the tail; the belly side bulges near the head.
    let t = (u + 1.0) / 2.0;
    let side = if belly_side {
        1.0 + 0.22 * (1.0 - t).powi(2)
    } else {
        1.0 - 0.12 * (1.0 - t)
    };
    side * fillet_profile(f, u)
}

fn fillet_profile(f: &Fillet, u: f32) -> f32 {
    if f.portion {
        let ends = (1.0 - u.abs().powi(10)).max(0.0).powf(0.3);
        f.width / 2.0 * ends * (1.0 - 0.08 * u)
    } else {
        let t = (u + 1.0) / 2.0;
        let shoulder = 0.9 + 0.1 * (PI * (t / 0.35).min(1.0) / 2.0).sin();
        let body = (1.0 - 0.66 * t.powf(1.5)) * shoulder;
        let ends = (1.0 - u.abs().powi(8)).max(0.0).powf(0.45);
        f.width / 2.0 * body * ends
    }
}

fn draw_fillet(c: &mut Canvas, f: &Fillet) {
    let reach = f.len / 2.0 + f.width;
    c.darken(
        (
            f.cx - reach,
            f.cy - reach,
            f.cx + reach + 60.0,
            f.cy + reach + 80.0,
        ),
        |x, y| {
            let (lx, ly) = local(x - 24.0, y - 34.0, f.cx, f.cy, f.angle);
            let u = lx / (f.len / 2.0);
            if u.abs() > 1.15 {
                return 0.0;
            }
            let hw = fillet_half_width(f, u.clamp(-0.999, 0.999), ly > 0.0).max(1.0);
            let d = ly.abs() - hw;
            0.55 * smoothstep(40.0, -30.0, d) * smoothstep(1.12, 0.9, u.abs())
        },
    );
    let raw = hex(0xd4432a);
    let raw_light = hex(0xf0744a);
    let smoked = hex(0x8a2c14);
    let smoked_light = hex(0xc0602c);
    let fat = mix(hex(0xfbd3bd), hex(0xe9b48a), f.smoked);
    c.paint(
        (f.cx - reach, f.cy - reach, f.cx + reach, f.cy + reach),
        |x, y| {
            let (lx, ly) = local(x, y, f.cx, f.cy, f.angle);
            let u = lx / (f.len / 2.0);
            if u.abs() >= 1.0 {
                return None;
            }
            let hw = fillet_half_width(f, u, ly > 0.0);
            let cover = (hw - ly.abs() + 0.5).clamp(0.0, 1.0);
            if cover <= 0.0 {
                return None;
            }
            let v = ly / hw; // -1 (back) .. 1 (belly)
            // Thickness: thick along the back third, thin at the belly and the tail.
            let ridge = v + 0.25;
            let height = (1.0 - ridge * ridge * 0.8).max(0.0).sqrt();
            let n_local = normalize([-u * 0.25, -ridge * 0.9, height + 0.35]);
            let n = rotate_n(n_local, f.angle);
            // Myosepta: the white chevrons of fat, pointing towards the head.
            let warp = (fbm(lx * 0.006, ly * 0.01, f.seed, 3) - 0.5) * 0.7;
            let chevron = lx / 46.0 + (v - 0.1).abs().powf(1.2) * 2.4 + warp;
            let line = (chevron * PI).sin().abs();
            let fat_line =
                smoothstep(0.22, 0.02, line) * (0.45 + 0.55 * smoothstep(1.0, 0.2, v.abs()));
            let belly = smoothstep(0.55, 0.95, v) * 0.6;
            let tone = fbm(lx * 0.02, ly * 0.05, f.seed ^ 5, 3);
            let flesh = mix(
                mix(raw, raw_light, tone * 0.6 + 0.2 * height),
                mix(smoked, smoked_light, tone * 0.7),
                f.smoked,
            );
            let mut col = mix(
                flesh,
                fat,
                (fat_line * (0.75 - 0.3 * f.smoked) + belly).min(1.0),
            );
            // Skin peeking along the edge.
            let edge = smoothstep(0.9, 1.0, v.abs());
            col = mix(col, mix(hex(0x9aa0a6), hex(0x3c2a22), f.smoked), edge * 0.6);
            // Moist or glazed surface.
            let m = Material {
                ambient: 0.5,
                diffuse: 0.6,
                spec: 0.22 + 0.2 * f.smoked,
                shininess: 24.0,
                sheen: 0.06,
            };
            let wobble = (fbm(x * 0.03, y * 0.03, f.seed ^ 8, 2) - 0.5) * 0.25;
            let nn = normalize([n[0] + wobble, n[1] - wobble, n[2]]);
            Some((shade(col, nn, &m), cover))
        },
    );
}

fn lemon_slice(c: &mut Canvas, cx: f32, cy: f32, r: f32, seed: u32) {
    c.shadow(cx + 14.0, cy + 20.0, r * 1.05, r * 1.0, 0.45);
    c.paint(
        (cx - r - 2.0, cy - r - 2.0, cx + r + 2.0, cy + r + 2.0),
        |x, y| {
            let (dx, dy) = (x - cx, y - cy);
            let d = (dx * dx + dy * dy).sqrt();
            let cover = (r - d + 0.5).clamp(0.0, 1.0);
            if cover <= 0.0 {
                return None;
            }
            let t = d / r;
            let col = if t > 0.93 {
                hex(0xf2c62c)
            } else if t > 0.86 {
                hex(0xfbf4d8)
            } else {
                let a = dy.atan2(dx) + hash2(seed as i32, 0, 1);
                let seg = (a / TAU * 10.0).rem_euclid(1.0);
                let membrane = smoothstep(0.05, 0.0, seg.min(1.0 - seg)) * smoothstep(0.1, 0.2, t)
                    + smoothstep(0.12, 0.05, t);
                let pulp = fbm(x * 0.15, y * 0.15, seed, 2);
                mix(
                    mix(hex(0xf7d85a), hex(0xfbe88c), pulp),
                    hex(0xfdf7dc),
                    membrane.min(1.0),
                )
            };
            Some((shade(col, [0.0, 0.0, 1.0], &SATIN), cover))
        },
    );
}

fn dill(c: &mut Canvas, rng: &mut Rng, x: f32, y: f32, angle: f32, len: f32) {
    let (s, co) = angle.sin_cos();
    let end = (x + co * len, y + s * len);
    let stem = bezier(
        (x, y),
        (x + co * len * 0.5 + s * 30.0, y + s * len * 0.5 - co * 30.0),
        end,
        10,
    );
    stroke(c, &stem, 5.0, |_, a| scale(hex(0x5c8a34), 0.9 - 0.3 * a));
    for i in 1..stem.len() {
        let (px, py) = stem[i];
        for side in [-1.0f32, 1.0] {
            let a = angle + side * rng.range(0.5, 1.0);
            let l = rng.range(30.0, 70.0) * (1.0 - i as f32 / stem.len() as f32 * 0.5);
            let (sa, ca) = a.sin_cos();
            let tip = (px + ca * l, py + sa * l);
            stroke(c, &[(px, py), tip], 2.2, |_, _| hex(0x4f8a30));
            for k in 1..4 {
                let f = k as f32 / 4.0;
                let (bx, by) = (px + ca * l * f, py + sa * l * f);
                for side2 in [-1.0f32, 1.0] {
                    let a2 = a + side2 * 0.7;
                    let (s2, c2) = a2.sin_cos();
                    stroke(
                        c,
                        &[(bx, by), (bx + c2 * 18.0, by + s2 * 18.0)],
                        1.6,
                        |_, _| hex(0x6b9e3c),
                    );
                }
            }
        }
    }
}

fn specks(
    c: &mut Canvas,
    rng: &mut Rng,
    area: Bounds,
    count: usize,
    colour: Rgb,
    size: (f32, f32),
) {
    for _ in 0..count {
        let x = rng.range(area.0, area.2);
        let y = rng.range(area.1, area.3);
        let r = rng.range(size.0, size.1);
        c.paint(
            (x - r - 1.0, y - r - 1.0, x + r + 1.0, y + r + 1.0),
            |px, py| {
                let d = ((px - x).powi(2) + (py - y).powi(2)).sqrt();
                let n = normalize([(px - x) / r, (py - y) / r, 1.0]);
                Some((shade(colour, n, &MATTE), (r - d + 0.5).clamp(0.0, 1.0)))
            },
        );
    }
}

fn sockeye_fillet(c: &mut Canvas, rng: &mut Rng) {
    let s = rng.seed();
    slate(c, s);
    draw_fillet(
        c,
        &Fillet {
            cx: 760.0,
            cy: 600.0,
            len: 1180.0,
            width: 440.0,
            angle: -0.12,
            smoked: 0.0,
            portion: false,
            seed: s ^ 1,
        },
    );
    specks(
        c,
        rng,
        (300.0, 420.0, 1300.0, 780.0),
        140,
        hex(0x2a2420),
        (1.5, 3.2),
    );
    specks(
        c,
        rng,
        (300.0, 420.0, 1300.0, 780.0),
        90,
        hex(0xf4f1ea),
        (1.2, 2.6),
    );
    lemon_slice(c, 1380.0, 930.0, 95.0, s ^ 2);
    lemon_slice(c, 1230.0, 1040.0, 80.0, s ^ 3);
    dill(c, rng, 180.0, 1000.0, -0.5, 330.0);
    dill(c, rng, 260.0, 1100.0, -0.2, 280.0);
}

fn sockeye_portions(c: &mut Canvas, rng: &mut Rng) {
    let s = rng.seed();
    slate(c, s);
    let portions = [
        (470.0, 480.0, -0.35),
        (930.0, 620.0, 0.2),
        (560.0, 930.0, 0.1),
    ];
    for (i, &(x, y, a)) in portions.iter().enumerate() {
        draw_fillet(
            c,
            &Fillet {
                cx: x,
                cy: y,
                len: 420.0,
                width: 300.0,
                angle: a,
                smoked: 0.0,
                portion: true,
                seed: s ^ (10 + i as u32),
            },
        );
    }
    specks(
        c,
        rng,
        (250.0, 300.0, 1150.0, 1150.0),
        160,
        hex(0x2a2420),
        (1.5, 3.2),
    );
    specks(
        c,
        rng,
        (250.0, 300.0, 1150.0, 1150.0),
        140,
        hex(0xf4f1ea),
        (1.2, 2.8),
    );
    lemon_slice(c, 1080.0, 1080.0, 110.0, s ^ 2);
    dill(c, rng, 1000.0, 260.0, 0.3, 300.0);
}

fn smoked_salmon(c: &mut Canvas, rng: &mut Rng) {
    let s = rng.seed();
    wood_table(c, s, hex(0x6a4a34), hex(0x3a261a), 280.0);
    // Parchment on a board.
    board(
        c,
        (220.0, 180.0, 1400.0, 1020.0),
        s ^ 1,
        hex(0xd6b48a),
        hex(0xaa8258),
    );
    let paper = (300.0, 260.0, 1320.0, 940.0);
    c.darken(
        (
            paper.0 - 30.0,
            paper.1 - 30.0,
            paper.2 + 50.0,
            paper.3 + 50.0,
        ),
        |x, y| {
            let d = round_rect_inside(x - 10.0, y - 14.0, paper, 4.0);
            0.3 * smoothstep(-24.0, 12.0, d)
        },
    );
    c.paint(paper, |x, y| {
        let crumple = fbm(x * 0.01, y * 0.01, s ^ 2, 4);
        let creases = 1.0 - (2.0 * fbm(x * 0.004, y * 0.004, s ^ 6, 3) - 1.0).abs();
        let tone = 0.84 + 0.14 * crumple - 0.05 * smoothstep(0.85, 1.0, creases);
        Some((
            scale(hex(0xf1e6d0), tone),
            round_rect_cover(x, y, paper, 4.0),
        ))
    });
    draw_fillet(
        c,
        &Fillet {
            cx: 810.0,
            cy: 600.0,
            len: 860.0,
            width: 330.0,
            angle: 0.08,
            smoked: 1.0,
            portion: false,
            seed: s ^ 3,
        },
    );
    specks(
        c,
        rng,
        (420.0, 460.0, 1200.0, 740.0),
        260,
        hex(0x1e1814),
        (1.6, 3.4),
    );
    lemon_slice(c, 1350.0, 1040.0, 85.0, s ^ 4);
    dill(c, rng, 1250.0, 180.0, 2.5, 260.0);
}

// Nuts ----------------------------------------------------------------------------------------

fn almond(c: &mut Canvas, cx: f32, cy: f32, len: f32, angle: f32, roasted: bool, seed: u32) {
    let width = len * 0.62;
    c.shadow(
        cx + 0.18 * len,
        cy + 0.26 * len,
        len * 0.55,
        width * 0.55,
        0.5,
    );
    let base = if roasted {
        mix(hex(0x7a4321), hex(0x94552a), hash2(seed as i32, 1, 3))
    } else {
        mix(hex(0x9c6236), hex(0xb77a48), hash2(seed as i32, 1, 3))
    };
    let m = if roasted {
        Material {
            ambient: 0.45,
            diffuse: 0.7,
            spec: 0.35,
            shininess: 30.0,
            sheen: 0.08,
        }
    } else {
        Material {
            ambient: 0.5,
            diffuse: 0.65,
            spec: 0.1,
            shininess: 12.0,
            sheen: 0.03,
        }
    };
    c.paint((cx - len, cy - len, cx + len, cy + len), |x, y| {
        let (lx, ly) = local(x, y, cx, cy, angle);
        let u = lx / (len / 2.0);
        if u.abs() >= 1.0 {
            return None;
        }
        let profile = (1.0 + u).powf(0.55) * (1.0 - u).powf(0.8) / 1.05;
        let hw = width / 2.0 * profile;
        let cover = (hw - ly.abs() + 0.5).clamp(0.0, 1.0);
        if cover <= 0.0 {
            return None;
        }
        let v = (ly / hw).clamp(-1.0, 1.0);
        let n0 = dome_normal(u * 0.7, v * 0.95, angle);
        // Skin: wrinkles running lengthways and pitted pores.
        let h = |x: f32, y: f32| {
            let (lx, ly) = local(x, y, cx, cy, angle);
            fbm(lx * 0.025, ly * 0.16, seed, 3) * 0.8 + fbm(x * 0.12, y * 0.12, seed ^ 7, 2) * 0.2
        };
        let hv = h(x, y);
        let n = bump(n0, |x, y| h(x, y) * 7.0, x, y, 0.7);
        let tip = smoothstep(0.4, 1.0, u) * 0.12;
        let col = scale(base, 0.86 + 0.3 * hv - tip);
        Some((shade(col, n, &m), cover))
    });
}

/// Tilts a normal by the slope of a height field `h` (in pixels) at (x, y).
fn bump(n: [f32; 3], h: impl Fn(f32, f32) -> f32, x: f32, y: f32, strength: f32) -> [f32; 3] {
    let h0 = h(x, y);
    let hx = h(x + 1.0, y) - h0;
    let hy = h(x, y + 1.0) - h0;
    normalize([n[0] - hx * strength, n[1] - hy * strength, n[2]])
}

fn walnut_half(c: &mut Canvas, cx: f32, cy: f32, r: f32, angle: f32, seed: u32) {
    c.shadow(cx + 0.2 * r, cy + 0.3 * r, r * 1.05, r * 0.9, 0.55);
    let base = mix(hex(0xd0a066), hex(0xe2bb80), hash2(seed as i32, 2, 5));
    let skin = hex(0x7a4a22);
    c.paint(
        (cx - r * 1.4, cy - r * 1.4, cx + r * 1.4, cy + r * 1.4),
        |x, y| {
            let (lx, ly) = local(x, y, cx, cy, angle);
            // Two lobes side by side with a groove between, scalloped at the edge.
            let u = lx / (r * 1.15);
            let v = ly / (r * 0.9);
            let lobe = |c: f32| ((u - c) / 0.6).powi(2) + (v / 1.0).powi(2);
            let d = lobe(-0.4).min(lobe(0.4)).sqrt();
            let scallop = 0.06 * ((v.atan2(u.abs() - 0.4)) * 5.0).sin();
            let edge = d + scallop + (fbm(x * 0.04, y * 0.04, seed, 2) - 0.5) * 0.12;
            let cover = ((1.0 - edge) * r * 0.6 + 0.5).clamp(0.0, 1.0);
            if cover <= 0.0 {
                return None;
            }
            // Convoluted surface: bumps with dark crevices.
            let h = |x: f32, y: f32| fbm(x * 0.04, y * 0.04, seed ^ 3, 3);
            let hv = h(x, y);
            let crevice = smoothstep(0.5, 0.3, hv);
            let groove = smoothstep(0.14, 0.02, u.abs()) * smoothstep(0.95, 0.2, v.abs());
            let lu = ((u.abs() - 0.4) / 0.6).clamp(-1.0, 1.0) * u.signum();
            let n0 = dome_normal(lu * 0.9, (v * 0.9).clamp(-1.0, 1.0), angle);
            let n = bump(n0, |x, y| h(x, y) * 30.0, x, y, 0.55);
            let col = mix(base, skin, (crevice * 0.8 + groove * 0.7).min(1.0));
            let rim = 0.7 + 0.3 * n0[2];
            Some((scale(shade(col, n, &SATIN), rim), cover))
        },
    );
}

fn walnut_in_shell(c: &mut Canvas, cx: f32, cy: f32, r: f32, angle: f32, seed: u32) {
    c.shadow(cx + 0.22 * r, cy + 0.32 * r, r * 1.05, r * 1.0, 0.6);
    let base = mix(hex(0xb8966a), hex(0xcaa979), hash2(seed as i32, 4, 5));
    c.paint(
        (cx - r * 1.2, cy - r * 1.2, cx + r * 1.2, cy + r * 1.2),
        |x, y| {
            let (lx, ly) = local(x, y, cx, cy, angle);
            let u = lx / (r * 0.92);
            let v = ly / r;
            let wobble = (fbm(x * 0.025, y * 0.025, seed, 2) - 0.5) * 0.08;
            let d = (u * u + v * v).sqrt() + wobble;
            let cover = ((1.0 - d) * r + 0.5).clamp(0.0, 1.0);
            if cover <= 0.0 {
                return None;
            }
            // Ridged shell: thin valleys where the noise crosses its middle.
            let h = |x: f32, y: f32| {
                let (lx, ly) = local(x, y, cx, cy, angle);
                let f = fbm(lx * 0.03, ly * 0.018, seed ^ 5, 3);
                1.0 - (2.0 * f - 1.0).abs()
            };
            let ridge = h(x, y);
            let valley = smoothstep(0.75, 1.0, ridge);
            let seam = smoothstep(0.06, 0.0, u.abs()) * 0.6;
            let n0 = dome_normal(u.clamp(-1.0, 1.0), v.clamp(-1.0, 1.0), angle);
            let n = bump(n0, |x, y| -h(x, y) * 14.0, x, y, 0.7);
            let col = mix(base, hex(0x6e5032), (valley * 0.55 + seam).min(1.0));
            Some((scale(shade(col, n, &MATTE), 0.7 + 0.3 * n0[2]), cover))
        },
    );
}

fn hazelnut(c: &mut Canvas, cx: f32, cy: f32, r: f32, angle: f32, seed: u32) {
    c.shadow(cx + 0.22 * r, cy + 0.32 * r, r * 1.0, r * 0.95, 0.55);
    let base = mix(hex(0x7a4420), hex(0x9c5f2e), hash2(seed as i32, 6, 5));
    c.paint(
        (cx - r * 1.3, cy - r * 1.3, cx + r * 1.3, cy + r * 1.3),
        |x, y| {
            let (lx, ly) = local(x, y, cx, cy, angle);
            let u = lx / (r * 0.96);
            let v = ly / r;
            // A rounded body with a little point at the top.
            let point = 0.14 * (-(u * u) * 16.0).exp() * smoothstep(0.0, -1.0, v);
            let d = (u * u + v * v).sqrt() - point;
            let cover = ((1.0 - d) * r + 0.5).clamp(0.0, 1.0);
            if cover <= 0.0 {
                return None;
            }
            let n = dome_normal(u.clamp(-1.0, 1.0), v.clamp(-1.0, 1.0), angle);
            // Fine stripes running from the point.
            let stripes =
                (u.atan2(v + 1.2) * 30.0 + fbm(lx * 0.05, ly * 0.05, seed, 2) * 4.0).sin() * 0.018;
            let patch = fbm(lx * 0.08, ly * 0.08, seed ^ 1, 3);
            let cap = smoothstep(0.35, 0.75, v + (patch - 0.5) * 0.5);
            let cap_col = mix(hex(0xcdb08a), hex(0xa88660), patch);
            let col = mix(add(base, stripes), cap_col, cap);
            let m = Material {
                ambient: 0.45,
                diffuse: 0.7,
                spec: 0.45 * (1.0 - cap),
                shininess: 36.0,
                sheen: 0.06,
            };
            Some((scale(shade(col, n, &m), 0.72 + 0.28 * n[2]), cover))
        },
    );
}

/// Scatters nuts over an area (ellipse), bottom-most drawn last.
fn scatter(rng: &mut Rng, area: Bounds, count: usize, gap: f32) -> Vec<(f32, f32, f32, u32)> {
    let (cx, cy) = ((area.0 + area.2) / 2.0, (area.1 + area.3) / 2.0);
    let (hw, hh) = ((area.2 - area.0) / 2.0, (area.3 - area.1) / 2.0);
    let mut out: Vec<(f32, f32, f32, u32)> = Vec::new();
    let mut tries = 0;
    while out.len() < count && tries < 60_000 {
        tries += 1;
        let x = cx + rng.range(-1.0, 1.0) * hw;
        let y = cy + rng.range(-1.0, 1.0) * hh;
        if ((x - cx) / hw).powi(2) + ((y - cy) / hh).powi(2) > 1.0 {
            continue;
        }
        if out
            .iter()
            .any(|p| (p.0 - x).powi(2) + (p.1 - y).powi(2) < gap * gap)
        {
            continue;
        }
        out.push((x, y, rng.range(-PI, PI), rng.seed()));
    }
    out.sort_by(|a, b| a.1.total_cmp(&b.1));
    out
}

fn almonds_board(c: &mut Canvas, rng: &mut Rng) {
    let s = rng.seed();
    linen(c, s, hex(0xe4ddd0));
    board(
        c,
        (170.0, 140.0, 1430.0, 1060.0),
        s ^ 1,
        hex(0xe0bf8c),
        hex(0xb98d5a),
    );
    // Raw almonds on the left, roasted on the right.
    for (area, roasted) in [
        ((250.0, 250.0, 830.0, 950.0), false),
        ((770.0, 250.0, 1350.0, 950.0), true),
    ] {
        for layer in 0..2 {
            let shrink = if layer == 0 { 0.0 } else { 90.0 };
            let a = (
                area.0 + shrink,
                area.1 + shrink,
                area.2 - shrink,
                area.3 - shrink,
            );
            for (x, y, ang, seed) in scatter(rng, a, 120, 52.0 - layer as f32 * 4.0) {
                almond(c, x, y, rng.range(84.0, 96.0), ang, roasted, seed);
            }
        }
    }
}

fn almonds_bowl(c: &mut Canvas, rng: &mut Rng) {
    let s = rng.seed();
    wood_table(c, s, hex(0x8c6a4c), hex(0x5a402c), 250.0);
    let (cx, cy) = (700.0, 680.0);
    let inner = bowl(c, cx, cy, 520.0, hex(0x2f4a5a));
    for layer in 0..3 {
        let r = inner - 40.0 - layer as f32 * 110.0;
        for (x, y, ang, seed) in scatter(rng, (cx - r, cy - r, cx + r, cy + r), 200, 54.0) {
            almond(c, x, y, rng.range(90.0, 100.0), ang, true, seed);
        }
    }
    for (x, y, a) in [
        (180.0, 1260.0, 0.4),
        (300.0, 1320.0, -0.8),
        (1240.0, 1240.0, 1.9),
        (1300.0, 160.0, 2.6),
    ] {
        almond(c, x, y, 96.0, a, true, rng.seed());
    }
}

fn walnuts_board(c: &mut Canvas, rng: &mut Rng) {
    let s = rng.seed();
    wood_table(c, s, hex(0x5e4a3c), hex(0x3a2c22), 240.0);
    board(
        c,
        (120.0, 160.0, 1080.0, 1440.0),
        s ^ 1,
        hex(0xd8b384),
        hex(0xa67e52),
    );
    for layer in 0..2 {
        let m = layer as f32 * 120.0;
        for (x, y, ang, seed) in scatter(
            rng,
            (200.0 + m, 280.0 + m, 1000.0 - m, 1000.0 - m),
            60,
            118.0,
        ) {
            walnut_half(c, x, y, rng.range(64.0, 72.0), ang, seed);
        }
    }
    for (x, y, ang, seed) in scatter(rng, (260.0, 1020.0, 940.0, 1360.0), 9, 175.0) {
        walnut_in_shell(c, x, y, rng.range(82.0, 92.0), ang, seed);
    }
}

fn nut_gift_box(c: &mut Canvas, rng: &mut Rng) {
    let s = rng.seed();
    linen(c, s, hex(0xd9d4ca));
    let inner = gift_box(c, (180.0, 170.0, 1420.0, 1030.0), hex(0x2f4d3a), s ^ 1);
    // Three compartments with kraft dividers.
    let third = (inner.2 - inner.0) / 3.0;
    for i in 0..3 {
        let x0 = inner.0 + third * i as f32;
        let comp = (x0 + 12.0, inner.1 + 12.0, x0 + third - 12.0, inner.3 - 12.0);
        c.paint(comp, |x, y| {
            let occl = 0.7 + 0.3 * smoothstep(0.0, 60.0, (x - comp.0).min(y - comp.1));
            let kraft = 0.9 + 0.1 * fbm(x * 0.06, y * 0.06, s ^ i, 2);
            Some((scale(hex(0xb48b5e), kraft * occl), 1.0))
        });
        let margin = if i == 1 { 70.0 } else { 50.0 };
        let area = (
            comp.0 + margin,
            comp.1 + margin,
            comp.2 - margin,
            comp.3 - margin,
        );
        match i {
            0 => {
                for layer in 0..2 {
                    let m = layer as f32 * 50.0;
                    for (x, y, ang, seed) in scatter(
                        rng,
                        (area.0 + m, area.1 + m, area.2 - m, area.3 - m),
                        160,
                        48.0,
                    ) {
                        almond(c, x, y, rng.range(80.0, 90.0), ang, false, seed);
                    }
                }
            }
            1 => {
                for layer in 0..2 {
                    let m = layer as f32 * 60.0;
                    for (x, y, ang, seed) in scatter(
                        rng,
                        (area.0 + m, area.1 + m, area.2 - m, area.3 - m),
                        60,
                        100.0,
                    ) {
                        walnut_half(c, x, y, rng.range(56.0, 62.0), ang, seed);
                    }
                }
            }
            _ => {
                for layer in 0..2 {
                    let m = layer as f32 * 50.0;
                    for (x, y, ang, seed) in scatter(
                        rng,
                        (area.0 + m, area.1 + m, area.2 - m, area.3 - m),
                        120,
                        66.0,
                    ) {
                        hazelnut(c, x, y, rng.range(36.0, 40.0), ang + PI, seed);
                    }
                }
            }
        }
    }
}
