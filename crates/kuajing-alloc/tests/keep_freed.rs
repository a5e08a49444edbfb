//! What freeing a big block does to the process's resident memory, kept or not. Its own test
//! binary (one process, one test): the switch and the cache are process-wide.
#![cfg(target_os = "linux")]

#[global_allocator]
static ALLOCATOR: kuajing_alloc::Allocator = kuajing_alloc::Allocator;

/// Resident memory in MiB, from `/proc/self/statm` (pages of 4 KiB).
fn resident_mib() -> f64 {
    let statm = std::fs::read_to_string("/proc/self/statm").expect("statm");
    let pages: f64 = statm
        .split_whitespace()
        .nth(1)
        .and_then(|v| v.parse().ok())
        .expect("resident pages");
    pages * 4096.0 / (1024.0 * 1024.0)
}

/// Allocates and touches 16 MiB, frees it, and says how much of it is still resident.
fn still_resident_after_freeing() -> f64 {
    let before = resident_mib();
    let block = vec![7u8; 16 << 20];
    assert_eq!(block[(16 << 20) - 1], 7);
    drop(block);
    resident_mib() - before
}

#[test]
fn freed_blocks_stay_for_reuse_until_trimmed_unless_told_not_to() {
    let kept = still_resident_after_freeing();
    assert!(kept > 14.0, "kept: {kept:.1} MiB still resident");
    let before = resident_mib();
    kuajing_alloc::trim();
    let trimmed = before - resident_mib();
    assert!(trimmed > 14.0, "trim gave back only {trimmed:.1} MiB");

    kuajing_alloc::keep_freed(false);
    let given_back = still_resident_after_freeing();
    assert!(
        given_back < 2.0,
        "not kept: {given_back:.1} MiB still resident"
    );
}
