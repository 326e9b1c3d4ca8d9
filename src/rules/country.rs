//! Countries: ISO 3166-1, normalised to the alpha-2 code.
//!
//! Accepted: the alpha-2 and alpha-3 codes, the ISO English short, official
//! and common names, and common English forms (`UK`, `USA`, `United States
//! of America`), in any case, with or without diacritics, with inner
//! whitespace collapsed. `XK` (Kosovo, user-assigned but in wide use) is
//! accepted too. The names table is generated with its keys folded the way
//! `name_key` folds an input, so matching here is a plain lookup.
//!
//! Names are spelled many ways even by the standards: ISO writes `Bolivia
//! (Plurinational State of)` and `Bahamas (the)`, Debian's iso-codes
//! `Bolivia, Plurinational State of` and `Bahamas`, people `The Bahamas`,
//! `St. Lucia`, `Trinidad & Tobago`. Rather than list every spelling, the
//! key ignores what does not tell countries apart: brackets, commas, full
//! stops and the word `the`, and reads `st` as `saint` and `&` as `and`.

use crate::tables::countries::{COUNTRIES, COUNTRY_NAMES, COUNTRY_NAME_CODES};

/// The alpha-2 code of a country given as an alpha-2 code, in any case.
pub fn alpha2_code(input: &str) -> Option<&'static str> {
    let [first, second] = *input.as_bytes() else {
        return None;
    };
    // Compared as 16-bit numbers, not as byte slices (a call to `memcmp`).
    let key = |[a, b]: [u8; 2]| u16::from_be_bytes([a, b]);
    let code = key([first.to_ascii_uppercase(), second.to_ascii_uppercase()]);
    COUNTRIES
        .binary_search_by(|(alpha2, _, _)| {
            key(alpha2.as_bytes().try_into().unwrap_or_default()).cmp(&code)
        })
        .ok()
        .and_then(|index| COUNTRIES.get(index))
        .map(|(alpha2, _, _)| *alpha2)
}

fn alpha3_code(input: &str) -> Option<&'static str> {
    if input.len() != 3 {
        return None;
    }
    let code = input.to_ascii_uppercase();
    COUNTRIES
        .iter()
        .find(|(_, alpha3, _)| *alpha3 == code)
        .map(|(alpha2, _, _)| *alpha2)
}

/// The lookup key of a country name (shared with the table generator,
/// which stores every name's key: src/tables/fold.rs).
pub(crate) use crate::tables::fold::name_key;

fn by_name(input: &str) -> Option<&'static str> {
    let key = name_key(input);
    let at = COUNTRY_NAMES.search_by(|name| name.cmp(&key))?;
    COUNTRY_NAME_CODES.get(2 * at..2 * at + 2)
}

/// The alpha-2 code of the country `input` names, or `None`.
pub fn normalize_country(input: &str) -> Option<&'static str> {
    alpha2_code(input)
        .or_else(|| alpha3_code(input))
        .or_else(|| by_name(input))
}

/// The English name of a country by its alpha-2 code (upper case).
pub fn english_name(alpha2: &str) -> Option<&'static str> {
    let table = countries();
    let at = table
        .binary_search_by(|(code, _, _)| (*code).cmp(alpha2))
        .ok()?;
    table.get(at).map(|(_, _, name)| *name)
}

/// Every country: alpha-2, alpha-3, English name (for suggestions in a form).
pub fn countries() -> &'static [(&'static str, &'static str, &'static str)] {
    COUNTRIES
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_in_any_case_with_accents() {
        assert_eq!(normalize_country("CÔTE D’IVOIRE"), Some("CI"));
        assert_eq!(normalize_country("ÅLAND ISLANDS"), Some("AX"));
        assert_eq!(normalize_country("Curaçao"), Some("CW"));
        assert_eq!(normalize_country("TÜRKIYE"), Some("TR"));
    }

    #[test]
    fn codes_in_any_case_become_alpha2() {
        assert_eq!(normalize_country("us"), Some("US"));
        assert_eq!(normalize_country("usa"), Some("US"));
        assert_eq!(normalize_country("DEU"), Some("DE"));
        assert_eq!(normalize_country("xk"), Some("XK"));
    }

    #[test]
    fn names_and_common_forms_become_alpha2() {
        assert_eq!(normalize_country("United States"), Some("US"));
        assert_eq!(normalize_country("united  states of america"), Some("US"));
        assert_eq!(normalize_country("UK"), Some("GB"));
        assert_eq!(normalize_country("United Kingdom"), Some("GB"));
        assert_eq!(normalize_country("Germany"), Some("DE"));
        assert_eq!(normalize_country("Kosovo"), Some("XK"));
    }

    #[test]
    fn iso_spellings_with_brackets_and_the_find_their_country() {
        // ISO 3166-1's English short names as ISO's Online Browsing Platform
        // writes them, where Debian's iso-codes writes them otherwise.
        for (name, alpha2) in [
            ("Bahamas (the)", "BS"),
            ("Bolivia (Plurinational State of)", "BO"),
            ("British Indian Ocean Territory (the)", "IO"),
            ("Cayman Islands (the)", "KY"),
            ("Cocos (Keeling) Islands (the)", "CC"),
            ("Congo (the Democratic Republic of the)", "CD"),
            ("Congo (the)", "CG"),
            ("Falkland Islands (the) [Malvinas]", "FK"),
            ("Gambia (the)", "GM"),
            ("Holy See (the)", "VA"),
            ("Iran (Islamic Republic of)", "IR"),
            ("Korea (the Democratic People's Republic of)", "KP"),
            ("Korea (the Republic of)", "KR"),
            ("Lao People's Democratic Republic (the)", "LA"),
            ("Micronesia (Federated States of)", "FM"),
            ("Moldova (the Republic of)", "MD"),
            ("Netherlands (Kingdom of the)", "NL"),
            ("Philippines (the)", "PH"),
            ("Russian Federation (the)", "RU"),
            ("Taiwan (Province of China)", "TW"),
            ("Tanzania, the United Republic of", "TZ"),
            (
                "United Kingdom of Great Britain and Northern Ireland (the)",
                "GB",
            ),
            ("United States of America (the)", "US"),
            ("Venezuela (Bolivarian Republic of)", "VE"),
            ("Virgin Islands (British)", "VG"),
            ("Virgin Islands (U.S.)", "VI"),
            ("Saint Martin (French part)", "MF"),
            ("Sint Maarten (Dutch part)", "SX"),
        ] {
            assert_eq!(normalize_country(name), Some(alpha2), "{name}");
        }
    }

    #[test]
    fn common_spellings_with_the_st_and_ampersand_find_their_country() {
        for (name, alpha2) in [
            ("The Gambia", "GM"),
            ("the bahamas", "BS"),
            ("St. Lucia", "LC"),
            ("St Kitts & Nevis", "KN"),
            ("Trinidad & Tobago", "TT"),
            ("Bosnia & Herzegovina", "BA"),
            ("U.S.A.", "US"),
            ("U.K.", "GB"),
            ("Democratic Republic of the Congo", "CD"),
            ("England", "GB"),
        ] {
            assert_eq!(normalize_country(name), Some(alpha2), "{name}");
        }
    }

    #[test]
    fn name_keys_ignore_brackets_commas_full_stops_and_the() {
        assert_eq!(
            name_key("  Bolivia (Plurinational  State of) "),
            "bolivia plurinational state of"
        );
        assert_eq!(
            name_key("Bolivia, Plurinational State of"),
            "bolivia plurinational state of"
        );
        assert_eq!(name_key("The  U.S."), "us");
        assert_eq!(name_key("St. Kitts & Nevis"), "saint kitts and nevis");
        assert_eq!(name_key("( ) , the"), "");
    }

    #[test]
    fn diacritics_are_optional() {
        assert_eq!(normalize_country("Côte d'Ivoire"), Some("CI"));
        assert_eq!(normalize_country("cote d'ivoire"), Some("CI"));
        assert_eq!(normalize_country("ÅLAND ISLANDS"), Some("AX"));
    }

    #[test]
    fn diacritics_iso_does_not_write_are_accepted_too() {
        // ISO's short name is "Sao Tome and Principe".
        assert_eq!(normalize_country("São Tomé and Príncipe"), Some("ST"));
        assert_eq!(normalize_country("SÃO TOMÉ AND PRÍNCIPE"), Some("ST"));
        assert_eq!(normalize_country("México"), Some("MX"));
        assert_eq!(normalize_country("Perú"), Some("PE"));
    }

    #[test]
    fn name_keys_fold_latin1_diacritics_only() {
        assert_eq!(name_key("Réunion"), "reunion");
        assert_eq!(name_key("ÀÉÎÕÜÇÑÝ"), "aeioucny");
        // No base letter: left as they are.
        assert_eq!(name_key("æðøþß"), "æðøþß");
    }

    #[test]
    fn unknown_countries_are_refused() {
        for bad in [
            "ZZ",
            "XXX",
            "Atlantis",
            "",
            "U S",
            "()",
            "the",
            "Congo (the Republic of Atlantis)",
        ] {
            assert_eq!(normalize_country(bad), None, "{bad}");
        }
    }
}
