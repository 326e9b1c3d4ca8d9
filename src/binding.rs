//! What the crate's own WebAssembly bindings (`customer-schema-wasm`, in
//! `wasm/` of this workspace) use of its internals, in one place.
//!
//! For those bindings only: hidden from the docs, not part of the public
//! API, and without any stability promise — anything here may change or go
//! in any release. Everything else the bindings use is public API, reached
//! by its normal path.
//!
//! The wire-text entry points answer a valid record as wire text, which
//! only the package's JavaScript adapter decodes (`customer-schema-wasm`'s
//! docs say which encoder goes with which decoder).

// The field names the JavaScript reader sends as indices, one per line
// and as a list.
pub use crate::fields::{FIELD_LIST, FIELD_NAMES};

// One record, and many, validated into wire text.
pub use crate::output::{
    batch::{many_source_wire, many_text_wire},
    safe_parse_json_text_wire, safe_parse_wire,
};

// The JSON text of a failure with one issue.
pub use crate::issue::failure_json;
