//! Fuzz target `address`: the properties are `checks::address` (fuzz/checks.rs),
//! which tests/fuzz_corpus.rs replays over the committed corpus.
#![no_main]

#[allow(dead_code)]
#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::address(data));
