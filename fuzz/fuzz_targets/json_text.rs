//! Fuzz target `json_text`: the properties are `checks::json_text` (fuzz/checks.rs),
//! which tests/fuzz_corpus.rs replays over the committed corpus.
#![no_main]

#[allow(dead_code)]
#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::json_text(data));
