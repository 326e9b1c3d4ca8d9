//! A valid record's result as *wire text*, for the WebAssembly boundary.
//!
//! The result of a `safeParse` crosses to JavaScript as text. As JSON, it
//! costs twice: serde writes every key and escapes every string, and
//! `JSON.parse` reads it all back (together a third of a call for the seed
//! record). A valid record's result has a fixed shape, though (the schema's
//! fields, a few types of value), so this module writes it in a form the
//! adapter (`pkg/src/adapter.mjs`, `fromWire`) reads with a few string
//! operations per field: no escaping, no keys spelled out.
//!
//! The text is `~`, then one entry per field of the record in output order
//! (the order of [`FIELD_NAMES`], which is the records' order), each a key
//! and a value. A key is one character, `@` + the field's index in
//! [`FIELD_NAMES`]. A value is
//!
//! | text | value |
//! |---|---|
//! | `s<len><text>` | a string; `<len>` is one character, space + its length in UTF-16 units |
//! | `d<digits>;` | a whole number |
//! | `t`, `f`, `n` | `true`, `false`, `null` |
//! | `a<count>` then per item `<len><text>` | an array of strings; `<count>` as `<len>` |
//! | `o<count>` then `<count>` entries | an object (the address), its entries as the record's |
//!
//! Anything else a valid record's result can hold (warnings,
//! `custom_fields`, keys kept by `passthrough`, a string too long for its
//! length to be one character) has no wire form: `success_text` answers
//! `None`, and the result goes as JSON. A batch's valid records go as wire
//! text too (`crate::output::batch`). A test decodes the wire text of many records
//! and compares it with the JSON of the same result.
//!
//! [`FIELD_NAMES`]: crate::fields::FIELD_NAMES

use crate::fields::{Field, Fields, Presence, Visit, ADDRESS_INDEX_BASE};
use crate::record::SchemaKind;
use crate::types::Address;
use serde_json::{Map, Value as Json};

/// Counts and lengths are one character from U+0020; they stop below the
/// surrogates (U+D800), which are not characters.
const MAX_COUNT: usize = 0xD800 - 0x20;

/// The wire text of the result of a valid record of `kind` without
/// warnings, or `None` when it has no wire form (then it goes as JSON).
#[inline(never)]
pub(crate) fn success_text(kind: SchemaKind, f: &Fields) -> Option<String> {
    if !f.unknown_keys.is_empty() {
        return None;
    }
    // The fields a schema's record always has: present whenever the record
    // is valid (the JSON path would write a default otherwise).
    let required = Field::ALL
        .iter()
        .filter(|&&field| kind.presence(field) == Presence::Required)
        .all(|&field| f.has(field));
    if !required {
        return None;
    }
    let mut w = Wire {
        text: Vec::with_capacity(256),
        fits: true,
    };
    w.text.push(b'~');
    f.visit(&mut w);
    // (UTF-8 by construction: ASCII bytes and whole strings' and
    // characters' encodings.)
    String::from_utf8(w.text).ok().filter(|_| w.fits)
}

/// The wire form of each shape of value.
impl Visit for Wire {
    fn text(&mut self, field: u8, value: Option<&str>) {
        self.string_field(field, value);
    }

    fn nullable(&mut self, field: u8, value: Option<Option<&str>>) {
        match value {
            None => {}
            Some(None) => self.key(field, b'n'),
            Some(Some(text)) => self.string_field(field, Some(text)),
        }
    }

    fn strings(&mut self, field: u8, value: Option<&[String]>) {
        if let Some(list) = value {
            self.key(field, b'a');
            self.count(list.len());
            for item in list {
                self.string(item);
            }
        }
    }

    /// `custom_fields` has no wire form.
    fn object(&mut self, _field: u8, value: Option<&Map<String, Json>>) {
        self.fits &= value.is_none();
    }

    fn address(&mut self, field: u8, value: Option<&Address>) {
        let Some(address) = value else {
            return;
        };
        self.fits &= address.unknown_keys.is_empty();
        self.key(field, b'o');
        self.count(5 + usize::from(address.street2.is_some()));
        // The address's fields in the order of `ADDRESS_FIELDS`, indexed
        // after the record's.
        let lines = [
            Some(address.street.as_str()),
            address.street2.as_deref(),
            Some(&address.city),
            Some(&address.state),
            Some(&address.postal_code),
            Some(&address.country),
        ];
        for (index, line) in (ADDRESS_INDEX_BASE..).zip(lines) {
            self.string_field(index, line);
        }
    }

    fn boolean(&mut self, field: u8, value: Option<bool>) {
        if let Some(b) = value {
            self.key(field, if b { b't' } else { b'f' });
        }
    }

    fn millis(&mut self, field: u8, value: Option<u64>) {
        self.number(field, value);
    }
}

/// Wire text being written, as UTF-8 bytes (one byte where the character is
/// ASCII, without `String::push`'s encoding); `fits` turns false for what
/// has no wire form.
struct Wire {
    text: Vec<u8>,
    fits: bool,
}

impl Wire {
    /// A field's key and its value's type (ASCII).
    fn key(&mut self, index: u8, kind: u8) {
        self.text.push(b'@' + index);
        self.text.push(kind);
    }

    /// A count or a length, as one character.
    fn count(&mut self, n: usize) {
        // Below MAX_COUNT, + 0x20 is a character short of the surrogates.
        match char::from_u32((n.min(MAX_COUNT) + 0x20) as u32) {
            // Most lengths: one ASCII byte.
            Some(c) if c.is_ascii() => self.text.push(c as u8),
            Some(c) if n < MAX_COUNT => {
                let mut utf8 = [0; 4];
                self.text
                    .extend_from_slice(c.encode_utf8(&mut utf8).as_bytes());
            }
            _ => self.fits = false,
        }
    }

    /// A string's length (in UTF-16 units, as JavaScript slices) and text.
    #[inline(never)]
    fn string(&mut self, text: &str) {
        let units = if text.is_ascii() {
            text.len()
        } else {
            text.chars().map(char::len_utf16).sum()
        };
        self.count(units);
        self.text.extend_from_slice(text.as_bytes());
    }

    /// A string field, if present.
    #[inline(never)]
    fn string_field(&mut self, index: u8, value: Option<&str>) {
        if let Some(text) = value {
            self.key(index, b's');
            self.string(text);
        }
    }

    /// A whole-number field, if present.
    fn number(&mut self, index: u8, value: Option<u64>) {
        if let Some(n) = value {
            self.key(index, b'd');
            let mut digits = itoa::Buffer::new();
            self.text.extend_from_slice(digits.format(n).as_bytes());
            self.text.push(b';');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{result_json, safe_parse_wire};
    use super::MAX_COUNT;
    use crate::fields::FIELD_NAMES;
    use crate::options::Options;
    use crate::record::UpdateCustomerSchema;
    use crate::record::{CreateCustomerSchema, CustomerSchema, Schema, SchemaKind};
    use serde_json::{json, Map, Value as Json};
    use std::str::Chars;

    /// Reads wire text back into the JSON of the result, as the adapter's
    /// `fromWire` builds it.
    fn decode(wire: &str) -> Json {
        let names: Vec<&str> = FIELD_NAMES.split('\n').collect();
        let mut chars = wire.strip_prefix('~').expect("wire text").chars();
        let count = |chars: &mut Chars| chars.next().unwrap() as usize - 0x20;
        let string = |chars: &mut Chars| {
            let mut units = count(chars);
            let mut text = String::new();
            while units > 0 {
                let c = chars.next().unwrap();
                units -= c.len_utf16();
                text.push(c);
            }
            Json::String(text)
        };
        fn entries(
            chars: &mut Chars,
            names: &[&str],
            limit: usize,
            value: &dyn Fn(&mut Chars, char) -> Json,
        ) -> Map<String, Json> {
            let mut data = Map::new();
            for _ in 0..limit {
                let Some(key) = chars.next() else { break };
                let name = names[key as usize - '@' as usize].to_owned();
                let kind = chars.next().unwrap();
                data.insert(name, value(chars, kind));
            }
            data
        }
        let leaf = |chars: &mut Chars, kind: char| match kind {
            's' => string(chars),
            'd' => {
                let digits: String = chars.by_ref().take_while(|&c| c != ';').collect();
                json!(digits.parse::<u64>().unwrap())
            }
            't' => json!(true),
            'f' => json!(false),
            'n' => Json::Null,
            'a' => {
                let n = count(chars);
                Json::Array((0..n).map(|_| string(chars)).collect())
            }
            other => panic!("unexpected value {other:?}"),
        };
        let value = |chars: &mut Chars, kind: char| match kind {
            'o' => {
                let n = count(chars);
                Json::Object(entries(chars, &names, n, &leaf))
            }
            other => leaf(chars, other),
        };
        let data = entries(&mut chars, &names, usize::MAX, &value);
        json!({ "success": true, "data": data, "warnings": [] })
    }

    /// Reads a batch's wire text (see `crate::output::batch`) back into its JSON,
    /// as the adapter's `fromWireBatch` builds it.
    fn decode_batch(wire: &str) -> Json {
        let body = wire.strip_prefix('~').expect("batch wire text");
        let (items, tail) = body.split_once('\u{2}').expect("the batch's tail");
        let mut results = Vec::new();
        // A valid record's wire text never holds U+0002 nor U+0001 where a
        // key is due, nor does JSON text: in these tests no string does.
        for item in items.split_terminator('\u{1}') {
            results.push(if item.starts_with('~') {
                let mut result = Map::new();
                result.insert("index".into(), json!(results.len()));
                let Json::Object(rest) = decode(item) else {
                    unreachable!()
                };
                result.extend(rest);
                Json::Object(result)
            } else {
                serde_json::from_str(item).unwrap()
            });
        }
        let Json::Object(tail) = serde_json::from_str(tail).unwrap() else {
            panic!("the tail is an object")
        };
        let mut batch = Map::new();
        batch.insert("results".into(), Json::Array(results));
        batch.extend(tail);
        Json::Object(batch)
    }

    #[test]
    fn a_batch_as_wire_text_says_what_its_json_says() {
        let mut invalid = full_record();
        invalid["email"] = json!("nope");
        let mut warned = full_record();
        warned["createdAt"] = json!(1709856000);
        let list = json!([full_record(), invalid, 42, warned, {}, full_record()]);
        let options = Options::default();
        for kind in [SchemaKind::Customer, SchemaKind::Create, SchemaKind::Update] {
            let json = crate::output::batch::many_source_json(kind, &list, &options);
            let wire = crate::output::batch::many_source_wire(kind, &list, &options);
            assert_eq!(
                decode_batch(&wire).to_string(),
                serde_json::from_str::<Json>(&json).unwrap().to_string()
            );
        }
        // Refused whole: no results, the error in the tail.
        for text in ["{}", "[1,"] {
            let json = crate::output::batch::many_text_json(SchemaKind::Create, text, &options);
            let wire = crate::output::batch::many_text_wire(SchemaKind::Create, text, &options);
            assert_eq!(
                decode_batch(&wire),
                serde_json::from_str::<Json>(&json).unwrap()
            );
        }
    }

    /// The wire text of a valid record says what its JSON says; other
    /// results go as JSON. Returns whether it went as wire text.
    fn same_result(kind: SchemaKind, input: &Json, options: &Options) -> bool {
        let json = match kind {
            SchemaKind::Customer => result_json(&CustomerSchema::safe_parse(input, options)),
            SchemaKind::Create => result_json(&CreateCustomerSchema::safe_parse(input, options)),
            SchemaKind::Update => result_json(&UpdateCustomerSchema::safe_parse(input, options)),
        };
        let expected: Json = serde_json::from_str(&json).unwrap();
        let text = safe_parse_wire(kind, input, options);
        if text.starts_with('~') {
            assert_eq!(decode(&text), expected, "{input}");
            // Same keys in the same order, too.
            assert_eq!(decode(&text).to_string(), expected.to_string(), "{input}");
            true
        } else {
            assert_eq!(text, json, "{input}");
            false
        }
    }

    fn full_record() -> Json {
        json!({
            "id": "cust_1", "customerId": null, "channelId": " web ",
            "phone_number": "+44 20 7946 0958", "firstname": " Zoë ", "lastname": "Ō'Brien 😀",
            "company": "ACME", "timezone": "europe/london", "email": "Jane@Example.COM",
            "preferred_language": "en-GB", "preferred_contact_method": "email",
            "best_time_to_call": "evening", "notes": "a\nb", "tags": ["vip", "VIP", "ü"],
            "isValidatedNames": true, "createdAt": 1709856000000u64, "updatedAt": 9007199254740991u64,
            "address": { "street": "1 Main St", "street2": "Flat 2", "city": "London",
                         "state": "LDN", "postalCode": "SW1A 1AA", "country": "United Kingdom" }
        })
    }

    #[test]
    fn a_full_record_goes_as_wire_text_and_says_what_its_json_says() {
        let options = Options::default();
        let record = full_record();
        assert!(same_result(SchemaKind::Customer, &record, &options));
        let mut update = record.clone();
        update.as_object_mut().unwrap().remove("channelId");
        assert!(same_result(SchemaKind::Update, &update, &options));
        let mut create = update.clone();
        for key in ["id", "createdAt", "updatedAt"] {
            create.as_object_mut().unwrap().remove(key);
        }
        assert!(same_result(SchemaKind::Create, &create, &options));
    }

    #[test]
    fn a_result_with_warnings_goes_as_json() {
        let mut record = full_record();
        // Seconds, not milliseconds: a warning.
        record["createdAt"] = json!(1709856000);
        assert!(!same_result(
            SchemaKind::Customer,
            &record,
            &Options::default()
        ));
    }

    #[test]
    fn custom_fields_and_kept_unknown_keys_go_as_json() {
        let mut record = full_record();
        record["custom_fields"] = json!({ "a": [1, { "b": null }] });
        assert!(!same_result(
            SchemaKind::Customer,
            &record,
            &Options::default()
        ));
        let passthrough = Options::default().with_unknown_keys("passthrough").unwrap();
        let mut record = full_record();
        record["extra"] = json!(1);
        assert!(!same_result(SchemaKind::Customer, &record, &passthrough));
        let mut record = full_record();
        record["address"]["floor"] = json!(3);
        assert!(!same_result(SchemaKind::Customer, &record, &passthrough));
        // Kept keys that are not there: wire text.
        assert!(same_result(
            SchemaKind::Customer,
            &full_record(),
            &passthrough
        ));
    }

    #[test]
    fn a_string_too_long_for_a_one_character_length_goes_as_json() {
        let mut record = full_record();
        record["notes"] = json!("n".repeat(MAX_COUNT));
        assert!(!same_result(
            SchemaKind::Customer,
            &record,
            &Options::default()
        ));
        record["notes"] = json!("n".repeat(MAX_COUNT - 1));
        assert!(same_result(
            SchemaKind::Customer,
            &record,
            &Options::default()
        ));
    }

    #[test]
    fn every_fixture_case_has_the_same_result_by_wire_text_or_json() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let mut wired = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|ext| ext != "json") {
                continue;
            }
            let cases: Vec<Json> =
                serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            for case in cases {
                let kind = SchemaKind::from_name(case["schema"].as_str().unwrap()).unwrap();
                let mut options = Options::default();
                if let Some(region) = case["options"]["defaultRegion"].as_str() {
                    options = options.with_default_region(region).unwrap();
                }
                if let Some(mode) = case["options"]["unknownKeys"].as_str() {
                    options = options.with_unknown_keys(mode).unwrap();
                }
                wired += usize::from(same_result(kind, &case["input"], &options));
            }
        }
        assert!(wired > 50, "only {wired} fixture results went as wire text");
    }
}
