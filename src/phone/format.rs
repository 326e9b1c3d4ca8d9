//! Writing a number the way libphonenumber's `format` does (national,
//! international, RFC 3966), from the metadata's number formats.
//!
//! Every format pattern of the metadata is a sequence of `(\d{n,m})`
//! groups (the generator refuses anything else), so a format "matches" a
//! number when its last leading-digits pattern matches a prefix of it (an
//! automaton, like the plans' patterns) and its groups can split the whole
//! number; the split is the regex's, each group as long as the groups after
//! it allow (greedy, leftmost-first). No regex engine, no allocation but
//! the answer.

use super::tables::{FORMATS, FORMAT_GROUPS, FORMAT_TEXTS};
use super::{automaton, plans_for_code, push_decimal, Format, Number};

/// How to write a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberFormat {
    /// As dialled within its country: `020 7946 0958`.
    National,
    /// `+44 20 7946 0958`
    International,
    /// `tel:+44-20-7946-0958`
    Rfc3966,
}

/// At most this many groups in a format (the metadata has at most six).
const MAX_GROUPS: usize = 8;

/// Where each group ends, when `format` fits all of `national`.
pub(super) fn split(format: &Format, national: &[u8]) -> Option<([usize; MAX_GROUPS], usize)> {
    let start = usize::from(format.groups);
    let groups = FORMAT_GROUPS.get(start..start + usize::from(format.group_count))?;
    if groups.len() > MAX_GROUPS {
        return None;
    }
    let mut ends = [0; MAX_GROUPS];
    let mut at = 0;
    for (i, &(min, max)) in groups.iter().enumerate() {
        let (later_min, later_max) = groups[i + 1..].iter().fold((0, 0), |(a, b), &(min, max)| {
            (a + usize::from(min), b + usize::from(max))
        });
        let rest = national.len().checked_sub(at)?;
        // The longest length that leaves what the later groups can take.
        let longest = usize::from(max).min(rest.checked_sub(later_min)?);
        if longest < usize::from(min) || rest - longest > later_max {
            return None;
        }
        at += longest;
        ends[i] = at;
    }
    (at == national.len()).then_some((ends, groups.len()))
}

/// libphonenumber's `chooseFormattingPatternForNumber` and
/// `formatNsnUsingPattern`: the national significant number written by the
/// first format that fits it, or as it is when none does.
fn format_nsn(national: &[u8], formats: &[Format], how: NumberFormat, out: &mut String) {
    let digits = std::str::from_utf8(national).unwrap_or_default();
    let chosen = formats.iter().find_map(|format| {
        let leads = match format.leading_count().checked_sub(1) {
            None => true,
            Some(last) => format
                .leading_pattern(last)
                .is_some_and(|start| automaton::matches_prefix(start, national)),
        };
        leads
            .then(|| split(format, national))
            .flatten()
            .map(|s| (format, s))
    });
    let Some((format, (ends, count))) = chosen else {
        out.push_str(digits);
        return;
    };
    let group = |n: usize| -> &str {
        let end = ends[..count].get(n.wrapping_sub(1)).copied().unwrap_or(0);
        let start = if n >= 2 { ends[n - 2] } else { 0 };
        digits.get(start..end).unwrap_or_default()
    };
    let text = FORMAT_TEXTS
        .get(usize::from(format.text))
        .copied()
        .unwrap_or("");
    let rule = match how {
        NumberFormat::National => FORMAT_TEXTS.get(usize::from(format.national_rule)).copied(),
        _ => None,
    };
    let mut first_group_done = false;
    let mut bytes = text.bytes();
    let written = out.len();
    while let Some(b) = bytes.next() {
        if b != b'$' {
            out.push(char::from(b));
            continue;
        }
        let n = bytes
            .next()
            .map_or(0, |d| usize::from(d.wrapping_sub(b'0')));
        match rule {
            // The first group reference is replaced by the national prefix
            // rule (`0$1`), in which `$1` is that reference (as Java's
            // `replaceFirst` reads it): `$2 15-$3-$4` becomes `0$2 15-$3-$4`.
            Some(rule) if !first_group_done => {
                first_group_done = true;
                let mut rule = rule.bytes();
                while let Some(r) = rule.next() {
                    if r == b'$' {
                        // `$1` there is the reference it replaces.
                        rule.next();
                        out.push_str(group(n));
                    } else {
                        out.push(char::from(r));
                    }
                }
            }
            _ => out.push_str(group(n)),
        }
    }
    if how == NumberFormat::Rfc3966 {
        // Punctuation runs become one dash; none is kept in front.
        let formatted: String = out.drain(written..).collect();
        let mut dash = false;
        for c in formatted.chars() {
            if c.is_ascii_digit() {
                if dash && out.len() > written {
                    out.push('-');
                }
                dash = false;
                out.push(c);
            } else {
                dash = true;
            }
        }
    }
}

impl Number {
    /// The number written as libphonenumber's `format` writes it, with its
    /// calling code's main region's formats.
    pub fn format(&self, how: NumberFormat) -> String {
        let mut out = String::with_capacity(8 + 2 * self.national.len());
        match how {
            NumberFormat::National => {}
            NumberFormat::International => {
                out.push('+');
                push_decimal(&mut out, self.code);
                out.push(' ');
            }
            NumberFormat::Rfc3966 => {
                out.push_str("tel:+");
                push_decimal(&mut out, self.code);
                out.push('-');
            }
        }
        let Some(plan) = plans_for_code(self.code).first() else {
            out.push_str(std::str::from_utf8(&self.national).unwrap_or_default());
            return out;
        };
        let (first, count) = match plan.intl_formats {
            (first, count) if count > 0 && how != NumberFormat::National => (first, count),
            _ => plan.formats,
        };
        let first = usize::from(first);
        let formats = FORMATS
            .get(first..first + usize::from(count))
            .unwrap_or(&[]);
        format_nsn(&self.national, formats, how, &mut out);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn number(code: u16, national: &str) -> Number {
        Number {
            code,
            national: national.as_bytes().to_vec(),
        }
    }

    #[test]
    fn numbers_are_written_as_libphonenumber_writes_them() {
        let gb = number(44, "2079460958");
        assert_eq!(gb.format(NumberFormat::National), "020 7946 0958");
        assert_eq!(gb.format(NumberFormat::International), "+44 20 7946 0958");
        assert_eq!(gb.format(NumberFormat::Rfc3966), "tel:+44-20-7946-0958");
        let us = number(1, "4155552671");
        assert_eq!(us.format(NumberFormat::National), "(415) 555-2671");
        assert_eq!(us.format(NumberFormat::International), "+1 415-555-2671");
        assert_eq!(us.format(NumberFormat::Rfc3966), "tel:+1-415-555-2671");
    }

    #[test]
    fn a_number_no_format_fits_is_written_whole() {
        let odd = number(44, "1");
        assert_eq!(odd.format(NumberFormat::International), "+44 1");
        assert_eq!(odd.format(NumberFormat::National), "1");
    }
}
