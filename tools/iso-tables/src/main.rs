//! Generates customer-schema's lookup tables in `src/tables/` from pinned,
//! checksummed registry packages:
//!
//! | output                      | tables                                   | source |
//! |-----------------------------|------------------------------------------|--------|
//! | `src/tables/timezones.rs`   | `TIME_ZONES`, `TZDATA_VERSION`           | PyPI `tzdata` wheel: `tzdata/zoneinfo/tzdata.zi` |
//! | `src/tables/languages.rs`   | `LANGUAGES`, `ALPHA3_TO_ALPHA2`          | PyPI `isocodes` wheel: Debian iso-codes' `iso_639-2.json` |
//! | `src/tables/countries.rs`   | `COUNTRIES`, `COUNTRY_NAMES`, `COUNTRY_NAME_CODES` | PyPI `isocodes` wheel: Debian iso-codes' `iso_3166-1.json`, plus the hand-kept aliases below |
//!
//! Usage (from anywhere in the workspace):
//!
//! ```text
//! cargo run --release -p iso-tables              # write the three files
//! cargo run --release -p iso-tables -- --check   # fail if a committed file is stale
//! cargo run --release -p iso-tables -- --update  # print pins for the newest releases
//! ```
//!
//! Why a generator with committed output (as `tools/phone-tables`): the
//! shipped crate builds with no data files, no JSON or zip reading and no
//! network, the tables are reviewable in diffs, and a data update is one
//! deliberate command. `--check` (run by `scripts/test.sh`) regenerates in
//! memory and fails naming the stale file.
//!
//! # Inputs and pins
//!
//! Each input is a wheel from PyPI, pinned below ([`TZDATA`], [`ISOCODES`])
//! by exact version, file name and the SHA-256 of the downloaded file, which
//! is verified before anything is read from it. The wheels are fetched with
//! `python3 -m pip download --no-deps --only-binary=:all:` (nothing is
//! installed) into `.tools/` (git-ignored; the `pinned-wheel` crate), so `--check`
//! downloads once on a fresh machine and never again.
//!
//! - Time zones: the IANA tz database (public domain), as packaged by the
//!   Python Software Foundation in `tzdata` (Apache-2.0). Every `Z` (zone) and
//!   `L` (link) line of `tzdata.zi` is a name; the set is cross-checked with
//!   the wheel's own `tzdata/zones` list and the IANA version with its
//!   `IANA_VERSION`.
//! - Languages and countries: Debian's iso-codes (LGPL-2.1-or-later), whose
//!   JSON files the `isocodes` package (LGPL-2.1) ships unchanged under
//!   `isocodes/share/iso-codes/json/`. The pinned 2023.11.26 release carries
//!   iso-codes 4.15.0: every one of its JSON files is byte-identical to
//!   Debian's iso-codes 4.15.0-1 (checked when pinned; [`ISO_CODES_RELEASE`]).
//!
//! # Bumping a version
//!
//! 1. `cargo run --release -p iso-tables -- --update` downloads the newest
//!    `tzdata` and `isocodes` wheels into a scratch folder of the cache and
//!    prints their `Pin`s with the SHA-256 of each file.
//! 2. Paste the new `Pin` over the old one below. For `isocodes`, also set
//!    [`ISO_CODES_RELEASE`] to the iso-codes release it carries (its
//!    changelog says; or compare its JSON with Debian's `iso-codes` package).
//! 3. `cargo run --release -p iso-tables`, review the diff of `src/tables/`,
//!    bump the oracle's `tzdata` pin in `scripts/iso_oracle.py` to the same
//!    release, and run `cargo test` (the unit tests, `tests/fixtures/` and
//!    the differential test `tests/iso_differential.rs`, whose allowlists may
//!    need a reviewed update).
//!
//! # Country names
//!
//! `COUNTRY_NAMES` holds the lookup key of every ISO short, official and
//! common name and of every alias below, made by the same function the crate
//! applies to an input at run time: `src/tables/fold.rs`, compiled into this
//! tool by path, so the two cannot disagree. The generator fails on a key two
//! countries claim (unless listed in [`AMBIGUOUS_KEYS_DROPPED`]), on a name key
//! that spells another country's code, and on a character the run-time fold
//! would not treat as Unicode's NFKD folding does.

#[path = "../../../src/tables/fold.rs"]
mod fold;

use pinned_wheel::{
    cache_dir, pip_download, rustfmt, sha256_hex, wheel_text, write_or_check, Wheel,
};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::PathBuf;

/// A pinned wheel (see the `pinned-wheel` crate).
type Pin = Wheel<'static>;

const TZDATA: Pin = Wheel {
    package: "tzdata",
    version: "2026.6",
    file: "tzdata-2026.6-py2.py3-none-any.whl",
    sha256: "0a10eec6e13ef16b627fabed9a5f2ba61a62b1c67f327305f4e7e412a70b4aec",
};

const ISOCODES: Pin = Wheel {
    package: "isocodes",
    version: "2023.11.26",
    file: "isocodes-2023.11.26-py2.py3-none-any.whl",
    sha256: "d37596304f9c6bdf1537d8481478bebad79f8061201b3bc2011908873819ff7e",
};

/// The Debian iso-codes release whose JSON the pinned `isocodes` wheel
/// ships (its JSON files are byte-identical to iso-codes 4.15.0-1's).
const ISO_CODES_RELEASE: &str = "4.15.0";

/// Where the iso-codes JSON files are inside the `isocodes` wheel.
const ISO_CODES_JSON: &str = "isocodes/share/iso-codes/json";

// ---------------------------------------------------------------------------
// HAND-KEPT DATA: the only data in this generator not read from a pinned
// input. Review changes here like code.
// ---------------------------------------------------------------------------

/// User-assigned ISO 3166-1 code for Kosovo (not in ISO 3166-1 itself, nor in
/// iso-codes); the Customer spec accepts it. (alpha-2, alpha-3, name)
const EXTRA_COUNTRIES: &[(&str, &str, &str)] = &[("XK", "XKX", "Kosovo")];

/// Common English forms of country names -> alpha-2. Several are already a
/// `name`, `official_name` or `common_name` in iso-codes (e.g. "United
/// States", "Czechia", "Czech Republic", "North Macedonia", "Vietnam",
/// "Iran", "Syria", "Laos", "Bolivia", "Venezuela", "Tanzania", "Moldova",
/// "Taiwan", "South Korea", "North Korea", "Türkiye", "Kosovo"); listing them
/// again is harmless (same country) and keeps the intent visible.
const COUNTRY_ALIASES: &[(&str, &str)] = &[
    ("UK", "GB"),
    ("Great Britain", "GB"),
    ("Britain", "GB"),
    ("USA", "US"),
    ("U.S.A.", "US"),
    ("U.S.", "US"),
    ("United States", "US"),
    ("United States of America", "US"),
    ("America", "US"),
    ("Russia", "RU"),
    ("South Korea", "KR"),
    ("Korea", "KR"),
    ("North Korea", "KP"),
    ("Vietnam", "VN"),
    ("Iran", "IR"),
    ("Syria", "SY"),
    ("Laos", "LA"),
    ("Bolivia", "BO"),
    ("Venezuela", "VE"),
    ("Tanzania", "TZ"),
    ("Moldova", "MD"),
    ("Czech Republic", "CZ"),
    ("Czechia", "CZ"),
    ("Ivory Coast", "CI"),
    ("Macedonia", "MK"),
    ("North Macedonia", "MK"),
    ("Holland", "NL"),
    ("The Netherlands", "NL"),
    ("Turkey", "TR"),
    ("Türkiye", "TR"),
    ("Cape Verde", "CV"),
    ("Swaziland", "SZ"),
    ("Burma", "MM"),
    ("Palestine", "PS"),
    ("Vatican", "VA"),
    ("Vatican City", "VA"),
    ("Taiwan", "TW"),
    ("Brunei", "BN"),
    ("Micronesia", "FM"),
    ("UAE", "AE"),
    ("Kosovo", "XK"),
    // ISO's own short names that iso-codes spells differently, beyond what
    // the key's word rules already join.
    ("Holy See", "VA"),
    ("Netherlands (Kingdom of the)", "NL"),
    ("Falkland Islands", "FK"),
    // Common English forms.
    ("Democratic Republic of the Congo", "CD"),
    ("DR Congo", "CD"),
    ("DRC", "CD"),
    ("Congo-Kinshasa", "CD"),
    ("Congo-Brazzaville", "CG"),
    ("Republic of Korea", "KR"),
    ("Republic of Ireland", "IE"),
    ("East Timor", "TL"),
    ("Macau", "MO"),
    ("US Virgin Islands", "VI"),
    ("Saint Martin", "MF"),
    ("Sint Maarten", "SX"),
    ("Saint Helena", "SH"),
    ("England", "GB"),
    ("Scotland", "GB"),
    ("Wales", "GB"),
    ("Northern Ireland", "GB"),
];

/// Lookup keys claimed by two countries are dropped here, each with a
/// reason: (key, reason). The generator fails on any ambiguous key not
/// listed here.
const AMBIGUOUS_KEYS_DROPPED: &[(&str, &str)] = &[];

// ---------------------------------------------------------------------------

/// Non-ASCII characters a country name key may keep: the Latin-1 letters
/// without a base letter (NFKD leaves them whole, and so does
/// `fold::name_key`) and the typographic apostrophe. Anything else might be
/// a letter whose case or diacritic the run-time fold does not remove.
const KEY_NON_ASCII_ALLOWED: &[char] = &['æ', 'ð', 'ø', 'þ', 'ß', '\u{2019}'];

type Result<T> = std::result::Result<T, String>;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let outcome = match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        [] => run(false),
        ["--check"] => run(true),
        ["--update"] => update(),
        ["-h" | "--help"] => {
            println!("usage: cargo run --release -p iso-tables [-- --check | --update]");
            Ok(())
        }
        _ => Err(format!("unknown arguments {args:?} (try --help)")),
    };
    if let Err(message) = outcome {
        eprintln!("iso-tables: error: {message}");
        std::process::exit(1);
    }
}

fn fail_unless_unique_sorted<'a>(
    table: &str,
    keys: impl IntoIterator<Item = &'a str>,
) -> Result<()> {
    let keys: Vec<&str> = keys.into_iter().collect();
    for pair in keys.windows(2) {
        if pair[0] == pair[1] {
            return Err(format!("{table}: duplicate key {:?}", pair[0]));
        }
        if pair[0] > pair[1] {
            return Err(format!("{table}: keys not sorted at {:?}", pair[1]));
        }
    }
    Ok(())
}

fn is_tz_name(name: &str) -> bool {
    name.split('/').all(|part| {
        !part.is_empty()
            && part
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'+' | b'-'))
    }) && !matches!(name.split('/').next(), Some("posix" | "right"))
}

/// The IANA version and every zone and link name, sorted by ASCII lower case.
fn load_time_zones(wheel: &[u8]) -> Result<(String, Vec<String>)> {
    let zi = wheel_text(wheel, TZDATA.file, "tzdata/zoneinfo/tzdata.zi")?;
    let listed: BTreeSet<String> = wheel_text(wheel, TZDATA.file, "tzdata/zones")?
        .split_whitespace()
        .map(str::to_owned)
        .collect();
    let init = wheel_text(wheel, TZDATA.file, "tzdata/__init__.py")?;

    let version = zi
        .lines()
        .next()
        .and_then(|line| line.strip_prefix("# version "))
        .map(str::trim)
        .ok_or("tzdata.zi has no '# version' line")?
        .to_owned();
    let declared = init
        .lines()
        .find_map(|line| line.strip_prefix("IANA_VERSION = \""))
        .and_then(|rest| rest.strip_suffix('"'));
    if declared != Some(version.as_str()) {
        return Err(format!(
            "tzdata IANA_VERSION {declared:?} does not match tzdata.zi version {version}"
        ));
    }

    let mut names = BTreeSet::new();
    for line in zi.lines() {
        let fields: Vec<&str> = line.split_whitespace().collect();
        match fields[..] {
            // Z NAME STDOFF RULES FORMAT [UNTIL]
            ["Z", name, ..] => names.insert(name.to_owned()),
            // L TARGET LINK-NAME
            ["L", _, link, ..] => names.insert(link.to_owned()),
            _ => false,
        };
    }
    if names != listed {
        let differ: Vec<&String> = names.symmetric_difference(&listed).collect();
        return Err(format!("tzdata.zi and tzdata/zones disagree: {differ:?}"));
    }
    if let Some(bad) = names.iter().find(|name| !is_tz_name(name)) {
        return Err(format!("unexpected time zone name {bad:?}"));
    }
    let mut rows: Vec<String> = names.into_iter().collect();
    rows.sort_by_key(|name| name.to_ascii_lowercase());
    let lower: Vec<String> = rows.iter().map(|n| n.to_ascii_lowercase()).collect();
    fail_unless_unique_sorted("TIME_ZONES", lower.iter().map(String::as_str))?;
    Ok((version, rows))
}

fn iso_json(wheel: &[u8], file: &str, key: &str) -> Result<Vec<serde_json::Value>> {
    let text = wheel_text(wheel, ISOCODES.file, &format!("{ISO_CODES_JSON}/{file}"))?;
    let mut json: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("{file}: {e}"))?;
    match json.get_mut(key).map(serde_json::Value::take) {
        Some(serde_json::Value::Array(entries)) => Ok(entries),
        _ => Err(format!("{file}: no {key:?} array")),
    }
}

fn field<'a>(entry: &'a serde_json::Value, name: &str) -> Option<&'a str> {
    entry.get(name).and_then(serde_json::Value::as_str)
}

fn required<'a>(entry: &'a serde_json::Value, name: &str) -> Result<&'a str> {
    field(entry, name).ok_or_else(|| format!("entry without {name:?}: {entry}"))
}

type Pairs = Vec<(String, String)>;

/// ISO 639-1 (code, name) and ISO 639-2 (T and B code, 639-1 code).
fn build_languages(entries: &[serde_json::Value]) -> Result<(Pairs, Pairs)> {
    let mut languages = BTreeMap::new();
    let mut alpha3: BTreeMap<String, String> = BTreeMap::new();
    for entry in entries {
        let Some(a2) = field(entry, "alpha_2") else {
            continue;
        };
        let name = required(entry, "name")?;
        if languages.insert(a2.to_owned(), name.to_owned()).is_some() {
            return Err(format!("ISO 639-1 code {a2} appears twice"));
        }
        for code in [
            Some(required(entry, "alpha_3")?),
            field(entry, "bibliographic"),
        ]
        .into_iter()
        .flatten()
        {
            let owner = alpha3
                .entry(code.to_owned())
                .or_insert_with(|| a2.to_owned());
            if owner != a2 {
                return Err(format!("ISO 639-2 code {code} maps to {owner} and {a2}"));
            }
        }
    }
    Ok((
        languages.into_iter().collect(),
        alpha3.into_iter().collect(),
    ))
}

/// A name's lookup keys: its key, with either apostrophe.
fn key_variants(name: &str) -> Result<BTreeSet<String>> {
    if name.chars().any(|c| c.is_whitespace() && c != ' ') {
        return Err(format!(
            "name {name:?} contains whitespace other than ASCII space"
        ));
    }
    let base = fold::name_key(name);
    if let Some(c) = base
        .chars()
        .find(|c| !c.is_ascii() && !KEY_NON_ASCII_ALLOWED.contains(c))
    {
        return Err(format!(
            "name {name:?} keeps {c:?} in its key, which src/tables/fold.rs does not fold \
             (extend its case and diacritic folding, then KEY_NON_ASCII_ALLOWED)"
        ));
    }
    let keys: BTreeSet<String> = [
        base.replace('\u{2019}', "'"),
        base.replace('\'', "\u{2019}"),
        base,
    ]
    .into_iter()
    .collect();
    if let Some(key) = keys.iter().find(|key| fold::name_key(key) != **key) {
        return Err(format!("key {key:?} is not stable under name_key"));
    }
    Ok(keys)
}

type Country = (String, String, String);

/// ISO 3166-1 countries (with Kosovo) and the (key, alpha-2) name lookup.
fn build_countries(entries: &[serde_json::Value]) -> Result<(Vec<Country>, Pairs)> {
    let mut countries = Vec::new();
    let mut names_of: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for entry in entries {
        let a2 = required(entry, "alpha_2")?;
        countries.push((
            a2.to_owned(),
            required(entry, "alpha_3")?.to_owned(),
            required(entry, "name")?.to_owned(),
        ));
        let names = ["name", "official_name", "common_name"]
            .into_iter()
            .filter_map(|key| field(entry, key).map(str::to_owned))
            .collect();
        names_of.insert(a2.to_owned(), names);
    }
    for (a2, a3, name) in EXTRA_COUNTRIES {
        if names_of.contains_key(*a2) {
            return Err(format!(
                "{a2} is already in iso_3166-1.json; drop it from EXTRA_COUNTRIES"
            ));
        }
        countries.push((a2.to_string(), a3.to_string(), name.to_string()));
        names_of.insert(a2.to_string(), vec![name.to_string()]);
    }
    countries.sort();
    fail_unless_unique_sorted("COUNTRIES", countries.iter().map(|c| c.0.as_str()))?;
    let mut alpha3: Vec<&str> = countries.iter().map(|c| c.1.as_str()).collect();
    alpha3.sort_unstable();
    fail_unless_unique_sorted("COUNTRIES alpha-3", alpha3)?;

    for (alias, a2) in COUNTRY_ALIASES {
        names_of
            .get_mut(*a2)
            .ok_or_else(|| format!("alias {alias:?} points at unknown country {a2}"))?
            .push(alias.to_string());
    }

    let mut code_owner = BTreeMap::new();
    for (a2, a3, _) in &countries {
        code_owner.insert(a2.to_lowercase(), a2.clone());
        code_owner.insert(a3.to_lowercase(), a2.clone());
    }

    let mut claims: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (a2, names) in &names_of {
        for name in names {
            for key in key_variants(name)? {
                claims.entry(key).or_default().insert(a2.clone());
            }
        }
    }

    let mut rows = Vec::new();
    for (key, owners) in claims {
        if AMBIGUOUS_KEYS_DROPPED.iter().any(|(k, _)| *k == key) {
            continue;
        }
        let mut owners = owners.into_iter();
        let (Some(a2), None) = (owners.next(), owners.next()) else {
            return Err(format!(
                "country name key {key:?} is claimed by more than one country; \
                 add it to AMBIGUOUS_KEYS_DROPPED with a reason"
            ));
        };
        // A name that spells another country's code would make lookups
        // depend on which table the crate consults first.
        if let Some(owner) = code_owner.get(&key).filter(|owner| **owner != a2) {
            return Err(format!("name key {key:?} of {a2} is the code of {owner}"));
        }
        rows.push((key, a2));
    }
    fail_unless_unique_sorted("COUNTRY_NAMES", rows.iter().map(|r| r.0.as_str()))?;
    Ok((countries, rows))
}

// Rendering: the text is laid out as rustfmt lays it out, then passed through
// rustfmt (when it is installed), so the committed files pass `cargo fmt
// --check` whichever way they were made.

fn rust_str(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

fn doc_comment(out: &mut String, doc: &str) {
    for line in doc.lines() {
        let _ = writeln!(out, "{}", format!("/// {line}").trim_end());
    }
}

fn rust_table(doc: &str, name: &str, ty: &str, rows: &[Vec<&str>]) -> String {
    let mut out = String::new();
    doc_comment(&mut out, doc);
    let _ = writeln!(out, "pub(crate) static {name}: &[{ty}] = &[");
    for row in rows {
        let items: Vec<String> = row.iter().map(|v| rust_str(v)).collect();
        let joined = items.join(", ");
        // rustfmt's default layout: a tuple whose items take more than 60
        // columns (fn_call_width) goes one item per line.
        if joined.chars().count() <= 60 {
            let _ = writeln!(out, "    ({joined}),");
        } else {
            out.push_str("    (\n");
            for item in &items {
                let _ = writeln!(out, "        {item},");
            }
            out.push_str("    ),\n");
        }
    }
    out.push_str("];\n");
    out
}

/// Numbers laid out as rustfmt lays out an array of short items: as many per
/// line as fit in 100 columns.
fn rust_u16_array(out: &mut String, values: &[usize], indent: &str) {
    let mut line = indent.to_owned();
    for value in values {
        let item = format!("{value},");
        if line.len() + 1 + item.len() > 99 && line.trim() != "" {
            let _ = writeln!(out, "{line}");
            line = indent.to_owned();
        }
        if line != indent {
            line.push(' ');
        }
        line.push_str(&item);
    }
    if line.trim() != "" {
        let _ = writeln!(out, "{line}");
    }
}

/// A `Packed` table (src/tables/mod.rs): the strings end to end in one
/// literal, one per source line, and the end offset (in bytes) of each.
fn rust_packed(doc: &str, name: &str, strings: &[&str]) -> Result<String> {
    let mut ends = Vec::new();
    let mut total = 0;
    for s in strings {
        if s.contains('\n') || *s != s.trim() {
            return Err(format!("{name}: {s:?} cannot be packed"));
        }
        total += s.len();
        ends.push(total);
    }
    if total > usize::from(u16::MAX) {
        return Err(format!("{name}: {total} bytes do not fit u16 offsets"));
    }
    let mut out = String::new();
    doc_comment(&mut out, doc);
    let _ = writeln!(out, "pub(crate) static {name}: Packed = Packed {{");
    out.push_str("    text: \"\\\n");
    for s in strings {
        let _ = writeln!(
            out,
            "        {}\\",
            s.replace('\\', "\\\\").replace('"', "\\\"")
        );
    }
    out.push_str("    \",\n");
    out.push_str("    ends: &[\n");
    rust_u16_array(&mut out, &ends, "        ");
    out.push_str("    ],\n");
    out.push_str("};\n");
    Ok(out)
}

fn header(source: &[String]) -> String {
    let mut out = String::from(
        "// @generated by tools/iso-tables (`cargo run --release -p iso-tables`). Do not edit by hand.\n",
    );
    for line in source {
        let _ = writeln!(out, "// {line}");
    }
    out
}

fn pin_lines(pin: &Pin, what: &str) -> Vec<String> {
    vec![
        format!("Source: {what}, from PyPI {} {}", pin.package, pin.version),
        format!("({}, sha256 {}).", pin.file, pin.sha256),
    ]
}

/// The three files: (path from the repository root, text).
fn generate() -> Result<Vec<(&'static str, String)>> {
    let tz_wheel = TZDATA.fetch()?;
    let iso_wheel = ISOCODES.fetch()?;
    let (tz_version, zones) = load_time_zones(&tz_wheel)?;
    let (languages, alpha3) = build_languages(&iso_json(&iso_wheel, "iso_639-2.json", "639-2")?)?;
    let (countries, country_names) =
        build_countries(&iso_json(&iso_wheel, "iso_3166-1.json", "3166-1")?)?;

    let iso = |file: &str| {
        pin_lines(
            &ISOCODES,
            &format!("Debian iso-codes {ISO_CODES_RELEASE} {file}"),
        )
    };

    let mut timezones = header(&pin_lines(
        &TZDATA,
        &format!("the IANA tz database {tz_version}"),
    ));
    timezones.push('\n');
    timezones.push_str("/// Version of the IANA tz database the tables were generated from.\n");
    let _ = writeln!(
        timezones,
        "pub(crate) const TZDATA_VERSION: &str = {};\n",
        rust_str(&tz_version)
    );
    timezones.push_str("use super::Packed;\n\n");
    let zone_names: Vec<&str> = zones.iter().map(String::as_str).collect();
    timezones.push_str(&rust_packed(
        "Every IANA zone and link name (`Factory` too: it is in the database), in\n\
         its canonical spelling, sorted by its ASCII-lower-cased form (byte order).",
        "TIME_ZONES",
        &zone_names,
    )?);

    let mut languages_rs = header(&iso("iso_639-2.json"));
    languages_rs.push('\n');
    let rows: Vec<Vec<&str>> = languages
        .iter()
        .map(|(code, name)| vec![code.as_str(), name.as_str()])
        .collect();
    languages_rs.push_str(&rust_table(
        "ISO 639-1 languages as (two-letter code, English name), sorted by code.",
        "LANGUAGES",
        "(&str, &str)",
        &rows,
    ));
    languages_rs.push('\n');
    let rows: Vec<Vec<&str>> = alpha3
        .iter()
        .map(|(a3, a2)| vec![a3.as_str(), a2.as_str()])
        .collect();
    languages_rs.push_str(&rust_table(
        "ISO 639-2 codes (terminological and bibliographic) that have an\n\
         ISO 639-1 equivalent, as (three-letter code, two-letter code), sorted.",
        "ALPHA3_TO_ALPHA2",
        "(&str, &str)",
        &rows,
    ));

    let mut source = iso("iso_3166-1.json");
    source.push(
        "Hand-kept: Kosovo and the country name aliases in tools/iso-tables/src/main.rs.".into(),
    );
    let mut countries_rs = header(&source);
    countries_rs.push('\n');
    countries_rs.push_str("use super::Packed;\n\n");
    let rows: Vec<Vec<&str>> = countries
        .iter()
        .map(|(a2, a3, name)| vec![a2.as_str(), a3.as_str(), name.as_str()])
        .collect();
    countries_rs.push_str(&rust_table(
        "ISO 3166-1 countries, plus the user-assigned `XK` (Kosovo), as\n\
         (alpha-2, alpha-3, English short name), sorted by alpha-2.",
        "COUNTRIES",
        "(&str, &str, &str)",
        &rows,
    ));
    countries_rs.push('\n');
    let keys: Vec<&str> = country_names.iter().map(|(k, _)| k.as_str()).collect();
    countries_rs.push_str(&rust_packed(
        "Country name lookup keys, sorted (byte order); the alpha-2 code of key i\n\
         is `COUNTRY_NAME_CODES[2 * i..2 * i + 2]`. Keys are already normalised\n\
         as `rules::country::name_key` normalises input (lower-cased words, split\n\
         at whitespace, brackets and commas, without full stops, `the` dropped,\n\
         `st` read as `saint`, `&` as `and`); ASCII-folded and apostrophe\n\
         variants included.",
        "COUNTRY_NAMES",
        &keys,
    )?);
    countries_rs.push('\n');
    countries_rs.push_str(
        "/// The alpha-2 code of each key of `COUNTRY_NAMES`, in order, two bytes each.\n",
    );
    countries_rs.push_str("pub(crate) static COUNTRY_NAME_CODES: &str = \"\\\n");
    for (_, code) in &country_names {
        let _ = writeln!(countries_rs, "    {code}\\");
    }
    countries_rs.push_str("\";\n");

    eprintln!(
        "iso-tables: time zones: {} (tz {tz_version}); languages: {}; alpha-3 codes: {}; \
         countries: {}; country name keys: {} (iso-codes {ISO_CODES_RELEASE})",
        zones.len(),
        languages.len(),
        alpha3.len(),
        countries.len(),
        country_names.len()
    );
    Ok(vec![
        (
            "src/tables/timezones.rs",
            rustfmt("timezones.rs", timezones)?,
        ),
        (
            "src/tables/languages.rs",
            rustfmt("languages.rs", languages_rs)?,
        ),
        (
            "src/tables/countries.rs",
            rustfmt("countries.rs", countries_rs)?,
        ),
    ])
}

fn run(check: bool) -> Result<()> {
    write_or_check(&generate()?, check, "iso-tables")
}

/// Downloads the newest release of each input and prints the pins to paste
/// over [`TZDATA`] and [`ISOCODES`].
fn update() -> Result<()> {
    let dir = cache_dir().join(format!("update-{}", std::process::id()));
    for pin in [&TZDATA, &ISOCODES] {
        pip_download(pin.package, &dir)?;
    }
    let mut wheels: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .collect();
    wheels.sort();
    for pin in [&TZDATA, &ISOCODES] {
        let prefix = format!("{}-", pin.package);
        let wheel = wheels
            .iter()
            .find(|path| {
                path.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with(&prefix) && n.ends_with(".whl"))
            })
            .ok_or_else(|| format!("no {} wheel downloaded", pin.package))?;
        let file = wheel
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_owned();
        let version = file[prefix.len()..].split('-').next().unwrap_or_default();
        let bytes = std::fs::read(wheel).map_err(|e| format!("{}: {e}", wheel.display()))?;
        let constant = if pin.package == "tzdata" {
            "TZDATA"
        } else {
            "ISOCODES"
        };
        let status = if version == pin.version {
            "unchanged"
        } else {
            "NEW"
        };
        println!(
            "// {} {status} (pinned: {})\nconst {constant}: Pin = Wheel {{\n    package: {:?},\n    \
             version: {version:?},\n    file: {file:?},\n    sha256: {:?},\n}};\n",
            pin.package,
            pin.version,
            pin.package,
            sha256_hex(&bytes)
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
    println!(
        "Paste the pins into tools/iso-tables/src/main.rs (and set ISO_CODES_RELEASE), then run \
         `cargo run --release -p iso-tables` and `cargo test` (see the module doc)."
    );
    Ok(())
}
