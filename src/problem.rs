//! What a rule found wrong: one type for every rule, and the one place
//! where issues are worded.
//!
//! A rule returns a [`Problem`]: which message it is (the variant) and the
//! values the message names (its fields), never English text. The driver
//! knows where the value was and attaches the path with [`Problem::at`],
//! which gives the issue its Zod code and detail ([`Problem::kind`]) and its
//! message ([`Problem::message`]). Every message of the library is written
//! in `message` below, so rewording one, or translating them all, is an
//! edit to one function; the shared fixtures pin each message byte for byte.

//!
//! It sits below the rules (they and the record driver return it, the
//! output writers report with it) and above only the issue shape, the
//! reader's bounds and the values messages name, so no module cycle runs
//! through it.

use crate::input::{MAX_STRING_UNITS, MAX_VALUES};
use crate::issue::{Format, Issue, IssueKind, Origin, Path, Rule};
use crate::phone::NumberKind;
use crate::types::PreferredContactMethod;

/// A reason to refuse a value (or, for the last three, to remark on a valid
/// one), with what its message names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// A value of another type than `expected`, which `received` names
    /// (`"undefined"` for a required field that is absent).
    WrongType {
        expected: &'static str,
        received: String,
    },
    /// A value that could not be read (a getter or a Proxy trap threw this).
    Unreadable(String),
    /// A batch's list whose length could not be read.
    UnreadableList(String),
    /// A string with an unpaired UTF-16 surrogate.
    LoneSurrogate,
    /// A string longer than the reader takes at all.
    StringTooLong,
    /// Containers nested more than `maximum` levels deep (or a cycle).
    TooDeep {
        maximum: u64,
    },
    /// An input of more values than one record may hold.
    TooLarge,
    /// A batch of more than `maximum` records.
    TooManyRecords {
        maximum: u64,
    },
    /// A string shorter than `minimum` characters (blank counts as 0).
    TooShort {
        minimum: u64,
    },
    TooSmallNumber {
        minimum: u64,
    },
    TooBigNumber {
        maximum: u64,
    },
    /// A control character that is not whitespace, in a text field.
    ControlCharacter(char),
    Email(EmailProblem),
    Phone(PhoneProblem),
    UnknownTimeZone,
    UnknownLanguage,
    UnknownCountry,
    /// A postal code that does not match the pattern of `country`, whose
    /// codes the data calls `kind` (`zip`, `postal`, …) and writes as the
    /// comma-separated `examples`.
    PostalCode {
        country: &'static str,
        kind: &'static str,
        examples: &'static str,
    },
    /// A state that names none of `country`'s subdivisions (`kind`, what
    /// messages call them: `state`, `province`, …); `key` and `name` are the
    /// first one's, as an example.
    State {
        country: &'static str,
        kind: &'static str,
        key: &'static str,
        name: &'static str,
    },
    /// A postal code outside the prefixes of the address's `state` (named).
    PostalCodeNotInState {
        kind: &'static str,
        state: &'static str,
        code: String,
    },
    /// None of the enumeration's `names`.
    NotAChoice(&'static [&'static str]),
    UpdatedBeforeCreated,
    UnrecognizedKeys(Vec<String>),
    /// A text that is not JSON: where the parser stopped, and whether the
    /// text ended early (`line` is 1-based; only a line past the first is
    /// named).
    NotJson {
        ended: bool,
        line: usize,
        column: usize,
    },
    /// Bytes given as JSON text that are not UTF-8, from `line`, `column`
    /// (1-based; the column counts bytes).
    NotUtf8 {
        line: usize,
        column: usize,
    },

    /// The validator could not write its own result (never expected).
    Internal,
    /// Warning: SMS is preferred, and the number is of this kind.
    SmsToNonMobile(NumberKind),
    /// Warning: this method is preferred, and its channel is missing.
    MissingContact(PreferredContactMethod),
    /// Warning: a timestamp that reads as seconds.
    TimestampInSeconds,
}

/// Why an email address is refused (see `crate::rules::email`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmailProblem {
    MissingAt,
    NothingBeforeAt,
    /// A character HTML does not allow before the `@`.
    LocalCharacter,
    /// A dot at the start or end of the part before the `@`, or two in a row.
    LocalDots,
    /// More than 64 octets before the `@`.
    LocalTooLong,
    NothingAfterAt,
    /// A domain label that is empty, too long, or has other characters
    /// than letters, digits and inner hyphens.
    BadDomain,
    DomainWithoutDot,
    /// More than 255 octets after the `@`.
    DomainTooLong,
    /// More than 254 octets in all.
    TooLong,
}

/// Why a phone number is refused (see `crate::rules::phone`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhoneProblem {
    NoDigits,
    /// Letters in the number: a vanity number (`1-800-FLOWERS`).
    Letters,
    /// Words before or after the number (`call 415-555-2671 now`).
    TextAround,
    /// A `tel:` URI whose `phone-context` is neither `+` and digits nor a
    /// domain name.
    PhoneContext,
    /// An extension (`x123`, `ext. 123`, `#123`, `;ext=123`).
    Extension,
    /// A character that is neither a digit nor a separator.
    Character(char),
    /// `+` somewhere other than the start.
    MisplacedPlus,
    TooLong,
    TooShort,
    UnknownCountryCode,
    /// The engine has no numbering plan for the region used to read a
    /// national number.
    NoPlanForRegion(String),
    /// Well-formed, but not a number of the plan: of this region, or (when
    /// the number names no region) of this country calling code.
    NotValid {
        region: Option<String>,
        code: u16,
    },
    /// Digits without `+` and with no region to read them in: read as an
    /// international number, which is not a valid one. The message says so,
    /// since the caller did not write the calling code it would name
    /// (`4155552671` reads as `+41 55552671`).
    NotValidWithoutPlus {
        /// The calling code the digits began with, if it is one.
        code: Option<u16>,
    },
}

impl From<EmailProblem> for Problem {
    fn from(problem: EmailProblem) -> Self {
        Problem::Email(problem)
    }
}

impl From<PhoneProblem> for Problem {
    fn from(problem: PhoneProblem) -> Self {
        Problem::Phone(problem)
    }
}

impl Problem {
    /// A required field that is absent: Zod's `received undefined`.
    pub fn required(expected: &'static str) -> Self {
        Problem::WrongType {
            expected,
            received: "undefined".to_owned(),
        }
    }

    /// The issue at `path`.
    pub fn at(self, path: Path) -> Issue {
        let message = self.message();
        Issue {
            kind: self.into_kind(),
            path,
            message,
        }
    }

    /// The issue's Zod code and the detail that goes with it.
    pub fn kind(&self) -> IssueKind {
        self.clone().into_kind()
    }

    fn into_kind(self) -> IssueKind {
        let format = |format| IssueKind::InvalidFormat {
            origin: Origin::String,
            format,
        };
        let too_big = |origin, maximum| IssueKind::TooBig {
            origin,
            maximum,
            inclusive: true,
        };
        let custom = |rule| IssueKind::Custom { rule };
        match self {
            Problem::WrongType { expected, received } => {
                IssueKind::InvalidType { expected, received }
            }
            Problem::Unreadable(_) | Problem::UnreadableList(_) => custom(Rule::Unreadable),
            Problem::LoneSurrogate | Problem::ControlCharacter(_) => format(Format::Text),
            Problem::StringTooLong => too_big(Origin::String, MAX_STRING_UNITS as u64),
            Problem::TooDeep { maximum } => too_big(Origin::Depth, maximum),
            Problem::TooLarge => too_big(Origin::Input, MAX_VALUES as u64),
            Problem::TooManyRecords { maximum } => too_big(Origin::Input, maximum),
            Problem::TooShort { minimum } => IssueKind::TooSmall {
                origin: Origin::String,
                minimum,
                inclusive: true,
            },
            Problem::TooSmallNumber { minimum } => IssueKind::TooSmall {
                origin: Origin::Number,
                minimum,
                inclusive: true,
            },
            Problem::TooBigNumber { maximum } => too_big(Origin::Number, maximum),
            Problem::Email(_) => format(Format::Email),
            Problem::Phone(_) => format(Format::Phone),
            Problem::UnknownTimeZone => format(Format::Timezone),
            Problem::UnknownLanguage => format(Format::Language),
            Problem::UnknownCountry => format(Format::Country),
            Problem::PostalCode { .. } | Problem::PostalCodeNotInState { .. } => {
                format(Format::PostalCode)
            }
            Problem::State { .. } => format(Format::State),
            Problem::NotAChoice(names) => IssueKind::InvalidValue {
                values: names.to_vec(),
            },
            Problem::UpdatedBeforeCreated => custom(Rule::UpdatedBeforeCreated),
            Problem::UnrecognizedKeys(keys) => IssueKind::UnrecognizedKeys { keys },
            Problem::NotJson { .. } | Problem::NotUtf8 { .. } => format(Format::Json),
            Problem::Internal => custom(Rule::Internal),
            Problem::SmsToNonMobile(_) => custom(Rule::SmsToNonMobile),
            Problem::MissingContact(PreferredContactMethod::Email) => custom(Rule::MissingEmail),
            Problem::MissingContact(_) => custom(Rule::MissingPhone),
            Problem::TimestampInSeconds => custom(Rule::TimestampInSeconds),
        }
    }

    /// The message, in English: every issue's words are here.
    pub fn message(&self) -> String {
        match self {
            Problem::WrongType { expected, received } => {
                format!("Invalid input: expected {expected}, received {received}")
            }
            Problem::Unreadable(message) => format!("Could not read this value: {message}"),
            Problem::UnreadableList(message) => format!("Could not read the list: {message}"),
            Problem::LoneSurrogate => "Invalid text: contains an unpaired UTF-16 surrogate".into(),
            // (Counted as JavaScript counts `length`, before trimming: the
            // bound on what is read at all, not a rule of the field.)
            Problem::StringTooLong => {
                format!("Too big: expected string to have <={MAX_STRING_UNITS} UTF-16 code units")
            }
            Problem::TooDeep { maximum } => {
                format!("Too deep: nested more than {maximum} levels (or cyclic)")
            }
            Problem::TooLarge => format!("Too big: the input holds more than {MAX_VALUES} values"),
            Problem::TooManyRecords { maximum } => {
                format!("Too big: a batch holds at most {maximum} records (stream larger inputs)")
            }
            Problem::TooShort { minimum } => {
                format!("Too small: expected string to have >={minimum} characters")
            }
            Problem::TooSmallNumber { minimum } => {
                format!("Too small: expected number to be >={minimum}")
            }
            Problem::TooBigNumber { maximum } => {
                format!("Too big: expected number to be <={maximum}")
            }
            Problem::ControlCharacter(c) => format!(
                "Invalid text: contains the control character U+{:04X}",
                u32::from(*c)
            ),
            Problem::Email(problem) => email_message(problem).into(),
            Problem::Phone(problem) => phone_message(problem),
            Problem::UnknownTimeZone => {
                "Invalid time zone: not an IANA time zone name (e.g. America/New_York)".into()
            }
            Problem::UnknownLanguage => {
                "Invalid language: expected an ISO 639-1 code (e.g. en)".into()
            }
            Problem::UnknownCountry => "Invalid country: expected an ISO 3166-1 code or English \
                 name (e.g. US, USA, United States)"
                .into(),
            Problem::PostalCode {
                country,
                kind,
                examples,
            } => {
                let mut examples = examples.split(',').filter(|e| !e.is_empty());
                let such_as = match (examples.next(), examples.next()) {
                    (Some(one), Some(two)) => format!(" such as {one} or {two}"),
                    (Some(one), None) => format!(" such as {one}"),
                    _ => String::new(),
                };
                format!(
                    "Invalid postal code: expected {} {country} {}{such_as}",
                    article(country),
                    postal_kind(kind)
                )
            }
            Problem::State {
                country,
                kind,
                key,
                name,
            } => {
                let example = if key == name {
                    key.to_string()
                } else {
                    format!("{key} or {name}")
                };
                format!(
                    "Invalid {kind}: expected {} {country} {kind}, by its code or name (e.g. {example})",
                    article(country),
                )
            }
            Problem::PostalCodeNotInState { kind, state, code } => {
                format!(
                    "Invalid postal code: {code} is not {} {state} {}",
                    article(state),
                    postal_kind(kind)
                )
            }
            Problem::NotAChoice(names) => {
                let mut message = String::from("Invalid option: expected one of ");
                for (at, name) in names.iter().enumerate() {
                    if at > 0 {
                        message.push('|');
                    }
                    message.push('"');
                    message.push_str(name);
                    message.push('"');
                }
                message
            }
            Problem::UpdatedBeforeCreated => "updatedAt must not be earlier than createdAt".into(),
            Problem::UnrecognizedKeys(keys) => {
                let noun = if keys.len() == 1 { "key" } else { "keys" };
                let mut message = format!("Unrecognized {noun}: ");
                for (at, key) in keys.iter().enumerate() {
                    if at > 0 {
                        message.push_str(", ");
                    }
                    message.push_str(&format!("{key:?}"));
                }
                message
            }
            Problem::NotJson {
                ended,
                line,
                column,
            } => {
                let what = if *ended {
                    "the text ends before the value does"
                } else {
                    "unexpected text"
                };
                let line = match line {
                    1 => String::new(),
                    line => format!("line {line}, "),
                };
                format!("Not JSON: {what} at {line}column {column}")
            }
            Problem::NotUtf8 { line, column } => {
                format!("Not JSON: the bytes are not UTF-8 text at line {line}, column {column}")
            }
            Problem::Internal => "Internal error: the result could not be written as JSON".into(),
            Problem::SmsToNonMobile(kind) => format!(
                "SMS is the preferred contact method, but this is {}, which usually cannot \
                 receive SMS",
                describe(*kind)
            ),
            Problem::MissingContact(method) => {
                let what = match method {
                    PreferredContactMethod::Email => "email address",
                    PreferredContactMethod::Phone | PreferredContactMethod::Sms => "phone number",
                };
                format!(
                    "{} is the preferred contact method, but the record has no {what}",
                    method.name()
                )
            }
            Problem::TimestampInSeconds => {
                "This timestamp is before 1973 in milliseconds: is it in seconds?".into()
            }
        }
    }
}

/// "a" or "an" before a country code or a name, as it is read aloud: a
/// letter name that starts with a vowel sound (`an FR`, `an Ontario`).
fn article(word: &str) -> &'static str {
    let mut chars = word.chars();
    let first = chars.next().unwrap_or(' ');
    let spelled = word.len() == 2 && word.bytes().all(|b| b.is_ascii_uppercase());
    let vowel = if spelled {
        matches!(
            first,
            'A' | 'E' | 'F' | 'H' | 'I' | 'L' | 'M' | 'N' | 'O' | 'R' | 'S' | 'X'
        )
    } else {
        matches!(first, 'A' | 'E' | 'I' | 'O' | 'Ō' | 'U' | 'Ö')
    };
    if vowel {
        "an"
    } else {
        "a"
    }
}

/// What the data calls a country's postal codes, in words.
fn postal_kind(kind: &str) -> &'static str {
    match kind {
        "zip" => "ZIP code",
        "pin" => "PIN code",
        "eircode" => "Eircode",
        _ => "postal code",
    }
}

fn email_message(problem: &EmailProblem) -> &'static str {
    match problem {
        EmailProblem::MissingAt => "Invalid email address: missing @",
        EmailProblem::NothingBeforeAt => "Invalid email address: nothing before the @",
        EmailProblem::LocalCharacter => {
            "Invalid email address: the part before the @ has a character that is not allowed"
        }
        EmailProblem::LocalDots => {
            "Invalid email address: the part before the @ cannot start or end with a dot, or have \
             two dots in a row"
        }
        EmailProblem::LocalTooLong => {
            "Invalid email address: the part before the @ is longer than 64 characters"
        }
        EmailProblem::NothingAfterAt => "Invalid email address: nothing after the @",
        EmailProblem::BadDomain => "Invalid email address: the domain is not valid",
        EmailProblem::DomainWithoutDot => {
            "Invalid email address: the domain must have a dot (e.g. example.com)"
        }
        EmailProblem::DomainTooLong => {
            "Invalid email address: the domain is longer than 255 characters"
        }
        EmailProblem::TooLong => "Invalid email address: longer than 254 characters",
    }
}

/// Why a number without `+` or a region was read as an international one.
const READ_AS_INTERNATIONAL: &str =
    "(with no + and no region, digits are read as an international number)";

fn phone_message(problem: &PhoneProblem) -> String {
    match problem {
        PhoneProblem::NoDigits => "Invalid phone number: it has no digits".into(),
        PhoneProblem::Letters => {
            "Invalid phone number: letters are not allowed (write only the number, in digits)"
                .into()
        }
        PhoneProblem::TextAround => {
            "Invalid phone number: remove the text around the number".into()
        }
        PhoneProblem::PhoneContext => {
            "Invalid phone number: the tel: URI's phone-context must be + and digits, or a domain name"
                .into()
        }
        PhoneProblem::Extension => {
            "Invalid phone number: extensions are not allowed (E.164 has none)".into()
        }
        PhoneProblem::Character(c) => format!("Invalid phone number: unexpected character {c:?}"),
        PhoneProblem::MisplacedPlus => {
            "Invalid phone number: \"+\" may only start the number".into()
        }
        PhoneProblem::TooLong => "Invalid phone number: too many digits".into(),
        PhoneProblem::TooShort => "Invalid phone number: too few digits".into(),
        PhoneProblem::UnknownCountryCode => {
            "Invalid phone number: unknown country calling code".into()
        }
        PhoneProblem::NoPlanForRegion(region) => format!(
            "Invalid phone number: national numbers of {region} cannot be read; \
             write it with + and the country code"
        ),
        PhoneProblem::NotValid {
            region: Some(region),
            ..
        } => format!("Invalid phone number: not a valid number in {region}"),
        PhoneProblem::NotValid { region: None, code } => {
            format!("Invalid phone number: not a valid number for country code +{code}")
        }
        PhoneProblem::NotValidWithoutPlus { code: Some(code) } => format!(
            "Invalid phone number: not a valid number for country code +{code} \
             {READ_AS_INTERNATIONAL}"
        ),
        PhoneProblem::NotValidWithoutPlus { code: None } => {
            format!("Invalid phone number: unknown country calling code {READ_AS_INTERNATIONAL}")
        }
    }
}

/// Words for a kind of number: "a fixed-line number".
fn describe(kind: NumberKind) -> &'static str {
    match kind {
        NumberKind::Mobile => "a mobile number",
        NumberKind::FixedLineOrMobile => "a fixed-line or mobile number",
        NumberKind::FixedLine => "a fixed-line number",
        NumberKind::TollFree => "a toll-free number",
        NumberKind::PremiumRate => "a premium-rate number",
        NumberKind::SharedCost => "a shared-cost number",
        NumberKind::Voip => "a VoIP number",
        NumberKind::PersonalNumber => "a personal number",
        NumberKind::Pager => "a pager number",
        NumberKind::Uan => "a universal access number",
        NumberKind::Voicemail => "a voicemail access number",
        NumberKind::Unknown => "a number of unknown type",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrong_type_reads_as_zod_words_it() {
        let issue = Problem::WrongType {
            expected: "string",
            received: "number".into(),
        }
        .at(path!["tags", 2]);
        assert_eq!(
            serde_json::to_value(&issue).unwrap(),
            serde_json::json!({
                "code": "invalid_type",
                "expected": "string",
                "received": "number",
                "path": ["tags", 2],
                "message": "Invalid input: expected string, received number",
            })
        );
    }

    #[test]
    fn too_short_counts_characters() {
        let issue = Problem::TooShort { minimum: 2 }.at(path!["address", "city"]);
        assert_eq!(
            issue.message,
            "Too small: expected string to have >=2 characters"
        );
        let json = serde_json::to_value(&issue).unwrap();
        assert_eq!(json["origin"], "string");
        assert_eq!(json["minimum"], 2);
        assert_eq!(json["inclusive"], true);
    }

    #[test]
    fn a_choice_lists_its_options() {
        let issue = Problem::NotAChoice(&["MORNING", "EVENING"]).at(path!["time"]);
        assert_eq!(
            issue.message,
            "Invalid option: expected one of \"MORNING\"|\"EVENING\""
        );
        assert_eq!(
            issue.kind,
            IssueKind::InvalidValue {
                values: vec!["MORNING", "EVENING"]
            }
        );
    }

    #[test]
    fn unrecognized_keys_are_quoted_and_counted() {
        let one = Problem::UnrecognizedKeys(vec!["x".into()]).message();
        assert_eq!(one, "Unrecognized key: \"x\"");
        let two = Problem::UnrecognizedKeys(vec!["x".into(), "y\"".into()]).message();
        assert_eq!(two, "Unrecognized keys: \"x\", \"y\\\"\"");
    }

    #[test]
    fn control_characters_are_named_by_code_point() {
        assert_eq!(
            Problem::ControlCharacter('\u{7}').message(),
            "Invalid text: contains the control character U+0007"
        );
    }

    #[test]
    fn missing_contact_names_the_channel_and_its_rule() {
        let email = Problem::MissingContact(PreferredContactMethod::Email);
        assert_eq!(
            email.message(),
            "EMAIL is the preferred contact method, but the record has no email address"
        );
        assert_eq!(
            email.kind(),
            IssueKind::Custom {
                rule: Rule::MissingEmail
            }
        );
        let sms = Problem::MissingContact(PreferredContactMethod::Sms);
        assert_eq!(
            sms.kind(),
            IssueKind::Custom {
                rule: Rule::MissingPhone
            }
        );
        assert!(sms.message().ends_with("has no phone number"));
    }

    #[test]
    fn every_number_kind_has_words() {
        for kind in NumberKind::ALL {
            assert!(describe(kind).starts_with("a "), "{kind:?}");
        }
    }
}
