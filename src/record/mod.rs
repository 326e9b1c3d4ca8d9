//! Record assembly: the three schemas, and the driver that applies the
//! rules to whole records (defaults, unknown keys, rules that span fields,
//! and warnings).
//!
//! One driver (`driver`) serves all three schemas. It reads the record
//! field by field in the table's order (`crate::fields`), hands each value
//! to the rule family its kind names (`crate::rules`), attaches the path to
//! what the rule reports, and gathers every issue (it never stops at the
//! first). The schemas differ only in their presence columns and in whether
//! defaults apply: Update applies none, because a partial update must never
//! overwrite a stored value with a default.

use crate::fields::{CreateCustomer, Customer, UpdateCustomer};
use crate::fields::{Field, Fields, Presence, PLANS};
use crate::input::{Plan, Reader, Source, Value};
use crate::issue::Issue;
use crate::options::{Options, UnknownKeys};
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::Value as Json;

pub mod batch;
pub(crate) mod driver;
pub mod focus;
pub mod form;

pub use batch::{Batch, CountryCount, IssueCount, Summary};

/// Which of the three schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SchemaKind {
    /// A stored customer: `id` and timestamps required, defaults applied.
    Customer,
    /// A new customer: no `id`, `channelId` or timestamps; defaults applied.
    Create,
    /// A partial update: `id` required, everything else optional, no defaults.
    Update,
}

impl SchemaKind {
    /// Reads `"customer"`, `"create"` or `"update"`.
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "customer" => Some(SchemaKind::Customer),
            "create" => Some(SchemaKind::Create),
            "update" => Some(SchemaKind::Update),
            _ => None,
        }
    }

    /// Its presence column in the field table.
    pub(crate) fn column(self) -> usize {
        self as usize
    }

    /// How this schema's record has `field`.
    pub fn presence(self, field: Field) -> Presence {
        field.spec().presence[self.column()]
    }

    /// Whether this schema's record has `field` at all.
    pub fn has(self, field: Field) -> bool {
        self.presence(field) != Presence::Omitted
    }

    /// The record's fields, in the table's order, with how the input reader
    /// reads each.
    pub fn plan(self) -> &'static [(&'static str, Plan)] {
        PLANS[self.column()]
    }

    /// True for Customer and Create; an update applies no defaults.
    pub fn applies_defaults(self) -> bool {
        self != SchemaKind::Update
    }
}

/// The outcome of `safe_parse`: the normalised record, or every issue; and
/// the warnings in both cases.
#[derive(Debug, Clone, PartialEq)]
pub enum SafeParse<T> {
    Success {
        data: T,
        warnings: Vec<Issue>,
    },
    Failure {
        issues: Vec<Issue>,
        warnings: Vec<Issue>,
    },
}

impl<T> SafeParse<T> {
    pub fn is_success(&self) -> bool {
        matches!(self, SafeParse::Success { .. })
    }

    pub fn warnings(&self) -> &[Issue] {
        match self {
            SafeParse::Success { warnings, .. } | SafeParse::Failure { warnings, .. } => warnings,
        }
    }

    /// The record, or the issues.
    pub fn into_result(self) -> Result<T, Vec<Issue>> {
        match self {
            SafeParse::Success { data, .. } => Ok(data),
            SafeParse::Failure { issues, .. } => Err(issues),
        }
    }
}

/// Zod's result shape: `{ success: true, data, warnings }` or
/// `{ success: false, error: { issues }, warnings }`.
impl<T: Serialize> Serialize for SafeParse<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(serde::Serialize)]
        struct Error<'a> {
            issues: &'a [Issue],
        }
        let mut map = serializer.serialize_map(Some(3))?;
        match self {
            SafeParse::Success { data, warnings } => {
                map.serialize_entry("success", &true)?;
                map.serialize_entry("data", data)?;
                map.serialize_entry("warnings", warnings)?;
            }
            SafeParse::Failure { issues, warnings } => {
                map.serialize_entry("success", &false)?;
                map.serialize_entry("error", &Error { issues })?;
                map.serialize_entry("warnings", warnings)?;
            }
        }
        map.end()
    }
}

/// A schema: reads any [`Source`] and builds its record type.
pub trait Schema {
    type Output: Serialize;
    const KIND: SchemaKind;

    #[doc(hidden)]
    fn build(fields: Fields) -> Self::Output;

    /// Validates and normalises `input`, reporting every issue.
    fn safe_parse(input: &Json, options: &Options) -> SafeParse<Self::Output> {
        Self::safe_parse_source(input, options)
    }

    /// [`Schema::safe_parse`] for any input host (JSON, JavaScript).
    fn safe_parse_source<S: Source>(input: S, options: &Options) -> SafeParse<Self::Output> {
        Self::safe_parse_value(&read_record(Self::KIND, input, options), options)
    }

    /// [`Schema::safe_parse`] for an input already read into a [`Value`].
    fn safe_parse_value(input: &Value, options: &Options) -> SafeParse<Self::Output> {
        let mut run = driver::Run::new(Self::KIND, options);
        let fields = run.record(input);
        run.finish::<Self>(fields)
    }

    /// Validates every input on its own (one bad record never fails the
    /// others) and sums up the batch.
    fn safe_parse_many(inputs: &[Json], options: &Options) -> Batch<Self::Output>
    where
        Self: Sized,
    {
        batch::parse_many::<Self>(inputs, options)
    }

    /// The record, or the issues (warnings dropped).
    fn parse(input: &Json, options: &Options) -> Result<Self::Output, Vec<Issue>> {
        Self::safe_parse(input, options).into_result()
    }

    /// Whether `input` is valid: its warnings when it is, else every issue.
    /// (The same check as [`Schema::safe_parse`], for a caller that keeps
    /// its own copy of the input.)
    fn validate(input: &Json, options: &Options) -> Result<Vec<Issue>, Vec<Issue>> {
        match Self::safe_parse(input, options) {
            SafeParse::Success { warnings, .. } => Ok(warnings),
            SafeParse::Failure { issues, .. } => Err(issues),
        }
    }
}

/// Declares a schema: its type, its kind and its record.
macro_rules! schema {
    ($(#[$meta:meta])* $schema:ident => $output:ident, $kind:ident) => {
        $(#[$meta])*
        pub struct $schema;

        impl Schema for $schema {
            type Output = $output;
            const KIND: SchemaKind = SchemaKind::$kind;

            fn build(fields: Fields) -> $output {
                $output::build(fields)
            }
        }
    };
}

schema!(
    /// `CustomerSchema`: a stored customer.
    CustomerSchema => Customer, Customer
);
schema!(
    /// `CreateCustomerSchema`: a customer to create.
    CreateCustomerSchema => CreateCustomer, Create
);
schema!(
    /// `UpdateCustomerSchema`: a partial update.
    UpdateCustomerSchema => UpdateCustomer, Update
);

/// Reads a record's input under the reader's bounds, as `kind` plans it.
pub fn read_record<S: Source>(kind: SchemaKind, input: S, options: &Options) -> Value {
    let keep_unknown = options.unknown_keys == UnknownKeys::Passthrough;
    Reader::new(keep_unknown).read(input, Plan::Record(kind.plan()), 0)
}
