//! # customer-schema
//!
//! The Customer record's schema and every rule about it, in one place, so
//! that a browser form (through the WebAssembly npm package), a Node.js
//! server and a Rust service check and normalise customers with exactly the
//! same logic.
//!
//! ```
//! use customer_schema::{CreateCustomerSchema, Options, Schema};
//! use serde_json::json;
//!
//! let input = json!({
//!     "firstname": "  Jane ",
//!     "email": "Jane.Doe@EXAMPLE.com",
//!     "phone_number": "(415) 555-2671",
//!     "address": {
//!         "street": "1 Market St", "city": "San Francisco", "state": "CA",
//!         "postalCode": "94105", "country": "usa"
//!     }
//! });
//! let customer = CreateCustomerSchema::parse(&input, &Options::default()).unwrap();
//! assert_eq!(customer.firstname, Some(Some("Jane".to_string())));
//! assert_eq!(customer.email.as_deref(), Some("Jane.Doe@example.com"));
//! assert_eq!(customer.phone_number, Some(Some("+14155552671".to_string())));
//! assert_eq!(customer.preferred_language.as_deref(), Some("en")); // default
//! ```
//!
//! Validation never stops at the first problem and never panics on input:
//! [`Schema::safe_parse`] returns the normalised record or every [`Issue`]
//! (in Zod 4's shape), plus warnings that do not fail validation.
//!
//! Layout, in the order a record goes through it: [`input`] reads any
//! input into a bounded tree; [`rules`] holds one module per rule family;
//! [`record`] applies them to whole records (the three schemas, defaults,
//! cross-field rules, warnings); [`output`] writes results as JSON or wire
//! text, batches, JSON Schema. [`fields`] is the one table of the record's
//! fields from which the record [`types`] and every list of fields are
//! derived.
//!
//! This crate is a plain Rust library, on every target (wasm32 included):
//! it installs no global allocator and depends on neither `wasm-bindgen`
//! nor `js-sys`. The npm package's WebAssembly module is built from a
//! separate crate of this workspace, `customer-schema-wasm` (`wasm/`),
//! which owns what only that module needs: the JavaScript boundary and its
//! glue, and the module's memory allocator. It reaches this crate's
//! internals through the hidden `binding` module only. The records'
//! TypeScript declarations are written from the field table
//! ([`output::typescript`]); the optional `tsify` feature (enabled by that
//! crate) derives those of the issues and options.

#[macro_use]
pub mod issue;
#[doc(hidden)]
pub mod binding;
pub mod fields;
pub mod input;
pub mod messages;
pub mod options;
pub mod output;
pub mod phone;
pub mod problem;
pub mod record;
pub mod rules;
pub(crate) mod tables;
pub mod types;
// The modules' earlier paths.
#[doc(hidden)]
pub use input as value;
pub use output::{batch, json_schema};
#[doc(hidden)]
pub use record as schema;

pub use fields::{CreateCustomer, Customer, UpdateCustomer};
pub use issue::{Format, Issue, IssueKind, Origin, Path, PathItem, Rule};
pub use options::{OptionError, Options, UnknownKeys};
pub use output::safe_parse_json;
pub use problem::Problem;
pub use record::{
    Batch, CountryCount, CreateCustomerSchema, CustomerSchema, IssueCount, SafeParse, Schema,
    SchemaKind, Summary, UpdateCustomerSchema,
};
pub use types::{Address, BestTimeToCall, PreferredContactMethod};
