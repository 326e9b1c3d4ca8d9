//! Many records in one call: a list of inputs, a JSON array text, or lines
//! of NDJSON, each record validated on its own (one bad record never fails
//! the others), with a summary of the whole batch.
//!
//! The typed results ([`Batch`]) are for Rust callers; the texts a batch
//! crosses to JavaScript or a command line as are written record by record
//! by `crate::output::batch`, which counts into the same [`Summary`].

use super::{SafeParse, Schema};
use crate::issue::{Issue, PathItem, CODES};
use crate::options::Options;
use indexmap::IndexMap;
use serde::ser::{Serialize, SerializeStruct, Serializer};
use serde_json::Value as Json;

/// Most records one call takes; a longer list is refused whole (stream it).
pub const MAX_BATCH_RECORDS: usize = 1_000_000;

/// The typed results of a batch, in input order, and their summary.
#[derive(Debug, Clone, PartialEq)]
pub struct Batch<T> {
    pub results: Vec<SafeParse<T>>,
    pub summary: Summary,
}

/// Counts over a batch: records, valid, invalid, records with warnings, and
/// issues by path and code.
///
/// A path is written as its keys joined by `.`, with every array index as
/// `[*]` so that issues in any tag count together (`tags[*]`,
/// `address.postalCode`); the record itself is `""`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    pub total: u64,
    pub valid: u64,
    pub invalid: u64,
    pub warned: u64,
    /// (An `IndexMap`: serde_json's object map already brings its hash
    /// table into the module, where a std `HashMap` would add a second one.)
    counts: IndexMap<(String, &'static str), u64>,
}

/// One line of [`Summary::issues`].
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct IssueCount {
    pub path: String,
    pub code: &'static str,
    pub count: u64,
}

impl Summary {
    /// Counts one result.
    pub fn add<T>(&mut self, result: &SafeParse<T>) {
        let issues = match result {
            SafeParse::Success { .. } => &[][..],
            SafeParse::Failure { issues, .. } => issues.as_slice(),
        };
        self.add_outcome(result.is_success(), issues, !result.warnings().is_empty());
    }

    pub(crate) fn add_outcome(&mut self, success: bool, issues: &[Issue], warned: bool) {
        self.total += 1;
        if success {
            self.valid += 1;
        } else {
            self.invalid += 1;
        }
        if warned {
            self.warned += 1;
        }
        for issue in issues {
            *self
                .counts
                .entry((path_key(&issue.path), issue.code()))
                .or_insert(0) += 1;
        }
    }

    /// Adds another summary's counts into this one: a running summary over
    /// batches (NDJSON chunks, files).
    pub fn merge(&mut self, other: &Summary) {
        // (Saturating: a summary read back from JSON may hold any count.)
        self.total = self.total.saturating_add(other.total);
        self.valid = self.valid.saturating_add(other.valid);
        self.invalid = self.invalid.saturating_add(other.invalid);
        self.warned = self.warned.saturating_add(other.warned);
        for ((path, code), count) in &other.counts {
            let sum = self.counts.entry((path.clone(), code)).or_insert(0);
            *sum = sum.saturating_add(*count);
        }
    }

    /// Reads a summary back from the JSON it is written as (the `summary`
    /// of a batch's result); `None` for anything else, an unknown issue
    /// code or a count that is not a whole number included. A path and
    /// code listed twice count together.
    pub fn from_json(value: &Json) -> Option<Summary> {
        // Members are matched by walking them, not looked up by key: no
        // hashing code joins the module for this.
        let Json::Object(members) = value else {
            return None;
        };
        let mut summary = Summary::default();
        let mut read = 0u8;
        for (key, member) in members {
            let (bit, slot) = match key.as_str() {
                "total" => (1, &mut summary.total),
                "valid" => (2, &mut summary.valid),
                "invalid" => (4, &mut summary.invalid),
                "warned" => (8, &mut summary.warned),
                "issues" => {
                    for line in member.as_array()? {
                        let (path, code, count) = issue_count(line)?;
                        let sum = summary.counts.entry((path.to_owned(), code)).or_insert(0);
                        *sum = sum.saturating_add(count);
                    }
                    read |= 16;
                    continue;
                }
                _ => continue,
            };
            *slot = member.as_u64()?;
            read |= bit;
        }
        (read == 31).then_some(summary)
    }

    /// Issue counts, most frequent first (then by path and code).
    pub fn issues(&self) -> Vec<IssueCount> {
        let mut list: Vec<IssueCount> = self
            .counts
            .iter()
            .map(|((path, code), count)| IssueCount {
                path: path.clone(),
                code,
                count: *count,
            })
            .collect();
        list.sort_by(|a, b| {
            b.count
                .cmp(&a.count)
                .then_with(|| a.path.cmp(&b.path))
                .then_with(|| a.code.cmp(b.code))
        });
        list
    }
}

impl Serialize for Summary {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Summary", 5)?;
        s.serialize_field("total", &self.total)?;
        s.serialize_field("valid", &self.valid)?;
        s.serialize_field("invalid", &self.invalid)?;
        s.serialize_field("warned", &self.warned)?;
        s.serialize_field("issues", &self.issues())?;
        s.end()
    }
}

/// A line of a summary's `issues` read back: its path, code and count.
fn issue_count(line: &Json) -> Option<(&str, &'static str, u64)> {
    let Json::Object(members) = line else {
        return None;
    };
    let (mut path, mut code, mut count) = (None, None, None);
    for (key, member) in members {
        match key.as_str() {
            "path" => path = Some(member.as_str()?),
            "code" => {
                let given = member.as_str()?;
                code = Some(CODES.into_iter().find(|&known| known == given)?);
            }
            "count" => count = Some(member.as_u64()?),
            _ => {}
        }
    }
    Some((path?, code?, count?))
}

/// `["address", "city"]` → `address.city`; `["tags", 2]` → `tags[*]`.
pub fn path_key(path: &[PathItem]) -> String {
    let mut key = String::new();
    for item in path {
        match item {
            PathItem::Key(name) => {
                if !key.is_empty() {
                    key.push('.');
                }
                key.push_str(name);
            }
            PathItem::Index(_) => key.push_str("[*]"),
        }
    }
    key
}

/// Validates every input with schema `Sch`.
pub fn parse_many<Sch: Schema>(inputs: &[Json], options: &Options) -> Batch<Sch::Output> {
    let mut summary = Summary::default();
    let results = inputs
        .iter()
        .map(|input| {
            let result = Sch::safe_parse(input, options);
            summary.add(&result);
            result
        })
        .collect();
    Batch { results, summary }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::problem::Problem;

    fn summary_of(outcomes: &[(bool, &[Issue], bool)]) -> Summary {
        let mut summary = Summary::default();
        for &(success, issues, warned) in outcomes {
            summary.add_outcome(success, issues, warned);
        }
        summary
    }

    #[test]
    fn merging_two_summaries_counts_as_one_batch_of_both() {
        let email = Problem::required("string").at(path!["email"]);
        let tag = Problem::TooShort { minimum: 1 }.at(path!["tags", 3]);
        let both = [tag, email.clone()];
        let first: &[(bool, &[Issue], bool)] = &[
            (true, &[], true),
            (false, std::slice::from_ref(&email), false),
        ];
        let second: &[(bool, &[Issue], bool)] = &[
            (false, &both, true),
            (false, std::slice::from_ref(&email), false),
        ];
        let mut merged = summary_of(first);
        merged.merge(&summary_of(second));
        let whole = summary_of(&[first, second].concat());
        assert_eq!(
            serde_json::to_value(&merged).unwrap(),
            serde_json::to_value(&whole).unwrap()
        );
        assert_eq!(merged.total, 4);
        assert_eq!(merged.issues()[0].count, 3, "email: required, 3 times");
    }

    #[test]
    fn a_summary_reads_back_from_its_json() {
        let tag = Problem::TooShort { minimum: 1 }.at(path!["tags", 0]);
        let summary = summary_of(&[(false, &[tag], false), (true, &[], true)]);
        let json = serde_json::to_value(&summary).unwrap();
        assert_eq!(Summary::from_json(&json), Some(summary));
    }

    #[test]
    fn counts_read_back_saturate_instead_of_overflowing() {
        let huge = serde_json::json!({"total": u64::MAX, "valid": u64::MAX, "invalid": 0,
            "warned": 0, "issues": [{"path": "", "code": "custom", "count": u64::MAX},
                                    {"path": "", "code": "custom", "count": 1}]});
        let mut summary = Summary::from_json(&huge).unwrap();
        summary.merge(&Summary::from_json(&huge).unwrap());
        assert_eq!(summary.total, u64::MAX);
        assert_eq!(summary.issues()[0].count, u64::MAX);
    }

    #[test]
    fn what_is_not_a_summary_is_refused() {
        let good = serde_json::json!({"total": 1, "valid": 0, "invalid": 1, "warned": 0,
            "issues": [{"path": "email", "code": "too_small", "count": 1}]});
        assert!(Summary::from_json(&good).is_some());
        for (key, bad) in [
            ("total", serde_json::json!(-1)),
            ("valid", serde_json::json!(1.5)),
            ("warned", serde_json::json!("0")),
            (
                "issues",
                serde_json::json!([{"path": "email", "code": "nope", "count": 1}]),
            ),
            (
                "issues",
                serde_json::json!([{"path": 1, "code": "custom", "count": 1}]),
            ),
            ("issues", serde_json::json!({})),
        ] {
            let mut value = good.clone();
            value[key] = bad;
            assert_eq!(Summary::from_json(&value), None, "{key}: {}", value[key]);
        }
        assert_eq!(Summary::from_json(&serde_json::json!(null)), None);
    }
}
