//! The generated plural rules (`src/messages/plural.rs`, from CLDR by
//! `tools/cldr-locales`) against an independent implementation of the same
//! CLDR data: ICU, as Node.js's `Intl.PluralRules` exposes it. Node.js is
//! required (`scripts/test.sh` installs it); a test fails if `node` cannot be
//! run. Node 20's ICU carries CLDR 48, the pinned release.

use customer_schema::messages::plural::{plural_rules, PluralCategory};
use serde_json::Value;
use std::collections::BTreeSet;
use std::process::Command;

/// The languages the messages ship in.
const LANGUAGES: [&str; 10] = ["en", "de", "fr", "es", "it", "pt", "nl", "pl", "ja", "ar"];

/// The integers compared: 0 to 1200, then large values, all within a
/// JavaScript number's exact range (2^53 - 1).
fn integers() -> Vec<u64> {
    let mut all: Vec<u64> = (0..=1200).collect();
    all.extend([
        10_000,
        100_000,
        999_999,
        1_000_000,
        1_000_001,
        1_000_100,
        2_000_000,
        10_000_000,
        100_000_000,
        1_000_000_000,
        1_000_000_012,
        u64::from(u32::MAX),
        u64::from(u32::MAX) + 1,
        1_000_000_000_000,
        1_000_000_000_000_000,
        9_007_199_000_000_000,
        9_007_199_254_740_991,
    ]);
    all
}

/// ICU's answers from one `node` run: for each language, its
/// `resolvedOptions().pluralCategories` and `select(n)` of every integer.
fn intl(integers: &[u64]) -> Value {
    const SCRIPT: &str = r#"
        const [languages, integers] = JSON.parse(process.argv[1]);
        const out = { cldr: process.versions.cldr, languages: {} };
        for (const language of languages) {
          const rules = new Intl.PluralRules(language);
          out.languages[language] = {
            locale: rules.resolvedOptions().locale,
            categories: rules.resolvedOptions().pluralCategories,
            selected: integers.map((n) => rules.select(n)),
          };
        }
        process.stdout.write(JSON.stringify(out));
    "#;
    let input = serde_json::to_string(&(LANGUAGES, integers)).unwrap();
    let output = Command::new("node")
        .arg("-e")
        .arg(SCRIPT)
        .arg(input)
        .output()
        .unwrap_or_else(|error| {
            panic!("Node.js is required for this test (scripts/test.sh installs it): running `node` failed: {error}")
        });
    assert!(
        output.status.success(),
        "node failed ({}): {}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    let value: Value = serde_json::from_slice(&output.stdout).expect("node's JSON");
    eprintln!(
        "ICU's CLDR: {}",
        value["cldr"].as_str().unwrap_or("(unknown)")
    );
    value
}

fn names(value: &Value) -> Vec<&str> {
    value
        .as_array()
        .expect("an array")
        .iter()
        .map(|name| name.as_str().expect("a string"))
        .collect()
}

#[test]
fn category_agrees_with_intl_plural_rules() {
    let integers = integers();
    let intl = intl(&integers);
    let mut differences = Vec::new();
    for language in LANGUAGES {
        let rules = plural_rules(language).expect("the language ships");
        let answers = &intl["languages"][language];
        assert_eq!(
            answers["locale"], language,
            "ICU resolved {language} to another locale"
        );
        let selected = names(&answers["selected"]);
        assert_eq!(selected.len(), integers.len());
        for (&n, &expected) in integers.iter().zip(&selected) {
            let ours = rules.category(n).name();
            if ours != expected {
                differences.push(format!("{language} {n}: ours {ours}, Intl {expected}"));
            }
        }
    }
    assert!(
        differences.is_empty(),
        "{} differences from Intl.PluralRules, first: {:#?}",
        differences.len(),
        &differences[..differences.len().min(20)]
    );
}

#[test]
fn categories_are_those_intl_selects_for_integers() {
    let integers = integers();
    let intl = intl(&integers);
    for language in LANGUAGES {
        let rules = plural_rules(language).expect("the language ships");
        let answers = &intl["languages"][language];
        // What ICU selects over the integers, plus `other`, which the API
        // always lists (Polish selects it for no integer: CLDR gives its
        // `other` decimal samples only).
        let mut selected: BTreeSet<&str> = names(&answers["selected"]).into_iter().collect();
        selected.insert("other");
        let ours: BTreeSet<&str> = rules.categories().iter().map(|c| c.name()).collect();
        assert_eq!(
            ours, selected,
            "{language}: categories() against the categories Intl selects for integers"
        );
        // Every one of them is a category of the language for ICU.
        let all: BTreeSet<&str> = names(&answers["categories"]).into_iter().collect();
        assert!(
            ours.is_subset(&all),
            "{language}: {ours:?} not within Intl's {all:?}"
        );
        // In `ALL` order, without repeats.
        let order: Vec<PluralCategory> = PluralCategory::ALL
            .into_iter()
            .filter(|c| rules.categories().contains(c))
            .collect();
        assert_eq!(
            rules.categories(),
            &order[..],
            "{language}: categories() order"
        );
    }
}

#[test]
fn the_api() {
    for category in PluralCategory::ALL {
        assert_eq!(PluralCategory::from_name(category.name()), Some(category));
    }
    assert_eq!(PluralCategory::from_name("Other"), None);
    assert_eq!(PluralCategory::from_name(""), None);
    assert!(PluralCategory::ALL.windows(2).all(|w| w[0] < w[1]));
    for language in ["", "EN", "en-US", "zz", "root", "pt-PT"] {
        assert_eq!(plural_rules(language), None, "{language:?}");
    }
    let ar = plural_rules("ar").unwrap();
    assert_eq!(ar.category(u64::MAX), PluralCategory::Many); // …615: n % 100 = 15
    assert_eq!(
        plural_rules("fr").unwrap().category(u64::MAX - 551_615),
        PluralCategory::Many
    ); // a multiple of 10^6
    assert_eq!(ar.categories(), &PluralCategory::ALL[..]);
    assert_eq!(
        plural_rules("ja").unwrap().categories(),
        &[PluralCategory::Other]
    );
}
