//! JSON values kept as given: `custom_fields`, and unknown keys under
//! `unknownKeys: "passthrough"`.
//!
//! The value must be plain JSON data, so that what a browser validates is
//! what a server stores: anything JSON cannot carry (a function, a `Date`, a
//! `Map`, a `BigInt`, `NaN`) is an issue at its own path, and nesting is
//! bounded (32 levels, the value itself being level 1). Keys such as
//! `__proto__` are ordinary data.

use super::{type_issue, MAX_JSON_LEVELS};
use crate::issue::{child, Issue, Path};
use crate::value::{Foreign, Value};

/// Reports every part of `value` that is not JSON data or is nested deeper
/// than allowed; `level` is the nesting level of `value` itself (a member of
/// a level-1 object is at level 2, whether it is a container or not).
pub fn check_json(value: &Value, path: Path, level: u64, issues: &mut Vec<Issue>) {
    if level > MAX_JSON_LEVELS {
        issues.push(type_issue(path, "json", &Value::Foreign(Foreign::TooDeep)));
        return;
    }
    match value {
        Value::Null | Value::Bool(_) | Value::Number(_) | Value::String(_) => {}
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                check_json(item, child(&path, index), level + 1, issues);
            }
        }
        Value::Object(members) => {
            for (key, member) in members {
                check_json(member, child(&path, &**key), level + 1, issues);
            }
        }
        Value::Foreign(_) => issues.push(type_issue(path, "json", value)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_data_passes() {
        let mut issues = Vec::new();
        let value = Value::Object(vec![
            (
                "__proto__".into(),
                Value::Object(vec![("polluted".into(), Value::Bool(true))]),
            ),
            (
                "list".into(),
                Value::Array(vec![Value::Null, Value::String("x".into())]),
            ),
        ]);
        check_json(&value, path!["custom_fields"], 1, &mut issues);
        assert!(issues.is_empty());
    }

    #[test]
    fn non_json_values_are_issues_at_their_path() {
        let mut issues = Vec::new();
        let value = Value::Object(vec![
            (
                "when".into(),
                Value::Foreign(Foreign::NotJson("Date".into())),
            ),
            (
                "list".into(),
                Value::Array(vec![Value::Foreign(Foreign::NotJson("NaN".into()))]),
            ),
        ]);
        check_json(&value, path!["custom_fields"], 1, &mut issues);
        assert_eq!(issues.len(), 2);
        assert_eq!(issues[0].path, path!["custom_fields", "when"]);
        assert_eq!(
            issues[0].message,
            "Invalid input: expected json, received Date"
        );
        assert_eq!(issues[1].path, path!["custom_fields", "list", 0]);
    }

    /// `custom_fields` (level 1) holding objects nested until a leaf at `levels`.
    fn nested(levels: u64) -> Value {
        let mut value = Value::Bool(true);
        for _ in 1..levels {
            value = Value::Object(vec![("a".into(), value)]);
        }
        value
    }

    #[test]
    fn values_nested_32_levels_pass_and_33_are_too_deep() {
        let mut issues = Vec::new();
        check_json(
            &nested(MAX_JSON_LEVELS),
            path!["custom_fields"],
            1,
            &mut issues,
        );
        assert!(issues.is_empty(), "32 levels are allowed");
        check_json(
            &nested(MAX_JSON_LEVELS + 1),
            path!["custom_fields"],
            1,
            &mut issues,
        );
        assert_eq!(issues.len(), 1);
        assert_eq!(issues[0].code(), "too_big");
        assert_eq!(
            issues[0].message,
            "Too deep: nested more than 32 levels (or cyclic)"
        );
        // The path names the first value that is too deep: 32 keys below custom_fields.
        assert_eq!(issues[0].path.len(), 1 + MAX_JSON_LEVELS as usize);
    }
}
