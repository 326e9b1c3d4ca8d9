//! The lookup key of a country name, shared by the crate (which folds an
//! input before looking it up, `rules::country`) and by the table generator
//! `tools/iso-tables` (which folds every name into the keys of
//! `countries::COUNTRY_NAMES`, and includes this very file with
//! `#[path = "../../../src/tables/fold.rs"] mod fold;`). One source, so the
//! keys stored and the keys looked up cannot drift apart.
//!
//! Standard library only: this file must compile on its own in both crates.

/// Lower-cases what the name keys can contain: ASCII and Latin-1 letters
/// (`CÔTE D’IVOIRE` → `côte d’ivoire`), and Cyrillic (`МОСКВА` → `москва`:
/// the Russian subdivision names of `tools/address-tables`; the other
/// scripts of the address data, CJK, Hangul, Arabic and Devanagari, have no
/// case). Full Unicode lower-casing would give
/// the same keys (the table's keys are ASCII, Latin-1 and `’`) but costs
/// Unicode case tables in every download of the module; the only inputs it
/// would also have matched spell a Latin letter with a look-alike symbol
/// (the Kelvin sign for `K`).
fn fold_case(c: char) -> char {
    match c {
        'À'..='Þ' if c != '×' => char::from_u32(c as u32 + 32).unwrap_or(c),
        'Ÿ' => 'ÿ',
        'А'..='Я' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
        'Ѐ'..='Џ' => char::from_u32(c as u32 + 0x50).unwrap_or(c),
        _ => c.to_ascii_lowercase(),
    }
}

/// A lower-case Latin-1 letter with a diacritic as its base letter (`é` →
/// `e`), as NFKD without the combining marks makes it: so a name matches
/// with its diacritics, without them, or with ones ISO does not write
/// (`São Tomé and Príncipe`). `æ`, `ð`, `ø`, `þ` and `ß` have no base letter
/// and stay. (The generator refuses a name whose key keeps any other
/// non-ASCII letter, so no diacritic outside Latin-1 reaches the table.)
fn fold_diacritic(c: char) -> char {
    match c {
        'à'..='å' => 'a',
        'ç' => 'c',
        'è'..='ë' => 'e',
        'ì'..='ï' => 'i',
        'ñ' => 'n',
        'ò'..='ö' => 'o',
        'ù'..='ü' => 'u',
        'ý' | 'ÿ' => 'y',
        _ => c,
    }
}

/// The lookup key of a country name: its words folded and joined by one
/// space, where words are split at whitespace, brackets and commas, full
/// stops are dropped, `the` is left out, and `st` and `&` are read as
/// `saint` and `and`.
pub(crate) fn name_key(input: &str) -> String {
    let mut key = String::with_capacity(input.len());
    name_key_into(input, &mut key, &mut String::new());
    key
}

/// [`name_key`] written into `key` (cleared first), with `word` as scratch
/// space: a caller folding many names reuses both.
pub(crate) fn name_key_into(input: &str, key: &mut String, word: &mut String) {
    key.clear();
    word.clear();
    // A space after the input ends its last word.
    for c in input.chars().chain([' ']) {
        if c.is_whitespace() || matches!(c, '(' | ')' | '[' | ']' | ',') {
            let read_as = match word.as_str() {
                "the" => "",
                "st" => "saint",
                "&" => "and",
                other => other,
            };
            if !read_as.is_empty() {
                if !key.is_empty() {
                    key.push(' ');
                }
                key.push_str(read_as);
            }
            word.clear();
        } else if c != '.' {
            word.push(fold_diacritic(fold_case(c)));
        }
    }
}
