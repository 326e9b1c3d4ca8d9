//! Output: a record's result written for its reader, as JSON text (a
//! command-line tool, a server) or as wire text (the WebAssembly boundary),
//! a batch's results record by record, and the schemas described as JSON
//! Schema and TypeScript declarations.

pub mod batch;
pub mod check;
pub mod json_schema;
pub mod typescript;
pub mod wire;

use crate::input::Source;
use crate::input::Value;
use crate::options::Options;
use crate::problem::Problem;
use crate::record::driver::Run;
use crate::record::{
    read_record, CreateCustomerSchema, CustomerSchema, SafeParse, SchemaKind, Summary,
    UpdateCustomerSchema,
};
use serde::Serialize;

/// Validates with the schema named at run time, returning the result as
/// JSON text (what a command-line tool prints; the WebAssembly boundary
/// sends a valid record's result as wire text instead: [`safe_parse_wire`]).
pub fn safe_parse_json<S: Source>(kind: SchemaKind, input: S, options: &Options) -> String {
    let input = read_record(kind, input, options);
    result_text(kind, &input, options, false, None)
}

/// Validates with the schema named at run time, for the WebAssembly
/// boundary: the result of a valid record as wire text (see [`wire`]), when
/// it has that form, else as JSON text.
pub fn safe_parse_wire<S: Source>(kind: SchemaKind, input: S, options: &Options) -> String {
    let input = read_record(kind, input, options);
    result_text(kind, &input, options, true, None)
}

/// Validates one record given as JSON text (bytes, for the WebAssembly
/// boundary: a request body, a file), returning the result as
/// [`safe_parse_wire`] does. Text that is not JSON (or not UTF-8) is one
/// `invalid_format` issue at the record, with where the check stopped.
/// The text is read in place ([`crate::input::json_text`]: no generic tree,
/// no recursion on the input's nesting).
pub fn safe_parse_json_text_wire(kind: SchemaKind, text: &[u8], options: &Options) -> String {
    // Checked as UTF-8 first (the reader takes text: a string's bytes need
    // no second check).
    let text = match std::str::from_utf8(text) {
        Ok(text) => text,
        Err(error) => {
            let before = text.get(..error.valid_up_to()).unwrap_or_default();
            let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
            let line_start = before
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |at| at + 1);
            let column = 1 + before.len() - line_start;
            let issue = Problem::NotUtf8 { line, column }.at_in(Vec::new(), &options.messages);
            return crate::issue::failure_json(&issue);
        }
    };
    match crate::input::json_text::JsonText::parse(text) {
        Ok(value) => safe_parse_wire(kind, value.root(), options),
        Err(error) => crate::issue::failure_json(&batch::not_json(&error, options)),
    }
}

/// The result of a record already read (see [`read_record`]), as text:
/// JSON, or wire text when `wire` allows it and the result has that form.
/// A batch's `summary` counts it.
pub(crate) fn result_text(
    kind: SchemaKind,
    input: &Value,
    options: &Options,
    wire: bool,
    summary: Option<&mut Summary>,
) -> String {
    let mut run = Run::new(kind, options);
    let fields = run.record(input);
    run.settle();
    if let Some(summary) = summary {
        summary.add_outcome(
            run.issues.is_empty(),
            &run.issues,
            !run.warnings.is_empty(),
            run.address_country,
        );
    }
    if wire && run.issues.is_empty() && run.warnings.is_empty() {
        if let Some(text) = wire::success_text(kind, &fields) {
            return text;
        }
    }
    match kind {
        SchemaKind::Customer => result_json(&run.finish::<CustomerSchema>(fields)),
        SchemaKind::Create => result_json(&run.finish::<CreateCustomerSchema>(fields)),
        SchemaKind::Update => result_json(&run.finish::<UpdateCustomerSchema>(fields)),
    }
}

/// The JSON text of one result. (Not inlined: `result_text` calls it once
/// per schema, and three copies of it cost 0.2 kB gzip in the module.)
#[inline(never)]
pub fn result_json<T: Serialize>(result: &SafeParse<T>) -> String {
    // Room for a typical record up front saves growing the buffer several times.
    let mut out = Vec::with_capacity(RESULT_CAPACITY);
    // Serialising these types cannot fail (all map keys are strings, and
    // serde_json writes UTF-8); if it ever did, say so in the result's own
    // shape. (Not with the error's own text: see `batch::not_json`.)
    match serde_json::to_writer(&mut out, result).map(|()| String::from_utf8(out)) {
        Ok(Ok(text)) => text,
        _ => crate::issue::failure_json(&Problem::Internal.at(Vec::new())),
    }
}

/// Bytes reserved for a result's JSON text: a full customer record fits.
const RESULT_CAPACITY: usize = 1024;

#[cfg(test)]
mod tests {
    use super::*;

    fn issue_of(text: &[u8]) -> serde_json::Value {
        let out = safe_parse_json_text_wire(SchemaKind::Create, text, &Options::default());
        let result: serde_json::Value = serde_json::from_str(&out).unwrap();
        result["error"]["issues"][0].clone()
    }

    #[test]
    fn bytes_that_are_not_utf8_are_one_issue_naming_where() {
        let issue = issue_of(b"{\n  \"firstname\": \"J\xffne\"}");
        assert_eq!(issue["format"], "json");
        assert_eq!(issue["path"], serde_json::json!([]));
        assert_eq!(
            issue["message"],
            "This is not text: the bytes are not UTF-8 from line 2, column 18"
        );
    }

    #[test]
    fn json_text_is_validated_as_the_value_it_holds() {
        let text = br#"{"firstname": " Jane ", "email": 5}"#;
        let out = safe_parse_json_text_wire(SchemaKind::Create, text, &Options::default());
        let value: serde_json::Value = serde_json::from_slice(text).unwrap();
        assert_eq!(
            out,
            safe_parse_json(SchemaKind::Create, &value, &Options::default())
        );
        assert_eq!(
            issue_of(b"{oops")["message"],
            "This is not valid JSON: unexpected text at line 1, column 2"
        );
    }
}
