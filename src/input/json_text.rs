//! JSON text read straight into [`Value`]s: a [`Source`] over the bytes,
//! so the text paths (one record's body, a JSON array of records, NDJSON
//! lines) build no `serde_json::Value` tree first.
//!
//! Why a reader of our own rather than `serde_json` (which this crate links
//! anyway, to write results):
//!
//! - **One tree, not two.** Parsing into `serde_json::Value` and then
//!   reading that tree into [`Value`] allocated every string, key and map
//!   twice, for values the [`Plan`](super::Plan) then skips. Here a value
//!   under a key the plan does not read is never built: listing an object's
//!   keys steps over it.
//! - **The object path's answers.** The same text given to `JSON.parse` and
//!   then to `safeParse` is the reference. So numbers are exact (`str::parse`
//!   is correctly rounded; `serde_json` without `float_roundtrip` is not,
//!   and rejects `1e400`, which `JSON.parse` reads as `Infinity`); an
//!   escaped lone surrogate (`"\ud800"`) is [`Foreign::LoneSurrogate`], not
//!   an error; a key listed twice keeps its first position and its last
//!   value, as `JSON.parse` does; a key longer than [`MAX_STRING_UNITS`]
//!   makes its object unreadable, as the JavaScript reader has it.
//! - **No recursion on input.** `serde_json` recurses per level and stops
//!   at 128 with an error. This reader checks the whole text first in one
//!   loop with an explicit stack (a byte per open container), so any depth
//!   is checked; reading then descends only as far as the
//!   [`Reader`](super::Reader)'s own bound, and a container below it is
//!   [`Foreign::TooDeep`] like any other.
//!
//! Text that is not JSON is refused whole, before anything is read, with
//! the line and column `serde_json` reports for the same text (the grammar
//! is RFC 8259's, as strict as `serde_json`'s: no trailing commas, comments,
//! leading zeros, raw control characters in strings, byte order mark or
//! trailing text), so the issue a caller sees did not change with the
//! parser. The differences from `serde_json` are only where `JSON.parse`
//! accepts what it refused: lone surrogate escapes, numbers out of `f64`'s
//! range, nesting deeper than 128 levels.
//!
//! Reading after the check trusts the grammar but still never indexes: a
//! byte that is not where it should be ends the value (never a panic).
//! Stepping over a container is a scan, except for big containers near the
//! top, whose ends the check records: so listing the keys of a record whose
//! `custom_fields` hold megabytes does not scan them once per level.

use super::{
    next_wanted, ArraySource, Foreign, Items, Key, Keyed, Members, ObjectSource, Shape, Source,
    Value, Want, MAX_STRING_UNITS,
};
use serde_json::Number;

/// Why an object is unreadable when one of its keys is longer than
/// [`MAX_STRING_UNITS`] (the JavaScript reader's words for the same case).
pub const KEY_TOO_LONG: &str = "a key is too long";

/// Where a text stopped being JSON, as `serde_json` reports it: `ended`
/// when the text ended inside a value, the line (1-based) and the column
/// (counted in bytes, as `serde_json` counts it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotJson {
    pub ended: bool,
    pub line: usize,
    pub column: usize,
}

/// A text checked to hold one JSON value.
pub struct JsonText<'t> {
    text: &'t str,
    /// `(start, end)` of the big containers near the top, by start: see
    /// [`TABLE_DEPTH`].
    ends: Vec<(usize, usize)>,
}

/// Containers this many levels deep or less, and at least [`BIG`] bytes
/// long, have their end recorded by the check. Reading opens containers to
/// [`MAX_READ_DEPTH`](super::MAX_READ_DEPTH) below a record, and steps over
/// those one level deeper; a record is one level down in a batch's array.
const TABLE_DEPTH: usize = super::MAX_READ_DEPTH + 3;
/// A container shorter than this is scanned rather than looked up.
const BIG: usize = 128;

impl<'t> JsonText<'t> {
    /// Checks that `text` is one JSON value (with whitespace around it).
    pub fn parse(text: &'t str) -> Result<Self, NotJson> {
        let ends = check(text.as_bytes())?;
        Ok(JsonText { text, ends })
    }

    /// The value the text holds, to read.
    pub fn root(&self) -> JsonSource<'_, 't> {
        let at = skip_space(self.bytes(), 0);
        JsonSource::At(self, at)
    }

    fn bytes(&self) -> &'t [u8] {
        self.text.as_bytes()
    }

    /// The index just past the value at `at`.
    fn skip(&self, at: usize) -> usize {
        let bytes = self.bytes();
        match bytes.get(at) {
            Some(b'"') => string_end(bytes, at + 1),
            Some(b'[' | b'{') => match self.ends.binary_search_by_key(&at, |&(start, _)| start) {
                Ok(found) => self.ends.get(found).map_or(bytes.len(), |&(_, end)| end),
                Err(_) => container_end(bytes, at),
            },
            Some(b't' | b'n') => at + 4,
            Some(b'f') => at + 5,
            Some(_) => at + number_len(bytes, at),
            None => return at,
        }
        // (Always forward, even past a byte a checked text never has
        // there: no loop over members can stall.)
        .max(at + 1)
    }

    /// Past the value at `at`, its separator and the space around it: the
    /// next item or member, or the container's closing bracket.
    fn next_member(&self, at: usize) -> usize {
        let bytes = self.bytes();
        let after = skip_space(bytes, self.skip(at));
        match bytes.get(after) {
            Some(b',') => skip_space(bytes, after + 1),
            _ => after,
        }
    }
}

/// The `serde_json::Value` a JSON text holds, for the few texts the program
/// itself hands over (form entries, a path, a batch summary, the JSON
/// Schemas' literals): the one JSON parser of the WebAssembly module is
/// this reader, not also `serde_json`'s. `None` when the text is not JSON
/// or holds what the reader does not keep as data: a lone surrogate, a
/// number out of range, nesting deeper than the reader's bound.
pub fn to_json(text: &str) -> Option<serde_json::Value> {
    let doc = JsonText::parse(text).ok()?;
    let value = super::Reader::unbounded().read(doc.root(), super::Plan::Whole, 0);
    value.is_json().then(|| value.to_json())
}

/// A value in a checked text, to read with [`Reader`](super::Reader).
#[derive(Clone)]
pub enum JsonSource<'d, 't> {
    /// The value starting at this byte.
    At(&'d JsonText<'t>, usize),
    /// A value already decided: the member of a key with a lone surrogate.
    Leaf(Value),
}

impl<'d, 't> Source for JsonSource<'d, 't> {
    type Array = JsonArray<'d, 't>;
    type Object = JsonObject<'d, 't>;

    fn shape(self) -> Shape<Self::Array, Self::Object> {
        let (doc, at) = match self {
            JsonSource::At(doc, at) => (doc, at),
            JsonSource::Leaf(value) => return Shape::Leaf(value),
        };
        let bytes = doc.bytes();
        Shape::Leaf(match bytes.get(at) {
            Some(b'[') => return Shape::Array(JsonArray { doc, at }),
            Some(b'{') => return Shape::Object(JsonObject { doc, at }),
            Some(b'"') => string_value(doc.text, at + 1),
            Some(b't') => Value::Bool(true),
            Some(b'f') => Value::Bool(false),
            Some(b'n') | None => Value::Null,
            Some(_) => number_value(doc.text, at),
        })
    }
}

/// An array in a checked text (`at` is its `[`).
pub struct JsonArray<'d, 't> {
    doc: &'d JsonText<'t>,
    at: usize,
}

impl<'d, 't> ArraySource<JsonSource<'d, 't>> for JsonArray<'d, 't> {
    type Items = JsonItems<'d, 't>;

    fn length(&self) -> Result<usize, String> {
        let bytes = self.doc.bytes();
        let mut at = skip_space(bytes, self.at + 1);
        let mut len = 0;
        while !matches!(bytes.get(at), Some(b']') | None) {
            len += 1;
            at = self.doc.next_member(at);
        }
        Ok(len)
    }

    fn items(self, _len: usize) -> Self::Items {
        JsonItems {
            doc: self.doc,
            at: skip_space(self.doc.bytes(), self.at + 1),
        }
    }
}

/// An array's items, in order.
pub struct JsonItems<'d, 't> {
    doc: &'d JsonText<'t>,
    /// The next item's first byte.
    at: usize,
}

impl<'d, 't> Items<JsonSource<'d, 't>> for JsonItems<'d, 't> {
    fn next(&mut self, _budget: usize) -> Result<JsonSource<'d, 't>, String> {
        let item = self.at;
        if matches!(self.doc.bytes().get(item), Some(b']') | None) {
            return Err("no more items".to_owned());
        }
        self.at = self.doc.next_member(item);
        Ok(JsonSource::At(self.doc, item))
    }
}

/// An object in a checked text (`at` is its `{`).
pub struct JsonObject<'d, 't> {
    doc: &'d JsonText<'t>,
    at: usize,
}

/// An object's member as listed: where its value starts, and whether its
/// key holds a lone surrogate (the key itself then has U+FFFD in its place,
/// as the JavaScript reader gives it).
struct Member {
    value: usize,
    /// The key's text with its lone surrogates encoded as WTF-8, to tell
    /// such keys apart (two JavaScript keys may differ only there).
    lone: Option<Vec<u8>>,
}

impl<'d, 't> ObjectSource<JsonSource<'d, 't>> for JsonObject<'d, 't> {
    type Members = JsonMembers<'d, 't>;

    fn keys(self, limit: usize) -> Result<Option<Keyed<Self::Members>>, String> {
        let doc = self.doc;
        let (bytes, text) = (doc.bytes(), doc.text);
        let mut keys = Vec::new();
        let mut members = Vec::new();
        let mut at = skip_space(bytes, self.at + 1);
        while bytes.get(at) == Some(&b'"') {
            let (key, lone, end) = match field_key(text, at + 1) {
                Some((name, end)) => (Key::Borrowed(name), None, end),
                None => match read_string(text, at + 1) {
                    Read::Text(key, end) => (interned(key), None, end),
                    Read::Lone(wtf8, end) => (Key::Owned(lossy(&wtf8)), Some(wtf8), end),
                    Read::TooLong(_) => return Err(KEY_TOO_LONG.to_owned()),
                },
            };
            // Past the key's closing quote, the colon and the space.
            let colon = skip_space(bytes, end);
            let value = skip_space(bytes, colon + 1);
            keys.push(key);
            members.push(Member { value, lone });
            at = doc.next_member(value);
        }
        dedupe(&mut keys, &mut members);
        if keys.len() > limit {
            return Ok(None);
        }
        Ok(Some((
            keys,
            JsonMembers {
                doc,
                members,
                next: 0,
            },
        )))
    }
}

/// Keeps each key once, at its first position, with its last value (what
/// `JSON.parse` makes of `{"a":1,"b":2,"a":3}`: `{a: 3, b: 2}`).
fn dedupe(keys: &mut Vec<Key>, members: &mut Vec<Member>) {
    let lone = |i: usize| members.get(i).map(|m| &m.lone);
    let same = |a: usize, b: usize| keys.get(a) == keys.get(b) && lone(a) == lone(b);
    // The index of each key's first occurrence (few keys: compared
    // pairwise; many: through a table of their hashes, so a huge object
    // costs no more than its size).
    let mut first: Vec<usize> = (0..keys.len()).collect();
    if keys.len() <= 8 {
        for later in 1..keys.len() {
            if let Some(earlier) = (0..later).find(|&earlier| same(earlier, later)) {
                if let Some(slot) = first.get_mut(later) {
                    *slot = earlier;
                }
            }
        }
    } else {
        // Open addressing, at most half full: each slot holds a first
        // occurrence (+1; 0 is empty).
        let size = (keys.len() * 2).next_power_of_two();
        let mut slots = vec![0usize; size];
        for (index, key) in keys.iter().enumerate() {
            // FNV-1a over the key's bytes.
            let hash = key.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
                (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
            });
            let mut at = hash as usize & (size - 1);
            loop {
                match slots.get(at).copied() {
                    Some(0) => {
                        if let Some(slot) = slots.get_mut(at) {
                            *slot = index + 1;
                        }
                        break;
                    }
                    Some(taken) if same(taken - 1, index) => {
                        if let Some(slot) = first.get_mut(index) {
                            *slot = taken - 1;
                        }
                        break;
                    }
                    Some(_) => at = (at + 1) & (size - 1),
                    None => break,
                }
            }
        }
    }
    if first.iter().enumerate().all(|(index, &head)| index == head) {
        return;
    }
    // A key's first place takes its last value; the later places go.
    for (index, &head) in first.iter().enumerate() {
        if index != head {
            let value = members.get(index).map(|m| m.value);
            if let (Some(member), Some(value)) = (members.get_mut(head), value) {
                member.value = value;
            }
        }
    }
    let mut index = 0;
    keys.retain(|_| {
        index += 1;
        first.get(index - 1) == Some(&(index - 1))
    });
    let mut index = 0;
    members.retain(|_| {
        index += 1;
        first.get(index - 1) == Some(&(index - 1))
    });
}

/// An object's members, read in key order.
pub struct JsonMembers<'d, 't> {
    doc: &'d JsonText<'t>,
    members: Vec<Member>,
    /// The index of the first key not read yet.
    next: usize,
}

impl<'d, 't> Members<JsonSource<'d, 't>> for JsonMembers<'d, 't> {
    fn next(
        &mut self,
        wanted: &[Want],
        _budget: usize,
    ) -> Result<Option<JsonSource<'d, 't>>, String> {
        let from = self.next;
        let index = next_wanted(wanted, from).ok_or_else(|| "no more members".to_owned())?;
        self.next = index + 1;
        let member = self
            .members
            .get(index)
            .ok_or_else(|| "no more members".to_owned())?;
        // A kept key must be text: its member stands for the key's lone
        // surrogate, as in the JavaScript reader.
        Ok(Some(match member.lone {
            Some(_) => JsonSource::Leaf(Value::Foreign(Foreign::LoneSurrogate)),
            None => JsonSource::At(self.doc, member.value),
        }))
    }
}

/// WTF-8 as text, each lone surrogate (three bytes) replaced by U+FFFD,
/// as `String::from_utf16_lossy` has it in the JavaScript reader.
fn lossy(mut wtf8: &[u8]) -> String {
    let mut text = String::with_capacity(wtf8.len());
    loop {
        match std::str::from_utf8(wtf8) {
            Ok(rest) => {
                text.push_str(rest);
                return text;
            }
            Err(error) => {
                let (valid, rest) = wtf8.split_at(error.valid_up_to());
                text.push_str(std::str::from_utf8(valid).unwrap_or_default());
                text.push('\u{fffd}');
                wtf8 = rest.get(3..).unwrap_or_default();
            }
        }
    }
}

/// The field table's names, in one place (a `const` array iterated where it
/// is named would be copied there first).
static FIELD_NAMES: &[&str] = &crate::fields::FIELD_LIST;

/// The field a key without escapes names, and the index past its closing
/// quote: most keys, found without copying them.
fn field_key(text: &str, at: usize) -> Option<(&'static str, usize)> {
    let rest = text.as_bytes().get(at..)?;
    let end = rest.iter().position(|&b| b == b'"' || b == b'\\')?;
    if rest.get(end) != Some(&b'"') {
        return None;
    }
    let key = rest.get(..end)?;
    let name = FIELD_NAMES.iter().find(|name| name.as_bytes() == key)?;
    Some((name, at + end + 1))
}

/// A key as the table spells it when it names a field (no copy, and the
/// plan's search finds it by address), else owned.
fn interned(key: String) -> Key {
    FIELD_NAMES
        .iter()
        .find(|name| super::same_key(name, &key))
        .map_or(Key::Owned(key), |&name| Key::Borrowed(name))
}

/// A string read: its text, or its text as WTF-8 when it has a lone
/// surrogate, or its length in UTF-16 units when that is over the bound;
/// with the index past its closing quote.
enum Read {
    Text(String, usize),
    Lone(Vec<u8>, usize),
    TooLong(usize),
}

fn string_value(text: &str, at: usize) -> Value {
    match read_string(text, at) {
        Read::Text(text, _) => Value::String(text),
        Read::Lone(..) => Value::Foreign(Foreign::LoneSurrogate),
        Read::TooLong(units) => Value::Foreign(Foreign::StringTooLong(units)),
    }
}

/// Reads the string whose text starts at `at` (past its opening quote).
fn read_string(text: &str, at: usize) -> Read {
    let bytes = text.as_bytes();
    // First its extent and length, so a string over the bound is never
    // copied, and one without escapes is copied whole.
    let mut units = 0usize;
    let mut escaped = false;
    let mut end = at;
    while let Some(&byte) = bytes.get(end) {
        match byte {
            b'"' => break,
            b'\\' => {
                escaped = true;
                units += 1;
                end += if bytes.get(end + 1) == Some(&b'u') {
                    6
                } else {
                    2
                };
            }
            _ => {
                // A UTF-8 sequence's first byte is one UTF-16 unit, two
                // for a four-byte sequence; continuation bytes add none.
                units += usize::from(byte & 0xC0 != 0x80) + usize::from(byte >= 0xF0);
                end += 1;
            }
        }
    }
    if units > MAX_STRING_UNITS {
        return Read::TooLong(units);
    }
    let past = end + 1;
    if !escaped {
        return Read::Text(text.get(at..end).unwrap_or_default().to_owned(), past);
    }
    let wtf8 = unescape(bytes.get(at..end).unwrap_or_default());
    match String::from_utf8(wtf8) {
        Ok(text) => Read::Text(text, past),
        Err(error) => Read::Lone(error.into_bytes(), past),
    }
}

/// A string's text with its escapes decoded; a lone surrogate is written as
/// WTF-8 (three bytes that are not UTF-8), a pair as its character.
fn unescape(raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(raw.len());
    let mut at = 0;
    while let Some(&byte) = raw.get(at) {
        if byte != b'\\' {
            // Up to the next escape, as it is.
            let run = raw
                .get(at..)
                .and_then(|rest| rest.iter().position(|&b| b == b'\\'))
                .map_or(raw.len(), |offset| at + offset);
            out.extend_from_slice(raw.get(at..run).unwrap_or_default());
            at = run;
            continue;
        }
        let simple = match raw.get(at + 1) {
            Some(b'b') => Some(0x08),
            Some(b'f') => Some(0x0C),
            Some(b'n') => Some(b'\n'),
            Some(b'r') => Some(b'\r'),
            Some(b't') => Some(b'\t'),
            Some(b'u') => None,
            Some(&other) => Some(other),
            None => break,
        };
        if let Some(byte) = simple {
            out.push(byte);
            at += 2;
            continue;
        }
        let unit = hex4(raw, at + 2);
        at += 6;
        let mut code = u32::from(unit);
        if (0xD800..0xDC00).contains(&unit) && raw.get(at..at + 2) == Some(b"\\u") {
            let low = hex4(raw, at + 2);
            if (0xDC00..0xE000).contains(&low) {
                code = 0x10000 + ((code - 0xD800) << 10) + (u32::from(low) - 0xDC00);
                at += 6;
            }
        }
        push_wtf8(&mut out, code);
    }
    out
}

/// The four hex digits at `at`, as a number (0 where they are missing:
/// never, in a checked text).
fn hex4(raw: &[u8], at: usize) -> u16 {
    (0..4).fold(0, |n, i| {
        let digit = raw.get(at + i).and_then(|&b| char::from(b).to_digit(16));
        (n << 4) | digit.unwrap_or(0) as u16
    })
}

/// Appends a code point, or a surrogate, in (generalised) UTF-8.
fn push_wtf8(out: &mut Vec<u8>, code: u32) {
    // Bytes are masked into range before the casts, so none truncates.
    let tail = |shift: u32| 0x80 | ((code >> shift) & 0x3F) as u8;
    match code {
        0..=0x7F => out.push(code as u8),
        0x80..=0x7FF => out.extend_from_slice(&[0xC0 | (code >> 6) as u8, tail(0)]),
        0x800..=0xFFFF => {
            out.extend_from_slice(&[0xE0 | ((code >> 12) & 0x0F) as u8, tail(6), tail(0)]);
        }
        _ => out.extend_from_slice(&[
            0xF0 | ((code >> 18) & 0x07) as u8,
            tail(12),
            tail(6),
            tail(0),
        ]),
    }
}

/// The number at `at`, as the object path has the same text after
/// `JSON.parse`: a whole number that fits `u64` or `i64` stays whole
/// (as `serde_json` reads it), any other is the nearest `f64`; out of
/// `f64`'s range it is `Infinity`, which JSON cannot carry.
fn number_value(text: &str, at: usize) -> Value {
    let len = number_len(text.as_bytes(), at);
    let digits = text.get(at..at + len).unwrap_or_default();
    let whole = !digits.contains(['.', 'e', 'E']);
    if whole {
        if let Ok(n) = digits.parse::<u64>() {
            return Value::Number(Number::from(n));
        }
        // (`-0` is the float -0, as `serde_json` and `JSON.parse` have it.)
        if let Ok(n) = digits.parse::<i64>().map(Number::from) {
            if n.as_i64() != Some(0) {
                return Value::Number(n);
            }
        }
    }
    let float = exact_float(digits).unwrap_or_else(|| nearest_float(digits));
    match Number::from_f64(float) {
        Some(n) => Value::Number(n),
        None if float > 0.0 => Value::Foreign(Foreign::NotJson("Infinity".into())),
        None if float < 0.0 => Value::Foreign(Foreign::NotJson("-Infinity".into())),
        None => Value::Foreign(Foreign::NotJson("NaN".into())),
    }
}

/// The number when it is a whole number of at most 15 digits times a
/// power of ten of at most 22: both exact as doubles, so one multiplication
/// or division rounds correctly (Clinger's fast path). Most numbers in
/// records are such (`12.5`, `0.25`, `1200`, `1e3`).
fn exact_float(digits: &str) -> Option<f64> {
    const POWERS: [f64; 23] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];
    let (negative, rest) = match digits.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, digits),
    };
    let (mantissa, exponent) = match rest.find(['e', 'E']) {
        Some(at) => (rest.get(..at)?, rest.get(at + 1..)?.parse::<i32>().ok()?),
        None => (rest, 0),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let mut significand = 0u64;
    let mut count = 0;
    for digit in whole.bytes().chain(fraction.bytes()) {
        if significand == 0 && digit == b'0' {
            continue;
        }
        count += 1;
        if count > 15 {
            return None;
        }
        significand = significand * 10 + u64::from(digit.wrapping_sub(b'0'));
    }
    let scale = exponent.checked_sub(i32::try_from(fraction.len()).ok()?)?;
    let power = *POWERS.get(usize::try_from(scale.unsigned_abs()).ok()?)?;
    // (Below 10^15 every significand is exact as a double.)
    let magnitude = significand as f64;
    let value = if scale < 0 {
        magnitude / power
    } else {
        magnitude * power
    };
    Some(if negative { -value } else { value })
}

/// The double nearest to a JSON number's text, for the numbers
/// [`exact_float`] does not take. Natively Rust's parser, which rounds
/// correctly; in the WebAssembly module JavaScript's `parseFloat`, which
/// does too and is there already (Rust's would add its tables, about 15 kB,
/// to the module: issue 15 allows the browser build no growth).
fn nearest_float(digits: &str) -> f64 {
    #[cfg(all(feature = "js-floats", target_arch = "wasm32"))]
    {
        host::parse_float(digits)
    }
    #[cfg(not(all(feature = "js-floats", target_arch = "wasm32")))]
    {
        digits.parse::<f64>().unwrap_or(f64::NAN)
    }
}

#[cfg(all(feature = "js-floats", target_arch = "wasm32"))]
mod host {
    use wasm_bindgen::prelude::wasm_bindgen;

    #[wasm_bindgen]
    extern "C" {
        /// JavaScript's global `parseFloat`.
        #[wasm_bindgen(js_name = parseFloat)]
        pub fn parse_float(text: &str) -> f64;
    }
}

/// The length of the number at `at` (of its characters, in a checked text).
fn number_len(bytes: &[u8], at: usize) -> usize {
    bytes
        .get(at..)
        .unwrap_or_default()
        .iter()
        .take_while(|b| matches!(b, b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E'))
        .count()
}

/// The index past the closing quote of the string whose text starts at
/// `at`.
fn string_end(bytes: &[u8], mut at: usize) -> usize {
    while let Some(&byte) = bytes.get(at) {
        match byte {
            b'"' => return at + 1,
            b'\\' => at += 2,
            _ => at += 1,
        }
    }
    at
}

/// The index past the container that opens at `at`, by scanning.
fn container_end(bytes: &[u8], mut at: usize) -> usize {
    let mut depth = 0usize;
    while let Some(&byte) = bytes.get(at) {
        at += 1;
        match byte {
            b'"' => at = string_end(bytes, at),
            b'[' | b'{' => depth += 1,
            b']' | b'}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return at;
                }
            }
            _ => {}
        }
    }
    at
}

/// The index of the first byte at or after `at` that is not JSON
/// whitespace.
fn skip_space(bytes: &[u8], mut at: usize) -> usize {
    while let Some(b' ' | b'\n' | b'\t' | b'\r') = bytes.get(at) {
        at += 1;
    }
    at
}

/// Where `serde_json` says an error at byte `index` is: the line, and the
/// column counted in bytes from the line's start (so 1-based for the byte
/// before `index`).
fn position(bytes: &[u8], index: usize, ended: bool) -> NotJson {
    let before = bytes.get(..index).unwrap_or(bytes);
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |at| at + 1);
    let line = 1 + before
        .get(..line_start)
        .unwrap_or_default()
        .iter()
        .filter(|&&b| b == b'\n')
        .count();
    NotJson {
        ended,
        line,
        column: index - line_start,
    }
}

/// Checks that `bytes` hold one JSON value, without recursing; returns the
/// spans of the big containers near the top (see [`TABLE_DEPTH`]), by start.
///
/// Each error is placed where `serde_json` places it: after the byte it
/// consumed (`error`), or after the byte it looked at (`peek`, which at the
/// end of the text is the end).
fn check(bytes: &[u8]) -> Result<Vec<(usize, usize)>, NotJson> {
    let len = bytes.len();
    let error = |index: usize, ended: bool| Err(position(bytes, index, ended));
    let peek = |index: usize, ended: bool| Err(position(bytes, (index + 1).min(len), ended));
    // The open containers: `[` or `{`, one byte per level; for the first
    // `TABLE_DEPTH` levels, where each one's entry in `ends` is (an entry
    // is made when a container opens, so `ends` is in start order, and
    // taken back when it closes small: its own inner ones, smaller still,
    // were taken back before it, so it is the last).
    let mut open: Vec<u8> = Vec::new();
    let mut starts: Vec<usize> = Vec::new();
    let mut ends: Vec<(usize, usize)> = Vec::new();
    let mut at = 0;
    'value: loop {
        // A value starts here (after space).
        at = skip_space(bytes, at);
        let Some(&first) = bytes.get(at) else {
            return peek(at, true);
        };
        match first {
            b'n' | b't' | b'f' => {
                let word: &[u8] = match first {
                    b'n' => b"null",
                    b't' => b"true",
                    _ => b"false",
                };
                for &expected in word.get(1..).unwrap_or_default() {
                    at += 1;
                    match bytes.get(at) {
                        None => return error(len, true),
                        Some(&byte) if byte != expected => return error(at + 1, false),
                        Some(_) => {}
                    }
                }
                at += 1;
            }
            b'-' | b'0'..=b'9' => at = check_number(bytes, at)?,
            b'"' => at = check_string(bytes, at + 1)?,
            b'[' | b'{' => {
                open.push(first);
                if open.len() <= TABLE_DEPTH {
                    starts.push(ends.len());
                    ends.push((at, at));
                }
                at = skip_space(bytes, at + 1);
                match (first, bytes.get(at)) {
                    (_, None) => return peek(at, true),
                    (b'[', Some(b']')) | (b'{', Some(b'}')) => {
                        close(&mut open, &mut starts, &mut ends, at);
                        at += 1;
                    }
                    (b'[', Some(_)) => continue 'value,
                    (_, Some(b'"')) => {
                        at = check_key(bytes, at)?;
                        continue 'value;
                    }
                    (_, Some(_)) => return peek(at, false),
                }
            }
            _ => return peek(at, false),
        }
        // After a value: the next member, the end of containers, or the
        // end of the text.
        loop {
            at = skip_space(bytes, at);
            let Some(&kind) = open.last() else {
                return match bytes.get(at) {
                    None => Ok(ends),
                    Some(_) => peek(at, false),
                };
            };
            let closing = if kind == b'[' { b']' } else { b'}' };
            match bytes.get(at) {
                None => return peek(at, true),
                Some(&byte) if byte == closing => {
                    close(&mut open, &mut starts, &mut ends, at);
                    at += 1;
                }
                Some(b',') => {
                    at = skip_space(bytes, at + 1);
                    match bytes.get(at) {
                        None => return peek(at, true),
                        Some(&byte) if byte == closing => return peek(at, false),
                        Some(b'"') if kind == b'{' => {
                            at = check_key(bytes, at)?;
                            continue 'value;
                        }
                        Some(_) if kind == b'{' => return peek(at, false),
                        Some(_) => continue 'value,
                    }
                }
                Some(_) => return peek(at, false),
            }
        }
    }
}

/// Closes the innermost container, whose closing bracket is at `at`.
fn close(open: &mut Vec<u8>, starts: &mut Vec<usize>, ends: &mut Vec<(usize, usize)>, at: usize) {
    if open.len() <= TABLE_DEPTH {
        if let Some(entry) = starts.pop() {
            match ends.get_mut(entry) {
                Some(span) if at + 1 - span.0 >= BIG => span.1 = at + 1,
                _ => ends.truncate(entry),
            }
        }
    }
    open.pop();
}

/// Checks a key at `at` (its opening quote) and the colon after it;
/// returns where its value starts.
fn check_key(bytes: &[u8], at: usize) -> Result<usize, NotJson> {
    let at = skip_space(bytes, check_string(bytes, at + 1)?);
    match bytes.get(at) {
        Some(b':') => Ok(at + 1),
        other => Err(position(bytes, (at + 1).min(bytes.len()), other.is_none())),
    }
}

/// Checks the string whose text starts at `at`; returns the index past its
/// closing quote.
fn check_string(bytes: &[u8], mut at: usize) -> Result<usize, NotJson> {
    let len = bytes.len();
    loop {
        let Some(&byte) = bytes.get(at) else {
            return Err(position(bytes, len, true));
        };
        at += 1;
        match byte {
            b'"' => return Ok(at),
            b'\\' => {
                let Some(&escape) = bytes.get(at) else {
                    return Err(position(bytes, len, true));
                };
                at += 1;
                match escape {
                    b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => {}
                    b'u' => {
                        let Some(digits) = bytes.get(at..at + 4) else {
                            return Err(position(bytes, len, true));
                        };
                        at += 4;
                        if !digits.iter().all(u8::is_ascii_hexdigit) {
                            return Err(position(bytes, at, false));
                        }
                    }
                    _ => return Err(position(bytes, at, false)),
                }
            }
            0..=0x1F => return Err(position(bytes, at, false)),
            _ => {}
        }
    }
}

/// Checks the number at `at`; returns the index past it.
fn check_number(bytes: &[u8], mut at: usize) -> Result<usize, NotJson> {
    let len = bytes.len();
    let digit = |at: usize| bytes.get(at).is_some_and(u8::is_ascii_digit);
    if bytes.get(at) == Some(&b'-') {
        at += 1;
    }
    match bytes.get(at) {
        None => return Err(position(bytes, len, true)),
        Some(b'0') if digit(at + 1) => {
            return Err(position(bytes, (at + 2).min(len), false));
        }
        Some(b'0') => at += 1,
        Some(b'1'..=b'9') => {
            while digit(at) {
                at += 1;
            }
        }
        Some(_) => return Err(position(bytes, at + 1, false)),
    }
    if bytes.get(at) == Some(&b'.') {
        at += 1;
        if !digit(at) {
            return Err(position(bytes, (at + 1).min(len), at >= len));
        }
        while digit(at) {
            at += 1;
        }
    }
    if let Some(b'e' | b'E') = bytes.get(at) {
        at += 1;
        if let Some(b'+' | b'-') = bytes.get(at) {
            at += 1;
        }
        match bytes.get(at) {
            None => return Err(position(bytes, len, true)),
            Some(b'0'..=b'9') => {}
            Some(_) => return Err(position(bytes, at + 1, false)),
        }
        while digit(at) {
            at += 1;
        }
    }
    Ok(at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::{Plan, Reader, MAX_READ_DEPTH, MAX_VALUES};
    use serde_json::json;

    /// The whole value, kept.
    fn read(text: &str) -> Value {
        let doc = JsonText::parse(text).expect("JSON");
        Reader::new(true).read(doc.root(), Plan::Whole, 0)
    }

    /// What `serde_json` says of a text it refuses, where it refuses it for
    /// a reason JSON also has (not one of the differences this reader makes
    /// on purpose).
    fn serde_verdict(text: &str) -> Option<Result<(), NotJson>> {
        match serde_json::from_str::<serde_json::Value>(text) {
            Ok(_) => Some(Ok(())),
            Err(error) => {
                let message = error.to_string();
                let deliberate = ["surrogate", "hex escape", "out of range", "recursion"];
                if deliberate.iter().any(|word| message.contains(word)) {
                    return None;
                }
                Some(Err(NotJson {
                    ended: error.is_eof(),
                    line: error.line(),
                    column: error.column(),
                }))
            }
        }
    }

    #[test]
    fn refuses_what_serde_json_refuses_at_the_same_line_and_column() {
        let samples = [
            "{\"a\": [1, 2.5, -3e+2, true, false, null],\n \"b\": {\"c\": \"x\\\"y\\u00e9\\n\"}}",
            "[\n  {\"firstname\": \"A\"},\n  {\"tags\": [\"x\", \"y\"], \"n\": -0.5E-3}\n]",
            " \"text\\t\" ",
            "-12",
            "{\"custom_fields\":{\"deep\":[[[{}]]],\"e\":1E5}}\r\n",
        ];
        let replacements: &[&str] = &[
            "", " ", "\n", ",", ":", "[", "]", "{", "}", "\"", "\\", "0", "1", "-", ".", "e", "E",
            "+", "x", "n", "t", "f", "u", "\u{1}", "\u{feff}", "/", "é", ",]", ",}", "00", "\\u12",
            "\\x", "\"\n\"",
        ];
        let mut checked = 0;
        for sample in samples {
            assert_eq!(serde_verdict(sample), Some(Ok(())), "{sample}");
            let bounds: Vec<usize> = (0..=sample.len())
                .filter(|&at| sample.is_char_boundary(at))
                .collect();
            let mut texts = Vec::new();
            for &at in &bounds {
                texts.push(sample[..at].to_owned());
                for replacement in replacements {
                    texts.push(format!("{}{replacement}{}", &sample[..at], &sample[at..]));
                    if let Some(&next) = bounds.iter().find(|&&b| b > at) {
                        texts.push(format!("{}{replacement}{}", &sample[..at], &sample[next..]));
                    }
                }
            }
            for text in texts {
                let Some(expected) = serde_verdict(&text) else {
                    continue;
                };
                let actual = JsonText::parse(&text).map(|_| ());
                assert_eq!(actual, expected, "{text:?}");
                checked += 1;
            }
        }
        assert!(checked > 10_000, "{checked}");
    }

    #[test]
    fn reads_what_serde_json_reads() {
        let text = r#"{"b": 1, "a": [true, null, "x\u00e9\ud83d\ude00", -2, 1.5e3, 0.1],
            "c": {"d": "e\"\\\/\b\f\n\r\t"}, "big": 18446744073709551615, "neg": -9223372036854775808}"#;
        let expected: serde_json::Value = serde_json::from_str(text).unwrap();
        assert_eq!(read(text).to_json(), expected);
        assert_eq!(
            serde_json::to_string(&read(text).to_json()).unwrap(),
            serde_json::to_string(&expected).unwrap(),
            "same numbers, same key order"
        );
    }

    #[test]
    fn floats_are_the_nearest_double_and_integers_stay_integers() {
        let value = read("[104.57142857142857, 1, -1, -0, 1.0, 1e2, 9007199254740993, 1e400, -1e400, 1e-400, 123456789012345678901234567890]");
        let Value::Array(items) = value else { panic!() };
        let number = |i: usize| match &items[i] {
            Value::Number(n) => n.clone(),
            other => panic!("{other:?}"),
        };
        assert_eq!(number(0).as_f64(), Some(104.57142857142857));
        assert_eq!(number(0).to_string(), "104.57142857142857");
        assert!(number(1).is_u64());
        assert_eq!(number(2).as_i64(), Some(-1));
        assert!(number(3).is_f64() && number(3).as_f64().unwrap().is_sign_negative());
        assert_eq!(number(4).as_f64(), Some(1.0));
        assert!(number(4).is_f64(), "1.0 is a float, as serde_json reads it");
        assert_eq!(number(5).as_f64(), Some(100.0));
        assert_eq!(number(6).as_u64(), Some(9007199254740993));
        assert_eq!(
            items[7],
            Value::Foreign(Foreign::NotJson("Infinity".into()))
        );
        assert_eq!(
            items[8],
            Value::Foreign(Foreign::NotJson("-Infinity".into()))
        );
        assert_eq!(number(9).as_f64(), Some(0.0));
        assert_eq!(number(10).as_f64(), Some(1.2345678901234568e29));
    }

    #[test]
    fn the_fast_path_gives_the_nearest_double_too() {
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        let mut fast = 0;
        for _ in 0..200_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let digits = state % 10u64.pow((state >> 60) as u32 % 17 + 1);
            let point = (state >> 40) as usize % 18;
            let exponent = (state >> 20) as i32 % 30;
            let mut text = digits.to_string();
            if point < text.len() {
                text.insert(text.len() - point, '.');
                if text.starts_with('.') {
                    text.insert(0, '0');
                }
            }
            for text in [
                text.clone(),
                format!("-{text}e{exponent}"),
                format!("{text}E+{}", exponent.abs()),
            ] {
                let expected: f64 = text.parse().unwrap();
                if let Some(value) = exact_float(&text) {
                    assert_eq!(value.to_bits(), expected.to_bits(), "{text}");
                    fast += 1;
                }
            }
        }
        assert!(fast > 100_000, "{fast}");
    }

    #[test]
    fn every_float_survives_the_trip_through_text() {
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        for _ in 0..20_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let float = f64::from_bits(state);
            if !float.is_finite() {
                continue;
            }
            let text = serde_json::to_string(&float).unwrap();
            match read(&text) {
                Value::Number(n) => assert_eq!(n.as_f64(), Some(float), "{text}"),
                other => panic!("{text}: {other:?}"),
            }
        }
    }

    #[test]
    fn escaped_lone_surrogates_are_foreign_and_pairs_are_characters() {
        for text in [
            r#""\ud800""#,
            r#""a\udc00b""#,
            r#""\ud800\u0041""#,
            r#""\ude00\ud83d""#,
        ] {
            assert_eq!(read(text), Value::Foreign(Foreign::LoneSurrogate), "{text}");
        }
        assert_eq!(read(r#""\ud83d\ude00!""#), Value::String("😀!".into()));
        assert_eq!(read(r#""\uD83D\uDE00""#), Value::String("😀".into()));
    }

    #[test]
    fn a_key_with_a_lone_surrogate_gives_its_member_as_one() {
        let value = read(r#"{"\ud800": 1, "ok": 2}"#);
        let Value::Object(members) = value else {
            panic!()
        };
        assert_eq!(members[0].0, "\u{fffd}");
        assert_eq!(members[0].1, Value::Foreign(Foreign::LoneSurrogate));
        assert_eq!(members[1], ("ok".into(), json_value(2)));
    }

    fn json_value(n: u64) -> Value {
        Value::Number(n.into())
    }

    #[test]
    fn strings_and_keys_over_the_bound_are_refused_by_length() {
        let long = "é".repeat(MAX_STRING_UNITS + 1);
        assert_eq!(
            read(&format!("\"{long}\"")),
            Value::Foreign(Foreign::StringTooLong(MAX_STRING_UNITS + 1))
        );
        let escapes = "\\n".repeat(MAX_STRING_UNITS + 1);
        assert_eq!(
            read(&format!("\"{escapes}\"")),
            Value::Foreign(Foreign::StringTooLong(MAX_STRING_UNITS + 1))
        );
        let astral = "😀".repeat(MAX_STRING_UNITS / 2 + 1);
        assert_eq!(
            read(&format!("\"{astral}\"")),
            Value::Foreign(Foreign::StringTooLong(MAX_STRING_UNITS + 2))
        );
        let at_bound = "a".repeat(MAX_STRING_UNITS);
        assert_eq!(
            read(&format!("\"{at_bound}\"")),
            Value::String(at_bound.clone())
        );
        assert_eq!(
            read(&format!("{{\"{long}\": 1}}")),
            Value::Foreign(Foreign::Unreadable(KEY_TOO_LONG.into()))
        );
    }

    #[test]
    fn nesting_of_any_depth_is_checked_and_read_to_the_bound_only() {
        for depth in [MAX_READ_DEPTH + 5, 129, 200_000] {
            let text = format!("{}1{}", "[".repeat(depth), "]".repeat(depth));
            let mut value = &read(&text);
            let mut levels = 0;
            while let Value::Array(items) = value {
                value = &items[0];
                levels += 1;
            }
            assert_eq!(levels, MAX_READ_DEPTH + 1);
            assert_eq!(value, &Value::Foreign(Foreign::TooDeep));
            let broken = format!("{}1{}", "[".repeat(depth), "]".repeat(depth - 1));
            let error = JsonText::parse(&broken).err().expect("unclosed");
            assert!(error.ended);
            assert_eq!(error.column, broken.len());
        }
        let objects = format!("{}{}", "{\"a\":".repeat(100_000), "}".repeat(100_000));
        assert!(JsonText::parse(&objects).is_err(), "a key needs a value");
        let objects = format!("{}0{}", "{\"a\":".repeat(100_000), "}".repeat(100_000));
        assert!(JsonText::parse(&objects).is_ok());
    }

    #[test]
    fn huge_arrays_are_cut_off_at_the_value_bound() {
        let text = format!("[{}0]", "0,".repeat(MAX_VALUES));
        assert_eq!(read(&text), Value::Foreign(Foreign::TooLarge));
        let text = format!("[{}0]", "0,".repeat(MAX_VALUES - 2));
        assert!(matches!(read(&text), Value::Array(items) if items.len() == MAX_VALUES - 1));
    }

    #[test]
    fn a_key_given_twice_keeps_its_first_place_and_last_value() {
        let text = r#"{"a": 1, "b": 2, "a": 3, "\u0061": 4, "c": {"x": 1, "x": [2]}}"#;
        let expected: serde_json::Value = serde_json::from_str(text).unwrap();
        assert_eq!(expected, json!({"a": 4, "b": 2, "c": {"x": [2]}}));
        let value = read(text);
        assert_eq!(value.to_json(), expected);
        let Value::Object(members) = value else {
            panic!()
        };
        let keys: Vec<&str> = members.iter().map(|(k, _)| k.as_ref()).collect();
        assert_eq!(keys, ["a", "b", "c"]);
        // Many keys (the sorted way), twins far apart.
        let many: Vec<String> = (0..40).map(|i| format!("\"k{}\": {i}", i % 25)).collect();
        let text = format!("{{{}}}", many.join(","));
        let expected: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(read(&text).to_json(), expected);
        assert_eq!(
            serde_json::to_string(&read(&text).to_json()).unwrap(),
            serde_json::to_string(&expected).unwrap()
        );
    }

    #[test]
    fn unknown_keys_are_stepped_over_unless_kept() {
        static PLAN: &[(&str, Plan)] = &[("firstname", Plan::Whole)];
        let text = r#"{"x": {"deep": [1, {"y": "\u0000"}]}, "firstname": "A", "z": "]}"}"#;
        let doc = JsonText::parse(text).unwrap();
        let stripped = Reader::new(false).read(doc.root(), Plan::Record(PLAN), 0);
        assert_eq!(stripped.get("x"), Some(&Value::Foreign(Foreign::Skipped)));
        assert_eq!(stripped.get("z"), Some(&Value::Foreign(Foreign::Skipped)));
        assert_eq!(stripped.get("firstname"), Some(&Value::String("A".into())));
        let kept = Reader::new(true).read(doc.root(), Plan::Record(PLAN), 0);
        assert_eq!(
            kept.get("x").map(Value::to_json),
            Some(json!({"deep": [1, {"y": "\u{0}"}]}))
        );
        assert_eq!(kept.get("z").map(Value::to_json), Some(json!("]}")));
        // A known key's name is the table's own text.
        let Value::Object(members) = stripped else {
            panic!()
        };
        assert!(matches!(members[1].0, Key::Borrowed(_)));
    }

    #[test]
    fn big_containers_are_stepped_over_by_their_recorded_end() {
        let filler: Vec<String> = (0..500).map(|i| format!("{{\"s\": \"]}}{i}\"}}")).collect();
        let text = format!(
            "{{\"skip\": [{}], \"after\": [[{}]], \"last\": true}}",
            filler.join(","),
            filler.join(",")
        );
        let doc = JsonText::parse(&text).unwrap();
        assert!(doc.ends.len() >= 2);
        let expected: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(read(&text).to_json(), expected);
    }

    #[test]
    fn space_around_the_value_is_allowed_and_a_byte_order_mark_is_not() {
        assert_eq!(read(" \t\r\n{ } \n"), Value::Object(Vec::new()));
        let error = JsonText::parse("\u{feff}{}").err().unwrap();
        assert_eq!((error.ended, error.line, error.column), (false, 1, 1));
        let error = JsonText::parse("{}\u{a0}").err().unwrap();
        assert_eq!((error.ended, error.line, error.column), (false, 1, 3));
    }
}
