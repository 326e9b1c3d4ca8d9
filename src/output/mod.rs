//! Output: a record's result written for its reader, as JSON text (a
//! command-line tool, a server) or as wire text (the WebAssembly boundary),
//! a batch's results record by record, and the schemas described as JSON
//! Schema and TypeScript declarations.

pub mod batch;
pub mod json_schema;
pub mod typescript;
pub mod wire;

use crate::input::Source;
use crate::input::Value;
use crate::issue::Issue;
use crate::options::Options;
use crate::problem::Problem;
use crate::record::driver::Run;
use crate::record::{
    read_record, CreateCustomerSchema, CustomerSchema, SafeParse, SchemaKind, UpdateCustomerSchema,
};
use serde::Serialize;

/// Validates with the schema named at run time, returning the result as
/// JSON text (what a command-line tool prints; the WebAssembly boundary
/// sends a valid record's result as wire text instead: [`safe_parse_wire`]).
pub fn safe_parse_json<S: Source>(kind: SchemaKind, input: S, options: &Options) -> String {
    let input = read_record(kind, input, options);
    result_text(kind, &input, options, false, &mut |_, _, _| {})
}

/// Validates with the schema named at run time, for the WebAssembly
/// boundary: the result of a valid record as wire text (see [`wire`]), when
/// it has that form, else as JSON text.
pub fn safe_parse_wire<S: Source>(kind: SchemaKind, input: S, options: &Options) -> String {
    let input = read_record(kind, input, options);
    result_text(kind, &input, options, true, &mut |_, _, _| {})
}

/// The result of a record already read (see [`read_record`]), as text:
/// JSON, or wire text when `wire` allows it and the result has that form.
/// `outcome` is told whether the record is valid, its issues, and whether
/// it has warnings (a batch counts them).
pub(crate) fn result_text(
    kind: SchemaKind,
    input: &Value,
    options: &Options,
    wire: bool,
    outcome: &mut dyn FnMut(bool, &[Issue], bool),
) -> String {
    let mut run = Run::new(kind, options);
    let fields = run.record(input);
    outcome(run.issues.is_empty(), &run.issues, !run.warnings.is_empty());
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
