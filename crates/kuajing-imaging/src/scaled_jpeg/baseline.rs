//! Sequential (baseline) scans: each block is decoded straight into its output pixels.

use super::entropy::{Bits, Entropy, FAST_BITS, Huffman, SKIP_BITS, extend};
use super::output::{Kernel, Sink, Target, add, with_weights};
use super::{Detail, Frame, Miss, Scan, Tables};

/// Decodes the single scan of a baseline file (every component, interleaved) into `target`.
pub(super) fn decode_scan<T: Target>(
    frame: &Frame,
    tables: &Tables,
    scan: &Scan,
    entropy: &Entropy,
    target: &mut T,
    detail: Detail,
) -> Result<(), Miss> {
    if (scan.start, scan.end, scan.high, scan.low) != (0, 63, 0, 0) {
        return Err(Miss::Corrupt);
    }
    let kernels = frame
        .components
        .iter()
        .enumerate()
        .map(|(ci, c)| Ok(target.kernel(ci, tables.quant(c)?, detail)))
        .collect::<Result<Vec<Kernel>, Miss>>()?;
    let mut huffman = Vec::new();
    for sc in &scan.components {
        huffman.push((tables.dc(sc.dc)?, tables.ac(sc.ac)?));
    }
    let (mcus_x, mcus_y) = frame.mcus();
    for interval in entropy.intervals(mcus_x * mcus_y, tables.restart_interval)? {
        let mut bits = interval.bits(entropy);
        let mut predictors = [0i32; 3];
        let mut list = Coefficients::default();
        let first = interval.units.start;
        let (mut mx, mut my) = (first % mcus_x, first / mcus_x);
        for _ in interval.units.clone() {
            for (ci, c) in frame.components.iter().enumerate() {
                let (dc, ac) = huffman[ci];
                let (kernel, sink) = (&kernels[ci], target.sink(ci));
                for by in 0..c.v {
                    for bx in 0..c.h {
                        let at = (mx * c.h + bx, my * c.v + by);
                        let predictor = &mut predictors[ci];
                        let need = kernel.decoded;
                        with_weights!(kernel, |w| block(
                            &mut bits, dc, ac, predictor, w, need, sink, at, &mut list,
                        ))?;
                    }
                }
            }
            mx += 1;
            if mx == mcus_x {
                (mx, my) = (0, my + 1);
                for (ci, c) in frame.components.iter().enumerate() {
                    target.rows_done(ci, my * c.v);
                }
            }
        }
        interval.check(&bits)?;
    }
    Ok(())
}

/// Decodes one block's coefficients (the first `need` in zigzag order; the rest is read past),
/// adding each one's weighted value into the block's output values, and hands them on.
#[allow(clippy::too_many_arguments)]
#[inline(always)]
fn block<const NN: usize, S: Sink>(
    bits: &mut Bits<'_>,
    dc: &Huffman,
    ac: &Huffman,
    predictor: &mut i32,
    weights: &[[f32; NN]],
    need: usize,
    sink: &mut S,
    (bx, by): (usize, usize),
    list: &mut Coefficients,
) -> Result<(), Miss> {
    bits.refill();
    let fast = dc.fast_value[bits.peek(FAST_BITS) as usize];
    let diff = if fast != 0 {
        bits.skip((fast & 0xFF) as u32);
        fast >> 16
    } else {
        let size = u32::from(bits.symbol(dc)?);
        if size > 11 {
            return Err(Miss::Corrupt);
        }
        if size == 0 {
            0
        } else {
            extend(bits.take(size), size)
        }
    };
    *predictor = predictor.wrapping_add(diff);
    // The non-zero AC coefficients, listed while decoding and added up afterwards: adding as
    // they come made every coefficient wait for the previous one's sum to be stored.
    list.len = 0;
    let mut k = 1usize;
    // The coefficients the output uses are decoded; the rest of the block is only read past.
    while k < need {
        bits.ensure();
        let fast = ac.fast_value[bits.peek(FAST_BITS) as usize];
        if fast != 0 {
            bits.skip((fast & 0xFF) as u32);
            k += ((fast >> 8) & 0xFF) as usize - 1;
            if k > 63 {
                return Err(Miss::Corrupt);
            }
            list.push(k, fast >> 16);
            k += 1;
            continue;
        }
        let rs = u32::from(bits.symbol(ac)?);
        let (run, size) = ((rs >> 4) as usize, rs & 15);
        if size == 0 {
            if run != 15 {
                break;
            }
            k += 16;
            continue;
        }
        k += run;
        if k > 63 {
            return Err(Miss::Corrupt);
        }
        list.push(k, extend(bits.take(size), size));
        k += 1;
    }
    if k >= need && k < 64 {
        skip(bits, ac, k)?;
    }
    let dc = *predictor as f32;
    let mut block = weights[0].map(|w| dc * w);
    if NN > 1 {
        for (&k, &value) in list.zigzag[..list.len].iter().zip(&list.values) {
            add(&mut block, value as f32, &weights[usize::from(k)]);
        }
    }
    sink.block(&block, bx, by);
    Ok(())
}

/// A block's non-zero AC coefficients in decoding order (at most 63).
struct Coefficients {
    zigzag: [u8; 64],
    values: [i32; 64],
    len: usize,
}

impl Default for Coefficients {
    #[inline(always)]
    fn default() -> Self {
        Coefficients {
            zigzag: [0; 64],
            values: [0; 64],
            len: 0,
        }
    }
}

impl Coefficients {
    #[inline(always)]
    fn push(&mut self, k: usize, value: i32) {
        // k <= 63 was checked, and each push moves k on, so len stays below 64.
        if let (Some(z), Some(v)) = (self.zigzag.get_mut(self.len), self.values.get_mut(self.len)) {
            *z = k as u8;
            *v = value;
            self.len += 1;
        }
    }
}

/// Reads past the rest of a block whose remaining coefficients the output does not use.
#[inline(always)]
fn skip(bits: &mut Bits<'_>, ac: &Huffman, mut k: usize) -> Result<(), Miss> {
    while k < 64 {
        bits.refill();
        let e = u32::from(ac.skip[bits.peek(SKIP_BITS) as usize]);
        let advance = ((e >> 5) & 0x7F) as usize;
        // An end of block can only come before position 64: one right after the last
        // coefficient would be the next block's bits.
        if e != 0 && k + advance + (e >> 15) as usize <= 64 {
            bits.skip(e & 0x1F);
            k += advance;
            if e >> 15 != 0 {
                return Ok(());
            }
            continue;
        }
        let rs = u32::from(bits.symbol(ac)?);
        let (run, size) = ((rs >> 4) as usize, rs & 15);
        if size == 0 {
            if run != 15 {
                return Ok(());
            }
            k += 16;
            continue;
        }
        k += run;
        if k > 63 {
            return Err(Miss::Corrupt);
        }
        bits.skip(size);
        k += 1;
    }
    Ok(())
}
