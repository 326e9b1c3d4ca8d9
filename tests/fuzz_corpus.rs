//! The fuzz targets' committed corpus, replayed under stable `cargo test`:
//! every file of `fuzz/corpus/<target>/` goes through the same check the
//! fuzz target runs (`fuzz/checks.rs`, compiled here too), so an input the
//! fuzzer kept (a seed from the fixtures, a case it found interesting, a
//! former crash) stays checked on every test run, without nightly or
//! libFuzzer. `scripts/fuzz.sh` runs the targets themselves.

#[allow(dead_code)]
#[path = "../fuzz/checks.rs"]
mod checks;

use std::path::Path;

/// Runs `check` on every file of `fuzz/corpus/<target>/`, naming the file
/// of the first that fails; at least `minimum` files must be there (an
/// empty or misplaced corpus would otherwise pass unseen).
fn replay(target: &str, minimum: usize, check: fn(&[u8])) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|error| panic!("{}: {error}", dir.display()))
        .map(|entry| entry.expect("a corpus entry").path())
        .collect();
    files.sort();
    assert!(
        files.len() >= minimum,
        "{}: {} files, expected at least {minimum}",
        dir.display(),
        files.len()
    );
    for file in files {
        let data = std::fs::read(&file).expect("a corpus file");
        let outcome = std::panic::catch_unwind(|| check(&data));
        assert!(outcome.is_ok(), "{} fails its check", file.display());
    }
}

#[test]
fn json_text_corpus_agrees_with_serde_json_and_is_idempotent() {
    replay("json_text", 30, checks::json_text);
}

#[test]
fn host_value_corpus_reads_like_its_json_text_and_never_panics() {
    replay("host_value", 30, checks::host_value);
}

#[test]
fn phone_corpus_round_trips_and_agrees_with_the_record_path() {
    replay("phone", 30, checks::phone);
}

#[test]
fn address_corpus_is_idempotent_and_agrees_with_the_record_path() {
    replay("address", 30, checks::address);
}
