//! Walking one scan and decoding its blocks: the DC scans over every component they name, the
//! AC scans (first pass and refinement) of one component.

use super::super::entropy::{Bits, FAST_BITS, Huffman, extend};
use super::super::{Frame, Miss};
use super::{Blocks, Job, Pass};

/// Where a scan's blocks are: MCU by MCU when it covers several components, else the
/// component's own blocks in raster order (no MCU padding).
struct Layout {
    units: usize,
    units_x: usize,
    interleaved: bool,
}

impl Layout {
    fn of(job: &Job, frame: &Frame) -> Self {
        let (mcus_x, mcus_y) = frame.mcus();
        if job.scan.components.len() > 1 {
            return Layout {
                units: mcus_x * mcus_y,
                units_x: mcus_x,
                interleaved: true,
            };
        }
        let c = &frame.components[job.scan.components[0].index];
        let bw = (frame.width * c.h).div_ceil(frame.hmax).div_ceil(8);
        let bh = (frame.height * c.v).div_ceil(frame.vmax).div_ceil(8);
        Layout {
            units: bw * bh,
            units_x: bw,
            interleaved: false,
        }
    }
}

/// Walks a scan's blocks in coding order, restart interval by restart interval, calling
/// `block(bits, scan component, predictor, eob run, component, block index)`.
#[inline(always)]
fn run<F>(job: &Job, frame: &Frame, across: &[usize], mut block: F) -> Result<(), Miss>
where
    F: FnMut(&mut Bits<'_>, usize, &mut i32, &mut usize, usize, usize) -> Result<(), Miss>,
{
    let layout = Layout::of(job, frame);
    let entropy = &job.entropy;
    for interval in entropy.intervals(layout.units, job.restart_interval)? {
        let mut bits = interval.bits(entropy);
        let mut predictors = [0i32; 4];
        let mut eob_run = 0usize;
        let first = interval.units.start;
        let (mut ux, mut uy) = (first % layout.units_x, first / layout.units_x);
        for _ in interval.units.clone() {
            if layout.interleaved {
                for (si, sc) in job.scan.components.iter().enumerate() {
                    let c = &frame.components[sc.index];
                    let stride = across[sc.index];
                    for by in 0..c.v {
                        for bx in 0..c.h {
                            let at = (uy * c.v + by) * stride + ux * c.h + bx;
                            let predictor = &mut predictors[si];
                            block(&mut bits, si, predictor, &mut eob_run, sc.index, at)?;
                        }
                    }
                }
            } else {
                let ci = job.scan.components[0].index;
                let at = uy * across[ci] + ux;
                block(&mut bits, 0, &mut predictors[0], &mut eob_run, ci, at)?;
            }
            ux += 1;
            if ux == layout.units_x {
                (ux, uy) = (0, uy + 1);
            }
        }
        interval.check(&bits)?;
    }
    Ok(())
}

/// A DC scan (first or refinement), over every component it names.
pub(super) fn decode_dc(
    job: &Job,
    frame: &Frame,
    across: &[usize],
    dc: &mut [Vec<i16>],
) -> Result<(), Miss> {
    let low = u32::from(job.scan.low);
    match job.pass {
        Pass::DcFirst => run(job, frame, across, |bits, si, predictor, _, ci, at| {
            let table = job.table(si)?;
            bits.refill();
            let size = u32::from(bits.symbol(table)?);
            if size > 11 {
                return Err(Miss::Corrupt);
            }
            let diff = if size == 0 {
                0
            } else {
                extend(bits.take(size), size)
            };
            *predictor = predictor.wrapping_add(diff);
            let value = predictor.wrapping_shl(low) as i16;
            *dc.get_mut(ci)
                .and_then(|d| d.get_mut(at))
                .ok_or(Miss::Corrupt)? = value;
            Ok(())
        }),
        Pass::DcRefine => run(job, frame, across, |bits, _, _, _, ci, at| {
            let bit = bits.bit() as i16;
            *dc.get_mut(ci)
                .and_then(|d| d.get_mut(at))
                .ok_or(Miss::Corrupt)? |= bit << low;
            Ok(())
        }),
        Pass::AcFirst | Pass::AcRefine => Err(Miss::Corrupt),
    }
}

/// An AC scan's spectral band, its point transform and its table.
struct Band<'a> {
    table: &'a Huffman,
    start: usize,
    end: usize,
    low: u8,
}

/// An AC scan (first or refinement) of one component.
pub(super) fn decode_ac<B: Blocks>(
    job: &Job,
    frame: &Frame,
    across: &[usize],
    blocks: &mut B,
) -> Result<(), Miss> {
    let band = Band {
        table: job.table(0)?,
        start: job.scan.start,
        end: job.scan.end,
        low: job.scan.low,
    };
    match job.pass {
        Pass::AcFirst => run(job, frame, across, |bits, _, _, eob_run, _, at| {
            let (coefs, nonzero) = blocks.block(at)?;
            ac_first(bits, &band, eob_run, coefs, nonzero)
        }),
        Pass::AcRefine => run(job, frame, across, |bits, _, _, eob_run, _, at| {
            let (coefs, nonzero) = blocks.block(at)?;
            ac_refine(bits, &band, eob_run, coefs, nonzero)
        }),
        Pass::DcFirst | Pass::DcRefine => Err(Miss::Corrupt),
    }
}

#[inline(always)]
fn ac_first(
    bits: &mut Bits<'_>,
    band: &Band<'_>,
    eob_run: &mut usize,
    coefs: &mut [i16],
    block_nonzero: &mut u64,
) -> Result<(), Miss> {
    let (table, start, end, low) = (band.table, band.start, band.end, band.low);
    let low = u32::from(low);
    if *eob_run > 0 {
        *eob_run -= 1;
        return Ok(());
    }
    let mut nonzero = 0u64;
    let mut k = start;
    while k <= end {
        bits.refill();
        let fast = table.fast_value[bits.peek(FAST_BITS) as usize];
        if fast != 0 {
            bits.skip((fast & 0xFF) as u32);
            k += ((fast >> 8) & 0xFF) as usize - 1;
            if k > end {
                return Err(Miss::Corrupt);
            }
            if let Some(c) = coefs.get_mut(k) {
                *c = ((fast >> 16) << low) as i16;
            }
            nonzero |= 1 << k;
            k += 1;
            continue;
        }
        let rs = u32::from(bits.symbol(table)?);
        let (run, size) = (rs >> 4, rs & 15);
        if size == 0 {
            if run < 15 {
                *eob_run = (1 << run) - 1;
                if run > 0 {
                    *eob_run += bits.take(run) as usize;
                }
                break;
            }
            k += 16;
            continue;
        }
        k += run as usize;
        if k > end {
            return Err(Miss::Corrupt);
        }
        let value = extend(bits.take(size), size);
        if let Some(c) = coefs.get_mut(k) {
            *c = (value << low) as i16;
        }
        nonzero |= 1 << k;
        k += 1;
    }
    *block_nonzero |= nonzero;
    Ok(())
}

/// One more bit for the coefficients already non-zero, and new coefficients of +-1 at this
/// bit (T.81 G.1.2.3; libjpeg's decode_mcu_AC_refine). Instead of walking the band one
/// coefficient at a time: a run of zeros is found by clearing bits of the block's zero mask,
/// and the correction bits of the non-zero coefficients it passes are read in one go.
#[inline(always)]
fn ac_refine(
    bits: &mut Bits<'_>,
    band: &Band<'_>,
    eob_run: &mut usize,
    coefs: &mut [i16],
    block_nonzero: &mut u64,
) -> Result<(), Miss> {
    let (table, start, end, low) = (band.table, band.start, band.end, band.low);
    let plus: i16 = 1 << low;
    let mut nonzero = *block_nonzero;
    // The band from `k` on, as a mask.
    let band_end = u64::MAX >> (63 - end);
    let band_from = |k: usize| band_end & u64::MAX.checked_shl(k as u32).unwrap_or(0);
    let mut k = start;
    if *eob_run == 0 {
        while k <= end {
            bits.refill();
            let rs = u32::from(bits.symbol(table)?);
            let (run, size) = (rs >> 4, rs & 15);
            let mut value = 0;
            if size != 0 {
                if size != 1 {
                    return Err(Miss::Corrupt);
                }
                value = if bits.take(1) != 0 { plus } else { -plus };
            } else if run != 15 {
                *eob_run = 1 << run;
                if run > 0 {
                    *eob_run += bits.take(run) as usize;
                }
                break;
            }
            // The zero coefficients from k on; pass `run` of them. The next one is where the
            // new coefficient goes (none left: the band's end).
            let band = band_from(k);
            let mut zeros = !nonzero & band;
            for _ in 0..run {
                zeros &= zeros.wrapping_sub(1);
            }
            let target = zeros.trailing_zeros() as usize;
            let passed = band & !u64::MAX.checked_shl(target as u32).unwrap_or(0);
            correct(bits, coefs, nonzero & passed, plus);
            if value != 0 {
                if target > end {
                    return Err(Miss::Corrupt);
                }
                if let Some(c) = coefs.get_mut(target) {
                    *c = value;
                }
                nonzero |= 1 << target;
            }
            k = target + 1;
        }
        *block_nonzero = nonzero;
    }
    if *eob_run > 0 {
        correct(bits, coefs, nonzero & band_from(k), plus);
        *eob_run -= 1;
    }
    Ok(())
}

/// Gives each coefficient in `which` (all non-zero) its correction bit, in zigzag order: if
/// set, and this bit of its magnitude is not set yet, it grows away from zero by `plus`.
#[inline(always)]
/// Coefficients past `coefs` (not kept) only have their bit read.
fn correct(bits: &mut Bits<'_>, coefs: &mut [i16], mut which: u64, plus: i16) {
    while which != 0 {
        // At most 48 correction bits at a time, left-aligned in `word`.
        let count = which.count_ones().min(48);
        let mut word = bits.take_left(count);
        for _ in 0..count {
            let p = which.trailing_zeros() as usize;
            which &= which - 1;
            let bit = (word >> 63) as i16;
            word <<= 1;
            if let Some(c) = coefs.get_mut(p) {
                let grow = -(bit & i16::from(*c & plus == 0));
                let step = if *c < 0 { -plus } else { plus };
                *c += step & grow;
            }
        }
    }
}
