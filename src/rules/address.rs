//! Addresses per country: the postal code, the state, and the postal code
//! within the state, checked against Google's address metadata (compiled by
//! `tools/address-tables` into `crate::tables::address`: automata over the
//! symbols postal codes use, no regex engine at run time).
//!
//! The driver applies these after the seed's rules have passed for the
//! parts involved (see `crate::record::driver`); the country is the address's
//! own, already normalised to alpha-2.
//!
//! Work is bounded: a postal code longer than [`MAX_POSTAL_CODE`] bytes is
//! refused before any automaton runs, and each automaton step scans at most
//! one state's edges. A state name longer than [`MAX_STATE`] bytes names no
//! subdivision.

use crate::problem::Problem;
use crate::rules::country::normalize_country;
use crate::tables::address::{
    POSTAL_ACCEPT, POSTAL_COUNTRIES, POSTAL_EDGE_COUNTS, POSTAL_EDGE_RANGES, POSTAL_EDGE_STEPS,
    POSTAL_FIRST, POSTAL_RANGES, POSTAL_ROWS, POSTAL_ROW_STARTS, POSTAL_STARTS, SUBDIVISION_SETS,
    SUBDIVISION_ZIPS,
};
use crate::tables::fold::{name_key, name_key_into};
use crate::tables::{split_u16, SubdivisionSet};

/// The release of Google's address metadata the tables were compiled from.
pub fn address_data_version() -> &'static str {
    crate::tables::address::ADDRESS_DATA_VERSION
}

/// Longest postal code (in bytes, after trimming) an automaton is run on;
/// the longest pattern in the data matches far fewer.
pub const MAX_POSTAL_CODE: usize = 32;

/// Longest state (in bytes) looked up among the subdivisions.
pub const MAX_STATE: usize = 200;

/// "No automaton" in the tables.
const NONE: u16 = u16::MAX;

/// A symbol's index in the automata's alphabet `0-9A-Z -`.
fn symbol(c: char) -> Option<u8> {
    match c {
        '0'..='9' => Some(c as u8 - b'0'),
        'A'..='Z' => Some(c as u8 - b'A' + 10),
        ' ' => Some(36),
        '-' => Some(37),
        _ => None,
    }
}

fn step(state: u16, symbol: u8) -> Option<u16> {
    let index = usize::from(state);
    let block = index / 8;
    let before: usize = POSTAL_EDGE_COUNTS
        .get(block * 8..index)?
        .iter()
        .map(|&n| usize::from(n))
        .sum();
    let from = usize::from(split_u16(POSTAL_FIRST, block)?) + before;
    let to = from + usize::from(*POSTAL_EDGE_COUNTS.get(index)?);
    let edge = (from..to).find(|&edge| {
        POSTAL_EDGE_RANGES
            .get(edge)
            .and_then(|&range| POSTAL_RANGES.get(usize::from(range)))
            .is_some_and(|&(low, high)| (low..=high).contains(&symbol))
    })?;
    // A target is stored as its difference from the state (wrapping).
    Some(state.wrapping_add(split_u16(POSTAL_EDGE_STEPS, edge)?))
}

fn accepts(state: u16) -> bool {
    POSTAL_ACCEPT
        .get(usize::from(state) / 8)
        .is_some_and(|byte| byte >> (state % 8) & 1 == 1)
}

/// Whether `code` (ASCII, read in upper case) matches the automaton at
/// `start` as a whole.
fn matches_whole(start: u16, code: &[u8]) -> bool {
    let mut state = start;
    for &c in code {
        match symbol(char::from(c.to_ascii_uppercase())).and_then(|s| step(state, s)) {
            Some(next) => state = next,
            None => return false,
        }
    }
    accepts(state)
}

/// Whether a prefix of `code` matches the automaton at `start`.
fn matches_prefix(start: u16, code: &str) -> bool {
    let mut state = start;
    if accepts(state) {
        return true;
    }
    for c in code.chars() {
        match symbol(c).and_then(|s| step(state, s)) {
            Some(next) if accepts(next) => return true,
            Some(next) => state = next,
            None => return false,
        }
    }
    false
}

/// A country's postal codes, as `address::POSTAL_ROWS` gives them.
struct PostalFormat {
    country: &'static str,
    /// The start state of its automaton.
    start: u16,
    /// The data's name for the codes: `zip`, `postal`, `pin`, `eircode`.
    kind: &'static str,
    /// Example codes, comma-separated.
    examples: &'static str,
    /// The data's pattern.
    pattern: &'static str,
}

fn postal_format_of(country: &str) -> Option<PostalFormat> {
    let count = POSTAL_COUNTRIES.len() / 2;
    let codes = POSTAL_COUNTRIES.as_bytes();
    let code = |i: usize| POSTAL_COUNTRIES.get(2 * i..2 * i + 2).unwrap_or("");
    let (mut low, mut high) = (0, count);
    while low < high {
        let mid = low + (high - low) / 2;
        match codes
            .get(2 * mid..2 * mid + 2)
            .cmp(&Some(country.as_bytes()))
        {
            std::cmp::Ordering::Less => low = mid + 1,
            std::cmp::Ordering::Greater => high = mid,
            std::cmp::Ordering::Equal => {
                let from = usize::from(split_u16(POSTAL_ROW_STARTS, mid)?);
                let to = usize::from(split_u16(POSTAL_ROW_STARTS, mid + 1)?);
                let row = POSTAL_ROWS.get(from..to.checked_sub(1)?)?;
                let tab = |from: usize| {
                    row.bytes()
                        .skip(from)
                        .position(|b| b == b'\t')
                        .map(|at| from + at)
                };
                let first = tab(0)?;
                let second = tab(first + 1)?;
                return Some(PostalFormat {
                    country: code(mid),
                    start: split_u16(POSTAL_STARTS, mid)?,
                    kind: row.get(..first)?,
                    examples: row.get(first + 1..second)?,
                    pattern: row.get(second + 1..)?,
                });
            }
        }
    }
    None
}

fn subdivision_set(country: &str) -> Option<&'static SubdivisionSet> {
    let index = SUBDIVISION_SETS
        .binary_search_by(|set| set.country.cmp(country))
        .ok()?;
    SUBDIVISION_SETS.get(index)
}

/// The postal code refused for `format`'s country.
fn postal_problem(format: &PostalFormat) -> Problem {
    Problem::PostalCode {
        country: format.country,
        kind: format.kind,
        examples: format.examples,
    }
}

/// A postal code of `country` (alpha-2), trimmed: upper case, and in the
/// layout of the first of the country's examples that makes it match the
/// pattern (`sw1a1aa` → `SW1A 1AA`), else as written if that matches. A
/// country without a pattern keeps the code as given.
pub fn normalize_postal_code(country: &str, code: &str) -> Result<String, Problem> {
    Ok(relaid_postal_code(country, code)?.unwrap_or_else(|| code.to_owned()))
}

/// [`normalize_postal_code`], with `None` for a code that stays as given
/// (the common case: no allocation).
pub fn relaid_postal_code(country: &str, code: &str) -> Result<Option<String>, Problem> {
    let Some(format) = postal_format_of(country) else {
        return Ok(None);
    };
    // Every pattern's alphabet is ASCII: anything else cannot match.
    if code.len() > MAX_POSTAL_CODE || !code.is_ascii() {
        return Err(postal_problem(&format));
    }
    let upper = |b: u8| b.to_ascii_uppercase();
    let is_separator = |b: &u8| matches!(b, b' ' | b'-');
    let mut bare = [0u8; MAX_POSTAL_CODE];
    let mut len = 0;
    for &b in code.as_bytes().iter().filter(|b| !is_separator(b)) {
        bare[len] = upper(b);
        len += 1;
    }
    let bare = &bare[..len];
    // Each example's layout: its letters and digits replaced by the code's.
    let mut laid = [0u8; 2 * MAX_POSTAL_CODE];
    for example in format.examples.as_bytes().split(|&b| b == b',') {
        if example.len() > laid.len()
            || example.iter().filter(|b| !is_separator(b)).count() != bare.len()
        {
            continue;
        }
        let mut symbols = bare.iter();
        for (out, &b) in laid.iter_mut().zip(example) {
            *out = if is_separator(&b) {
                b
            } else {
                symbols.next().copied().unwrap_or(b)
            };
        }
        let laid = &laid[..example.len()];
        if matches_whole(format.start, laid) {
            return Ok(
                (laid != code.as_bytes()).then(|| laid.iter().map(|&b| char::from(b)).collect())
            );
        }
    }
    if matches_whole(format.start, code.as_bytes()) {
        let has_lower = code.bytes().any(|b| b.is_ascii_lowercase());
        return Ok(has_lower.then(|| code.to_ascii_uppercase()));
    }
    Err(postal_problem(&format))
}

/// A subdivision of a country whose addresses require one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Subdivision {
    /// Its country, alpha-2.
    country: &'static str,
    /// Its row in its set.
    row: &'static str,
    /// Its index in `SUBDIVISION_ZIPS`.
    index: usize,
}

impl Subdivision {
    fn column(self, column: usize) -> &'static str {
        let mut rest = self.row;
        for _ in 0..column {
            match rest.bytes().position(|b| b == b'\t') {
                Some(tab) => rest = rest.get(tab + 1..).unwrap_or(""),
                None => return "",
            }
        }
        let end = rest.bytes().position(|b| b == b'\t').unwrap_or(rest.len());
        rest.get(..end).unwrap_or("")
    }

    /// The data's key: what `state` is emitted as (`CA`, `東京都`).
    pub fn key(self) -> &'static str {
        self.column(0)
    }

    /// Its name in the country's main language (`California`, `東京都`).
    pub fn name(self) -> &'static str {
        Some(self.column(1))
            .filter(|s| !s.is_empty())
            .unwrap_or(self.key())
    }

    /// Its name in Latin letters, where the data gives one (`Tokyo`).
    pub fn latin_name(self) -> Option<&'static str> {
        Some(self.column(2)).filter(|s| !s.is_empty())
    }

    /// Its ISO 3166-2 code, where the data gives one (`US-CA`).
    pub fn iso_code(self) -> Option<String> {
        self.iso_suffix()
            .map(|suffix| format!("{}-{suffix}", self.country))
    }

    /// Its ISO 3166-2 code without the country and hyphen (`CA`), where the
    /// data gives one: the tables store it so, `=` where it is the key.
    fn iso_suffix(self) -> Option<&'static str> {
        match self.column(3) {
            "" => None,
            "=" => Some(self.key()),
            suffix => Some(suffix),
        }
    }

    /// The name a message uses: the Latin name, else the name.
    fn display_name(self) -> &'static str {
        self.latin_name().unwrap_or(self.name())
    }

    /// Whether `code` (normalised) is within the subdivision's postal
    /// prefixes; true where the data gives none.
    pub fn contains_postal_code(self, code: &str) -> bool {
        match split_u16(SUBDIVISION_ZIPS, self.index) {
            None | Some(NONE) => true,
            Some(start) => matches_prefix(start, code),
        }
    }
}

/// The subdivisions of a set, in order. (Rows are found with a plain byte
/// scan: `str::split` costs several times as much in the size-optimised
/// build, and this runs on every address of a country with subdivisions.)
fn subdivisions_of(set: &'static SubdivisionSet) -> impl Iterator<Item = Subdivision> {
    let mut rest = set.rows;
    let mut index = usize::from(set.first);
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = rest.bytes().position(|b| b == b'\n').unwrap_or(rest.len());
        let row = rest.get(..end).unwrap_or("");
        rest = rest.get(end + 1..).unwrap_or("");
        index += 1;
        Some(Subdivision {
            country: set.country,
            row,
            index: index - 1,
        })
    })
}

/// The subdivision whose key is `state` in any ASCII case: one pass over
/// the rows' bytes, comparing only where a row starts.
fn find_key(set: &'static SubdivisionSet, state: &str) -> Option<Subdivision> {
    let (rows, target) = (set.rows.as_bytes(), state.as_bytes());
    let first = target.first()?.to_ascii_lowercase();
    let (mut start, mut index) = (0, usize::from(set.first));
    while start < rows.len() {
        let mut end = start;
        while end < rows.len() && rows[end] != b'\n' {
            end += 1;
        }
        let row = &rows[start..end];
        if row.first().map(u8::to_ascii_lowercase) == Some(first)
            && row.get(target.len()) == Some(&b'\t')
            && row[..target.len()].eq_ignore_ascii_case(target)
        {
            let row = set.rows.get(start..end)?;
            return Some(Subdivision {
                country: set.country,
                row,
                index,
            });
        }
        start = end + 1;
        index += 1;
    }
    None
}

/// The state of an address in `country` (alpha-2): `Ok(None)` where the
/// country's `state` is free text; the subdivision it names (by key, name,
/// Latin name, ISO 3166-2 code or another name the data gives, any case,
/// diacritics folded) where the country requires one the data lists; else
/// the problem. The ISO 3166-2 code is also matched without its country
/// prefix (`MH` for `IN-MH`, `DC` for `CO-DC`), as addresses write it.
///
/// The common case, a key as the data writes it in any case (`CA`, `ca`),
/// is found by comparing keys alone; anything else folds each column of the
/// country's rows into one reused buffer and compares (the generator makes
/// sure no two subdivisions share a folded column).
pub fn find_state(country: &str, state: &str) -> Result<Option<Subdivision>, Problem> {
    let Some(set) = subdivision_set(country) else {
        return Ok(None);
    };
    let refused = || {
        let example = subdivisions_of(set).next();
        Problem::State {
            country: set.country,
            kind: set.kind,
            key: example.map_or("", Subdivision::key),
            name: example.map_or("", Subdivision::display_name),
        }
    };
    if state.len() > MAX_STATE {
        return Err(refused());
    }
    if let Some(found) = find_key(set, state) {
        return Ok(Some(found));
    }
    let key = name_key(state);
    // The key without an ISO 3166-2 code's country and hyphen (`ca` for
    // `us-ca`), where it has them.
    let iso_suffix = key
        .get(..3)
        .filter(|prefix| {
            prefix
                .get(..2)
                .is_some_and(|c| c.eq_ignore_ascii_case(set.country))
                && prefix.ends_with('-')
        })
        .and_then(|_| key.get(3..));
    let (mut folded, mut word) = (String::new(), String::new());
    subdivisions_of(set)
        .find(|s| {
            s.row.split('\t').enumerate().any(|(n, column)| {
                // The ISO 3166-2 code, stored without its country, matches
                // with it or without it (`MH` for `IN-MH`; the generator
                // checks that it names no other subdivision).
                let column = if n == 3 && column == "=" {
                    s.key()
                } else {
                    column
                };
                if column.is_empty() {
                    return false;
                }
                name_key_into(column, &mut folded, &mut word);
                folded == key || (n == 3 && iso_suffix == Some(folded.as_str()))
            })
        })
        .map(Some)
        .ok_or_else(refused)
}

/// The key a state is looked up by: its words lower-cased (ASCII and
/// Latin-1), Latin-1 diacritics dropped, full stops dropped, split at
/// whitespace, brackets and commas (`tables::fold`, shared with the
/// generator).
pub fn lookup_key(state: &str) -> String {
    name_key(state)
}

/// The problem with a postal code outside its state's prefixes.
pub fn not_in_state(country: &str, state: Subdivision, code: &str) -> Problem {
    let kind = postal_format_of(country).map_or("postal", |format| format.kind);
    Problem::PostalCodeNotInState {
        kind,
        state: state.display_name(),
        code: code.to_owned(),
    }
}

/// How a country writes its postal codes: for forms and documentation.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PostalCodeFormat {
    /// The country, alpha-2.
    pub country: &'static str,
    /// The data's name for the codes: `zip`, `postal`, `pin` or `eircode`.
    pub kind: &'static str,
    /// Example codes, as the data writes them: its first two, then the
    /// first of each other layout.
    pub examples: Vec<&'static str>,
    /// The data's pattern (a regular expression a code must match as a
    /// whole, in upper case).
    pub pattern: &'static str,
}

/// The postal-code format of a country (ISO 3166-1 code or English name, as
/// the `country` field takes it), or `None` if it has no pattern (or is not a
/// country).
pub fn postal_code_format(country: &str) -> Option<PostalCodeFormat> {
    let format = postal_format_of(normalize_country(country.trim())?)?;
    Some(PostalCodeFormat {
        country: format.country,
        kind: format.kind,
        examples: format
            .examples
            .split(',')
            .filter(|e| !e.is_empty())
            .collect(),
        pattern: format.pattern,
    })
}

/// One subdivision, as [`subdivisions`] lists it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SubdivisionInfo {
    /// What `state` is emitted as.
    pub key: &'static str,
    pub name: &'static str,
    #[serde(rename = "latinName", skip_serializing_if = "Option::is_none")]
    pub latin_name: Option<&'static str>,
    #[serde(rename = "isoCode", skip_serializing_if = "Option::is_none")]
    pub iso_code: Option<String>,
}

/// The subdivisions `state` must name in a country (ISO 3166-1 code or
/// English name), in the data's order; empty where `state` is free text.
pub fn subdivisions(country: &str) -> Vec<SubdivisionInfo> {
    let Some(set) = normalize_country(country.trim()).and_then(subdivision_set) else {
        return Vec::new();
    };
    subdivisions_of(set)
        .map(|s| SubdivisionInfo {
            key: s.key(),
            name: s.name(),
            latin_name: s.latin_name(),
            iso_code: s.iso_code(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postal_codes_are_upper_cased_and_laid_out() {
        for (country, given, expected) in [
            ("GB", "sw1a1aa", "SW1A 1AA"),
            ("CA", "k1a0b1", "K1A 0B1"),
            ("NL", "1234ab", "1234 AB"),
            ("JP", "1540023", "154-0023"),
            ("US", "94105 1234", "94105-1234"),
            ("US", "95014", "95014"),
            ("GB", "BFPO 61", "BFPO 61"),
        ] {
            assert_eq!(
                normalize_postal_code(country, given).as_deref(),
                Ok(expected),
                "{country} {given}"
            );
        }
    }

    #[test]
    fn postal_codes_must_match_as_a_whole() {
        for (country, given) in [
            ("US", "12"),
            ("US", "941051"),
            ("CA", "K1A 0B"),
            ("NL", "0123 AB"),
            ("US", "9410５"),
        ] {
            assert!(
                normalize_postal_code(country, given).is_err(),
                "{country} {given}"
            );
        }
        let long = "1".repeat(10_000);
        assert!(normalize_postal_code("US", &long).is_err());
        // No pattern: the seed's rule only.
        assert_eq!(
            normalize_postal_code("AE", "anything").as_deref(),
            Ok("anything")
        );
    }

    #[test]
    fn states_by_key_name_latin_name_and_iso_code() {
        for (country, given, key) in [
            ("US", "california", "CA"),
            ("US", "ca", "CA"),
            ("US", "us-ca", "CA"),
            ("US", "US-NY", "NY"),
            ("IN", "in-mh", "Maharashtra"),
            ("AE", "AE-AJ", "عجمان"),
            ("AE", "aj", "عجمان"),
            ("AU", "new south wales", "NSW"),
            ("JP", "Tokyo", "東京都"),
            ("JP", "東京都", "東京都"),
            ("CA", "Quebec", "QC"),
            ("CA", "Québec", "QC"),
            ("CA", "colombie-britannique", "BC"),
            ("IN", "mh", "Maharashtra"),
            ("CO", "dc", "Bogotá"),
            ("RU", "МОСКВА", "Москва"),
        ] {
            let found = find_state(country, given).map(|s| s.map(Subdivision::key));
            assert_eq!(found, Ok(Some(key)), "{country} {given}");
        }
        assert!(find_state("US", "Californa").is_err());
        assert!(
            find_state("US", "CA-CA").is_err(),
            "another country's prefix"
        );
        assert_eq!(find_state("DE", "Bayern"), Ok(None));
    }

    #[test]
    fn postal_code_within_the_state() {
        let ny = find_state("US", "NY").unwrap().unwrap();
        assert!(ny.contains_postal_code("10001"));
        assert!(!ny.contains_postal_code("94105"));
        assert_eq!(
            not_in_state("US", ny, "94105").message(&["address".into(), "postalCode".into()]),
            "94105 is not a ZIP code in New York"
        );
    }

    #[test]
    fn exports() {
        let us = postal_code_format("usa").unwrap();
        assert_eq!(us.examples, ["95014", "22162-1010"]);
        assert_eq!(us.kind, "zip");
        assert!(postal_code_format("AE").is_none());
        let states = subdivisions("US");
        assert!(states.iter().any(|s| s.key == "CA"
            && s.name == "California"
            && s.iso_code.as_deref() == Some("US-CA")));
        // Stored without the country, and as `=` where it is the key.
        let iso = |country, key| {
            subdivisions(country)
                .into_iter()
                .find(|s| s.key == key)
                .and_then(|s| s.iso_code)
        };
        assert_eq!(iso("IN", "Maharashtra").as_deref(), Some("IN-MH"));
        assert_eq!(iso("AU", "JBT"), None);
        assert_eq!(iso("AE", "عجمان").as_deref(), Some("AE-AJ"));
        assert!(subdivisions("DE").is_empty());
    }
}
