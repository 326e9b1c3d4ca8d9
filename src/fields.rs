//! The one table of the record's fields.
//!
//! Every fact about a field is written once, in the `fields!` table at the
//! bottom of this file: its wire name, its Rust name and type, whether each
//! schema requires it, offers it or omits it, its default, and its [`Kind`]
//! (which rule family reads it). Everything else is derived from the table:
//!
//! - the record types [`Customer`], [`CreateCustomer`] and
//!   [`UpdateCustomer`] (their members, serde names and presence);
//! - [`Field`], the field list of each schema and the plans the input
//!   reader follows ([`SchemaKind::plan`]);
//! - the driver's dispatch (`crate::record` reads a field by its kind and
//!   stores the value with `Fields::set`);
//! - the wire writer's field indexes and the JavaScript field-name list
//!   ([`FIELD_NAMES`]);
//! - the JSON Schema and the TypeScript declarations (`crate::output`).
//!
//! Why a `macro_rules!` table rather than a `const` array: a `const` table
//! can drive everything that runs (the driver, the writers, the schemas), but
//! not the declarations of the record structs, whose members must exist at
//! compile time for Rust callers to name them (`customer.email`). The macro
//! declares those members from the same rows, and also emits the rows as a
//! `const` array ([`FIELDS`]) for the code that walks fields at run time.
//!
//! Adding a field is one row here and, if no existing [`Kind`] fits, one
//! kind with its rule in `crate::rules` and its case in the driver
//! (`CONTRIBUTING.md` walks through it).
//!
//! [`Customer`]: crate::fields::Customer
//! [`CreateCustomer`]: crate::fields::CreateCustomer
//! [`UpdateCustomer`]: crate::fields::UpdateCustomer
//! [`SchemaKind::plan`]: crate::record::SchemaKind

use crate::input::Plan;
use crate::types::*;
use serde_json::{Map, Value as Json};

/// Whether a schema's record has a field, and how.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Presence {
    /// The input must give it; the record always has it.
    Required,
    /// The input may give it; the record has it when given (or defaulted).
    Optional,
    /// Not part of this schema: an unknown key.
    Omitted,
}

/// How the validator treats a field: the rule family that reads it, and
/// what JSON Schema and TypeScript can say about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A non-blank string, trimmed (`id`).
    Id,
    /// A string, trimmed, `null` when blank (`customerId`, `channelId`).
    NullableString,
    /// A phone number or `null`; E.164 out.
    Phone,
    /// A text field (no control characters, whitespace collapsed), `null`
    /// when blank (names).
    NullableText,
    /// A text field, absent when blank (`company`, `street2`).
    Text,
    /// An IANA time zone name.
    TimeZone,
    /// An email address.
    Email,
    /// An ISO 639-1 language code.
    Language,
    /// One of an enumeration's values, in any case; its names, in order.
    Choice(&'static [&'static str]),
    /// Kept exactly as given.
    Notes,
    /// A list of non-blank strings, deduplicated.
    Tags,
    /// A JSON object, bounded.
    CustomFields,
    /// The postal address (its own fields: [`ADDRESS_FIELDS`]).
    Address,
    Boolean,
    /// Integer Unix time in milliseconds.
    Timestamp,
    /// A required address line of at least [`ADDRESS_LINE_MINIMUM`]
    /// characters.
    AddressLine,
    /// An ISO 3166-1 country, alpha-2 out.
    Country,
}

/// A default that Customer and Create apply to a missing field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DefaultValue {
    Text(&'static str),
    /// A [`Kind::Choice`] value, by its name.
    Choice(&'static str),
    Bool(bool),
}

impl DefaultValue {
    /// As JSON (for JSON Schema's `default`).
    pub fn to_json(self) -> Json {
        match self {
            DefaultValue::Text(text) | DefaultValue::Choice(text) => Json::from(text),
            DefaultValue::Bool(b) => Json::Bool(b),
        }
    }

    /// As the value the driver stores.
    pub(crate) fn normal(self) -> Normal {
        match self {
            DefaultValue::Text(text) => Normal::Text(text.to_owned()),
            DefaultValue::Choice(name) => Normal::Choice(name),
            DefaultValue::Bool(b) => Normal::Bool(b),
        }
    }
}

/// One row of the table, as data.
#[derive(Debug, Clone, Copy)]
pub struct FieldSpec {
    /// The wire name (the key in JSON and JavaScript).
    pub name: &'static str,
    /// Presence in Customer, Create and Update, in that order.
    pub presence: [Presence; 3],
    pub kind: Kind,
    /// What Customer and Create fill in when it is missing (Update never
    /// applies defaults).
    pub default: Option<DefaultValue>,
}

/// A field's normalised value, as a rule family returns it; [`Fields::set`]
/// turns it into the field's Rust type.
pub(crate) enum Normal {
    Text(String),
    Nullable(Option<String>),
    /// An enumeration's value, by its canonical name.
    Choice(&'static str),
    Strings(Vec<String>),
    Object(Map<String, Json>),
    Address(Address),
    Bool(bool),
    Millis(u64),
}

/// A Rust type a field can have, read from a [`Normal`] of the matching
/// shape, and shown to a [`Visit`]or.
pub(crate) trait FieldValue: Sized {
    fn from_normal(value: Normal) -> Option<Self>;
    fn visit(this: &Option<Self>, field: u8, visitor: &mut dyn Visit);
}

/// What walks a record's values field by field (the wire writer), one
/// method per shape of value.
pub(crate) trait Visit {
    fn text(&mut self, field: u8, value: Option<&str>);
    fn nullable(&mut self, field: u8, value: Option<Option<&str>>);
    fn strings(&mut self, field: u8, value: Option<&[String]>);
    fn object(&mut self, field: u8, value: Option<&Map<String, Json>>);
    fn address(&mut self, field: u8, value: Option<&Address>);
    fn boolean(&mut self, field: u8, value: Option<bool>);
    fn millis(&mut self, field: u8, value: Option<u64>);
}

/// Implements [`FieldValue`] for a Rust type: the [`Normal`] variant it is
/// stored from, and how a visitor is shown it.
macro_rules! field_value {
    ($($ty:ty: $normal:ident, |$this:ident, $field:ident, $visitor:ident| $show:expr;)*) => {$(
        impl FieldValue for $ty {
            fn from_normal(value: Normal) -> Option<Self> {
                match value {
                    Normal::$normal(value) => Some(value),
                    _ => None,
                }
            }
            fn visit($this: &Option<Self>, $field: u8, $visitor: &mut dyn Visit) {
                $show
            }
        }
    )*};
}

field_value! {
    String: Text, |this, field, visitor| visitor.text(field, this.as_deref());
    Option<String>: Nullable, |this, field, visitor| {
        visitor.nullable(field, this.as_ref().map(Option::as_deref))
    };
    Vec<String>: Strings, |this, field, visitor| visitor.strings(field, this.as_deref());
    Map<String, Json>: Object, |this, field, visitor| visitor.object(field, this.as_ref());
    Address: Address, |this, field, visitor| visitor.address(field, this.as_ref());
    bool: Bool, |this, field, visitor| visitor.boolean(field, *this);
    u64: Millis, |this, field, visitor| visitor.millis(field, *this);
}

/// Implements [`FieldValue`] for an enumeration declared with `choice!`
/// (crate::types): read by name, shown as its name.
macro_rules! choice_field_value {
    ($($choice:ident),*) => {
        /// Each enumeration a field takes, by its type's name, with its
        /// values (for the TypeScript declarations).
        pub const CHOICES: &[(&str, &[&str])] = &[$((stringify!($choice), $choice::NAMES),)*];
        $(
        impl FieldValue for $choice {
            fn from_normal(value: Normal) -> Option<Self> {
                match value {
                    Normal::Choice(name) => <$choice>::named(name),
                    _ => None,
                }
            }
            fn visit(this: &Option<Self>, field: u8, visitor: &mut dyn Visit) {
                visitor.text(field, this.map(<$choice>::name));
            }
        }
    )*};
}

/// Reads a presence token of the table.
macro_rules! presence {
    (req) => {
        Presence::Required
    };
    (opt) => {
        Presence::Optional
    };
    (-) => {
        Presence::Omitted
    };
}

/// Reads the optional default of a row.
macro_rules! default_value {
    () => {
        None
    };
    ($default:expr) => {
        Some($default)
    };
}

/// Declares one record struct from the rows whose presence (for its
/// schema) is not `-`, and the function that builds it from [`Fields`].
/// A tt-muncher: each step takes one row and adds its member (`acc`) and
/// its initialiser (`init`).
macro_rules! record_struct {
    (@munch [$(#[$meta:meta])* $name:ident] $f:ident [$($acc:tt)*] [$($init:tt)*]) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, serde::Serialize)]
        pub struct $name {
            $($acc)*
            /// Keys the schema does not know, kept under
            /// `UnknownKeys::Passthrough` (empty otherwise).
            #[serde(flatten, skip_deserializing)]
            pub unknown_keys: Map<String, Json>,
        }

        impl $name {
            /// The record, from a valid input's fields. Required fields are
            /// present whenever this runs (a missing one is an issue, and
            /// records are only built when there are none).
            pub(crate) fn build($f: Fields) -> Self {
                $name { $($init)* unknown_keys: $f.unknown_keys }
            }
        }
    };
    (@munch $head:tt $f:ident [$($acc:tt)*] [$($init:tt)*] ($rust:ident $wire:literal ($ty:ty) -) $($rest:tt)*) => {
        record_struct!(@munch $head $f [$($acc)*] [$($init)*] $($rest)*);
    };
    (@munch $head:tt $f:ident [$($acc:tt)*] [$($init:tt)*] ($rust:ident $wire:literal ($ty:ty) req) $($rest:tt)*) => {
        record_struct!(@munch $head $f
            [$($acc)*
                #[serde(rename = $wire)]
                pub $rust: $ty,]
            [$($init)* $rust: $f.$rust.unwrap_or_default(),]
            $($rest)*);
    };
    (@munch $head:tt $f:ident [$($acc:tt)*] [$($init:tt)*] ($rust:ident $wire:literal ($ty:ty) opt) $($rest:tt)*) => {
        record_struct!(@munch $head $f
            [$($acc)*
                #[serde(rename = $wire, skip_serializing_if = "Option::is_none")]
                pub $rust: Option<$ty>,]
            [$($init)* $rust: $f.$rust,]
            $($rest)*);
    };
}

/// The table's macro: see the module documentation.
macro_rules! fields {
    (
        records: $customer:ident, $create:ident, $update:ident;
        $(
            $variant:ident $wire:literal $rust:ident: $ty:ty,
            [$c:tt $n:tt $u:tt] $kind:expr $(, default $default:expr)?;
        )*
    ) => {
        /// A record's fields, in the seed's order (the order of the table,
        /// of every record's output and of [`FIELD_NAMES`]).
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Field {
            $($variant,)*
        }

        /// The table's rows, by [`Field`].
        pub const FIELDS: &[FieldSpec] = &[
            $(FieldSpec {
                name: $wire,
                presence: [presence!($c), presence!($n), presence!($u)],
                kind: $kind,
                default: default_value!($($default)?),
            },)*
        ];

        impl Field {
            /// Every field, in table order.
            pub const ALL: &'static [Field] = &[$(Field::$variant,)*];

            /// The field a key names.
            pub fn named(key: &str) -> Option<Field> {
                match key {
                    $($wire => Some(Field::$variant),)*
                    _ => None,
                }
            }
        }

        /// Every field any schema has, normalised: what each schema's record
        /// is built from. Public only because `Schema::build` names it.
        #[doc(hidden)]
        #[derive(Default)]
        pub struct Fields {
            $(pub(crate) $rust: Option<$ty>,)*
            pub(crate) unknown_keys: Map<String, Json>,
        }

        impl Fields {
            /// Stores a field's value (one of the shape its type takes;
            /// a value of another shape would be a driver bug, and is
            /// dropped rather than stored wrongly).
            pub(crate) fn set(&mut self, field: Field, value: Normal) {
                match field {
                    $(Field::$variant => self.$rust = FieldValue::from_normal(value),)*
                }
            }

            /// Whether a field has a value.
            pub(crate) fn has(&self, field: Field) -> bool {
                match field {
                    $(Field::$variant => self.$rust.is_some(),)*
                }
            }

            /// Shows every field's value, in table order.
            pub(crate) fn visit(&self, visitor: &mut dyn Visit) {
                $(FieldValue::visit(&self.$rust, Field::$variant as u8, visitor);)*
            }
        }

        record_struct!(@munch [
            /// A stored customer (`CustomerSchema`).
            $customer
        ] f [] [] $(($rust $wire ($ty) $c))*);
        record_struct!(@munch [
            /// A customer to create (`CreateCustomerSchema`): no `id`,
            /// `channelId` or timestamps, which the server assigns.
            $create
        ] f [] [] $(($rust $wire ($ty) $n))*);
        record_struct!(@munch [
            /// A partial update (`UpdateCustomerSchema`): `id` and the fields
            /// to change; nothing is defaulted.
            $update
        ] f [] [] $(($rust $wire ($ty) $u))*);
    };
}

// The table. Presence columns: Customer, Create, Update (`req`uired,
// `opt`ional, `-` omitted). A nullable field's type is `Option<_>`.
fields! {
    records: Customer, CreateCustomer, UpdateCustomer;
    Id "id" id: String, [req - req] Kind::Id;
    CustomerId "customerId" customer_id: Option<String>, [opt opt opt] Kind::NullableString;
    PhoneNumber "phone_number" phone_number: Option<String>, [opt opt opt] Kind::Phone;
    Firstname "firstname" firstname: Option<String>, [opt opt opt] Kind::NullableText;
    Lastname "lastname" lastname: Option<String>, [opt opt opt] Kind::NullableText;
    Company "company" company: String, [opt opt opt] Kind::Text;
    Timezone "timezone" timezone: String, [opt opt opt] Kind::TimeZone;
    Email "email" email: String, [opt opt opt] Kind::Email;
    PreferredLanguage "preferred_language" preferred_language: String, [opt opt opt]
        Kind::Language, default DefaultValue::Text("en");
    PreferredContactMethod "preferred_contact_method" preferred_contact_method: PreferredContactMethod,
        [opt opt opt] Kind::Choice(PreferredContactMethod::NAMES), default DefaultValue::Choice("EMAIL");
    BestTimeToCall "best_time_to_call" best_time_to_call: BestTimeToCall, [opt opt opt] Kind::Choice(BestTimeToCall::NAMES);
    Notes "notes" notes: String, [opt opt opt] Kind::Notes;
    Tags "tags" tags: Vec<String>, [opt opt opt] Kind::Tags;
    CustomFields "custom_fields" custom_fields: Map<String, Json>, [opt opt opt] Kind::CustomFields;
    ChannelId "channelId" channel_id: Option<String>, [opt - -] Kind::NullableString;
    Address "address" address: Address, [opt opt opt] Kind::Address;
    IsValidatedNames "isValidatedNames" is_validated_names: bool, [opt opt opt]
        Kind::Boolean, default DefaultValue::Bool(false);
    CreatedAt "createdAt" created_at: u64, [req - -] Kind::Timestamp;
    UpdatedAt "updatedAt" updated_at: u64, [req - -] Kind::Timestamp;
}

choice_field_value!(PreferredContactMethod, BestTimeToCall);

/// Fewest characters a required address line has (after trimming).
pub const ADDRESS_LINE_MINIMUM: u64 = 2;

/// The address's fields, in output order. (The address is one struct with
/// fixed members, [`Address`]; its rows say how each is read.)
pub const ADDRESS_FIELDS: &[FieldSpec] = &{
    const fn line(name: &'static str, kind: Kind, presence: Presence) -> FieldSpec {
        FieldSpec {
            name,
            presence: [presence; 3],
            kind,
            default: None,
        }
    }
    use Presence::{Optional, Required};
    [
        line("street", Kind::AddressLine, Required),
        line("street2", Kind::Text, Optional),
        line("city", Kind::AddressLine, Required),
        line("state", Kind::AddressLine, Required),
        line("postalCode", Kind::AddressLine, Required),
        line("country", Kind::Country, Required),
    ]
};

impl Field {
    /// Its row.
    pub fn spec(self) -> &'static FieldSpec {
        &FIELDS[self as usize]
    }

    /// Its wire name.
    pub fn name(self) -> &'static str {
        self.spec().name
    }
}

/// Every field name, the address's included, once each, in table order
/// (the record's, then the address's), one per line: the WebAssembly
/// module's JavaScript reader sends these keys as their index, and its
/// wire text names fields by the same index.
pub const FIELD_NAMES: &str = {
    const LEN: usize = {
        let mut len = 0;
        let mut at = 0;
        while at < FIELDS.len() + ADDRESS_FIELDS.len() {
            len += field_at(at).name.len() + 1;
            at += 1;
        }
        len - 1
    };
    const BYTES: [u8; LEN] = {
        let mut bytes = [b'\n'; LEN];
        let mut at = 0;
        let mut out = 0;
        while at < FIELDS.len() + ADDRESS_FIELDS.len() {
            let name = field_at(at).name.as_bytes();
            let mut i = 0;
            while i < name.len() {
                bytes[out] = name[i];
                out += 1;
                i += 1;
            }
            out += 1;
            at += 1;
        }
        bytes
    };
    match std::str::from_utf8(&BYTES) {
        Ok(text) => text,
        Err(_) => panic!("field names are UTF-8"),
    }
};

/// [`FIELD_NAMES`] as a list, by index.
pub const FIELD_LIST: [&str; FIELDS.len() + ADDRESS_FIELDS.len()] = {
    let mut list = [""; FIELDS.len() + ADDRESS_FIELDS.len()];
    let mut at = 0;
    while at < list.len() {
        list[at] = field_at(at).name;
        at += 1;
    }
    list
};

/// The row at `index` in [`FIELD_NAMES`]' order.
const fn field_at(index: usize) -> &'static FieldSpec {
    if index < FIELDS.len() {
        &FIELDS[index]
    } else {
        &ADDRESS_FIELDS[index - FIELDS.len()]
    }
}

/// The index in [`FIELD_NAMES`] of the address's first field.
pub const ADDRESS_INDEX_BASE: u8 = FIELDS.len() as u8;

/// The reader's plan for the address: each of its fields a scalar.
pub(crate) const ADDRESS_PLAN: &[(&str, Plan)] = &{
    let mut plan = [("", Plan::Scalar); ADDRESS_FIELDS.len()];
    let mut at = 0;
    while at < ADDRESS_FIELDS.len() {
        plan[at] = (ADDRESS_FIELDS[at].name, Plan::Scalar);
        at += 1;
    }
    plan
};

/// How many fields a schema (by its presence column) has.
const fn count_of(column: usize) -> usize {
    let mut count = 0;
    let mut at = 0;
    while at < FIELDS.len() {
        if !matches!(FIELDS[at].presence[column], Presence::Omitted) {
            count += 1;
        }
        at += 1;
    }
    count
}

/// The reader's plan for a schema's record (by its presence column): its
/// fields in table order, each read whole but the address, which is read
/// as a record of its own, and the lists and objects read whole: every
/// other field holds one scalar (see [`Plan::Scalar`]).
const fn record_plan<const N: usize>(column: usize) -> [(&'static str, Plan); N] {
    let mut plan = [("", Plan::Whole); N];
    let mut at = 0;
    let mut out = 0;
    while at < FIELDS.len() {
        let row = &FIELDS[at];
        if !matches!(row.presence[column], Presence::Omitted) {
            let read = match row.kind {
                Kind::Address => Plan::Record(ADDRESS_PLAN),
                Kind::Tags | Kind::CustomFields => Plan::Whole,
                _ => Plan::Scalar,
            };
            plan[out] = (row.name, read);
            out += 1;
        }
        at += 1;
    }
    plan
}

/// The reader's plans of the three schemas' records, by presence column.
pub(crate) const PLANS: [&[(&str, Plan)]; 3] = [
    &record_plan::<{ count_of(0) }>(0),
    &record_plan::<{ count_of(1) }>(1),
    &record_plan::<{ count_of(2) }>(2),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_is_named_by_its_row_and_found_by_its_name() {
        for (index, field) in Field::ALL.iter().enumerate() {
            assert_eq!(*field as usize, index);
            assert_eq!(Field::named(field.name()), Some(*field));
        }
        assert_eq!(Field::named("street"), None);
        assert_eq!(Field::named("ID"), None);
    }

    #[test]
    fn field_names_are_the_record_s_then_the_address_s_one_per_line() {
        let names: Vec<&str> = FIELDS
            .iter()
            .chain(ADDRESS_FIELDS)
            .map(|f| f.name)
            .collect();
        assert_eq!(FIELD_NAMES.split('\n').collect::<Vec<_>>(), names);
        assert_eq!(FIELD_LIST.to_vec(), names);
        assert_eq!(usize::from(ADDRESS_INDEX_BASE), FIELDS.len());
    }

    #[test]
    fn each_plan_lists_its_schema_s_fields_in_table_order() {
        for (column, plan) in PLANS.iter().enumerate() {
            let expected: Vec<&str> = FIELDS
                .iter()
                .filter(|f| f.presence[column] != Presence::Omitted)
                .map(|f| f.name)
                .collect();
            let planned: Vec<&str> = plan.iter().map(|(name, _)| *name).collect();
            assert_eq!(planned, expected, "column {column}");
            for (name, plan) in *plan {
                assert_eq!(matches!(plan, Plan::Record(_)), *name == "address");
            }
        }
        let address: Vec<&str> = ADDRESS_PLAN.iter().map(|(n, _)| *n).collect();
        assert_eq!(
            address,
            [
                "street",
                "street2",
                "city",
                "state",
                "postalCode",
                "country"
            ]
        );
    }

    #[test]
    fn record_types_serialize_every_member_under_its_wire_name() {
        // The Customer record with every field given serialises to the
        // table's names, in table order.
        let json = serde_json::to_value(Customer::build(full())).unwrap();
        let keys: Vec<&str> = json
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let names: Vec<&str> = FIELDS.iter().map(|f| f.name).collect();
        assert_eq!(keys, names);
        // Create and Update leave out their omitted fields.
        for (column, json) in [
            (
                1,
                serde_json::to_value(CreateCustomer::build(full())).unwrap(),
            ),
            (
                2,
                serde_json::to_value(UpdateCustomer::build(full())).unwrap(),
            ),
        ] {
            let keys: Vec<&str> = json
                .as_object()
                .unwrap()
                .keys()
                .map(String::as_str)
                .collect();
            let names: Vec<&str> = FIELDS
                .iter()
                .filter(|f| f.presence[column] != Presence::Omitted)
                .map(|f| f.name)
                .collect();
            assert_eq!(keys, names, "column {column}");
        }
    }

    /// Every field set, by the driver's own `set`.
    fn full() -> Fields {
        let mut f = Fields::default();
        for &field in Field::ALL {
            let value = match field.spec().kind {
                Kind::Id
                | Kind::Text
                | Kind::TimeZone
                | Kind::Email
                | Kind::Language
                | Kind::Notes => Normal::Text("x".into()),
                Kind::NullableString | Kind::NullableText | Kind::Phone => Normal::Nullable(None),
                Kind::Choice(names) => Normal::Choice(names[0]),
                Kind::Tags => Normal::Strings(vec![]),
                Kind::CustomFields => Normal::Object(Map::new()),
                Kind::Address => Normal::Address(Address {
                    street: "1 Main St".into(),
                    street2: None,
                    city: "Town".into(),
                    state: "ST".into(),
                    postal_code: "12345".into(),
                    country: "US".into(),
                    unknown_keys: Map::new(),
                }),
                Kind::Boolean => Normal::Bool(true),
                Kind::Timestamp => Normal::Millis(1),
                Kind::AddressLine | Kind::Country => unreachable!("not a record field"),
            };
            f.set(field, value);
            assert!(f.has(field), "{field:?}");
        }
        f
    }
}
