//! The memory allocator of Kuajing's binaries (`kuajing` and the desktop app).
//!
//! It is the system allocator, except for big blocks: a photo file read into memory, decoded
//! pixels, a resize or encode buffer. Blocks of [`BIG`] bytes and more are mapped straight from
//! the kernel, 2 MiB-aligned and marked for transparent huge pages, and up to [`CACHE_BYTES`] of
//! freed ones are kept to serve the next photo.
//!
//! Why: photo work is dominated by a few buffers of megabytes, allocated once per photo. On a
//! virtual machine each 4 KiB page fault costs microseconds: turning one 12-MP photo into a main
//! image took 3,700 faults and a sixth of its time in the kernel, and a batch of 100 photos took
//! 240,000 faults because every freed buffer went back to the kernel and came back page by page.
//! With huge pages a 2 MiB stretch is one fault; with the cache a batch stops faulting after its
//! first photos. `docs/benchmarks.md` has the numbers.
//!
//! Use it as the global allocator of a binary:
//!
//! ```ignore
//! #[global_allocator]
//! static ALLOCATOR: kuajing_alloc::Allocator = kuajing_alloc::Allocator;
//! ```
//!
//! Off Linux it passes everything to [`System`].

use std::alloc::{GlobalAlloc, Layout, System};

/// Blocks this big or bigger get the big-block treatment; smaller ones go to [`System`].
pub const BIG: usize = 1 << 20;
/// At most this many bytes of freed big blocks are kept for reuse (and stay resident).
pub const CACHE_BYTES: usize = 64 << 20;

/// The allocator. See the crate documentation.
#[derive(Debug, Default, Clone, Copy)]
pub struct Allocator;

/// Whether freed big blocks are kept for the next photo (yes unless told otherwise).
static KEEP: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(true);

/// Keep freed big blocks for reuse (the default) or give each back to the kernel as it is
/// freed. A process that renders one photo has nothing to reuse them for: off, its peak memory
/// is lower by what it has freed (the decoder's copy of the compressed data, the scaled
/// picture) instead of holding it to the end.
pub fn keep_freed(keep: bool) {
    KEEP.store(keep, std::sync::atomic::Ordering::Relaxed);
}

/// Gives the kept big blocks back to the kernel, e.g. when a long batch has finished and the
/// process stays open.
pub fn trim() {
    #[cfg(target_os = "linux")]
    big::trim();
}

#[cfg(target_os = "linux")]
use big::serves;

#[cfg(not(target_os = "linux"))]
fn serves(_: Layout) -> bool {
    false
}

// SAFETY: every method either forwards to `System` with the caller's own guarantees, or deals in
// blocks from `big`, which hands out exclusive, `size`-byte, page-aligned (hence suitably
// aligned: `serves` refuses alignments above a page) memory and takes back only blocks of the
// same size it handed out. Which of the two owns a block depends on its layout alone, and
// `dealloc`/`realloc` are given the layout the block was allocated with.
unsafe impl GlobalAlloc for Allocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        #[cfg(target_os = "linux")]
        if serves(layout) {
            return big::alloc(layout.size(), false);
        }
        // SAFETY: the caller's guarantees for `alloc` carry over.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        #[cfg(target_os = "linux")]
        if serves(layout) {
            return big::alloc(layout.size(), true);
        }
        // SAFETY: the caller's guarantees for `alloc_zeroed` carry over.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        #[cfg(target_os = "linux")]
        if serves(layout) {
            // SAFETY: a layout `serves` accepts was allocated by `big::alloc` with this size.
            unsafe { big::free(ptr, layout.size()) };
            return;
        }
        // SAFETY: any other layout was allocated by `System`.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller guarantees `new_size`, rounded up to the alignment, does not
        // overflow `isize`: the layout is valid.
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        match (serves(layout), serves(new_layout)) {
            // SAFETY: both sizes belong to `System`, which allocated the block.
            (false, false) => unsafe { System.realloc(ptr, layout, new_size) },
            #[cfg(target_os = "linux")]
            (true, true) if big::span(layout.size()) == big::span(new_size) => ptr,
            _ => {
                // SAFETY: `new_layout` is valid and not zero-sized (one side is big).
                let new = unsafe { self.alloc(new_layout) };
                if !new.is_null() {
                    // SAFETY: both blocks are live, distinct and at least this long; the old
                    // one is freed with the layout it was allocated with.
                    unsafe {
                        std::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
                        self.dealloc(ptr, layout);
                    }
                }
                new
            }
        }
    }
}

#[cfg(target_os = "linux")]
mod big {
    use std::alloc::Layout;
    use std::ptr;
    use std::sync::{Mutex, PoisonError};

    use super::{BIG, CACHE_BYTES};

    /// The transparent huge page size on x86-64 and on arm64 with 4 KiB pages. Blocks are
    /// mapped in whole multiples of it, so that same-sized requests share one size class.
    const HUGE_PAGE: usize = 2 << 20;
    /// The smallest page size we meet; bigger alignments go to `System`.
    const PAGE: usize = 4096;
    /// How many freed blocks are kept at most.
    const SLOTS: usize = 16;

    pub(super) fn serves(layout: Layout) -> bool {
        layout.size() >= BIG && layout.align() <= PAGE
    }

    /// The mapped length behind a block of `size` bytes.
    pub(super) fn span(size: usize) -> usize {
        size.div_ceil(HUGE_PAGE).saturating_mul(HUGE_PAGE)
    }

    /// Freed blocks, as (address, mapped length).
    struct Cache {
        blocks: [(usize, usize); SLOTS],
        count: usize,
        bytes: usize,
    }

    static CACHE: Mutex<Cache> = Mutex::new(Cache {
        blocks: [(0, 0); SLOTS],
        count: 0,
        bytes: 0,
    });

    fn cache() -> std::sync::MutexGuard<'static, Cache> {
        // Nothing panics while holding the lock, but a poisoned cache is still consistent.
        CACHE.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub(super) fn alloc(size: usize, zeroed: bool) -> *mut u8 {
        let span = span(size);
        if span == usize::MAX || span > isize::MAX as usize - HUGE_PAGE {
            return ptr::null_mut();
        }
        if let Some(block) = take(span) {
            if zeroed {
                // SAFETY: the block is ours, `span >= size` bytes long and writable.
                unsafe { ptr::write_bytes(block, 0, size) };
            }
            return block;
        }
        // Fresh anonymous memory is zero already.
        map(span, size)
    }

    /// # Safety
    /// `block` came from [`alloc`] with this `size` and is not used afterwards.
    pub(super) unsafe fn free(block: *mut u8, size: usize) {
        let span = span(size);
        if !keep(block, span) {
            // SAFETY: the block is a mapping of exactly `span` bytes that nothing uses any more.
            unsafe { libc::munmap(block.cast(), span) };
        }
    }

    pub(super) fn trim() {
        let mut cache = cache();
        let count = cache.count;
        for &(addr, len) in &cache.blocks[..count] {
            // SAFETY: kept blocks are unused mappings of `len` bytes, owned by the cache.
            unsafe { libc::munmap(addr as *mut libc::c_void, len) };
        }
        cache.count = 0;
        cache.bytes = 0;
    }

    fn take(span: usize) -> Option<*mut u8> {
        let mut cache = cache();
        let count = cache.count;
        let i = cache.blocks[..count]
            .iter()
            .position(|&(_, len)| len == span)?;
        let (addr, _) = cache.blocks[i];
        cache.blocks[i] = cache.blocks[count - 1];
        cache.count -= 1;
        cache.bytes -= span;
        Some(addr as *mut u8)
    }

    fn keep(block: *mut u8, span: usize) -> bool {
        if !super::KEEP.load(std::sync::atomic::Ordering::Relaxed) {
            return false;
        }
        let mut cache = cache();
        if cache.count == SLOTS || cache.bytes + span > CACHE_BYTES {
            return false;
        }
        let count = cache.count;
        cache.blocks[count] = (block as usize, span);
        cache.count += 1;
        cache.bytes += span;
        true
    }

    /// Maps `span` bytes at a 2 MiB boundary and asks for huge pages over the 2 MiB stretches
    /// `size` fills at least half of: a huge page that is touched at all counts whole
    /// towards the resident size, so a mostly empty one would be waste.
    fn map(span: usize, size: usize) -> *mut u8 {
        let len = span + HUGE_PAGE;
        // SAFETY: a fresh private anonymous mapping; no existing memory is touched.
        let base = unsafe {
            libc::mmap(
                ptr::null_mut(),
                len,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
                -1,
                0,
            )
        };
        if base == libc::MAP_FAILED {
            return ptr::null_mut();
        }
        let base = base as usize;
        let start = base.next_multiple_of(HUGE_PAGE);
        let end = start + span;
        // SAFETY: the head and tail are page-aligned parts of the mapping just made, outside
        // the block handed out.
        unsafe {
            if start > base {
                libc::munmap(base as *mut libc::c_void, start - base);
            }
            if base + len > end {
                libc::munmap(end as *mut libc::c_void, base + len - end);
            }
        }
        let whole = if size % HUGE_PAGE >= HUGE_PAGE / 2 {
            span
        } else {
            size / HUGE_PAGE * HUGE_PAGE
        };
        if whole > 0 {
            // SAFETY: a hint on our own mapping; it fails harmlessly where THP is off.
            unsafe { libc::madvise(start as *mut libc::c_void, whole, libc::MADV_HUGEPAGE) };
        }
        start as *mut u8
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(size: usize) -> Layout {
        Layout::from_size_align(size, 1).expect("valid layout")
    }

    #[test]
    fn big_blocks_hold_their_bytes_through_realloc() {
        let a = Allocator;
        let l = layout(3 << 20);
        // SAFETY: each block is used within its size and freed once with its current layout.
        unsafe {
            let p = a.alloc(l);
            assert!(!p.is_null());
            assert_eq!(p as usize % 4096, 0);
            for i in (0..l.size()).step_by(4096) {
                *p.add(i) = (i / 4096) as u8;
            }
            // Growing past the mapped length moves the block; the bytes come along.
            let q = a.realloc(p, l, 9 << 20);
            assert!(!q.is_null());
            for i in (0..l.size()).step_by(4096) {
                assert_eq!(*q.add(i), (i / 4096) as u8);
            }
            // Shrinking to a small block hands it to the system allocator, bytes kept.
            let r = a.realloc(q, layout(9 << 20), 100);
            assert_eq!(*r, 0);
            assert_eq!(*r.add(99), 0);
            let s = a.realloc(r, layout(100), 2 << 20);
            assert_eq!(*s, 0);
            a.dealloc(s, layout(2 << 20));
        }
    }

    #[test]
    fn a_reused_block_is_zeroed_when_asked() {
        let a = Allocator;
        let l = layout(5 << 20);
        // SAFETY: as above.
        unsafe {
            let p = a.alloc(l);
            p.write_bytes(0xAB, l.size());
            a.dealloc(p, l);
            // Same size class: likely the very block just freed (another test may take it).
            let q = a.alloc_zeroed(layout((5 << 20) - 12345));
            assert!(!q.is_null());
            let bytes = std::slice::from_raw_parts(q, (5 << 20) - 12345);
            assert!(bytes.iter().all(|&b| b == 0));
            a.dealloc(q, layout((5 << 20) - 12345));
        }
        trim();
    }

    #[test]
    fn small_and_overaligned_blocks_go_to_the_system() {
        let a = Allocator;
        let over = Layout::from_size_align(4 << 20, 1 << 16).expect("valid layout");
        // SAFETY: as above.
        unsafe {
            let p = a.alloc(over);
            assert_eq!(p as usize % (1 << 16), 0);
            a.dealloc(p, over);
            let q = a.alloc_zeroed(layout(64));
            assert_eq!(*q.add(63), 0);
            a.dealloc(q, layout(64));
        }
    }

    #[test]
    fn an_impossible_size_is_refused_not_wrapped() {
        let a = Allocator;
        // SAFETY: a null result is checked, nothing is written.
        unsafe {
            let p = a.alloc(layout(isize::MAX as usize - 4096));
            assert!(p.is_null());
        }
    }
}
