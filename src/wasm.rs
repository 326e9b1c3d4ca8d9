//! The WebAssembly boundary: JavaScript values in, JSON text out.
//!
//! Input is read straight from the live JavaScript value by [`JsSource`]
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
//! The result goes back as JSON text for the adapter to `JSON.parse`: one
//! crossing, and `JSON.parse` creates keys such as `__proto__` as plain own
//! data properties, which keeps `Object.prototype` clean.

use crate::batch;
use crate::issue::{failure_json, Issue};
use crate::json_schema::{Io, Target};
use crate::options::Options;
use crate::rules::{country, language, phone, timezone};
use crate::schema::{safe_parse_json, SchemaKind};
use crate::types::{BestTimeToCall, PreferredContactMethod};
use crate::value::{Plan, Reader};
use js_sys::TypeError;
use wasm_bindgen::prelude::*;

mod source;

use source::{read_option_pair, JsSource, OptionValue, OptionsRead};

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

/// The option names as JavaScript strings, made once: creating a JS string
/// from Rust decodes it, a cost every call with options would pay again.
struct OptionNames {
    default_region: JsValue,
    unknown_keys: JsValue,
}

thread_local! {
    static OPTION_NAMES: OptionNames = OptionNames {
        default_region: JsValue::from_str("defaultRegion"),
        unknown_keys: JsValue::from_str("unknownKeys"),
    };
}

/// Reads the options object (the programmer's, so a bad one throws).
fn read_options(options: &JsValue) -> Result<Options, JsValue> {
    let mut parsed = Options::default();
    if options.is_undefined() {
        return Ok(parsed);
    }
    let read = OPTION_NAMES
        .with(|names| read_option_pair(options, &names.default_region, &names.unknown_keys));
    let [region, mode] = match read {
        OptionsRead::Absent => return Ok(parsed),
        OptionsRead::NotObject => return Err(type_error("options must be an object")),
        OptionsRead::Values(values) => values,
    };
    let text = |value: OptionValue, name: &str, expected: &str| match value {
        OptionValue::Absent => Ok(None),
        OptionValue::Text(text) => Ok(Some(text)),
        OptionValue::NotText => Err(type_error(expected)),
        OptionValue::Threw(message) => Err(type_error(&format!(
            "could not read options.{name}: {message}"
        ))),
    };
    if let Some(code) = text(
        region,
        "defaultRegion",
        "defaultRegion must be a string such as \"US\"",
    )? {
        parsed = parsed
            .with_default_region(&code)
            .map_err(|error| type_error(&error.0))?;
    }
    if let Some(name) = text(
        mode,
        "unknownKeys",
        "unknownKeys must be \"strip\", \"strict\" or \"passthrough\"",
    )? {
        parsed = parsed
            .with_unknown_keys(&name)
            .map_err(|error| type_error(&error.0))?;
    }
    Ok(parsed)
}

/// Checks one phone number: the text of `crate::rules::phone::check_phone_text`
/// (a compact line when valid, JSON when not). `input` that is not a string
/// gets an `invalid_type` issue; `options` takes `defaultRegion` only, and a
/// bad one throws a `TypeError` as in `safeParse`.
#[wasm_bindgen(js_name = parsePhone)]
pub fn parse_phone(input: JsValue, options: JsValue) -> Result<String, JsValue> {
    let options = read_options(&options)?;
    Ok(match input.as_string() {
        Some(text) => phone::check_phone_text(&text, options.default_region),
        None => {
            let value = Reader::new(false).read(JsSource::Raw(input), Plan::Whole, 0);
            // JSON (the adapter reads a text starting with `{` as JSON).
            failure_json(&Issue::invalid_type(
                Vec::new(),
                "string",
                value.type_name(),
            ))
        }
    })
}

/// `parsePhone` for input that is a string (the adapter's choice when
/// `typeof input === "string"`): the text crosses once, as an argument,
/// instead of being fetched back from JavaScript.
#[wasm_bindgen(js_name = parsePhoneText)]
pub fn parse_phone_text(input: &str, options: JsValue) -> Result<String, JsValue> {
    let options = read_options(&options)?;
    Ok(phone::check_phone_text(input, options.default_region))
}

/// `schema` is `"customer"`, `"create"` or `"update"`. Returns the JSON text
/// of the result; throws a `TypeError` for a bad schema name or bad options.
/// Input data never makes it throw.
#[wasm_bindgen(js_name = safeParse)]
pub fn safe_parse(schema: &str, input: JsValue, options: JsValue) -> Result<String, JsValue> {
    let kind = schema_kind(schema)?;
    let options = read_options(&options)?;
    Ok(safe_parse_json(kind, JsSource::Raw(input), &options))
}

fn schema_kind(schema: &str) -> Result<SchemaKind, JsValue> {
    SchemaKind::from_name(schema).ok_or_else(|| {
        type_error(&format!(
            "schema must be \"customer\", \"create\" or \"update\", not {schema:?}"
        ))
    })
}

/// Validates many records in one call: `records` is an array (read in
/// place) or the JSON text of one (parsed here). Returns the JSON text of
/// `{ results, summary, error? }` (see `crate::batch`).
#[wasm_bindgen(js_name = safeParseMany)]
pub fn safe_parse_many(
    schema: &str,
    records: JsValue,
    options: JsValue,
) -> Result<String, JsValue> {
    let kind = schema_kind(schema)?;
    let options = read_options(&options)?;
    Ok(match records.as_string() {
        Some(text) => batch::many_text_json(kind, &text, &options),
        None => batch::many_source_json(kind, JsSource::Raw(records), &options),
    })
}

/// Validates NDJSON text, one record per line, lines numbered from
/// `first_line`: the streaming API's unit of work.
#[wasm_bindgen(js_name = safeParseLines)]
pub fn safe_parse_lines(
    schema: &str,
    text: &str,
    first_line: f64,
    options: JsValue,
) -> Result<String, JsValue> {
    let kind = schema_kind(schema)?;
    let options = read_options(&options)?;
    // `as` saturates: a negative or NaN start is line 0, never a panic.
    Ok(batch::lines_json(kind, text, first_line as usize, &options))
}

/// The JSON Schema of a schema's `io` (`"input"` or `"output"`) for a
/// `target` (`"draft-2020-12"` or `"draft-07"`), as JSON text. Of the
/// options only `unknownKeys` matters.
#[wasm_bindgen(js_name = jsonSchema)]
pub fn json_schema(
    schema: &str,
    io: &str,
    target: &str,
    options: JsValue,
) -> Result<String, JsValue> {
    let kind = schema_kind(schema)?;
    let io = Io::from_name(io)
        .ok_or_else(|| type_error(&format!("io must be \"input\" or \"output\", not {io:?}")))?;
    let target = Target::from_name(target).ok_or_else(|| {
        type_error(&format!(
            "target must be \"draft-2020-12\" or \"draft-07\", not {target:?}"
        ))
    })?;
    let options = read_options(&options)?;
    Ok(crate::json_schema::json_schema(kind, io, target, &options).to_string())
}

/// A record that goes through every rule (a national phone number, every
/// text, enum and table field, nested address and custom fields), as JSON
/// text. The adapter validates it once at load through the public API: V8
/// compiles WebAssembly (and JavaScript) functions lazily, on first call, so
/// without this the caller's first `safeParse` would pay tens of
/// milliseconds of compiling that its tenth does not. (Static text: building
/// it with `json!` cost 8 kB of code.)
const WARM_UP_RECORD: &str = concat!(
    r#"{"id":"cust_1","customerId":"c1","channelId":" web ","#,
    r#""phone_number":"020 7946 0958","firstname":" Jane ","lastname":"Doe","#,
    r#""company":"ACME","timezone":"europe/london","email":"Jane@Example.COM","#,
    r#""preferred_language":"en-GB","preferred_contact_method":"sms","#,
    r#""best_time_to_call":"morning","notes":"","tags":["vip","vip"],"#,
    r#""custom_fields":{"a":[1,true,null]},"isValidatedNames":true,"#,
    r#""createdAt":1709856000,"updatedAt":1709856000000,"unknown":1,"#,
    r#""address":{"street":"1 Main St","city":"London","state":"LDN","#,
    r#""postalCode":"SW1A 1AA","country":"United Kingdom"}}"#,
);

#[wasm_bindgen(js_name = __warmUpRecord)]
pub fn warm_up_record() -> String {
    WARM_UP_RECORD.to_owned()
}

/// Every IANA time zone name, in database spelling.
#[wasm_bindgen(js_name = timeZones)]
pub fn time_zones() -> Vec<String> {
    timezone::time_zone_names().map(str::to_owned).collect()
}

/// The tz database release the time zone names come from.
#[wasm_bindgen(js_name = tzdataVersion)]
pub fn tzdata_version() -> String {
    timezone::TZDATA_VERSION.to_owned()
}

/// ISO 639-1 languages as JSON text: `[["en","English"], …]`.
#[wasm_bindgen(js_name = languages)]
pub fn languages() -> String {
    serde_json::to_string(language::languages()).unwrap_or_else(|_| "[]".to_owned())
}

/// ISO 3166-1 countries as JSON text: `[["US","USA","United States"], …]`.
#[wasm_bindgen(js_name = countries)]
pub fn countries() -> String {
    serde_json::to_string(country::countries()).unwrap_or_else(|_| "[]".to_owned())
}

/// The enumerations' values as JSON text:
/// `{"preferred_contact_method":["EMAIL",…],"best_time_to_call":[…]}`.
#[wasm_bindgen(js_name = enumValues)]
pub fn enum_values() -> String {
    fn names<T>(variants: &[(&'static str, T)]) -> Vec<&'static str> {
        variants.iter().map(|(name, _)| *name).collect()
    }
    let list = |names| serde_json::to_string(&names).unwrap_or_else(|_| "[]".into());
    format!(
        r#"{{"preferred_contact_method":{},"best_time_to_call":{}}}"#,
        list(names(PreferredContactMethod::VARIANTS)),
        list(names(BestTimeToCall::VARIANTS)),
    )
}

/// TEST-ONLY: traps the WebAssembly instance (a panic, which aborts to
/// `unreachable` under `panic = "abort"`), so the Node tests can prove that
/// the JS adapter survives a trap: it restarts the instance and reports an
/// internal error instead of throwing. Not part of the public API.
#[wasm_bindgen(js_name = __trapForTest)]
pub fn trap_for_test() {
    panic!("customer-schema: __trapForTest called (test-only)");
}
