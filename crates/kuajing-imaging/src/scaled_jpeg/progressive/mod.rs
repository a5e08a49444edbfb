//! Progressive scans (ITU T.81 G.1.2): every scan adds a spectral band or one more bit of
//! precision to the coefficients, so they are kept for the whole image (as libjpeg-turbo does)
//! and turned into pixels once the last scan is in. This module keeps them and schedules the
//! scans; [`scan`] decodes one.
//!
//! What makes it faster than libjpeg-turbo's:
//! - **Two cores.** The scans of one component depend only on each other. The luma's last
//!   refinement scan, about half of a file, runs on a second thread a few rows behind the scan
//!   before it; this thread then decodes the DC scans and the chroma's.
//! - **Only what is shown.** Every symbol is decoded (a refinement needs to know which
//!   coefficients are non-zero), but only the values the output uses are kept.
//! - **Masks.** Each block carries a mask of its non-zero AC coefficients, which turns the
//!   refinement scans' coefficient-by-coefficient walk into bit operations and lets the final
//!   transform visit only the coefficients that are there. The DC coefficients have their own
//!   compact array, so the DC scans stay in cache.

mod scan;

use std::sync::Arc;

use super::entropy::{Entropy, Huffman};
use super::output::{Sink, Target, add, with_weights};
use super::{Detail, Frame, Miss, Scan, Tables};
use scan::{decode_ac, decode_dc};

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

    /// The bits of entropy-coded data in this scan if it is a first DC scan (each block it
    /// covers takes one code or more), else 0.
    pub(super) fn dc_first_bits(&self) -> usize {
        match self.pass {
            Pass::DcFirst => self.entropy.end * 8,
            _ => 0,
        }
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

/// How far the scans so far have decoded each coefficient (zigzag order) of each component, as
/// libjpeg-turbo tracks it (`coef_bits`, jdphuff.c): `None` until a first scan covers it, then
/// the bit its last scan stopped at (0: full precision).
///
/// Real encoders send the DC band first, then every band once, each refined one bit at a time
/// down to bit 0. Anything else is declined, one check per scan, for libjpeg-turbo to decode:
/// - A scan out of that order: libjpeg-turbo warns of a bogus progression (damage) or, for a
///   band sent twice, merges the two scans' values.
/// - Scans that stop before every coefficient has its last bit (the file's end marker comes
///   early): libjpeg-turbo then guesses the low frequencies still missing from the neighbouring
///   blocks' DC values (block smoothing, jdcoefct.c `smoothing_ok`), which we do not imitate.
pub(super) struct Progression(Vec<[Option<u8>; 64]>);

impl Progression {
    pub(super) fn new(components: usize) -> Self {
        Progression(vec![[None; 64]; components])
    }

    /// Takes in the next scan.
    pub(super) fn advance(&mut self, job: &Job) -> Result<(), Miss> {
        let scan = &job.scan;
        let expected = (scan.high != 0).then_some(scan.high);
        for sc in &scan.components {
            let bits = self.0.get_mut(sc.index).ok_or(Miss::Corrupt)?;
            if scan.start > 0 && bits[0].is_none() {
                // AC before DC: libjpeg-turbo warns.
                return Err(Miss::Corrupt);
            }
            let band = bits.get_mut(scan.start..=scan.end).ok_or(Miss::Corrupt)?;
            for b in band {
                if *b != expected {
                    // libjpeg-turbo takes a first scan of a band already complete without a
                    // word; any other mismatch it reports.
                    let silent = scan.high == 0 && *b == Some(0);
                    return Err(if silent {
                        Miss::Unsupported
                    } else {
                        Miss::Corrupt
                    });
                }
                *b = Some(scan.low);
            }
        }
        Ok(())
    }

    /// Whether the scans brought every coefficient of every component to full precision.
    pub(super) fn complete(&self) -> Result<(), Miss> {
        if self.0.iter().flatten().all(|&b| b == Some(0)) {
            Ok(())
        } else {
            Err(Miss::Unsupported)
        }
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
    /// Turns the coefficients into each component's values, block row by block row.
    pub(super) fn render<T: Target>(&self, target: &mut T, detail: Detail) {
        for ci in 0..self.dc.len() {
            let blocks = Blocks3 {
                dc: &self.dc[ci],
                coefs: &self.coefs[ci],
                nonzero: &self.nonzero[ci],
                across: self.across[ci],
                keep: self.keep[ci],
            };
            let kernel = target.kernel(ci, &self.quant[ci], detail);
            with_weights!(kernel, |w| render(&blocks, w, target, ci));
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

/// Adds up each block's non-zero coefficients, weighted, into its values (coefficients past
/// the kernel's cut weigh zero and are left out), and hands each block row on.
fn render<const NN: usize, T: Target>(
    b: &Blocks3<'_>,
    weights: &[[f32; NN]],
    target: &mut T,
    ci: usize,
) {
    let used = weights
        .iter()
        .take(b.keep)
        .rposition(|w| w.iter().any(|&x| x != 0.0))
        .map_or(0, |k| u64::MAX >> (63 - k));
    let blocks = b.dc.iter().zip(b.coefs.chunks_exact(b.keep)).zip(b.nonzero);
    for (i, ((&dc, coefs), &nonzero)) in blocks.enumerate() {
        let mut acc = weights[0].map(|w| f32::from(dc) * w);
        let mut m = nonzero & used;
        while m != 0 {
            let k = m.trailing_zeros() as usize;
            m &= m - 1;
            add(&mut acc, f32::from(coefs[k]), &weights[k]);
        }
        let (bx, by) = (i % b.across, i / b.across);
        target.sink(ci).block(&acc, bx, by);
        if bx + 1 == b.across {
            target.rows_done(ci, by + 1);
        }
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
