//! # customer-schema-wasm
//!
//! The WebAssembly boundary of `customer-schema`: the crate that
//! `scripts/build.sh` compiles to `wasm32-unknown-unknown` and turns, with
//! `wasm-bindgen`, into the npm package's module (`pkg/dist/`). Not
//! published; the package's JavaScript (`pkg/src/adapter.mjs`) is its only
//! caller.
//!
//! ## Why a crate of its own
//!
//! `customer-schema` is a plain Rust library, for every target: a wasm32
//! program that depends on it keeps its own allocator and its own
//! JavaScript bindings. What only the npm package's module needs lives
//! here:
//!
//! - the exports JavaScript calls (this file) and the reader of live
//!   JavaScript values (`source`, with its JavaScript half in
//!   `js/source.js`, which `wasm-bindgen` copies into the package);
//! - the module's memory allocator, `small_blocks` (installed below as the
//!   `#[global_allocator]`, on wasm32 only; its unit tests run natively);
//! - `one_thread`, the statics the module keeps between calls, sound
//!   because the module has one thread (the `compile_error!` below refuses
//!   the `atomics` target feature);
//! - the test-only export `__trapForTest`, behind the `test-hooks` feature
//!   (`scripts/build.sh --test-hooks`), never in the shipped module.
//!
//! It reaches the core's internals only through `customer_schema::binding`,
//! a hidden module with no stability promise; everything else it uses is
//! the core's public API. The module's `.d.ts` gets the records' types
//! from the core's field table (`build.rs` writes them with
//! `customer_schema::output::typescript`), and the issues' types from the
//! core's `tsify` feature, enabled here for wasm32.
//!
//! ## JavaScript values in, text out
//!
//! Input is read straight from the live JavaScript value by `JsSource`
//! (in `source`: a few calls per object, to a helper that catches whatever
//! it reads), so a throwing getter, a Proxy trap or a revoked Proxy becomes
//! an issue at its path instead of an exception unwinding through
//! WebAssembly. Options are read by the same helper, in one call; the
//! programmer's mistakes there throw a `TypeError`. Nothing is converted
//! wholesale first (no
//! `serde-wasm-bindgen`, no `JSON.stringify`), so values the schema will
//! strip are never touched, and what JSON cannot carry (`undefined`, `NaN`,
//! `Date`, `BigInt`, lone surrogates) is seen and reported by the rules.
//!
//! The result goes back as text, in one crossing: a valid record's as wire
//! text (its fields by index, its strings by length, read by the adapter
//! with a few string operations), any other as JSON for
//! the adapter to `JSON.parse`, which creates keys such as `__proto__` as
//! plain own data properties and so keeps `Object.prototype` clean (wire
//! text has no keys but the schema's). The exception is `parsePhone`, the
//! bulk path: a valid number comes back as numbers (see [`parse_phone`]),
//! which costs less than any text to decode.
//!
//! ## Wire protocols: which encoder goes with which decoder
//!
//! Each format below is written on one side of the boundary and read on
//! the other; the two change together. Paths are the repository's.
//!
//! | crossing | encoder | decoder |
//! |---|---|---|
//! | input values, JS → Rust | `wasm/js/source.js` (`describe`, `readKeys`, `readMembers`, `readItems`, `readOptions`; the format is documented in `wasm/src/source.rs`) | `wasm/src/source.rs` (`Description`, `read_option_pair`) |
//! | a valid record's result (`safeParse`) | `src/output/wire.rs` (`binding::safe_parse_wire`) | `pkg/src/adapter.mjs` (`fromWire`) |
//! | a batch (`safeParseMany`) | `src/output/batch.rs` (`binding::many_source_wire`, `binding::many_text_wire`) | `pkg/src/adapter.mjs` (`fromWireBatch`) |
//! | field indices of both wire texts and of `readKeys` | `src/fields.rs` (`binding::FIELD_NAMES`, `binding::FIELD_LIST`), sent by `fieldNames` and `useMemory` | `pkg/src/adapter.mjs` (`fieldNames`), `wasm/js/source.js` (`fieldNames`) |
//! | `parsePhone`'s numbers | [`parse_phone`], `pack_facts`, `error_key`, [`phone_answer`] (`wasm/src/lib.rs`) | `pkg/src/adapter.mjs` (`parsePhone`, `validPhone`, `keyedIssue`, `phoneAnswer`) |
//! | NDJSON batches (`safeParseLines`), failures, JSON Schemas, tables | JSON (`serde_json`) | `JSON.parse` |
//! | a file check's chunk (`checkLines`, Node only) | `src/output/check.rs` (`check_lines`) | `pkg/src/adapter.mjs` (`checkNdjsonBytes`), `pkg/cli/main.mjs` (the report and `--out` files) |
//!
//! ## State
//!
//! The module keeps a little state between calls (reused buffers, the last
//! phone answer, the regions already checked) in `OneThread` statics: it
//! runs on one thread.

// The module's allocator, only in the single-threaded WebAssembly module
// (see `small_blocks`; tested natively).
#[cfg(any(target_arch = "wasm32", test))]
mod small_blocks;

#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: small_blocks::SmallBlocks = small_blocks::SmallBlocks::new();

#[cfg(target_feature = "atomics")]
compile_error!("the WebAssembly module keeps state in statics: it must run on one thread");

mod one_thread;
mod source;

use customer_schema::batch;
use customer_schema::binding::{
    failure_json, many_source_wire, many_text_wire, safe_parse_json_text_wire, safe_parse_wire,
    FIELD_NAMES,
};
use customer_schema::fields::{Kind, FIELDS};
use customer_schema::json_schema::{Io, Target};
use customer_schema::problem::{PhoneProblem, Problem};
use customer_schema::record::focus::{field_issues, names_a_field, parse_path};
use customer_schema::record::form::record_from_form;
use customer_schema::rules::type_problem;
use customer_schema::rules::{address, country, language, phone, timezone};
use customer_schema::value::json_text::to_json;
use customer_schema::value::{Plan, Reader, Value};
use customer_schema::{messages, Options, SchemaKind};
use js_sys::TypeError;
use one_thread::OneThread;
use source::{read_option_pair, JsSource, OptionValue, OptionsRead};
use std::cell::Cell;
use wasm_bindgen::prelude::*;

// The records' types, written by build.rs from the field table.
#[wasm_bindgen(typescript_custom_section)]
const RECORD_TYPES: &str = include_str!(concat!(env!("OUT_DIR"), "/records.d.ts"));

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = Reflect, js_name = get)]
    fn get(target: &JsValue, key: &JsValue) -> Result<JsValue, JsValue>;
}

/// The message of a thrown value, read without trusting it.
fn thrown_message(thrown: &JsValue) -> String {
    get(thrown, &JsValue::from_str("message"))
        .ok()
        .and_then(|message| message.as_string())
        .or_else(|| thrown.as_string())
        .unwrap_or_else(|| "an exception was thrown".to_owned())
}

fn type_error(message: &str) -> JsValue {
    TypeError::new(message).into()
}

/// The options every entry point reads, one a line, in the order
/// `read_option_pair` gives them (handed to the reading helper once, with
/// the memory). (`messages`, an object, is read after them, on its own.)
const OPTION_LIST: &str = "defaultRegion\nunknownKeys\nlocale";

/// An option that must be a string, if given; `expected` is the message
/// when it is not.
fn option_text<'v>(
    value: &'v OptionValue,
    name: &str,
    expected: &str,
) -> Result<Option<&'v str>, JsValue> {
    match value {
        OptionValue::Absent => Ok(None),
        OptionValue::Text(text) => Ok(Some(text.as_str())),
        OptionValue::Pair(pair) => Ok(std::str::from_utf8(pair).ok()),
        OptionValue::NotText | OptionValue::Given => Err(type_error(expected)),
        OptionValue::Threw(message) => Err(type_error(&format!(
            "could not read options.{name}: {message}"
        ))),
    }
}

/// The code of each valid two-letter `defaultRegion` read so far, by its
/// letters (in any case, `AA` to `ZZ`): bulk calls repeat a few regions, each
/// searched for in the country table once. (All empty at start: no bytes in
/// the module.)
static REGION_CODES: OneThread<[Option<&'static str>; 26 * 26]> = OneThread::new([None; 26 * 26]);

/// The slot of [`REGION_CODES`] for two letters.
fn region_slot(pair: [u8; 2]) -> Option<&'static Cell<Option<&'static str>>> {
    let [a, b] = pair.map(|letter| letter.to_ascii_uppercase().wrapping_sub(b'A'));
    let slots: &'static Cell<[Option<&'static str>]> = &*REGION_CODES;
    let at = usize::from(a) * 26 + usize::from(b);
    slots
        .as_slice_of_cells()
        .get(at)
        .filter(|_| a < 26 && b < 26)
}

/// Reads the options object (the programmer's, so a bad one throws).
fn read_options(options: &JsValue) -> Result<Options, JsValue> {
    let mut parsed = Options::default();
    if options.is_undefined() {
        return Ok(parsed);
    }
    let read = read_option_pair(options);
    let [region, mode, locale, messages] = match read {
        OptionsRead::Absent => return Ok(parsed),
        OptionsRead::NotObject => {
            return Err(type_error(
                "options must be an object such as { defaultRegion: \"US\" }, or undefined",
            ))
        }
        OptionsRead::Values(values) => values,
    };
    // Two letters seen before: checked already.
    let known = match (&region, &mode, &locale, &messages) {
        (
            OptionValue::Pair(pair),
            OptionValue::Absent,
            OptionValue::Absent,
            OptionValue::Absent,
        ) => region_slot(*pair),
        _ => None,
    };
    if let Some(code) = known.and_then(Cell::get) {
        parsed.default_region = Some(code);
        return Ok(parsed);
    }
    if let Some(code) = option_text(
        &region,
        "defaultRegion",
        "defaultRegion must be a string such as \"US\"",
    )? {
        parsed = parsed
            .with_default_region(code)
            .map_err(|error| type_error(&error.0))?;
        if let Some(slot) = known {
            slot.set(parsed.default_region);
        }
    }
    if let Some(name) = option_text(
        &mode,
        "unknownKeys",
        "unknownKeys must be \"strip\", \"strict\" or \"passthrough\"",
    )? {
        parsed = parsed
            .with_unknown_keys(name)
            .map_err(|error| type_error(&error.0))?;
    }
    if let Some(tag) = option_text(
        &locale,
        "locale",
        "locale must be a string: a BCP 47 language tag such as \"de\"",
    )? {
        parsed = parsed
            .with_locale(tag)
            .map_err(|error| type_error(&error.0))?;
    }
    match messages {
        OptionValue::Absent => {}
        OptionValue::Threw(message) => {
            return Err(type_error(&format!(
                "could not read options.messages: {message}"
            )))
        }
        _ => parsed = read_messages(options, parsed)?,
    }
    Ok(parsed)
}

/// Reads `options.messages`, the caller's texts by message id (as a
/// field's value is read, under the same bounds), into `parsed`.
fn read_messages(options: &JsValue, mut parsed: Options) -> Result<Options, JsValue> {
    const EXPECTED: &str = "messages must be an object of message ids to texts, such as { \"postal_code.invalid\": \"…\" }";
    let given =
        js_sys::Reflect::get(options, &JsValue::from_str("messages")).map_err(|thrown| {
            type_error(&format!(
                "could not read options.messages: {}",
                thrown_message(&thrown)
            ))
        })?;
    let Value::Object(members) = Reader::new(true).read(JsSource::Raw(given), Plan::Whole, 0)
    else {
        return Err(type_error(EXPECTED));
    };
    for (id, text) in &members {
        let Value::String(text) = text else {
            return Err(type_error(&format!("messages.{}: {EXPECTED}", &**id)));
        };
        parsed = parsed
            .with_message(id, text)
            .map_err(|error| type_error(&error.0))?;
    }
    Ok(parsed)
}

/// Checks one phone number, for the adapter's `parsePhone`. Bulk phone
/// checks are the hot path, where turning a result into text and back (or
/// JSON) cost more than the parse, so a valid number comes back as numbers:
/// the answer is its E.164 digits as a number (`14155552671`), and
/// [`phone_facts`] gives the rest. An invalid one comes back as `-1 - key`,
/// its [`error_key`]: the same key always has the same issue, whose line
/// [`phone_answer`] gives (so the adapter asks for a key's line once, and
/// no message is written for an error seen before). Otherwise the answer
/// is 0 and [`phone_answer`] gives a text: `{…}`, the JSON of the result (input that
/// is not a string, or a string the reader refuses: longer than the
/// `phone_number` field takes, or with a lone surrogate);
/// `!invalid_format string phone MESSAGE`, the one issue of an
/// invalid number; or the E.164 text of a valid number too long to be
/// exact as a number (its facts still from `phone_facts`). `options` takes
/// `defaultRegion` only; a bad one throws a `TypeError` as in `safeParse`.
/// The input is read as a field's value is, under the same bounds: a huge
/// string is refused by its length, never copied.
#[wasm_bindgen(js_name = parsePhone)]
pub fn parse_phone(input: JsValue, options: JsValue) -> Result<f64, JsValue> {
    let options = read_options(&options)?;
    Ok(
        match Reader::new(false).read(JsSource::Raw(input), Plan::Whole, 0) {
            Value::String(text) => check_phone(&text, &options),
            other => {
                let issue = type_problem("string", &other).at_in(Vec::new(), &options.messages);
                PHONE_ANSWER.set(Answer::Text(failure_json(&issue)));
                0.0
            }
        },
    )
}

/// `parsePhone` for input that is a short string (the adapter's choice
/// for a string of a phone number's length): the text crosses once, as an
/// argument, instead of being fetched back from JavaScript.
#[wasm_bindgen(js_name = parsePhoneText)]
pub fn parse_phone_text(input: &str, options: JsValue) -> Result<f64, JsValue> {
    let options = read_options(&options)?;
    Ok(check_phone(input, &options))
}

/// The facts of the last valid number (see [`phone_facts`]).
static PHONE_FACTS: OneThread<u32> = OneThread::new(0);
/// What `phoneAnswer` gives for the last `parsePhone` that answered 0 or an
/// error key. One slot for both, set by every such call: an error kept
/// from an earlier call must never stand in for a later text.
static PHONE_ANSWER: OneThread<Answer> = OneThread::new(Answer::Text(String::new()));

enum Answer {
    Text(String),
    /// Written out only if the adapter asks (the first time it sees the key).
    Error(PhoneProblem),
}

/// Below 2^53 every whole number is exact as a JavaScript number.
const EXACT_NUMBERS: u64 = 1 << 53;

/// The answer of `parsePhone` for text (see [`parse_phone`]). The input is
/// trimmed first, as the `phone_number` field is.
fn check_phone(input: &str, options: &Options) -> f64 {
    let phone = match phone::normalize_phone(input.trim(), options.default_region) {
        Ok(phone) => phone,
        Err(Problem::Phone(error)) => {
            // A key stands for its English message (the adapter keeps each
            // key's line): other words go out as text.
            let key = error_key(&error).filter(|_| options.messages.is_english());
            return match key {
                Some(key) => {
                    PHONE_ANSWER.set(Answer::Error(error));
                    -1.0 - f64::from(key)
                }
                None => {
                    PHONE_ANSWER.set(Answer::Text(issue_line(error, &options.messages)));
                    0.0
                }
            };
        }
        // (Never: the phone rule refuses a number with a phone problem.)
        Err(other) => {
            let issue = other.at_in(Vec::new(), &options.messages);
            PHONE_ANSWER.set(Answer::Text(failure_json(&issue)));
            return 0.0;
        }
    };
    PHONE_FACTS.set(pack_facts(&phone));
    // The digits after `+` as a number: at most 16 of them cannot overflow
    // (no general number parser, no 128-bit multiplication).
    let digits = phone.e164.as_bytes().get(1..).unwrap_or_default();
    let value = digits.iter().fold(0u64, |n, &digit| {
        n.wrapping_mul(10)
            .wrapping_add(u64::from(digit.wrapping_sub(b'0')))
    });
    if digits.len() <= 16 && value < EXACT_NUMBERS {
        value as f64
    } else {
        PHONE_ANSWER.set(Answer::Text(phone.e164));
        0.0
    }
}

/// The line of an invalid number's one issue: `!CODE ORIGIN FORMAT MESSAGE`.
fn issue_line(error: PhoneProblem, messages: &customer_schema::messages::Messages) -> String {
    let mut line = String::from("!invalid_format string phone ");
    line.push_str(&Problem::Phone(error).message_at(&[], messages));
    line
}

/// An invalid number's error as a whole number below 2^26, one per error
/// (so per message): bits 0–3 the kind of error, then what its message
/// names (a character; a region's two letters, five bits each, `A` = 1; a
/// calling code). `None` for an error with a region that is not two
/// capital letters, which never happens (the answer is then the text).
fn error_key(error: &PhoneProblem) -> Option<u32> {
    let code = |code: u16| u32::from(code.min(1023));
    Some(match error {
        PhoneProblem::NoDigits => 0,
        PhoneProblem::Letters => 1,
        PhoneProblem::Extension => 2,
        PhoneProblem::MisplacedPlus => 3,
        PhoneProblem::TooLong => 4,
        PhoneProblem::TooShort => 5,
        PhoneProblem::UnknownCountryCode => 6,
        PhoneProblem::Character(c) => 7 | u32::from(*c) << 4,
        PhoneProblem::NoPlanForRegion(region) => 8 | region_bits(region)? << 4,
        PhoneProblem::NotValid {
            region: Some(region),
            code: calling_code,
        } => 9 | region_bits(region)? << 4 | code(*calling_code) << 14,
        PhoneProblem::NotValid {
            region: None,
            code: calling_code,
        } => 10 | code(*calling_code) << 4,
        PhoneProblem::NotValidWithoutPlus {
            code: Some(calling_code),
        } => 11 | code(*calling_code) << 4,
        PhoneProblem::NotValidWithoutPlus { code: None } => 12,
        PhoneProblem::TextAround => 13,
        PhoneProblem::PhoneContext => 14,
    })
}

/// A region's two capital letters in ten bits, five each, `A` = 1 (as
/// [`pack_facts`] and [`error_key`] give them to the adapter); `None` for
/// anything else.
fn region_bits(region: &str) -> Option<u32> {
    match *region.as_bytes() {
        [a @ b'A'..=b'Z', b @ b'A'..=b'Z'] => {
            Some(u32::from(a - b'A' + 1) << 5 | u32::from(b - b'A' + 1))
        }
        _ => None,
    }
}

/// A valid number's facts in one whole number: bits 0–3 its type (the index
/// in `phoneTypes()`), 4–13 its calling code, 14–23 its region as two
/// letters of five bits (`A` = 1; 0 when it has none, as `+800`).
fn pack_facts(phone: &phone::Phone) -> u32 {
    let region = phone.region.and_then(region_bits).unwrap_or(0);
    phone.kind as u32 | u32::from(phone.country_code.min(1023)) << 4 | region << 14
}

/// The facts of the number the last `parsePhone` found valid (see
/// [`pack_facts`]).
#[wasm_bindgen(js_name = phoneFacts)]
pub fn phone_facts() -> u32 {
    PHONE_FACTS.get()
}

/// The text answer of the last `parsePhone` that answered 0, or the issue
/// line of the last one that answered an error key (see [`parse_phone`]);
/// taken, so asked for once.
#[wasm_bindgen(js_name = phoneAnswer)]
pub fn phone_answer() -> String {
    match PHONE_ANSWER.replace(Answer::Text(String::new())) {
        Answer::Error(error) => issue_line(error, &Default::default()),
        Answer::Text(text) => text,
    }
}

/// The record a form's entries describe (see the core's
/// `record::form`): `entries` is the JSON text of `[[name, text], …]`, the
/// answer the record's JSON text. Throws a `TypeError` for anything else.
#[wasm_bindgen(js_name = fromFormEntries)]
pub fn from_form_entries(schema: &str, entries: &str) -> Result<String, JsValue> {
    let kind = schema_kind(schema)?;
    // Read as a JSON value and walked (a typed serde parse would link its
    // error messages' float formatting into the module: 16 kB).
    let refused = || type_error("form entries must be [name, text] pairs");
    let entries = to_json(entries).ok_or_else(refused)?;
    let mut pairs = Vec::new();
    for pair in entries.as_array().ok_or_else(refused)? {
        match pair.as_array().map(Vec::as_slice) {
            Some([serde_json::Value::String(name), serde_json::Value::String(text)]) => {
                pairs.push((name.as_str(), text.as_str()));
            }
            _ => return Err(refused()),
        }
    }
    Ok(record_from_form(kind, pairs).to_string())
}

/// The issues and warnings of `input` that concern the field at `path`
/// (see the core's `record::focus`), as JSON text `{issues, warnings}`.
/// `path` is keys joined by `.` or the JSON text of an array, naming a field
/// of the record (see `focus::names_a_field`); a bad one, a bad schema name
/// or bad options throw a `TypeError`.
#[wasm_bindgen(js_name = validateField)]
pub fn validate_field(
    schema: &str,
    path: &str,
    input: JsValue,
    options: JsValue,
) -> Result<String, JsValue> {
    let kind = schema_kind(schema)?;
    let text = path;
    let path = parse_path(text).ok_or_else(|| {
        type_error("path must be keys joined by \".\" or an array of keys and indexes")
    })?;
    let options = read_options(&options)?;
    if !names_a_field(kind, &path, &options) {
        return Err(type_error(&format!(
            "path must name a field of the record, such as \"address.city\", not {}",
            described(&JsValue::from_str(text))
        )));
    }
    let found = field_issues(kind, JsSource::Raw(input), &options, &path);
    Ok(serde_json::to_string(&found).unwrap_or_else(|_| "{\"issues\":[],\"warnings\":[]}".into()))
}

/// Reads `options` as every entry point does: throws the `TypeError` a bad
/// one gets (for `withOptions`, which checks the options it binds).
#[wasm_bindgen(js_name = checkOptions)]
pub fn check_options(options: JsValue) -> Result<(), JsValue> {
    read_options(&options).map(|_| ())
}

/// Adds a batch summary into a running one: both are the JSON text of a
/// batch result's `summary`; the answer is the sum's. Throws a `TypeError`
/// when either is not a summary (the programmer's mistake, not input data).
/// Node only (feature `node`): the package's `mergeSummary` is in the Node
/// entry alone.
#[cfg(feature = "node")]
#[wasm_bindgen(js_name = mergeSummaries)]
pub fn merge_summaries(into: &str, summary: &str) -> Result<String, JsValue> {
    let read = |text: &str, message: &str| {
        to_json(text)
            .as_ref()
            .and_then(customer_schema::Summary::from_json)
            .ok_or_else(|| type_error(message))
    };
    let mut total = read(into, "into must be a batch summary")?;
    total.merge(&read(summary, "summary must be a batch summary")?);
    serde_json::to_string(&total).map_err(|_| type_error("the summary could not be written"))
}

/// A file check's chunk of NDJSON, bytes in and bytes out (the command
/// line's `check`): see the core's `output::check::check_lines` for the
/// answer's three parts. `first_line` numbers the chunk's first line. A
/// chunk that is not UTF-8 answers one byte 0x03 and then the offset of the
/// first bad byte as decimal digits. Throws a `TypeError` for a bad schema
/// name or bad options. Node only (feature `node`).
#[cfg(feature = "node")]
#[wasm_bindgen(js_name = checkLines)]
pub fn check_lines(
    schema: &str,
    bytes: &[u8],
    first_line: JsValue,
    options: JsValue,
    want_out: bool,
) -> Result<Vec<u8>, JsValue> {
    let kind = schema_kind(schema)?;
    let first_line = line_number(&first_line)?;
    let options = read_options(&options)?;
    Ok(
        customer_schema::output::check::check_lines(kind, bytes, first_line, &options, want_out)
            .unwrap_or_else(|offset| {
                let mut answer = vec![0x03];
                answer.extend_from_slice(offset.to_string().as_bytes());
                answer
            }),
    )
}

/// `schema` is `"customer"`, `"create"` or `"update"`. Returns the result
/// as text: the wire text of a valid record (`~…`, see the core's
/// `src/output/wire.rs`), or JSON; throws a `TypeError` for a bad schema
/// name or bad options. Input data never makes it throw.
#[wasm_bindgen(js_name = safeParse)]
pub fn safe_parse(schema: &str, input: JsValue, options: JsValue) -> Result<String, JsValue> {
    let kind = schema_kind(schema)?;
    let options = read_options(&options)?;
    Ok(safe_parse_wire(kind, JsSource::Raw(input), &options))
}

/// Validates one record given as JSON text: `text` is a string or a
/// `Uint8Array` of UTF-8 (a request body as received), parsed here, not by
/// JavaScript (the adapter escapes a string's lone surrogates, which the
/// crossing would turn into U+FFFD). Returns the result as `safeParse`
/// does; throws a `TypeError` for any other `text`, a bad schema name or bad
/// options.
#[wasm_bindgen(js_name = safeParseJson)]
pub fn safe_parse_json(schema: &str, text: JsValue, options: JsValue) -> Result<String, JsValue> {
    let kind = schema_kind(schema)?;
    let options = read_options(&options)?;
    if let Some(text) = text.as_string() {
        return Ok(safe_parse_json_text_wire(kind, text.as_bytes(), &options));
    }
    if let Some(bytes) = text.dyn_ref::<js_sys::Uint8Array>() {
        return Ok(safe_parse_json_text_wire(kind, &bytes.to_vec(), &options));
    }
    Err(type_error("text must be a string or a Uint8Array of JSON"))
}

/// The record's field names, one per line, in the order wire text numbers
/// them.
#[wasm_bindgen(js_name = fieldNames)]
pub fn field_names() -> String {
    FIELD_NAMES.to_owned()
}

fn schema_kind(schema: &str) -> Result<SchemaKind, JsValue> {
    SchemaKind::from_name(schema).ok_or_else(|| {
        type_error(&format!(
            "schema must be \"customer\", \"create\" or \"update\", not {schema:?}"
        ))
    })
}

/// Validates many records in one call: `records` is an array (read in
/// place) or the JSON text of one (parsed here). Returns
/// `{ results, summary, error? }` as wire text (see the core's `src/output/batch.rs`).
#[wasm_bindgen(js_name = safeParseMany)]
pub fn safe_parse_many(
    schema: &str,
    records: JsValue,
    options: JsValue,
) -> Result<String, JsValue> {
    let kind = schema_kind(schema)?;
    let options = read_options(&options)?;
    Ok(match records.as_string() {
        Some(text) => many_text_wire(kind, &text, &options),
        None => many_source_wire(kind, JsSource::Raw(records), &options),
    })
}

/// Validates NDJSON text, one record per line, lines numbered from
/// `first_line`: the streaming API's unit of work.
#[wasm_bindgen(js_name = safeParseLines)]
pub fn safe_parse_lines(
    schema: &str,
    text: &str,
    first_line: JsValue,
    options: JsValue,
) -> Result<String, JsValue> {
    let kind = schema_kind(schema)?;
    let first_line = line_number(&first_line)?;
    let options = read_options(&options)?;
    Ok(batch::lines_json(kind, text, first_line, &options))
}

/// The number of a chunk's first line: a whole number from 1 up to the
/// largest JavaScript counts exactly (later lines saturate there). Anything
/// else is the caller's mistake, a `TypeError` that names the argument.
fn line_number(first_line: &JsValue) -> Result<u64, JsValue> {
    use customer_schema::batch::MAX_LINE;
    match first_line.as_f64() {
        Some(n) if n.fract() == 0.0 && (1.0..=MAX_LINE as f64).contains(&n) => Ok(n as u64),
        _ => Err(type_error(&format!(
            "firstLine must be a whole number from 1 to {MAX_LINE}, not {}",
            described(first_line)
        ))),
    }
}

/// A short description of a bad argument, for its `TypeError`: a number or
/// a short string as written, else its type.
fn described(value: &JsValue) -> String {
    if let Some(n) = value.as_f64() {
        return js_sys::Number::from(n)
            .to_string_with_radix(10)
            .map(String::from)
            .unwrap_or_else(|_| "a number".to_owned());
    }
    match value.as_string() {
        Some(text) if text.chars().count() <= 40 => format!("{text:?}"),
        Some(_) => "a long string".to_owned(),
        None if value.is_null() => "null".to_owned(),
        None => value.js_typeof().as_string().unwrap_or_default(),
    }
}

/// The JSON Schema of a schema's `io` (`"input"` or `"output"`, the
/// default) for a `target` (`"draft-2020-12"`, the default, or
/// `"draft-07"`), as JSON text. Of the options only `unknownKeys` matters.
/// A setting of another value or type is a `TypeError` that names it.
#[wasm_bindgen(js_name = jsonSchema)]
pub fn json_schema(
    schema: &str,
    io: JsValue,
    target: JsValue,
    options: JsValue,
) -> Result<String, JsValue> {
    let kind = schema_kind(schema)?;
    let io = match io.as_string() {
        None if io.is_undefined() => Some(Io::Output),
        Some(name) => Io::from_name(&name),
        None => None,
    }
    .ok_or_else(|| {
        type_error(&format!(
            "io must be \"input\" or \"output\", not {}",
            described(&io)
        ))
    })?;
    let target = match target.as_string() {
        None if target.is_undefined() => Some(Target::default()),
        Some(name) => Target::from_name(&name),
        None => None,
    }
    .ok_or_else(|| {
        type_error(&format!(
            "target must be \"draft-2020-12\" or \"draft-07\", not {}",
            described(&target)
        ))
    })?;
    let options = read_options(&options)?;
    Ok(customer_schema::json_schema::json_schema(kind, io, target, &options).to_string())
}

/// Two records, as a JSON array: one that goes through every rule (a
/// national phone number, every text, enum and table field, nested address
/// and custom fields; its result, with warnings, is JSON), and the source
/// document's example customer, whose result is wire text. The adapter
/// validates them at load through the public API: V8 compiles WebAssembly
/// (and JavaScript) functions lazily, on first call, so without this the
/// caller's first `safeParse` would pay tens of milliseconds of compiling
/// that its tenth does not. (V8 also makes a new hidden class for each new
/// sequence of keys the adapter gives a result, about 70 µs the first time
/// on this machine: the example's sequence is made here.) (Static text,
/// a data file beside this one: building it with `json!` cost 8 kB of
/// code.)
const WARM_UP_RECORDS: &str = include_str!("warm_up_records.json");

#[wasm_bindgen(js_name = __warmUpRecords)]
pub fn warm_up_records() -> String {
    WARM_UP_RECORDS.to_owned()
}

/// Every IANA time zone name, in database spelling, as JSON text (an array
/// of strings crossing as JSON needs no array-building code in the module).
#[wasm_bindgen(js_name = timeZones)]
pub fn time_zones() -> String {
    let names: Vec<&str> = timezone::time_zone_names().collect();
    serde_json::to_string(&names).unwrap_or_else(|_| "[]".to_owned())
}

/// The tz database release the time zone names come from.
#[wasm_bindgen(js_name = tzdataVersion)]
pub fn tzdata_version() -> String {
    timezone::TZDATA_VERSION.to_owned()
}

/// The libphonenumber metadata release the phone numbering plans come from.
#[wasm_bindgen(js_name = phoneMetadataVersion)]
pub fn phone_metadata_version() -> String {
    customer_schema::rules::phone::PHONE_METADATA_VERSION.to_owned()
}

/// A valid phone number written as libphonenumber writes it (`format`:
/// `"national"`, `"international"` or `"rfc3966"`); `None` (JavaScript
/// `undefined`) when the number is not a valid one. A bad format name is a
/// `TypeError`.
#[wasm_bindgen(js_name = formatPhone)]
pub fn format_phone(number: &str, format: &str) -> Result<Option<String>, JsValue> {
    let how = customer_schema::options::phone_format(format).map_err(|e| type_error(&e.0))?;
    Ok(phone::format_phone(number, how).ok())
}

/// The as-you-type formatter, for the adapter's `phoneAsYouType`: what
/// libphonenumber's `AsYouTypeFormatter` shows once `text` was typed into
/// it, in `region`: what the `defaultRegion` option takes, or a country as
/// `address.country` takes it (the schema reads national numbers in either),
/// or `""` for none (then only numbers typed with `+` are formatted, as
/// libphonenumber's formatter does for an unknown region); anything else is
/// a `TypeError`. With `field`, `text` is a phone input's current text,
/// formatted anew from its digits (see the core's
/// `rules::phone::as_you_type_field`).
#[wasm_bindgen(js_name = phoneAsYouType)]
pub fn phone_as_you_type(region: &str, text: &str, field: bool) -> Result<String, JsValue> {
    let region = if region.is_empty() {
        ""
    } else {
        let country = country::normalize_country(region.trim()).unwrap_or(region);
        Options::default()
            .with_default_region(country)
            .map_err(|e| type_error(&e.0))?
            .default_region
            .unwrap_or_default()
    };
    Ok(if field {
        phone::as_you_type_field(text, region)
    } else {
        phone::as_you_type(text, region)
    })
}

/// The phone number types as JSON text, in the order `phoneFacts` numbers
/// them:
/// `["MOBILE","FIXED_LINE_OR_MOBILE",…]`.
#[wasm_bindgen(js_name = phoneTypes)]
pub fn phone_types() -> String {
    let names: Vec<&str> = phone::NumberKind::ALL.map(phone::NumberKind::name).to_vec();
    serde_json::to_string(&names).unwrap_or_else(|_| "[]".to_owned())
}

/// ISO 639-1 languages as JSON text: `[["en","English"], …]`.
#[wasm_bindgen(js_name = languages)]
pub fn languages(locale: Option<String>) -> Result<String, JsValue> {
    let names = catalogue_for(locale)?;
    let list: Vec<(&str, &str)> = language::languages()
        .iter()
        .map(|&(code, name)| (code, names.language_name(code).unwrap_or(name)))
        .collect();
    Ok(serde_json::to_string(&list).unwrap_or_else(|_| "[]".to_owned()))
}

/// ISO 3166-1 countries as JSON text: `[["US","USA","United States"], …]`.
#[wasm_bindgen(js_name = countries)]
pub fn countries(locale: Option<String>) -> Result<String, JsValue> {
    let names = catalogue_for(locale)?;
    let list: Vec<(&str, &str, &str)> = country::countries()
        .iter()
        .map(|&(alpha2, alpha3, name)| (alpha2, alpha3, names.country_name(alpha2).unwrap_or(name)))
        .collect();
    Ok(serde_json::to_string(&list).unwrap_or_else(|_| "[]".to_owned()))
}

/// The catalogue a `locale` argument names (English when absent); a
/// malformed tag throws the `TypeError` the option gets.
fn catalogue_for(locale: Option<String>) -> Result<&'static messages::Catalogue, JsValue> {
    match locale {
        None => Ok(messages::english()),
        Some(tag) => messages::resolve(&tag).map_err(|error| type_error(&error.0)),
    }
}

/// The shipped catalogue `loadLocale(locale)` loads: its tag (`"de"` for
/// `"de-AT"`), or `""` when the locale falls back to English, which is
/// built in. A malformed tag throws a `TypeError` naming `locale`.
#[wasm_bindgen(js_name = localeToLoad)]
pub fn locale_to_load(locale: &str) -> Result<String, JsValue> {
    let shipped = messages::shipped_for(locale).map_err(|error| type_error(&error.0))?;
    Ok(shipped.unwrap_or_default().to_owned())
}

/// Hands the module a shipped catalogue: `messages` and `names` are the
/// texts of its data module (`locales/<tag>.mjs`); read on first use.
#[wasm_bindgen(js_name = registerLocale)]
pub fn register_locale(tag: &str, messages: String, names: String) -> Result<(), JsValue> {
    messages::register(tag, messages, names).map_err(|error| type_error(&error))
}

/// How a country (code or English name) writes its postal codes, as JSON
/// text: `{"country":"US","kind":"zip","examples":["95014",…],"pattern":"…"}`,
/// or `null` where it has no pattern.
#[wasm_bindgen(js_name = postalCodeFormat)]
pub fn postal_code_format(country: &str) -> String {
    serde_json::to_string(&address::postal_code_format(country)).unwrap_or_else(|_| "null".into())
}

/// The subdivisions `address.state` must name in a country (code or
/// English name), as JSON text: `[{"key":"AL","name":"Alabama",
/// "isoCode":"US-AL"},…]`; `[]` where the state is free text.
#[wasm_bindgen(js_name = subdivisions)]
pub fn subdivisions(country: &str) -> String {
    serde_json::to_string(&address::subdivisions(country)).unwrap_or_else(|_| "[]".into())
}

/// The enumerations' values as JSON text, by field (every field of the
/// table whose kind is a choice):
/// `{"preferred_contact_method":["EMAIL",…],…}`.
#[wasm_bindgen(js_name = enumValues)]
pub fn enum_values() -> String {
    let mut choices = serde_json::Map::new();
    for field in FIELDS {
        if let Kind::Choice(names) = field.kind {
            choices.insert(field.name.to_owned(), serde_json::json!(names));
        }
    }
    serde_json::Value::Object(choices).to_string()
}

/// TEST-ONLY (the `test-hooks` feature, never in the shipped module):
/// traps the WebAssembly instance (the `unreachable` instruction, what a
/// panic or a stack overflow comes to), so the tests can prove that the JS
/// adapter survives a trap: it restarts the instance and reports an
/// internal error instead of throwing. No panic machinery is linked in for
/// it.
#[cfg(all(feature = "test-hooks", target_arch = "wasm32"))]
#[wasm_bindgen(js_name = __trapForTest)]
pub fn trap_for_test() {
    core::arch::wasm32::unreachable();
}
