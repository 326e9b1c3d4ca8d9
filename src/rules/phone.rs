//! Phone numbers: read, checked against the numbering plan, written as E.164.
//!
//! The engine is [`crate::phone`] (libphonenumber's algorithm over metadata
//! compiled ahead of time); this module turns its answers into the schema's
//! terms. The schema sees [`normalize_phone`] and [`Phone`] only; a refused
//! number is a [`Problem::Phone`], whose reason says why.
//!
//! Before the engine sees anything, the input is screened here: only digits,
//! a leading `+` and the usual separators pass. Digits of other scripts
//! (Arabic-Indic `٤١٥`, Persian `۴۱۵`, fullwidth `４１５`, Devanagari, Thai, …)
//! are read as the digits they are, as libphonenumber reads them: a form's
//! user types the digits of their keyboard. Letters are refused rather
//! than dropped or converted (`1-800-FLOWERS`, `call 415-555-2671 now`), and
//! an extension is refused rather than cut off (E.164 has no extension). This
//! keeps the engine on the small, well-tested input it was built for.

pub use crate::phone::NumberFormat as PhoneFormat;
pub use crate::phone::NumberKind;
use crate::phone::{self, ParseError};
use crate::problem::{PhoneProblem, Problem};

/// The libphonenumber metadata release the numbering plans come from
/// (e.g. `9.0.43`): the PyPI `phonenumbers` release pinned in
/// `tools/phone-tables/phonenumbers.pin`.
pub const PHONE_METADATA_VERSION: &str = crate::phone::METADATA_VERSION;

/// More digits than any E.164 number plus an international prefix needs.
const MAX_DIGITS: usize = 20;

/// A valid number.
#[derive(Debug, Clone)]
pub struct Phone {
    /// `+14155552671`
    pub e164: String,
    /// The country calling code: `1` for `+14155552671`.
    pub country_code: u16,
    /// The region (ISO 3166-1 alpha-2) whose plan the number belongs to, or
    /// `None` for non-geographic codes such as `+800`.
    pub region: Option<&'static str>,
    /// The kind of line, from the numbering plan (never `Unknown`).
    pub kind: NumberKind,
}

impl NumberKind {
    /// True when the numbering plan says the line is not a mobile one (so it
    /// is unlikely to receive SMS); false for mobile and for "can't tell".
    pub fn is_known_not_mobile(self) -> bool {
        !matches!(
            self,
            NumberKind::Mobile | NumberKind::FixedLineOrMobile | NumberKind::Unknown
        )
    }

    /// Every kind, in declaration order: `ALL[kind as usize] == kind`.
    pub const ALL: [NumberKind; 12] = [
        NumberKind::Mobile,
        NumberKind::FixedLineOrMobile,
        NumberKind::FixedLine,
        NumberKind::TollFree,
        NumberKind::PremiumRate,
        NumberKind::SharedCost,
        NumberKind::Voip,
        NumberKind::PersonalNumber,
        NumberKind::Pager,
        NumberKind::Uan,
        NumberKind::Voicemail,
        NumberKind::Unknown,
    ];

    /// The name libphonenumber uses: `"FIXED_LINE_OR_MOBILE"`.
    pub fn name(self) -> &'static str {
        match self {
            NumberKind::Mobile => "MOBILE",
            NumberKind::FixedLineOrMobile => "FIXED_LINE_OR_MOBILE",
            NumberKind::FixedLine => "FIXED_LINE",
            NumberKind::TollFree => "TOLL_FREE",
            NumberKind::PremiumRate => "PREMIUM_RATE",
            NumberKind::SharedCost => "SHARED_COST",
            NumberKind::Voip => "VOIP",
            NumberKind::PersonalNumber => "PERSONAL_NUMBER",
            NumberKind::Pager => "PAGER",
            NumberKind::Uan => "UAN",
            NumberKind::Voicemail => "VOICEMAIL",
            NumberKind::Unknown => "UNKNOWN",
        }
    }
}

/// A letter of a script numbers are written next to: ASCII, and the Latin,
/// Greek, Cyrillic, Hebrew, Arabic, Indic, Thai and Lao, Hangul, kana and
/// CJK blocks. Any other character is named in the message instead. (The
/// full Unicode `Alphabetic` table would add kilobytes to every download of
/// the module to choose between two messages for the same refusal.)
fn is_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || matches!(c,
            '\u{c0}'..='\u{24f}' | '\u{370}'..='\u{52f}' | '\u{590}'..='\u{6ff}'
            | '\u{900}'..='\u{eff}' | '\u{1100}'..='\u{11ff}' | '\u{3040}'..='\u{30ff}'
            | '\u{3130}'..='\u{318f}' | '\u{4e00}'..='\u{9fff}' | '\u{ac00}'..='\u{d7af}')
            && !matches!(c, '\u{d7}' | '\u{f7}')
}

/// The zero of each run of ten decimal digits (Unicode `Nd`) that phone
/// numbers are written in besides ASCII: Arabic-Indic, Extended
/// Arabic-Indic, NKo, the Indic scripts, Sinhala, Thai, Lao, Tibetan,
/// Myanmar (and Shan), Khmer, Mongolian, fullwidth.
const DIGIT_ZEROS: [u32; 21] = [
    0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xDE6,
    0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0xFF10,
];

/// The value of a decimal digit of one of the scripts in [`DIGIT_ZEROS`].
fn script_digit(c: char) -> Option<u8> {
    let c = u32::from(c);
    DIGIT_ZEROS
        .iter()
        .find_map(|&zero| c.checked_sub(zero).filter(|&d| d < 10))
        .map(|d| d as u8)
}

/// Whitespace and libphonenumber's punctuation (`VALID_PUNCTUATION`, less
/// its `x`, which marks an extension, and `~`, which marks one before the
/// last digits): dashes and the minus sign, brackets, dots, slashes, the
/// soft hyphen, zero-width space and word joiner, the swung dash, tilde
/// operator and katakana prolonged sound mark, and their fullwidth forms
/// (the tildes: see `screen_number`).
fn is_separator(c: char) -> bool {
    if c.is_ascii() {
        return matches!(
            c,
            ' ' | '\t'..='\r' | '-' | '.' | '(' | ')' | '[' | ']' | '/'
        );
    }
    c.is_whitespace()
        || matches!(
            c,
            '-' | '.'
                | '('
                | ')'
                | '['
                | ']'
                | '/'
                | '\u{ad}'
                | '\u{200b}'
                | '\u{2060}'
                | '\u{2010}'..='\u{2015}'
                | '\u{2053}'
                | '\u{2212}'
                | '\u{223c}'
                | '\u{30fc}'
                | '\u{ff08}'
                | '\u{ff09}'
                | '\u{ff0d}'..='\u{ff0f}'
                | '\u{ff3b}'
                | '\u{ff3d}'
        )
}

/// Characters that can start an extension (`x123`, `#123`, `;ext=123`,
/// `,123`, `~123`), besides the words in [`is_extension_marker`].
fn is_marker(c: char) -> bool {
    matches!(
        c,
        '#' | ';' | ',' | '~' | '\u{ff5e}' | '\u{ff58}' | '\u{ff03}'
    )
}

/// True when `rest` (lower-cased, after the number) starts an extension.
fn is_extension_marker(rest: &str) -> bool {
    let rest = rest.trim_start();
    [
        "ext", "x", "#", ";ext=", ",", ";", "~", "\u{ff5e}", "\u{ff58}", "\u{ff03}",
    ]
    .iter()
    .any(|marker| rest.starts_with(marker))
}

/// libphonenumber's extension after a tilde: one to nine digits (and an
/// optional `#`) to the end, after a number that has at least two digits.
fn is_tilde_extension(rest: &str, digits_before: usize) -> bool {
    let rest = rest.trim();
    let rest = rest.strip_suffix('#').unwrap_or(rest);
    let count = rest.chars().filter(|&c| is_any_digit(c)).count();
    digits_before >= 2 && (1..=9).contains(&count) && rest.chars().all(is_any_digit)
}

fn is_any_digit(c: char) -> bool {
    c.is_ascii_digit() || !c.is_ascii() && script_digit(c).is_some()
}

/// True when nothing but separators and marks that end a number with no
/// digits after them (`,` `;` `~` and a lone extension `x`) follow: what
/// libphonenumber drops from the end (`+44 20 7946 0958,`, `… 2671 x`).
fn is_trailing(rest: &str) -> bool {
    rest.chars().all(|c| {
        is_separator(c) || matches!(c, ',' | ';' | '~' | '\u{ff5e}' | 'x' | 'X' | '\u{ff58}')
    })
}

/// A `tel:` URI (RFC 3966) as libphonenumber reads it: the number, and the
/// `+`-prefix its `phone-context` gives (`tel:020-7946-0958;phone-context=+44`),
/// if any; a domain as context is ignored. `;isub=` and what follows it are
/// dropped; `;ext=` stays and is refused as an extension. Text that is not
/// a `tel:` URI comes back as it is.
fn unwrap_tel(input: &str) -> Result<(&str, Option<&str>), PhoneProblem> {
    const CONTEXT: &str = ";phone-context=";
    let without_scheme = |text: &'_ str| -> usize {
        let scheme = text
            .get(..4)
            .is_some_and(|s| s.eq_ignore_ascii_case("tel:"));
        if scheme {
            4
        } else {
            0
        }
    };
    let (mut number, context) = match find(input, CONTEXT) {
        Some(at) => {
            let after = &input[at + CONTEXT.len()..];
            let context = &after[..after.find(';').unwrap_or(after.len())];
            let number = &input[without_scheme(input)..at];
            (number, read_context(context)?)
        }
        None => (&input[without_scheme(input)..], None),
    };
    if let Some(at) = find(number, ";isub=").filter(|&at| at > 0) {
        number = &number[..at];
    }
    Ok((number, context))
}

/// Where `needle` (ASCII) first occurs in `text`: a plain scan, which is
/// all these short inputs need (`str::find`'s searcher costs kilobytes of
/// code in the WebAssembly module).
fn find(text: &str, needle: &str) -> Option<usize> {
    let (text, needle) = (text.as_bytes(), needle.as_bytes());
    let (&first, rest) = needle.split_first()?;
    // Most numbers have no `;` at all: one pass over the bytes says so.
    let mut from = 0;
    while let Some(at) = text.get(from..)?.iter().position(|&b| b == first) {
        let at = from + at;
        if text.get(at + 1..at + needle.len()) == Some(rest) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// A `phone-context` value: `+` and digits (with RFC 3966's visual
/// separators) is a prefix for the number; a domain name is ignored.
fn read_context(context: &str) -> Result<Option<&str>, PhoneProblem> {
    if let Some(digits) = context.strip_prefix('+') {
        let well_formed = digits.bytes().any(|b| b.is_ascii_digit())
            && digits
                .bytes()
                .all(|b| b.is_ascii_digit() || matches!(b, b'-' | b'.' | b'(' | b')'));
        return if well_formed {
            Ok(Some(context))
        } else {
            Err(PhoneProblem::PhoneContext)
        };
    }
    // RFC 3966 domainname: dot-separated labels of letters, digits and
    // inner hyphens, the last starting with a letter; one trailing dot.
    let name = context.strip_suffix('.').unwrap_or(context);
    let label_ok = |label: &str| {
        !label.is_empty()
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
    };
    let domain = name.split('.').all(label_ok)
        && name
            .rsplit('.')
            .next()
            .is_some_and(|top| top.starts_with(|c: char| c.is_ascii_alphabetic()));
    if domain {
        Ok(None)
    } else {
        Err(PhoneProblem::PhoneContext)
    }
}

/// The digits of a screened number (ASCII), kept on the stack.
struct Digits {
    buf: [u8; MAX_DIGITS],
    len: usize,
}

impl Digits {
    fn as_slice(&self) -> &[u8] {
        &self.buf[..self.len]
    }
}

/// Screens the raw input and returns its digits and whether it began with `+`.
fn screen(input: &str) -> Result<(Digits, bool), PhoneProblem> {
    // Most input is no `tel:` URI: read it straight, and look for the URI's
    // parts only when it starts like one or stops at a `;`.
    let maybe_uri = matches!(input.as_bytes().first(), Some(b't' | b'T'));
    if !maybe_uri {
        let empty = Digits {
            buf: [0; MAX_DIGITS],
            len: 0,
        };
        match screen_number(input, empty, false) {
            Err(PhoneProblem::Extension | PhoneProblem::Character(';')) => {}
            answer => return answer,
        }
    }
    screen_uri(input)
}

/// [`screen`] for a `tel:` URI, or for text with a `;` that may be one.
#[cold]
#[inline(never)]
fn screen_uri(input: &str) -> Result<(Digits, bool), PhoneProblem> {
    let (number, context) = unwrap_tel(input)?;
    let mut digits = Digits {
        buf: [0; MAX_DIGITS],
        len: 0,
    };
    let mut plus = false;
    if let Some(context) = context {
        // `+` and ASCII digits, checked by `read_context`.
        plus = true;
        for b in context.bytes().filter(u8::is_ascii_digit) {
            if digits.len == MAX_DIGITS {
                return Err(PhoneProblem::TooLong);
            }
            digits.buf[digits.len] = b;
            digits.len += 1;
        }
    }
    screen_number(number, digits, plus)
}

#[inline]
fn screen_number(
    input: &str,
    mut digits: Digits,
    mut plus: bool,
) -> Result<(Digits, bool), PhoneProblem> {
    // Whether a digit came just before, and whether whitespace came since
    // the last digit (what tells a word after the number, one with a
    // lower-case ASCII letter after a space, from a letter of the number).
    let (mut after_digit, mut space_since_digit) = (false, false);
    let bytes = input.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        // ASCII is read byte by byte; anything else is decoded as a char.
        let c = match bytes[at] {
            b if b.is_ascii() => char::from(b),
            _ => input[at..]
                .chars()
                .next()
                .unwrap_or(char::REPLACEMENT_CHARACTER),
        };
        let digit = match c {
            '0'..='9' => Some(c as u8 - b'0'),
            c if c.is_ascii() => None,
            c => script_digit(c),
        };
        let start = at;
        at += c.len_utf8();
        if let Some(digit) = digit {
            if digits.len == MAX_DIGITS {
                return Err(PhoneProblem::TooLong);
            }
            digits.buf[digits.len] = b'0' + digit;
            digits.len += 1;
            (after_digit, space_since_digit) = (true, false);
            continue;
        }
        let was_after_digit = std::mem::replace(&mut after_digit, false);
        match c {
            // (U+FF0B: the fullwidth plus sign, typed with fullwidth digits.)
            '+' | '\u{ff0b}' if digits.len == 0 && !plus => plus = true,
            '+' | '\u{ff0b}' => return Err(PhoneProblem::MisplacedPlus),
            c if is_separator(c) => {
                space_since_digit |=
                    matches!(c, ' ' | '\t'..='\r') || !c.is_ascii() && c.is_whitespace();
            }
            // Brazil's carrier-code placeholder: `0xx11 98765 4321` is read
            // as the national prefix and the number, as libphonenumber does.
            'x' | 'X'
                if was_after_digit
                    && digits.as_slice() == b"0"
                    && matches!(bytes.get(at), Some(b'x' | b'X')) =>
            {
                at += 1;
            }
            _ if digits.len > 0 && is_trailing(&input[start..]) => break,
            // A tilde before the last one to nine digits of a number of at
            // least two marks an extension (`…~123`); elsewhere it is
            // punctuation, as in libphonenumber.
            '~' | '\u{ff5e}' if !is_tilde_extension(&input[at..], digits.len) => {}
            c if is_letter(c) || is_marker(c) => {
                let rest = input.get(start..).unwrap_or_default();
                let more_digits = rest.chars().any(is_any_digit);
                return Err(if digits.len == 0 && is_letter(c) {
                    PhoneProblem::TextAround
                } else if digits.len > 0 && is_extension_marker(&rest.to_ascii_lowercase()) {
                    PhoneProblem::Extension
                } else if is_letter(c)
                    && space_since_digit
                    && !more_digits
                    && rest.bytes().any(|b| b.is_ascii_lowercase())
                {
                    PhoneProblem::TextAround
                } else if is_letter(c) {
                    PhoneProblem::Letters
                } else {
                    PhoneProblem::Character(c)
                });
            }
            c => return Err(PhoneProblem::Character(c)),
        }
    }
    if digits.len == 0 {
        return Err(PhoneProblem::NoDigits);
    }
    Ok((digits, plus))
}

/// Reads a trimmed, non-blank phone number.
///
/// With `+`, the number is international. Without it, it is read as a
/// national number of `default_region` (an ISO 3166-1 alpha-2 code) when one
/// is given, else as international digits without the `+`
/// (`14155552671` → `+14155552671`), as the reference implementation does.
pub fn normalize_phone(input: &str, default_region: Option<&str>) -> Result<Phone, Problem> {
    read(input, default_region).map_err(Problem::Phone)
}

/// Writes a valid number as libphonenumber's `format` does: nationally
/// (`020 7946 0958`), internationally (`+44 20 7946 0958`) or as an RFC 3966
/// URI (`tel:+44-20-7946-0958`), by the metadata's formats for its calling
/// code. The number is read as [`normalize_phone`] reads it without a
/// region (E.164 is what it is meant for); one that is not valid is the
/// same problem.
pub fn format_phone(number: &str, how: PhoneFormat) -> Result<String, Problem> {
    let phone = read(number.trim(), None).map_err(Problem::Phone)?;
    Ok(phone.format(how))
}

impl Phone {
    /// The number written as libphonenumber's `format` writes it (see
    /// [`format_phone`]): `phone.format(PhoneFormat::National)` is
    /// `020 7946 0958` for `+442079460958`.
    pub fn format(&self, how: PhoneFormat) -> String {
        let (code, start) = phone::decimal(self.country_code);
        let national = self.e164.as_bytes().get(1 + code.len() - start..);
        let number = phone::Number {
            code: self.country_code,
            national: national.unwrap_or_default().to_vec(),
        };
        number.format(how)
    }
}

/// Formats a phone number as it is typed: the text libphonenumber's
/// `AsYouTypeFormatter` shows after `typed` was typed into it character by
/// character, in `region` (an upper-case region as
/// [`Options::with_default_region`](crate::options::Options::with_default_region)
/// gives it). Digits and a leading `+` are formatted (`6502530000` →
/// `(650) 253-0000` in the US, `+442079460958` → `+44 20 7946 0958`); once
/// any other character is typed the formatter gives the text back as typed,
/// as libphonenumber's does. Display only: the record stores E.164.
pub fn as_you_type(typed: &str, region: &str) -> String {
    phone::as_you_type(region, typed)
}

/// A phone input's text formatted anew, as the user edits it: its digits
/// (in any script libphonenumber reads, as ASCII) and a leading `+` are
/// typed again into [`as_you_type`], when everything else in it is spacing
/// and punctuation (what the formatter writes, and what people type between
/// digits). Where the formatter has no format for them (it gives the digits
/// back as they are), the text keeps the user's own spacing; text with
/// anything else (letters, an extension) is given back as it is, for the
/// schema to judge.
pub fn as_you_type_field(text: &str, region: &str) -> String {
    if text.chars().nth(phone::AS_YOU_TYPE_MAX).is_some() {
        return text.to_owned();
    }
    let mut typed = String::with_capacity(text.len());
    for c in text.chars() {
        if let Some(d) = c.to_digit(10).or_else(|| script_digit(c).map(u32::from)) {
            typed.push(char::from(b'0' + d as u8));
        } else if matches!(c, '+' | '\u{ff0b}') && typed.is_empty() {
            typed.push('+');
        } else if !is_separator(c) {
            return text.to_owned();
        }
    }
    let formatted = as_you_type(&typed, region);
    if formatted == typed {
        text.to_owned()
    } else {
        formatted
    }
}

fn read(input: &str, default_region: Option<&str>) -> Result<Phone, PhoneProblem> {
    let (digits, plus) = screen(input)?;
    let without_plus_or_region = !plus && default_region.is_none();
    let number =
        phone::parse(digits.as_slice(), plus, default_region).map_err(|error| match error {
            ParseError::TooShort => PhoneProblem::TooShort,
            ParseError::TooLong => PhoneProblem::TooLong,
            ParseError::InvalidCountryCode if without_plus_or_region => {
                PhoneProblem::NotValidWithoutPlus { code: None }
            }
            ParseError::InvalidCountryCode => PhoneProblem::UnknownCountryCode,
            // Unreachable after screening, which keeps only digits.
            ParseError::NotDigits => PhoneProblem::NoDigits,
            ParseError::NoPlanForRegion => {
                PhoneProblem::NoPlanForRegion(default_region.unwrap_or_default().to_owned())
            }
        })?;
    let (plan, kind) = number.classify();
    if kind == NumberKind::Unknown && without_plus_or_region {
        return Err(PhoneProblem::NotValidWithoutPlus {
            code: Some(number.code),
        });
    }
    if kind == NumberKind::Unknown {
        let region = match plan {
            Some(plan) => plan.region_code().map(str::to_owned),
            // A national number of the default region (not one dialled
            // abroad from it with an international prefix).
            None if !plus => default_region
                .filter(|id| phone::plan_for_region(id).is_some_and(|p| p.code == number.code))
                .map(str::to_owned),
            None => None,
        };
        return Err(PhoneProblem::NotValid {
            region,
            code: number.code,
        });
    }
    Ok(Phone {
        e164: number.e164(),
        country_code: number.code,
        region: plan.and_then(phone::Region::region_code),
        kind,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_phone_input_is_formatted_anew_from_its_digits() {
        // What the formatter wrote, one more digit typed, read again.
        for (region, typed) in [
            ("US", "6502530000"),
            ("GB", "+442079460958"),
            ("DE", "030123456"),
        ] {
            let mut field = String::new();
            for c in typed.chars() {
                field.push(c);
                field = as_you_type_field(&field, region);
                let so_far: String = field
                    .chars()
                    .filter(|c| c.is_ascii_digit() || *c == '+')
                    .collect();
                let formatted = as_you_type(&so_far, region);
                if formatted != so_far {
                    assert_eq!(field, formatted);
                }
            }
        }
        assert_eq!(
            as_you_type_field("６５０２", "US"),
            as_you_type("6502", "US")
        );
        // No format for these digits: the user's spacing stays.
        assert_eq!(as_you_type_field("41 5", ""), "41 5");
    }

    #[test]
    fn a_phone_input_with_letters_is_left_alone() {
        for text in ["1-800-FLOWERS", "415 555 2671 ext 3", "+1 415;x"] {
            assert_eq!(as_you_type_field(text, "US"), text);
        }
    }

    #[test]
    fn a_valid_number_is_written_in_each_form() {
        let phone = normalize_phone("+44 20 7946 0958", None).unwrap();
        assert_eq!(phone.format(PhoneFormat::National), "020 7946 0958");
        assert_eq!(phone.format(PhoneFormat::International), "+44 20 7946 0958");
    }

    fn e164(input: &str, region: Option<&str>) -> Result<String, PhoneProblem> {
        match normalize_phone(input, region) {
            Ok(phone) => Ok(phone.e164),
            Err(Problem::Phone(reason)) => Err(reason),
            Err(other) => panic!("not a phone number's problem: {other:?}"),
        }
    }

    #[test]
    fn national_number_with_region_becomes_e164() {
        assert_eq!(
            e164("(415) 555-2671", Some("US")).as_deref(),
            Ok("+14155552671")
        );
        assert_eq!(
            e164("020 7946 0958", Some("GB")).as_deref(),
            Ok("+442079460958")
        );
        assert_eq!(e164("030 123456", Some("DE")).as_deref(), Ok("+4930123456"));
    }

    #[test]
    fn international_forms_ignore_the_region() {
        assert_eq!(
            e164("+1 415 555 2671", Some("GB")).as_deref(),
            Ok("+14155552671")
        );
        assert_eq!(
            e164("+44 20 7946 0958", None).as_deref(),
            Ok("+442079460958")
        );
    }

    #[test]
    fn international_dialling_prefix_is_understood_with_a_region() {
        assert_eq!(
            e164("011 44 20 7946 0958", Some("US")).as_deref(),
            Ok("+442079460958")
        );
        assert_eq!(
            e164("00 1 415 555 2671", Some("FR")).as_deref(),
            Ok("+14155552671")
        );
    }

    #[test]
    fn digits_without_plus_or_region_are_international() {
        assert_eq!(e164("14155552671", None).as_deref(), Ok("+14155552671"));
        // Read as +41 55552671 (Switzerland): the message says why.
        let error = e164("4155552671", None).unwrap_err();
        assert_eq!(error, PhoneProblem::NotValidWithoutPlus { code: Some(41) });
        assert_eq!(
            Problem::Phone(error).message(&[]),
            "Enter the phone number with its country code, such as +44 20 7946 0958, or choose a region"
        );
        assert_eq!(
            e164("0207 946 0958", None),
            Err(PhoneProblem::NotValidWithoutPlus { code: None })
        );
    }

    #[test]
    fn digits_of_other_scripts_are_read_as_digits() {
        // Arabic-Indic, Persian (Extended Arabic-Indic), fullwidth, Devanagari.
        assert_eq!(e164("+١ ٤١٥ ٥٥٥ ٢٦٧١", None).as_deref(), Ok("+14155552671"));
        assert_eq!(
            e164("۰۹۱۲ ۳۴۵ ۶۷۸۹", Some("IR")).as_deref(),
            Ok("+989123456789")
        );
        // With the fullwidth plus sign an IME types next to them.
        assert_eq!(
            e164("＋４４ ２０ ７９４６ ０９５８", None).as_deref(),
            Ok("+442079460958")
        );
        assert_eq!(
            e164("+४४ २० ७९४६ ०९५८", None).as_deref(),
            Ok("+442079460958")
        );
    }

    #[test]
    fn letters_are_refused_not_dropped() {
        assert_eq!(
            e164("1-800-FLOWERS", Some("US")),
            Err(PhoneProblem::Letters)
        );
        assert_eq!(
            e164("1 800 FLOWERS", Some("US")),
            Err(PhoneProblem::Letters)
        );
        assert_eq!(
            e164("call 415-555-2671 now", Some("US")),
            Err(PhoneProblem::TextAround)
        );
        assert_eq!(
            e164("415-555-2671 now", Some("US")),
            Err(PhoneProblem::TextAround)
        );
        assert_eq!(
            e164("phone: +1 415 555 2671", None),
            Err(PhoneProblem::TextAround)
        );
    }

    #[test]
    fn tel_uris_are_read_as_libphonenumber_reads_them() {
        let read = |text: &str, region| e164(text, region);
        assert_eq!(
            read("tel:+49-30-123456", None).as_deref(),
            Ok("+4930123456")
        );
        assert_eq!(
            read("TEL:+1-415-555-2671", None).as_deref(),
            Ok("+14155552671")
        );
        // phone-context gives the calling code (and wins over the region)…
        for region in [None, Some("US")] {
            assert_eq!(
                read("tel:020-7946-0958;phone-context=+44", region).as_deref(),
                Ok("+442079460958")
            );
        }
        assert_eq!(
            read("tel:4155552671;phone-context=+1", None).as_deref(),
            Ok("+14155552671")
        );
        // … a domain is ignored: the number is read in the region.
        assert_eq!(
            read("tel:020-7946-0958;phone-context=example.com", Some("GB")).as_deref(),
            Ok("+442079460958")
        );
        assert_eq!(
            read("tel:+1-415-555-2671;phone-context=", None),
            Err(PhoneProblem::PhoneContext)
        );
        assert_eq!(
            read("tel:4155552671;phone-context=1", None),
            Err(PhoneProblem::PhoneContext)
        );
        assert_eq!(
            read("tel:+1-415-555-2671;phone-context=+44", None),
            Err(PhoneProblem::MisplacedPlus)
        );
        // A subaddress is not part of the number; an extension is refused.
        assert_eq!(
            read("tel:+1-415-555-2671;isub=123", None).as_deref(),
            Ok("+14155552671")
        );
        assert_eq!(
            read("tel:+1-415-555-2671;ext=123", None),
            Err(PhoneProblem::Extension)
        );
    }

    #[test]
    fn every_punctuation_libphonenumber_allows_is_a_separator() {
        let us = Some("US");
        for text in [
            "＋１（４１５）５５５－２６７１",
            "［415］ 555．2671",
            "415／555 2671",
            "415\u{ad}555\u{ad}2671",
            "415\u{200b}555\u{2060}2671",
            "415⁓555∼2671",
            "415ー555ー2671",
            "[+1] 415 555 2671",
            "415\u{3000}555\u{a0}2671",
        ] {
            assert_eq!(e164(text, us).as_deref(), Ok("+14155552671"), "{text:?}");
        }
    }

    #[test]
    fn carrier_code_placeholders_and_trailing_marks_are_read_as_plain_numbers() {
        let br = Some("BR");
        assert_eq!(
            e164("0xx11 98765 4321", br).as_deref(),
            Ok("+5511987654321")
        );
        assert_eq!(
            e164("0XX11 98765 4321", br).as_deref(),
            Ok("+5511987654321")
        );
        for text in [
            "+44 20 7946 0958,",
            "+44 20 7946 0958.",
            "+44 20 7946 0958;",
            "+44 20 7946 0958 /",
            "+44 20 7946 0958 ~",
            "+44 20 7946 0958 x",
            "+44 20 7946 0958x",
        ] {
            assert_eq!(e164(text, None).as_deref(), Ok("+442079460958"), "{text:?}");
        }
        // Letters elsewhere are still letters; an x with digits after it is
        // an extension.
        assert_eq!(e164("1x1 98765 4321", br), Err(PhoneProblem::Extension));
        assert_eq!(
            e164("+1 415 555 2671 ~12", None),
            Err(PhoneProblem::Extension)
        );
    }

    #[test]
    fn letters_of_other_scripts_are_letters_and_symbols_are_named() {
        assert_eq!(e164("+7 495 ТЕЛЕФОН", None), Err(PhoneProblem::Letters));
        // Letters next to digits of another script are still letters.
        assert_eq!(e164("٠٥٠ هاتف", Some("AE")), Err(PhoneProblem::Letters));
        assert_eq!(e164("+81 3 電話", None), Err(PhoneProblem::Letters));
        assert_eq!(
            e164("+1 415 555 2671 ☎", None),
            Err(PhoneProblem::Character('☎'))
        );
        assert_eq!(
            e164("+1 415 × 555", None),
            Err(PhoneProblem::Character('×'))
        );
    }

    #[test]
    fn extensions_are_refused_not_truncated() {
        for input in [
            "+1 415 555 2671 x123",
            "+1 415 555 2671 ext. 123",
            "+1 415 555 2671 extension 123",
            "+1 415 555 2671#123",
            "+14155552671;ext=123",
        ] {
            assert_eq!(e164(input, None), Err(PhoneProblem::Extension), "{input}");
        }
    }

    #[test]
    fn stray_characters_and_plus_placement_are_refused() {
        assert_eq!(
            e164("+1 415*555 2671", None),
            Err(PhoneProblem::Character('*'))
        );
        assert_eq!(e164("1+4155552671", None), Err(PhoneProblem::MisplacedPlus));
        assert_eq!(
            e164("++14155552671", None),
            Err(PhoneProblem::MisplacedPlus)
        );
        assert_eq!(e164("+", None), Err(PhoneProblem::NoDigits));
        assert_eq!(e164("(-)", None), Err(PhoneProblem::NoDigits));
    }

    #[test]
    fn lengths_and_country_codes_are_checked() {
        assert_eq!(e164(&"1".repeat(21), None), Err(PhoneProblem::TooLong));
        assert!(e164("+1 415 555 267", None).is_err());
        assert!(e164("+999 1234567", None).is_err());
    }

    #[test]
    fn invalid_number_names_its_region() {
        let message = |e| Problem::Phone(e).message(&[]);
        assert_eq!(
            e164("+1 555 555 5555", None).map_err(message),
            Err("Enter a phone number that is valid for the country code +1".into())
        );
        assert_eq!(
            e164("555 555 5555", Some("US")).map_err(message),
            Err("Enter a phone number that is valid in United States".into())
        );
        assert_eq!(
            e164("+44 20 7946 095", None).map_err(message),
            Err("Enter a phone number that is valid for the country code +44".into()),
            "+44 is shared by GB, GG, IM and JE"
        );
    }

    #[test]
    fn number_kind_comes_from_the_plan() {
        assert_eq!(
            normalize_phone("+1 415 555 2671", None).unwrap().kind,
            NumberKind::FixedLineOrMobile
        );
        assert_eq!(
            normalize_phone("+44 20 7946 0958", None).unwrap().kind,
            NumberKind::FixedLine
        );
        assert_eq!(
            normalize_phone("+44 7400 123456", None).unwrap().kind,
            NumberKind::Mobile
        );
        assert_eq!(
            normalize_phone("+1 800 356 9377", None).unwrap().kind,
            NumberKind::TollFree
        );
        assert!(NumberKind::FixedLine.is_known_not_mobile());
        assert!(!NumberKind::FixedLineOrMobile.is_known_not_mobile());
    }

    #[test]
    fn every_kind_is_at_its_own_index() {
        for (index, kind) in NumberKind::ALL.into_iter().enumerate() {
            assert_eq!(kind as usize, index, "{kind:?}");
        }
    }

    #[test]
    fn random_text_never_panics_and_every_answer_is_consistent() {
        let alphabet: Vec<char> =
            "0123456789+-.()/ \u{a0}\u{2011}xX#;,éТ電☎\u{301}\u{fffd}\u{0}٣１"
                .chars()
                .collect();
        let regions = [
            None,
            Some("US"),
            Some("GB"),
            Some("AR"),
            Some("zz"),
            Some(""),
            Some("AQ"),
        ];
        let mut state: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..20_000 {
            let len = (next() % 40) as usize;
            let text: String = (0..len)
                .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
                .collect();
            let region = regions[(next() % regions.len() as u64) as usize];
            match normalize_phone(&text, region) {
                Ok(phone) => {
                    assert!(phone.e164.starts_with('+'), "{text:?}");
                    assert!(
                        phone.e164[1..].bytes().all(|b| b.is_ascii_digit()),
                        "{text:?}"
                    );
                    assert_ne!(phone.kind, NumberKind::Unknown, "{text:?}");
                    // Normalisation is idempotent.
                    assert_eq!(e164(&phone.e164, None).as_deref(), Ok(phone.e164.as_str()));
                }
                Err(error) => assert!(!error.message(&[]).is_empty()),
            }
        }
    }

    #[test]
    fn random_digit_strings_never_panic_the_engine() {
        // A small xorshift generator keeps the test deterministic.
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let regions = [
            "US", "GB", "DE", "FR", "IN", "BR", "JP", "AU", "IT", "AR", "MX", "CN", "RU", "ZA",
            "NG", "AQ", "XK",
        ];
        for _ in 0..3_000 {
            let len = (next() % 22) as usize;
            let digits: String = (0..len)
                .map(|_| char::from(b'0' + (next() % 10) as u8))
                .collect();
            let region = regions[(next() % regions.len() as u64) as usize];
            let plus = next() % 2 == 0;
            let input = if plus { format!("+{digits}") } else { digits };
            let outcome = std::panic::catch_unwind(|| normalize_phone(&input, Some(region)));
            assert!(outcome.is_ok(), "panicked on {input:?} in {region}");
        }
    }
}
