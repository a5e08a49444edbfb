// No console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

/// Photo buffers on huge pages, reused across a batch: see `kuajing-alloc`.
#[global_allocator]
static ALLOCATOR: kuajing_alloc::Allocator = kuajing_alloc::Allocator;

fn main() {
    kuajing_app::run();
}
