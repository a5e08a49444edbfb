//! Huffman decoding: the tables, the entropy data with its byte stuffing removed, and a bit
//! reader refilled eight bytes at a time.

use super::Miss;

/// Bits looked up at once: codes (and, for AC, their value bits) up to this long decode in one
/// step. Four tables of 1024 entries stay in L1 cache.
pub(super) const FAST_BITS: u32 = 12;
const FAST_SIZE: usize = 1 << FAST_BITS;
/// Bits looked up at once when skipping coefficients the output does not use.
pub(super) const SKIP_BITS: u32 = 14;

/// A Huffman table with a direct lookup for short codes and the canonical-code limits for the
/// rest (JPEG Annex C and F.2.2.3).
pub(super) struct Huffman {
    /// `len << 8 | symbol` for every [`FAST_BITS`]-bit prefix of a code that short; 0 if longer.
    fast: [u16; FAST_SIZE],
    /// `value << 16 | (run + 1) << 8 | total length` when the code and its value bits both fit
    /// in the prefix; 0 otherwise. For a DC table the run is 0 and the value the difference
    /// (0 for a zero-size code); an AC table has no entry for its end-of-block and zero-run
    /// codes.
    pub(super) fast_value: Vec<i32>,
    /// AC tables: for each [`FAST_BITS`]-bit prefix, the complete symbols (code and value bits)
    /// it holds, decoded without their values: `eob << 16 | positions advanced << 8 | bits`.
    /// 0 when not even one symbol fits.
    pub(super) skip: Vec<u16>,
    /// For each length 1..=16: the largest code of that length, left-aligned to 16 bits
    /// (exclusive upper bound), and the offset from code to symbol index.
    max_code: [u32; 18],
    delta: [i32; 17],
    values: Vec<u8>,
}

impl Huffman {
    pub(super) fn new(counts: &[u8; 16], values: &[u8], ac: bool) -> Result<Self, Miss> {
        let mut table = Huffman {
            fast: [0; FAST_SIZE],
            fast_value: Vec::new(),
            skip: Vec::new(),
            max_code: [0; 18],
            delta: [0; 17],
            values: values.to_vec(),
        };
        let mut code: u32 = 0;
        let mut index: usize = 0;
        for len in 1..=16u32 {
            let count = usize::from(counts[len as usize - 1]);
            table.delta[len as usize] = i32::try_from(index).unwrap_or(0) - code as i32;
            for _ in 0..count {
                if code >= 1 << len {
                    return Err(Miss::Corrupt);
                }
                if len <= FAST_BITS {
                    let shift = FAST_BITS - len;
                    let first = (code << shift) as usize;
                    let entry = (len as u16) << 8 | u16::from(values[index]);
                    table.fast[first..first + (1 << shift)].fill(entry);
                }
                code += 1;
                index += 1;
            }
            table.max_code[len as usize] = code << (16 - len);
            code <<= 1;
        }
        table.max_code[17] = u32::MAX;
        table.fast_value = vec![0; FAST_SIZE];
        for (prefix, slot) in table.fast_value.iter_mut().enumerate() {
            let entry = table.fast[prefix];
            let len = u32::from(entry >> 8);
            let symbol = u32::from(entry & 0xFF);
            let (run, size) = if ac {
                (symbol >> 4, symbol & 15)
            } else {
                (0, symbol)
            };
            if len == 0 || size > 11 || len + size > FAST_BITS {
                continue;
            }
            if size == 0 {
                if !ac {
                    *slot = (1 << 8 | len) as i32;
                }
                continue;
            }
            let raw = (prefix as u32 >> (FAST_BITS - len - size)) & ((1 << size) - 1);
            let value = extend(raw, size);
            *slot = value << 16 | ((run + 1) << 8) as i32 | (len + size) as i32;
        }
        if ac {
            table.skip = (0..1u32 << SKIP_BITS)
                .map(|p| table.skip_entry(p))
                .collect();
        }
        Ok(table)
    }

    /// The code at the top of `left_aligned` (at least 16 meaningful bits): (length, symbol).
    fn code_at(&self, left_aligned: u32) -> Option<(u32, u8)> {
        let entry = self.fast[(left_aligned >> (32 - FAST_BITS)) as usize];
        if entry != 0 {
            return Some((u32::from(entry >> 8), (entry & 0xFF) as u8));
        }
        let code = left_aligned >> 16;
        let mut len = 1;
        while len <= 16 && code >= self.max_code[len as usize] {
            len += 1;
        }
        if len > 16 {
            return None;
        }
        let index = (code >> (16 - len)) as i32 + self.delta[len as usize];
        let symbol = *self.values.get(usize::try_from(index).ok()?)?;
        Some((len, symbol))
    }

    fn skip_entry(&self, prefix: u32) -> u16 {
        let (mut pos, mut advance) = (0u32, 0u32);
        while pos < SKIP_BITS {
            let left = SKIP_BITS - pos;
            let Some((len, rs)) = self.code_at(prefix << (32 - SKIP_BITS + pos)) else {
                break;
            };
            if len > left {
                break;
            }
            let (run, size) = (u32::from(rs) >> 4, u32::from(rs & 15));
            if size == 0 {
                if run == 15 {
                    pos += len;
                    advance += 16;
                    continue;
                }
                // End of block.
                return (1 << 15 | advance << 5 | (pos + len)) as u16;
            }
            if len + size > left {
                break;
            }
            pos += len + size;
            advance += run + 1;
        }
        if advance > 127 {
            0
        } else {
            (advance << 5 | pos) as u16
        }
    }
}

/// JPEG's signed magnitude coding: `size` bits `raw`, top bit clear means negative.
#[inline(always)]
pub(super) fn extend(raw: u32, size: u32) -> i32 {
    let v = raw as i32;
    if size == 0 {
        0
    } else if v < 1 << (size - 1) {
        v - (1 << size) + 1
    } else {
        v
    }
}

/// The scan's entropy-coded data with byte stuffing removed, split at the restart markers.
pub(super) struct Entropy {
    pub(super) data: Vec<u8>,
    /// Start offset of each restart interval in `data` (the last one runs to `end`).
    pub(super) starts: Vec<usize>,
    pub(super) end: usize,
    /// Where the marker ending the scan starts in the file.
    pub(super) next: usize,
}

/// One restart interval of a scan: where its bits are in the unstuffed data, and which of the
/// scan's units (MCUs, or blocks of a one-component scan) it codes.
pub(super) struct Interval {
    start: usize,
    end: usize,
    pub(super) units: std::ops::Range<usize>,
}

impl Interval {
    /// A bit reader at the interval's start.
    pub(super) fn bits<'a>(&self, entropy: &'a Entropy) -> Bits<'a> {
        Bits::new(&entropy.data, self.start)
    }

    /// Fails when decoding the interval's units read past its data.
    pub(super) fn check(&self, bits: &Bits<'_>) -> Result<(), Miss> {
        if bits.consumed(self.start) > (self.end - self.start) * 8 {
            return Err(Miss::Corrupt);
        }
        Ok(())
    }
}

/// Zero bytes after the data, so the bit reader can load eight bytes anywhere inside it.
const PAD: usize = 16;

impl Entropy {
    pub(super) fn unstuff(
        bytes: &[u8],
        start: usize,
        restart_interval: usize,
    ) -> Result<Self, Miss> {
        let rest = bytes.get(start..).ok_or(Miss::Corrupt)?;
        let mut data = Vec::with_capacity(rest.len() + PAD);
        let mut starts = vec![0];
        let mut i = 0;
        let next;
        loop {
            let Some(ff) = memchr::memchr(0xFF, &rest[i..]) else {
                // The file ends inside the scan: truncated.
                return Err(Miss::Corrupt);
            };
            data.extend_from_slice(&rest[i..i + ff]);
            let at = i + ff;
            match rest.get(at + 1) {
                Some(0x00) => {
                    data.push(0xFF);
                    i = at + 2;
                }
                Some(0xFF) => i = at + 1,
                Some(&m @ 0xD0..=0xD7) => {
                    // Restart markers count 0..7 in turn; a gap means lost data.
                    let expected = (starts.len() - 1) % 8;
                    if restart_interval == 0 || usize::from(m - 0xD0) != expected {
                        return Err(Miss::Corrupt);
                    }
                    starts.push(data.len());
                    i = at + 2;
                }
                // The marker that ends the scan.
                Some(_) => {
                    next = start + at;
                    break;
                }
                None => return Err(Miss::Corrupt),
            }
        }
        let end = data.len();
        data.resize(end + PAD, 0);
        Ok(Entropy {
            data,
            starts,
            end,
            next,
        })
    }
}

impl Entropy {
    /// The restart intervals of a scan of `units` units with a restart marker every
    /// `restart_interval` of them (0: none); the markers found must add up.
    pub(super) fn intervals(
        &self,
        units: usize,
        restart_interval: usize,
    ) -> Result<Vec<Interval>, Miss> {
        let per = match restart_interval {
            0 => units,
            n => n,
        };
        if self.starts.len() != units.div_ceil(per) {
            return Err(Miss::Corrupt);
        }
        Ok(self
            .starts
            .iter()
            .enumerate()
            .map(|(i, &start)| Interval {
                start,
                end: self.starts.get(i + 1).copied().unwrap_or(self.end),
                units: i * per..((i + 1) * per).min(units),
            })
            .collect())
    }
}

/// An MSB-first bit reader over unstuffed data: `acc` holds `count` bits, left-aligned.
pub(super) struct Bits<'a> {
    data: &'a [u8],
    pos: usize,
    acc: u64,
    count: u32,
}

impl<'a> Bits<'a> {
    pub(super) fn new(data: &'a [u8], start: usize) -> Self {
        Bits {
            data,
            pos: start,
            acc: 0,
            count: 0,
        }
    }

    /// Tops the buffer up to at least 56 bits (branch-free: re-reading bytes already half in
    /// the buffer ORs in the same bits).
    #[inline(always)]
    pub(super) fn refill(&mut self) {
        let word = match self.data.get(self.pos..self.pos + 8) {
            Some(b) => u64::from_be_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]),
            // Past the padding: the data ran out. Zeros, and `consumed` tells the caller.
            None => 0,
        };
        self.acc |= word >> self.count;
        self.pos += ((63 - self.count) >> 3) as usize;
        self.count |= 56;
    }

    #[inline(always)]
    pub(super) fn peek(&self, n: u32) -> u32 {
        (self.acc >> (64 - n)) as u32
    }

    #[inline(always)]
    pub(super) fn skip(&mut self, n: u32) {
        self.acc <<= n;
        self.count -= n;
    }

    /// `n` (1..=16) bits as a number.
    #[inline(always)]
    pub(super) fn take(&mut self, n: u32) -> u32 {
        let v = self.peek(n);
        self.skip(n);
        v
    }

    /// Refills when fewer than 32 bits are left: enough for any symbol and its value bits.
    #[inline(always)]
    pub(super) fn ensure(&mut self) {
        if self.count < 32 {
            self.refill();
        }
    }

    /// One bit.
    #[inline(always)]
    pub(super) fn bit(&mut self) -> u32 {
        if self.count == 0 {
            self.refill();
        }
        self.take(1)
    }

    /// `n` (0..=48) bits, left-aligned in the result.
    #[inline(always)]
    pub(super) fn take_left(&mut self, n: u32) -> u64 {
        if self.count < n {
            self.refill();
        }
        let v = if n == 0 {
            0
        } else {
            self.acc & (u64::MAX << (64 - n))
        };
        self.acc = self.acc.checked_shl(n).unwrap_or(0);
        self.count -= n;
        v
    }

    /// Bits consumed since `start`.
    pub(super) fn consumed(&self, start: usize) -> usize {
        (self.pos - start) * 8 - self.count as usize
    }

    /// One Huffman symbol. Needs at least 16 bits in the buffer.
    #[inline(always)]
    pub(super) fn symbol(&mut self, table: &Huffman) -> Result<u8, Miss> {
        let entry = table.fast[self.peek(FAST_BITS) as usize];
        if entry != 0 {
            self.skip(u32::from(entry >> 8));
            return Ok((entry & 0xFF) as u8);
        }
        self.long_symbol(table)
    }

    /// A symbol whose code is longer than [`FAST_BITS`] (rare), or a bad code.
    #[cold]
    #[inline(never)]
    fn long_symbol(&mut self, table: &Huffman) -> Result<u8, Miss> {
        let code = self.peek(16);
        let mut len = FAST_BITS + 1;
        while code >= table.max_code[len as usize] {
            len += 1;
        }
        if len > 16 {
            return Err(Miss::Corrupt);
        }
        let index = (code >> (16 - len)) as i32 + table.delta[len as usize];
        let symbol = usize::try_from(index)
            .ok()
            .and_then(|i| table.values.get(i))
            .ok_or(Miss::Corrupt)?;
        self.skip(len);
        Ok(*symbol)
    }
}
