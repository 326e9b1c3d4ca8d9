//! JSON values kept as given: `custom_fields`, and unknown keys under
//! `unknownKeys: "passthrough"`.
//!
//! The value must be plain JSON data, so that what a browser validates is
//! what a server stores: anything JSON cannot carry (a function, a `Date`, a
//! `Map`, a `BigInt`, `NaN`) is an issue at its own path, and nesting is
//! bounded (32 levels of objects and arrays, the value itself being level 1:
//! a leaf inside the 32nd is fine). Keys such as
//! `__proto__` are ordinary data.

use super::{type_problem, MAX_JSON_LEVELS};
use crate::input::{Foreign, Value};
use crate::issue::{Issue, IssueKind, Origin, Path, PathItem, MAX_ISSUES};

/// Reports every part of `value` that is not JSON data or is nested deeper
/// than allowed; `level` is the nesting level of `value` itself (a member of
/// a level-1 object is at level 2). Levels count containers: a leaf is at
/// the level of the object or array holding it.
///
/// Returns how many issues it found. Past a record's first [`MAX_ISSUES`]
/// (and one more, which tells the record's writer that some are left out),
/// issues are counted in `overflow`, not made: a small input (a few objects
/// referenced from many places) can hold a huge number of paths, and an
/// issue copies its whole path.
pub fn check_json(
    value: &Value,
    path: Path,
    level: u64,
    issues: &mut Vec<Issue>,
    overflow: &mut Overflow,
) -> u64 {
    let mut walk = Walk {
        at: path,
        below: Vec::new(),
        issues,
        overflow,
        found: 0,
    };
    walk.value(value, level);
    walk.found
}

/// The issues of a record [`check_json`] counted without making them.
#[derive(Debug, Default)]
pub struct Overflow {
    /// How many.
    pub count: u64,
    /// Whether the record's issues hold a `too_big` for the input's value
    /// bound, once looked for: every value past that bound is one more,
    /// which the record's writer drops (the first says it all).
    too_large: Option<bool>,
}

/// One step below the value checked: a key (borrowed from the value) or an
/// index.
enum Step<'v> {
    Key(&'v str),
    Index(usize),
}

/// [`check_json`]'s walk: the steps from the value checked down to the
/// value being looked at, kept as one stack of borrowed keys and turned
/// into a path only for an issue (a path per value would copy every key
/// above it, for each of up to 100,000 values). Recursion is bounded by
/// the reader's depth bound.
struct Walk<'v, 'i> {
    at: Path,
    below: Vec<Step<'v>>,
    issues: &'i mut Vec<Issue>,
    overflow: &'i mut Overflow,
    found: u64,
}

impl<'v> Walk<'v, '_> {
    fn value(&mut self, value: &'v Value, level: u64) {
        match value {
            Value::Null | Value::Bool(_) | Value::Number(_) | Value::String(_) => {}
            Value::Array(_) | Value::Object(_) if level > MAX_JSON_LEVELS => {
                self.report(&Value::Foreign(Foreign::TooDeep));
            }
            Value::Array(items) => {
                for (index, item) in items.iter().enumerate() {
                    self.below.push(Step::Index(index));
                    self.value(item, level + 1);
                    self.below.pop();
                }
            }
            Value::Object(members) => {
                for (key, member) in members {
                    self.below.push(Step::Key(key));
                    self.value(member, level + 1);
                    self.below.pop();
                }
            }
            Value::Foreign(_) => self.report(value),
        }
    }

    fn report(&mut self, value: &Value) {
        self.found += 1;
        if let Value::Foreign(Foreign::TooLarge) = value {
            let issues = &*self.issues;
            let listed = self.overflow.too_large.get_or_insert_with(|| {
                issues.iter().any(|issue| {
                    matches!(
                        issue.kind,
                        IssueKind::TooBig {
                            origin: Origin::Input,
                            ..
                        }
                    )
                })
            });
            if std::mem::replace(listed, true) {
                return;
            }
        } else if self.issues.len() > MAX_ISSUES {
            self.overflow.count += 1;
            return;
        }
        let mut path = self.at.clone();
        path.extend(self.below.iter().map(|step| match step {
            Step::Key(key) => PathItem::Key((*key).to_owned()),
            Step::Index(index) => PathItem::Index(*index),
        }));
        self.issues.push(type_problem("json", value).at(path));
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
        check_json(
            &value,
            path!["custom_fields"],
            1,
            &mut issues,
            &mut Overflow::default(),
        );
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
        check_json(
            &value,
            path!["custom_fields"],
            1,
            &mut issues,
            &mut Overflow::default(),
        );
        assert_eq!(issues.len(), 2);
        assert_eq!(issues[0].path, path!["custom_fields", "when"]);
        assert_eq!(
            issues[0].message,
            "Enter a value JSON can hold: text, a number, yes or no, a list or a group of named values"
        );
        assert_eq!(issues[1].path, path!["custom_fields", "list", 0]);
    }

    /// `custom_fields` (level 1) and objects nested in it, `levels` objects
    /// in all, the innermost holding a leaf.
    fn nested(levels: u64) -> Value {
        let mut value = Value::Bool(true);
        for _ in 0..levels {
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
            &mut Overflow::default(),
        );
        assert!(issues.is_empty(), "32 levels are allowed");
        check_json(
            &nested(MAX_JSON_LEVELS + 1),
            path!["custom_fields"],
            1,
            &mut issues,
            &mut Overflow::default(),
        );
        assert_eq!(issues.len(), 1);
        assert_eq!(issues[0].code(), "too_big");
        assert_eq!(
            issues[0].message,
            "This value is nested more than 32 levels deep, or contains itself"
        );
        // The path names the first object that is too deep: 32 keys below custom_fields.
        assert_eq!(issues[0].path.len(), 1 + MAX_JSON_LEVELS as usize);
    }

    #[test]
    fn an_empty_container_past_32_levels_is_too_deep_and_a_leaf_at_32_is_not() {
        let mut issues = Vec::new();
        let mut array = Value::Array(Vec::new());
        for _ in 1..MAX_JSON_LEVELS {
            array = Value::Array(vec![array]);
        }
        check_json(
            &array,
            path!["custom_fields"],
            1,
            &mut issues,
            &mut Overflow::default(),
        );
        assert!(issues.is_empty(), "32 arrays are allowed");
        check_json(
            &Value::Array(vec![array]),
            path!["custom_fields"],
            1,
            &mut issues,
            &mut Overflow::default(),
        );
        assert_eq!(issues.len(), 1, "33 arrays are one too many");
        assert_eq!(issues[0].path.len(), 1 + MAX_JSON_LEVELS as usize);
    }
}
