//! Form data in the record's shape.
//!
//! An HTML form submits names and texts (`FormData`, `URLSearchParams`, a
//! urlencoded or multipart body); the schemas read a record. Every form
//! would write the same translation, so it is here, driven by the field
//! table, for the package's `fromFormData`:
//!
//! - a dotted name nests one level into a field that is an object:
//!   `address.city`, `custom_fields.plan`;
//! - a list field (`tags`) collects every entry of its name, in order;
//! - a boolean (`isValidatedNames`) reads `true`, `on`, `1`, `yes` and
//!   `false`, `off`, `0`, `no` in any case (a checked checkbox sends `on`,
//!   an unchecked one nothing); a timestamp reads an integer as a number;
//! - `custom_fields` given whole is JSON text (a JSON editor), read as JSON
//!   (text that is not JSON, or that holds what JSON data cannot: a lone
//!   surrogate, a number out of range, nesting past the reader's bound,
//!   stays text; an editor holding only whitespace is empty);
//! - an empty text is left out: an input the user left empty is a field
//!   not given (a space, like any blank text, is the schema's to read: `null`
//!   for a nullable field);
//! - any other field takes the first entry of its name, as `FormData.get`
//!   does; a name the schema has no field for is kept as it is (the schema
//!   strips, refuses or keeps it, per `unknownKeys`).
//!
//! This shapes; it does not check. A text a boolean or a timestamp cannot be
//! read as stays text, so the schema reports it at its path like any input.

use super::SchemaKind;
use crate::fields::{Field, Kind, ADDRESS_FIELDS};
use crate::input::json_text::to_json;
use serde_json::{Map, Value as Json};

/// Most entries read from one form (a form has dozens; the bound keeps a
/// hostile body's cost in proportion).
pub const MAX_FORM_ENTRIES: usize = 10_000;

/// The record a form's entries (`(name, text)`, in order) describe, for
/// `schema`.
pub fn record_from_form<'a>(
    schema: SchemaKind,
    entries: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Json {
    let mut record = Map::new();
    for (name, text) in entries.into_iter().take(MAX_FORM_ENTRIES) {
        if text.is_empty() {
            continue;
        }
        let field = Field::named(name).filter(|&field| schema.has(field));
        match field.map(|field| field.spec().kind) {
            Some(Kind::Tags) => push(&mut record, name, Json::from(text)),
            Some(Kind::Boolean) => first(&mut record, name, boolean(text)),
            Some(Kind::Timestamp) => first(&mut record, name, integer(text)),
            // (An editor holding only whitespace is an empty editor.)
            Some(Kind::CustomFields) if text.trim().is_empty() => {}
            Some(Kind::CustomFields) => {
                let value = to_json(text).unwrap_or_else(|| Json::from(text));
                first(&mut record, name, value);
            }
            Some(_) => first(&mut record, name, Json::from(text)),
            None => nested(schema, &mut record, name, text),
        }
    }
    Json::Object(record)
}

/// A dotted name: a member of the address or of `custom_fields`, when
/// the schema has that field (and, for the address, that member); else the
/// name is kept whole.
fn nested(schema: SchemaKind, record: &mut Map<String, Json>, name: &str, text: &str) {
    let parent = name.split_once('.').and_then(|(parent, member)| {
        let field = Field::named(parent).filter(|&field| schema.has(field))?;
        match field.spec().kind {
            Kind::Address if ADDRESS_FIELDS.iter().any(|spec| spec.name == member) => {
                Some((parent, member))
            }
            Kind::CustomFields if !member.is_empty() => Some((parent, member)),
            _ => None,
        }
    });
    let Some((parent, member)) = parent else {
        first(record, name, Json::from(text));
        return;
    };
    let object = record
        .entry(parent)
        .or_insert_with(|| Json::Object(Map::new()));
    // (`custom_fields` given whole, as JSON, and then by member: the whole
    // value stands.)
    if let Json::Object(members) = object {
        members.entry(member).or_insert_with(|| Json::from(text));
    }
}

/// Sets `name` unless an earlier entry did.
fn first(record: &mut Map<String, Json>, name: &str, value: Json) {
    record.entry(name).or_insert(value);
}

/// Adds to the list `name`.
fn push(record: &mut Map<String, Json>, name: &str, value: Json) {
    if let Json::Array(items) = record
        .entry(name)
        .or_insert_with(|| Json::Array(Vec::new()))
    {
        items.push(value);
    }
}

fn boolean(text: &str) -> Json {
    let lower = text.trim().to_ascii_lowercase();
    match lower.as_str() {
        "true" | "on" | "1" | "yes" => Json::Bool(true),
        "false" | "off" | "0" | "no" => Json::Bool(false),
        _ => Json::from(text),
    }
}

/// An integer (`-` and up to 16 digits: timestamps are below 2^53) as a
/// number; anything else stays text.
fn integer(text: &str) -> Json {
    let trimmed = text.trim();
    let (negative, digits) = match trimmed.strip_prefix('-') {
        Some(digits) => (true, digits),
        None => (false, trimmed),
    };
    if digits.is_empty() || digits.len() > 16 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Json::from(text);
    }
    let magnitude = digits
        .bytes()
        .fold(0i64, |n, digit| n * 10 + i64::from(digit - b'0'));
    Json::from(if negative { -magnitude } else { magnitude })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn form(schema: SchemaKind, entries: &[(&str, &str)]) -> Json {
        record_from_form(schema, entries.iter().copied())
    }

    #[test]
    fn dotted_names_nest_into_the_address_and_custom_fields() {
        let record = form(
            SchemaKind::Create,
            &[
                ("firstname", "Jane"),
                ("address.street", "1 Main St"),
                ("address.city", "Springfield"),
                ("custom_fields.plan", "gold"),
                ("address.nope", "x"),
                ("other.thing", "y"),
            ],
        );
        assert_eq!(
            record,
            json!({
                "firstname": "Jane",
                "address": {"street": "1 Main St", "city": "Springfield"},
                "custom_fields": {"plan": "gold"},
                "address.nope": "x",
                "other.thing": "y",
            })
        );
    }

    #[test]
    fn tags_collect_every_entry_and_scalars_take_the_first() {
        let record = form(
            SchemaKind::Create,
            &[
                ("tags", "vip"),
                ("email", "a@example.com"),
                ("tags", ""),
                ("tags", "new"),
                ("email", "b@example.com"),
            ],
        );
        assert_eq!(
            record,
            json!({"tags": ["vip", "new"], "email": "a@example.com"})
        );
    }

    #[test]
    fn empty_texts_are_not_given_but_a_space_is_the_schemas_to_read() {
        let record = form(
            SchemaKind::Update,
            &[("id", "c1"), ("firstname", ""), ("lastname", " ")],
        );
        assert_eq!(record, json!({"id": "c1", "lastname": " "}));
    }

    #[test]
    fn booleans_timestamps_and_json_are_read_and_anything_else_stays_text() {
        let record = form(
            SchemaKind::Customer,
            &[
                ("isValidatedNames", "on"),
                ("createdAt", "1709856000000"),
                ("updatedAt", "soon"),
                ("custom_fields", r#"{"a": [1, 2]}"#),
            ],
        );
        assert_eq!(
            record,
            json!({
                "isValidatedNames": true,
                "createdAt": 1_709_856_000_000u64,
                "updatedAt": "soon",
                "custom_fields": {"a": [1, 2]},
            })
        );
        for (text, value) in [
            ("OFF", json!(false)),
            ("No", json!(false)),
            ("maybe", json!("maybe")),
        ] {
            assert_eq!(boolean(text), value, "{text}");
        }
        assert_eq!(
            form(SchemaKind::Create, &[("custom_fields", "{oops")]),
            json!({"custom_fields": "{oops"})
        );
        assert_eq!(
            form(SchemaKind::Create, &[("custom_fields", " \n ")]),
            json!({})
        );
    }

    #[test]
    fn a_field_the_schema_does_not_have_is_kept_as_named() {
        // Create has no timestamps: `createdAt` stays text, for the schema to strip or refuse.
        let record = form(SchemaKind::Create, &[("createdAt", "5")]);
        assert_eq!(record, json!({"createdAt": "5"}));
    }

    #[test]
    fn entries_past_the_bound_are_not_read() {
        let names: Vec<String> = (0..MAX_FORM_ENTRIES + 5).map(|i| format!("k{i}")).collect();
        let record = record_from_form(SchemaKind::Create, names.iter().map(|n| (n.as_str(), "x")));
        assert_eq!(record.as_object().map(Map::len), Some(MAX_FORM_ENTRIES));
    }
}
