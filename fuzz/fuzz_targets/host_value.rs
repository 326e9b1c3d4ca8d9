//! Fuzz target `host_value`: the properties are `checks::host_value` (fuzz/checks.rs),
//! which tests/fuzz_corpus.rs replays over the committed corpus.
#![no_main]

#[allow(dead_code)]
#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::host_value(data));
