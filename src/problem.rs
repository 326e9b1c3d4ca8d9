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
use crate::issue::{Format, Issue, IssueKind, Origin, Path, PathItem, Rule};
use crate::messages::{MessageId, Messages};
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
    /// The issues of a record past its first [`MAX_ISSUES`](crate::issue::MAX_ISSUES):
    /// how many.
    Omitted(u64),
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
        let message = self.message(&path);
        Issue {
            kind: self.kind(),
            path,
            message,
            problem: self,
        }
    }

    /// The issue at `path`, worded by `messages`.
    pub fn at_in(self, path: Path, messages: &Messages) -> Issue {
        let mut issue = self.at(path);
        issue.reword(messages);
        issue
    }

    /// The issue's Zod code and the detail that goes with it.
    pub fn kind(&self) -> IssueKind {
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
            Problem::WrongType { expected, received } => IssueKind::InvalidType {
                expected,
                received: received.clone(),
            },
            Problem::Unreadable(_) | Problem::UnreadableList(_) => custom(Rule::Unreadable),
            Problem::LoneSurrogate | Problem::ControlCharacter(_) => format(Format::Text),
            Problem::StringTooLong => too_big(Origin::String, MAX_STRING_UNITS as u64),
            Problem::TooDeep { maximum } => too_big(Origin::Depth, *maximum),
            Problem::TooLarge => too_big(Origin::Input, MAX_VALUES as u64),
            Problem::TooManyRecords { maximum } => too_big(Origin::Input, *maximum),
            Problem::TooShort { minimum } => IssueKind::TooSmall {
                origin: Origin::String,
                minimum: *minimum,
                inclusive: true,
            },
            Problem::TooSmallNumber { minimum } => IssueKind::TooSmall {
                origin: Origin::Number,
                minimum: *minimum,
                inclusive: true,
            },
            Problem::TooBigNumber { maximum } => too_big(Origin::Number, *maximum),
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
            Problem::UnrecognizedKeys(keys) => IssueKind::UnrecognizedKeys { keys: keys.clone() },
            Problem::NotJson { .. } | Problem::NotUtf8 { .. } => format(Format::Json),
            Problem::Internal => custom(Rule::Internal),
            Problem::SmsToNonMobile(_) => custom(Rule::SmsToNonMobile),
            Problem::MissingContact(PreferredContactMethod::Email) => custom(Rule::MissingEmail),
            Problem::MissingContact(_) => custom(Rule::MissingPhone),
            Problem::TimestampInSeconds => custom(Rule::TimestampInSeconds),
            Problem::Omitted(omitted) => IssueKind::Omitted {
                rule: Rule::TooManyIssues,
                omitted: *omitted,
            },
        }
    }

    /// The message for this problem at `path`, in `messages`' words: the
    /// one place a problem is given its message (which one, and the values
    /// it names). The field a path names picks the words where they differ
    /// by field: a missing state is "Enter a state or region".
    pub fn message_at(&self, path: &[PathItem], messages: &Messages) -> String {
        use MessageId as M;
        let catalogue = messages.catalogue();
        let country = |code: &str| catalogue.country_name(code).unwrap_or(code).to_owned();
        let none = Vec::new;
        let (id, count, args): (MessageId, Option<u64>, Vec<(&str, String)>) = match self {
            Problem::WrongType { received, .. }
                if received == "undefined" || received == "null" =>
            {
                (required(path), None, none())
            }
            Problem::WrongType { expected, .. } => {
                let id = match *expected {
                    "object" if path.is_empty() => M::RecordType,
                    "object" => M::GroupType,
                    "number" => M::NumberType,
                    "int" => M::WholeNumberType,
                    "boolean" => M::YesNoType,
                    "array" => M::ListType,
                    "json" => M::JsonType,
                    _ => M::TextType,
                };
                (id, None, none())
            }
            Problem::Unreadable(reason) => {
                (M::ValueUnreadable, None, vec![("reason", reason.clone())])
            }
            Problem::UnreadableList(reason) => {
                (M::ListUnreadable, None, vec![("reason", reason.clone())])
            }
            Problem::LoneSurrogate => (M::TextBrokenCharacter, None, none()),
            Problem::StringTooLong => (M::TextTooLong, Some(MAX_STRING_UNITS as u64), none()),
            Problem::TooDeep { maximum } => (M::ValueTooDeep, Some(*maximum), none()),
            Problem::TooLarge => (M::RecordTooLarge, Some(MAX_VALUES as u64), none()),
            Problem::TooManyRecords { maximum } => (M::BatchTooLarge, Some(*maximum), none()),
            Problem::TooShort { minimum } if *minimum <= 1 => (required(path), None, none()),
            Problem::TooShort { minimum } => (M::TextTooShort, Some(*minimum), none()),
            Problem::TooSmallNumber { .. } => (M::TimeTooEarly, None, none()),
            Problem::TooBigNumber { .. } => (M::TimeTooLate, None, none()),
            Problem::ControlCharacter(c) => (
                M::TextControlCharacter,
                None,
                vec![("character", code_point(*c))],
            ),
            Problem::Email(problem) => (email_message(*problem), None, none()),
            Problem::Phone(problem) => match problem {
                PhoneProblem::NoDigits => (M::PhoneNoDigits, None, none()),
                PhoneProblem::Letters => (M::PhoneLetters, None, none()),
                PhoneProblem::TextAround => (M::PhoneTextAround, None, none()),
                PhoneProblem::PhoneContext => (M::PhonePhoneContext, None, none()),
                PhoneProblem::Extension => (M::PhoneExtension, None, none()),
                PhoneProblem::Character(c) => {
                    (M::PhoneCharacter, None, vec![("character", shown(*c))])
                }
                PhoneProblem::MisplacedPlus => (M::PhoneMisplacedPlus, None, none()),
                PhoneProblem::TooLong => (M::PhoneTooLong, None, none()),
                PhoneProblem::TooShort => (M::PhoneTooShort, None, none()),
                PhoneProblem::UnknownCountryCode => (M::PhoneUnknownCountryCode, None, none()),
                PhoneProblem::NoPlanForRegion(region) => (
                    M::PhoneRegionNeedsCountryCode,
                    None,
                    vec![("country", country(region))],
                ),
                PhoneProblem::NotValid {
                    region: Some(region),
                    ..
                } => (
                    M::PhoneNotValidInCountry,
                    None,
                    vec![("country", country(region))],
                ),
                PhoneProblem::NotValid { region: None, code } => (
                    M::PhoneNotValidForCode,
                    None,
                    vec![("code", code.to_string())],
                ),
                PhoneProblem::NotValidWithoutPlus { .. } => {
                    (M::PhoneNeedsCountryCode, None, none())
                }
            },
            Problem::UnknownTimeZone => (M::TimezoneUnknown, None, none()),
            Problem::UnknownLanguage => (M::LanguageUnknown, None, none()),
            Problem::UnknownCountry => (M::CountryUnknown, None, none()),
            Problem::PostalCode {
                country: code,
                kind,
                examples,
            } => {
                let example = examples.split(',').find(|e| !e.is_empty());
                let id = match (example, *kind) {
                    (None, _) => M::PostalCodeInvalidNoExample,
                    (Some(_), "zip") => M::PostalCodeInvalidZip,
                    (Some(_), "pin") => M::PostalCodeInvalidPin,
                    (Some(_), "eircode") => M::PostalCodeInvalidEircode,
                    (Some(_), _) => M::PostalCodeInvalid,
                };
                let mut args = vec![("country", country(code))];
                args.extend(example.map(|e| ("example", e.to_owned())));
                (id, None, args)
            }
            Problem::State {
                country: code,
                key,
                name,
                ..
            } => {
                let example = if name.is_empty() { key } else { name };
                let args = vec![
                    ("country", country(code)),
                    ("example", (*example).to_owned()),
                ];
                (M::StateInvalid, None, args)
            }
            Problem::PostalCodeNotInState { kind, state, code } => {
                let id = match *kind {
                    "zip" => M::PostalCodeNotInStateZip,
                    _ => M::PostalCodeNotInState,
                };
                (
                    id,
                    None,
                    vec![("code", code.clone()), ("state", (*state).to_owned())],
                )
            }
            Problem::NotAChoice(_) => {
                let id = match field_name(path) {
                    Some("preferred_contact_method") => M::ContactMethodInvalid,
                    Some("best_time_to_call") => M::CallTimeInvalid,
                    _ => M::ChoiceInvalid,
                };
                (id, None, none())
            }
            Problem::UpdatedBeforeCreated => (M::UpdatedAtBeforeCreatedAt, None, none()),
            Problem::UnrecognizedKeys(keys) => (
                M::KeysUnrecognized,
                Some(keys.len() as u64),
                vec![("keys", listed(keys))],
            ),
            Problem::NotJson {
                ended,
                line,
                column,
            } => (
                if *ended { M::JsonEnded } else { M::JsonInvalid },
                None,
                vec![("line", line.to_string()), ("column", column.to_string())],
            ),
            Problem::NotUtf8 { line, column } => (
                M::JsonNotUtf8,
                None,
                vec![("line", line.to_string()), ("column", column.to_string())],
            ),
            Problem::Internal => (M::Internal, None, none()),
            Problem::SmsToNonMobile(_) => (M::PhoneSmsNotMobile, None, none()),
            Problem::MissingContact(PreferredContactMethod::Email) => {
                (M::ContactMissingEmail, None, none())
            }
            Problem::MissingContact(_) => (M::ContactMissingPhone, None, none()),
            Problem::TimestampInSeconds => (M::TimeInSeconds, None, none()),
            Problem::Omitted(omitted) => (M::IssuesOmitted, Some(*omitted), none()),
        };
        let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        messages.render(id, count, &args)
    }

    /// The message in English, the default.
    pub fn message(&self, path: &[PathItem]) -> String {
        self.message_at(path, &Messages::default())
    }
}

/// The field a path ends in (its last key: for an item of `tags`, `tags`).
fn field_name(path: &[PathItem]) -> Option<&str> {
    path.iter().rev().find_map(|item| match item {
        PathItem::Key(key) => Some(key.as_str()),
        PathItem::Index(_) => None,
    })
}

/// The message for a field with no value where one is required.
fn required(path: &[PathItem]) -> MessageId {
    use MessageId as M;
    if matches!(path.last(), Some(PathItem::Index(_))) {
        return if field_name(path) == Some("tags") {
            M::TagBlank
        } else {
            M::FieldRequired
        };
    }
    match field_name(path) {
        Some("id") => M::IdRequired,
        Some("firstname") => M::FirstNameRequired,
        Some("lastname") => M::LastNameRequired,
        Some("email") => M::EmailRequired,
        Some("street") => M::StreetRequired,
        Some("city") => M::CityRequired,
        Some("state") => M::StateRequired,
        Some("postalCode") => M::PostalCodeRequired,
        Some("country") => M::CountryRequired,
        Some("preferred_language") => M::LanguageRequired,
        Some("preferred_contact_method") => M::ContactMethodRequired,
        Some("createdAt") => M::CreatedAtRequired,
        Some("updatedAt") => M::UpdatedAtRequired,
        _ => M::FieldRequired,
    }
}

/// Keys as a message lists them: `a, b, c`.
fn listed(keys: &[String]) -> String {
    let mut out = String::new();
    for key in keys {
        if !out.is_empty() {
            out.push_str(", ");
        }
        out.push_str(key);
    }
    out
}

/// A character by its code point: `U+0007`.
fn code_point(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

/// A character as a message shows it: itself, in quotes, when it is
/// visible; else its code point.
fn shown(c: char) -> String {
    let invisible = c.is_control()
        || c.is_whitespace()
        || matches!(u32::from(c), 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x206F | 0xFEFF);
    if invisible {
        code_point(c)
    } else {
        format!("\u{201C}{c}\u{201D}")
    }
}

fn email_message(problem: EmailProblem) -> MessageId {
    use MessageId as M;
    match problem {
        EmailProblem::MissingAt => M::EmailMissingAt,
        EmailProblem::NothingBeforeAt => M::EmailNothingBeforeAt,
        EmailProblem::LocalCharacter => M::EmailLocalCharacter,
        EmailProblem::LocalDots => M::EmailLocalDots,
        EmailProblem::LocalTooLong => M::EmailLocalTooLong,
        EmailProblem::NothingAfterAt => M::EmailNothingAfterAt,
        EmailProblem::BadDomain => M::EmailBadDomain,
        EmailProblem::DomainWithoutDot => M::EmailDomainWithoutDot,
        EmailProblem::DomainTooLong => M::EmailDomainTooLong,
        EmailProblem::TooLong => M::EmailTooLong,
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
                "message": "Enter this as text",
            })
        );
    }

    #[test]
    fn too_short_counts_characters_in_plain_words() {
        let issue = Problem::TooShort { minimum: 2 }.at(path!["address", "city"]);
        assert_eq!(issue.message, "Enter at least 2 characters");
        let json = serde_json::to_value(&issue).unwrap();
        assert_eq!(json["origin"], "string");
        assert_eq!(json["minimum"], 2);
        assert_eq!(json["inclusive"], true);
    }

    #[test]
    fn a_missing_or_blank_field_asks_for_that_field() {
        let state = Problem::required("string").at(path!["address", "state"]);
        assert_eq!(state.message, "Enter a state or region");
        let blank = Problem::TooShort { minimum: 1 }.at(path!["firstname"]);
        assert_eq!(blank.message, "Enter a first name");
        let tag = Problem::TooShort { minimum: 1 }.at(path!["tags", 3]);
        assert_eq!(tag.message, "Enter a tag, or remove the empty one");
        // Zod's detail stays for programs.
        assert_eq!(
            state.kind,
            IssueKind::InvalidType {
                expected: "string",
                received: "undefined".into()
            }
        );
    }

    #[test]
    fn a_choice_names_its_options_in_words_and_keeps_them_as_detail() {
        let issue =
            Problem::NotAChoice(&["EMAIL", "PHONE", "SMS"]).at(path!["preferred_contact_method"]);
        assert_eq!(issue.message, "Choose email, phone or text message");
        assert_eq!(
            issue.kind,
            IssueKind::InvalidValue {
                values: vec!["EMAIL", "PHONE", "SMS"]
            }
        );
    }

    #[test]
    fn unrecognized_keys_are_listed_and_counted() {
        let one = Problem::UnrecognizedKeys(vec!["x".into()]).message(&[]);
        assert_eq!(one, "Remove the field the record does not have: x");
        let two = Problem::UnrecognizedKeys(vec!["x".into(), "y".into()]).message(&[]);
        assert_eq!(two, "Remove the 2 fields the record does not have: x, y");
    }

    #[test]
    fn control_characters_are_named_by_code_point() {
        assert_eq!(
            Problem::ControlCharacter('\u{7}').message(&["firstname".into()]),
            "Remove the control character U+0007"
        );
    }

    #[test]
    fn a_postal_code_message_names_the_country_and_an_example() {
        let zip = Problem::PostalCode {
            country: "US",
            kind: "zip",
            examples: "95014,22162-1010",
        };
        assert_eq!(zip.message(&[]), "Enter a ZIP code such as 95014");
        let gb = Problem::PostalCode {
            country: "GB",
            kind: "postal",
            examples: "EC1Y 8SY,GIR 0AA",
        };
        assert_eq!(
            gb.message(&[]),
            "Enter a postal code for United Kingdom, such as EC1Y 8SY"
        );
        let german = Messages::default().with_locale("de-AT").unwrap();
        let in_german = gb.message_at(&[], &german);
        assert!(in_german.contains("Vereinigtes Königreich"), "{in_german}");
        assert!(in_german.contains("EC1Y 8SY"), "{in_german}");
    }

    #[test]
    fn missing_contact_names_the_channel_and_its_rule() {
        let email = Problem::MissingContact(PreferredContactMethod::Email);
        assert_eq!(
            email.message(&["preferred_contact_method".into()]),
            "Enter an email address, or choose another way to contact the customer"
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
        assert!(sms.message(&[]).starts_with("Enter a phone number"));
    }

    /// One problem of every kind (every variant, and every variant of the
    /// email and phone problems), with a path it is found at.
    pub(crate) fn every_problem() -> Vec<(Problem, Path)> {
        use EmailProblem as E;
        use PhoneProblem as P;
        let mut all = vec![
            (Problem::required("string"), path!["address", "state"]),
            (Problem::required("string"), path!["nickname"]),
            (Problem::required("int"), path!["createdAt"]),
            (
                Problem::WrongType {
                    expected: "object",
                    received: "number".into(),
                },
                path![],
            ),
            (
                Problem::WrongType {
                    expected: "object",
                    received: "array".into(),
                },
                path!["address"],
            ),
            (
                Problem::WrongType {
                    expected: "string",
                    received: "number".into(),
                },
                path!["firstname"],
            ),
            (
                Problem::WrongType {
                    expected: "number",
                    received: "string".into(),
                },
                path!["createdAt"],
            ),
            (
                Problem::WrongType {
                    expected: "int",
                    received: "number".into(),
                },
                path!["createdAt"],
            ),
            (
                Problem::WrongType {
                    expected: "boolean",
                    received: "string".into(),
                },
                path!["isValidatedNames"],
            ),
            (
                Problem::WrongType {
                    expected: "array",
                    received: "string".into(),
                },
                path!["tags"],
            ),
            (
                Problem::WrongType {
                    expected: "json",
                    received: "Date".into(),
                },
                path!["custom_fields", "at"],
            ),
            (Problem::Unreadable("boom".into()), path!["email"]),
            (Problem::UnreadableList("boom".into()), path![]),
            (Problem::LoneSurrogate, path!["lastname"]),
            (Problem::StringTooLong, path!["notes"]),
            (Problem::TooDeep { maximum: 32 }, path!["custom_fields"]),
            (Problem::TooLarge, path!["custom_fields"]),
            (Problem::TooManyRecords { maximum: 100_000 }, path![]),
            (Problem::TooShort { minimum: 1 }, path!["tags", 0]),
            (Problem::TooShort { minimum: 2 }, path!["address", "street"]),
            (Problem::TooSmallNumber { minimum: 0 }, path!["createdAt"]),
            (
                Problem::TooBigNumber {
                    maximum: 8_640_000_000_000_000,
                },
                path!["updatedAt"],
            ),
            (Problem::ControlCharacter('\u{1}'), path!["company"]),
            (Problem::UnknownTimeZone, path!["timezone"]),
            (Problem::UnknownLanguage, path!["preferred_language"]),
            (Problem::UnknownCountry, path!["address", "country"]),
            (
                Problem::PostalCode {
                    country: "US",
                    kind: "zip",
                    examples: "95014",
                },
                path!["address", "postalCode"],
            ),
            (
                Problem::PostalCode {
                    country: "IN",
                    kind: "pin",
                    examples: "110034",
                },
                path!["address", "postalCode"],
            ),
            (
                Problem::PostalCode {
                    country: "IE",
                    kind: "eircode",
                    examples: "A65 F4E2",
                },
                path!["address", "postalCode"],
            ),
            (
                Problem::PostalCode {
                    country: "DE",
                    kind: "postal",
                    examples: "26133",
                },
                path!["address", "postalCode"],
            ),
            (
                Problem::PostalCode {
                    country: "DE",
                    kind: "postal",
                    examples: "",
                },
                path!["address", "postalCode"],
            ),
            (
                Problem::State {
                    country: "US",
                    kind: "state",
                    key: "CA",
                    name: "California",
                },
                path!["address", "state"],
            ),
            (
                Problem::PostalCodeNotInState {
                    kind: "zip",
                    state: "New York",
                    code: "94105".into(),
                },
                path!["address", "postalCode"],
            ),
            (
                Problem::PostalCodeNotInState {
                    kind: "postal",
                    state: "Ontario",
                    code: "V5K 0A1".into(),
                },
                path!["address", "postalCode"],
            ),
            (
                Problem::NotAChoice(&["EMAIL", "PHONE", "SMS"]),
                path!["preferred_contact_method"],
            ),
            (
                Problem::NotAChoice(&["MORNING", "AFTERNOON", "EVENING"]),
                path!["best_time_to_call"],
            ),
            (Problem::NotAChoice(&["A", "B"]), path!["other"]),
            (Problem::UpdatedBeforeCreated, path!["updatedAt"]),
            (Problem::UnrecognizedKeys(vec!["x".into()]), path![]),
            (
                Problem::UnrecognizedKeys(vec!["x".into(), "y".into(), "z".into()]),
                path!["address"],
            ),
            (
                Problem::NotJson {
                    ended: true,
                    line: 1,
                    column: 5,
                },
                path![],
            ),
            (
                Problem::NotJson {
                    ended: false,
                    line: 3,
                    column: 2,
                },
                path![],
            ),
            (Problem::NotUtf8 { line: 1, column: 1 }, path![]),
            (Problem::Internal, path![]),
            (
                Problem::SmsToNonMobile(NumberKind::FixedLine),
                path!["phone_number"],
            ),
            (
                Problem::MissingContact(PreferredContactMethod::Email),
                path!["preferred_contact_method"],
            ),
            (
                Problem::MissingContact(PreferredContactMethod::Sms),
                path!["preferred_contact_method"],
            ),
            (Problem::TimestampInSeconds, path!["createdAt"]),
            (Problem::Omitted(1), path![]),
            (Problem::Omitted(250), path![]),
        ];
        let emails = [
            E::MissingAt,
            E::NothingBeforeAt,
            E::LocalCharacter,
            E::LocalDots,
            E::LocalTooLong,
            E::NothingAfterAt,
            E::BadDomain,
            E::DomainWithoutDot,
            E::DomainTooLong,
            E::TooLong,
        ];
        all.extend(emails.map(|e| (Problem::Email(e), path!["email"])));
        let phones = [
            P::NoDigits,
            P::Letters,
            P::TextAround,
            P::PhoneContext,
            P::Extension,
            P::Character('*'),
            P::Character('\u{200B}'),
            P::MisplacedPlus,
            P::TooLong,
            P::TooShort,
            P::UnknownCountryCode,
            P::NoPlanForRegion("AQ".into()),
            P::NotValid {
                region: Some("US".into()),
                code: 1,
            },
            P::NotValid {
                region: None,
                code: 44,
            },
            P::NotValidWithoutPlus { code: Some(41) },
            P::NotValidWithoutPlus { code: None },
        ];
        all.extend(phones.map(|p| (Problem::Phone(p), path!["phone_number"])));
        all
    }

    /// Every message of every locale is written for a person: no type
    /// names, comparison signs, quoted option lists or unfilled
    /// placeholders, and never the words of another locale's catalogue
    /// where the locale has its own.
    #[test]
    fn every_message_in_every_locale_is_in_plain_words() {
        let mut locales = vec!["en"];
        locales.extend(crate::messages::SHIPPED);
        let type_names = [
            "undefined",
            "expected",
            "received",
            "string",
            "int",
            "boolean",
            "object",
            "array",
            "null",
            "json",
        ];
        let signs = [
            ">=",
            "<=",
            "\"|\"",
            "Invalid input",
            "Too small",
            "Too big",
            "{",
            "}",
        ];
        for locale in locales {
            let messages = Messages::default().with_locale(locale).unwrap();
            assert_eq!(messages.catalogue().tag(), locale);
            for (problem, path) in every_problem() {
                let message = problem.message_at(&path, &messages);
                assert!(!message.trim().is_empty(), "{locale} {problem:?}");
                for sign in signs {
                    assert!(
                        !message.contains(sign),
                        "{locale} {problem:?}: {message:?} has {sign:?}"
                    );
                }
                for word in message.split(|c: char| !c.is_alphanumeric()) {
                    let named = type_names.contains(&word);
                    assert!(
                        !named,
                        "{locale} {problem:?}: {message:?} names the type {word:?}"
                    );
                }
                if locale != "en" {
                    let english = problem.message(&path);
                    let same_allowed =
                        matches!(problem, Problem::Phone(PhoneProblem::PhoneContext));
                    assert!(
                        message != english || same_allowed,
                        "{locale} {problem:?}: {message:?} is English"
                    );
                }
            }
        }
    }

    #[test]
    fn the_english_words_of_a_problem_are_the_default_and_a_locale_rewords_only_the_message() {
        let german = Messages::default().with_locale("de").unwrap();
        for (problem, path) in every_problem() {
            let english = problem.clone().at(path.clone());
            let mut reworded = english.clone();
            reworded.reword(&german);
            assert_eq!(reworded.kind, english.kind);
            assert_eq!(reworded.path, english.path);
            assert_eq!(reworded.message, problem.message_at(&path, &german));
        }
    }
}
