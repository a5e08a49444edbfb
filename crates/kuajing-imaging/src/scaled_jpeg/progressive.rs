//! Progressive scans (ITU T.81 G.1.2): every scan adds a spectral band or one more bit of
//! precision to the coefficients, so they are kept for the whole image (as libjpeg-turbo does)
//! and turned into pixels once the last scan is in.
//!
//! Two things make it faster than libjpeg-turbo's:
//! - **Two cores.** A scan of AC coefficients covers one component, and the scans of one
//!   component depend only on each other. The luma's AC scans (most of the file) are decoded on
//!   a second thread while this one decodes the DC scans and the chroma's AC scans.
//! - **Masks.** Each block carries a mask of its non-zero AC coefficients, which turns the
//!   refinement scans' coefficient-by-coefficient walk into bit operations and lets the final
//!   transform visit only the coefficients that are there. The DC coefficients have their own
//!   compact array, so the DC scans stay in cache.

use std::sync::Arc;

use super::entropy::{Bits, Entropy, FAST_BITS, Huffman, extend};
use super::output::{Kernel, Plane, Planes, add, store};
use super::{Detail, Frame, Miss, Scan, Tables};

/// What one scan does to each block it covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pass {
    DcFirst,
    DcRefine,
    AcFirst,
    AcRefine,
}

/// One scan, read and unstuffed, with the Huffman tables in force when it started (a file may
/// redefine them between scans).
pub(super) struct Job {
    scan: Scan,
    pass: Pass,
    /// Per scan component: its DC or AC table (none for a DC refinement).
    tables: Vec<Option<Arc<Huffman>>>,
    entropy: Entropy,
    restart_interval: usize,
}

impl Job {
    pub(super) fn new(scan: Scan, tables: &Tables, entropy: Entropy) -> Result<Self, Miss> {
        let restart_interval = tables.restart_interval;
        let pass = match (scan.start, scan.high) {
            (0, 0) => Pass::DcFirst,
            (0, _) => Pass::DcRefine,
            (_, 0) => Pass::AcFirst,
            _ => Pass::AcRefine,
        };
        let valid = if scan.start == 0 {
            scan.end == 0
        } else {
            scan.start <= scan.end && scan.end <= 63 && scan.components.len() == 1
        };
        if !valid || scan.low > 13 || (scan.high != 0 && scan.low + 1 != scan.high) {
            return Err(Miss::Corrupt);
        }
        let huffman = scan
            .components
            .iter()
            .map(|sc| match pass {
                Pass::DcFirst => tables.dc_shared(sc.dc).map(Some),
                Pass::AcFirst | Pass::AcRefine => tables.ac_shared(sc.ac).map(Some),
                Pass::DcRefine => Ok(None),
            })
            .collect::<Result<_, _>>()?;
        Ok(Job {
            scan,
            pass,
            tables: huffman,
            entropy,
            restart_interval,
        })
    }

    /// The component whose AC coefficients this scan refines, if it is an AC scan.
    fn ac_component(&self) -> Option<usize> {
        match self.pass {
            Pass::AcFirst | Pass::AcRefine => Some(self.scan.components[0].index),
            Pass::DcFirst | Pass::DcRefine => None,
        }
    }

    fn table(&self, si: usize) -> Result<&Huffman, Miss> {
        self.tables
            .get(si)
            .and_then(|t| t.as_deref())
            .ok_or(Miss::Corrupt)
    }
}

/// One row of a component's blocks (MCU-padded), borrowed from its whole-image arrays.
#[derive(Default)]
struct Row<'a> {
    /// The first `keep` AC coefficients of each block, in zigzag order (index 0 unused).
    coefs: &'a mut [i16],
    /// Bit k set when `coefs[k]` is non-zero.
    nonzero: &'a mut [u64],
}

/// One component's AC coefficients, row by row: a row can move to the thread that decodes the
/// next scan while this one is still decoding later rows.
struct Ac<'a> {
    rows: Vec<Row<'a>>,
    across: usize,
    keep: usize,
}

impl<'a> Ac<'a> {
    fn new(across: usize, keep: usize, coefs: &'a mut [i16], nonzero: &'a mut [u64]) -> Self {
        let rows = coefs
            .chunks_mut(across * keep)
            .zip(nonzero.chunks_mut(across))
            .map(|(coefs, nonzero)| Row { coefs, nonzero })
            .collect();
        Ac { rows, across, keep }
    }
}

/// Every component's coefficients, in the MCU-padded block layout, one allocation each.
///
/// Of each block only the first `keep` AC values are kept: the ones the output uses. The
/// others only need to be known non-zero (a refinement scan reads a correction bit for each,
/// whatever its value), so at 1/4 a 12-MP photo takes 11 MB here instead of 40.
pub(super) struct Coefficients {
    /// Blocks across each component's layout.
    across: Vec<usize>,
    /// AC values kept per block, per component.
    keep: Vec<usize>,
    dc: Vec<Vec<i16>>,
    /// `keep` AC coefficients per block, in zigzag order (index 0 unused).
    coefs: Vec<Vec<i16>>,
    /// Bit k set when `coefs[..][k]` is non-zero.
    nonzero: Vec<Vec<u64>>,
    /// The quantisation table of each component, latched at its first scan (as libjpeg does).
    quant: Vec<[u16; 64]>,
}

/// Decodes every scan on two threads. The luma's AC scans are most of a file, and the last one
/// (its final refinement bit) is the biggest: it runs on a second thread, a few rows behind the
/// scan before it, which hands each row on as soon as it is done. This thread then decodes the
/// DC scans and the chroma's, which depend on nothing of the luma's.
pub(super) fn decode(
    frame: &Frame,
    jobs: &[Job],
    quant: Vec<[u16; 64]>,
    keep: Vec<usize>,
) -> Result<Coefficients, Miss> {
    let (mcus_x, mcus_y) = frame.mcus();
    let across: Vec<usize> = frame.components.iter().map(|c| mcus_x * c.h).collect();
    let blocks: Vec<usize> = frame
        .components
        .iter()
        .zip(&across)
        .map(|(c, &a)| a * mcus_y * c.v)
        .collect();
    let mut out = Coefficients {
        dc: blocks.iter().map(|&n| vec![0; n]).collect(),
        coefs: blocks
            .iter()
            .zip(&keep)
            .map(|(&n, &k)| vec![0; n * k])
            .collect(),
        nonzero: blocks.iter().map(|&n| vec![0; n]).collect(),
        across,
        keep,
        quant,
    };
    let across = &out.across;
    let dc = &mut out.dc;
    let mut stores: Vec<Ac<'_>> = out
        .coefs
        .iter_mut()
        .zip(out.nonzero.iter_mut())
        .zip(across.iter().zip(&out.keep))
        .map(|((c, n), (&a, &k))| Ac::new(a, k, c, n))
        .collect();
    let (luma, chroma) = stores.split_at_mut(1);
    let luma = &mut luma[0];
    let luma_jobs: Vec<&Job> = jobs
        .iter()
        .filter(|j| j.ac_component() == Some(0))
        .collect();
    let (last, early) = match luma_jobs.split_last() {
        Some((last, early)) => (Some(*last), early),
        None => (None, &[][..]),
    };
    let (rows_tx, rows_rx) = std::sync::mpsc::channel::<Row<'_>>();
    let (luma_rows, luma_keep) = (luma.rows.len(), luma.keep);
    let (mine, theirs) = std::thread::scope(|s| {
        let theirs = s.spawn(move || {
            let mut store = Ac {
                rows: Vec::with_capacity(luma_rows),
                across: across[0],
                keep: luma_keep,
            };
            if let Some(job) = last {
                let mut blocks = Receiving {
                    store: &mut store,
                    from: &rows_rx,
                };
                decode_ac(job, frame, across, &mut blocks)?;
            }
            Ok::<(), Miss>(())
        });
        let mine = (|| {
            let mut sent = 0;
            for (i, job) in early.iter().enumerate() {
                if i + 1 == early.len() {
                    let mut blocks = HandingOn {
                        store: luma,
                        to: &rows_tx,
                        sent: &mut sent,
                    };
                    decode_ac(job, frame, across, &mut blocks)?;
                } else {
                    decode_ac(job, frame, across, luma)?;
                }
            }
            for row in luma.rows.iter_mut().skip(sent) {
                // The other thread stops receiving only when it failed, and says why.
                let _ = rows_tx.send(std::mem::take(row));
            }
            drop(rows_tx);
            for job in jobs.iter() {
                match job.ac_component() {
                    Some(0) => {}
                    Some(ci) => {
                        let store = chroma.get_mut(ci - 1).ok_or(Miss::Corrupt)?;
                        decode_ac(job, frame, across, store)?;
                    }
                    None => decode_dc(job, frame, across, dc)?,
                }
            }
            Ok::<(), Miss>(())
        })();
        // A panic on the other thread is a bug here: the caller falls back to libjpeg-turbo.
        (mine, theirs.join().unwrap_or(Err(Miss::Corrupt)))
    });
    mine?;
    theirs?;
    drop(stores);
    Ok(out)
}

impl Coefficients {
    /// Turns the coefficients into each component's plane.
    pub(super) fn render(&self, planes: &mut Planes, detail: Detail) {
        for (ci, plane) in planes.planes.iter_mut().enumerate() {
            let blocks = Blocks3 {
                dc: &self.dc[ci],
                coefs: &self.coefs[ci],
                nonzero: &self.nonzero[ci],
                across: self.across[ci],
                keep: self.keep[ci],
            };
            match Kernel::new(plane.n, &self.quant[ci], detail) {
                Kernel::K1(w) => render::<1>(&blocks, &w, plane),
                Kernel::K4(w) => render::<4>(&blocks, &w, plane),
                Kernel::K16(w) => render::<16>(&blocks, &w, plane),
                Kernel::K64(w) => render::<64>(&blocks, &w, plane),
            }
        }
    }
}

/// One component's coefficients, to render.
struct Blocks3<'a> {
    dc: &'a [i16],
    coefs: &'a [i16],
    nonzero: &'a [u64],
    across: usize,
    keep: usize,
}

/// Adds up each block's non-zero coefficients, weighted, into its pixels (coefficients past
/// the kernel's cut weigh zero and are left out).
fn render<const NN: usize>(b: &Blocks3<'_>, weights: &[[f32; NN]], plane: &mut Plane) {
    let used = weights
        .iter()
        .take(b.keep)
        .rposition(|w| w.iter().any(|&x| x != 0.0))
        .map_or(0, |k| u64::MAX >> (63 - k));
    let blocks = b.dc.iter().zip(b.coefs.chunks_exact(b.keep)).zip(b.nonzero);
    for (i, ((&dc, coefs), &nonzero)) in blocks.enumerate() {
        let mut acc = [f32::from(dc) * weights[0][0]; NN];
        let mut m = nonzero & used;
        while m != 0 {
            let k = m.trailing_zeros() as usize;
            m &= m - 1;
            add(&mut acc, f32::from(coefs[k]), &weights[k]);
        }
        store(&acc, plane, i % b.across, i / b.across);
    }
}

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
fn decode_dc(job: &Job, frame: &Frame, across: &[usize], dc: &mut [Vec<i16>]) -> Result<(), Miss> {
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

/// Where an AC scan finds the block it works on.
trait Blocks {
    fn block(&mut self, at: usize) -> Result<(&mut [i16], &mut u64), Miss>;
}

impl Blocks for Ac<'_> {
    #[inline(always)]
    fn block(&mut self, at: usize) -> Result<(&mut [i16], &mut u64), Miss> {
        let (across, keep) = (self.across, self.keep);
        let row = self.rows.get_mut(at / across).ok_or(Miss::Corrupt)?;
        let x = at % across;
        match (
            row.coefs.get_mut(x * keep..(x + 1) * keep),
            row.nonzero.get_mut(x),
        ) {
            (Some(c), Some(n)) => Ok((c, n)),
            _ => Err(Miss::Corrupt),
        }
    }
}

/// The rows of a scan that hands each one on once it has moved past it.
struct HandingOn<'a, 'r> {
    store: &'a mut Ac<'r>,
    to: &'a std::sync::mpsc::Sender<Row<'r>>,
    sent: &'a mut usize,
}

impl Blocks for HandingOn<'_, '_> {
    #[inline(always)]
    fn block(&mut self, at: usize) -> Result<(&mut [i16], &mut u64), Miss> {
        let row = at / self.store.across;
        while *self.sent < row {
            let done = self.store.rows.get_mut(*self.sent).ok_or(Miss::Corrupt)?;
            // The other thread stops receiving only when it failed, and says why.
            let _ = self.to.send(std::mem::take(done));
            *self.sent += 1;
        }
        self.store.block(at)
    }
}

/// The rows of a scan that waits for each one from the scan before it.
struct Receiving<'a, 'r> {
    store: &'a mut Ac<'r>,
    from: &'a std::sync::mpsc::Receiver<Row<'r>>,
}

impl Blocks for Receiving<'_, '_> {
    #[inline(always)]
    fn block(&mut self, at: usize) -> Result<(&mut [i16], &mut u64), Miss> {
        let row = at / self.store.across;
        while self.store.rows.len() <= row {
            // The other thread hung up early: it failed, and says why.
            let next = self.from.recv().map_err(|_| Miss::Corrupt)?;
            self.store.rows.push(next);
        }
        self.store.block(at)
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
fn decode_ac<B: Blocks>(
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
