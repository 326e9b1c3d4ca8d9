//! Preferred language: an ISO 639-1 code.
//!
//! People and systems write languages in several ways; all of them that
//! unambiguously name one ISO 639-1 language are accepted and reduced to
//! the two-letter code: any case (`EN`), a locale or BCP 47 tag whose
//! primary subtag is the language (`en-US`, `en_US`, `zh-Hant-TW`), an ISO
//! 639-2 code with a 639-1 equivalent (`eng`, `ger`, `deu`), and the
//! withdrawn codes still found in old systems (`iw`, `in`, `ji`, `jw`, `mo`).

use super::sorted_lookup;
use crate::tables::languages::{ALPHA3_TO_ALPHA2, LANGUAGES};

/// Two-letter codes ISO 639-1 withdrew, and the codes that replaced them,
/// sorted. (Not in the generated tables: the ISO files list current codes
/// only.)
const WITHDRAWN: &[(&str, &str)] = &[
    ("in", "id"),
    ("iw", "he"),
    ("ji", "yi"),
    ("jw", "jv"),
    ("mo", "ro"),
];

/// True for a well-formed subtag after the primary one (`US`, `Hant`, `419`).
fn is_subtag(subtag: &str) -> bool {
    (1..=8).contains(&subtag.len()) && subtag.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// The ISO 639-1 code `input` names, or `None`.
pub fn normalize_language(input: &str) -> Option<&'static str> {
    let mut subtags = input.split(['-', '_']);
    let primary = subtags.next()?.to_ascii_lowercase();
    if !subtags.all(is_subtag) || !primary.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    match primary.len() {
        2 => {
            let code = sorted_lookup(WITHDRAWN, &primary).map_or(primary.as_str(), |(_, now)| *now);
            sorted_lookup(LANGUAGES, code).map(|(code, _)| *code)
        }
        3 => sorted_lookup(ALPHA3_TO_ALPHA2, &primary).map(|(_, code)| *code),
        _ => None,
    }
}

/// The English name of a language by its ISO 639-1 code (lower case).
pub fn english_name(code: &str) -> Option<&'static str> {
    super::sorted_lookup(languages(), code).map(|(_, name)| *name)
}

/// Every ISO 639-1 code with its English name (for suggestions in a form).
pub fn languages() -> &'static [(&'static str, &'static str)] {
    LANGUAGES
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_letter_codes_in_any_case() {
        assert_eq!(normalize_language("en"), Some("en"));
        assert_eq!(normalize_language("FR"), Some("fr"));
        assert_eq!(normalize_language("xx"), None);
    }

    #[test]
    fn locales_reduce_to_the_language() {
        assert_eq!(normalize_language("en-US"), Some("en"));
        assert_eq!(normalize_language("en_us"), Some("en"));
        assert_eq!(normalize_language("zh-Hant-TW"), Some("zh"));
        assert_eq!(normalize_language("es-419"), Some("es"));
    }

    #[test]
    fn malformed_tags_are_refused() {
        for bad in [
            "en-",
            "en--US",
            "-en",
            "en-US!",
            "e",
            "english",
            "en US",
            "ën",
            "",
            "en-toolongsubtag",
        ] {
            assert_eq!(normalize_language(bad), None, "{bad}");
        }
    }

    #[test]
    fn three_letter_codes_with_a_two_letter_equivalent() {
        assert_eq!(normalize_language("eng"), Some("en"));
        assert_eq!(normalize_language("SPA"), Some("es"));
        assert_eq!(normalize_language("ger"), Some("de"));
        assert_eq!(normalize_language("deu"), Some("de"));
        assert_eq!(normalize_language("haw"), None);
    }

    #[test]
    fn withdrawn_codes_become_current() {
        assert_eq!(normalize_language("iw"), Some("he"));
        assert_eq!(normalize_language("in"), Some("id"));
        assert_eq!(normalize_language("ji"), Some("yi"));
        assert_eq!(normalize_language("iw-IL"), Some("he"));
    }
}
