//! Many records in one call: a list of inputs, a JSON array text, or lines
//! of NDJSON, each record validated on its own (one bad record never fails
//! the others), with a summary of the whole batch.
//!
//! The typed results ([`Batch`]) are for Rust callers; the texts a batch
//! crosses to JavaScript or a command line as are written record by record
//! by `crate::output::batch`, which counts into the same [`Summary`].

use super::driver::Run;
use super::{read_record, SafeParse, Schema};
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

/// Counts over a batch: records, valid, invalid, records with warnings,
/// issues by path and code, and the address's postal code and state issues
/// by the address's country.
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
    /// Issues at `address.postalCode` and `address.state`, by the address's
    /// country (alpha-2; `None` when it names none), sorted by country. (A
    /// list: a file names a few countries, at most 250.)
    countries: Vec<(Option<&'static str>, [u64; 2])>,
}

/// One line of [`Summary::countries`]: the issues at `address.postalCode`
/// and `address.state` of addresses in one country.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct CountryCount {
    /// Alpha-2; `None` for addresses whose country names none.
    pub country: Option<&'static str>,
    #[serde(rename = "postalCode")]
    pub postal_code: u64,
    pub state: u64,
}

/// The slot of [`Summary::countries`] an issue at `path` counts in.
fn address_slot(path: &str) -> Option<usize> {
    match path {
        "address.postalCode" => Some(0),
        "address.state" => Some(1),
        _ => None,
    }
}

/// One line of [`Summary::issues`].
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct IssueCount {
    pub path: String,
    pub code: &'static str,
    pub count: u64,
}

impl Summary {
    /// Counts one result, of a record whose address is in `address_country`
    /// (alpha-2, as [`crate::rules::country::normalize_country`] gives it; `None` when the
    /// record's address names no country).
    pub fn add<T>(&mut self, result: &SafeParse<T>, address_country: Option<&'static str>) {
        let issues = match result {
            SafeParse::Success { .. } => &[][..],
            SafeParse::Failure { issues, .. } => issues.as_slice(),
        };
        self.add_outcome(
            result.is_success(),
            issues,
            !result.warnings().is_empty(),
            address_country,
        );
    }

    pub(crate) fn add_outcome(
        &mut self,
        success: bool,
        issues: &[Issue],
        warned: bool,
        address_country: Option<&'static str>,
    ) {
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
            let path = path_key(&issue.path);
            if let Some(slot) = address_slot(&path) {
                self.add_country(address_country, slot, 1);
            }
            *self.counts.entry((path, issue.code())).or_insert(0) += 1;
        }
    }

    /// Adds `count` to `country`'s count at `slot` (0: postal code, 1: state).
    fn add_country(&mut self, country: Option<&'static str>, slot: usize, count: u64) {
        let at = match self.countries.binary_search_by_key(&country, |&(c, _)| c) {
            Ok(at) => at,
            Err(at) => {
                self.countries.insert(at, (country, [0; 2]));
                at
            }
        };
        if let Some(sum) = self
            .countries
            .get_mut(at)
            .and_then(|(_, counts)| counts.get_mut(slot))
        {
            *sum = sum.saturating_add(count);
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
        for &(country, counts) in &other.countries {
            for (slot, count) in counts.into_iter().enumerate() {
                self.add_country(country, slot, count);
            }
        }
    }

    /// Reads a summary back from the JSON it is written as (the `summary`
    /// of a batch's result); `None` for anything else, an unknown issue
    /// code or country, or a count that is not a whole number included. A
    /// path and code (or a country) listed twice count together; no
    /// `countries` is none.
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
                "countries" => {
                    for line in member.as_array()? {
                        let (country, counts) = country_count(line)?;
                        for (slot, count) in counts.into_iter().enumerate() {
                            summary.add_country(country, slot, count);
                        }
                    }
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

    /// Issues at `address.postalCode` and `address.state` by the address's
    /// country, most first (then by country, no country first); only
    /// countries with some.
    pub fn countries(&self) -> Vec<CountryCount> {
        let mut list: Vec<CountryCount> = self
            .countries
            .iter()
            .filter(|(_, counts)| counts != &[0; 2])
            .map(|&(country, [postal_code, state])| CountryCount {
                country,
                postal_code,
                state,
            })
            .collect();
        // Insertion sort: a few lines, where `sort_by` would bring another
        // instantiation of the standard sort into the module.
        let total = |c: Option<&CountryCount>| c.map(|c| c.postal_code.saturating_add(c.state));
        for i in 1..list.len() {
            let mut j = i;
            while j > 0 {
                let (before, this) = (list.get(j - 1), list.get(j));
                // More first; among equals, by country (already in order).
                if total(this) <= total(before) {
                    break;
                }
                list.swap(j - 1, j);
                j -= 1;
            }
        }
        list
    }
}

impl Serialize for Summary {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let countries = self.countries();
        let mut s = serializer.serialize_struct("Summary", 6)?;
        s.serialize_field("total", &self.total)?;
        s.serialize_field("valid", &self.valid)?;
        s.serialize_field("invalid", &self.invalid)?;
        s.serialize_field("warned", &self.warned)?;
        s.serialize_field("issues", &self.issues())?;
        // Only when there are some: a batch without address issues reads
        // as it did before the counts by country.
        if !countries.is_empty() {
            s.serialize_field("countries", &countries)?;
        }
        s.end()
    }
}

/// A line of a summary's `countries` read back: its country (a known
/// alpha-2 code, or `null`) and its two counts.
fn country_count(line: &Json) -> Option<(Option<&'static str>, [u64; 2])> {
    let Json::Object(members) = line else {
        return None;
    };
    let (mut country, mut postal_code, mut state) = (None, None, None);
    for (key, member) in members {
        match key.as_str() {
            "country" => {
                country = Some(match member {
                    Json::Null => None,
                    Json::String(given) => Some(
                        crate::rules::country::normalize_country(given)
                            .filter(|known| known == given)?,
                    ),
                    _ => return None,
                });
            }
            "postalCode" => postal_code = Some(member.as_u64()?),
            "state" => state = Some(member.as_u64()?),
            _ => {}
        }
    }
    Some((country?, [postal_code?, state?]))
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
            let mut run = Run::new(Sch::KIND, options);
            let fields = run.record(&read_record(Sch::KIND, input, options));
            let country = run.address_country;
            let result = run.finish::<Sch>(fields);
            summary.add(&result, country);
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
            summary.add_outcome(success, issues, warned, None);
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

    /// A summary of failed records whose address is in the given country,
    /// each with one issue at `address.<part>`.
    fn address_summary(records: &[(Option<&'static str>, &str)]) -> Summary {
        let mut summary = Summary::default();
        for &(country, part) in records {
            let issue = Problem::TooShort { minimum: 2 }.at(path!["address", part]);
            summary.add_outcome(false, &[issue], false, country);
        }
        summary
    }

    #[test]
    fn address_issues_count_by_country_most_first_and_read_back() {
        let summary = address_summary(&[
            (Some("GB"), "postalCode"),
            (Some("US"), "postalCode"),
            (None, "postalCode"),
            (Some("US"), "state"),
            (Some("US"), "postalCode"),
            (Some("GB"), "city"),
            (Some("FR"), "street"),
        ]);
        let json = serde_json::to_value(&summary).unwrap();
        assert_eq!(
            json["countries"],
            serde_json::json!([
                {"country": "US", "postalCode": 2, "state": 1},
                {"country": null, "postalCode": 1, "state": 0},
                {"country": "GB", "postalCode": 1, "state": 0},
            ]),
            "other address parts (city, street) are not counted by country"
        );
        assert_eq!(Summary::from_json(&json), Some(summary.clone()));
        let mut twice = summary.clone();
        twice.merge(&summary);
        assert_eq!(
            twice.countries()[0],
            CountryCount {
                country: Some("US"),
                postal_code: 4,
                state: 2
            }
        );
    }

    #[test]
    fn a_summary_without_address_issues_has_no_countries_member() {
        let summary = address_summary(&[(Some("US"), "city")]);
        let json = serde_json::to_value(&summary).unwrap();
        assert_eq!(json.get("countries"), None);
        assert_eq!(Summary::from_json(&json), Some(summary));
    }

    #[test]
    fn counts_by_country_read_back_refuse_what_is_not_a_country_line() {
        let with = |line: Json| {
            serde_json::json!({"total": 1, "valid": 0, "invalid": 1, "warned": 0,
                "issues": [], "countries": [line]})
        };
        let good = with(serde_json::json!({"country": "US", "postalCode": 1, "state": 0}));
        assert!(Summary::from_json(&good).is_some());
        for bad in [
            serde_json::json!({"country": "ZZ", "postalCode": 1, "state": 0}),
            serde_json::json!({"country": "usa", "postalCode": 1, "state": 0}),
            serde_json::json!({"country": 1, "postalCode": 1, "state": 0}),
            serde_json::json!({"country": "US", "postalCode": -1, "state": 0}),
            serde_json::json!({"country": "US", "postalCode": 1}),
            serde_json::json!({"postalCode": 1, "state": 0}),
            serde_json::json!(["US", 1, 0]),
        ] {
            assert_eq!(Summary::from_json(&with(bad.clone())), None, "{bad}");
        }
        let not_a_list = serde_json::json!({"total": 1, "valid": 0, "invalid": 1, "warned": 0,
            "issues": [], "countries": {}});
        assert_eq!(Summary::from_json(&not_a_list), None);
    }

    #[test]
    fn counts_by_country_read_back_saturate_and_add_up() {
        let huge = serde_json::json!({"total": 0, "valid": 0, "invalid": 0, "warned": 0,
            "issues": [], "countries": [
                {"country": "CA", "postalCode": u64::MAX, "state": 1},
                {"country": "CA", "postalCode": 1, "state": 1}]});
        let mut summary = Summary::from_json(&huge).unwrap();
        summary.merge(&Summary::from_json(&huge).unwrap());
        assert_eq!(
            summary.countries(),
            vec![CountryCount {
                country: Some("CA"),
                postal_code: u64::MAX,
                state: 4
            }]
        );
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
