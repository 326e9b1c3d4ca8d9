//! JSON Schema (draft 2020-12) for each schema, generated from the field
//! table the validator itself reads (`crate::fields`: presence, kinds,
//! defaults, the enums' names) and the ISO/IANA tables, so it cannot drift
//! from the rules by being a copy.
//!
//! Two schemas per record type, as Zod's `io: "input" | "output"` and
//! Standard JSON Schema's `jsonSchema.input()/.output()` have it:
//!
//! - **input**: what a body must look like *before* validation, structurally:
//!   JSON types, nullability, required keys, unknown keys (`strict` only).
//!   It accepts everything `safe_parse` accepts, because `safe_parse`
//!   normalises before it checks (`" sms "`, `"usa"`, `"(415) 555-2671"` are
//!   valid input), so no format, enum or length is asserted here. It rejects
//!   an input exactly when `safe_parse` reports a *structural* issue
//!   (`invalid_type`, `unrecognized_keys`, or a number out of range).
//! - **output**: the normalised record `safe_parse` returns: exact enums,
//!   E.164 phone numbers, alpha-2 countries, ISO 639-1 languages, IANA time
//!   zone names, trimmed non-blank strings, defaults filled in.
//!
//! The output's address, per country (`if` its `country` is that one,
//! `then`…): the postal code matches the country's pattern, the data's own
//! (the output is upper case, and JSON Schema patterns have no flags), and
//! `state` is one of the country's subdivision keys where it must name one.
//!
//! What JSON Schema cannot say (and only `safe_parse` checks): whether a
//! phone number is real, email syntax beyond a format name, trimming and
//! case folding before a check, `updatedAt >= createdAt`, the 32-level depth
//! of `custom_fields`, control characters in text, the warnings, and of the
//! address rules per country (`crate::rules::address`): the postal code's
//! layout (a pattern that allows `94105 1234` and `94105-1234` allows both
//! in the output, where one layout is emitted), the postal prefixes of a
//! state, and in the input schema all of them (it is structure only: any
//! case, separators optional, states by name, which a pattern could only
//! spell out at many times the size).

use crate::fields::{FieldSpec, Kind, Presence, ADDRESS_FIELDS, ADDRESS_LINE_MINIMUM, FIELDS};
use crate::options::{Options, UnknownKeys};
use crate::record::SchemaKind;
use crate::rules::timestamp::MAX_SAFE_INTEGER;
use crate::rules::{address, country, language, timezone};
use serde_json::{json, Map, Value as Json};

/// Which side of the validation the schema describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Io {
    /// What may be given to `safe_parse` (structure only).
    Input,
    /// What `safe_parse` returns as `data`.
    Output,
}

impl Io {
    /// Reads `"input"` or `"output"`.
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "input" => Some(Io::Input),
            "output" => Some(Io::Output),
            _ => None,
        }
    }
}

/// The JSON Schema dialect written in `$schema`. The documents use no
/// keyword whose meaning differs between the two.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Target {
    #[default]
    Draft2020_12,
    Draft07,
}

impl Target {
    /// Reads Standard JSON Schema's names: `"draft-2020-12"`, `"draft-07"`.
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "draft-2020-12" => Some(Target::Draft2020_12),
            "draft-07" => Some(Target::Draft07),
            _ => None,
        }
    }

    fn uri(self) -> &'static str {
        match self {
            Target::Draft2020_12 => "https://json-schema.org/draft/2020-12/schema",
            Target::Draft07 => "http://json-schema.org/draft-07/schema#",
        }
    }
}

/// Trimmed, non-blank text (the output of every trimmed field). The class
/// is Unicode `White_Space` spelled out (what Rust's `trim` uses), not
/// ECMAScript's `\s`, which differs on U+0085 and U+FEFF.
const TRIMMED: &str = concat!(
    r"^[^\t-\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]",
    r"(?:[\s\S]*[^\t-\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000])?$",
);
/// E.164: `+`, a country code not starting with 0, at most 15 digits.
const E164: &str = r"^\+[1-9][0-9]{1,14}$";

/// A schema written as JSON text: one call to the JSON reader the module
/// has anyway (`crate::input::json_text`), where `json!` would expand into code for every key of every
/// schema (several kilobytes of the WebAssembly download). The texts are
/// constants; a mistake in one would show as `null` in every test.
fn parse(text: &str) -> Json {
    crate::input::json_text::to_json(text).unwrap_or_default()
}

/// `schema` with `key` added last.
fn with(mut schema: Json, key: &str, value: impl Into<Json>) -> Json {
    if let Json::Object(members) = &mut schema {
        members.insert(key.to_owned(), value.into());
    }
    schema
}

/// `{"enum": [...]}`
fn one_of<'a>(values: impl Iterator<Item = &'a str>) -> Json {
    with(parse("{}"), "enum", values.collect::<Vec<_>>())
}

/// The schema of one field.
fn field_schema(kind: Kind, io: Io, options: &Options) -> Json {
    if io == Io::Input {
        return match kind {
            Kind::NullableString | Kind::Phone | Kind::NullableText => {
                parse(r#"{"type":["string","null"]}"#)
            }
            Kind::Tags => parse(r#"{"type":"array","items":{"type":"string"}}"#),
            Kind::CustomFields => parse(r#"{"type":"object"}"#),
            Kind::Address => address_schema(io, options),
            Kind::Boolean => parse(r#"{"type":"boolean"}"#),
            Kind::Timestamp => timestamp(),
            Kind::Choice(_) => {
                parse(r#"{"type":"string","description":"one of the enum's values, in any case"}"#)
            }
            _ => parse(r#"{"type":"string"}"#),
        };
    }
    let trimmed = |types: &str| with(parse(types), "pattern", TRIMMED);
    match kind {
        Kind::Id | Kind::Text => trimmed(r#"{"type":"string"}"#),
        Kind::AddressLine => with(
            trimmed(r#"{"type":"string"}"#),
            "minLength",
            ADDRESS_LINE_MINIMUM,
        ),
        // `format` is JSON Schema's email syntax; the lengths are RFC 5321's,
        // as the rule has them (64 octets before the `@`, 254 in all).
        Kind::Email => with(
            with(
                with(parse(r#"{"type":"string"}"#), "format", "email"),
                "maxLength",
                254,
            ),
            "allOf",
            Json::Array(vec![
                with(parse("{}"), "pattern", TRIMMED),
                with(parse("{}"), "pattern", "^[^@]{1,64}@"),
            ]),
        ),
        Kind::NullableString | Kind::NullableText => trimmed(r#"{"type":["string","null"]}"#),
        Kind::Phone => with(parse(r#"{"type":["string","null"]}"#), "pattern", E164),
        Kind::TimeZone => one_of(timezone::time_zone_names()),
        Kind::Language => one_of(language::languages().iter().map(|(code, _)| *code)),
        Kind::Country => one_of(country::countries().iter().map(|(code, _, _)| *code)),
        Kind::Choice(names) => one_of(names.iter().copied()),
        Kind::Notes => parse(r#"{"type":"string"}"#),
        Kind::Tags => {
            let items = trimmed(r#"{"type":"string"}"#);
            with(
                with(parse(r#"{"type":"array"}"#), "items", items),
                "uniqueItems",
                true,
            )
        }
        Kind::CustomFields => parse(r#"{"type":"object"}"#),
        Kind::Address => address_schema(io, options),
        Kind::Boolean => parse(r#"{"type":"boolean"}"#),
        Kind::Timestamp => timestamp(),
    }
}

fn timestamp() -> Json {
    let schema = with(
        parse(r#"{"type":"integer","minimum":0}"#),
        "maximum",
        MAX_SAFE_INTEGER,
    );
    with(schema, "description", "Unix time in milliseconds")
}

/// An object schema over `fields` (table rows, with their presence in
/// `column`); `defaults` marks the fields with a default as present in the
/// output.
fn object_schema(
    fields: &[FieldSpec],
    column: usize,
    io: Io,
    defaults: bool,
    options: &Options,
) -> Json {
    let mut properties = Map::new();
    let mut required = Vec::new();
    for field in fields {
        let presence = field.presence[column];
        if presence == Presence::Omitted {
            continue;
        }
        let mut schema = field_schema(field.kind, io, options);
        let default = field.default.filter(|_| defaults);
        if let Some(value) = default {
            schema["default"] = value.to_json();
        }
        if presence == Presence::Required || (io == Io::Output && default.is_some()) {
            required.push(field.name);
        }
        properties.insert(field.name.to_owned(), schema);
    }
    let schema = with(parse(r#"{"type":"object"}"#), "properties", properties);
    let mut schema = with(schema, "required", required);
    let closed = match options.unknown_keys {
        UnknownKeys::Strict => true,
        UnknownKeys::Strip => io == Io::Output,
        UnknownKeys::Passthrough => false,
    };
    if closed {
        schema["additionalProperties"] = json!(false);
    }
    schema
}

fn address_schema(io: Io, options: &Options) -> Json {
    let schema = object_schema(ADDRESS_FIELDS, 0, io, false, options);
    match io {
        Io::Input => schema,
        Io::Output => with(schema, "allOf", per_country()),
    }
}

/// A value's JSON text. (`serde_json::to_string`, whose writer the module
/// has anyway; `Value`'s `Display` would bring a second.)
fn text_of(value: &Json) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// The output address's rules per country, one `if`/`then` each: for a
/// country with a postal-code pattern, the code matches it as a whole (the
/// output is upper case, so the data's pattern, in upper case, needs no
/// flag); for a country whose `state` names a subdivision, `state` is one of
/// the data's keys. Written as one JSON text and parsed (see [`parse`]).
fn per_country() -> Json {
    let mut text = String::from("[");
    for &(country, _, _) in country::countries() {
        let pattern = address::postal_code_format(country)
            .map(|format| text_of(&Json::from(format!("^(?:{})$", format.pattern))));
        let states: Vec<&str> = address::subdivisions(country)
            .iter()
            .map(|s| s.key)
            .collect();
        if pattern.is_none() && states.is_empty() {
            continue;
        }
        if text.len() > 1 {
            text.push(',');
        }
        text.push_str(r#"{"if":{"properties":{"country":{"const":""#);
        text.push_str(country);
        text.push_str(r#""}},"required":["country"]},"then":{"properties":{"#);
        if let Some(pattern) = &pattern {
            text.push_str(r#""postalCode":{"type":"string","pattern":"#);
            text.push_str(pattern);
            text.push('}');
        }
        if !states.is_empty() {
            if pattern.is_some() {
                text.push(',');
            }
            text.push_str(r#""state":{"enum":"#);
            text.push_str(&text_of(&Json::from(states)));
            text.push('}');
        }
        text.push_str("}}}");
    }
    text.push(']');
    parse(&text)
}

/// The JSON Schema of `kind`'s input or output under `options` (only
/// `unknown_keys` matters: `strict` closes the objects, `strip` closes the
/// output's).
pub fn json_schema(kind: SchemaKind, io: Io, target: Target, options: &Options) -> Json {
    let mut schema = object_schema(FIELDS, kind.column(), io, kind.applies_defaults(), options);
    let (title, description) = match kind {
        SchemaKind::Customer => ("Customer", "A stored customer record."),
        SchemaKind::Create => ("CreateCustomer", "A customer to create."),
        SchemaKind::Update => (
            "UpdateCustomer",
            "A partial update of a customer: id and the fields to change.",
        ),
    };
    let side = match io {
        Io::Input => "Input accepted by customer-schema (structure only; the package's safeParse checks and normalises the values).",
        Io::Output => "Normalised record returned by customer-schema's safeParse.",
    };
    let mut document = Map::new();
    document.insert("$schema".into(), json!(target.uri()));
    document.insert("title".into(), json!(title));
    document.insert("description".into(), json!(format!("{description} {side}")));
    if let Json::Object(members) = &mut schema {
        document.append(members);
    }
    Json::Object(document)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn required_and_defaults_follow_the_schema() {
        let options = Options::default();
        let customer = json_schema(SchemaKind::Customer, Io::Input, Target::default(), &options);
        assert_eq!(
            customer["required"],
            json!(["id", "createdAt", "updatedAt"])
        );
        assert_eq!(
            customer["properties"]["preferred_language"]["default"],
            "en"
        );
        let update = json_schema(SchemaKind::Update, Io::Output, Target::default(), &options);
        assert_eq!(update["required"], json!(["id"]));
        assert!(update["properties"]["preferred_language"]
            .get("default")
            .is_none());
        let create = json_schema(SchemaKind::Create, Io::Output, Target::default(), &options);
        assert_eq!(
            create["required"],
            json!([
                "preferred_language",
                "preferred_contact_method",
                "isValidatedNames"
            ])
        );
        assert_eq!(create["additionalProperties"], false);
        assert!(create["properties"].get("id").is_none());
    }

    /// The `then` of the output address's `if`/`then` for `country`.
    fn then_of(per_country: &Json, country: &str) -> Option<Json> {
        per_country.as_array()?.iter().find_map(|rule| {
            (rule["if"]["properties"]["country"]["const"] == country).then(|| rule["then"].clone())
        })
    }

    #[test]
    fn the_output_address_follows_its_country_postal_pattern_and_states() {
        let options = Options::default();
        let output = json_schema(
            SchemaKind::Customer,
            Io::Output,
            Target::default(),
            &options,
        );
        let rules = &output["properties"]["address"]["allOf"];
        let us = then_of(rules, "US").unwrap();
        assert_eq!(
            us["properties"]["postalCode"]["pattern"],
            r"^(?:(\d{5})(?:[ \-](\d{4}))?)$"
        );
        let states = us["properties"]["state"]["enum"].as_array().unwrap();
        assert!(states.contains(&json!("CA")) && !states.contains(&json!("California")));
        let gb = then_of(rules, "GB").unwrap();
        assert!(gb["properties"].get("state").is_none(), "GB: free text");
        assert!(
            then_of(rules, "AQ").is_none(),
            "no pattern, no subdivisions"
        );
        let input = json_schema(SchemaKind::Customer, Io::Input, Target::default(), &options);
        assert!(input["properties"]["address"].get("allOf").is_none());

        // Every country's normalised examples (given in lower case, without
        // separators) match its pattern; a JSON Schema pattern has no flags,
        // and this one is read as the regex crate reads it.
        let mut checked = 0;
        for &(country, _, _) in country::countries() {
            let Some(format) = address::postal_code_format(country) else {
                continue;
            };
            let then = then_of(rules, country).unwrap();
            let pattern = then["properties"]["postalCode"]["pattern"]
                .as_str()
                .unwrap();
            let pattern = regex::Regex::new(pattern).unwrap();
            for example in format.examples {
                let given: String = example
                    .chars()
                    .filter(|c| !matches!(c, ' ' | '-'))
                    .collect::<String>()
                    .to_lowercase();
                let code = address::normalize_postal_code(country, &given)
                    .or_else(|_| address::normalize_postal_code(country, example))
                    .unwrap();
                assert!(pattern.is_match(&code), "{country}: {code}");
                assert!(!pattern.is_match(&code.to_lowercase()) || code == code.to_lowercase());
                checked += 1;
            }
        }
        assert!(checked > 300, "{checked}");
    }

    #[test]
    fn strict_closes_the_input_and_passthrough_opens_the_output() {
        let strict = Options::default().with_unknown_keys("strict").unwrap();
        let input = json_schema(SchemaKind::Create, Io::Input, Target::Draft07, &strict);
        assert_eq!(input["additionalProperties"], false);
        assert_eq!(
            input["properties"]["address"]["additionalProperties"],
            false
        );
        assert_eq!(input["$schema"], "http://json-schema.org/draft-07/schema#");
        let open = Options::default().with_unknown_keys("passthrough").unwrap();
        let output = json_schema(SchemaKind::Create, Io::Output, Target::default(), &open);
        assert!(output.get("additionalProperties").is_none());
    }
}
