//! Text fields: names, company, address lines.
//!
//! Whitespace is Unicode `White_Space` throughout (what `char::is_whitespace`
//! and `str::trim` use), so a no-break space or an ideographic space is
//! trimmed and collapsed like an ASCII one. Tabs and newlines are whitespace
//! and collapse too; every other control character (C0, DEL, C1) is refused,
//! because it is invisible in a form and breaks CSV exports and terminals
//! downstream.

use crate::problem::Problem;

/// A control character that is not whitespace.
pub fn is_forbidden_control(c: char) -> bool {
    c.is_control() && !c.is_whitespace()
}

/// Trims and collapses every inner run of whitespace to one space.
/// `Ok(None)` when nothing is left (the field is blank, i.e. not given);
/// The error names the first forbidden control character.
pub fn normalize_text(input: &str) -> Result<Option<String>, Problem> {
    // Printable ASCII words single-spaced, the usual name: as it is.
    let bytes = input.as_bytes();
    let plain = bytes.iter().all(|&b| (b' '..=b'~').contains(&b))
        && bytes.first().is_some_and(|&b| b != b' ')
        && bytes.last().is_some_and(|&b| b != b' ')
        && !bytes.windows(2).any(|pair| pair == b"  ");
    if plain {
        return Ok(Some(input.to_owned()));
    }
    if let Some(c) = input.chars().find(|&c| is_forbidden_control(c)) {
        return Err(Problem::ControlCharacter(c));
    }
    let mut out = String::with_capacity(input.len());
    for word in input.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    Ok((!out.is_empty()).then_some(out))
}

/// Length in Unicode scalar values, as the "≥ 2 characters" rules count.
pub fn char_len(s: &str) -> usize {
    s.chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_and_collapses_unicode_whitespace() {
        assert_eq!(
            normalize_text("  Jean\t\n  Luc\u{00A0}\u{3000}Picard \u{2028}"),
            Ok(Some("Jean Luc Picard".into()))
        );
    }

    #[test]
    fn blank_is_not_given() {
        assert_eq!(normalize_text(""), Ok(None));
        assert_eq!(normalize_text(" \t\r\n\u{85}\u{2003}"), Ok(None));
    }

    #[test]
    fn control_characters_other_than_whitespace_are_refused() {
        let refused = |c| Err(Problem::ControlCharacter(c));
        assert_eq!(normalize_text("Ann\u{0}"), refused('\u{0}'));
        assert_eq!(normalize_text("Ann\u{7F}"), refused('\u{7F}'));
        assert_eq!(normalize_text("Ann\u{9B}x"), refused('\u{9B}'));
        assert_eq!(normalize_text("A\u{1F}B"), refused('\u{1F}'));
    }

    #[test]
    fn printable_ascii_as_it_is_or_not_gives_what_trimming_and_collapsing_give() {
        // Every string of up to four of these, the edges of the ASCII fast path.
        let alphabet = ['a', ' ', '\t', '~', '\u{7f}', '\u{1f}', 'é'];
        let mut strings = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = strings
                .iter()
                .flat_map(|s| alphabet.iter().map(move |c| format!("{s}{c}")))
                .collect();
            strings.extend(longer);
        }
        for s in strings {
            let expected = match s.chars().find(|&c| is_forbidden_control(c)) {
                Some(c) => Err(Problem::ControlCharacter(c)),
                None => {
                    let joined = s.split_whitespace().collect::<Vec<_>>().join(" ");
                    Ok((!joined.is_empty()).then_some(joined))
                }
            };
            assert_eq!(normalize_text(&s), expected, "{s:?}");
        }
    }

    #[test]
    fn next_line_is_whitespace_not_a_forbidden_control() {
        assert_eq!(normalize_text("a\u{85}b"), Ok(Some("a b".into())));
    }

    #[test]
    fn length_counts_scalar_values_not_bytes() {
        assert_eq!(char_len("日本"), 2);
        assert_eq!(char_len("é"), 1);
        assert_eq!(char_len("👍"), 1);
    }
}
