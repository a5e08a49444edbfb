#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| kuajing_fuzz::copy_check(data));
