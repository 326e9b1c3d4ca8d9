//! Countries: ISO 3166-1, normalised to the alpha-2 code.
//!
//! Accepted: the alpha-2 and alpha-3 codes, the ISO English short, official
//! and common names, and common English forms (`UK`, `USA`, `United States
//! of America`), in any case, with or without diacritics, with inner
//! whitespace collapsed. `XK` (Kosovo, user-assigned but in wide use) is
//! accepted too. The names table is generated with every variant spelled
//! out, so matching here is a plain lookup.

use crate::tables::countries::{COUNTRIES, COUNTRY_NAMES, COUNTRY_NAME_CODES};

pub const MESSAGE: &str =
    "Invalid country: expected an ISO 3166-1 code or English name (e.g. US, USA, United States)";

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

/// Lower-cases what the name keys can contain: ASCII and Latin-1 letters
/// (`CÔTE D’IVOIRE` → `côte d’ivoire`). Full Unicode lower-casing would give
/// the same keys (the table's keys are ASCII, Latin-1 and `’`) but costs
/// Unicode case tables in every download of the module; the only inputs it
/// would also have matched spell a Latin letter with a look-alike symbol
/// (the Kelvin sign for `K`).
fn fold_case(c: char) -> char {
    match c {
        'À'..='Þ' if c != '×' => char::from_u32(c as u32 + 32).unwrap_or(c),
        'Ÿ' => 'ÿ',
        _ => c.to_ascii_lowercase(),
    }
}

fn by_name(input: &str) -> Option<&'static str> {
    // Words folded and joined by one space, built in one buffer.
    let mut key = String::with_capacity(input.len());
    for word in input.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        key.extend(word.chars().map(fold_case));
    }
    let at = COUNTRY_NAMES.search_by(|name| name.cmp(&key))?;
    COUNTRY_NAME_CODES.get(2 * at..2 * at + 2)
}

/// The alpha-2 code of the country `input` names, or `None`.
pub fn normalize_country(input: &str) -> Option<&'static str> {
    alpha2_code(input)
        .or_else(|| alpha3_code(input))
        .or_else(|| by_name(input))
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
    fn diacritics_are_optional() {
        assert_eq!(normalize_country("Côte d'Ivoire"), Some("CI"));
        assert_eq!(normalize_country("cote d'ivoire"), Some("CI"));
        assert_eq!(normalize_country("ÅLAND ISLANDS"), Some("AX"));
    }

    #[test]
    fn unknown_countries_are_refused() {
        for bad in ["ZZ", "XXX", "Atlantis", "", "U S"] {
            assert_eq!(normalize_country(bad), None, "{bad}");
        }
    }
}
