//! The phone-number engine: libphonenumber's parsing and validation
//! algorithm over metadata compiled ahead of time.
//!
//! Why not a phone library at run time: the `phonenumber` crate brings a
//! regex engine and decodes its metadata on first use, which made the
//! WebAssembly module ~0.7 MB gzip, the first call take hundreds of
//! milliseconds and memory grow with every region met. Here every pattern
//! was compiled by `tools/phone-tables` into static tables
//! (`tables`): digit automata for "does the number match this plan"
//! (`automaton`) and small programs for the two patterns whose match
//! position and groups matter (`pike`). There is nothing to start up,
//! nothing to cache and nothing that grows.
//!
//! The algorithm is libphonenumber's (`PhoneNumberUtil.parse`,
//! `isValidNumber`, `getNumberType`), step for step, with the metadata of
//! Google's current release (the PyPI `phonenumbers` wheel pinned in
//! `tools/phone-tables/phonenumbers.pin`), whose Python code is the oracle
//! of the differential tests (`tests/phone_differential.rs`); the
//! `phonenumber` crate, at its own older release, is counted beside it.
//!
//! Input is already screened (`crate::rules::phone`): ASCII digits only, at
//! most 20 of them.

mod asyoutype;
mod automaton;
mod format;
#[cfg(test)]
mod pattern_tests;
mod pike;
// Generated (tools/phone-tables), compared byte for byte by its `--check`:
// rustfmt leaves it as written.
#[rustfmt::skip]
mod tables;

pub use asyoutype::{as_you_type, AS_YOU_TYPE_MAX};
pub use format::NumberFormat;
pub use tables::METADATA_VERSION;

use tables::{PLANS_BY_CODE, PLAN_BY_REGION, REGIONS};

/// One instruction of a prefix-matching program (see `pike`).
#[derive(Debug, Clone, Copy)]
pub enum Inst {
    /// Read one digit from the set (bit d for digit d).
    Digits(u16),
    /// Continue at the first address, or failing that at the second.
    Split(u16, u16),
    Jump(u16),
    /// Record the position in a capture slot.
    Save(u8),
    /// Only at the end of the number.
    End,
    /// Only at the start of the number.
    Start,
    Match,
}

/// A program's place in `tables::PROGRAM`; empty when the pattern is absent.
#[derive(Debug, Clone, Copy)]
pub struct Prog {
    pub start: u16,
    pub len: u16,
    /// The digits a match can start with (bit d for digit d).
    pub first: u16,
    /// Whether it can match the empty string.
    pub empty: bool,
}

/// One description of numbers (the general one, or one number type).
#[derive(Debug, Clone, Copy)]
pub struct Desc {
    /// Start state of its automaton; `NONE` when the plan has no such numbers.
    pub start: u32,
    /// Possible lengths, bit n for n digits; 0 when unrestricted.
    pub lengths: u32,
}

/// No automaton.
const NONE: u32 = u32::MAX;

/// One numbering plan: a region, or a non-geographic calling code.
#[derive(Debug)]
pub struct Region {
    /// ISO 3166-1 alpha-2, or `"001"` for a non-geographic code.
    pub id: &'static str,
    pub code: u16,
    /// International dialling prefix (`011`, `00`, …).
    pub idd: Prog,
    /// National prefix for parsing (the national prefix itself when the
    /// metadata gives no separate pattern).
    pub npfp: Prog,
    pub npfp_groups: u8,
    /// Digits and `$n` group references, applied when the national prefix
    /// for parsing matches.
    pub transform: &'static str,
    /// For regions sharing a calling code: the start of their numbers.
    pub leading_digits: u32,
    pub general: Desc,
    /// Lengths only diallable locally (bit n for n digits).
    pub general_local: u32,
    /// In `TYPE_ORDER`.
    pub types: [Desc; 10],
    pub same_mobile_and_fixed: bool,
    /// (first index in `tables::FORMATS`, count): how national numbers are
    /// written, and international ones (count 0: as national ones).
    pub formats: (u16, u8),
    pub intl_formats: (u16, u8),
}

/// One of libphonenumber's number formats: numbers that start with the
/// `leading` digits and whose length the groups can split are written by
/// the text `tables::FORMAT_TEXTS[text]` (`$1 $2`).
#[derive(Debug, Clone, Copy)]
pub struct Format {
    /// `tables::FORMAT_LEADING[leading..leading + (flags & 7)]`: automata of
    /// its leading-digits patterns, the most precise last; none for any
    /// number.
    pub leading: u16,
    /// `tables::FORMAT_GROUPS[groups..groups + group_count]`: each group's
    /// shortest and longest length.
    pub groups: u16,
    pub group_count: u8,
    pub text: u8,
    /// The national prefix rule for the first group (`0$1`), 255 for none.
    pub national_rule: u8,
    /// The number of leading-digits patterns (bits 0–2) and the
    /// as-you-type formatter's facts (`asyoutype`).
    pub flags: u8,
}

impl Format {
    /// How many leading-digits patterns it has.
    fn leading_count(&self) -> usize {
        usize::from(self.flags & 7)
    }

    /// The automaton of its leading-digits pattern `index`.
    fn leading_pattern(&self, index: usize) -> Option<u32> {
        (index < self.leading_count())
            .then(|| tables::FORMAT_LEADING.get(usize::from(self.leading) + index))
            .flatten()
            .map(|&start| u32::from(start))
    }
}

impl Region {
    /// `None` for a non-geographic calling code.
    pub fn region_code(&self) -> Option<&'static str> {
        (self.id != "001").then_some(self.id)
    }
}

/// What kind of line a number belongs to, as far as the numbering plan says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberKind {
    Mobile,
    /// The plan does not tell fixed and mobile apart (e.g. the US).
    FixedLineOrMobile,
    FixedLine,
    TollFree,
    PremiumRate,
    SharedCost,
    Voip,
    PersonalNumber,
    Pager,
    Uan,
    Voicemail,
    Unknown,
}

/// The types tested before fixed line and mobile, in libphonenumber's order
/// (`getNumberTypeHelper`); `types[8]` is fixed line, `types[9]` mobile.
const TYPE_ORDER: [NumberKind; 8] = [
    NumberKind::PremiumRate,
    NumberKind::TollFree,
    NumberKind::SharedCost,
    NumberKind::Voip,
    NumberKind::PersonalNumber,
    NumberKind::Pager,
    NumberKind::Uan,
    NumberKind::Voicemail,
];

/// Shortest and longest national significant number libphonenumber reads.
const MIN_NSN: usize = 2;
const MAX_NSN: usize = 17;

/// Why digits are not a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParseError {
    /// Something other than ASCII digits (the caller screens input first).
    NotDigits,
    TooShort,
    TooLong,
    /// `+` or an international prefix followed by no known calling code.
    InvalidCountryCode,
    /// No numbering plan for the default region.
    NoPlanForRegion,
}

/// A parsed number: calling code and national significant number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Number {
    pub code: u16,
    /// ASCII digits, leading zeros kept.
    pub national: Vec<u8>,
}

impl Number {
    /// `+442079460958`
    pub fn e164(&self) -> String {
        let mut out = String::with_capacity(1 + 3 + self.national.len());
        out.push('+');
        push_decimal(&mut out, self.code);
        // ASCII digits: copied as they are, not char by char.
        out.push_str(std::str::from_utf8(&self.national).unwrap_or_default());
        out
    }

    /// The plan the number belongs to and its kind there (libphonenumber's
    /// `getRegionCodeForNumber` and `getNumberType`); the kind is `Unknown`
    /// when the number is not valid (`isValidNumber`).
    pub fn classify(&self) -> (Option<&'static Region>, NumberKind) {
        let plans = plans_for_code(self.code);
        if let [only] = plans {
            return (Some(only), number_kind(only, &self.national));
        }
        for plan in plans {
            if plan.leading_digits != NONE {
                if automaton::matches_prefix(plan.leading_digits, &self.national) {
                    return (Some(plan), number_kind(plan, &self.national));
                }
            } else {
                let kind = number_kind(plan, &self.national);
                if kind != NumberKind::Unknown {
                    return (Some(plan), kind);
                }
            }
        }
        (None, NumberKind::Unknown)
    }
}

/// `n` in decimal ASCII digits, without the formatting machinery or an
/// allocation (this is on the hot path of every number): the digits are
/// `buffer[start..]` of the answer `(buffer, start)`.
pub(crate) fn decimal(n: u16) -> ([u8; 5], usize) {
    let mut digits = [0u8; 5];
    let mut at = digits.len();
    let mut rest = n;
    loop {
        at -= 1;
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    (digits, at)
}

/// Appends `n` in decimal.
pub fn push_decimal(out: &mut String, n: u16) {
    let (digits, start) = decimal(n);
    out.push_str(std::str::from_utf8(&digits[start..]).unwrap_or_default());
}

/// The plans of a calling code, the main region first; empty if unknown.
pub fn plans_for_code(code: u16) -> &'static [Region] {
    let Some(&(first, count)) = PLANS_BY_CODE.get(usize::from(code)) else {
        return &[];
    };
    let first = usize::from(first);
    REGIONS
        .get(first..first + usize::from(count))
        .unwrap_or(&[])
}

/// The plan of a region (ISO 3166-1 alpha-2, upper case).
pub fn plan_for_region(id: &str) -> Option<&'static Region> {
    let &[a @ b'A'..=b'Z', b @ b'A'..=b'Z'] = id.as_bytes() else {
        return None;
    };
    let at = usize::from(a - b'A') * 26 + usize::from(b - b'A');
    REGIONS.get(usize::from(PLAN_BY_REGION[at]))
}

fn desc_matches(desc: &Desc, national: &[u8]) -> bool {
    desc.start != NONE
        && (desc.lengths == 0 || national.len() < 32 && desc.lengths & (1 << national.len()) != 0)
        && automaton::matches_all(desc.start, national)
}

/// The pattern alone, without the length check (libphonenumber's
/// `matchNationalNumber`).
fn pattern_matches(desc: &Desc, national: &[u8]) -> bool {
    desc.start != NONE && automaton::matches_all(desc.start, national)
}

/// libphonenumber's `getNumberTypeHelper`.
fn number_kind(plan: &Region, national: &[u8]) -> NumberKind {
    if !desc_matches(&plan.general, national) {
        return NumberKind::Unknown;
    }
    for (desc, kind) in plan.types.iter().zip(TYPE_ORDER) {
        if desc_matches(desc, national) {
            return kind;
        }
    }
    let [.., fixed, mobile] = &plan.types;
    if desc_matches(fixed, national) {
        return if plan.same_mobile_and_fixed || desc_matches(mobile, national) {
            NumberKind::FixedLineOrMobile
        } else {
            NumberKind::FixedLine
        };
    }
    if !plan.same_mobile_and_fixed && desc_matches(mobile, national) {
        return NumberKind::Mobile;
    }
    NumberKind::Unknown
}

#[derive(Debug, PartialEq, Eq)]
enum Length {
    Possible,
    LocalOnly,
    TooShort,
    TooLong,
    Invalid,
}

/// libphonenumber's `testNumberLength` for an unknown type.
fn test_length(plan: &Region, national: &[u8]) -> Length {
    let possible = plan.general.lengths;
    let n = national.len() as u32;
    if possible == 0 {
        return Length::Invalid;
    }
    if n < 32 && plan.general_local & (1 << n) != 0 {
        return Length::LocalOnly;
    }
    let shortest = possible.trailing_zeros();
    let longest = 31 - possible.leading_zeros();
    if n < shortest {
        Length::TooShort
    } else if n > longest {
        Length::TooLong
    } else if possible & (1 << n) != 0 {
        Length::Possible
    } else {
        Length::Invalid
    }
}

/// libphonenumber's `maybeStripNationalPrefixAndCarrierCode`: strips or
/// transforms the national prefix, unless that would turn a number that
/// fits the plan into one that does not.
fn strip_national_prefix(national: &mut Vec<u8>, plan: &Region) -> bool {
    if national.is_empty() {
        return false;
    }
    let Some(found) = pike::match_prefix(plan.npfp, national) else {
        return false;
    };
    let viable = pattern_matches(&plan.general, national);
    let last_group = found.group(usize::from(plan.npfp_groups));
    let rest = &national[found.end().min(national.len())..];
    if plan.transform.is_empty() || last_group.is_none() {
        if viable && !pattern_matches(&plan.general, rest) {
            return false;
        }
        *national = rest.to_vec();
    } else {
        let mut transformed = Vec::with_capacity(national.len() + plan.transform.len());
        let mut rule = plan.transform.bytes();
        while let Some(b) = rule.next() {
            if b == b'$' {
                let group = rule.next().map_or(0, |g| usize::from(g.wrapping_sub(b'0')));
                if let Some((from, to)) = found.group(group) {
                    transformed.extend_from_slice(national.get(from..to).unwrap_or(&[]));
                }
            } else {
                transformed.push(b);
            }
        }
        transformed.extend_from_slice(rest);
        if viable && !pattern_matches(&plan.general, &transformed) {
            return false;
        }
        *national = transformed;
    }
    true
}

/// libphonenumber's `extractCountryCode` after a `+` or an international
/// prefix: the calling code and what follows it.
fn split_calling_code(full: &[u8]) -> Result<(u16, &[u8]), ParseError> {
    if full.len() <= MIN_NSN {
        return Err(ParseError::TooShort);
    }
    if full[0] == b'0' {
        return Err(ParseError::InvalidCountryCode);
    }
    let mut code = 0u16;
    for (i, &d) in full.iter().take(3).enumerate() {
        code = code * 10 + u16::from(d - b'0');
        if !plans_for_code(code).is_empty() {
            return Ok((code, &full[i + 1..]));
        }
    }
    Err(ParseError::InvalidCountryCode)
}

/// Parses screened digits (libphonenumber's `parse`): with `plus`, or
/// without a default region, as an international number; else as a number
/// of `default_region`, which may itself start with an international prefix
/// or the region's calling code.
pub fn parse(
    digits: &[u8],
    plus: bool,
    default_region: Option<&str>,
) -> Result<Number, ParseError> {
    if !digits.iter().all(u8::is_ascii_digit) {
        return Err(ParseError::NotDigits);
    }
    if digits.len() < MIN_NSN {
        return Err(ParseError::TooShort);
    }
    let default = match default_region {
        Some(id) if !plus => Some(plan_for_region(id).ok_or(ParseError::NoPlanForRegion)?),
        _ => None,
    };
    // The calling code, the rest, and the plan that reads the rest.
    let (code, national, plan): (u16, Vec<u8>, &Region) = match default {
        None => {
            let (code, rest) = split_calling_code(digits)?;
            (code, rest.to_vec(), main_plan(code)?)
        }
        Some(region) => match pike::match_prefix(region.idd, digits) {
            // A calling code read from the number is read with its main
            // region's plan (for GG's own code too: +44 is GB's).
            Some(idd) if digits.get(idd.end()) != Some(&b'0') => {
                let (code, rest) = split_calling_code(&digits[idd.end()..])?;
                (code, rest.to_vec(), main_plan(code)?)
            }
            _ => match without_own_calling_code(digits, region) {
                Some(rest) => (region.code, rest, main_plan(region.code)?),
                None => (region.code, digits.to_vec(), region),
            },
        },
    };
    if national.len() < MIN_NSN {
        return Err(ParseError::TooShort);
    }
    let mut potential = national.clone();
    strip_national_prefix(&mut potential, plan);
    let national = match test_length(plan, &potential) {
        Length::TooShort | Length::LocalOnly => national,
        _ => potential,
    };
    if national.len() < MIN_NSN {
        return Err(ParseError::TooShort);
    }
    if national.len() > MAX_NSN {
        return Err(ParseError::TooLong);
    }
    Ok(Number { code, national })
}

/// The plan a calling code's numbers are read with: its main region's.
fn main_plan(code: u16) -> Result<&'static Region, ParseError> {
    plans_for_code(code)
        .first()
        .ok_or(ParseError::InvalidCountryCode)
}

/// A national number that starts with its own region's calling code, given
/// without `+` (`44 20 7946 0958` in GB): the rest, when libphonenumber
/// would read it that way — the number fits the plan only without the code,
/// or is too long with it.
fn without_own_calling_code(digits: &[u8], region: &Region) -> Option<Vec<u8>> {
    let (code, start) = decimal(region.code);
    let rest = digits.strip_prefix(&code[start..])?;
    let mut potential = rest.to_vec();
    strip_national_prefix(&mut potential, region);
    let general = &region.general;
    let better = !pattern_matches(general, digits) && pattern_matches(general, &potential);
    (better || test_length(region, digits) == Length::TooLong).then_some(potential)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e164(digits: &str, plus: bool, region: Option<&str>) -> Result<String, ParseError> {
        parse(digits.as_bytes(), plus, region).map(|n| n.e164())
    }

    #[test]
    fn international_numbers_split_at_the_calling_code() {
        let n = parse(b"442079460958", true, None).unwrap();
        assert_eq!((n.code, n.national.as_slice()), (44, &b"2079460958"[..]));
        let (plan, kind) = n.classify();
        assert_eq!(
            (plan.map(|p| p.id), kind),
            (Some("GB"), NumberKind::FixedLine)
        );
    }

    #[test]
    fn national_prefix_is_stripped_for_the_region() {
        assert_eq!(
            e164("02079460958", false, Some("GB")).unwrap(),
            "+442079460958"
        );
        assert_eq!(
            e164("4155552671", false, Some("US")).unwrap(),
            "+14155552671"
        );
        assert_eq!(
            e164("14155552671", false, Some("US")).unwrap(),
            "+14155552671"
        );
    }

    #[test]
    fn international_dialling_prefix_is_read() {
        assert_eq!(
            e164("011442079460958", false, Some("US")).unwrap(),
            "+442079460958"
        );
        assert_eq!(
            e164("0014155552671", false, Some("FR")).unwrap(),
            "+14155552671"
        );
    }

    #[test]
    fn transform_rule_rewrites_the_national_number() {
        // Argentina: 0 11 15 xxxx-xxxx (a mobile in Buenos Aires) → +54 9 11 xxxx xxxx.
        let n = parse(b"0111523456789", false, Some("AR")).unwrap();
        assert_eq!(n.e164(), "+5491123456789");
        assert_eq!(n.classify().1, NumberKind::Mobile);
    }

    #[test]
    fn shared_calling_codes_find_their_region() {
        let n = parse(b"12423570000", true, None).unwrap();
        assert_eq!(n.classify().0.map(|p| p.id), Some("BS"));
        let n = parse(b"441481256789", true, None).unwrap();
        assert_eq!(n.classify().0.map(|p| p.id), Some("GG"));
    }

    #[test]
    fn decimals_are_written_like_display() {
        for n in [0, 1, 9, 10, 44, 999, 1000, u16::MAX] {
            let mut out = String::new();
            push_decimal(&mut out, n);
            assert_eq!(out, n.to_string());
        }
    }

    #[test]
    fn errors_are_named() {
        assert_eq!(e164("1", true, None), Err(ParseError::TooShort));
        assert_eq!(e164("+44 20", true, None), Err(ParseError::NotDigits));
        assert_eq!(
            e164("99912345", true, None),
            Err(ParseError::InvalidCountryCode)
        );
        assert_eq!(
            e164("0123", true, None),
            Err(ParseError::InvalidCountryCode)
        );
        assert_eq!(
            e164("123", false, Some("AQ")),
            Err(ParseError::NoPlanForRegion)
        );
        assert_eq!(
            e164("1234567890123456789", false, Some("DE")),
            Err(ParseError::TooLong)
        );
    }
}
