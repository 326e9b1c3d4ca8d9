//! One field's issues, for a form that checks a field as the user leaves
//! it (the package's `validateField`).
//!
//! The whole record is validated (a field's verdict can depend on others:
//! a national phone number is read in the address's country), and what
//! concerns the field is kept: the issues at its path or inside it, those
//! at an object holding it (an address that is not an object), those of the
//! record as a whole (an input that is not an object), and those of the
//! fields whose rules read it (`dependents`).

use super::driver::Run;
use super::{read_record, SchemaKind};
use crate::fields::{Field, ADDRESS_FIELDS, FIELDS};
use crate::input::Source;
use crate::issue::{Issue, Path, PathItem};
use crate::options::{Options, UnknownKeys};
use serde::Serialize;

/// The issues and warnings that concern one field.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldIssues {
    pub issues: Vec<Issue>,
    pub warnings: Vec<Issue>,
}

/// Whose issues a field's value changes: `(cause, effect)`, each a path of
/// keys.
fn dependents() -> [(&'static [&'static str], &'static str); 5] {
    const COUNTRY: &[&str] = &[FIELDS[Field::Address as usize].name, "country"];
    const fn one(field: Field) -> &'static [&'static str] {
        std::slice::from_ref(&FIELDS[field as usize].name)
    }
    [
        // A national number is read in the address's country.
        (COUNTRY, Field::PhoneNumber.name()),
        // `updatedAt` must not be earlier than `createdAt`.
        (one(Field::CreatedAt), Field::UpdatedAt.name()),
        // The contact method's warnings read the channels, and the SMS
        // warning (at the phone number) reads the method.
        (one(Field::Email), Field::PreferredContactMethod.name()),
        (
            one(Field::PhoneNumber),
            Field::PreferredContactMethod.name(),
        ),
        (
            one(Field::PreferredContactMethod),
            Field::PhoneNumber.name(),
        ),
    ]
}

/// The issues and warnings of `input` (validated as `kind`) that concern
/// the field at `path`.
pub fn field_issues<S: Source>(
    kind: SchemaKind,
    input: S,
    options: &Options,
    path: &[PathItem],
) -> FieldIssues {
    let input = read_record(kind, input, options);
    let mut run = Run::new(kind, options);
    let _ = run.record(&input);
    // (Kept in place, with one closure for both lists: iterator chains
    // collected into new vectors cost 2 kB more in the module.)
    let concerns = |issue: &Issue| concerns(&issue.path, issue.code(), path);
    run.issues.retain(concerns);
    run.warnings.retain(concerns);
    run.settle();
    FieldIssues {
        issues: run.issues,
        warnings: run.warnings,
    }
}

/// Whether an issue at `at` (with `code`) concerns the field at `path`.
fn concerns(at: &[PathItem], code: &str, path: &[PathItem]) -> bool {
    if at.is_empty() {
        // The record's own: not an object (every field's), or its unknown keys (none's).
        return code != "unrecognized_keys";
    }
    if at.starts_with(path) || path.starts_with(at) {
        return true;
    }
    dependents().iter().any(|&(cause, effect)| {
        let key = |item: &PathItem, name: &str| matches!(item, PathItem::Key(key) if key == name);
        let related = path.iter().zip(cause).all(|(item, name)| key(item, name));
        related && at.first().is_some_and(|item| key(item, effect))
    })
}

/// Whether `path` can name something of a `kind` record: its first key is
/// one of the record's fields (any key, when unknown keys are kept), and a
/// key under the address is one of the address's. Deeper (inside tags or
/// `custom_fields`) anything goes. A path that names nothing is the
/// caller's mistake (a typo would otherwise find no issues, silently).
pub fn names_a_field(kind: SchemaKind, path: &[PathItem], options: &Options) -> bool {
    let kept = options.unknown_keys == UnknownKeys::Passthrough;
    let [PathItem::Key(first), rest @ ..] = path else {
        return path.is_empty();
    };
    match Field::named(first).filter(|&field| kind.has(field)) {
        None => kept,
        Some(Field::Address) => match rest.first() {
            None => true,
            Some(PathItem::Key(key)) => kept || ADDRESS_FIELDS.iter().any(|spec| spec.name == key),
            Some(PathItem::Index(_)) => false,
        },
        Some(_) => true,
    }
}

/// Reads a path as the package's `validateField` takes it: the JSON text of
/// an array of keys and indexes (`["address","city"]`), or keys joined by
/// `.` (`address.city`, `tags.2`: a segment of digits is an index).
pub fn parse_path(text: &str) -> Option<Path> {
    let mut path = Vec::new();
    if text.starts_with('[') {
        // (A JSON value walked, not a typed parse: see the wasm crate's
        // `from_form_entries`.)
        let serde_json::Value::Array(items) = crate::input::json_text::to_json(text)? else {
            return None;
        };
        for item in items {
            path.push(match item {
                serde_json::Value::String(key) => PathItem::Key(key),
                serde_json::Value::Number(n) => PathItem::Index(usize::try_from(n.as_u64()?).ok()?),
                _ => return None,
            });
        }
        return Some(path);
    }
    if text.is_empty() {
        return Some(path);
    }
    for segment in text.split('.') {
        path.push(match segment.parse::<usize>() {
            Ok(index) if segment.bytes().all(|b| b.is_ascii_digit()) => PathItem::Index(index),
            _ => PathItem::from(segment),
        });
    }
    Some(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_path_names_a_field_of_the_schema_or_of_the_address() {
        let strip = Options::default();
        let kept = Options::default().with_unknown_keys("passthrough").unwrap();
        let names =
            |kind, text: &str, options| names_a_field(kind, &parse_path(text).unwrap(), options);
        for text in [
            "",
            "email",
            "address",
            "address.city",
            "tags.3",
            "custom_fields.a.b.0",
        ] {
            assert!(names(SchemaKind::Create, text, &strip), "{text}");
        }
        // A typo, a field this schema does not have, an index at the top or
        // under the address, an address field that does not exist.
        for text in ["emial", "id", "0", "address.0", "address.cty", "[1]"] {
            assert!(!names(SchemaKind::Create, text, &strip), "{text}");
        }
        assert!(names(SchemaKind::Update, "id", &strip));
        // Kept unknown keys are fields of the output too.
        assert!(names(SchemaKind::Create, "nickname", &kept));
        assert!(names(SchemaKind::Create, "address.floor", &kept));
        assert!(!names(SchemaKind::Create, "0", &kept));
    }

    fn at(kind: SchemaKind, input: serde_json::Value, path: &str) -> FieldIssues {
        let path = parse_path(path).unwrap();
        field_issues(kind, &input, &Options::default(), &path)
    }

    fn paths(issues: &[Issue]) -> Vec<String> {
        issues
            .iter()
            .map(|i| super::super::batch::path_key(&i.path))
            .collect()
    }

    #[test]
    fn only_the_fields_issues_are_kept() {
        let input = json!({"email": "nope", "firstname": "J\u{7}", "tags": ["", "a"]});
        let email = at(SchemaKind::Create, input.clone(), "email");
        assert_eq!(paths(&email.issues), ["email"]);
        let tags = at(SchemaKind::Create, input, "tags");
        assert_eq!(paths(&tags.issues), ["tags[*]"]);
    }

    #[test]
    fn a_containers_issues_and_the_records_own_concern_its_members() {
        let city = at(
            SchemaKind::Create,
            json!({"address": "somewhere"}),
            "address.city",
        );
        assert_eq!(paths(&city.issues), ["address"]);
        let not_an_object = at(SchemaKind::Create, json!([1]), "email");
        assert_eq!(not_an_object.issues.len(), 1);
        let strict = Options::default().with_unknown_keys("strict").unwrap();
        let input = json!({"email": "a@example.com", "extra": 1});
        let email = field_issues(
            SchemaKind::Create,
            &input,
            &strict,
            &parse_path("email").unwrap(),
        );
        assert!(
            email.issues.is_empty(),
            "an unknown key is no field's issue"
        );
    }

    #[test]
    fn fields_whose_rules_read_it_are_included() {
        // The phone number is read in the address's country: changing the country re-judges it.
        let input = json!({"phone_number": "020 7946 0958", "address": {"country": "Narnia"}});
        let country = at(SchemaKind::Create, input.clone(), "address.country");
        assert_eq!(paths(&country.issues), ["phone_number", "address.country"]);
        let street = at(SchemaKind::Create, input, "address.street");
        assert_eq!(paths(&street.issues), ["address.street"]);
        let times = json!({"id": "c", "createdAt": 1_709_856_000_000u64, "updatedAt": 1_609_856_000_000u64});
        assert_eq!(
            paths(&at(SchemaKind::Customer, times, "createdAt").issues),
            ["updatedAt"]
        );
        let sms = json!({"preferred_contact_method": "SMS"});
        let phone = at(SchemaKind::Create, sms, "phone_number");
        assert_eq!(paths(&phone.warnings), ["preferred_contact_method"]);
    }

    #[test]
    fn paths_read_as_dotted_keys_or_json() {
        let expected = vec![PathItem::from("tags"), PathItem::Index(2)];
        assert_eq!(parse_path("tags.2"), Some(expected.clone()));
        assert_eq!(parse_path(r#"["tags",2]"#), Some(expected));
        assert_eq!(
            parse_path(r#"["custom_fields","a.b"]"#),
            Some(vec![PathItem::from("custom_fields"), PathItem::from("a.b")])
        );
        assert_eq!(parse_path(r#"["x",-1]"#), None);
        assert_eq!(parse_path("[oops"), None);
        assert_eq!(parse_path(""), Some(Vec::new()));
    }
}
