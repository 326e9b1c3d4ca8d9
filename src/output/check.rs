//! A file check's chunk of NDJSON, bytes in and bytes out (the package's
//! `customer-schema check` command).
//!
//! A command that checks a file needs three things from each chunk: the
//! normalised records to write (`--out`), the invalid records' issues (the
//! report), and the counts. None of them needs a JavaScript object: the
//! chunk arrives as the file's bytes, and the three leave as bytes ready to
//! be written, so the JavaScript side only moves buffers (no `JSON.parse` of
//! results, no `JSON.stringify` of records, no UTF-16 strings in between).
//!
//! Lines are numbered, blank lines skipped and lines that are not JSON
//! reported exactly as the NDJSON batch (`batch::lines_json`) does, and the
//! summary counts what it counts: the same file gives the same answers
//! through either.

use super::batch::not_json;
use crate::input::json_text::JsonText;
use crate::input::Value;
use crate::issue::Issue;
use crate::options::Options;
use crate::record::driver::Run;
use crate::record::{
    read_record, CreateCustomerSchema, CustomerSchema, SafeParse, SchemaKind, Summary,
    UpdateCustomerSchema,
};
use serde::Serialize;

/// Separates the three parts of [`check_lines`]' answer. JSON text never
/// holds a raw U+0002 (control characters are escaped in strings).
pub const PART_SEPARATOR: u8 = 0x02;

/// Checks a chunk of NDJSON (whole lines, the first numbered `first_line`)
/// and answers, as bytes: the JSON of the chunk's summary, U+0002, the
/// report of its invalid records, U+0002, and (with `want_out`) the
/// normalised valid records as NDJSON, one per line.
///
/// The report is each invalid record as `,\n{"line":…,"issues":[…],"warnings":[…]}`:
/// the members of a JSON array as a report file lists them, each preceded
/// by its separator (a writer drops the first record's comma).
///
/// `Err` is the offset of the first byte that is not UTF-8: the file is not
/// text, which no record's issue can say.
pub fn check_lines(
    kind: SchemaKind,
    bytes: &[u8],
    first_line: u64,
    options: &Options,
    want_out: bool,
) -> Result<Vec<u8>, usize> {
    let text = std::str::from_utf8(bytes).map_err(|error| error.valid_up_to())?;
    let mut summary = Summary::default();
    let mut report = Vec::new();
    let mut out = Vec::with_capacity(if want_out { bytes.len() } else { 0 });
    for (offset, line) in text.split('\n').enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let number = crate::output::batch::line_number(first_line, offset);
        let record = match JsonText::parse(line) {
            Ok(record) => read_record(kind, record.root(), options),
            Err(error) => {
                let issues = vec![not_json(&error, options)];
                summary.add_outcome(false, &issues, false, None);
                write_invalid(&mut report, number, &issues, &[]);
                continue;
            }
        };
        let out = if want_out { Some(&mut out) } else { None };
        check_record(
            kind,
            &record,
            options,
            number,
            &mut summary,
            &mut report,
            out,
        );
    }
    let mut answer = serde_json::to_vec(&summary).unwrap_or_else(|_| b"null".to_vec());
    answer.push(PART_SEPARATOR);
    answer.append(&mut report);
    answer.push(PART_SEPARATOR);
    answer.append(&mut out);
    Ok(answer)
}

/// Checks one record read by `kind`'s plan: counts it, and writes it to
/// `out` (valid) or to `report` (invalid).
fn check_record(
    kind: SchemaKind,
    record: &Value,
    options: &Options,
    line: u64,
    summary: &mut Summary,
    report: &mut Vec<u8>,
    out: Option<&mut Vec<u8>>,
) {
    let mut run = Run::new(kind, options);
    let fields = run.record(record);
    run.settle();
    // Counted as the batch paths count (before the result is built).
    summary.add_outcome(
        run.issues.is_empty(),
        &run.issues,
        !run.warnings.is_empty(),
        run.address_country,
    );
    if !run.issues.is_empty() {
        write_invalid(report, line, &run.issues, &run.warnings);
        return;
    }
    if let Some(out) = out {
        match kind {
            SchemaKind::Customer => write_valid(run.finish::<CustomerSchema>(fields), out),
            SchemaKind::Create => write_valid(run.finish::<CreateCustomerSchema>(fields), out),
            SchemaKind::Update => write_valid(run.finish::<UpdateCustomerSchema>(fields), out),
        }
    }
}

/// Appends a valid record's normalised data as one NDJSON line.
fn write_valid<T: Serialize>(result: SafeParse<T>, out: &mut Vec<u8>) {
    if let SafeParse::Success { data, .. } = result {
        // Writing to a vector cannot fail, and the data's map keys are strings.
        if serde_json::to_writer(&mut *out, &data).is_ok() {
            out.push(b'\n');
        }
    }
}

/// Appends an invalid record's entry of the report (see [`check_lines`]).
fn write_invalid(report: &mut Vec<u8>, line: u64, issues: &[Issue], warnings: &[Issue]) {
    #[derive(Serialize)]
    struct Entry<'a> {
        line: u64,
        issues: &'a [Issue],
        warnings: &'a [Issue],
    }
    report.extend_from_slice(b",\n");
    let entry = Entry {
        line,
        issues,
        warnings,
    };
    if serde_json::to_writer(&mut *report, &entry).is_err() {
        report.extend_from_slice(b"null");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::batch::lines_json;
    use serde_json::{json, Value as Json};

    /// The three parts of an answer, as JSON values: the summary, the
    /// report's entries, the written records.
    fn parts(answer: &[u8]) -> (Json, Vec<Json>, Vec<Json>) {
        let mut parts = answer.split(|&b| b == PART_SEPARATOR);
        let summary = serde_json::from_slice(parts.next().unwrap()).unwrap();
        let report = std::str::from_utf8(parts.next().unwrap()).unwrap();
        let report = serde_json::from_str::<Json>(&format!("[{}]", report.trim_start_matches(',')))
            .unwrap()
            .as_array()
            .unwrap()
            .clone();
        let out = std::str::from_utf8(parts.next().unwrap())
            .unwrap()
            .lines()
            .map(|line| serde_json::from_str(line).unwrap())
            .collect();
        assert!(parts.next().is_none());
        (summary, report, out)
    }

    const CHUNK: &str = concat!(
        "{\"firstname\":\" Jane \",\"email\":\"Jane@EXAMPLE.com\"}\r\n",
        "\n",
        "{oops\n",
        "{\"email\":\"nope\",\"tags\":[\"\"]}\n",
        "  \n",
        "{\"firstname\":\"Ann\",\"preferred_contact_method\":\"sms\"}\n",
    );

    #[test]
    fn a_chunk_gives_the_batch_answers_as_the_ndjson_batch_does() {
        let english = Options::default();
        let german = Options::default().with_locale("de").unwrap();
        let messages = |options: &Options| {
            let answer = check_lines(SchemaKind::Create, CHUNK.as_bytes(), 7, options, false);
            let (_, report, _) = parts(&answer.unwrap());
            report
                .iter()
                .flat_map(|r| r["issues"].as_array().unwrap().clone())
                .map(|issue| issue["message"].clone())
                .collect::<Vec<_>>()
        };
        assert_ne!(
            messages(&english),
            messages(&german),
            "the report is in the locale's words"
        );
        for options in [english, german] {
            a_chunk_gives_the_ndjson_batch_answers(&options);
        }
    }

    fn a_chunk_gives_the_ndjson_batch_answers(options: &Options) {
        let options = options.clone();
        let answer = check_lines(SchemaKind::Create, CHUNK.as_bytes(), 7, &options, true).unwrap();
        let (summary, report, out) = parts(&answer);
        let batch: Json =
            serde_json::from_str(&lines_json(SchemaKind::Create, CHUNK, 7, &options)).unwrap();
        assert_eq!(summary, batch["summary"], "the same counts");
        let results = batch["results"].as_array().unwrap();
        let invalid: Vec<Json> = results
            .iter()
            .filter(|r| r["success"] == false)
            .map(|r| {
                json!({"line": r["line"], "issues": r["error"]["issues"], "warnings": r["warnings"]})
            })
            .collect();
        assert_eq!(report, invalid, "the same issues, at the same lines");
        let valid: Vec<Json> = results
            .iter()
            .filter(|r| r["success"] == true)
            .map(|r| r["data"].clone())
            .collect();
        assert_eq!(out, valid, "the same normalised records");
        assert_eq!(
            report.iter().map(|r| r["line"].clone()).collect::<Vec<_>>(),
            [json!(9), json!(10)]
        );
        assert_eq!(out[0]["firstname"], "Jane");
    }

    #[test]
    fn without_out_no_record_is_written() {
        let answer = check_lines(
            SchemaKind::Create,
            CHUNK.as_bytes(),
            1,
            &Options::default(),
            false,
        )
        .unwrap();
        let (summary, report, out) = parts(&answer);
        assert_eq!(summary["valid"], 2);
        assert_eq!(report.len(), 2);
        assert!(out.is_empty());
    }

    #[test]
    fn bytes_that_are_not_utf8_are_the_files_error_at_their_offset() {
        let bytes = b"{\"firstname\":\"A\"}\n{\"firstname\":\"Jos\xe9\"}\n";
        assert_eq!(
            check_lines(SchemaKind::Create, bytes, 1, &Options::default(), true),
            Err(35)
        );
    }

    #[test]
    fn an_empty_chunk_counts_nothing() {
        let answer = check_lines(SchemaKind::Customer, b"", 1, &Options::default(), true).unwrap();
        let (summary, report, out) = parts(&answer);
        assert_eq!(summary["total"], 0);
        assert!(report.is_empty() && out.is_empty());
    }
}
