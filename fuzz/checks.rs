//! The properties the fuzz targets check, in one place: the fuzz crate
//! (`fuzz/fuzz_targets/*.rs`, libFuzzer on nightly) and the stable test
//! `tests/fuzz_corpus.rs` (which replays the committed corpus under
//! `cargo test`) both compile this file, so a corpus file checks exactly
//! what the fuzzer checked when it kept it.
//!
//! Each check takes the fuzzer's bytes, decodes them into an input (the
//! encodings are documented at each check, and `fuzz/seed.py` writes
//! them), and panics when a property fails. The properties:
//!
//! - **no panic** anywhere reachable from input (the library's rule);
//! - **agreement**: two paths that must give the same answer do, byte for
//!   byte (the JSON text reader against `serde_json`'s tree; a JavaScript
//!   value, modelled natively, against the JSON text of the same data; a
//!   rule called alone against the same value inside a record);
//! - **idempotence**: what the library writes, read again, is written the
//!   same (a valid record's data is valid and unchanged; a normalised
//!   phone number, postal code or state normalises to itself).
//!
//! Only what the code guarantees is asserted; where a property does not
//! hold by design, the check says so next to where it stops asserting.

use customer_schema::input::json_text::JsonText;
use customer_schema::input::{
    next_wanted, ArraySource, Foreign, Items, Key, Keyed, Members, ObjectSource, Shape, Source,
    Value, Want, MAX_STRING_UNITS,
};
use customer_schema::output::{safe_parse_json, safe_parse_json_text_wire, safe_parse_wire};
use customer_schema::rules::{address, country, phone, text};
use customer_schema::{Options, PathItem, Problem, SchemaKind, UnknownKeys};
use serde_json::{json, Value as Json};

/// The schemas, by a selector's value modulo 3.
const KINDS: [SchemaKind; 3] = [SchemaKind::Create, SchemaKind::Customer, SchemaKind::Update];
/// The unknown-keys modes, by a selector's value modulo 3.
const UNKNOWN: [UnknownKeys; 3] = [
    UnknownKeys::Strip,
    UnknownKeys::Strict,
    UnknownKeys::Passthrough,
];
/// The default regions a record's options may have.
const RECORD_REGIONS: [Option<&str>; 8] = [
    None,
    Some("US"),
    Some("GB"),
    Some("DE"),
    Some("FR"),
    Some("JP"),
    Some("IN"),
    Some("AC"),
];

/// The schema and options of a record input, from its first byte `c`:
/// schema `c % 3`, unknown keys `(c / 3) % 3` (strip, strict,
/// passthrough), default region `(c / 9) % 8` of [`RECORD_REGIONS`].
fn record_setup(c: u8) -> (SchemaKind, Options) {
    let kind = KINDS[usize::from(c % 3)];
    let mut options = Options {
        unknown_keys: UNKNOWN[usize::from(c / 3 % 3)],
        ..Options::default()
    };
    if let Some(region) = RECORD_REGIONS[usize::from(c / 9 % 8)] {
        options = options
            .with_default_region(region)
            .expect("the listed regions are valid options");
    }
    (kind, options)
}

/// A result's JSON text, parsed (results are always JSON; a failure to
/// parse one is a bug of the writer).
fn result_of(text: &str) -> Json {
    match serde_json::from_str(text) {
        Ok(result) => result,
        Err(error) => panic!("a result is not JSON ({error}): {text}"),
    }
}

/// Checks a record's JSON-text result `json` and its wire-text result
/// `wire` (of the same input) against each other and for idempotence.
fn check_result(kind: SchemaKind, options: &Options, json: &str, wire: &str) {
    let result = result_of(json);
    // The wire form is only for a success without warnings; anything else
    // goes as the same JSON text.
    if wire.starts_with('~') {
        assert_eq!(result["success"], json!(true), "wire text for {json}");
        assert_eq!(result["warnings"], json!([]), "wire text for {json}");
    } else {
        assert_eq!(wire, json, "the wire path wrote other JSON");
    }
    if result["success"] != json!(true) {
        return;
    }
    let data = &result["data"];
    let again = result_of(&safe_parse_json(kind, data, options));
    assert_eq!(
        again["success"],
        json!(true),
        "a valid record's data is refused when read again: {data}\n{again}"
    );
    assert_eq!(
        serde_json::to_string(&again["data"]).ok(),
        serde_json::to_string(data).ok(),
        "a valid record's data changes when read again"
    );
}

/// `json_text`: byte 0 selects the schema and options ([`record_setup`]),
/// the rest is the record as JSON text (any bytes).
///
/// - The text path (`safe_parse_json_text_wire`) never panics.
/// - Whatever `serde_json` parses, the crate's own reader
///   (`input::json_text`) accepts (it is as strict, except where
///   `JSON.parse` is laxer: lone surrogate escapes, numbers past `f64`,
///   nesting past 128 levels), and the result of its tree is the result
///   of `serde_json`'s tree, byte for byte, as wire text and as JSON.
///   Repeated keys agree too: both keep the first position and the last
///   value (`serde_json` with `preserve_order` replaces in place, as
///   `JSON.parse` does).
/// - A valid record's data is valid again and unchanged.
pub fn json_text(data: &[u8]) {
    let Some((&config, text)) = data.split_first() else {
        return;
    };
    let (kind, options) = record_setup(config);
    let wire = safe_parse_json_text_wire(kind, text, &options);
    let Ok(text) = std::str::from_utf8(text) else {
        assert!(
            !wire.starts_with('~') && result_of(&wire)["success"] == json!(false),
            "bytes that are not UTF-8 were read: {wire}"
        );
        return;
    };
    let own = JsonText::parse(text);
    let theirs = serde_json::from_str::<Json>(text);
    let Ok(doc) = own else {
        assert!(
            theirs.is_err(),
            "serde_json reads text the crate's reader refuses: {text:?}"
        );
        assert_eq!(result_of(&wire)["success"], json!(false));
        return;
    };
    let json = safe_parse_json(kind, doc.root(), &options);
    if let Ok(value) = &theirs {
        assert_eq!(
            safe_parse_json(kind, value, &options),
            json,
            "the JSON text reader and serde_json disagree on {text:?}"
        );
        assert_eq!(
            safe_parse_wire(kind, value, &options),
            wire,
            "the text path and serde_json's tree disagree on {text:?}"
        );
    }
    check_result(kind, &options, &json, &wire);
}

// ---------------------------------------------------------------------------
// host_value: a JavaScript value, modelled natively.

/// A JavaScript value as the WebAssembly reader (`wasm/src/source.rs`)
/// presents it to [`customer_schema::input::Reader`]: what JSON can carry,
/// and what only a live value can do.
#[derive(Debug)]
pub enum Host {
    /// A value without children, as the reader gets it: JSON data or a
    /// [`Foreign`] leaf (a `bigint`, a function, a `Date`, `NaN`, a lone
    /// surrogate, a string too long, …).
    Leaf(Value),
    /// A getter or Proxy trap that throws when the value is read (as an
    /// array's item or an object's member: the cursor's `Err`; at the root,
    /// an unreadable leaf).
    Throws(String),
    /// `undefined` (as a member: `Ok(None)`, the member is dropped; as an
    /// item or the root: the foreign leaf `undefined`).
    Undefined,
    /// An array: its items, and what its `length` says.
    Array(Vec<Host>, Length),
    /// An array of `count` copies of one item (to reach the value bound
    /// without thousands of bytes of input).
    Repeat(usize, Box<Host>),
    /// An object: its members in key order (keys may repeat), and how its
    /// keys are listed.
    Object(Vec<(String, Host)>, KeysMode),
}

/// What an array's `length` says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Length {
    /// The truth.
    Honest,
    /// More than there are items (a Proxy): the cursor runs out, `Err`.
    Lies(usize),
    /// Reading `length` throws.
    Throws,
}

/// How an object's keys are listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeysMode {
    Honest,
    /// The `ownKeys` trap throws.
    Throws,
    /// More keys than any limit (`keys` answers `Ok(None)`).
    TooMany,
}

/// Deepest container the decoder builds: past the reader's bound (33
/// below the root), so that `TooDeep` is reached.
const HOST_DEPTH: usize = 40;
/// Most nodes the decoder builds (the input is at most a few kB anyway).
const HOST_NODES: usize = 20_000;
/// Most copies in a [`Host::Repeat`]: past the reader's value bound (and
/// not much more: each input with one is read, and written as JSON text
/// for the agreement check, whole).
const HOST_REPEAT: usize = 120_000;

/// Strings the decoder names by one byte: the record's keys and values
/// that pass its rules, so that short inputs reach deep into the rules.
const WORDS: &[&str] = &[
    "id",
    "customerId",
    "channelId",
    "phone_number",
    "firstname",
    "lastname",
    "email",
    "company",
    "preferred_language",
    "preferred_contact_method",
    "best_time_to_call",
    "timezone",
    "notes",
    "tags",
    "custom_fields",
    "address",
    "street",
    "street2",
    "city",
    "state",
    "postalCode",
    "country",
    "isValidatedNames",
    "createdAt",
    "updatedAt",
    "__proto__",
    "constructor",
    "toString",
    "cust_abc123",
    "+14155552671",
    "(415) 555-2671",
    "+44 20 7946 0958",
    "John",
    "jane.doe@example.com",
    "en",
    "EMAIL",
    "SMS",
    "PHONE",
    "MORNING",
    "AFTERNOON",
    "America/New_York",
    "US",
    "GB",
    "CA",
    "94105",
    "SW1A 1AA",
    "1 Main St",
    "San Francisco",
    "",
    " ",
    "vip",
];

/// Names of values JSON has no form for, as the reader reports them.
const NOT_JSON: &[&str] = &[
    "undefined",
    "function",
    "symbol",
    "bigint",
    "Date",
    "Map",
    "Set",
    "RegExp",
    "NaN",
    "Infinity",
    "-Infinity",
    "Promise",
];

/// Reads the fuzzer's bytes; past the end, every byte is 0.
struct Bytes<'a> {
    data: &'a [u8],
    at: usize,
    nodes: usize,
}

impl Bytes<'_> {
    fn byte(&mut self) -> u8 {
        let b = self.data.get(self.at).copied().unwrap_or(0);
        self.at += 1;
        b
    }

    fn bytes(&mut self, n: usize) -> &[u8] {
        let start = self.at.min(self.data.len());
        let end = (self.at + n).min(self.data.len());
        self.at += n;
        &self.data[start..end]
    }

    /// A length: one byte, or 255 then two bytes (big-endian).
    fn len(&mut self) -> usize {
        match self.byte() {
            255 => usize::from(u16::from_be_bytes([self.byte(), self.byte()])),
            n => usize::from(n),
        }
    }

    fn string(&mut self) -> String {
        let n = self.len();
        String::from_utf8_lossy(self.bytes(n)).into_owned()
    }

    fn word(&mut self) -> String {
        WORDS[usize::from(self.byte()) % WORDS.len()].to_owned()
    }

    /// One node. The encoding, by its tag byte (modulo 16):
    /// 0 `null`, 1 `true`, 2 `false`;
    /// 3 an integer: `n` = a byte modulo 9, then `n` bytes, big-endian,
    ///   as an `i64`;
    /// 4 a double: 8 bytes, big-endian (not finite: `NaN`, `Infinity`);
    /// 5 a string: a length ([`Bytes::len`]) and that many bytes (UTF-8,
    ///   lossily); 6 a string of [`WORDS`], by a byte;
    /// 7 a foreign value of [`NOT_JSON`], by a byte; 8 a lone surrogate;
    /// 9 a string too long; 10 an unreadable leaf; 12 a throwing read
    ///   (a string message); 13 `undefined`;
    /// 11 an array: a mode byte (modulo 4: honest, `length` lies by
    ///   1 + a byte modulo 4, `length` says 10^9, `length` throws), a count
    ///   byte, the items;
    /// 14 an object: a mode byte (modulo 4: honest, `keys` throws, too
    ///   many keys, honest), a count byte, then per member its key (a byte:
    ///   even, a word of [`WORDS`] by the next byte; odd, a string) and
    ///   its value;
    /// 15 an array of copies: a count byte (249 or less: the count; else
    ///   two bytes, big-endian, times the byte − 248; at most
    ///   [`HOST_REPEAT`]), then the item (in which tag 15 is `null`).
    fn node(&mut self, depth: usize, repeat: bool) -> Host {
        self.nodes += 1;
        let tag = self.byte() % 16;
        let container = matches!(tag, 11 | 14 | 15);
        if container && (depth >= HOST_DEPTH || self.nodes > HOST_NODES) {
            return Host::Leaf(Value::Null);
        }
        match tag {
            0 => Host::Leaf(Value::Null),
            1 => Host::Leaf(Value::Bool(true)),
            2 => Host::Leaf(Value::Bool(false)),
            3 => {
                let n = usize::from(self.byte() % 9);
                let mut buf = [0u8; 8];
                let got = self.bytes(n);
                buf[8 - got.len()..].copy_from_slice(got);
                Host::Leaf(Value::Number(i64::from_be_bytes(buf).into()))
            }
            4 => {
                let mut buf = [0u8; 8];
                let got = self.bytes(8);
                buf[..got.len()].copy_from_slice(got);
                let x = f64::from_be_bytes(buf);
                // As the WebAssembly reader reads a JavaScript number.
                Host::Leaf(match serde_json::Number::from_f64(x) {
                    Some(n) => Value::Number(n),
                    None if x.is_nan() => Value::Foreign(Foreign::NotJson("NaN".into())),
                    None if x > 0.0 => Value::Foreign(Foreign::NotJson("Infinity".into())),
                    None => Value::Foreign(Foreign::NotJson("-Infinity".into())),
                })
            }
            5 => Host::Leaf(Value::String(self.string())),
            6 => Host::Leaf(Value::String(self.word())),
            7 => {
                let name = NOT_JSON[usize::from(self.byte()) % NOT_JSON.len()];
                Host::Leaf(Value::Foreign(Foreign::NotJson(name.into())))
            }
            8 => Host::Leaf(Value::Foreign(Foreign::LoneSurrogate)),
            9 => Host::Leaf(Value::Foreign(Foreign::StringTooLong(
                MAX_STRING_UNITS + 1 + usize::from(self.byte()),
            ))),
            10 => Host::Leaf(Value::Foreign(Foreign::Unreadable(self.string()))),
            12 => Host::Throws(self.string()),
            13 => Host::Undefined,
            11 => {
                let mode = self.byte();
                let count = usize::from(self.byte());
                let length = match mode % 4 {
                    0 => Length::Honest,
                    1 => Length::Lies(count + 1 + usize::from(self.byte() % 4)),
                    2 => Length::Lies(1_000_000_000),
                    _ => Length::Throws,
                };
                let items = (0..count).map(|_| self.node(depth + 1, repeat)).collect();
                Host::Array(items, length)
            }
            14 => {
                let mode = match self.byte() % 4 {
                    1 => KeysMode::Throws,
                    2 => KeysMode::TooMany,
                    _ => KeysMode::Honest,
                };
                let count = usize::from(self.byte());
                let members = (0..count)
                    .map(|_| {
                        let key = if self.byte() % 2 == 0 {
                            self.word()
                        } else {
                            self.string()
                        };
                        (key, self.node(depth + 1, repeat))
                    })
                    .collect();
                Host::Object(members, mode)
            }
            _ if repeat => Host::Leaf(Value::Null),
            _ => {
                let count = match self.byte() {
                    small @ 0..=249 => usize::from(small),
                    scale => {
                        let n = u16::from_be_bytes([self.byte(), self.byte()]);
                        usize::from(n) * usize::from(scale - 248)
                    }
                }
                .min(HOST_REPEAT);
                Host::Repeat(count, Box::new(self.node(depth + 1, true)))
            }
        }
    }
}

/// Decodes the fuzzer's bytes into a host value ([`Bytes::node`]).
pub fn decode_host(data: &[u8]) -> Host {
    Bytes {
        data,
        at: 0,
        nodes: 0,
    }
    .node(0, false)
}

impl Host {
    /// The JSON text of this value when it is plain JSON data (no foreign
    /// leaf, nothing that throws or lies, no `undefined`, no repeated key)
    /// and not huge; else `None`. Recursion is bounded by [`HOST_DEPTH`].
    pub fn json_text(&self) -> Option<String> {
        let mut out = String::new();
        let mut budget = 2 * HOST_REPEAT;
        self.write_json(&mut out, &mut budget).then_some(out)
    }

    fn write_json(&self, out: &mut String, budget: &mut usize) -> bool {
        if *budget == 0 {
            return false;
        }
        *budget -= 1;
        match self {
            Host::Leaf(value) if value.is_json() => {
                out.push_str(&value.to_json().to_string());
                true
            }
            Host::Leaf(_) | Host::Throws(_) | Host::Undefined => false,
            Host::Array(_, Length::Lies(_) | Length::Throws) => false,
            Host::Array(items, Length::Honest) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    if !item.write_json(out, budget) {
                        return false;
                    }
                }
                out.push(']');
                true
            }
            Host::Repeat(count, item) => {
                let mut one = String::new();
                if *count > *budget || !item.write_json(&mut one, budget) {
                    return false;
                }
                *budget -= *count;
                out.push('[');
                for i in 0..*count {
                    if i > 0 {
                        out.push(',');
                    }
                    out.push_str(&one);
                }
                out.push(']');
                true
            }
            Host::Object(_, KeysMode::Throws | KeysMode::TooMany) => false,
            Host::Object(members, KeysMode::Honest) => {
                out.push('{');
                for (i, (key, value)) in members.iter().enumerate() {
                    if members[..i].iter().any(|(k, _)| k == key) {
                        return false;
                    }
                    if i > 0 {
                        out.push(',');
                    }
                    out.push_str(&Json::from(key.as_str()).to_string());
                    out.push(':');
                    if !value.write_json(out, budget) {
                        return false;
                    }
                }
                out.push('}');
                true
            }
        }
    }
}

impl<'a> Source for &'a Host {
    type Array = &'a Host;
    type Object = &'a Host;

    fn shape(self) -> Shape<Self::Array, Self::Object> {
        match self {
            Host::Leaf(value) => Shape::Leaf(value.clone()),
            Host::Throws(message) => {
                Shape::Leaf(Value::Foreign(Foreign::Unreadable(message.clone())))
            }
            Host::Undefined => Shape::Leaf(Value::Foreign(Foreign::NotJson("undefined".into()))),
            Host::Array(..) | Host::Repeat(..) => Shape::Array(self),
            Host::Object(..) => Shape::Object(self),
        }
    }

    /// A container's address, as the JavaScript helper numbers an object
    /// met again: a [`Host::Repeat`]'s one item is the same container
    /// every time, which the reader copies instead of reading again, and
    /// the agreement with the JSON text (which has no identities) checks
    /// that the copy is what reading it again gives. (Addresses of nodes
    /// of one input are a few MB apart: distinct within 32 bits.)
    fn identity(&self) -> Option<u32> {
        let container = matches!(self, Host::Array(..) | Host::Repeat(..) | Host::Object(..));
        container.then_some(((*self as *const Host as usize) >> 3) as u32)
    }
}

/// An array's cursor: the next index.
pub struct HostItems<'a>(&'a Host, usize);

impl<'a> ArraySource<&'a Host> for &'a Host {
    type Items = HostItems<'a>;

    fn length(&self) -> Result<usize, String> {
        match self {
            Host::Array(items, Length::Honest) => Ok(items.len()),
            Host::Array(_, Length::Lies(n)) => Ok(*n),
            Host::Array(_, Length::Throws) => Err("length threw".into()),
            Host::Repeat(count, _) => Ok(*count),
            _ => Err("not an array".into()),
        }
    }

    fn items(self, _len: usize) -> HostItems<'a> {
        HostItems(self, 0)
    }
}

impl<'a> Items<&'a Host> for HostItems<'a> {
    fn next(&mut self, _budget: usize) -> Result<&'a Host, String> {
        let at = self.1;
        self.1 += 1;
        let item = match self.0 {
            Host::Array(items, _) => items.get(at),
            Host::Repeat(count, item) => (at < *count).then_some(&**item),
            _ => None,
        };
        match item {
            None => Err("no more items".into()),
            Some(Host::Throws(message)) => Err(message.clone()),
            Some(item) => Ok(item),
        }
    }
}

/// An object's cursor: its members, and the index after the last read.
pub struct HostMembers<'a>(&'a [(String, Host)], usize);

impl<'a> ObjectSource<&'a Host> for &'a Host {
    type Members = HostMembers<'a>;

    fn keys(self, limit: usize) -> Result<Option<Keyed<HostMembers<'a>>>, String> {
        match self {
            Host::Object(_, KeysMode::Throws) => Err("ownKeys threw".into()),
            Host::Object(_, KeysMode::TooMany) => Ok(None),
            Host::Object(members, KeysMode::Honest) => Ok((members.len() <= limit).then(|| {
                let keys = members.iter().map(|(k, _)| Key::Owned(k.clone()));
                (keys.collect(), HostMembers(members, 0))
            })),
            _ => Err("not an object".into()),
        }
    }
}

impl<'a> Members<&'a Host> for HostMembers<'a> {
    fn next(&mut self, wanted: &[Want], _budget: usize) -> Result<Option<&'a Host>, String> {
        let Some(at) = next_wanted(wanted, self.1) else {
            return Err("no more members".into());
        };
        self.1 = at + 1;
        match self.0.get(at).map(|(_, value)| value) {
            None => Err("no more members".into()),
            Some(Host::Throws(message)) => Err(message.clone()),
            Some(Host::Undefined) => Ok(None),
            Some(value) => Ok(Some(value)),
        }
    }
}

/// `host_value`: byte 0 selects the schema and options ([`record_setup`]),
/// the rest is a host value ([`Bytes::node`]).
///
/// - Reading and validating it never panics, whatever the host does.
/// - When it is plain JSON data, its result is the result of its JSON
///   text, byte for byte (as JSON through `safe_parse_json`, and as wire
///   text through `safe_parse_json_text_wire`).
/// - A valid record's data is valid again and unchanged.
pub fn host_value(data: &[u8]) {
    let Some((&config, rest)) = data.split_first() else {
        return;
    };
    let (kind, options) = record_setup(config);
    let host = decode_host(rest);
    let json = safe_parse_json(kind, &host, &options);
    let wire = safe_parse_wire(kind, &host, &options);
    if let Some(text) = host.json_text() {
        let doc = JsonText::parse(&text).expect("the host's JSON text is JSON");
        assert_eq!(
            safe_parse_json(kind, doc.root(), &options),
            json,
            "a host value and its JSON text disagree: {text}"
        );
        assert_eq!(
            safe_parse_json_text_wire(kind, text.as_bytes(), &options),
            wire,
            "a host value and its JSON text disagree (wire): {text}"
        );
    }
    check_result(kind, &options, &json, &wire);
}

// ---------------------------------------------------------------------------
// phone

/// Regions a phone input may be read in (some with national prefixes,
/// some sharing a calling code, the non-ISO `AC` and `TA`).
const PHONE_REGIONS: &[&str] = &[
    "US", "CA", "PR", "GB", "GG", "JE", "IM", "DE", "FR", "IT", "VA", "SM", "JP", "IN", "BR", "AU",
    "CN", "RU", "KZ", "MX", "AR", "CH", "AT", "NL", "SE", "NO", "KR", "ZA", "NG", "EG", "IL", "TR",
    "ID", "PH", "VN", "TH", "AC", "TA", "SH", "MA", "EH", "FI", "AX", "BY", "HU", "PL", "ES", "PT",
    "BE", "DK", "NZ", "SG", "HK", "CO", "PE",
];

/// The region a phone input is read in, from its first bytes: 0, none;
/// below 240, [`PHONE_REGIONS`] by the byte; else the next two bytes as
/// text, whatever they are. Returns the region and the rest.
fn phone_region(data: &[u8]) -> (Option<String>, &[u8]) {
    match data {
        [0, rest @ ..] => (None, rest),
        [c, rest @ ..] if *c < 240 => (
            Some(PHONE_REGIONS[usize::from(*c) % PHONE_REGIONS.len()].to_owned()),
            rest,
        ),
        [_, a, b, rest @ ..] => (Some(String::from_utf8_lossy(&[*a, *b]).into_owned()), rest),
        _ => (None, &[]),
    }
}

fn digits_of(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

/// `phone`: a region ([`phone_region`]), then the text typed (UTF-8,
/// lossily).
///
/// - The engine (`phone::parse` on the raw bytes), the rule
///   (`normalize_phone`), the formats and the as-you-type formatter never
///   panic.
/// - A number read is read again from its E.164, and from its
///   international format, as the same number (E.164, kind, region): `+`
///   and the calling code are read before anything else, and the
///   international format is the E.164 digits spaced out. (The national
///   format read back in the number's region is *not* asserted:
///   libphonenumber does not promise it, e.g. where a national number
///   without its prefix starts like the prefix.)
/// - The as-you-type field's text, formatted again, is unchanged (where
///   the formatter kept every digit: see the check).
/// - The same text as a record's `phone_number` (schema `update`, the
///   region as `defaultRegion`) gives the same E.164 or the same issue.
pub fn phone(data: &[u8]) {
    let (region, rest) = phone_region(data);
    let typed = String::from_utf8_lossy(rest);
    let typed = typed.as_ref();
    let region = region.as_deref();

    // The engine alone, on anything.
    let _ = customer_schema::phone::parse(rest, false, region);
    let _ = customer_schema::phone::parse(rest, true, region);
    let field_region = region.unwrap_or("");
    let shown = phone::as_you_type(typed, field_region);
    let field = phone::as_you_type_field(typed, field_region);
    // Formatted again, the field's digits are typed again, so it is the
    // same text, when the formatter kept every digit typed. It does not
    // always: libphonenumber's AsYouTypeFormatter, which the engine
    // follows step for step, drops digits of some long inputs (in BR,
    // "023945303173292239445317658" shows as "023945302239445317658 ":
    // the Python port gives the same), and then the field, typed again,
    // is other digits.
    let kept_digits = field == typed
        || field.chars().filter(char::is_ascii_digit).count()
            == typed.chars().filter(|c| c.is_numeric()).count();
    if kept_digits {
        assert_eq!(
            phone::as_you_type_field(&field, field_region),
            field,
            "the as-you-type field changes when formatted again (typed {typed:?}, shown {shown:?})"
        );
    }

    let read = phone::normalize_phone(typed, region);
    if let Ok(number) = &read {
        let again = phone::normalize_phone(&number.e164, None)
            .unwrap_or_else(|problem| panic!("{} is refused: {problem:?}", number.e164));
        assert_eq!(
            (&again.e164, again.kind, again.region),
            (&number.e164, number.kind, number.region),
            "E.164 read again (typed {typed:?} in {region:?})"
        );
        let international = number.format(phone::PhoneFormat::International);
        assert_eq!(digits_of(&international), digits_of(&number.e164));
        let again = phone::normalize_phone(&international, None)
            .unwrap_or_else(|problem| panic!("{international} is refused: {problem:?}"));
        assert_eq!(
            (&again.e164, again.kind, again.region),
            (&number.e164, number.kind, number.region),
            "the international format read again (typed {typed:?} in {region:?})"
        );
        let uri = number.format(phone::PhoneFormat::Rfc3966);
        assert_eq!(
            uri.strip_prefix("tel:").map(digits_of),
            Some(digits_of(&number.e164))
        );
        let _ = number.format(phone::PhoneFormat::National);
    }

    // The record path: options refuse what no record can be read in.
    let options = match region {
        None => Options::default(),
        Some(region) => match Options::default().with_default_region(region) {
            Ok(options) => options,
            Err(_) => return,
        },
    };
    let input = json!({ "id": "c1", "phone_number": typed });
    let result = result_of(&safe_parse_json(SchemaKind::Update, &input, &options));
    let trimmed = typed.trim();
    let expected = if trimmed.is_empty() {
        json!({"success": true, "data": {"id": "c1", "phone_number": null}, "warnings": []})
    } else {
        match phone::normalize_phone(trimmed, options.default_region) {
            Ok(number) => json!({
                "success": true,
                "data": {"id": "c1", "phone_number": number.e164},
                "warnings": []
            }),
            Err(problem) => json!({
                "success": false,
                "error": {"issues": [problem.at(vec![PathItem::from("phone_number")])]},
                "warnings": []
            }),
        }
    };
    assert_eq!(
        result, expected,
        "the record path reads {typed:?} otherwise"
    );
}

// ---------------------------------------------------------------------------
// address

/// Countries an address may be in: with postal code patterns, with
/// required subdivisions, with neither.
const ADDRESS_COUNTRIES: &[&str] = &[
    "US", "GB", "CA", "DE", "JP", "CN", "IN", "BR", "AU", "MX", "FR", "IT", "ES", "NL", "IE", "AR",
    "KR", "RU", "CH", "SE", "PL", "PT", "NZ", "ZA", "HK", "TW", "TH", "ID", "MY", "PH", "VN", "EG",
    "NG", "CL", "CO", "PE", "VE", "UA", "TR", "SA", "AE", "IL", "BE", "AT", "DK", "NO", "FI", "CZ",
    "HU", "RO", "GR", "LU", "SG", "KY", "JM", "IS", "FO", "GL", "MC", "SM", "VA", "AD", "LI", "JE",
    "GG", "IM", "GI", "FK", "SH", "PR", "AS", "GU", "MP", "VI", "UM", "MH", "FM", "PW", "AQ",
];

/// An address line as the record reads it (`Kind::AddressLine` in the
/// driver): trimmed, blank is too short, the text rule (whitespace
/// collapsed, control characters refused), at least 2 characters.
fn address_line(raw: &str) -> Result<String, Problem> {
    let too_short = Problem::TooShort { minimum: 2 };
    match text::normalize_text(raw.trim())? {
        Some(line) if text::char_len(&line) >= 2 => Ok(line),
        _ => Err(too_short),
    }
}

/// `address`: a country (first byte: below 240, [`ADDRESS_COUNTRIES`] by
/// the byte; else the next two bytes as text), then the state and the
/// postal code, split at the first 0 byte (UTF-8, lossily).
///
/// - The postal code and state rules never panic.
/// - A normalised postal code normalises to itself (`relaid_postal_code`
///   answers `None`, nothing to relay); a state found is found again by
///   its key, as the same subdivision.
/// - In a record (schema `update`), the address gets the same normalised
///   state and postal code, or the same issues at the same paths.
pub fn address(data: &[u8]) {
    let (country, rest) = match data {
        [c, rest @ ..] if *c < 240 => (
            ADDRESS_COUNTRIES[usize::from(*c) % ADDRESS_COUNTRIES.len()].to_owned(),
            rest,
        ),
        [_, a, b, rest @ ..] => (String::from_utf8_lossy(&[*a, *b]).into_owned(), rest),
        _ => return,
    };
    let (state, code) = match rest.iter().position(|&b| b == 0) {
        Some(at) => (&rest[..at], &rest[at + 1..]),
        None => (rest, &[][..]),
    };
    let (state, code) = (
        String::from_utf8_lossy(state),
        String::from_utf8_lossy(code),
    );

    if let Ok(normal) = address::normalize_postal_code(&country, &code) {
        assert_eq!(
            address::relaid_postal_code(&country, &normal),
            Ok(None),
            "postal code {code:?} in {country} normalised to {normal:?}, which is relaid again"
        );
    }
    if let Ok(Some(found)) = address::find_state(&country, &state) {
        assert_eq!(
            address::find_state(&country, found.key()),
            Ok(Some(found)),
            "state {state:?} in {country} found as {:?}, whose key is not found again",
            found.key()
        );
    }

    // The record path, in a country a record can name.
    let Some(alpha2) = country::normalize_country(country.trim()) else {
        return;
    };
    let input = json!({
        "id": "c1",
        "address": {
            "street": "1 Main St",
            "city": "Springfield",
            "state": state,
            "postalCode": code,
            "country": country,
        }
    });
    let result = result_of(&safe_parse_json(
        SchemaKind::Update,
        &input,
        &Options::default(),
    ));
    // The driver's steps (`address` and `address_rules` in
    // src/record/driver.rs), with the rules called alone.
    let at = |key: &str| vec![PathItem::from("address"), PathItem::from(key)];
    let mut issues = Vec::new();
    let state_line = address_line(&state)
        .map_err(|p| issues.push(p.at(at("state"))))
        .ok();
    let code_line = address_line(&code)
        .map_err(|p| issues.push(p.at(at("postalCode"))))
        .ok();
    let mut postal = None;
    if let Some(line) = &code_line {
        match address::normalize_postal_code(alpha2, line) {
            Ok(normal) => postal = Some(normal),
            Err(problem) => issues.push(problem.at(at("postalCode"))),
        }
    }
    let mut state_out = state_line.clone();
    if let Some(line) = &state_line {
        match address::find_state(alpha2, line) {
            Ok(None) => {}
            Ok(Some(found)) => {
                state_out = Some(found.key().to_owned());
                if let Some(normal) = &postal {
                    if !found.contains_postal_code(normal) {
                        let problem = address::not_in_state(alpha2, found, normal);
                        issues.push(problem.at(at("postalCode")));
                    }
                }
            }
            Err(problem) => issues.push(problem.at(at("state"))),
        }
    }
    let expected = if issues.is_empty() {
        json!({
            "success": true,
            "data": {"id": "c1", "address": {
                "street": "1 Main St",
                "city": "Springfield",
                "state": state_out,
                "postalCode": postal.or(code_line),
                "country": alpha2,
            }},
            "warnings": []
        })
    } else {
        json!({"success": false, "error": {"issues": issues}, "warnings": []})
    };
    assert_eq!(
        result, expected,
        "the record path reads state {state:?}, postal code {code:?} in {country} otherwise"
    );
}
