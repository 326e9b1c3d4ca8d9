//! Many records in one call: a list of inputs, a JSON array text, or lines
//! of NDJSON, each record validated on its own (one bad record never fails
//! the others), with a summary of the whole batch.
//!
//! The typed results ([`Batch`]) are for Rust callers; the texts a batch
//! crosses to JavaScript or a command line as are written record by record
//! by `crate::output::batch`, which counts into the same [`Summary`].

use super::{SafeParse, Schema};
use crate::issue::{Issue, PathItem};
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
