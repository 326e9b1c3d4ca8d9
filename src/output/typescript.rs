//! The TypeScript declarations of the records, written from the field table.
//!
//! Two types per schema, both from the same rows as the Rust records:
//!
//! - the output (`Customer`, `CreateCustomer`, `UpdateCustomer`): what a
//!   valid result's `data` holds. A field is present when the schema
//!   requires it or fills in its default, optional otherwise;
//! - the input (`CustomerInput`, …): what may be sent, before normalising.
//!   Required fields are required; every other field may be left out or
//!   be `undefined` (which the reader treats as absent, so the types hold
//!   under `exactOptionalPropertyTypes` too). An enumeration takes its
//!   values in any case, so its input is any string, its values offered
//!   first.
//!
//! The npm package's `.d.ts` carries this text (the WebAssembly crate's
//! build script writes it); `tests/typescript.rs` pins a few lines of it,
//! and the package's type tests compile real clients against it.

use crate::fields::{FieldSpec, Kind, Presence, ADDRESS_FIELDS, CHOICES, FIELDS};
use crate::record::SchemaKind;
use std::fmt::Write as _;

/// Output or input.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Output,
    Input,
}

/// The schemas, with their type names and what each is for.
const RECORDS: [(SchemaKind, &str, &str); 3] = [
    (
        SchemaKind::Customer,
        "Customer",
        "A stored customer (`CustomerSchema`): `id`, `createdAt` and `updatedAt` required.",
    ),
    (
        SchemaKind::Create,
        "CreateCustomer",
        "A customer to create (`CreateCustomerSchema`): no `id`, `channelId` or timestamps, \
         which the server assigns; defaults applied.",
    ),
    (
        SchemaKind::Update,
        "UpdateCustomer",
        "A partial update (`UpdateCustomerSchema`): `id` and the fields to change; nothing \
         is defaulted.",
    ),
];

/// The declarations: the enumerations, then the address and each record,
/// output and input.
pub fn declarations() -> String {
    let mut out = String::from(
        "// The records' types, written by the validator from its field table \
         (src/fields.rs).\n",
    );
    for (name, values) in CHOICES {
        let union = values
            .iter()
            .map(|value| format!("\"{value}\""))
            .collect::<Vec<_>>()
            .join(" | ");
        let _ = writeln!(out, "\nexport type {name} = {union};");
    }
    interface(
        &mut out,
        "Address",
        "A postal address; `country` is an ISO 3166-1 alpha-2 code.",
        Side::Output,
        ADDRESS_FIELDS
            .iter()
            .map(|spec| (spec, spec.presence[0] == Presence::Required)),
    );
    interface(
        &mut out,
        "AddressInput",
        "An address as it may be sent (`country`: a code or English name, in any case).",
        Side::Input,
        ADDRESS_FIELDS
            .iter()
            .map(|spec| (spec, spec.presence[0] == Presence::Required)),
    );
    for (kind, name, doc) in RECORDS {
        let column = kind.column();
        let present = |spec: &FieldSpec, side| {
            spec.presence[column] == Presence::Required
                || (side == Side::Output && spec.default.is_some() && kind.applies_defaults())
        };
        let rows = |side| {
            FIELDS
                .iter()
                .filter(move |spec| spec.presence[column] != Presence::Omitted)
                .map(move |spec| (spec, present(spec, side)))
        };
        interface(&mut out, name, doc, Side::Output, rows(Side::Output));
        let input_doc = format!("What `{name}`'s schema accepts, before normalising.");
        interface(
            &mut out,
            &format!("{name}Input"),
            &input_doc,
            Side::Input,
            rows(Side::Input),
        );
    }
    out
}

/// One `interface` of `rows` (each with whether it is always present).
fn interface<'a>(
    out: &mut String,
    name: &str,
    doc: &str,
    side: Side,
    rows: impl Iterator<Item = (&'a FieldSpec, bool)>,
) {
    let _ = writeln!(out, "\n/** {doc} */\nexport interface {name} {{");
    for (spec, present) in rows {
        let ty = ts_type(spec.kind, side);
        match (present, side) {
            (true, _) => {
                let _ = writeln!(out, "  {}: {ty};", spec.name);
            }
            (false, Side::Output) => {
                let _ = writeln!(out, "  {}?: {ty};", spec.name);
            }
            (false, Side::Input) => {
                let _ = writeln!(out, "  {}?: {ty} | undefined;", spec.name);
            }
        }
    }
    out.push_str("}\n");
}

/// The TypeScript type of a field of `kind`.
fn ts_type(kind: Kind, side: Side) -> String {
    let input = side == Side::Input;
    match kind {
        Kind::Id
        | Kind::Text
        | Kind::TimeZone
        | Kind::Email
        | Kind::Language
        | Kind::Notes
        | Kind::AddressLine
        | Kind::Country => "string".into(),
        Kind::NullableString | Kind::Phone | Kind::NullableText => "string | null".into(),
        Kind::Choice(values) => {
            let name = CHOICES
                .iter()
                .find(|(_, listed)| *listed == values)
                .map(|(name, _)| (*name).to_owned())
                .unwrap_or_else(|| "string".into());
            if input {
                // Any case is read: the values first, for editors' completion.
                format!("{name} | (string & {{}})")
            } else {
                name
            }
        }
        Kind::Tags if input => "readonly string[]".into(),
        Kind::Tags => "string[]".into(),
        Kind::CustomFields => "Record<string, unknown>".into(),
        Kind::Address if input => "AddressInput".into(),
        Kind::Address => "Address".into(),
        Kind::Boolean => "boolean".into(),
        Kind::Timestamp => "number".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn interface_of<'a>(text: &'a str, name: &str) -> &'a str {
        let start = text
            .find(&format!("export interface {name} {{"))
            .unwrap_or_else(|| panic!("no interface {name}"));
        let end = start + text[start..].find("\n}\n").unwrap();
        &text[start..end]
    }

    #[test]
    fn defaulted_fields_are_present_in_the_outputs_that_apply_defaults() {
        let text = declarations();
        for name in ["Customer", "CreateCustomer"] {
            let body = interface_of(&text, name);
            assert!(body.contains("\n  preferred_language: string;"), "{name}");
            assert!(body.contains("\n  preferred_contact_method: PreferredContactMethod;"));
            assert!(body.contains("\n  isValidatedNames: boolean;"), "{name}");
        }
        let update = interface_of(&text, "UpdateCustomer");
        assert!(update.contains("\n  preferred_language?: string;"));
        assert!(update.contains("\n  id: string;"));
    }

    #[test]
    fn inputs_take_what_may_be_sent() {
        let text = declarations();
        let create = interface_of(&text, "CreateCustomerInput");
        assert!(create.contains("\n  phone_number?: string | null | undefined;"));
        assert!(create.contains(
            "\n  preferred_contact_method?: PreferredContactMethod | (string & {}) | undefined;"
        ));
        assert!(create.contains("\n  address?: AddressInput | undefined;"));
        assert!(!create.contains("createdAt"), "Create has no timestamps");
        let customer = interface_of(&text, "CustomerInput");
        assert!(customer.contains("\n  createdAt: number;"));
        let address = interface_of(&text, "AddressInput");
        assert!(address.contains("\n  street: string;"));
        assert!(address.contains("\n  street2?: string | undefined;"));
    }

    /// The members an interface declares, in order.
    fn members(body: &str) -> Vec<&str> {
        body.lines()
            .skip(1)
            .filter_map(|line| line.trim().split([':', '?']).next())
            .collect()
    }

    #[test]
    fn each_schema_declares_its_fields_in_table_order_once() {
        let text = declarations();
        for (kind, name, _) in RECORDS {
            let expected: Vec<&str> = FIELDS
                .iter()
                .filter(|spec| spec.presence[kind.column()] != Presence::Omitted)
                .map(|spec| spec.name)
                .collect();
            assert_eq!(members(interface_of(&text, name)), expected, "{name}");
            let input = format!("{name}Input");
            assert_eq!(members(interface_of(&text, &input)), expected, "{input}");
        }
        let address: Vec<&str> = ADDRESS_FIELDS.iter().map(|spec| spec.name).collect();
        assert_eq!(members(interface_of(&text, "Address")), address);
        assert_eq!(members(interface_of(&text, "AddressInput")), address);
    }

    #[test]
    fn enumerations_list_their_values() {
        let text = declarations();
        assert!(
            text.contains("export type PreferredContactMethod = \"EMAIL\" | \"PHONE\" | \"SMS\";")
        );
        assert!(text
            .contains("export type BestTimeToCall = \"MORNING\" | \"AFTERNOON\" | \"EVENING\";"));
    }
}
