//! From coefficients to pixels: the scaled inverse DCT as per-coefficient weights, the
//! component planes, chroma upsampling and YCbCr to RGB.

use std::f64::consts::PI;

use super::{Detail, Frame, Miss, Scaled, Tables, ZIGZAG};

/// The contribution of each coefficient (in zigzag order) to each of the `NN` output pixels of
/// its block (`NN` = 1, 4, 16 or 64: 1x1 to 8x8), with the quantiser folded in: the average of
/// its dequantised basis function over the pixel's area. Coefficients from zigzag position
/// `cut` on weigh nothing.
fn weights<const NN: usize>(quant: &[u16; 64], cut: usize) -> Vec<[f32; NN]> {
    let n = (NN as f64).sqrt().round() as usize;
    let average = |u: usize, i: usize| average(u, i, n);
    (0..64)
        .map(|k| {
            let natural = ZIGZAG[k];
            let (v, u) = (natural / 8, natural % 8);
            let q = f64::from(quant[k]);
            let mut w = [0f32; NN];
            if k >= cut {
                return w;
            }
            for (p, out) in w.iter_mut().enumerate() {
                *out = (q * average(u, p % n) * average(v, p / n)) as f32;
            }
            w
        })
        .collect()
}

/// The 1-D DCT basis function `u` averaged over output pixel `i` of `n` across a block, with
/// its IDCT factor.
fn average(u: usize, i: usize, n: usize) -> f64 {
    let span = 8 / n;
    let c = if u == 0 { 0.5 / 2f64.sqrt() } else { 0.5 };
    (i * span..(i + 1) * span)
        .map(|x| c * (((2 * x + 1) * u) as f64 * PI / 16.0).cos())
        .sum::<f64>()
        / span as f64
}

/// A component's scaled IDCT: the weights for its block size.
pub(super) enum Kernel {
    K1(Vec<[f32; 1]>),
    K4(Vec<[f32; 4]>),
    K16(Vec<[f32; 16]>),
    K64(Vec<[f32; 64]>),
}

impl Kernel {
    /// For blocks of `n` x `n` output pixels, with the coefficients `detail` weighs.
    pub(super) fn new(n: usize, quant: &[u16; 64], detail: Detail) -> Self {
        let cut = detail.weighted(n * n);
        match n {
            1 => Kernel::K1(weights(quant, cut)),
            2 => Kernel::K4(weights(quant, cut)),
            4 => Kernel::K16(weights(quant, cut)),
            _ => Kernel::K64(weights(quant, cut)),
        }
    }
}

/// Rounds a block's values (level shift included) into its place in a plane.
#[inline(always)]
pub(super) fn store<const NN: usize>(block: &[f32; NN], plane: &mut Plane, bx: usize, by: usize) {
    let n = plane.n;
    let (x0, y0) = (bx * n, by * n);
    for (row, values) in block.chunks_exact(n).enumerate() {
        let at = (y0 + row) * plane.stride + x0;
        if let Some(dst) = plane.pixels.get_mut(at..at + n) {
            for (d, &v) in dst.iter_mut().zip(values) {
                *d = (v + 128.5).clamp(0.0, 255.0) as u8;
            }
        }
    }
}

/// One component's pixels at its scaled size (whole blocks; cropped later).
pub(super) struct Plane {
    /// Output pixels per block side: 8, 4, 2 or 1.
    pub n: usize,
    pub stride: usize,
    pub pixels: Vec<u8>,
}

pub(super) struct Planes {
    /// Output pixels per luma block side.
    n: usize,
    pub planes: Vec<Plane>,
}

impl Planes {
    /// `n`: output pixels per luma block side. Chroma sampled at half the luma resolution in
    /// both directions gets twice that, so it needs no upsampling (libjpeg-turbo's rule).
    pub(super) fn new(frame: &Frame, n: usize) -> Self {
        let (mcus_x, mcus_y) = frame.mcus();
        let planes = frame
            .components
            .iter()
            .map(|c| {
                let mut size = n;
                while size < 8
                    && (frame.hmax * n).is_multiple_of(c.h * size * 2)
                    && (frame.vmax * n).is_multiple_of(c.v * size * 2)
                {
                    size *= 2;
                }
                let (bx, by) = (mcus_x * c.h, mcus_y * c.v);
                Plane {
                    n: size,
                    stride: bx * size,
                    pixels: vec![0; bx * size * by * size],
                }
            })
            .collect();
        Planes { n, planes }
    }

    /// Each plane's kernel, from its component's quantisation table.
    pub(super) fn kernels(
        &self,
        frame: &Frame,
        tables: &Tables,
        detail: Detail,
    ) -> Result<Vec<Kernel>, Miss> {
        self.planes
            .iter()
            .zip(&frame.components)
            .map(|(plane, c)| Ok(Kernel::new(plane.n, tables.quant(c)?, detail)))
            .collect()
    }

    /// Interleaves the planes into RGB (chroma upsampled where still needed, with libjpeg's
    /// triangle filter, or by repeating at 1/8 as libjpeg does) or returns the grey plane,
    /// cropped to `ceil(size / shrink)`.
    pub(super) fn into_picture(self, frame: &Frame, shrink: usize) -> Scaled {
        let width = frame.width.div_ceil(shrink);
        let height = frame.height.div_ceil(shrink);
        let (w32, h32) = (
            u32::try_from(width).unwrap_or(0),
            u32::try_from(height).unwrap_or(0),
        );
        let luma = &self.planes[0];
        if frame.components.len() == 1 {
            let mut pixels = Vec::with_capacity(width * height);
            for row in luma.pixels.chunks_exact(luma.stride).take(height) {
                pixels.extend_from_slice(&row[..width]);
            }
            return Scaled {
                width: w32,
                height: h32,
                pixels,
                gray: true,
            };
        }
        let (blue, red) = (&self.planes[1], &self.planes[2]);
        let c = &frame.components[1];
        // Luma pixels per chroma pixel, across and down: 1 or 2.
        let fx = (frame.hmax * self.n) / (c.h * blue.n);
        let fy = (frame.vmax * self.n) / (c.v * blue.n);
        let fancy = self.n > 1;
        // The chroma planes' meaningful size, as libjpeg computes it.
        let cw = width.div_ceil(fx).max(1);
        let ch = height.div_ceil(fy).max(1);
        let cs = blue.stride;
        let mut pixels = vec![0u8; width * height * 3];
        if fx == 1 && fy == 1 {
            // Chroma at the luma's resolution (4:2:0 at 1/4, 4:4:4...): no upsampling, and a
            // loop the compiler can vectorise.
            for (y, out) in pixels.chunks_exact_mut(width * 3).enumerate() {
                let (l, b, r) = (
                    plane_row(luma, y, width),
                    plane_row(blue, y, width),
                    plane_row(red, y, width),
                );
                ycc_to_rgb(l, b, r, out);
            }
            return Scaled {
                width: w32,
                height: h32,
                pixels,
                gray: false,
            };
        }
        // Chroma rows blended vertically, scaled by 4.
        let mut cb_row = vec![0u16; cw];
        let mut cr_row = vec![0u16; cw];
        let (near_weight, far_weight) = if fy == 2 && fancy { (3, 1) } else { (4, 0) };
        for (y, out) in pixels.chunks_exact_mut(width * 3).enumerate() {
            let (near, far) = neighbours(y, fy, ch);
            for x in 0..cw {
                let (a, b) = (near * cs + x, far * cs + x);
                cb_row[x] = near_weight * u16::from(blue.pixels[a])
                    + far_weight * u16::from(blue.pixels[b]);
                cr_row[x] =
                    near_weight * u16::from(red.pixels[a]) + far_weight * u16::from(red.pixels[b]);
            }
            let lum = &luma.pixels[y * luma.stride..y * luma.stride + width];
            for (x, (px, &l)) in out.chunks_exact_mut(3).zip(lum).enumerate() {
                let (cnear, cfar) = neighbours(x, fx, cw);
                let (b, r) = if fx == 2 && fancy {
                    (
                        (3 * i32::from(cb_row[cnear]) + i32::from(cb_row[cfar]) + 8) >> 4,
                        (3 * i32::from(cr_row[cnear]) + i32::from(cr_row[cfar]) + 8) >> 4,
                    )
                } else {
                    (
                        (i32::from(cb_row[cnear]) + 2) >> 2,
                        (i32::from(cr_row[cnear]) + 2) >> 2,
                    )
                };
                px.copy_from_slice(&rgb(i32::from(l), b, r));
            }
        }
        Scaled {
            width: w32,
            height: h32,
            pixels,
            gray: false,
        }
    }
}

/// For output position `i` of a plane upsampled by `factor` (1 or 2) from `len` samples: the
/// nearer and the farther source sample of libjpeg's triangle filter.
#[inline(always)]
fn neighbours(i: usize, factor: usize, len: usize) -> (usize, usize) {
    if factor == 1 {
        let i = i.min(len - 1);
        return (i, i);
    }
    let near = (i / 2).min(len - 1);
    let far = if i.is_multiple_of(2) {
        near.saturating_sub(1)
    } else {
        (near + 1).min(len - 1)
    };
    (near, far)
}

/// JFIF's YCbCr to RGB in libjpeg's fixed point (16 fraction bits, rounded).
#[inline(always)]
fn rgb(y: i32, cb: i32, cr: i32) -> [u8; 3] {
    let (cb, cr) = (cb - 128, cr - 128);
    [
        clamp(y + ((91_881 * cr + 32_768) >> 16)),
        clamp(y + ((-22_554 * cb - 46_802 * cr + 32_768) >> 16)),
        clamp(y + ((116_130 * cb + 32_768) >> 16)),
    ]
}

/// The first `width` pixels of a plane's row `y`.
fn plane_row(plane: &Plane, y: usize, width: usize) -> &[u8] {
    &plane.pixels[y * plane.stride..][..width]
}

/// One row of full-resolution YCbCr into interleaved RGB.
fn ycc_to_rgb(luma: &[u8], blue: &[u8], red: &[u8], out: &mut [u8]) {
    for (((px, &y), &cb), &cr) in out.chunks_exact_mut(3).zip(luma).zip(blue).zip(red) {
        px.copy_from_slice(&rgb(i32::from(y), i32::from(cb), i32::from(cr)));
    }
}

#[inline(always)]
fn clamp(v: i32) -> u8 {
    v.clamp(0, 255) as u8
}

#[inline(always)]
pub(super) fn add<const NN: usize>(block: &mut [f32; NN], value: f32, weights: &[f32; NN]) {
    for (b, w) in block.iter_mut().zip(weights) {
        *b += value * w;
    }
}
