//! A JPEG decoder that produces the picture at 1/8, 1/4 or 3/8 size, or straight at the size
//! a slot asks for, directly from the compressed data, for the photos merchants have most:
//! 8-bit Huffman JPEGs, baseline or progressive, in YCbCr (4:4:4, 4:2:2, 4:2:0, 4:4:0) or
//! grey, with or without restart markers. (It decodes at 1/2 too, for the tests; there most of
//! each block is kept and libjpeg-turbo's SIMD is faster, so `jpeg.rs` does not ask for it.)
//!
//! Why not only libjpeg-turbo: after shrink-on-load, decoding the Huffman data is about two
//! thirds of the time to turn a phone photo into a marketplace image, and libjpeg-turbo decodes
//! every coefficient of every block, then box-filters them into the small block. Here:
//! - A block shrunk to n x n pixels only shows its lowest frequencies. In a baseline file those
//!   are decoded (one table lookup each when the code and its value bits fit in
//!   [`entropy::FAST_BITS`], from a bit buffer refilled eight bytes at a time out of entropy
//!   data unstuffed in one `memchr`-driven pass), and the rest of the block is read past
//!   without decoding values: one lookup in a [`entropy::SKIP_BITS`]-bit table steps over every
//!   whole symbol in those bits. At 1/4 that is most of a phone photo's luma data.
//! - Each kept coefficient adds its contribution straight into the block's output pixels; the
//!   weights are the exact averages of the DCT basis functions over each output pixel. Keeping
//!   only the low frequencies ([`Detail::Low`]) is a better low-pass than libjpeg-turbo's box
//!   filter over all of them: less aliasing, and a closer match to a Lanczos resize of the
//!   full-size photo (see `docs/benchmarks.md`, quality). At 1/8 only the DC matters either way.
//! - A progressive file's refinement scans need to know which coefficients are non-zero, so
//!   every symbol is decoded, but only the values the output uses are kept, and the scans run
//!   on two threads ([`progressive`]).
//! - Subsampled chroma is transformed at twice the scale where that makes upsampling
//!   unnecessary, and otherwise upsampled with the same triangle filter, as libjpeg-turbo does.
//! - Straight to a size ([`resample`]): each block's lowest frequencies go into a Lanczos3
//!   resize done in the DCT domain, as the block rows arrive, instead of becoming pixels of a
//!   scaled picture that is then resized again.
//!
//! Blocks go to a [`output::Target`]: the scaled planes ([`Planes`]) or the resize.
//!
//! Anything else (arithmetic coding, 12-bit, lossless, CMYK, RGB-coded, odd sampling, a
//! progression no encoder writes, damaged data) returns [`Miss`] and the caller decodes with
//! libjpeg-turbo, which also gives damaged files their error message. So this module never has
//! to be lenient.

mod baseline;
mod entropy;
pub(crate) mod fallback;
mod output;
mod progressive;
mod resample;
#[cfg(test)]
mod tests;

use std::sync::Arc;

use entropy::Huffman;
use output::{Planes, Target};

/// Zigzag order: the natural (row-major) index of the k-th coefficient in the stream.
const ZIGZAG: [usize; 64] = [
    0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20,
    13, 6, 7, 14, 21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59,
    52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
];

/// Why the fast path declined; either way the caller falls back to libjpeg-turbo.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Miss {
    /// A kind of JPEG this decoder does not handle.
    Unsupported,
    /// The data is damaged (libjpeg-turbo will say how).
    Corrupt,
}

/// The decoded picture at the reduced size: interleaved RGB, or one grey channel.
#[derive(Debug)]
pub(crate) struct Scaled {
    pub width: u32,
    pub height: u32,
    pub pixels: Vec<u8>,
    pub gray: bool,
}

/// Which coefficients of a block make its output pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Detail {
    /// The zigzag positions below [`Detail::cut`]: the frequencies an n x n block can show.
    /// The others are read past, not decoded.
    Low,
    /// Every coefficient, box-filtered: what libjpeg-turbo's reduced IDCTs compute. The tests
    /// check the decoder against libjpeg-turbo with it.
    #[cfg(any(test, feature = "fuzzing"))]
    All,
    /// Every coefficient decoded, the ones past the cut weighted zero: the tests check that this
    /// gives exactly [`Detail::Low`]'s pixels, i.e. that skipping reads the same bits.
    #[cfg(test)]
    AllWeightedLow,
}

impl Detail {
    /// The first zigzag position not used for blocks of `nn` output pixels (1, 4, 9, 16, 36 or
    /// 64): the lowest 1x1, 2x2, 3x3 (ending at position 12), 4x4 and 6x6 (ending at 51)
    /// frequencies, and at full size everything.
    fn cut(nn: usize) -> usize {
        match nn {
            1 => 1,
            4 => 5,
            9 => 13,
            16 => 25,
            36 => 52,
            _ => 64,
        }
    }

    /// How many coefficients of a block are decoded at all, when the output uses the zigzag
    /// positions below `cut`.
    pub(super) fn decoded(self, cut: usize) -> usize {
        match self {
            Detail::Low => cut,
            #[cfg(any(test, feature = "fuzzing"))]
            Detail::All => 64,
            #[cfg(test)]
            Detail::AllWeightedLow => 64,
        }
    }

    /// How many coefficients of a block get their weight, when the output uses the zigzag
    /// positions below `cut`.
    pub(super) fn weighted(self, cut: usize) -> usize {
        match self {
            Detail::Low => cut,
            #[cfg(test)]
            Detail::AllWeightedLow => cut,
            #[cfg(any(test, feature = "fuzzing"))]
            Detail::All => 64,
        }
    }
}

/// libjpeg-turbo's own decode at `eighths`/8, as `(width, height, pixels)` (RGB, or grey),
/// or `None` if it refuses the file (as `jpeg::decode` would: a harmless warning is no refusal): what the tests and the differential fuzz target hold
/// this decoder to.
#[cfg(any(test, feature = "fuzzing"))]
pub(crate) fn libjpeg_turbo_scaled(
    bytes: &[u8],
    eighths: usize,
    gray: bool,
) -> Option<(usize, usize, Vec<u8>)> {
    use turbojpeg::{Decompressor, Image, PixelFormat, ScalingFactor};
    let mut d = Decompressor::new().ok()?;
    d.set_scaling_factor(ScalingFactor::new(eighths, 8)).ok()?;
    let header = d.read_header(bytes).ok()?;
    let (w, h) = (
        (header.width * eighths).div_ceil(8),
        (header.height * eighths).div_ceil(8),
    );
    let format = if gray {
        PixelFormat::GRAY
    } else {
        PixelFormat::RGB
    };
    let mut pixels = vec![0; w.checked_mul(h)?.checked_mul(format.size())?];
    d.decompress(
        bytes,
        Image {
            pixels: pixels.as_mut_slice(),
            width: w,
            pitch: w * format.size(),
            height: h,
            format,
        },
    )
    // As the app decodes: stray bytes before a marker are a warning, not damage.
    .or_else(|e| crate::jpeg::harmless_warning("", e))
    .ok()?;
    Some((w, h, pixels))
}

/// Decodes `bytes` at `eighths`/8 of its size (1/8, 1/4, 3/8 or 1/2), to libjpeg's scaled
/// dimensions (`ceil(size * eighths / 8)`).
pub(crate) fn decode(bytes: &[u8], eighths: usize) -> Result<Scaled, Miss> {
    decode_with(bytes, eighths, Detail::Low)
}

/// Decodes `bytes` straight to `width` x `height` pixels (a Lanczos3 resize of the photo made
/// from its lowest frequencies: see [`resample`]).
pub(crate) fn resample(bytes: &[u8], width: u32, height: u32) -> Result<Scaled, Miss> {
    resample_with(bytes, width, height, Detail::Low)
}

pub(crate) fn decode_with(bytes: &[u8], eighths: usize, detail: Detail) -> Result<Scaled, Miss> {
    // Output pixels per luma block side.
    if !(1..=4).contains(&eighths) {
        return Err(Miss::Unsupported);
    }
    let (frame, planes) = run(bytes, detail, |frame| Ok(Planes::new(frame, eighths)))?;
    if planes.planes.iter().any(|p| p.wild) {
        return Err(Miss::Corrupt);
    }
    Ok(planes.into_picture(&frame))
}

fn resample_with(bytes: &[u8], width: u32, height: u32, detail: Detail) -> Result<Scaled, Miss> {
    let (_, out) = run(bytes, detail, |frame| {
        resample::Resampler::new(frame, width, height)
    })?;
    out.into_picture()
}

/// Reads the file and decodes its scans into the target `make` sets up once the frame is known.
fn run<T: Target>(
    bytes: &[u8],
    detail: Detail,
    make: impl FnOnce(&Frame) -> Result<T, Miss>,
) -> Result<(Frame, T), Miss> {
    if !bytes.starts_with(&[0xFF, 0xD8]) {
        return Err(Miss::Corrupt);
    }
    let mut tables = Tables::default();
    let mut segments = Segments { bytes, pos: 2 };
    let (frame, progressive) = loop {
        let (marker, seg) = segments.next()?;
        match marker {
            0xC0 | 0xC1 => break (read_frame(seg)?, false),
            0xC2 => break (read_frame(seg)?, true),
            _ => tables.read(marker, seg)?,
        }
    };
    // The picture's buffers are made once the data is known to cover it.
    if progressive {
        let (jobs, quant) = read_scans(&frame, &mut segments, &mut tables)?;
        let dc_bits = jobs.iter().map(progressive::Job::dc_first_bits).sum();
        frame.covered_by(dc_bits, 1)?;
        let mut target = make(&frame)?;
        let keep = quant
            .iter()
            .enumerate()
            .map(|(ci, q)| target.kernel(ci, q, detail).decoded)
            .collect();
        progressive::decode(&frame, &jobs, quant, keep)?.render(&mut target, detail);
        return Ok((frame, target));
    }
    let target = loop {
        let (marker, seg) = segments.next()?;
        if marker == 0xDA {
            tables.icc.check()?;
            let scan = read_scan(&frame, seg)?;
            if scan.components.len() != frame.components.len() {
                // Baseline with one scan per component: rare, libjpeg-turbo's.
                return Err(Miss::Unsupported);
            }
            let entropy = entropy::Entropy::unstuff(bytes, segments.pos, tables.restart_interval)?;
            // A DC and at least one AC code (an end of block) per block.
            frame.covered_by(entropy.end * 8, 2)?;
            let mut target = make(&frame)?;
            baseline::decode_scan(&frame, &tables, &scan, &entropy, &mut target, detail)?;
            segments.pos = entropy.next;
            break target;
        }
        tables.read(marker, seg)?;
    };
    // The rest of the file up to its end marker: tables (read, unused) or anything
    // libjpeg-turbo reports (a second scan or frame, an unknown marker, no end marker).
    loop {
        let (marker, seg) = segments.next()?;
        if marker == 0xD9 {
            break;
        }
        tables.read(marker, seg)?;
    }
    Ok((frame, target))
}

/// A progressive JPEG with more scans than this is declined (libjpeg-turbo then applies its own
/// limit): real encoders write about 10, crafted files thousands.
const MAX_SCANS: usize = 100;

/// Reads a progressive file's scans up to its end, each with the tables in force, and the
/// quantisation table of each component as it was at the component's first scan.
fn read_scans(
    frame: &Frame,
    segments: &mut Segments<'_>,
    tables: &mut Tables,
) -> Result<(Vec<progressive::Job>, Vec<[u16; 64]>), Miss> {
    let mut jobs = Vec::new();
    let mut quant: Vec<Option<[u16; 64]>> = vec![None; frame.components.len()];
    let mut progression = progressive::Progression::new(frame.components.len());
    loop {
        let (marker, seg) = segments.next()?;
        match marker {
            0xDA => {
                if jobs.len() == MAX_SCANS {
                    return Err(Miss::Unsupported);
                }
                if jobs.is_empty() {
                    tables.icc.check()?;
                }
                let scan = read_scan(frame, seg)?;
                for sc in &scan.components {
                    if quant[sc.index].is_none() {
                        quant[sc.index] = Some(*tables.quant(&frame.components[sc.index])?);
                    }
                }
                let entropy = entropy::Entropy::unstuff(
                    segments.bytes,
                    segments.pos,
                    tables.restart_interval,
                )?;
                segments.pos = entropy.next;
                let job = progressive::Job::new(scan, tables, entropy)?;
                progression.advance(&job)?;
                jobs.push(job);
            }
            0xD9 => break,
            _ => tables.read(marker, seg)?,
        }
    }
    // Ended before every coefficient has its last bit: libjpeg-turbo fills in (see
    // [`progressive::Progression`]).
    progression.complete()?;
    // A component no scan ever mentioned: the file is incomplete.
    let quant = quant
        .into_iter()
        .collect::<Option<Vec<_>>>()
        .ok_or(Miss::Corrupt)?;
    Ok((jobs, quant))
}

/// Walks the marker segments of a file.
struct Segments<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Segments<'a> {
    /// The next marker and its payload (empty for EOI).
    fn next(&mut self) -> Result<(u8, &'a [u8]), Miss> {
        let bytes = self.bytes;
        // Markers may be preceded by any number of 0xFF fill bytes.
        while bytes.get(self.pos) == Some(&0xFF) && bytes.get(self.pos + 1) == Some(&0xFF) {
            self.pos += 1;
        }
        if bytes.get(self.pos) != Some(&0xFF) {
            // Stray bytes between segments: libjpeg-turbo copes and warns.
            return Err(Miss::Unsupported);
        }
        let marker = *bytes.get(self.pos + 1).ok_or(Miss::Corrupt)?;
        match marker {
            0xD9 => {
                self.pos += 2;
                return Ok((marker, &[]));
            }
            0xD8 | 0x01 | 0xD0..=0xD7 => return Err(Miss::Corrupt),
            _ => {}
        }
        let len = usize::from(u16::from_be_bytes([
            *bytes.get(self.pos + 2).ok_or(Miss::Corrupt)?,
            *bytes.get(self.pos + 3).ok_or(Miss::Corrupt)?,
        ]));
        let seg = bytes
            .get(self.pos + 4..self.pos + 2 + len)
            .filter(|_| len >= 2)
            .ok_or(Miss::Corrupt)?;
        self.pos += 2 + len;
        Ok((marker, seg))
    }
}

#[derive(Debug, Clone, Copy)]
struct Component {
    id: u8,
    h: usize,
    v: usize,
    quant: usize,
}

#[derive(Debug)]
struct Frame {
    width: usize,
    height: usize,
    components: Vec<Component>,
    hmax: usize,
    vmax: usize,
}

impl Frame {
    /// The blocks that hold component `c`'s samples (without an MCU's padding blocks): any
    /// scan of the component codes at least one Huffman code, of one bit or more, for each.
    fn blocks(&self, c: &Component) -> usize {
        let across = (self.width * c.h).div_ceil(self.hmax).div_ceil(8);
        let down = (self.height * c.v).div_ceil(self.vmax).div_ceil(8);
        across * down
    }

    /// Whether `bits` of entropy-coded data can hold `codes` Huffman codes for each block of
    /// every component. A file that declares a larger picture than its data can hold is
    /// damaged: declined before buffers for that picture are allocated (found by fuzzing: 3 KB
    /// declaring 65439 x 64951 pixels made the progressive decoder ask for 8.5 GB).
    fn covered_by(&self, bits: usize, codes: usize) -> Result<(), Miss> {
        let blocks: usize = self.components.iter().map(|c| self.blocks(c)).sum();
        if bits / codes < blocks {
            return Err(Miss::Corrupt);
        }
        Ok(())
    }

    /// MCUs across and down an interleaved scan.
    fn mcus(&self) -> (usize, usize) {
        (
            self.width.div_ceil(8 * self.hmax),
            self.height.div_ceil(8 * self.vmax),
        )
    }
}

/// A scan header: which components (indices into the frame), their tables, the spectral band
/// and the successive-approximation bits.
#[derive(Debug)]
struct Scan {
    components: Vec<ScanComponent>,
    start: usize,
    end: usize,
    high: u8,
    low: u8,
}

#[derive(Debug, Clone, Copy)]
struct ScanComponent {
    index: usize,
    dc: usize,
    ac: usize,
}

/// The tables in force when the scan starts.
#[derive(Default)]
struct Tables {
    quant: [Option<[u16; 64]>; 4],
    dc: [Option<Arc<Huffman>>; 4],
    ac: [Option<Arc<Huffman>>; 4],
    restart_interval: usize,
    icc: Icc,
}

/// The ICC profile's chunks (APP2 segments) before the first scan, which libjpeg-turbo puts
/// together while it reads the header (jdicc.c `jpeg_read_icc_profile`): chunks that do not
/// number 1..n, each once, with some data, make it warn, i.e. refuse the file. Such a file is
/// left to it. Chunks after the first scan are not its concern, nor ours.
#[derive(Default)]
struct Icc {
    /// The chunk count the first chunk gave; 0 before it.
    count: u8,
    /// Bit n set when chunk n came.
    seen: [u64; 4],
    /// The profile bytes in them.
    bytes: usize,
    /// A chunk out of order: the count differs, or its number is 0, past the count, or taken.
    bad: bool,
    /// The first scan has begun.
    done: bool,
}

impl Icc {
    fn chunk(&mut self, seg: &[u8]) {
        let &[.., number, count] = seg.get(..14).unwrap_or_default() else {
            return;
        };
        if self.done || !seg.starts_with(b"ICC_PROFILE\0") {
            return;
        }
        if self.count == 0 {
            self.count = count;
        }
        let (word, bit) = (usize::from(number / 64), 1u64 << (number % 64));
        self.bad |=
            count != self.count || number == 0 || number > self.count || self.seen[word] & bit != 0;
        self.seen[word] |= bit;
        self.bytes += seg.len() - 14;
    }

    /// Called at the first scan.
    fn check(&mut self) -> Result<(), Miss> {
        self.done = true;
        let all = (1..=self.count).all(|n| self.seen[usize::from(n / 64)] & (1 << (n % 64)) != 0);
        if self.bad || (self.count > 0 && (!all || self.bytes == 0)) {
            return Err(Miss::Corrupt);
        }
        Ok(())
    }
}

impl Tables {
    /// Takes in a segment before, between or after the scans. What libjpeg-turbo refuses
    /// (jdmarker.c `read_markers` and the `get_` functions) is declined here too.
    fn read(&mut self, marker: u8, seg: &[u8]) -> Result<(), Miss> {
        match marker {
            // Other frame types, arithmetic-coding tables (DAC), JPG.
            0xC3 | 0xC5..=0xCF => Err(Miss::Unsupported),
            // A second frame header, or one where a scan should be.
            0xC0..=0xC2 | 0xDA | 0xD9 => Err(Miss::Corrupt),
            0xC4 => self.read_huffman(seg),
            0xDB => self.read_quant(seg),
            0xDD => {
                let &[high, low] = seg else {
                    return Err(Miss::Corrupt);
                };
                self.restart_interval = usize::from(u16::from_be_bytes([high, low]));
                Ok(())
            }
            // Adobe APP14: its transform flag can mean RGB or YCCK; leave those to libjpeg.
            0xEE if seg.starts_with(b"Adobe") && seg.get(11) != Some(&1) => Err(Miss::Unsupported),
            // A JFIF header of a version other than 1.x: libjpeg-turbo warns (jdmarker.c
            // `examine_app0`), which the app takes for damage.
            0xE0 if seg.len() >= 14 && seg.starts_with(b"JFIF\0") && seg[5] != 1 => {
                Err(Miss::Corrupt)
            }
            0xE2 => {
                self.icc.chunk(seg);
                Ok(())
            }
            // Application data, comments, and a height given again (DNL), which libjpeg-turbo
            // skips too.
            0xE0..=0xEF | 0xFE | 0xDC => Ok(()),
            // Reserved markers (DHP, EXP, JPGn, RESn): libjpeg-turbo stops at them.
            _ => Err(Miss::Corrupt),
        }
    }

    fn read_quant(&mut self, mut seg: &[u8]) -> Result<(), Miss> {
        while let Some((&pq_tq, rest)) = seg.split_first() {
            let (precision, id) = (pq_tq >> 4, usize::from(pq_tq & 15));
            let size = if precision == 0 { 64 } else { 128 };
            let values = rest.get(..size).ok_or(Miss::Corrupt)?;
            let slot = self.quant.get_mut(id).ok_or(Miss::Corrupt)?;
            let mut table = [0u16; 64];
            for (k, q) in table.iter_mut().enumerate() {
                *q = if precision == 0 {
                    u16::from(values[k])
                } else {
                    u16::from_be_bytes([values[2 * k], values[2 * k + 1]])
                };
            }
            *slot = Some(table);
            seg = &rest[size..];
        }
        Ok(())
    }

    fn read_huffman(&mut self, mut seg: &[u8]) -> Result<(), Miss> {
        while let Some((&tc_th, rest)) = seg.split_first() {
            let counts: [u8; 16] = rest
                .get(..16)
                .and_then(|c| c.try_into().ok())
                .ok_or(Miss::Corrupt)?;
            let total: usize = counts.iter().map(|&c| usize::from(c)).sum();
            // At most 256 symbols: libjpeg-turbo refuses a table with more (jdhuff.c).
            if total > 256 {
                return Err(Miss::Corrupt);
            }
            let values = rest.get(16..16 + total).ok_or(Miss::Corrupt)?;
            // Class 0 (DC) or 1 (AC), table 0..3: libjpeg-turbo stops at anything else.
            if tc_th >> 4 > 1 || tc_th & 15 > 3 {
                return Err(Miss::Corrupt);
            }
            let ac = tc_th >> 4 == 1;
            // An 8-bit JPEG's DC differences take at most 11 bits and its AC coefficients 10
            // (T.81 F.1.2). A table naming longer ones is damaged or from a 12-bit file: what
            // to make of it is libjpeg-turbo's call, so that every decode of it agrees.
            let too_long = if ac {
                values.iter().any(|&v| v & 15 > 10)
            } else {
                values.iter().any(|&v| v > 11)
            };
            if too_long {
                return Err(Miss::Unsupported);
            }
            let table = Huffman::new(&counts, values, ac)?;
            let slots = if ac { &mut self.ac } else { &mut self.dc };
            *slots
                .get_mut(usize::from(tc_th & 15))
                .ok_or(Miss::Corrupt)? = Some(Arc::new(table));
            seg = &rest[16 + total..];
        }
        Ok(())
    }

    fn quant(&self, c: &Component) -> Result<&[u16; 64], Miss> {
        self.quant
            .get(c.quant)
            .and_then(Option::as_ref)
            .ok_or(Miss::Corrupt)
    }

    fn dc(&self, id: usize) -> Result<&Huffman, Miss> {
        self.dc
            .get(id)
            .and_then(|t| t.as_deref())
            .ok_or(Miss::Corrupt)
    }

    fn ac(&self, id: usize) -> Result<&Huffman, Miss> {
        self.ac
            .get(id)
            .and_then(|t| t.as_deref())
            .ok_or(Miss::Corrupt)
    }

    /// The DC table `id`, to keep for a later scan (the file may redefine it in between).
    fn dc_shared(&self, id: usize) -> Result<Arc<Huffman>, Miss> {
        self.dc.get(id).cloned().flatten().ok_or(Miss::Corrupt)
    }

    /// The AC table `id`, to keep for a later scan.
    fn ac_shared(&self, id: usize) -> Result<Arc<Huffman>, Miss> {
        self.ac.get(id).cloned().flatten().ok_or(Miss::Corrupt)
    }
}

fn read_frame(seg: &[u8]) -> Result<Frame, Miss> {
    let &[precision, h1, h0, w1, w0, count, ..] = seg else {
        return Err(Miss::Corrupt);
    };
    let height = usize::from(u16::from_be_bytes([h1, h0]));
    let width = usize::from(u16::from_be_bytes([w1, w0]));
    let count = usize::from(count);
    // 12-bit, a height given later (DNL), CMYK: libjpeg-turbo's business.
    if precision != 8 || height == 0 || width == 0 || !(count == 1 || count == 3) {
        return Err(Miss::Unsupported);
    }
    // libjpeg-turbo's largest side (JPEG_MAX_DIMENSION, jdinput.c).
    if width.max(height) > 65_500 {
        return Err(Miss::Corrupt);
    }
    // Exactly the components' specifications: libjpeg-turbo refuses a segment of another length.
    let spec = seg
        .get(6..)
        .filter(|spec| spec.len() == 3 * count)
        .ok_or(Miss::Corrupt)?;
    let mut components: Vec<Component> = spec
        .chunks_exact(3)
        .map(|c| Component {
            id: c[0],
            h: usize::from(c[1] >> 4),
            v: usize::from(c[1] & 15),
            quant: usize::from(c[2]),
        })
        .collect();
    // Sampling factors of 1..4 (jdinput.c), even where they do not matter.
    if components
        .iter()
        .any(|c| !(1..=4).contains(&c.h) || !(1..=4).contains(&c.v))
    {
        return Err(Miss::Corrupt);
    }
    if count == 1 {
        // A single component is never interleaved: its MCU is one block whatever it says.
        components[0].h = 1;
        components[0].v = 1;
    } else {
        let ids: Vec<u8> = components.iter().map(|c| c.id).collect();
        // Two components with one id: libjpeg-turbo matches scans to them its own way.
        if ids[1..].contains(&ids[0]) || ids[1] == ids[2] {
            return Err(Miss::Unsupported);
        }
        let luma = components[0];
        let chroma_full = components[1..].iter().all(|c| c.h == 1 && c.v == 1);
        // 'R','G','B' component ids mean RGB-coded; libjpeg-turbo handles those.
        if ids == b"RGB" || !chroma_full || !(1..=2).contains(&luma.h) || !(1..=2).contains(&luma.v)
        {
            return Err(Miss::Unsupported);
        }
    }
    let hmax = components.iter().map(|c| c.h).max().unwrap_or(1);
    let vmax = components.iter().map(|c| c.v).max().unwrap_or(1);
    Ok(Frame {
        width,
        height,
        components,
        hmax,
        vmax,
    })
}

fn read_scan(frame: &Frame, seg: &[u8]) -> Result<Scan, Miss> {
    let count = usize::from(*seg.first().ok_or(Miss::Corrupt)?);
    if count == 0 || count > frame.components.len() || seg.len() != 1 + 2 * count + 3 {
        return Err(Miss::Corrupt);
    }
    let mut components = Vec::with_capacity(count);
    for i in 0..count {
        let (id, td_ta) = (seg[1 + 2 * i], seg[2 + 2 * i]);
        let index = frame
            .components
            .iter()
            .position(|c| c.id == id)
            .ok_or(Miss::Corrupt)?;
        // Components appear in frame order, each once.
        if components
            .last()
            .is_some_and(|last: &ScanComponent| last.index >= index)
        {
            return Err(Miss::Corrupt);
        }
        components.push(ScanComponent {
            index,
            dc: usize::from(td_ta >> 4),
            ac: usize::from(td_ta & 15),
        });
    }
    let tail = &seg[1 + 2 * count..];
    Ok(Scan {
        components,
        start: usize::from(tail[0]),
        end: usize::from(tail[1]),
        high: tail[2] >> 4,
        low: tail[2] & 15,
    })
}
