//! Every compiled pattern against the pattern itself, run by the `regex`
//! crate over the generator's input (the pinned `phonenumbers` wheel, read
//! by the generator's own reader, `tools/phone-tables/src/source.rs`): the
//! automata must accept exactly what `^(?:pattern)$` matches (and
//! `^(?:pattern)` for leading digits), and the prefix programs must find
//! the same match end and groups as the regex crate's leftmost-first search.

use super::tables::{FORMATS, FORMAT_GROUPS, REGIONS};
use super::{automaton, pike, plans_for_code, Desc, NONE};
use regex::{Regex, RegexBuilder};

// The generator's reader of the wheel, compiled into this test (some of
// its functions serve only the generator).
#[allow(dead_code)]
#[path = "../../tools/phone-tables/src/source.rs"]
mod source;

use source::Meta;

fn regex(pattern: &str) -> Regex {
    RegexBuilder::new(pattern)
        .ignore_whitespace(true)
        .build()
        .expect("metadata pattern")
}

/// The metadata in the generator's order: by calling code, main region first.
fn metadata() -> Vec<Meta> {
    let pin = source::Pin::read().expect("the pin");
    let wheel = source::fetch(&pin).expect("the pinned wheel");
    let db = source::database(&wheel).expect("the metadata");
    db.by_code.into_values().flatten().collect()
}

/// Digit strings: the examples, their prefixes and one-digit variations,
/// and seeded random strings of 1 to 17 digits.
fn inputs(meta: &Meta, seed: u64) -> Vec<String> {
    let examples: Vec<&str> = meta
        .types
        .values()
        .filter_map(|d| d.example.as_deref())
        .collect();
    let mut out = Vec::new();
    for example in examples {
        for end in 1..=example.len() {
            out.push(example[..end].to_owned());
        }
        for at in 0..example.len() {
            for digit in ['0', '5', '9'] {
                let mut changed = example.to_owned();
                changed.replace_range(at..=at, &digit.to_string());
                out.push(changed);
            }
        }
        out.push(format!("0{example}"));
        out.push(format!("{example}1"));
    }
    let mut state = seed | 1;
    for _ in 0..200 {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let len = 1 + (state % 17) as usize;
        out.push(
            (0..len)
                .map(|i| char::from(b'0' + ((state >> (i * 3)) % 10) as u8))
                .collect(),
        );
    }
    out
}

fn check_desc(desc: &Desc, pattern: Option<&str>, inputs: &[String], id: &str) {
    let Some(pattern) = pattern else {
        assert_eq!(desc.start, NONE, "{id}: absent pattern has an automaton");
        return;
    };
    let whole = regex(&format!("^(?:{pattern})$"));
    for input in inputs {
        assert_eq!(
            automaton::matches_all(desc.start, input.as_bytes()),
            whole.is_match(input),
            "{id}: {pattern:?} on {input:?}"
        );
    }
}

#[test]
fn automata_accept_exactly_what_their_patterns_match() {
    let metas = metadata();
    assert_eq!(metas.len(), REGIONS.len());
    for (i, (meta, plan)) in metas.iter().zip(REGIONS.iter()).enumerate() {
        assert_eq!((meta.id.as_str(), meta.code), (plan.id, plan.code));
        let inputs = inputs(meta, i as u64 * 7919);
        check_desc(&plan.general, Some(&meta.general.pattern), &inputs, plan.id);
        for (desc, field) in plan.types.iter().zip(source::TYPE_FIELDS) {
            let pattern = meta.types.get(field).map(|d| d.pattern.as_str());
            check_desc(desc, pattern, &inputs, plan.id);
        }
        if let Some(leading) = &meta.leading_digits {
            let prefix = regex(&format!("^(?:{leading})"));
            for input in &inputs {
                assert_eq!(
                    automaton::matches_prefix(plan.leading_digits, input.as_bytes()),
                    prefix.is_match(input),
                    "{}: leading digits on {input:?}",
                    plan.id
                );
            }
        }
    }
}

#[test]
fn prefix_programs_find_the_regex_crates_match_and_groups() {
    for (i, (meta, plan)) in metadata().iter().zip(REGIONS.iter()).enumerate() {
        let patterns = [
            (plan.idd, meta.international_prefix.clone()),
            (plan.npfp, meta.national_prefix_for_parsing.clone()),
        ];
        let mut inputs = inputs(meta, i as u64 * 104_729);
        inputs.extend(["00", "011", "0011", "010", "8", "810", "0", "1"].map(String::from));
        for (prog, pattern) in patterns {
            let Some(pattern) = pattern else {
                assert_eq!(prog.len, 0, "{}: absent pattern has a program", plan.id);
                continue;
            };
            let re = regex(&format!("^(?:{pattern})"));
            for input in &inputs {
                let expected = re.captures(input).map(|c| {
                    (0..c.len())
                        .map(|g| c.get(g).map(|m| (m.start(), m.end())))
                        .collect::<Vec<_>>()
                });
                let actual = pike::match_prefix(prog, input.as_bytes()).map(|m| {
                    (0..re.captures_len())
                        .map(|g| m.group(g))
                        .collect::<Vec<_>>()
                });
                assert_eq!(actual, expected, "{}: {pattern:?} on {input:?}", plan.id);
            }
        }
    }
}

#[test]
fn format_leading_digits_and_groups_are_the_metadatas() {
    let mut checked = 0;
    for (i, (meta, plan)) in metadata().iter().zip(REGIONS.iter()).enumerate() {
        let inputs = inputs(meta, i as u64 * 31);
        for ((first, count), formats) in [
            (plan.formats, &meta.formats),
            (plan.intl_formats, &meta.intl_formats),
        ] {
            let first = usize::from(first);
            let compiled = &FORMATS[first..first + usize::from(count)];
            // Only a calling code's main region's formats are kept.
            let main = plans_for_code(plan.code).first().map(|p| p.id) == Some(plan.id);
            if !main {
                assert!(compiled.is_empty(), "{}", plan.id);
                continue;
            }
            assert_eq!(compiled.len(), formats.len(), "{}", plan.id);
            for (format, source) in compiled.iter().zip(formats.iter()) {
                let start = usize::from(format.groups);
                let groups = &FORMAT_GROUPS[start..start + usize::from(format.group_count)];
                assert_eq!(groups, source.groups.as_slice(), "{}", plan.id);
                assert_eq!(
                    format.leading_count(),
                    source.leading_digits.len(),
                    "{}",
                    plan.id
                );
                // Every leading-digits pattern (the as-you-type formatter
                // reads each), not only the last.
                for (index, leading) in source.leading_digits.iter().enumerate() {
                    let start = format.leading_pattern(index).expect("compiled");
                    let prefix = regex(&format!("^(?:{leading})"));
                    for input in &inputs {
                        checked += 1;
                        assert_eq!(
                            automaton::matches_prefix(start, input.as_bytes()),
                            prefix.is_match(input),
                            "{}: format leading digits {leading:?} on {input:?}",
                            plan.id
                        );
                    }
                }
            }
        }
    }
    assert!(checked > 100_000, "{checked}");
}
