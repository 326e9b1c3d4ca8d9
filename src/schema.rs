//! The three schemas and the record-level rules: which fields each has,
//! defaults, unknown keys, rules that span fields, and warnings.
//!
//! One driver serves all three schemas. It reads the record field by field
//! in the seed's order, hands each value to its rule family in
//! `crate::rules`, and gathers every issue (it never stops at the first).
//! The schemas differ only in their field lists and in whether defaults
//! apply: Update applies none, because a partial update must never
//! overwrite a stored value with a default.

use crate::issue::{child, Format, Issue, IssueKind, Origin, Path, Rule};
use crate::options::{Options, UnknownKeys};
use crate::rules;
use crate::rules::phone::{normalize_phone, Phone};
use crate::rules::{
    choice, country, email, json, language, tags, text, timestamp, timezone, type_issue, Given,
};
use crate::types::{
    Address, BestTimeToCall, CreateCustomer, Customer, PreferredContactMethod, UpdateCustomer,
};
use crate::value::{same_key, Key, Plan, Reader, Source, Value};
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::{Map, Value as Json};

/// Which of the three schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SchemaKind {
    /// A stored customer: `id` and timestamps required, defaults applied.
    Customer,
    /// A new customer: no `id`, `channelId` or timestamps; defaults applied.
    Create,
    /// A partial update: `id` required, everything else optional, no defaults.
    Update,
}

impl SchemaKind {
    /// Reads `"customer"`, `"create"` or `"update"`.
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "customer" => Some(SchemaKind::Customer),
            "create" => Some(SchemaKind::Create),
            "update" => Some(SchemaKind::Update),
            _ => None,
        }
    }

    /// The record's fields, in the seed's order, with how to read each.
    pub(crate) fn fields(self) -> &'static [(&'static str, Plan)] {
        match self {
            SchemaKind::Customer => CUSTOMER_FIELDS,
            SchemaKind::Create => CREATE_FIELDS,
            SchemaKind::Update => UPDATE_FIELDS,
        }
    }

    /// True for Customer and Create; an update applies no defaults.
    pub(crate) fn applies_defaults(self) -> bool {
        self != SchemaKind::Update
    }
}

/// The defaults Customer and Create apply to a missing field.
pub(crate) const DEFAULT_LANGUAGE: &str = "en";
pub(crate) const DEFAULT_CONTACT_METHOD: PreferredContactMethod = PreferredContactMethod::Email;
pub(crate) const DEFAULT_VALIDATED_NAMES: bool = false;

/// Fewest characters a required address line has (after trimming).
pub(crate) const ADDRESS_LINE_MINIMUM: u64 = 2;

/// Every field name of every record table, the address's included, once
/// each, in table order, one per line: the WebAssembly module's JavaScript
/// reader sends these keys as their index (`wasm/js/source.js`). Written out (a
/// test checks it against the tables) so the module carries text, not the
/// code to build it.
pub const FIELD_NAMES: &str = concat!(
    "id\ncustomerId\nphone_number\nfirstname\nlastname\ncompany\ntimezone\nemail\n",
    "preferred_language\npreferred_contact_method\nbest_time_to_call\nnotes\ntags\n",
    "custom_fields\nchannelId\naddress\nisValidatedNames\ncreatedAt\nupdatedAt\n",
    "street\nstreet2\ncity\nstate\npostalCode\ncountry",
);

mod wire;

/// [`FIELD_NAMES`] as a list, by index (the record's fields, then the
/// address's), taken from the tables at compile time: the names are the
/// tables' own.
pub const FIELD_LIST: [&str; 25] = {
    let mut list = [""; 25];
    let mut at = 0;
    while at < CUSTOMER_FIELDS.len() {
        list[at] = CUSTOMER_FIELDS[at].0;
        at += 1;
    }
    while at < list.len() {
        list[at] = ADDRESS_FIELDS[at - CUSTOMER_FIELDS.len()].0;
        at += 1;
    }
    list
};

pub(crate) const ADDRESS_FIELDS: &[(&str, Plan)] = &[
    ("street", Plan::Whole),
    ("street2", Plan::Whole),
    ("city", Plan::Whole),
    ("state", Plan::Whole),
    ("postalCode", Plan::Whole),
    ("country", Plan::Whole),
];

/// Declares the field list of each schema, sharing the common fields.
macro_rules! field_lists {
    ($($name:ident = [$($head:literal),*] common [$($middle:literal),*] address [$($tail:literal),*];)*) => {
        $(const $name: &[(&str, Plan)] = &[
            $(($head, Plan::Whole),)*
            ("customerId", Plan::Whole),
            ("phone_number", Plan::Whole),
            ("firstname", Plan::Whole),
            ("lastname", Plan::Whole),
            ("company", Plan::Whole),
            ("timezone", Plan::Whole),
            ("email", Plan::Whole),
            ("preferred_language", Plan::Whole),
            ("preferred_contact_method", Plan::Whole),
            ("best_time_to_call", Plan::Whole),
            ("notes", Plan::Whole),
            ("tags", Plan::Whole),
            ("custom_fields", Plan::Whole),
            $(($middle, Plan::Whole),)*
            ("address", Plan::Record(ADDRESS_FIELDS)),
            ("isValidatedNames", Plan::Whole),
            $(($tail, Plan::Whole),)*
        ];)*
    };
}

field_lists! {
    CUSTOMER_FIELDS = ["id"] common ["channelId"] address ["createdAt", "updatedAt"];
    CREATE_FIELDS = [] common [] address [];
    UPDATE_FIELDS = ["id"] common [] address [];
}

/// A record's fields (the address's are its own), in output order: the
/// order of [`FIELD_NAMES`]' first nineteen and of the tables above. The
/// driver finds each member's field once, by its key, and then works by
/// field, not by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Id,
    CustomerId,
    PhoneNumber,
    Firstname,
    Lastname,
    Company,
    Timezone,
    Email,
    PreferredLanguage,
    PreferredContactMethod,
    BestTimeToCall,
    Notes,
    Tags,
    CustomFields,
    ChannelId,
    Address,
    IsValidatedNames,
    CreatedAt,
    UpdatedAt,
}

impl Field {
    const ALL: [Field; 19] = [
        Field::Id,
        Field::CustomerId,
        Field::PhoneNumber,
        Field::Firstname,
        Field::Lastname,
        Field::Company,
        Field::Timezone,
        Field::Email,
        Field::PreferredLanguage,
        Field::PreferredContactMethod,
        Field::BestTimeToCall,
        Field::Notes,
        Field::Tags,
        Field::CustomFields,
        Field::ChannelId,
        Field::Address,
        Field::IsValidatedNames,
        Field::CreatedAt,
        Field::UpdatedAt,
    ];

    /// The field a key names (a `match` on text: by length, then one or
    /// two comparisons).
    fn named(key: &str) -> Option<Field> {
        Some(match key {
            "id" => Field::Id,
            "customerId" => Field::CustomerId,
            "phone_number" => Field::PhoneNumber,
            "firstname" => Field::Firstname,
            "lastname" => Field::Lastname,
            "company" => Field::Company,
            "timezone" => Field::Timezone,
            "email" => Field::Email,
            "preferred_language" => Field::PreferredLanguage,
            "preferred_contact_method" => Field::PreferredContactMethod,
            "best_time_to_call" => Field::BestTimeToCall,
            "notes" => Field::Notes,
            "tags" => Field::Tags,
            "custom_fields" => Field::CustomFields,
            "channelId" => Field::ChannelId,
            "address" => Field::Address,
            "isValidatedNames" => Field::IsValidatedNames,
            "createdAt" => Field::CreatedAt,
            "updatedAt" => Field::UpdatedAt,
            _ => return None,
        })
    }

    /// Its key: the name in the field tables at its position.
    fn name(self) -> &'static str {
        CUSTOMER_FIELDS
            .get(self as usize)
            .map_or("", |(name, _)| name)
    }
}

impl SchemaKind {
    /// Whether this schema's record has `field` (as its table lists).
    fn has(self, field: Field) -> bool {
        match self {
            SchemaKind::Customer => true,
            SchemaKind::Create => !matches!(
                field,
                Field::Id | Field::ChannelId | Field::CreatedAt | Field::UpdatedAt
            ),
            SchemaKind::Update => !matches!(
                field,
                Field::ChannelId | Field::CreatedAt | Field::UpdatedAt
            ),
        }
    }
}

/// The outcome of `safe_parse`: the normalised record, or every issue; and
/// the warnings in both cases.
#[derive(Debug, Clone, PartialEq)]
pub enum SafeParse<T> {
    Success {
        data: T,
        warnings: Vec<Issue>,
    },
    Failure {
        issues: Vec<Issue>,
        warnings: Vec<Issue>,
    },
}

impl<T> SafeParse<T> {
    pub fn is_success(&self) -> bool {
        matches!(self, SafeParse::Success { .. })
    }

    pub fn warnings(&self) -> &[Issue] {
        match self {
            SafeParse::Success { warnings, .. } | SafeParse::Failure { warnings, .. } => warnings,
        }
    }

    /// The record, or the issues.
    pub fn into_result(self) -> Result<T, Vec<Issue>> {
        match self {
            SafeParse::Success { data, .. } => Ok(data),
            SafeParse::Failure { issues, .. } => Err(issues),
        }
    }
}

/// Zod's result shape: `{ success: true, data, warnings }` or
/// `{ success: false, error: { issues }, warnings }`.
impl<T: Serialize> Serialize for SafeParse<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(serde::Serialize)]
        struct Error<'a> {
            issues: &'a [Issue],
        }
        let mut map = serializer.serialize_map(Some(3))?;
        match self {
            SafeParse::Success { data, warnings } => {
                map.serialize_entry("success", &true)?;
                map.serialize_entry("data", data)?;
                map.serialize_entry("warnings", warnings)?;
            }
            SafeParse::Failure { issues, warnings } => {
                map.serialize_entry("success", &false)?;
                map.serialize_entry("error", &Error { issues })?;
                map.serialize_entry("warnings", warnings)?;
            }
        }
        map.end()
    }
}

/// Every field any schema has, normalised; what each schema's record is
/// built from. Public only because [`Schema::build`] names it.
#[doc(hidden)]
#[derive(Default)]
pub struct Fields {
    id: Option<String>,
    customer_id: Option<Option<String>>,
    phone_number: Option<Option<String>>,
    firstname: Option<Option<String>>,
    lastname: Option<Option<String>>,
    company: Option<String>,
    timezone: Option<String>,
    email: Option<String>,
    preferred_language: Option<String>,
    preferred_contact_method: Option<PreferredContactMethod>,
    best_time_to_call: Option<BestTimeToCall>,
    notes: Option<String>,
    tags: Option<Vec<String>>,
    custom_fields: Option<Map<String, Json>>,
    channel_id: Option<Option<String>>,
    address: Option<Address>,
    is_validated_names: Option<bool>,
    created_at: Option<u64>,
    updated_at: Option<u64>,
    unknown_keys: Map<String, Json>,
}

/// A schema: reads any [`Source`] and builds its record type.
pub trait Schema {
    type Output: Serialize;
    const KIND: SchemaKind;

    #[doc(hidden)]
    fn build(fields: Fields) -> Self::Output;

    /// Validates and normalises `input`, reporting every issue.
    fn safe_parse(input: &Json, options: &Options) -> SafeParse<Self::Output> {
        Self::safe_parse_source(input, options)
    }

    /// [`Schema::safe_parse`] for any input host (JSON, JavaScript).
    fn safe_parse_source<S: Source>(input: S, options: &Options) -> SafeParse<Self::Output> {
        Self::safe_parse_value(&read_record(Self::KIND, input, options), options)
    }

    /// [`Schema::safe_parse`] for an input already read into a [`Value`].
    fn safe_parse_value(input: &Value, options: &Options) -> SafeParse<Self::Output> {
        let mut run = Run::new(Self::KIND, options);
        let fields = run.record(input);
        run.finish::<Self>(fields)
    }

    /// Validates every input on its own (one bad record never fails the
    /// others) and sums up the batch.
    fn safe_parse_many(inputs: &[Json], options: &Options) -> crate::batch::Batch<Self::Output>
    where
        Self: Sized,
    {
        crate::batch::parse_many::<Self>(inputs, options)
    }

    /// The record, or the issues (warnings dropped).
    fn parse(input: &Json, options: &Options) -> Result<Self::Output, Vec<Issue>> {
        Self::safe_parse(input, options).into_result()
    }

    /// Whether `input` is valid: its warnings when it is, else every issue.
    /// (The same check as [`Schema::safe_parse`], for a caller that keeps
    /// its own copy of the input.)
    fn validate(input: &Json, options: &Options) -> Result<Vec<Issue>, Vec<Issue>> {
        match Self::safe_parse(input, options) {
            SafeParse::Success { warnings, .. } => Ok(warnings),
            SafeParse::Failure { issues, .. } => Err(issues),
        }
    }
}

/// `CustomerSchema`: a stored customer.
pub struct CustomerSchema;
/// `CreateCustomerSchema`: a customer to create.
pub struct CreateCustomerSchema;
/// `UpdateCustomerSchema`: a partial update.
pub struct UpdateCustomerSchema;

/// Implements [`Schema`] for a schema whose record takes the shared fields
/// from [`Fields`] as they are, plus the listed schema-specific ones.
macro_rules! schema {
    ($schema:ident => $output:ident, $kind:ident { $($field:ident: $value:expr),* $(,)? }) => {
        impl Schema for $schema {
            type Output = $output;
            const KIND: SchemaKind = SchemaKind::$kind;

            #[allow(unused_mut)] // Create has no fields of its own to take.
            fn build(mut f: Fields) -> $output {
                $output {
                    $($field: $value(&mut f),)*
                    customer_id: f.customer_id,
                    phone_number: f.phone_number,
                    firstname: f.firstname,
                    lastname: f.lastname,
                    company: f.company,
                    timezone: f.timezone,
                    email: f.email,
                    preferred_language: f.preferred_language,
                    preferred_contact_method: f.preferred_contact_method,
                    best_time_to_call: f.best_time_to_call,
                    notes: f.notes,
                    tags: f.tags,
                    custom_fields: f.custom_fields,
                    address: f.address,
                    is_validated_names: f.is_validated_names,
                    unknown_keys: f.unknown_keys,
                }
            }
        }
    };
}

// Required fields are present whenever `build` runs (a missing one is an
// issue, and records are only built when there are none).
schema!(CustomerSchema => Customer, Customer {
    id: |f: &mut Fields| f.id.take().unwrap_or_default(),
    channel_id: |f: &mut Fields| f.channel_id.take(),
    created_at: |f: &mut Fields| f.created_at.unwrap_or_default(),
    updated_at: |f: &mut Fields| f.updated_at.unwrap_or_default(),
});
schema!(CreateCustomerSchema => CreateCustomer, Create {});
schema!(UpdateCustomerSchema => UpdateCustomer, Update {
    id: |f: &mut Fields| f.id.take().unwrap_or_default(),
});

/// Validates with the schema named at run time, returning the result as
/// JSON text (what a command-line tool prints; the WebAssembly boundary
/// sends a valid record's result as wire text instead: `safe_parse_wire`).
pub fn safe_parse_json<S: Source>(kind: SchemaKind, input: S, options: &Options) -> String {
    let input = read_record(kind, input, options);
    result_text(kind, &input, options, false, &mut |_, _, _| {})
}

/// Reads a record's input under the reader's bounds, as `kind` plans it.
pub(crate) fn read_record<S: Source>(kind: SchemaKind, input: S, options: &Options) -> Value {
    let keep_unknown = options.unknown_keys == UnknownKeys::Passthrough;
    Reader::new(keep_unknown).read(input, Plan::Record(kind.fields()), 0)
}

/// Validates with the schema named at run time, for the WebAssembly
/// boundary: the result of a valid record as wire text (see [`wire`]), when
/// it has that form, else as JSON text.
pub fn safe_parse_wire<S: Source>(kind: SchemaKind, input: S, options: &Options) -> String {
    let input = read_record(kind, input, options);
    result_text(kind, &input, options, true, &mut |_, _, _| {})
}

/// The result of a record already read (see [`read_record`]), as text:
/// JSON, or wire text when `wire` allows it and the result has that form.
/// `outcome` is told whether the record is valid, its issues, and whether
/// it has warnings (a batch counts them).
pub(crate) fn result_text(
    kind: SchemaKind,
    input: &Value,
    options: &Options,
    wire: bool,
    outcome: &mut dyn FnMut(bool, &[Issue], bool),
) -> String {
    let mut run = Run::new(kind, options);
    let fields = run.record(input);
    outcome(run.issues.is_empty(), &run.issues, !run.warnings.is_empty());
    if wire && run.issues.is_empty() && run.warnings.is_empty() {
        if let Some(text) = wire::success_text(kind, &fields) {
            return text;
        }
    }
    match kind {
        SchemaKind::Customer => result_json(&run.finish::<CustomerSchema>(fields)),
        SchemaKind::Create => result_json(&run.finish::<CreateCustomerSchema>(fields)),
        SchemaKind::Update => result_json(&run.finish::<UpdateCustomerSchema>(fields)),
    }
}

/// The JSON text of one result. (Not inlined: `result_text` calls it once
/// per schema, and three copies of it cost 0.2 kB gzip in the module.)
#[inline(never)]
pub(crate) fn result_json<T: Serialize>(result: &SafeParse<T>) -> String {
    // Room for a typical record up front saves growing the buffer several times.
    let mut out = Vec::with_capacity(RESULT_CAPACITY);
    // Serialising these types cannot fail (all map keys are strings, and
    // serde_json writes UTF-8); if it ever did, say so in the result's own
    // shape. (Not with the error's own text: see `batch::not_json`.)
    match serde_json::to_writer(&mut out, result).map(|()| String::from_utf8(out)) {
        Ok(Ok(text)) => text,
        _ => crate::issue::failure_json(&Issue::custom(
            Vec::new(),
            Rule::Internal,
            "Internal error: the result could not be written as JSON".to_owned(),
        )),
    }
}

/// Bytes reserved for a result's JSON text: a full customer record fits.
const RESULT_CAPACITY: usize = 1024;

/// The state of one parse.
struct Run<'o> {
    kind: SchemaKind,
    options: &'o Options,
    issues: Vec<Issue>,
    warnings: Vec<Issue>,
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

/// A missing required field: Zod reports it as `received undefined`.
fn required(path: Path, expected: &'static str) -> Issue {
    Issue::invalid_type(path, expected, "undefined")
}

impl<'o> Run<'o> {
    fn new(kind: SchemaKind, options: &'o Options) -> Self {
        Run {
            kind,
            options,
            issues: Vec::new(),
            warnings: Vec::new(),
        }
    }

    /// The result: the record built from `fields`, or the issues.
    fn finish<Sch: Schema + ?Sized>(mut self, fields: Fields) -> SafeParse<Sch::Output> {
        // Once the reader's budget is spent, every value after it is
        // unread and would repeat the same issue: the first one (where the
        // input outgrew the budget) says it all.
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

    fn record(&mut self, input: &Value) -> Fields {
        let mut f = Fields::default();
        let Value::Object(members) = input else {
            self.issues.push(type_issue(Vec::new(), "object", input));
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
        let get = |field: Field| given[field as usize];
        let region = self.options.default_region.or_else(|| {
            let Some(Value::String(country)) = get(Field::Address)?.get("country") else {
                return None;
            };
            country::normalize_country(country.trim())
        });
        let defaults = self.kind.applies_defaults();
        let mut contact = Contact::default();

        let kind = self.kind;
        for field in Field::ALL.into_iter().filter(|&field| kind.has(field)) {
            let value = get(field);
            // A path is built only for an issue: most fields have none.
            let at: &dyn Fn() -> Path = &|| path![field.name()];
            match field {
                Field::Id => f.id = self.required_string(value, at, 1),
                Field::CustomerId => f.customer_id = self.nullable_string(value, at),
                Field::ChannelId => f.channel_id = self.nullable_string(value, at),
                Field::PhoneNumber => {
                    contact.phone_key = value.is_some();
                    let given = rules::given_string(value, at, true, true, &mut self.issues);
                    contact.phone_missing = given.is_missing();
                    f.phone_number = match given {
                        Given::Text(raw) => match normalize_phone(raw, region) {
                            Ok(phone) => {
                                let e164 = phone.e164.clone();
                                contact.phone = Some(phone);
                                Some(Some(e164))
                            }
                            Err(error) => {
                                self.issues.push(Issue::invalid_format(
                                    at(),
                                    Format::Phone,
                                    error.message(),
                                ));
                                None
                            }
                        },
                        Given::Null | Given::Blank => Some(None),
                        Given::Absent | Given::Invalid => None,
                    };
                }
                Field::Firstname => f.firstname = self.nullable_text(value, at),
                Field::Lastname => f.lastname = self.nullable_text(value, at),
                Field::Company => f.company = self.optional_text(value, at),
                Field::Timezone => {
                    f.timezone =
                        self.checked(value, at, Format::Timezone, timezone::MESSAGE, |s| {
                            timezone::canonical_time_zone(s).map(str::to_owned)
                        });
                }
                Field::Email => {
                    contact.email_key = value.is_some();
                    let given = rules::given_string(value, at, false, true, &mut self.issues);
                    contact.email_missing = given.is_missing();
                    if let Given::Text(raw) = given {
                        match email::normalize_email(raw) {
                            Ok(address) => f.email = Some(address),
                            Err(error) => self.issues.push(Issue::invalid_format(
                                at(),
                                Format::Email,
                                error.0,
                            )),
                        }
                    }
                }
                Field::PreferredLanguage => {
                    f.preferred_language =
                        self.checked(value, at, Format::Language, language::MESSAGE, |s| {
                            language::normalize_language(s).map(str::to_owned)
                        });
                    if defaults && value_is_missing(value) {
                        f.preferred_language = Some(DEFAULT_LANGUAGE.to_owned());
                    }
                }
                Field::PreferredContactMethod => {
                    f.preferred_contact_method =
                        self.choice(value, at, PreferredContactMethod::VARIANTS);
                    if defaults && value_is_missing(value) {
                        f.preferred_contact_method = Some(DEFAULT_CONTACT_METHOD);
                    }
                }
                Field::BestTimeToCall => {
                    f.best_time_to_call = self.choice(value, at, BestTimeToCall::VARIANTS);
                }
                Field::Notes => {
                    if let Given::Text(notes) =
                        rules::given_string(value, at, false, false, &mut self.issues)
                    {
                        f.notes = Some(notes.to_owned());
                    }
                }
                Field::Tags => match value {
                    None => {}
                    Some(Value::Array(items)) => {
                        f.tags = Some(tags::normalize_tags(items, &at(), &mut self.issues));
                    }
                    Some(other) => self.issues.push(tags::not_a_list(at(), other)),
                },
                Field::CustomFields => match value {
                    None => {}
                    Some(object @ Value::Object(_)) => {
                        let before = self.issues.len();
                        json::check_json(object, at(), 1, &mut self.issues);
                        if self.issues.len() == before {
                            if let Json::Object(map) = object.to_json() {
                                f.custom_fields = Some(map);
                            }
                        }
                    }
                    Some(other) => self.issues.push(type_issue(at(), "object", other)),
                },
                Field::Address => match value {
                    None => {}
                    Some(Value::Object(members)) => f.address = self.address(members, at()),
                    Some(other) => self.issues.push(type_issue(at(), "object", other)),
                },
                Field::IsValidatedNames => match value {
                    None => f.is_validated_names = defaults.then_some(DEFAULT_VALIDATED_NAMES),
                    Some(Value::Bool(b)) => f.is_validated_names = Some(*b),
                    Some(other) => self.issues.push(type_issue(at(), "boolean", other)),
                },
                Field::CreatedAt => f.created_at = self.timestamp(value, at),
                Field::UpdatedAt => f.updated_at = self.timestamp(value, at),
            }
        }

        if unknown {
            f.unknown_keys = self.unknown_keys(members, self.kind.fields(), &Vec::new());
        }
        if let (Some(created), Some(updated)) = (f.created_at, f.updated_at) {
            if updated < created {
                self.issues.push(Issue::custom(
                    path!["updatedAt"],
                    Rule::UpdatedBeforeCreated,
                    "updatedAt must not be earlier than createdAt",
                ));
            }
        }
        self.contact_warnings(&f, &contact);
        f
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
                self.warnings.push(Issue::custom(
                    path!["phone_number"],
                    Rule::SmsToNonMobile,
                    format!(
                        "SMS is the preferred contact method, but this is {}, which usually cannot receive SMS",
                        kind.describe()
                    ),
                ));
            }
        }
        let (missing, key_given, rule, what) = match method {
            PreferredContactMethod::Email => (
                contact.email_missing,
                contact.email_key,
                Rule::MissingEmail,
                "email address",
            ),
            PreferredContactMethod::Phone | PreferredContactMethod::Sms => (
                contact.phone_missing,
                contact.phone_key,
                Rule::MissingPhone,
                "phone number",
            ),
        };
        if missing && (self.kind != SchemaKind::Update || key_given) {
            self.warnings.push(Issue::custom(
                path!["preferred_contact_method"],
                rule,
                format!(
                    "{} is the preferred contact method, but the record has no {what}",
                    method.name()
                ),
            ));
        }
    }

    fn address(&mut self, members: &[(Key, Value)], at: Path) -> Option<Address> {
        let get = |key: &str| {
            members
                .iter()
                .find(|(k, _)| same_key(k, key))
                .map(|(_, v)| v)
        };
        let before = self.issues.len();
        let street = self.address_line(get("street"), &|| child(&at, "street"));
        let street2 = self.optional_text(get("street2"), &|| child(&at, "street2"));
        let city = self.address_line(get("city"), &|| child(&at, "city"));
        let state = self.address_line(get("state"), &|| child(&at, "state"));
        let postal_code = self.address_line(get("postalCode"), &|| child(&at, "postalCode"));
        let country_path = || child(&at, "country");
        let country =
            match rules::given_string(get("country"), &country_path, false, true, &mut self.issues)
            {
                Given::Text(raw) => match country::normalize_country(raw) {
                    Some(code) => Some(code.to_owned()),
                    None => {
                        self.issues.push(Issue::invalid_format(
                            country_path(),
                            Format::Country,
                            country::MESSAGE,
                        ));
                        None
                    }
                },
                Given::Blank => {
                    self.issues.push(Issue::string_too_short(country_path(), 1));
                    None
                }
                Given::Absent => {
                    self.issues.push(required(country_path(), "string"));
                    None
                }
                Given::Null | Given::Invalid => None,
            };
        let unknown_keys = self.unknown_keys(members, ADDRESS_FIELDS, &at);
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
                    let listed = keys
                        .iter()
                        .map(|k| format!("{k:?}"))
                        .collect::<Vec<_>>()
                        .join(", ");
                    let noun = if keys.len() == 1 { "key" } else { "keys" };
                    self.issues.push(Issue::new(
                        IssueKind::UnrecognizedKeys { keys },
                        at.clone(),
                        format!("Unrecognized {noun}: {listed}"),
                    ));
                }
            }
            UnknownKeys::Passthrough => {
                for (key, value) in unknown {
                    let before = self.issues.len();
                    json::check_json(value, child(at, &**key), 1, &mut self.issues);
                    if self.issues.len() == before {
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
            Given::Blank => {
                self.issues.push(Issue::string_too_short(at(), minimum));
                None
            }
            Given::Absent => {
                self.issues.push(required(at(), "string"));
                None
            }
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
            Err(c) => {
                self.issues.push(Issue::invalid_format(
                    at(),
                    Format::Text,
                    text::control_message(c),
                ));
                None
            }
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
                    self.issues.push(Issue::string_too_short(at(), MINIMUM));
                    return None;
                }
                Some(line)
            }
            Given::Blank => {
                self.issues.push(Issue::string_too_short(at(), MINIMUM));
                None
            }
            Given::Absent => {
                self.issues.push(required(at(), "string"));
                None
            }
            Given::Null | Given::Invalid => None,
        }
    }

    /// A string checked by a format rule that also normalises it.
    fn checked(
        &mut self,
        value: Option<&Value>,
        at: &dyn Fn() -> Path,
        format: Format,
        message: &str,
        rule: impl FnOnce(&str) -> Option<String>,
    ) -> Option<String> {
        match rules::given_string(value, at, false, true, &mut self.issues) {
            Given::Text(raw) => {
                let normalized = rule(raw);
                if normalized.is_none() {
                    self.issues
                        .push(Issue::invalid_format(at(), format, message));
                }
                normalized
            }
            _ => None,
        }
    }

    fn choice<T: Copy>(
        &mut self,
        value: Option<&Value>,
        at: &dyn Fn() -> Path,
        variants: &[(&'static str, T)],
    ) -> Option<T> {
        match rules::given_string(value, at, false, true, &mut self.issues) {
            Given::Text(raw) => {
                let chosen = choice::parse_choice(raw, variants);
                if chosen.is_none() {
                    self.issues.push(choice::invalid_choice(at(), variants));
                }
                chosen
            }
            _ => None,
        }
    }

    fn timestamp(&mut self, value: Option<&Value>, at: &dyn Fn() -> Path) -> Option<u64> {
        match value {
            None => {
                self.issues.push(required(at(), "number"));
                None
            }
            Some(Value::Number(number)) => match timestamp::millis(number, at) {
                Ok(ms) => {
                    if ms < timestamp::SECONDS_THRESHOLD {
                        self.warnings.push(Issue::custom(
                            at(),
                            Rule::TimestampInSeconds,
                            "This timestamp is before 1973 in milliseconds: is it in seconds?",
                        ));
                    }
                    Some(ms)
                }
                Err(issue) => {
                    self.issues.push(issue);
                    None
                }
            },
            Some(other) => {
                self.issues.push(type_issue(at(), "number", other));
                None
            }
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_each_schema_s_table_by_name_and_order() {
        for kind in [SchemaKind::Customer, SchemaKind::Create, SchemaKind::Update] {
            let by_field: Vec<&str> = Field::ALL
                .into_iter()
                .filter(|&field| kind.has(field))
                .map(Field::name)
                .collect();
            let table: Vec<&str> = kind.fields().iter().map(|(name, _)| *name).collect();
            assert_eq!(by_field, table, "{kind:?}");
        }
        for field in Field::ALL {
            assert_eq!(Field::named(field.name()), Some(field));
        }
        assert_eq!(Field::named("street"), None);
        assert_eq!(Field::named("ID"), None);
    }

    #[test]
    fn field_names_are_every_table_field_once_in_table_order() {
        let mut names: Vec<&str> = Vec::new();
        let tables = [
            CUSTOMER_FIELDS,
            CREATE_FIELDS,
            UPDATE_FIELDS,
            ADDRESS_FIELDS,
        ];
        for (name, _) in tables.into_iter().flatten() {
            if !names.contains(name) {
                names.push(name);
            }
        }
        assert_eq!(FIELD_NAMES.split('\n').collect::<Vec<_>>(), names);
        assert_eq!(FIELD_LIST.to_vec(), names);
    }
}
