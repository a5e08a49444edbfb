//! Straight from the coefficients to the output size: a Lanczos3 resize done in the DCT domain.
//!
//! Scaling by 1/4 and then resizing shows a 12-MP photo through blocks of 2x2 pixels: too coarse
//! a grid for the frequencies an 800-px image still shows (DCT frequencies 1 to 2 of 8), and a
//! box filter besides. Here each block stays what the JPEG says it is, a sum of cosines, and
//! every output pixel is the Lanczos3-weighted sum of the source pixels under its window, as a
//! resize of the full-size photo computes it, only with the source pixels made from each
//! block's lowest frequencies (zigzag positions 0-5, the frequencies u + v <= 2). Because the
//! filter is linear, the weights fold into each coefficient: a coefficient `F(u, v)` of block
//! `(bx, by)` adds `F * H[i][bx][u] * V[j][by][v]` to output pixel `(i, j)`, where `H` and `V` are
//! the Lanczos weights of the block's pixels times the cosine `u` (or `v`) at them.
//!
//! The resize is separable and runs as the blocks arrive: each finished block row (a run of
//! values across for each kept frequency) is added into the output rows whose windows it falls
//! in, weighted by `V`; an output row whose last block row has arrived is finished across with
//! `H`.
//! Only a window of output rows is ever held, not the picture.
//!
//! Why: after a 1/4 decode a 12-MP photo has 1008 px left for an 800-px slot, and a block of
//! 2x2 pixels cannot carry the frequencies between 1 and 2 (of 8) that the slot still shows.
//! Against the benchmark's reference (Pillow's Lanczos of the full decode), the 800x800 q85
//! output scored SSIM 0.9767 that way, 0.9772 this way, vipsthumbnail 0.9770
//! (`docs/benchmarks.md`). Keeping frequencies up to u + v <= 3 gains 0.0001 more and costs
//! decoding four more values per block; 3/8 decoding then a resize reached only 0.9770, at
//! half again the time.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::f64::consts::PI;
use std::rc::Rc;

use super::output::{Kernel, Sink, Target, factor, planes_to_rgb};
use super::{Detail, Frame, Miss, Scaled};

/// The zigzag positions each block contributes: the frequencies with u + v <= 2.
const CUT: usize = 6;
/// Frequencies per block side held for the resize: the `CUT` positions all have u, v < 3.
const SIDE: usize = 3;
/// The frequencies (u, v) those positions hold, grouped by u: the vertical pass adds each u's
/// own v's.
const KEPT: [(usize, usize); CUT] = [(0, 0), (0, 1), (0, 2), (1, 0), (1, 1), (2, 0)];
/// Lanczos lobes.
const LOBES: f64 = 3.0;
/// The horizontal pass makes this many output pixels at a time.
const LANES: usize = 8;

/// Every component resized to the output size, and the output size.
pub(super) struct Resampler {
    width: usize,
    height: usize,
    components: Vec<Component>,
    /// Each component's output plane, one after the other (one allocation: a fresh page costs
    /// more than the arithmetic on it).
    planes: Vec<u8>,
}

impl Resampler {
    /// For a frame to be decoded straight to `width` x `height` (not larger than the frame).
    pub(super) fn new(frame: &Frame, width: u32, height: u32) -> Result<Self, Miss> {
        let (width, height) = (width as usize, height as usize);
        if width == 0 || height == 0 || width > frame.width || height > frame.height {
            return Err(Miss::Unsupported);
        }
        let (mcus_x, mcus_y) = frame.mcus();
        let components = frame
            .components
            .iter()
            .map(|c| {
                // The component's own samples: subsampled chroma is resized from its grid.
                let samples_x = (frame.width * c.h).div_ceil(frame.hmax);
                let samples_y = (frame.height * c.v).div_ceil(frame.vmax);
                let geometry = (
                    (mcus_x * c.h, mcus_y * c.v),
                    (samples_x, samples_y),
                    (width, height),
                );
                Component::new(geometry, c.v)
            })
            .collect();
        let planes = vec![0; width * height * frame.components.len()];
        Ok(Resampler {
            width,
            height,
            components,
            planes,
        })
    }

    /// The output: RGB, or grey for a one-component file.
    pub(super) fn into_picture(self) -> Result<Scaled, Miss> {
        let (w, h) = (self.width, self.height);
        let size = |v: usize| u32::try_from(v).unwrap_or(0);
        if self.components.len() == 1 {
            return Ok(Scaled {
                width: size(w),
                height: size(h),
                pixels: self.planes,
                gray: true,
            });
        }
        let mut planes = self.planes.chunks_exact(w * h);
        // The frame has one component or three (`read_frame`).
        let (Some(luma), Some(blue), Some(red)) = (planes.next(), planes.next(), planes.next())
        else {
            return Err(Miss::Unsupported);
        };
        let mut pixels = vec![0u8; w * h * 3];
        planes_to_rgb([(luma, w), (blue, w), (red, w)], w, &mut pixels);
        Ok(Scaled {
            width: size(w),
            height: size(h),
            pixels,
            gray: false,
        })
    }
}

impl Target for Resampler {
    type Sink = Component;

    fn kernel(&self, _ci: usize, quant: &[u16; 64], detail: Detail) -> Kernel {
        Kernel::coefficients(quant, &KEPT, CUT, detail)
    }

    fn sink(&mut self, ci: usize) -> &mut Component {
        &mut self.components[ci]
    }

    fn rows_done(&mut self, ci: usize, below: usize) {
        let size = self.width * self.height;
        let plane = &mut self.planes[ci * size..(ci + 1) * size];
        self.components[ci].rows_done(below, plane);
    }
}

/// One component on its way to the output size.
pub(super) struct Component {
    layout: Rc<Layout>,
    /// The block rows not yet added in (at most one MCU's worth): per block row, one run of
    /// `blocks_x` values for each kept frequency, in [`KEPT`] order.
    pending: Vec<f32>,
    /// The block row `pending` starts with.
    first_pending: usize,
    /// Output rows being added up, the first being `first_open`: one run of `blocks_x`
    /// values for each horizontal frequency `u`.
    open: VecDeque<Vec<f32>>,
    first_open: usize,
    /// Finished rows' buffers, for reuse.
    spare: Vec<Vec<f32>>,
    /// A finished row with its frequencies interleaved (`bx * SIDE + u`).
    across_row: Vec<f32>,
    /// A finished row's output pixels before rounding.
    sums: Vec<f32>,
    /// The CPU's vector instructions, found at run time: the passes are compiled for each.
    arch: pulp::Arch,
}

/// A component's resize worked out from its size and the output size alone: the same for
/// every photo of that size, so a batch works it out once per thread ([`layout`]).
struct Layout {
    /// Blocks across and down.
    blocks_x: usize,
    block_rows: usize,
    out_w: usize,
    across: Taps,
    /// Per block row: the output rows it adds into, with its weight for each `v`.
    down: Vec<Vec<(usize, [f32; SIDE])>>,
    /// Per output row: the last block row it takes.
    last_block_row: Vec<usize>,
}

/// Blocks across and down, samples across and down, output size.
type Geometry = ((usize, usize), (usize, usize), (usize, usize));

/// How many layouts a thread keeps: a batch has photos of a few sizes.
const LAYOUTS_KEPT: usize = 4;

thread_local! {
    static LAYOUTS: RefCell<VecDeque<(Geometry, Rc<Layout>)>> = const {
        RefCell::new(VecDeque::new())
    };
}

/// The layout for `geometry`, worked out or remembered.
fn layout(geometry: Geometry) -> Rc<Layout> {
    LAYOUTS.with_borrow_mut(|kept| {
        if let Some((_, l)) = kept.iter().find(|(g, _)| *g == geometry) {
            return Rc::clone(l);
        }
        let l = Rc::new(Layout::new(geometry));
        if kept.len() == LAYOUTS_KEPT {
            kept.pop_front();
        }
        kept.push_back((geometry, Rc::clone(&l)));
        l
    })
}

/// The horizontal pass, [`LANES`] output pixels at a time: group `g` reads `count[g]` values
/// of a row from `start[g]`, and value `t` adds `weights[offset[g] + t][lane] * value` to its
/// pixel `lane` (zero where the pixel's window does not reach). One value times a vector of
/// weights, rather than a dot product per pixel, whose sum across a vector costs more than
/// its products.
struct Taps {
    start: Vec<usize>,
    count: Vec<usize>,
    offset: Vec<usize>,
    weights: Vec<[f32; LANES]>,
}

impl Taps {
    /// From each output pixel's window: the first value it reads and its weights.
    fn new(windows: &[(usize, Vec<f32>)]) -> Self {
        let mut taps = Taps {
            start: Vec::new(),
            count: Vec::new(),
            offset: Vec::new(),
            weights: Vec::new(),
        };
        for group in windows.chunks(LANES) {
            let start = group.iter().map(|(s, _)| *s).min().unwrap_or(0);
            let end = group
                .iter()
                .map(|(s, w)| s + w.len())
                .max()
                .unwrap_or(start);
            taps.start.push(start);
            taps.count.push(end - start);
            taps.offset.push(taps.weights.len());
            for t in start..end {
                taps.weights.push(std::array::from_fn(|lane| {
                    group.get(lane).map_or(0.0, |(s, w)| {
                        t.checked_sub(*s)
                            .and_then(|k| w.get(k))
                            .copied()
                            .unwrap_or(0.0)
                    })
                }));
            }
        }
        taps
    }

    /// One output row (`sums`, then rounded into `out`) from one row of values.
    #[inline(always)]
    fn apply(&self, row: &[f32], sums: &mut [f32], out: &mut [u8]) {
        for (g, pixels) in sums.chunks_mut(LANES).enumerate() {
            let (start, count, offset) = (self.start[g], self.count[g], self.offset[g]);
            let mut sum = [0f32; LANES];
            for (w, &x) in self.weights[offset..offset + count]
                .iter()
                .zip(&row[start..start + count])
            {
                for lane in 0..LANES {
                    sum[lane] += w[lane] * x;
                }
            }
            for (p, v) in pixels.iter_mut().zip(sum) {
                *p = v;
            }
        }
        // Rounded in a loop of its own, which the compiler turns into vector instructions:
        // adding 2^23 leaves the nearest integer in the low bits of the float (ties to even,
        // where `level` rounds them up: a difference only for sums exactly halfway).
        for (o, &v) in out.iter_mut().zip(sums.iter()) {
            *o = ((v + 128.0).clamp(0.0, 255.0) + 8_388_608.0).to_bits() as u8;
        }
    }
}

impl Layout {
    fn new(geometry: Geometry) -> Self {
        let ((blocks_x, blocks_y), (samples_x, samples_y), (out_w, out_h)) = geometry;
        let mut windows_across = Vec::with_capacity(out_w);
        windows(samples_x, out_w, |first, blocks| {
            let taps = blocks.iter().flatten().copied().collect();
            windows_across.push((first * SIDE, taps));
        });
        let across = Taps::new(&windows_across);
        let mut down = vec![Vec::new(); blocks_y];
        let mut last_block_row = Vec::with_capacity(out_h);
        windows(samples_y, out_h, |first, blocks| {
            let j = last_block_row.len();
            for (k, w) in blocks.iter().enumerate() {
                if let Some(row) = down.get_mut(first + k) {
                    row.push((j, *w));
                }
            }
            last_block_row.push(first + blocks.len().saturating_sub(1));
        });
        Layout {
            blocks_x,
            block_rows: blocks_y,
            out_w,
            across,
            down,
            last_block_row,
        }
    }
}

impl Component {
    fn new(geometry: Geometry, rows_per_mcu: usize) -> Self {
        let layout = layout(geometry);
        let n = layout.blocks_x;
        Component {
            pending: vec![0.0; rows_per_mcu * KEPT.len() * n],
            first_pending: 0,
            open: VecDeque::new(),
            first_open: 0,
            spare: Vec::new(),
            across_row: vec![0.0; n * SIDE],
            sums: vec![0.0; layout.out_w],
            arch: pulp::Arch::new(),
            layout,
        }
    }

    /// Adds block row `by` (its [`KEPT`] runs of values) into the output rows it falls in,
    /// then finishes the rows it was the last for.
    #[inline(always)]
    fn add_block_row(&mut self, by: usize, values: &[f32], plane: &mut [u8]) {
        let layout = Rc::clone(&self.layout);
        let n = layout.blocks_x;
        let run = |k: usize| &values[k * n..(k + 1) * n];
        let (f00, f01, f02, f10, f11, f20) = (run(0), run(1), run(2), run(3), run(4), run(5));
        for &(j, w) in &layout.down[by] {
            while self.first_open + self.open.len() <= j {
                let mut row = self.spare.pop().unwrap_or_default();
                row.clear();
                row.resize(SIDE * n, 0.0);
                self.open.push_back(row);
            }
            let Some(acc) = self.open.get_mut(j - self.first_open) else {
                continue;
            };
            // Down each column of blocks: frequency u takes the v's it has.
            let (a0, rest) = acc.split_at_mut(n);
            let (a1, a2) = rest.split_at_mut(n);
            for (((a, &x0), &x1), &x2) in a0.iter_mut().zip(f00).zip(f01).zip(f02) {
                *a += w[0] * x0 + w[1] * x1 + w[2] * x2;
            }
            for ((a, &x0), &x1) in a1.iter_mut().zip(f10).zip(f11) {
                *a += w[0] * x0 + w[1] * x1;
            }
            for (a, &x0) in a2.iter_mut().zip(f20) {
                *a += w[0] * x0;
            }
        }
        while layout
            .last_block_row
            .get(self.first_open)
            .is_some_and(|&last| last <= by)
        {
            let Some(row) = self.open.pop_front() else {
                break;
            };
            let (a0, rest) = row.split_at(n);
            let (a1, a2) = rest.split_at(n);
            for (((dst, &x0), &x1), &x2) in self
                .across_row
                .as_chunks_mut::<SIDE>()
                .0
                .iter_mut()
                .zip(a0)
                .zip(a1)
                .zip(a2)
            {
                *dst = [x0, x1, x2];
            }
            let j = self.first_open;
            let out = &mut plane[j * layout.out_w..(j + 1) * layout.out_w];
            layout.across.apply(&self.across_row, &mut self.sums, out);
            self.spare.push(row);
            self.first_open += 1;
        }
    }
}

impl Sink for Component {
    #[inline(always)]
    fn block<const NN: usize>(&mut self, values: &[f32; NN], bx: usize, by: usize) {
        let Some(row) = by.checked_sub(self.first_pending) else {
            return;
        };
        // The kernel hands over the KEPT frequencies, in order.
        let n = self.layout.blocks_x;
        for (k, &value) in values.iter().enumerate() {
            if let Some(slot) = self.pending.get_mut((row * KEPT.len() + k) * n + bx) {
                *slot = value;
            }
        }
    }
}

impl Component {
    /// Adds in the block rows above `below` not yet added, finishing output rows into `plane`.
    fn rows_done(&mut self, below: usize, plane: &mut [u8]) {
        let below = below.min(self.layout.block_rows);
        let pending = std::mem::take(&mut self.pending);
        let first = self.first_pending;
        let arch = self.arch;
        arch.dispatch(BlockRows {
            component: self,
            first,
            below,
            values: &pending,
            plane,
        });
        self.pending = pending;
        self.first_pending = self.first_pending.max(below);
    }
}

/// Block rows `first..below` of a component, to add in with the CPU's vector instructions.
struct BlockRows<'a> {
    component: &'a mut Component,
    first: usize,
    below: usize,
    values: &'a [f32],
    plane: &'a mut [u8],
}

impl pulp::WithSimd for BlockRows<'_> {
    type Output = ();

    #[inline(always)]
    fn with_simd<S: pulp::Simd>(self, _simd: S) {
        let chunk = KEPT.len() * self.component.layout.blocks_x;
        for (by, values) in (self.first..self.below).zip(self.values.chunks_exact(chunk)) {
            self.component.add_block_row(by, values, self.plane);
        }
    }
}

/// The Lanczos3 window of each of `out` output samples over `samples` source samples (as
/// Pillow and fast_image_resize place it), as weights on the DCT frequencies of the 8-sample
/// blocks it covers: `each(first block, per block the weight of each frequency u < SIDE)`,
/// output sample by output sample.
fn windows(samples: usize, out: usize, mut each: impl FnMut(usize, &[[f32; SIDE]])) {
    let scale = samples as f64 / out as f64;
    let stretch = scale.max(1.0);
    let support = LOBES * stretch;
    // The basis functions at the 8 sample positions of a block, IDCT factor included.
    let basis: [[f64; SIDE]; 8] = std::array::from_fn(|t| {
        std::array::from_fn(|u| factor(u) * ((2 * t + 1) as f64 * u as f64 * PI / 16.0).cos())
    });
    // One sample further along is this much further into the filter.
    let step = Rotation::new(PI / stretch);
    let step_third = Rotation::new(PI / stretch / LOBES);
    let mut weights = Vec::new();
    let mut blocks = Vec::new();
    let mut narrow = Vec::new();
    for i in 0..out {
        let centre = (i as f64 + 0.5) * scale;
        let lo = ((centre - support + 0.5).floor().max(0.0) as usize).min(samples - 1);
        let hi = ((centre + support + 0.5).floor() as usize).clamp(lo + 1, samples);
        // lanczos3(x) = 3 sin(pi x) sin(pi x / 3) / (pi x)^2 at x = (lo - centre + 1/2) /
        // stretch and on by 1 / stretch: both sines turned on by a rotation.
        let x0 = (lo as f64 - centre + 0.5) / stretch;
        let (mut a, mut b) = (Rotation::new(PI * x0), Rotation::new(PI * x0 / LOBES));
        weights.clear();
        for k in 0..hi - lo {
            let x = x0 + k as f64 / stretch;
            weights.push(if x.abs() < 1e-9 {
                1.0
            } else if x.abs() >= LOBES {
                0.0
            } else {
                LOBES * a.sin * b.sin / (PI * PI * x * x)
            });
            a = a.then(step);
            b = b.then(step_third);
        }
        let scale_to_one = 1.0 / weights.iter().sum::<f64>();
        let first = lo / 8;
        blocks.clear();
        blocks.resize((hi - 1) / 8 - first + 1, [0f64; SIDE]);
        for (x, w) in (lo..hi).zip(&weights) {
            let block = &mut blocks[x / 8 - first];
            for (b, c) in block.iter_mut().zip(basis[x % 8]) {
                *b += w * scale_to_one * c;
            }
        }
        narrow.clear();
        narrow.extend(blocks.iter().map(|b| b.map(|v| v as f32)));
        each(first, &narrow);
    }
}

/// An angle as its sine and cosine.
#[derive(Clone, Copy)]
struct Rotation {
    sin: f64,
    cos: f64,
}

impl Rotation {
    fn new(angle: f64) -> Self {
        let (sin, cos) = angle.sin_cos();
        Rotation { sin, cos }
    }

    /// This angle plus `by`'s.
    fn then(self, by: Rotation) -> Self {
        Rotation {
            sin: self.sin * by.cos + self.cos * by.sin,
            cos: self.cos * by.cos - self.sin * by.sin,
        }
    }
}
