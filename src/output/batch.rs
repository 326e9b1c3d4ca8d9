//! A batch's text, record by record: a list of inputs, a JSON array text,
//! or lines of NDJSON, each record validated on its own, written as JSON
//! or wire text as it goes, with the summary (`crate::record::batch`).
//!
//! For WebAssembly this is the point: one crossing per batch instead of one
//! per record. The results are written as text directly, record by record,
//! and the summary counts issues by path and code as they pass.
//!
//! A text that is not JSON is never a panic or a throw: a JSON array text
//! that does not parse (or is not an array) gives a batch with no results
//! and an `error`; an NDJSON line that does not parse is a failed record
//! whose one issue (`invalid_format`, `format: "json"`) carries the parser's
//! message. Texts are read by `crate::input::json_text`, which checks any
//! nesting without recursing, so deep nesting is the reader's `TooDeep`,
//! never a stack overflow.

use super::{result_json, result_text};
use crate::input::json_text::{JsonText, NotJson};
use crate::input::{ArraySource, Foreign, Items, Shape, Source, Value, MAX_VALUES};
use crate::issue::Issue;
use crate::options::Options;
use crate::problem::Problem;
use crate::record::batch::MAX_BATCH_RECORDS;
use crate::record::{read_record, SafeParse, SchemaKind, Summary};

/// The issue for a text that is not JSON, with where the check stopped
/// (the line only past the first: an NDJSON record is one line, whose
/// number its result gives).
pub(crate) fn not_json(error: &NotJson, options: &Options) -> Issue {
    Problem::NotJson {
        ended: error.ended,
        line: error.line,
        column: error.column,
    }
    .at_in(Vec::new(), &options.messages)
}

/// Writes a batch's text record by record: JSON, or wire text.
///
/// Wire text (the WebAssembly boundary's, see `crate::output::wire`) is
/// `~`, then each record's result followed by U+0001, then U+0002 and the
/// JSON of `{"summary":…}` (with `"error"` when there is one). A result is
/// either a valid record's wire text (`~…`; its index is its position) or
/// the JSON of the result object with its `index` (`{…}`, which as JSON
/// text never holds a raw U+0001).
struct Writer {
    out: String,
    summary: Summary,
    index: usize,
    wire: bool,
}

impl Writer {
    fn new(wire: bool) -> Self {
        Writer {
            out: String::from(if wire { "~" } else { "{\"results\":[" }),
            summary: Summary::default(),
            index: 0,
            wire,
        }
    }

    /// Checks one record read by `kind`'s plan, and appends its result:
    /// `{"index":…,"line":…,"success":…}`, or its wire text.
    fn check(&mut self, kind: SchemaKind, record: &Value, options: &Options, line: Option<u64>) {
        let text = result_text(kind, record, options, self.wire, Some(&mut self.summary));
        self.push(&text, line);
    }

    /// Appends a record's result, as [`result_text`] writes it.
    fn push(&mut self, result: &str, line: Option<u64>) {
        if self.index > 0 && !self.wire {
            self.out.push(',');
        }
        self.index += 1;
        if result.starts_with('~') {
            self.out.push_str(result);
        } else {
            self.out.push_str("{\"index\":");
            self.out.push_str(&(self.index - 1).to_string());
            if let Some(line) = line {
                self.out.push_str(",\"line\":");
                self.out.push_str(&line.to_string());
            }
            // The result's text is an object: splice its members after ours.
            match result.strip_prefix('{') {
                Some(members) if members != "}" => {
                    self.out.push(',');
                    self.out.push_str(members);
                }
                _ => self.out.push('}'),
            }
        }
        if self.wire {
            self.out.push('\u{1}');
        }
    }

    fn finish(mut self, error: Option<Issue>) -> String {
        self.out.push_str(if self.wire {
            "\u{2}{\"summary\":"
        } else {
            "],\"summary\":"
        });
        self.out
            .push_str(&serde_json::to_string(&self.summary).unwrap_or_else(|_| "null".into()));
        if let Some(issue) = error {
            self.out.push_str(",\"error\":{\"issues\":");
            self.out.push_str(&crate::issue::issue_list_json(&issue));
            self.out.push('}');
        }
        self.out.push('}');
        self.out
    }
}

/// The batch of a list held by any [`Source`] (a JavaScript array, a JSON
/// array), as JSON text: `{"results":[…],"summary":{…}}`, plus `"error"`
/// when `list` is not an array or cannot be read.
pub fn many_source_json<S: Source>(kind: SchemaKind, list: S, options: &Options) -> String {
    many_source(kind, list, options, Writer::new(false))
}

/// [`many_source_json`] as wire text (see `Writer`).
pub fn many_source_wire<S: Source>(kind: SchemaKind, list: S, options: &Options) -> String {
    many_source(kind, list, options, Writer::new(true))
}

fn many_source<S: Source>(
    kind: SchemaKind,
    list: S,
    options: &Options,
    mut writer: Writer,
) -> String {
    let Shape::Array(list) = list.shape() else {
        let issue = Problem::WrongType {
            expected: "array",
            received: "a value that is not an array".to_owned(),
        }
        .at_in(Vec::new(), &options.messages);
        return writer.finish(Some(issue));
    };
    let len = match list.length() {
        Ok(len) => len,
        Err(message) => {
            let issue = Problem::UnreadableList(message).at_in(Vec::new(), &options.messages);
            return writer.finish(Some(issue));
        }
    };
    if len > MAX_BATCH_RECORDS {
        let issue = Problem::TooManyRecords {
            maximum: MAX_BATCH_RECORDS as u64,
        }
        .at_in(Vec::new(), &options.messages);
        return writer.finish(Some(issue));
    }
    let mut items = list.items(len);
    for _ in 0..len {
        // Each record is read on its own, within its own bounds.
        let record = match items.next(MAX_VALUES) {
            Ok(item) => read_record(kind, item, options),
            Err(message) => Value::Foreign(Foreign::Unreadable(message)),
        };
        writer.check(kind, &record, options, None);
    }
    writer.finish(None)
}

/// The batch of a JSON array text, parsed here (not in JavaScript).
pub fn many_text_json(kind: SchemaKind, text: &str, options: &Options) -> String {
    many_text(kind, text, options, Writer::new(false))
}

/// [`many_text_json`] as wire text (see `Writer`).
pub fn many_text_wire(kind: SchemaKind, text: &str, options: &Options) -> String {
    many_text(kind, text, options, Writer::new(true))
}

fn many_text(kind: SchemaKind, text: &str, options: &Options, writer: Writer) -> String {
    match JsonText::parse(text) {
        Ok(list) => many_source(kind, list.root(), options, writer),
        Err(error) => writer.finish(Some(not_json(&error, options))),
    }
}

/// The largest line number: the largest whole number JavaScript counts
/// exactly (2^53 - 1). Lines past it have its number.
pub const MAX_LINE: u64 = (1 << 53) - 1;

/// The number of the line `offset` lines after `first_line`.
pub(crate) fn line_number(first_line: u64, offset: usize) -> u64 {
    first_line.saturating_add(offset as u64).min(MAX_LINE)
}

/// The batch of NDJSON text: one record per line, numbered from
/// `first_line`. Blank lines are skipped (they are not records); a line
/// that is not JSON is a failed record. A trailing `\r` is ignored.
pub fn lines_json(kind: SchemaKind, text: &str, first_line: u64, options: &Options) -> String {
    let mut writer = Writer::new(false);
    for (offset, line) in text.split('\n').enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let number = Some(line_number(first_line, offset));
        match JsonText::parse(line) {
            Ok(record) => {
                let record = read_record(kind, record.root(), options);
                writer.check(kind, &record, options, number);
            }
            Err(error) => {
                let issues = vec![not_json(&error, options)];
                writer.summary.add_outcome(false, &issues, false, None);
                let result = SafeParse::<()>::Failure {
                    issues,
                    warnings: Vec::new(),
                };
                writer.push(&result_json(&result), number);
            }
        }
    }
    writer.finish(None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::issue::PathItem;
    use crate::record::batch::path_key;
    use crate::record::{CreateCustomerSchema, IssueCount, Schema};
    use serde_json::json;
    use serde_json::Value as Json;

    fn parse(text: &str) -> Json {
        serde_json::from_str(text).expect("batch output is JSON")
    }

    #[test]
    fn path_keys_join_keys_and_star_indexes() {
        let city: Vec<PathItem> = path!["address", "city"];
        let tag: Vec<PathItem> = path!["tags", 3];
        assert_eq!(path_key(&city), "address.city");
        assert_eq!(path_key(&tag), "tags[*]");
        assert_eq!(path_key(&[]), "");
    }

    #[test]
    fn a_text_that_is_not_an_array_is_one_error_not_a_panic() {
        for text in ["{}", "42", "not json", "[1,", &"[".repeat(1000)] {
            let out = parse(&many_text_json(
                SchemaKind::Create,
                text,
                &Options::default(),
            ));
            assert_eq!(out["results"], json!([]), "{text}");
            assert_eq!(out["summary"]["total"], 0);
            assert_eq!(out["error"]["issues"].as_array().map(Vec::len), Some(1));
        }
    }

    #[test]
    fn lines_number_every_record_and_classify_non_json() {
        let text = "{\"firstname\":\"A\"}\r\n\n{oops\n  \n[1]\n";
        let out = parse(&lines_json(
            SchemaKind::Create,
            text,
            10,
            &Options::default(),
        ));
        let results = out["results"].as_array().unwrap();
        let lines: Vec<_> = results.iter().map(|r| r["line"].clone()).collect();
        assert_eq!(lines, vec![json!(10), json!(12), json!(14)]);
        assert_eq!(results[0]["success"], true);
        let issue = &results[1]["error"]["issues"][0];
        assert_eq!(issue["code"], "invalid_format");
        assert_eq!(issue["format"], "json");
        assert_eq!(
            issue["message"],
            "This is not valid JSON: unexpected text at line 1, column 2"
        );
        assert_eq!(results[2]["error"]["issues"][0]["code"], "invalid_type");
        assert_eq!(out["summary"]["total"], 3);
        assert_eq!(out["summary"]["invalid"], 2);
    }

    #[test]
    fn a_text_that_is_not_json_says_where_the_parser_stopped() {
        let message = |text| {
            let out = parse(&many_text_json(
                SchemaKind::Create,
                text,
                &Options::default(),
            ));
            out["error"]["issues"][0]["message"].clone()
        };
        assert_eq!(
            message("[{\"firstname\": \"A\"},\n  {oops}]"),
            "This is not valid JSON: unexpected text at line 2, column 4"
        );
        assert_eq!(
            message("[{\"firstname\": "),
            "This is not valid JSON: it ends too early, at line 1, column 15"
        );
    }

    #[test]
    fn bad_postal_codes_and_states_are_counted_by_the_address_country() {
        let address = |postal_code: &str, state: &str, country: &str| {
            json!({"address": {"street": "1 Main St", "city": "Springfield",
                "state": state, "postalCode": postal_code, "country": country}})
        };
        let records = [
            address("12", "CA", "US"),
            address("94105", "Californa", "usa"),
            address("10001", "CA", "United States"),
            address("SW1A 1AA", "London", "GB"),
            address("SW1A", "London", "gb"),
            address("X", "London", "Atlantis"),
            address("75001", "Paris", "FR"),
        ];
        let text = serde_json::to_string(&records).unwrap();
        let ndjson: String = records.iter().map(|r| format!("{r}\n")).collect();
        for out in [
            many_text_json(SchemaKind::Create, &text, &Options::default()),
            many_text_wire(SchemaKind::Create, &text, &Options::default()),
            lines_json(SchemaKind::Create, &ndjson, 1, &Options::default()),
        ] {
            let summary = out.rsplit_once("\u{2}").map_or(&out[..], |(_, s)| s);
            let summary = &parse(summary)["summary"];
            assert_eq!(
                summary["countries"],
                json!([
                    // 12: not a ZIP code; Californa: no state; 10001: not in CA.
                    {"country": "US", "postalCode": 2, "state": 1},
                    // Too short, and no country to judge it by.
                    {"country": null, "postalCode": 1, "state": 0},
                    {"country": "GB", "postalCode": 1, "state": 0},
                ]),
                "{out}"
            );
            assert_eq!(summary["invalid"], 5);
        }
        let valid = parse(&many_text_json(
            SchemaKind::Create,
            "[{\"firstname\": \"A\"}, {\"email\": 1}]",
            &Options::default(),
        ));
        assert_eq!(valid["summary"].get("countries"), None);
    }

    #[test]
    fn summary_counts_by_path_and_code_most_frequent_first() {
        let inputs = vec![
            json!({"tags": ["", " "], "email": 1}),
            json!({"email": 2}),
            json!({"firstname": "ok"}),
        ];
        let batch = CreateCustomerSchema::safe_parse_many(&inputs, &Options::default());
        assert_eq!(batch.summary.total, 3);
        assert_eq!(batch.summary.valid, 1);
        assert_eq!(batch.summary.invalid, 2);
        let issues = batch.summary.issues();
        assert_eq!(
            issues[0],
            IssueCount {
                path: "email".into(),
                code: "invalid_type",
                count: 2
            }
        );
        assert_eq!(issues[1].path, "tags[*]");
        assert_eq!(issues[1].count, 2);
    }
}
