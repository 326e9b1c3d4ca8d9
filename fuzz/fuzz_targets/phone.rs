//! Fuzz target `phone`: the properties are `checks::phone` (fuzz/checks.rs),
//! which tests/fuzz_corpus.rs replays over the committed corpus.
#![no_main]

#[allow(dead_code)]
#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::phone(data));
