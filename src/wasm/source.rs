//! [`JsSource`]: a live JavaScript value as a [`Source`], read in few
//! boundary crossings.
//!
//! Each call from WebAssembly into JavaScript, and each string copied
//! across, costs far more than the work the rules do on a field, so the
//! values are not read one property access at a time. A small reading
//! helper in JavaScript (below) reads an object's keys in one call
//! and the members the reader wants in another, and describes what it read
//! as one string: a type tag per value, and the value itself for strings and
//! numbers. That string is copied once and parsed here. The helper decides
//! nothing: Rust chooses which members to read, and turns every description
//! into a [`Value`] (or an issue) exactly as when it read values one by one.
//!
//! The helper touches the input in the order the reader would: it stops
//! after an object, an array or a throw, so a container is opened (and a
//! thrown value's message read) before the next sibling is read; it reads
//! no member the reader skips; and it looks at no more values than the
//! reader's budget allows. Getters therefore run as often, and in the same
//! order, as they did when each value was read on its own.

use super::{get, thrown_message};
use crate::value::{
    ArraySource, Foreign, Items, Keyed, Members, ObjectSource, Shape, Source, Value,
    MAX_STRING_UNITS,
};
use js_sys::JsString;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

// The reading helper. A description is a string of entries, one per value:
//
// | entry | value |
// |---|---|
// | `s<units>:<text>` | a string of `<units>` UTF-16 code units |
// | `d<high>.<low>;` | a number: its IEEE 754 bits, two 32-bit halves in hexadecimal |
// | `n`, `t`, `f` | `null`, `true`, `false` |
// | `F`, `B`, `Y`, `U`, `?` | a function, bigint, symbol, `undefined`, any other `typeof` |
// | `u` | an `undefined` member of an object (not a value: dropped) |
// | `x` | a member not looked at: the reader's budget is spent |
// | `A` | an array, kept |
// | `o<units>:<tag>` | another object and its `Object.prototype.toString` tag, kept |
// | `S` | a string longer than the inline bound, kept |
// | `E` | looking at the value threw; the thrown value is kept |
// | `T` | reading the member threw; the thrown value is kept |
//
// A kept value ends the description; `takeHeld` hands it over.
#[wasm_bindgen(inline_js = r#"
const objectTag = Object.prototype.toString;
const bits = new DataView(new ArrayBuffer(8));
let held;
let kept = false;

function keep(value, entry) {
  held = value;
  kept = true;
  return entry;
}

export function takeHeld() {
  const value = held;
  held = undefined;
  kept = false;
  return value;
}

function describeObject(value) {
  try {
    if (Array.isArray(value)) return keep(value, "A");
    const tag = objectTag.call(value);
    return keep(value, `o${tag.length}:${tag}`);
  } catch (thrown) {
    return keep(thrown, "E");
  }
}

export function describe(value, inlineMax) {
  switch (typeof value) {
    case "string":
      return value.length <= inlineMax ? `s${value.length}:${value}` : keep(value, "S");
    case "number":
      // The exact bits, as two hexadecimal halves: no decimal round trip.
      bits.setFloat64(0, value);
      return `d${bits.getUint32(0).toString(16)}.${bits.getUint32(4).toString(16)};`;
    case "boolean":
      return value ? "t" : "f";
    case "object":
      return value === null ? "n" : describeObject(value);
    case "function":
      return "F";
    case "bigint":
      return "B";
    case "symbol":
      return "Y";
    case "undefined":
      return value === undefined ? "U" : "?";
    default:
      return "?";
  }
}

export function readKeys(object, limit) {
  const keys = Object.keys(object);
  let out = `${keys.length};`;
  if (keys.length > limit) return out;
  for (let i = 0; i < keys.length; i++) out += `${keys[i].length}:${keys[i]}`;
  return keep(keys, out);
}

export function readMembers(object, keys, wanted, from, budget, inlineMax) {
  let out = "";
  for (let i = from; i < keys.length; i++) {
    if (wanted[i] === 0) continue;
    let value;
    try {
      value = object[keys[i]];
    } catch (thrown) {
      return out + keep(thrown, "T");
    }
    if (value === undefined) {
      out += "u";
    } else if (budget === 0) {
      out += "x";
    } else {
      budget -= 1;
      out += describe(value, inlineMax);
      if (kept) return out;
    }
  }
  return out;
}

// The options of a call (the programmer's, not input data), in one
// crossing: "" when they are null (or undefined), "!" when they are not an
// object, else per name "U" (undefined), "s<units>:<text>" (a string), or
// "?" (anything else) or "T" (reading threw, the thrown value kept), either
// of which ends the description: Rust refuses the options there.
export function readOptions(options, first, second) {
  if (options === null || options === undefined) return "";
  if (typeof options !== "object") return "!";
  let out = "";
  for (const name of [first, second]) {
    let value;
    try {
      value = options[name];
    } catch (thrown) {
      return out + keep(thrown, "T");
    }
    if (value === undefined) out += "U";
    else if (typeof value === "string") out += `s${value.length}:${value}`;
    else return out + "?";
  }
  return out;
}

export function readItems(array, from, end, budget, inlineMax) {
  let out = "";
  for (let i = from; i < end; i++) {
    let value;
    try {
      value = array[i];
    } catch (thrown) {
      return out + keep(thrown, "T");
    }
    if (budget === 0) {
      out += "x";
    } else {
      budget -= 1;
      out += describe(value, inlineMax);
      if (kept) return out;
    }
  }
  return out;
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = takeHeld)]
    fn take_held() -> JsValue;

    #[wasm_bindgen(catch)]
    fn describe(value: &JsValue, inline_max: f64) -> Result<JsString, JsValue>;

    /// Throws what `Object.keys` throws.
    #[wasm_bindgen(catch, js_name = readKeys)]
    fn read_keys(object: &JsValue, limit: f64) -> Result<JsString, JsValue>;

    #[wasm_bindgen(catch, js_name = readMembers)]
    fn read_members(
        object: &JsValue,
        keys: &JsValue,
        wanted: &[u8],
        from: u32,
        budget: f64,
        inline_max: f64,
    ) -> Result<JsString, JsValue>;

    #[wasm_bindgen(catch, js_name = readOptions)]
    fn read_options(
        options: &JsValue,
        first: &JsValue,
        second: &JsValue,
    ) -> Result<JsString, JsValue>;

    #[wasm_bindgen(catch, js_name = readItems)]
    fn read_items(
        array: &JsValue,
        from: u32,
        end: u32,
        budget: f64,
        inline_max: f64,
    ) -> Result<JsString, JsValue>;
}

/// What a description that does not parse becomes: never expected, but a
/// value, not a panic.
const GARBLED: &str = "the value's description could not be decoded";

/// Whether text copied from JavaScript may hide a lone surrogate, which
/// the copy turns into U+FFFD. (ASCII is checked first: it is fast, and
/// most text is.)
fn has_replacement(text: &str) -> bool {
    !text.is_ascii() && text.contains('\u{FFFD}')
}

/// A string value read from JavaScript, whose lone surrogates arrived as
/// U+FFFD: only then is `well_formed` asked whether the original had any.
fn string_value(text: String, well_formed: impl FnOnce() -> bool) -> Value {
    if has_replacement(&text) && !well_formed() {
        Value::Foreign(Foreign::LoneSurrogate)
    } else {
        Value::String(text)
    }
}

/// A string value under the length bound, with lone surrogates detected.
fn read_string(value: &JsValue) -> Value {
    let js: &JsString = value.unchecked_ref();
    let units = js.length() as usize;
    if units > MAX_STRING_UNITS {
        return Value::Foreign(Foreign::StringTooLong(units));
    }
    string_value(value.as_string().unwrap_or_default(), || {
        js.is_valid_utf16()
    })
}

fn read_number(number: f64) -> Value {
    match serde_json::Number::from_f64(number) {
        Some(n) => Value::Number(n),
        None if number.is_nan() => Value::Foreign(Foreign::NotJson("NaN".into())),
        None if number > 0.0 => Value::Foreign(Foreign::NotJson("Infinity".into())),
        None => Value::Foreign(Foreign::NotJson("-Infinity".into())),
    }
}

/// An object that is not an array, by its `Object.prototype.toString` tag:
/// a plain object (`[object Object]`) is read as one; any other class
/// (`Date`, `Map`, …) is not JSON.
fn tagged_object(tag: &str, object: JsValue) -> JsSource {
    match tag
        .strip_prefix("[object ")
        .and_then(|t| t.strip_suffix(']'))
    {
        Some("Object") => JsSource::Object(object),
        Some(class) => JsSource::Leaf(Value::Foreign(Foreign::NotJson(class.to_owned()))),
        None => JsSource::Leaf(Value::Foreign(Foreign::NotJson(tag.to_owned()))),
    }
}

fn unreadable(thrown: &JsValue) -> Value {
    Value::Foreign(Foreign::Unreadable(thrown_message(thrown)))
}

/// One entry of a description, parsed.
enum Entry {
    /// A value, or a member that is `undefined` (`None`).
    Read(Option<JsSource>),
    /// Reading the member threw: the message.
    Threw(String),
}

/// A description as the helper wrote it, parsed entry by entry.
struct Description {
    js: JsString,
    text: String,
    /// Where the next entry starts, in bytes of `text` and in UTF-16 code
    /// units of `js` (they differ once non-ASCII text has passed).
    at: usize,
    units: usize,
}

impl Description {
    fn new(js: JsString) -> Self {
        let text = String::from(&js);
        Description {
            js,
            text,
            at: 0,
            units: 0,
        }
    }

    fn is_done(&self) -> bool {
        self.at >= self.text.len()
    }

    /// The next byte of the syntax (always ASCII: one code unit).
    fn byte(&mut self) -> Option<u8> {
        let byte = *self.text.as_bytes().get(self.at)?;
        self.at += 1;
        self.units += 1;
        Some(byte)
    }

    /// ASCII up to `end` (consumed, not returned).
    fn until(&mut self, end: u8) -> Option<&str> {
        let rest = self.text.get(self.at..)?;
        let len = rest.bytes().position(|b| b == end)?;
        self.at += len + 1;
        self.units += len + 1;
        rest.get(..len)
    }

    /// A length in UTF-16 code units, ended by `:`.
    fn length(&mut self) -> Option<usize> {
        self.until(b':')?.parse().ok()
    }

    /// The next `units` UTF-16 code units of text, and where they start in `js`.
    fn text(&mut self, units: usize) -> Option<(&str, u32)> {
        let start = self.at;
        let rest = self.text.get(start..)?;
        let bytes = match rest.as_bytes().get(..units) {
            Some(ascii) if ascii.is_ascii() => units,
            _ => utf8_len(rest, units)?,
        };
        self.at += bytes;
        let first_unit = u32::try_from(self.units).ok()?;
        self.units += units;
        Some((rest.get(..bytes)?, first_unit))
    }

    /// A string entry's text as a value, lone surrogates detected.
    fn string(&mut self) -> Option<Value> {
        let units = self.length()?;
        self.string_of(units)
    }

    /// The next `units` code units as a string value, lone surrogates detected.
    fn string_of(&mut self, units: usize) -> Option<Value> {
        let (text, start) = self.text(units)?;
        let text = text.to_owned();
        let js = &self.js;
        Some(string_value(text, || {
            let end = start.saturating_add(units as u32);
            js.slice(start, end).is_valid_utf16()
        }))
    }

    /// A number written as its IEEE 754 bits, `<high>.<low>` in hexadecimal
    /// up to `;` (exact, and no decimal parsing code in the module).
    fn number_bits(&mut self) -> Option<f64> {
        let text = self.until(b';')?;
        let (high, low) = text.split_once('.')?;
        let high = u64::from(u32::from_str_radix(high, 16).ok()?);
        let low = u64::from(u32::from_str_radix(low, 16).ok()?);
        Some(f64::from_bits(high << 32 | low))
    }

    /// The next entry, or `None` if the description is garbled.
    fn entry(&mut self) -> Option<Entry> {
        let leaf = |value| Some(Entry::Read(Some(JsSource::Leaf(value))));
        let not_json = |name: &str| leaf(Value::Foreign(Foreign::NotJson(name.to_owned())));
        match self.byte()? {
            b's' => leaf(self.string()?),
            b'd' => leaf(read_number(self.number_bits()?)),
            b'n' => leaf(Value::Null),
            b't' => leaf(Value::Bool(true)),
            b'f' => leaf(Value::Bool(false)),
            b'F' => not_json("function"),
            b'B' => not_json("bigint"),
            b'Y' => not_json("symbol"),
            b'U' => not_json("undefined"),
            b'?' => not_json("unknown"),
            b'u' => Some(Entry::Read(None)),
            // Never looked at: the reader has no budget left to read it.
            b'x' => leaf(Value::Foreign(Foreign::TooLarge)),
            b'A' => Some(Entry::Read(Some(JsSource::Array(take_held())))),
            b'o' => {
                let units = self.length()?;
                let (tag, _) = self.text(units)?;
                Some(Entry::Read(Some(tagged_object(tag, take_held()))))
            }
            b'S' => leaf(read_string(&take_held())),
            b'E' => leaf(unreadable(&take_held())),
            b'T' => Some(Entry::Threw(thrown_message(&take_held()))),
            _ => None,
        }
    }

    /// The keys of a `readKeys` description, and the kept array of them;
    /// `None` inside when there are more than `limit`.
    fn keys(&mut self, limit: usize) -> Result<Option<(Vec<String>, JsValue)>, String> {
        let count: usize = self
            .until(b';')
            .and_then(|count| count.parse().ok())
            .ok_or(GARBLED)?;
        if count > limit {
            return Ok(None);
        }
        let array = take_held();
        let mut keys = Vec::with_capacity(count);
        for _ in 0..count {
            let units = self.length().ok_or(GARBLED)?;
            if units > MAX_STRING_UNITS {
                return Err("a key is too long".to_owned());
            }
            match self.string_of(units).ok_or(GARBLED)? {
                Value::String(key) => keys.push(key),
                _ => return Err("a key contains an unpaired UTF-16 surrogate".to_owned()),
            }
        }
        Ok(Some((keys, array)))
    }
}

/// One option of a call as `readOptions` saw it.
pub enum OptionValue {
    /// `undefined`, or not looked at because an earlier option is refused.
    Absent,
    /// A string (lone surrogates replaced, as `JsValue::as_string` does).
    Text(String),
    /// Anything else.
    NotText,
    /// Reading it threw: the thrown value's message.
    Threw(String),
}

/// The options object of a call as `readOptions` saw it.
pub enum OptionsRead {
    /// `null` or `undefined`: every option is absent.
    Absent,
    /// Not an object.
    NotObject,
    /// The options named `first` and `second`.
    Values([OptionValue; 2]),
}

/// The options `first` and `second` of `options`, read in one crossing
/// (reading them one `Reflect.get` and one type check at a time cost more
/// than the phone number they configure). Reading stops at the first option
/// that is neither `undefined` nor a string: the caller refuses the options
/// there.
pub fn read_option_pair(options: &JsValue, first: &JsValue, second: &JsValue) -> OptionsRead {
    let mut values = [OptionValue::Absent, OptionValue::Absent];
    let mut description = match read_options(options, first, second) {
        Ok(text) => Description::new(text),
        Err(thrown) => {
            values[0] = OptionValue::Threw(thrown_message(&thrown));
            return OptionsRead::Values(values);
        }
    };
    match description.text.as_str() {
        "" => return OptionsRead::Absent,
        "!" => return OptionsRead::NotObject,
        _ => {}
    }
    for value in &mut values {
        *value = match description.byte() {
            Some(b'U') | None => OptionValue::Absent,
            Some(b's') => match description.length().and_then(|n| description.text(n)) {
                Some((text, _)) => OptionValue::Text(text.to_owned()),
                None => OptionValue::Threw(GARBLED.to_owned()),
            },
            Some(b'T') => OptionValue::Threw(thrown_message(&take_held())),
            Some(_) => OptionValue::NotText,
        };
        if !matches!(value, OptionValue::Absent | OptionValue::Text(_)) {
            break;
        }
    }
    OptionsRead::Values(values)
}

/// The byte length of the first `units` UTF-16 code units of `text`.
fn utf8_len(text: &str, units: usize) -> Option<usize> {
    let mut left = units;
    for (at, c) in text.char_indices() {
        if left == 0 {
            return Some(at);
        }
        left = left.checked_sub(c.len_utf16())?;
    }
    (left == 0).then_some(text.len())
}

/// Strings up to this many code units travel inside a description; longer
/// ones are kept and read on their own by [`read_string`], which refuses
/// those over the bound without copying them.
const INLINE_MAX: f64 = MAX_STRING_UNITS as f64;

/// A live JavaScript value as a [`Source`].
pub enum JsSource {
    /// A value not looked at yet: the input itself.
    Raw(JsValue),
    /// A value the helper has looked at that has no children.
    Leaf(Value),
    Array(JsValue),
    /// A plain object (`[object Object]`).
    Object(JsValue),
}

impl Source for JsSource {
    type Array = JsArray;
    type Object = JsObject;

    fn shape(self) -> Shape<JsArray, JsObject> {
        match self {
            JsSource::Raw(value) => look_at(&value).shape(),
            JsSource::Leaf(value) => Shape::Leaf(value),
            JsSource::Array(array) => Shape::Array(JsArray(array)),
            JsSource::Object(object) => Shape::Object(JsObject(object)),
        }
    }
}

/// A value as the helper sees it (never [`JsSource::Raw`]).
fn look_at(value: &JsValue) -> JsSource {
    match describe(value, INLINE_MAX) {
        Ok(description) => match Description::new(description).entry() {
            Some(Entry::Read(Some(source))) => source,
            _ => JsSource::Leaf(Value::Foreign(Foreign::Unreadable(GARBLED.to_owned()))),
        },
        Err(thrown) => JsSource::Leaf(unreadable(&thrown)),
    }
}

pub struct JsArray(JsValue);

impl ArraySource<JsSource> for JsArray {
    type Items = JsItems;

    fn length(&self) -> Result<usize, String> {
        let length = get(&self.0, &JsValue::from_str("length")).map_err(|t| thrown_message(&t))?;
        length
            .as_f64()
            .filter(|n| *n >= 0.0 && n.fract() == 0.0)
            .map(|n| n as usize)
            .ok_or_else(|| "the array has no valid length".to_owned())
    }

    fn items(self, len: usize) -> JsItems {
        JsItems {
            array: self.0,
            // The reader refuses arrays longer than its value bound, far below u32::MAX.
            end: u32::try_from(len).unwrap_or(u32::MAX),
            next: 0,
            pending: Pending::default(),
        }
    }
}

pub struct JsItems {
    array: JsValue,
    end: u32,
    /// The index of the next item.
    next: u32,
    pending: Pending,
}

impl Items<JsSource> for JsItems {
    fn next(&mut self, budget: usize) -> Result<JsSource, String> {
        let (array, from, end) = (&self.array, self.next, self.end);
        let item = self
            .pending
            .next(|| read_items(array, from, end, budget as f64, INLINE_MAX));
        self.next += 1;
        item?.ok_or_else(|| GARBLED.to_owned())
    }
}

pub struct JsObject(JsValue);

impl ObjectSource<JsSource> for JsObject {
    type Members = JsMembers;

    fn keys(self, limit: usize) -> Result<Option<Keyed<JsMembers>>, String> {
        let description = read_keys(&self.0, limit as f64).map_err(|t| thrown_message(&t))?;
        let Some((names, keys)) = Description::new(description).keys(limit)? else {
            return Ok(None);
        };
        let members = JsMembers {
            object: self.0,
            keys,
            next: 0,
            pending: Pending::default(),
        };
        Ok(Some((names, members)))
    }
}

pub struct JsMembers {
    object: JsValue,
    /// The array `Object.keys` returned, which the members are read by.
    keys: JsValue,
    /// The index of the first key not read yet.
    next: usize,
    pending: Pending,
}

impl Members<JsSource> for JsMembers {
    fn next(&mut self, wanted: &[bool], budget: usize) -> Result<Option<JsSource>, String> {
        let from = self.next;
        let index = wanted
            .iter()
            .skip(from)
            .position(|&w| w)
            .map(|offset| from + offset)
            .ok_or(GARBLED)?;
        let (object, keys) = (&self.object, &self.keys);
        let member = self.pending.next(|| {
            let mask: Vec<u8> = wanted.iter().map(|&w| u8::from(w)).collect();
            let from = u32::try_from(index).unwrap_or(u32::MAX);
            read_members(object, keys, &mask, from, budget as f64, INLINE_MAX)
        });
        self.next = index + 1;
        member
    }
}

/// The entries left of the last description a cursor got.
#[derive(Default)]
struct Pending(Option<Description>);

impl Pending {
    /// The next entry: from the last description, or from a new one that
    /// `read` gets when that is used up.
    fn next(
        &mut self,
        read: impl FnOnce() -> Result<JsString, JsValue>,
    ) -> Result<Option<JsSource>, String> {
        let mut description = match self.0.take() {
            Some(description) if !description.is_done() => description,
            _ => Description::new(read().map_err(|t| thrown_message(&t))?),
        };
        let entry = description.entry();
        self.0 = Some(description);
        match entry {
            Some(Entry::Read(source)) => Ok(source),
            Some(Entry::Threw(message)) => Err(message),
            None => {
                self.0 = None;
                Err(GARBLED.to_owned())
            }
        }
    }
}
