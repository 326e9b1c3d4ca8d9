//! The driver: one parse of one record. It finds each member's field,
//! reads the field by the rule family its kind names, attaches the path to
//! what a rule reports, applies the defaults, and then checks what spans
//! fields (`updatedAt` after `createdAt`) and the contact warnings.

use super::{SafeParse, Schema, SchemaKind};
use crate::fields::ADDRESS_LINE_MINIMUM;
use crate::fields::{Field, Fields, Kind, Normal, Presence, ADDRESS_FIELDS, ADDRESS_PLAN};
use crate::input::{same_key, Key, Plan, Value};
use crate::issue::{child, Issue, IssueKind, Origin, Path, MAX_ISSUES};
use crate::options::{Options, UnknownKeys};
use crate::problem::Problem;
use crate::rules::phone::{normalize_phone, Phone};
use crate::rules::{
    self, address, choice, country, email, json, language, text, timestamp, timezone, type_problem,
    Given,
};
use crate::types::{Address, PreferredContactMethod};
use serde_json::{Map, Value as Json};

/// The state of one parse.
pub(crate) struct Run<'o> {
    kind: SchemaKind,
    options: &'o Options,
    pub(crate) issues: Vec<Issue>,
    pub(crate) warnings: Vec<Issue>,
    /// The region national phone numbers are read in.
    region: Option<&'static str>,
    /// The address's country (alpha-2), when it names one: what a batch's
    /// summary counts the address's postal code and state issues under.
    pub(crate) address_country: Option<&'static str>,
    /// The issues are in final form ([`Run::settle`] has run).
    settled: bool,
    /// The issues counted, not made, past the first [`MAX_ISSUES`].
    overflow: json::Overflow,
}

/// What the record said about contact channels, for the warnings.
#[derive(Default)]
struct Contact {
    /// The key was present (even if null or blank).
    phone_key: bool,
    phone_missing: bool,
    phone: Option<Phone>,
    email_key: bool,
    email_missing: bool,
}

impl<'o> Run<'o> {
    pub(crate) fn new(kind: SchemaKind, options: &'o Options) -> Self {
        Run {
            kind,
            options,
            issues: Vec::new(),
            warnings: Vec::new(),
            region: None,
            address_country: None,
            settled: false,
            overflow: json::Overflow::default(),
        }
    }

    /// Reports `problem` at `path`; `None`, the value of a refused field.
    fn issue<T>(&mut self, problem: Problem, path: Path) -> Option<T> {
        self.issues.push(problem.at(path));
        None
    }

    /// Puts the issues in their final form, once the record is read (every
    /// writer of a result calls it before looking at them; later calls do
    /// nothing):
    /// - once the reader's budget is spent, every value after it is unread
    ///   and would repeat the same issue: the first one (where the input
    ///   outgrew the budget) says it all;
    /// - at most [`MAX_ISSUES`] are listed, then one that counts the rest
    ///   (a small input must not buy a huge result);
    /// - the messages are in the options' words (made in English, which
    ///   most calls want).
    pub(crate) fn settle(&mut self) {
        if std::mem::replace(&mut self.settled, true) {
            return;
        }
        let mut too_large_seen = false;
        self.issues.retain(|issue| {
            let too_large = matches!(
                issue.kind,
                IssueKind::TooBig {
                    origin: Origin::Input,
                    ..
                }
            );
            !(too_large && std::mem::replace(&mut too_large_seen, true))
        });
        let listed = self.issues.len().min(MAX_ISSUES);
        let omitted = (self.issues.len() - listed) as u64 + self.overflow.count;
        if omitted > 0 {
            self.issues.truncate(listed);
            self.issues.push(Problem::Omitted(omitted).at(Vec::new()));
        }
        let messages = &self.options.messages;
        if !messages.is_english() {
            for issue in self.issues.iter_mut().chain(&mut self.warnings) {
                issue.reword(messages);
            }
        }
    }

    /// The result: the record built from `fields`, or the issues.
    pub(crate) fn finish<Sch: Schema + ?Sized>(mut self, fields: Fields) -> SafeParse<Sch::Output> {
        self.settle();
        if self.issues.is_empty() {
            SafeParse::Success {
                data: Sch::build(fields),
                warnings: self.warnings,
            }
        } else {
            SafeParse::Failure {
                issues: self.issues,
                warnings: self.warnings,
            }
        }
    }

    /// Reads and checks a record: its fields' values, or the issues.
    pub(crate) fn record(&mut self, input: &Value) -> Fields {
        let mut f = Fields::default();
        let Value::Object(members) = input else {
            self.issues
                .push(type_problem("object", input).at(Vec::new()));
            return f;
        };
        // Each member's field, found once; the first member wins (only a
        // JSON text can repeat a key).
        let mut given = [None; Field::ALL.len()];
        let mut unknown = false;
        for (key, value) in members {
            match Field::named(key).filter(|&field| self.kind.has(field)) {
                Some(field) => {
                    given[field as usize].get_or_insert(value);
                }
                None => unknown = true,
            }
        }
        // A national phone number is read in the options' region, else in
        // the address's country (also the summary's key for address issues).
        self.address_country = match given[Field::Address as usize].and_then(|a| a.get("country")) {
            Some(Value::String(country)) => country::normalize_country(country.trim()),
            _ => None,
        };
        self.region = self.options.default_region.or(self.address_country);
        let defaults = self.kind.applies_defaults();
        let mut contact = Contact::default();

        for &field in Field::ALL {
            if !self.kind.has(field) {
                continue;
            }
            let value = given[field as usize];
            let spec = field.spec();
            // A path is built only for an issue: most fields have none.
            let at: &dyn Fn() -> Path = &|| path![spec.name];
            let required = self.kind.presence(field) == Presence::Required;
            if let Some(normal) = self.field(spec.kind, value, at, required, &mut contact) {
                f.set(field, normal);
            }
            if let Some(default) = spec.default.filter(|_| defaults) {
                if value_is_missing(value) {
                    f.set(field, default.normal());
                }
            }
        }

        if unknown {
            f.unknown_keys = self.unknown_keys(members, self.kind.plan(), &Vec::new());
        }
        if let (Some(created), Some(updated)) = (f.created_at, f.updated_at) {
            if updated < created {
                let at = path![Field::UpdatedAt.name()];
                self.issues.push(Problem::UpdatedBeforeCreated.at(at));
            }
        }
        self.contact_warnings(&f, &contact);
        f
    }

    /// One field's value, read by the rule family of its kind; `None` when
    /// it is absent or has issues (reported). `required` is the field's
    /// presence in this schema.
    fn field(
        &mut self,
        kind: Kind,
        value: Option<&Value>,
        at: &dyn Fn() -> Path,
        required: bool,
        contact: &mut Contact,
    ) -> Option<Normal> {
        match kind {
            Kind::Id => self.required_string(value, at, 1).map(Normal::Text),
            Kind::NullableString => self.nullable_string(value, at).map(Normal::Nullable),
            Kind::Phone => {
                contact.phone_key = value.is_some();
                let given = rules::given_string(value, at, true, true, &mut self.issues);
                contact.phone_missing = given.is_missing();
                match given {
                    Given::Text(raw) => match normalize_phone(raw, self.region) {
                        Ok(phone) => {
                            let e164 = phone.e164.clone();
                            contact.phone = Some(phone);
                            Some(Normal::Nullable(Some(e164)))
                        }
                        Err(problem) => self.issue(problem, at()),
                    },
                    Given::Null | Given::Blank => Some(Normal::Nullable(None)),
                    Given::Absent | Given::Invalid => None,
                }
            }
            Kind::NullableText => self.nullable_text(value, at).map(Normal::Nullable),
            Kind::Text => self.optional_text(value, at).map(Normal::Text),
            Kind::TimeZone => self
                .checked(value, at, Problem::UnknownTimeZone, |s| {
                    timezone::canonical_time_zone(s).map(str::to_owned)
                })
                .map(Normal::Text),
            Kind::Email => {
                contact.email_key = value.is_some();
                let given = rules::given_string(value, at, false, true, &mut self.issues);
                contact.email_missing = given.is_missing();
                let Given::Text(raw) = given else {
                    return None;
                };
                match email::normalize_email(raw) {
                    Ok(address) => Some(Normal::Text(address)),
                    Err(problem) => self.issue(problem, at()),
                }
            }
            Kind::Language => self
                .checked(value, at, Problem::UnknownLanguage, |s| {
                    language::normalize_language(s).map(str::to_owned)
                })
                .map(Normal::Text),
            Kind::Choice(names) => self.choice(value, at, names).map(Normal::Choice),
            Kind::Notes => match rules::given_string(value, at, false, false, &mut self.issues) {
                Given::Text(notes) => Some(Normal::Text(notes.to_owned())),
                _ => None,
            },
            Kind::Tags => {
                match value {
                    None => None,
                    Some(Value::Array(items)) => Some(Normal::Strings(
                        rules::tags::normalize_tags(items, &at(), &mut self.issues),
                    )),
                    Some(other) => self.issue(type_problem("array", other), at()),
                }
            }
            Kind::CustomFields => match value {
                None => None,
                Some(object @ Value::Object(_)) => {
                    let found =
                        json::check_json(object, at(), 1, &mut self.issues, &mut self.overflow);
                    match object.to_json() {
                        Json::Object(map) if found == 0 => Some(Normal::Object(map)),
                        _ => None,
                    }
                }
                Some(other) => self.issue(type_problem("object", other), at()),
            },
            Kind::Address => match value {
                None => None,
                Some(Value::Object(members)) if address_is_blank(members) => {
                    // Not given; unknown keys are still reported in strict mode.
                    self.unknown_keys(members, ADDRESS_PLAN, &at());
                    None
                }
                Some(Value::Object(members)) => self.address(members, at()).map(Normal::Address),
                Some(other) => self.issue(type_problem("object", other), at()),
            },
            Kind::Boolean => match value {
                None => None,
                Some(Value::Bool(b)) => Some(Normal::Bool(*b)),
                Some(other) => self.issue(type_problem("boolean", other), at()),
            },
            Kind::Timestamp => self.timestamp(value, at, required).map(Normal::Millis),
            Kind::AddressLine => self.address_line(value, at).map(Normal::Text),
            Kind::Country => self.country(value, at).map(Normal::Text),
        }
    }

    /// Warnings about the chosen contact method. In Update, a warning about
    /// a missing value fires only when the update carries both keys.
    fn contact_warnings(&mut self, f: &Fields, contact: &Contact) {
        let Some(method) = f.preferred_contact_method else {
            return;
        };
        if method == PreferredContactMethod::Sms {
            let kind = contact.phone.as_ref().map(|phone| phone.kind);
            if let Some(kind) = kind.filter(|kind| kind.is_known_not_mobile()) {
                self.warnings
                    .push(Problem::SmsToNonMobile(kind).at(path![Field::PhoneNumber.name()]));
            }
        }
        let (missing, key_given) = match method {
            PreferredContactMethod::Email => (contact.email_missing, contact.email_key),
            PreferredContactMethod::Phone | PreferredContactMethod::Sms => {
                (contact.phone_missing, contact.phone_key)
            }
        };
        if missing && (self.kind != SchemaKind::Update || key_given) {
            self.warnings.push(
                Problem::MissingContact(method).at(path![Field::PreferredContactMethod.name()]),
            );
        }
    }

    /// The address's fields, each read by its row's kind, in the table's
    /// order; the address when none has an issue.
    fn address(&mut self, members: &[(Key, Value)], at: Path) -> Option<Address> {
        let before = self.issues.len();
        let mut contact = Contact::default();
        let mut parts: [Option<String>; ADDRESS_FIELDS.len()] = Default::default();
        for (part, spec) in parts.iter_mut().zip(ADDRESS_FIELDS) {
            let value = members
                .iter()
                .find(|(key, _)| same_key(key, spec.name))
                .map(|(_, value)| value);
            let required = spec.presence[0] == Presence::Required;
            let at = || child(&at, spec.name);
            if let Some(Normal::Text(text)) =
                self.field(spec.kind, value, &at, required, &mut contact)
            {
                *part = Some(text);
            }
        }
        let unknown_keys = self.unknown_keys(members, ADDRESS_PLAN, &at);
        // In the order of `ADDRESS_FIELDS` (a test in `crate::fields` pins it).
        let [street, street2, city, mut state, mut postal_code, country] = parts;
        // The country's rules, on the parts that passed the seed's.
        if let Some(country) = &country {
            self.address_rules(country, &mut state, &mut postal_code, &at);
        }
        if self.issues.len() > before {
            return None;
        }
        Some(Address {
            street: street?,
            street2,
            city: city?,
            state: state?,
            postal_code: postal_code?,
            country: country?,
            unknown_keys,
        })
    }

    /// The postal code and state of an address in `country` (alpha-2):
    /// checked against the country's data and normalised in place.
    fn address_rules(
        &mut self,
        country: &str,
        state: &mut Option<String>,
        postal_code: &mut Option<String>,
        at: &Path,
    ) {
        let mut postal_ok = false;
        if let Some(code) = postal_code.as_mut() {
            match address::relaid_postal_code(country, code) {
                Ok(relaid) => {
                    if let Some(relaid) = relaid {
                        *code = relaid;
                    }
                    postal_ok = true;
                }
                Err(problem) => self.issues.push(problem.at(child(at, "postalCode"))),
            }
        }
        let Some(given) = state.as_mut() else {
            return;
        };
        match address::find_state(country, given) {
            Ok(None) => {}
            Ok(Some(subdivision)) => {
                if given != subdivision.key() {
                    *given = subdivision.key().to_owned();
                }
                if let Some(code) = postal_code.as_deref().filter(|_| postal_ok) {
                    if !subdivision.contains_postal_code(code) {
                        let problem = address::not_in_state(country, subdivision, code);
                        self.issues.push(problem.at(child(at, "postalCode")));
                    }
                }
            }
            Err(problem) => self.issues.push(problem.at(child(at, "state"))),
        }
    }

    /// A country: an ISO 3166-1 code or English name, alpha-2 out.
    fn country(&mut self, value: Option<&Value>, at: &dyn Fn() -> Path) -> Option<String> {
        match rules::given_string(value, at, false, true, &mut self.issues) {
            Given::Text(raw) => match country::normalize_country(raw) {
                Some(code) => Some(code.to_owned()),
                None => self.issue(Problem::UnknownCountry, at()),
            },
            Given::Blank => self.issue(Problem::TooShort { minimum: 1 }, at()),
            Given::Absent => self.issue(Problem::required("string"), at()),
            Given::Null | Given::Invalid => None,
        }
    }

    /// Unknown keys of an object: dropped, reported, or kept (as JSON data).
    fn unknown_keys(
        &mut self,
        members: &[(Key, Value)],
        known: &[(&str, Plan)],
        at: &Path,
    ) -> Map<String, Json> {
        let mut kept = Map::new();
        let unknown = members
            .iter()
            .filter(|(key, _)| !known.iter().any(|(name, _)| same_key(name, key)));
        match self.options.unknown_keys {
            UnknownKeys::Strip => {}
            UnknownKeys::Strict => {
                let keys: Vec<String> = unknown.map(|(key, _)| key.to_string()).collect();
                if !keys.is_empty() {
                    self.issues
                        .push(Problem::UnrecognizedKeys(keys).at(at.clone()));
                }
            }
            UnknownKeys::Passthrough => {
                for (key, value) in unknown {
                    let path = child(at, &**key);
                    let found =
                        json::check_json(value, path, 1, &mut self.issues, &mut self.overflow);
                    if found == 0 {
                        kept.insert(key.to_string(), value.to_json());
                    }
                }
            }
        }
        kept
    }

    fn required_string(
        &mut self,
        value: Option<&Value>,
        at: &dyn Fn() -> Path,
        minimum: u64,
    ) -> Option<String> {
        match rules::given_string(value, at, false, true, &mut self.issues) {
            Given::Text(s) => Some(s.to_owned()),
            Given::Blank => self.issue(Problem::TooShort { minimum }, at()),
            Given::Absent => self.issue(Problem::required("string"), at()),
            Given::Null | Given::Invalid => None,
        }
    }

    fn nullable_string(
        &mut self,
        value: Option<&Value>,
        at: &dyn Fn() -> Path,
    ) -> Option<Option<String>> {
        match rules::given_string(value, at, true, true, &mut self.issues) {
            Given::Text(s) => Some(Some(s.to_owned())),
            Given::Null | Given::Blank => Some(None),
            Given::Absent | Given::Invalid => None,
        }
    }

    /// A text field's normalised value, or the control-character issue.
    fn text(&mut self, raw: &str, at: &dyn Fn() -> Path) -> Option<String> {
        match text::normalize_text(raw) {
            Ok(normalized) => normalized,
            Err(problem) => self.issue(problem, at()),
        }
    }

    fn nullable_text(
        &mut self,
        value: Option<&Value>,
        at: &dyn Fn() -> Path,
    ) -> Option<Option<String>> {
        match rules::given_string(value, at, true, true, &mut self.issues) {
            Given::Text(raw) => self.text(raw, at).map(Some),
            Given::Null | Given::Blank => Some(None),
            Given::Absent | Given::Invalid => None,
        }
    }

    fn optional_text(&mut self, value: Option<&Value>, at: &dyn Fn() -> Path) -> Option<String> {
        match rules::given_string(value, at, false, true, &mut self.issues) {
            Given::Text(raw) => self.text(raw, at),
            _ => None,
        }
    }

    /// A required address line: text of at least 2 characters.
    fn address_line(&mut self, value: Option<&Value>, at: &dyn Fn() -> Path) -> Option<String> {
        const MINIMUM: u64 = ADDRESS_LINE_MINIMUM;
        match rules::given_string(value, at, false, true, &mut self.issues) {
            Given::Text(raw) => {
                let line = self.text(raw, at)?;
                if (text::char_len(&line) as u64) < MINIMUM {
                    return self.issue(Problem::TooShort { minimum: MINIMUM }, at());
                }
                Some(line)
            }
            Given::Blank => self.issue(Problem::TooShort { minimum: MINIMUM }, at()),
            Given::Absent => self.issue(Problem::required("string"), at()),
            Given::Null | Given::Invalid => None,
        }
    }

    /// A string checked by a format rule that also normalises it.
    fn checked(
        &mut self,
        value: Option<&Value>,
        at: &dyn Fn() -> Path,
        refused: Problem,
        rule: impl FnOnce(&str) -> Option<String>,
    ) -> Option<String> {
        match rules::given_string(value, at, false, true, &mut self.issues) {
            Given::Text(raw) => match rule(raw) {
                None => self.issue(refused, at()),
                normalized => normalized,
            },
            _ => None,
        }
    }

    /// An enumeration's value, in any case: its canonical name. (Not through
    /// `checked`: a generic one, instantiated twice, costs the module 0.3 kB.)
    fn choice(
        &mut self,
        value: Option<&Value>,
        at: &dyn Fn() -> Path,
        names: &'static [&'static str],
    ) -> Option<&'static str> {
        match rules::given_string(value, at, false, true, &mut self.issues) {
            Given::Text(raw) => match choice::parse_choice(raw, names) {
                None => self.issue(Problem::NotAChoice(names), at()),
                chosen => chosen,
            },
            _ => None,
        }
    }

    fn timestamp(
        &mut self,
        value: Option<&Value>,
        at: &dyn Fn() -> Path,
        required_field: bool,
    ) -> Option<u64> {
        match value {
            None if required_field => self.issue(Problem::required("number"), at()),
            None => None,
            Some(Value::Number(number)) => match timestamp::millis(number) {
                Ok(ms) => {
                    if ms < timestamp::SECONDS_THRESHOLD {
                        self.warnings.push(Problem::TimestampInSeconds.at(at()));
                    }
                    Some(ms)
                }
                Err(problem) => self.issue(problem, at()),
            },
            Some(other) => self.issue(type_problem("number", other), at()),
        }
    }
}

/// True when an address gives no part: every member that is one of its
/// parts is a blank string, and there is at least one ("not given").
fn address_is_blank(members: &[(Key, Value)]) -> bool {
    let mut parts = members
        .iter()
        .filter(|(key, _)| ADDRESS_FIELDS.iter().any(|spec| same_key(key, spec.name)));
    let mut any = false;
    parts.all(|(_, value)| {
        any = true;
        matches!(value, Value::String(s) if s.trim().is_empty())
    }) && any
}

/// True when a field with a default gives no value (absent or blank), so the
/// default applies. `null` is not missing: it is a type issue.
fn value_is_missing(value: Option<&Value>) -> bool {
    match value {
        None => true,
        Some(Value::String(s)) => s.trim().is_empty(),
        Some(_) => false,
    }
}
