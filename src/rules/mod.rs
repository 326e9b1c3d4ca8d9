//! The rules, one module per family, and the helpers they share.
//!
//! Each family module works on plain Rust values (`&str`, numbers) and knows
//! nothing of records; `crate::record` reads the record, hands each field to
//! its rule, and places the issues. A rule that refuses a value says why
//! with a [`Problem`] (a message id and its parameters; the words are
//! written in `crate::problem`), and the caller, which knows where the
//! value was, turns it into an issue at that path. The helpers here turn a
//! [`Value`] of the wrong type (or one the reader could not read) into the
//! problem every rule reports the same way.

pub mod address;
pub mod choice;
pub mod country;
pub mod email;
pub mod json;
pub mod language;
pub mod phone;
pub mod tags;
pub mod text;
pub mod timestamp;
pub mod timezone;

use crate::input::MAX_READ_DEPTH;
use crate::input::{Foreign, Value};
use crate::issue::{Issue, Path};
use crate::problem::Problem;

/// The entry of a table sorted by its first column whose key is `key`
/// (the generated tables in `crate::tables` are sorted for this).
pub fn sorted_lookup<T>(
    table: &'static [(&'static str, T)],
    key: &str,
) -> Option<&'static (&'static str, T)> {
    table
        .binary_search_by(|(candidate, _)| (*candidate).cmp(key))
        .ok()
        .and_then(|index| table.get(index))
}

/// Most levels of nested containers a JSON value may have (`custom_fields`
/// is level 1; a string or number inside a level-32 object is within bounds).
pub const MAX_JSON_LEVELS: u64 = (MAX_READ_DEPTH - 1) as u64;

/// True when a string is a value of the `expected` type, so a string the
/// reader refused is a problem of the string itself, not of its type.
fn takes_strings(expected: &str) -> bool {
    matches!(expected, "string" | "json")
}

/// The problem with a value that is not of the `expected` type, or that
/// the reader could not take in (unreadable, too long, too deep, too large).
pub fn type_problem(expected: &'static str, value: &Value) -> Problem {
    match value {
        Value::Foreign(Foreign::Unreadable(message)) => Problem::Unreadable(message.clone()),
        Value::Foreign(Foreign::LoneSurrogate) if takes_strings(expected) => Problem::LoneSurrogate,
        Value::Foreign(Foreign::StringTooLong(_)) if takes_strings(expected) => {
            Problem::StringTooLong
        }
        Value::Foreign(Foreign::TooDeep) => Problem::TooDeep {
            maximum: MAX_JSON_LEVELS,
        },
        Value::Foreign(Foreign::TooLarge) => Problem::TooLarge,
        other => Problem::WrongType {
            expected,
            received: other.type_name(),
        },
    }
}

/// A string field after the common first step: trimmed (unless asked not
/// to), with blank meaning "not given".
pub enum Given<'a> {
    /// The key is absent.
    Absent,
    /// `null`, for a nullable field.
    Null,
    /// Empty or whitespace only.
    Blank,
    Text(&'a str),
    /// Wrong type: the issue has been reported.
    Invalid,
}

impl Given<'_> {
    /// True when the field gives no value (absent, null or blank).
    pub fn is_missing(&self) -> bool {
        matches!(self, Given::Absent | Given::Null | Given::Blank)
    }
}

/// `s.trim()`, without decoding a character when both ends are printable
/// ASCII (the usual value: nothing to trim).
fn trimmed(s: &str) -> &str {
    match (s.as_bytes().first(), s.as_bytes().last()) {
        (Some(first), Some(last)) if first.is_ascii_graphic() && last.is_ascii_graphic() => s,
        _ => s.trim(),
    }
}

/// Reads a string field. `null` is accepted only when `nullable`; any other
/// non-string is an `invalid_type` issue.
pub fn given_string<'a>(
    value: Option<&'a Value>,
    path: &dyn Fn() -> Path,
    nullable: bool,
    trim: bool,
    issues: &mut Vec<Issue>,
) -> Given<'a> {
    match value {
        None => Given::Absent,
        Some(Value::Null) if nullable => Given::Null,
        Some(Value::String(s)) => {
            let s = if trim { trimmed(s) } else { s.as_str() };
            if trim && s.is_empty() {
                Given::Blank
            } else {
                Given::Text(s)
            }
        }
        Some(other) => {
            issues.push(type_problem("string", other).at(path()));
            Given::Invalid
        }
    }
}

#[cfg(test)]
mod tests {
    use super::trimmed;

    #[test]
    fn trimmed_is_trim() {
        for s in [
            "",
            "a",
            " a",
            "a ",
            " ",
            "\u{a0}a",
            "a\u{3000}",
            "é",
            " é ",
            "é a",
            "a\tb",
            "\n",
            "ab",
            "a\u{85}",
            "\u{2028}x\u{2029}",
        ] {
            assert_eq!(trimmed(s), s.trim(), "{s:?}");
        }
    }
}
