//! Runs every case of `tests/fixtures/*.json` through the native API. The
//! Node tests run the same files through the npm package, so both faces are
//! held to the same results (see tests/fixtures/README.md).
//!
//! A case written without `expect` fails here; to fill it in, run
//! `BLESS=1 cargo test --test fixtures`, then read the filled-in result and
//! check it against SPEC.md before committing it. Existing expectations are
//! never rewritten.

use customer_schema::{
    CreateCustomerSchema, CustomerSchema, Options, Schema, UpdateCustomerSchema,
};
use serde_json::Value;
use std::fs;
use std::path::Path;

fn options(case: &Value) -> Options {
    let mut options = Options::default();
    if let Some(region) = case["options"]["defaultRegion"].as_str() {
        options = options
            .with_default_region(region)
            .expect("fixture defaultRegion");
    }
    if let Some(mode) = case["options"]["unknownKeys"].as_str() {
        options = options
            .with_unknown_keys(mode)
            .expect("fixture unknownKeys");
    }
    options
}

fn run(case: &Value) -> Value {
    let input = &case["input"];
    let options = options(case);
    let result = match case["schema"].as_str() {
        Some("customer") => serde_json::to_value(CustomerSchema::safe_parse(input, &options)),
        Some("create") => serde_json::to_value(CreateCustomerSchema::safe_parse(input, &options)),
        Some("update") => serde_json::to_value(UpdateCustomerSchema::safe_parse(input, &options)),
        other => panic!("unknown schema {other:?} in case {}", case["name"]),
    };
    result.expect("results serialise")
}

#[test]
fn every_fixture_case_gives_its_expected_result() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let bless = std::env::var_os("BLESS").is_some();
    let mut files: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no fixture files");
    let mut names = std::collections::HashSet::new();
    let mut failures = Vec::new();
    let mut count = 0;
    for file in files {
        let text = fs::read_to_string(&file).unwrap();
        let mut cases: Vec<Value> =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let mut blessed = false;
        for case in &mut cases {
            count += 1;
            let name = case["name"].as_str().expect("case name").to_owned();
            assert!(names.insert(name.clone()), "duplicate case name {name}");
            let actual = run(case);
            match case.get("expect") {
                Some(expected) if *expected == actual => {}
                Some(expected) => failures.push(format!(
                    "{}: {name}\n  expected: {expected}\n  actual:   {actual}",
                    file.display()
                )),
                None if bless => {
                    case["expect"] = actual;
                    blessed = true;
                }
                None => failures.push(format!(
                    "{}: {name}: no expect (BLESS=1 fills it in)",
                    file.display()
                )),
            }
        }
        if blessed {
            let mut out = serde_json::to_string_pretty(&cases).unwrap();
            out.push('\n');
            fs::write(&file, out).unwrap();
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {count} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
