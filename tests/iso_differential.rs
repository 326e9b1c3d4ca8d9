//! Differential test of the generated ISO/IANA tables (`src/tables/`, made by
//! `tools/iso-tables` from tzdata and Debian's iso-codes) against independent
//! sources, through `scripts/iso_oracle.py`:
//!
//! - time zones: Python's `zoneinfo.available_timezones()` over the same
//!   pinned `tzdata` release (each name also loaded as a compiled zone);
//! - countries: PyPI `iso3166` (ISO 3166-1 typed from ISO's list): its
//!   alpha-2 and alpha-3 codes, and each of its names, which must find its
//!   country through `normalize_country`;
//! - languages: PyPI `pycountry` (ISO 639-3 with 639-1 and 639-2/B codes):
//!   the ISO 639-1 codes, and every 639-2/T and /B code both ways.
//!
//! Every difference is either absent or listed below with its reason; an
//! allowlist entry that no longer differs fails the test too, so the lists
//! stay true. The oracle's wheels are fetched once into `.tools/` (pinned,
//! checksummed; see the script).

use customer_schema::rules::country::{countries, normalize_country};
use customer_schema::rules::language::{languages, normalize_language};
use customer_schema::rules::timezone::time_zone_names;
use std::collections::{BTreeMap, BTreeSet};
use std::process::Command;

/// Names `iso3166` writes that the name lookup does not know, each with why.
/// (The lookup knows iso-codes' short, official and common names and the
/// generator's hand-kept aliases, folded by src/tables/fold.rs.)
const COUNTRY_NAMES_NOT_FOUND: &[(&str, &str)] = &[(
    "Naoero",
    "iso3166 3.0.0 names Nauru (NR) by its Nauruan endonym; ISO's English short name, \
     Nauru, which iso-codes writes, is found",
)];

/// ISO 639-1 codes in one source only, each with why.
const LANGUAGES_ONLY_OURS: &[(&str, &str)] = &[(
    "bh",
    "Bihari languages: a collective code of ISO 639-1/639-2 (bih), which ISO 639-3 \
     (pycountry) does not have, collective codes being outside its scope",
)];
const LANGUAGES_ONLY_ORACLE: &[(&str, &str)] = &[(
    "sh",
    "Serbo-Croatian: ISO 639-1 deprecated sh and ISO 639-2 never had it, but ISO 639-3 \
     keeps it on the macrolanguage hbs",
)];

/// ISO 639-2 codes (T or B) mapped differently: (code, why).
const ALPHA3_DIFFERENCES: &[(&str, &str)] = &[
    (
        "bih",
        "ISO 639-2's code of bh, not in ISO 639-3 (see LANGUAGES_ONLY_OURS)",
    ),
    (
        "hbs",
        "ISO 639-3's code of sh, not in ISO 639-2 (see LANGUAGES_ONLY_ORACLE)",
    ),
];

/// Time zone names in one source only, each with why.
const TIME_ZONES_ONLY_OURS: &[(&str, &str)] = &[];
const TIME_ZONES_ONLY_ORACLE: &[(&str, &str)] = &[];

/// Countries (alpha-2) in one source only, or with another alpha-3: why.
const COUNTRY_CODE_DIFFERENCES: &[(&str, &str)] = &[];

#[derive(serde::Deserialize)]
struct Oracle {
    tz_version: String,
    time_zones: Vec<String>,
    unloadable_time_zones: Vec<String>,
    /// (alpha-2, alpha-3, name, apolitical name)
    countries: Vec<(String, String, String, String)>,
    /// (alpha-2, alpha-3 (639-2/T), 639-2/B if different, name)
    languages: Vec<(String, String, Option<String>, String)>,
}

fn oracle() -> Oracle {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/iso_oracle.py");
    let output = Command::new("python3")
        .arg(script)
        .output()
        .expect("python3 runs scripts/iso_oracle.py");
    assert!(
        output.status.success(),
        "the oracle failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("oracle JSON")
}

/// The (code, code) pairs of a generated table, read from its source: the
/// tables are crate-private, the file is their one spelling.
fn generated_pairs(source: &str, table: &str) -> Vec<(String, String)> {
    let start = source
        .find(&format!("static {table}:"))
        .unwrap_or_else(|| panic!("{table} in the generated source"));
    let body = &source[start..];
    let body = &body[..body.find("];").expect("table end")];
    body.lines()
        .filter_map(|line| {
            let line = line.trim().strip_prefix("(\"")?.strip_suffix("\"),")?;
            let (a, b) = line.split_once("\", \"")?;
            Some((a.to_owned(), b.to_owned()))
        })
        .collect()
}

/// Checks that the differences found are exactly the allowlisted ones; a
/// mismatch is recorded in `failures` (all are reported at the end).
fn check_allowlisted(
    failures: &mut Vec<String>,
    what: &str,
    found: &BTreeSet<String>,
    allowed: &[(&str, &str)],
) {
    let allowed: BTreeSet<String> = allowed.iter().map(|(k, _)| k.to_string()).collect();
    let unexpected: Vec<&String> = found.difference(&allowed).collect();
    let stale: Vec<&String> = allowed.difference(found).collect();
    if !unexpected.is_empty() || !stale.is_empty() {
        failures.push(format!(
            "{what}: differences not in the allowlist: {unexpected:?}; \
             allowlisted but no longer differing: {stale:?}"
        ));
    }
}

#[test]
fn generated_tables_agree_with_independent_sources() {
    let oracle = oracle();
    let mut failures = Vec::new();

    // Time zones.
    let tz_source = include_str!("../src/tables/timezones.rs");
    assert!(
        tz_source.contains(&format!(
            "TZDATA_VERSION: &str = \"{}\";",
            oracle.tz_version
        )),
        "the oracle's tzdata is IANA {}: pin scripts/iso_oracle.py's TZDATA to the \
         generator's release",
        oracle.tz_version
    );
    assert!(
        oracle.unloadable_time_zones.is_empty(),
        "zones zoneinfo lists but cannot load: {:?}",
        oracle.unloadable_time_zones
    );
    let ours: BTreeSet<String> = time_zone_names().map(str::to_owned).collect();
    let theirs: BTreeSet<String> = oracle.time_zones.iter().cloned().collect();
    let only_ours = ours.difference(&theirs).cloned().collect();
    let only_theirs = theirs.difference(&ours).cloned().collect();
    check_allowlisted(
        &mut failures,
        "time zones only ours",
        &only_ours,
        TIME_ZONES_ONLY_OURS,
    );
    check_allowlisted(
        &mut failures,
        "time zones only zoneinfo's",
        &only_theirs,
        TIME_ZONES_ONLY_ORACLE,
    );

    // Countries: codes.
    let ours: BTreeMap<&str, &str> = countries().iter().map(|(a2, a3, _)| (*a2, *a3)).collect();
    let theirs: BTreeMap<&str, &str> = oracle
        .countries
        .iter()
        .map(|(a2, a3, _, _)| (a2.as_str(), a3.as_str()))
        .collect();
    let code_differences: BTreeSet<String> = ours
        .keys()
        .chain(theirs.keys())
        .filter(|a2| ours.get(*a2) != theirs.get(*a2))
        .map(|a2| a2.to_string())
        .collect();
    check_allowlisted(
        &mut failures,
        "country codes",
        &code_differences,
        COUNTRY_CODE_DIFFERENCES,
    );

    // Countries: every name iso3166 writes finds its country.
    let mut names_checked = 0;
    let mut not_found = BTreeSet::new();
    for (a2, _, name, apolitical) in &oracle.countries {
        for name in [name, apolitical] {
            names_checked += 1;
            if normalize_country(name) != Some(a2.as_str()) {
                not_found.insert(name.clone());
            }
        }
    }
    check_allowlisted(
        &mut failures,
        "country names",
        &not_found,
        COUNTRY_NAMES_NOT_FOUND,
    );

    // Languages: ISO 639-1 codes.
    let ours: BTreeSet<String> = languages().iter().map(|(a2, _)| a2.to_string()).collect();
    let theirs: BTreeSet<String> = oracle.languages.iter().map(|l| l.0.clone()).collect();
    let only_ours = ours.difference(&theirs).cloned().collect();
    let only_theirs = theirs.difference(&ours).cloned().collect();
    check_allowlisted(
        &mut failures,
        "languages only ours",
        &only_ours,
        LANGUAGES_ONLY_OURS,
    );
    check_allowlisted(
        &mut failures,
        "languages only pycountry's",
        &only_theirs,
        LANGUAGES_ONLY_ORACLE,
    );

    // Languages: ISO 639-2/T and /B codes, both ways.
    let generated: BTreeMap<String, String> = generated_pairs(
        include_str!("../src/tables/languages.rs"),
        "ALPHA3_TO_ALPHA2",
    )
    .into_iter()
    .collect();
    let mut expected: BTreeMap<String, String> = BTreeMap::new();
    for (a2, t, b, _) in &oracle.languages {
        for code in [Some(t), b.as_ref()].into_iter().flatten() {
            expected.insert(code.clone(), a2.clone());
        }
    }
    let mut alpha3_differences = BTreeSet::new();
    for code in generated.keys().chain(expected.keys()) {
        let lookup = normalize_language(code);
        if generated.get(code).map(String::as_str) != lookup
            || expected.get(code) != generated.get(code)
        {
            alpha3_differences.insert(code.clone());
        }
    }
    check_allowlisted(
        &mut failures,
        "ISO 639-2 codes",
        &alpha3_differences,
        ALPHA3_DIFFERENCES,
    );

    println!(
        "time zones: {} ours, {} zoneinfo's (IANA {}); countries: {} ours, {} iso3166's, \
         {names_checked} iso3166 names looked up, {} not found (allowlisted); \
         languages: {} ours, {} pycountry's; ISO 639-2 codes: {} ours, {} pycountry's, \
         {} differ (allowlisted)",
        time_zone_names().count(),
        oracle.time_zones.len(),
        oracle.tz_version,
        countries().len(),
        oracle.countries.len(),
        not_found.len(),
        languages().len(),
        oracle.languages.len(),
        generated.len(),
        expected.len(),
        alpha3_differences.len(),
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
