//! From coefficients to pixels: the scaled inverse DCT as per-coefficient weights, the
//! component planes, chroma upsampling and YCbCr to RGB.

use std::f64::consts::PI;

use super::{Detail, Frame, Scaled, ZIGZAG};

/// The contribution of each coefficient (in zigzag order) to each of the `NN` output pixels of
/// its block (`NN` = 1, 4, 9, 16, 36 or 64: 1x1 to 8x8), with the quantiser folded in.
/// Coefficients from zigzag position `cut` on weigh nothing.
///
/// At 1/8, 1/4 and 1/2 a weight is the average of the dequantised basis function over the
/// pixel's area (a box filter, as libjpeg-turbo's reduced IDCTs compute). An output pixel at 3/8
/// (3x3 luma, 6x6 chroma) covers a fraction of a pixel's width, so there the basis functions
/// are sampled at the output pixels' centres instead, and frequencies the block cannot show
/// weigh nothing: libjpeg's 3x3 and 6x6 IDCTs, the N-point IDCT of the lowest N x N
/// coefficients.
fn weights<const NN: usize>(quant: &[u16; 64], cut: usize) -> Vec<[f32; NN]> {
    let n = (NN as f64).sqrt().round() as usize;
    let basis = |u: usize, i: usize| {
        if 8 % n == 0 {
            average(u, i, n)
        } else {
            sample(u, i, n)
        }
    };
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
                *out = (q * basis(u, p % n) * basis(v, p / n)) as f32;
            }
            w
        })
        .collect()
}

/// The IDCT factor of frequency `u`.
pub(super) fn factor(u: usize) -> f64 {
    if u == 0 { 0.5 / 2f64.sqrt() } else { 0.5 }
}

/// The 1-D DCT basis function `u` averaged over output pixel `i` of `n` across a block (`n`
/// divides 8), with its IDCT factor.
fn average(u: usize, i: usize, n: usize) -> f64 {
    let span = 8 / n;
    (i * span..(i + 1) * span)
        .map(|x| factor(u) * (((2 * x + 1) * u) as f64 * PI / 16.0).cos())
        .sum::<f64>()
        / span as f64
}

/// The 1-D DCT basis function `u` at the centre of output pixel `i` of `n` across a block,
/// with its IDCT factor; zero for a frequency `n` samples cannot carry.
fn sample(u: usize, i: usize, n: usize) -> f64 {
    if u >= n {
        return 0.0;
    }
    // The centre of pixel i, (i + 1/2) * 8/n, in the 8-point basis cos((2x + 1) u pi / 16).
    factor(u) * (((2 * i + 1) * u) as f64 * PI / (2 * n) as f64).cos()
}

/// The weights of a kernel, for its block size.
pub(super) enum Weights {
    K1(Vec<[f32; 1]>),
    K4(Vec<[f32; 4]>),
    K6(Vec<[f32; 6]>),
    K9(Vec<[f32; 9]>),
    K16(Vec<[f32; 16]>),
    K36(Vec<[f32; 36]>),
    K64(Vec<[f32; 64]>),
}

/// What turns a component's coefficients into the values its [`Sink`] takes: a scaled IDCT
/// (a plane's pixels) or the dequantised low frequencies (for the resampler).
pub(super) struct Kernel {
    /// How many coefficients of each block (in zigzag order) to decode at all.
    pub decoded: usize,
    pub weights: Weights,
}

/// Runs `$body` with `$w` bound to the kernel's weights, whatever its block size (the body's
/// generic calls take the size from the weights' type).
macro_rules! with_weights {
    ($kernel:expr, |$w:ident| $body:expr) => {
        match &$kernel.weights {
            $crate::scaled_jpeg::output::Weights::K1($w) => $body,
            $crate::scaled_jpeg::output::Weights::K4($w) => $body,
            $crate::scaled_jpeg::output::Weights::K6($w) => $body,
            $crate::scaled_jpeg::output::Weights::K9($w) => $body,
            $crate::scaled_jpeg::output::Weights::K16($w) => $body,
            $crate::scaled_jpeg::output::Weights::K36($w) => $body,
            $crate::scaled_jpeg::output::Weights::K64($w) => $body,
        }
    };
}
pub(super) use with_weights;

impl Kernel {
    /// The scaled IDCT for blocks of `n` x `n` output pixels, with the coefficients `detail`
    /// weighs.
    pub(super) fn idct(n: usize, quant: &[u16; 64], detail: Detail) -> Self {
        let cut = Detail::cut(n * n);
        let w = detail.weighted(cut);
        let weights = match n {
            1 => Weights::K1(weights(quant, w)),
            2 => Weights::K4(weights(quant, w)),
            3 => Weights::K9(weights(quant, w)),
            4 => Weights::K16(weights(quant, w)),
            6 => Weights::K36(weights(quant, w)),
            _ => Weights::K64(weights(quant, w)),
        };
        Kernel {
            decoded: detail.decoded(cut),
            weights,
        }
    }

    /// The dequantised coefficients of the frequencies `kept` (as (u, v)), in that order, from
    /// the zigzag positions below `cut`.
    pub(super) fn coefficients(
        quant: &[u16; 64],
        kept: &[(usize, usize); 6],
        cut: usize,
        detail: Detail,
    ) -> Self {
        let w = detail.weighted(cut);
        let weights = (0..64)
            .map(|k| {
                let (v, u) = (ZIGZAG[k] / 8, ZIGZAG[k] % 8);
                let mut out = [0f32; 6];
                if let Some(slot) = kept.iter().position(|&f| f == (u, v)).filter(|_| k < w) {
                    out[slot] = f32::from(quant[k]);
                }
                out
            })
            .collect();
        Kernel {
            decoded: detail.decoded(cut),
            weights: Weights::K6(weights),
        }
    }
}

/// Where a component's transformed blocks go.
pub(super) trait Sink {
    /// Takes block (`bx`, `by`)'s values.
    fn block<const NN: usize>(&mut self, values: &[f32; NN], bx: usize, by: usize);
}

/// What a decode fills: one sink per component, each with its kernel.
pub(super) trait Target {
    type Sink: Sink;
    /// The kernel for component `ci`, given its quantisation table.
    fn kernel(&self, ci: usize, quant: &[u16; 64], detail: Detail) -> Kernel;
    fn sink(&mut self, ci: usize) -> &mut Self::Sink;
    /// Every block row of component `ci` above `below` is complete.
    fn rows_done(&mut self, ci: usize, below: usize);
}

impl Sink for Plane {
    /// Rounds a block's values (level shift included) into its place in the plane.
    #[inline(always)]
    fn block<const NN: usize>(&mut self, values: &[f32; NN], bx: usize, by: usize) {
        let n = self.n;
        let (x0, y0) = (bx * n, by * n);
        for (row, values) in values.chunks_exact(n).enumerate() {
            let at = (y0 + row) * self.stride + x0;
            if let Some(dst) = self.pixels.get_mut(at..at + n) {
                let mut wild = false;
                for (d, &v) in dst.iter_mut().zip(values) {
                    // NaN counts as wild too (one unordered compare once compiled).
                    wild |= v.abs() > WILD || v.is_nan();
                    *d = level(v);
                }
                self.wild |= wild;
            }
        }
    }
}

/// How far from 0 an inverse DCT value may stray before the block is taken for damaged data.
/// An encoder's blocks come back within a few levels of -128..127; libjpeg-turbo's reduced
/// IDCTs look values up in a range-limit table that wraps past +-512 (`& RANGE_MASK`), where
/// this decoder clamps, so a block that far out would come out differently here. Such a
/// picture is left to libjpeg-turbo whole (found by fuzzing: `fuzz/regressions/scaled_jpeg/`).
const WILD: f32 = 480.0;

impl Target for Planes {
    type Sink = Plane;

    fn kernel(&self, ci: usize, quant: &[u16; 64], detail: Detail) -> Kernel {
        Kernel::idct(self.planes[ci].n, quant, detail)
    }

    fn sink(&mut self, ci: usize) -> &mut Plane {
        &mut self.planes[ci]
    }

    fn rows_done(&mut self, _ci: usize, _below: usize) {}
}

/// A value of the inverse DCT (centred on 0) as an 8-bit sample: level-shifted, rounded and
/// clamped.
#[inline(always)]
pub(super) fn level(v: f32) -> u8 {
    (v + 128.5).clamp(0.0, 255.0) as u8
}

/// One component's pixels at its scaled size (whole blocks; cropped later).
pub(super) struct Plane {
    /// Output pixels per block side: 1, 2, 3, 4, 6 or 8.
    pub n: usize,
    pub stride: usize,
    pub pixels: Vec<u8>,
    /// A block's values strayed past [`WILD`]: the data is damaged.
    pub wild: bool,
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
                    wild: false,
                }
            })
            .collect();
        Planes { n, planes }
    }

    /// Interleaves the planes into RGB (chroma upsampled where still needed, with libjpeg's
    /// triangle filter, or by repeating at 1/8 as libjpeg does) or returns the grey plane,
    /// cropped to libjpeg's scaled size, `ceil(size * n / 8)`.
    pub(super) fn into_picture(self, frame: &Frame) -> Scaled {
        let width = (frame.width * self.n).div_ceil(8);
        let height = (frame.height * self.n).div_ceil(8);
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
            let planes = [luma, blue, red].map(|p| (p.pixels.as_slice(), p.stride));
            planes_to_rgb(planes, width, &mut pixels);
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

/// One row of full-resolution YCbCr into interleaved RGB.
#[inline(always)]
fn ycc_to_rgb(luma: &[u8], blue: &[u8], red: &[u8], out: &mut [u8]) {
    for (((px, &y), &cb), &cr) in out.chunks_exact_mut(3).zip(luma).zip(blue).zip(red) {
        px.copy_from_slice(&rgb(i32::from(y), i32::from(cb), i32::from(cr)));
    }
}

/// Three full-resolution planes, each with its row stride, into interleaved RGB rows of
/// `width` pixels, compiled for the CPU's vector instructions (see `pulp` in ARCHITECTURE.md).
pub(super) fn planes_to_rgb(planes: [(&[u8], usize); 3], width: usize, out: &mut [u8]) {
    struct Rows<'a> {
        planes: [(&'a [u8], usize); 3],
        width: usize,
        out: &'a mut [u8],
    }
    impl<'a> pulp::WithSimd for Rows<'a> {
        type Output = ();

        #[inline(always)]
        fn with_simd<S: pulp::Simd>(self, _simd: S) {
            let [luma, blue, red] = self.planes;
            let width = self.width;
            for (y, out) in self.out.chunks_exact_mut(width * 3).enumerate() {
                let row = |(p, stride): (&'a [u8], usize)| &p[y * stride..][..width];
                ycc_to_rgb(row(luma), row(blue), row(red), out);
            }
        }
    }
    pulp::Arch::new().dispatch(Rows { planes, width, out });
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
