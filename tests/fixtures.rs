//! Runs every case of `tests/fixtures/*.json` through the native API. The
//! Node tests run the same files through the npm package, so both faces are
//! held to the same results (see tests/fixtures/README.md).
//!
//! A case written without `expect` fails here; to fill it in, run
//! `BLESS=1 cargo test --test fixtures`, then read the filled-in result and
//! check it against SPEC.md before committing it. Existing expectations are
//! never rewritten, except by `REWORD=1 cargo test --test fixtures`, after
//! a catalogue's words change: it rewrites the messages of the cases whose
//! results differ in messages alone (codes, paths, data and detail must
//! still match), for review in the diff.

use customer_schema::{
    batch, CreateCustomerSchema, CustomerSchema, Options, Schema, SchemaKind, UpdateCustomerSchema,
};
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};

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
    if let Some(locale) = case["options"]["locale"].as_str() {
        options = options.with_locale(locale).expect("fixture locale");
    }
    if let Some(messages) = case["options"]["messages"].as_object() {
        for (id, text) in messages {
            let text = text.as_str().expect("fixture message text");
            options = options.with_message(id, text).expect("fixture messages");
        }
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

fn fixture_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut files: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_fixture_case_gives_its_expected_result() {
    let bless = std::env::var_os("BLESS").is_some();
    let reword = std::env::var_os("REWORD").is_some();
    let files = fixture_files();
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
                Some(expected)
                    if reword && without_messages(expected) == without_messages(&actual) =>
                {
                    case["expect"] = actual;
                    blessed = true;
                }
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

/// A result with every issue's message taken out.
fn without_messages(result: &Value) -> Value {
    let mut result = result.clone();
    for list in ["/error/issues", "/warnings"] {
        if let Some(Value::Array(issues)) = result.pointer_mut(list) {
            for issue in issues {
                if let Some(issue) = issue.as_object_mut() {
                    issue.remove("message");
                }
            }
        }
    }
    result
}

/// Every fixture input, grouped by schema and options, validated as one
/// batch (typed, as a JSON array text, and as NDJSON lines) gives exactly
/// the per-record results, in order, and a summary that adds up.
#[test]
fn batch_results_equal_per_record_results() {
    let mut groups: Vec<((String, String), Vec<Value>)> = Vec::new();
    for file in fixture_files() {
        let cases: Vec<Value> = serde_json::from_str(&fs::read_to_string(&file).unwrap()).unwrap();
        for case in cases {
            let key = (case["schema"].to_string(), case["options"].to_string());
            match groups.iter_mut().find(|(k, _)| *k == key) {
                Some((_, members)) => members.push(case),
                None => groups.push((key, vec![case])),
            }
        }
    }
    assert!(groups.len() > 3);
    for (_, cases) in &groups {
        let options = options(&cases[0]);
        let kind = SchemaKind::from_name(cases[0]["schema"].as_str().unwrap()).unwrap();
        let inputs: Vec<Value> = cases.iter().map(|c| c["input"].clone()).collect();
        let singles: Vec<Value> = cases.iter().map(run).collect();

        let typed = match kind {
            SchemaKind::Customer => {
                batch_values(CustomerSchema::safe_parse_many(&inputs, &options))
            }
            SchemaKind::Create => {
                batch_values(CreateCustomerSchema::safe_parse_many(&inputs, &options))
            }
            SchemaKind::Update => {
                batch_values(UpdateCustomerSchema::safe_parse_many(&inputs, &options))
            }
        };
        assert_eq!(typed, singles);

        let array_text = serde_json::to_string(&inputs).unwrap();
        let from_text: Value =
            serde_json::from_str(&batch::many_text_json(kind, &array_text, &options)).unwrap();
        let lines_text: Vec<String> = inputs.iter().map(|i| i.to_string()).collect();
        let from_lines: Value = serde_json::from_str(&batch::lines_json(
            kind,
            &lines_text.join("\n"),
            1,
            &options,
        ))
        .unwrap();
        for out in [&from_text, &from_lines] {
            let results = out["results"].as_array().unwrap();
            assert_eq!(results.len(), singles.len());
            for (index, (result, single)) in results.iter().zip(&singles).enumerate() {
                let mut result = result.clone();
                let members = result.as_object_mut().unwrap();
                assert_eq!(members.remove("index"), Some(Value::from(index)));
                if let Some(line) = members.remove("line") {
                    assert_eq!(line, Value::from(index + 1));
                }
                assert_eq!(&result, single, "record {index}");
            }
            let valid = singles.iter().filter(|r| r["success"] == true).count();
            assert_eq!(out["summary"]["total"], singles.len());
            assert_eq!(out["summary"]["valid"], valid);
            assert_eq!(out["summary"]["invalid"], singles.len() - valid);
            let counted: u64 = out["summary"]["issues"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c["count"].as_u64().unwrap())
                .sum();
            let issues: usize = singles
                .iter()
                .map(|r| r["error"]["issues"].as_array().map_or(0, Vec::len))
                .sum();
            assert_eq!(counted, issues as u64);
        }
    }
}

fn batch_values<T: serde::Serialize>(batch: customer_schema::Batch<T>) -> Vec<Value> {
    batch
        .results
        .iter()
        .map(|r| serde_json::to_value(r).unwrap())
        .collect()
}

/// Every fixture input given as JSON text (compact and pretty-printed) and
/// read in place by the text reader gives, byte for byte, the result of the
/// same input read as a `serde_json::Value` (the object path): as JSON
/// text and as the WebAssembly boundary's wire text.
#[test]
fn json_text_and_object_paths_agree_on_every_fixture() {
    use customer_schema::binding::{safe_parse_json_text_wire, safe_parse_wire};
    use customer_schema::value::json_text::JsonText;
    let mut count = 0;
    for file in fixture_files() {
        let cases: Vec<Value> = serde_json::from_str(&fs::read_to_string(&file).unwrap()).unwrap();
        for case in &cases {
            let options = options(case);
            let kind = SchemaKind::from_name(case["schema"].as_str().unwrap()).unwrap();
            let input = &case["input"];
            let object_json = customer_schema::safe_parse_json(kind, input, &options);
            let object_wire = safe_parse_wire(kind, input, &options);
            for text in [
                serde_json::to_string(input).unwrap(),
                serde_json::to_string_pretty(input).unwrap(),
            ] {
                let doc = JsonText::parse(&text).expect("fixture input is JSON");
                let name = &case["name"];
                assert_eq!(
                    customer_schema::safe_parse_json(kind, doc.root(), &options),
                    object_json,
                    "{name}"
                );
                assert_eq!(
                    safe_parse_json_text_wire(kind, text.as_bytes(), &options),
                    object_wire,
                    "{name}"
                );
                count += 1;
            }
        }
    }
    assert!(count > 100, "{count}");
}
