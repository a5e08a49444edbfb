#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| kuajing_fuzz::shopify(data));
