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

#[macro_use]
pub mod issue;
pub mod fields;
pub mod input;
pub mod options;
pub mod output;
pub mod phone;
pub mod record;
pub mod rules;
pub(crate) mod tables;
pub mod types;
// The WebAssembly module's allocator (tested natively).
#[cfg(any(target_arch = "wasm32", test))]
mod small_blocks;
#[cfg(target_arch = "wasm32")]
mod wasm;

// Only in the single-threaded WebAssembly module (see `small_blocks`).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: small_blocks::SmallBlocks = small_blocks::SmallBlocks::new();

// The modules' earlier paths.
#[doc(hidden)]
pub use input as value;
pub use output::{batch, json_schema};
#[doc(hidden)]
pub use record as schema;

pub use issue::{Format, Issue, IssueKind, Origin, Path, PathItem, Rule};
pub use options::{OptionError, Options, UnknownKeys};
pub use output::safe_parse_json;
pub use record::{
    Batch, CreateCustomerSchema, CustomerSchema, IssueCount, SafeParse, Schema, SchemaKind,
    Summary, UpdateCustomerSchema,
};
pub use types::{
    Address, BestTimeToCall, CreateCustomer, Customer, PreferredContactMethod, UpdateCustomer,
};
