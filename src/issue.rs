//! Issues: what is wrong with an input (or, for warnings, worth a second look).
//!
//! The shape is Zod 4's, so form code written against Zod reads these
//! unchanged: a `code` from Zod's set, a `path` of keys and indexes, a
//! human `message`, and extra keys that carry the detail of each code
//! (`expected`/`received`, `format`, `minimum`, …). In Rust the code and
//! its detail are one typed value, [`IssueKind`].

use serde::Serialize;
#[cfg(feature = "tsify")]
use tsify::Tsify;

/// One step of a path: an object key or an array index.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "tsify", derive(Tsify))]
#[serde(untagged)]
pub enum PathItem {
    Key(String),
    Index(usize),
}

impl From<&str> for PathItem {
    fn from(key: &str) -> Self {
        PathItem::Key(key.to_owned())
    }
}

impl From<usize> for PathItem {
    fn from(index: usize) -> Self {
        PathItem::Index(index)
    }
}

/// A location in the input, from the record's root.
pub type Path = Vec<PathItem>;

/// The rule family behind an `invalid_format` issue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "tsify", derive(Tsify))]
#[serde(rename_all = "snake_case")]
pub enum Format {
    Phone,
    Email,
    Timezone,
    Language,
    Country,
    /// A postal code that does not match its country's format, or lies
    /// outside its state's.
    PostalCode,
    /// A state that names none of its country's subdivisions.
    State,
    /// Control characters in a text field, or an unpaired UTF-16 surrogate.
    Text,
    /// A line of NDJSON (or a JSON text given to a batch) that is not JSON.
    Json,
}

/// What a `too_small` / `too_big` bound measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "tsify", derive(Tsify))]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// A string: for a length bound, its Unicode scalar values (UTF-16 code
    /// units for the input size limit); for `invalid_format`, the value that
    /// does not match (Zod 4 gives its string formats `origin: "string"`).
    String,
    /// A numeric value.
    Number,
    /// Nesting depth of a JSON value.
    Depth,
    /// Count of values in the whole input.
    Input,
}

/// Which rule a `custom` issue (or a warning) comes from, for programs that
/// react to it without parsing the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "tsify", derive(Tsify))]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// `updatedAt` is earlier than `createdAt`.
    UpdatedBeforeCreated,
    /// A property could not be read (a getter or a Proxy trap threw).
    Unreadable,
    /// Warning: `SMS` is preferred but the number's type cannot receive SMS.
    SmsToNonMobile,
    /// Warning: `PHONE` or `SMS` is preferred but there is no phone number.
    MissingPhone,
    /// Warning: `EMAIL` is preferred (or defaulted) but there is no email.
    MissingEmail,
    /// Warning: a timestamp below 10^11 is probably in seconds, not milliseconds.
    TimestampInSeconds,
    /// A record had more than 100 issues: the rest are counted, not listed.
    TooManyIssues,
    /// The validator itself failed (never expected; reported instead of crashing).
    Internal,
}

/// The code of an issue and the detail that goes with it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "tsify", derive(Tsify))]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum IssueKind {
    InvalidType {
        expected: &'static str,
        received: String,
    },
    InvalidFormat {
        origin: Origin,
        format: Format,
    },
    InvalidValue {
        values: Vec<&'static str>,
    },
    TooSmall {
        origin: Origin,
        minimum: u64,
        inclusive: bool,
    },
    TooBig {
        origin: Origin,
        maximum: u64,
        inclusive: bool,
    },
    UnrecognizedKeys {
        keys: Vec<String>,
    },
    Custom {
        rule: Rule,
    },
    /// The issue after a record's first [`MAX_ISSUES`]: how many more there
    /// were (`rule: "too_many_issues"`).
    #[serde(rename = "custom")]
    Omitted {
        rule: Rule,
        omitted: u64,
    },
}

/// Most issues a record's result lists; past them, one more says how many
/// were left out ([`IssueKind::Omitted`]).
pub const MAX_ISSUES: usize = 100;

/// A problem found in the input (in `error.issues`), or a remark about a
/// valid input (in `warnings`).
///
/// Its TypeScript type is declared below by hand: `tsify` would render the
/// flattened [`IssueKind`] as `interface Issue extends IssueKind`, which
/// TypeScript rejects for a union.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Issue {
    #[serde(flatten)]
    pub kind: IssueKind,
    pub path: Path,
    pub message: String,
    /// What was found, from which the message is written (again, in
    /// another language: [`Issue::reword`]).
    #[serde(skip)]
    pub problem: crate::problem::Problem,
}

#[cfg(feature = "tsify")]
#[wasm_bindgen::prelude::wasm_bindgen(typescript_custom_section)]
const ISSUE_TS: &str = r#"
/**
 * A problem found in the input (in `error.issues`), or a remark about a
 * valid input (in `warnings`): Zod 4's issue shape.
 */
export type Issue = IssueKind & { path: PathItem[]; message: string };
"#;

impl Issue {
    /// Writes the message again in `messages`' words (nothing to do for the
    /// built-in English, in which every issue is made).
    pub fn reword(&mut self, messages: &crate::messages::Messages) {
        if !messages.is_english() {
            self.message = self.problem.message_at(&self.path, messages);
        }
    }

    /// The issue's code as Zod names it (`"invalid_type"`, …): one of
    /// [`CODES`].
    pub fn code(&self) -> &'static str {
        match self.kind {
            IssueKind::InvalidType { .. } => "invalid_type",
            IssueKind::InvalidFormat { .. } => "invalid_format",
            IssueKind::InvalidValue { .. } => "invalid_value",
            IssueKind::TooSmall { .. } => "too_small",
            IssueKind::TooBig { .. } => "too_big",
            IssueKind::UnrecognizedKeys { .. } => "unrecognized_keys",
            IssueKind::Custom { .. } | IssueKind::Omitted { .. } => "custom",
        }
    }
}

/// Every issue code, as [`Issue::code`] gives them.
pub const CODES: [&str; 7] = [
    "invalid_type",
    "invalid_format",
    "invalid_value",
    "too_small",
    "too_big",
    "unrecognized_keys",
    "custom",
];

/// Builds a path from its items: `path!["address", "city"]`, `path!["tags", 2]`.
#[macro_export]
macro_rules! path {
    ($($item:expr),* $(,)?) => {
        vec![$($crate::issue::PathItem::from($item)),*]
    };
}

/// The JSON text of an issue list holding `issue`: `[{…}]`. (Serialising
/// an issue cannot fail: its map keys are strings.)
pub(crate) fn issue_list_json(issue: &Issue) -> String {
    serde_json::to_string(std::slice::from_ref(issue)).unwrap_or_else(|_| "[]".into())
}

/// The JSON text of a failed result whose one issue is `issue`.
pub fn failure_json(issue: &Issue) -> String {
    format!(
        r#"{{"success":false,"error":{{"issues":{}}},"warnings":[]}}"#,
        issue_list_json(issue)
    )
}

/// A path below `base`.
pub(crate) fn child(base: &[PathItem], item: impl Into<PathItem>) -> Path {
    let mut path = Vec::with_capacity(base.len() + 1);
    path.extend_from_slice(base);
    path.push(item.into());
    path
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::problem::Problem;

    #[test]
    fn failure_json_is_a_failed_result_with_the_one_issue() {
        let issue = Problem::required("string").at(path!["email"]);
        let text = failure_json(&issue);
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&text).unwrap(),
            serde_json::json!({
                "success": false,
                "error": {"issues": [serde_json::to_value(&issue).unwrap()]},
                "warnings": [],
            })
        );
        assert_eq!(issue.code(), "invalid_type");
    }

    #[test]
    fn every_code_is_listed_and_named_as_serde_tags_it() {
        let kinds = [
            IssueKind::InvalidType {
                expected: "string",
                received: "number".into(),
            },
            IssueKind::InvalidFormat {
                origin: Origin::String,
                format: Format::Email,
            },
            IssueKind::InvalidValue { values: vec![] },
            IssueKind::TooSmall {
                origin: Origin::String,
                minimum: 1,
                inclusive: true,
            },
            IssueKind::TooBig {
                origin: Origin::Input,
                maximum: 1,
                inclusive: true,
            },
            IssueKind::UnrecognizedKeys { keys: vec![] },
            IssueKind::Custom {
                rule: Rule::Internal,
            },
        ];
        for (kind, code) in kinds.into_iter().zip(CODES) {
            let mut issue = Problem::Internal.at(Vec::new());
            issue.kind = kind;
            assert_eq!(issue.code(), code);
            assert_eq!(serde_json::to_value(&issue).unwrap()["code"], code);
        }
    }
}
