//! [`JsSource`]: a live JavaScript value as a [`Source`], read in few
//! boundary crossings.
//!
//! Each call from WebAssembly into JavaScript, and each string copied
//! across, costs far more than the work the rules do on a field, so the
//! values are not read one property access at a time. A small reading
//! helper in JavaScript (below) reads an object's keys in one call
//! and the members the reader wants in another, and describes what it read
//! as a sequence of UTF-16 code units: a type tag per value, and the value
//! itself for strings and numbers. The helper writes the description
//! straight into a buffer in WebAssembly memory, and it never throws (a
//! throw is an entry of the description): no JavaScript string is handed to
//! Rust, and no exception-catching wrapper runs, which were most of a
//! crossing's cost.
//! Rust parses the code units and decides: it chooses which members to
//! read, and turns every description into a [`Value`] (or an issue) exactly
//! as when it read values one by one. Strings are decoded from UTF-16 here,
//! so a lone surrogate is seen as one, not after a lossy copy.
//!
//! The helper touches the input in the order the reader would: it stops
//! after an object, an array or a throw, so a container is opened (and a
//! thrown value's message read) before the next sibling is read; it reads
//! no member the reader skips; and it looks at no more values than the
//! reader's budget allows. Getters therefore run as often, and in the same
//! order, as they did when each value was read on its own.

use super::one_thread::OneThread;
use super::{thrown_message, OPTION_LIST};
use customer_schema::binding::{FIELD_LIST, FIELD_NAMES};
use customer_schema::value::{
    next_wanted, ArraySource, Foreign, Items, Key, Keyed, Members, ObjectSource, Shape, Source,
    Value, Want, MAX_STRING_UNITS, MAX_VALUES,
};
use js_sys::JsString;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

// The reading helper (`js/source.js`). A description is a sequence of UTF-16 code units:
// entries, one per value, each a tag unit (an ASCII letter) and what follows
// it. `<n>` is a 32-bit count in two units (low half first):
//
// | entry | value |
// |---|---|
// | `s<n><text>` | a string of `<n>` code units |
// | `d<bits>` | a number: its IEEE 754 bits in four units (low first) |
// | `n`, `t`, `f` | `null`, `true`, `false` |
// | `F`, `B`, `Y`, `U`, `?` | a function, bigint, symbol, `undefined`, any other `typeof` |
// | `u` | an `undefined` member of an object (not a value: dropped) |
// | `x` | a member not looked at: the reader's budget is spent |
// | `A` | an array, kept |
// | `O` | a plain object (see `describeObject`), kept |
// | `a<n>`, `P<n>` | an array, a plain object, kept, numbered `<n>`: the same number for the same object, once the record has used some of its budget (see `keepContainer`) |
// | `o<n><tag>` | another object and its `Object.prototype.toString` tag, kept |
// | `S` | a string longer than the inline bound, kept |
// | `E` | looking at the value threw; the thrown value is kept |
// | `T` | reading the member (or the keys) threw; the thrown value is kept |
//
// `readKeys` describes the keys as `K<n>` and `<n>` keys (just `K<n>` when
// there are more than it may read), as `L` when a key is longer than the
// inline bound (not copied), or as `T`. A key is `k<i>` when it is the
// field name at index `i` of the list Rust handed over with the memory (one
// unit, where its text would be copied and decoded), else `s<n><text>`. A
// list of field names the same as the last one is copied from it.
//
// A kept value ends the description; `takeHeld` hands it over. A member
// list also ends once the description passes `CHUNK` units: Rust asks again
// from the next member.
//
// The helper writes into its own growing buffer, without building strings;
// every exported reader returns the description's length and copies it to
// byte address `at` of the WebAssembly memory when it fits `capacity`; when
// it does not, Rust makes room and calls `copyPending`.
#[wasm_bindgen(module = "/js/source.js")]
extern "C" {
    #[wasm_bindgen(js_name = useMemory)]
    fn use_memory(memory: &JsValue, options: &str, fields: &str, numbering_below: f64);

    #[wasm_bindgen(js_name = copyPending)]
    fn copy_pending(at: u32);

    #[wasm_bindgen(js_name = takeHeld)]
    fn take_held() -> JsValue;

    fn describe(value: &JsValue, inline_max: f64, at: u32, capacity: u32) -> u32;

    #[wasm_bindgen(js_name = readKeys)]
    fn read_keys(object: &JsValue, limit: f64, inline_max: f64, at: u32, capacity: u32) -> u32;

    #[wasm_bindgen(js_name = readMembers)]
    fn read_members(
        object: &JsValue,
        keys: &JsValue,
        wanted: u32,
        from: u32,
        budget: f64,
        inline_max: f64,
        at: u32,
        capacity: u32,
    ) -> u32;

    #[wasm_bindgen(js_name = readLength)]
    fn read_length(array: &JsValue) -> f64;

    #[wasm_bindgen(js_name = readItems)]
    fn read_items(
        array: &JsValue,
        from: u32,
        end: u32,
        budget: f64,
        inline_max: f64,
        at: u32,
        capacity: u32,
    ) -> u32;

    /// A description's length, or a two-letter region alone packed as a
    /// negative number.
    #[wasm_bindgen(js_name = readOptions)]
    fn read_options(options: &JsValue, inline_max: f64, at: u32, capacity: u32) -> i32;
}

thread_local! {
    /// Hands this instance's memory to the helper, once per instance.
    static MEMORY_SHARED: () = {
        use_memory(&wasm_bindgen::memory(), OPTION_LIST, FIELD_NAMES, NUMBERING_BELOW);
    };
}

/// The helper numbers the containers it hands over (`a<n>`, `P<n>`: see
/// [`Source::identity`]) once a record has used this much of its budget:
/// a usual record, a few dozen values, never pays for the lookups.
const NUMBERING_BELOW: f64 = (MAX_VALUES - 64) as f64;

/// Code units a description is first given room for: one value's (`describe`,
/// the options) …
const ONE_VALUE: usize = 64;
/// … or a list's (keys, members, items): a typical record's fit.
const MANY_VALUES: usize = 1024;

/// The field name the helper sends as `index` (see `readKeys`).
fn field_name(index: u16) -> Option<&'static str> {
    FIELD_LIST.get(usize::from(index)).copied()
}

/// Buffers descriptions are received in, kept from one crossing to the
/// next (a fresh one per crossing cost an allocation and zeroing it). A
/// description being parsed owns its buffer; one read while it is (a
/// member's, a nested call's from a getter) takes another or makes one.
static SPARES: OneThread<Vec<Vec<u16>>> = OneThread::new(Vec::new());

/// The largest buffer kept in [`SPARES`] (in code units): a huge record's
/// buffer is freed, not held for the life of the module.
const SPARE_MAX: usize = 1 << 14;
/// Buffers kept: more than a record nests descriptions.
const SPARES_KEPT: usize = 8;

fn take_spare() -> Vec<u16> {
    let mut list = SPARES.take();
    let buffer = list.pop().unwrap_or_default();
    SPARES.set(list);
    buffer
}

fn give_back(buffer: Vec<u16>) {
    if buffer.capacity() > SPARE_MAX {
        return;
    }
    let mut list = SPARES.take();
    if list.len() < SPARES_KEPT {
        list.push(buffer);
    }
    SPARES.set(list);
}

/// Runs a reading helper (`read(at, capacity)`, returning the length of its
/// description) with room for `capacity` code units, and returns the
/// buffer it wrote and the description's length.
fn receive(capacity: usize, read: impl FnOnce(u32, u32) -> u32) -> (Vec<u16>, usize) {
    MEMORY_SHARED.with(|()| ());
    let mut units = take_spare();
    if units.len() < capacity {
        units.resize(capacity, 0);
    }
    let len = read(address(&mut units), capacity as u32) as usize;
    if len > capacity {
        if units.len() < len {
            units.resize(len, 0);
        }
        copy_pending(address(&mut units));
    }
    (units, len)
}

/// The byte address of `units` in WebAssembly memory (32-bit).
fn address(units: &mut [u16]) -> u32 {
    units.as_mut_ptr() as usize as u32
}

/// What a description that does not parse becomes: never expected, but a
/// value, not a panic.
const GARBLED: &str = "the value's description could not be decoded";

// Why an object with a key longer than `MAX_STRING_UNITS` is unreadable:
// the words of the core's JSON text reader for the same case.
use customer_schema::value::json_text::KEY_TOO_LONG;

/// A string the helper kept (longer than a description carries), under
/// the length bound, with lone surrogates detected.
fn read_string(value: &JsValue) -> Value {
    let js: &JsString = value.unchecked_ref();
    let units = js.length() as usize;
    if units > MAX_STRING_UNITS {
        Value::Foreign(Foreign::StringTooLong(units))
    } else if !js.is_valid_utf16() {
        Value::Foreign(Foreign::LoneSurrogate)
    } else {
        Value::String(value.as_string().unwrap_or_default())
    }
}

/// A string value from UTF-16 code units: a lone surrogate is reported, not
/// replaced.
fn string_value(units: &[u16]) -> Value {
    // ASCII (nearly every key, most text) is copied unit by unit, which is
    // several times faster than decoding code points one at a time.
    let text = if units.iter().all(|&unit| unit < 0x80) {
        let bytes = units.iter().map(|&unit| unit as u8).collect();
        String::from_utf8(bytes).or_else(|_| String::from_utf16(units))
    } else {
        String::from_utf16(units)
    };
    match text {
        Ok(text) => Value::String(text),
        Err(_) => Value::Foreign(Foreign::LoneSurrogate),
    }
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

/// An object's keys as a `readKeys` description gives them.
struct KeyList {
    names: Vec<Key>,
    /// The array `Object.keys` returned (kept by the helper).
    array: JsValue,
    /// The indices of the keys with a lone surrogate, which are in `names`
    /// with U+FFFD in its place.
    bad: Vec<usize>,
}

/// One entry of a description, parsed.
enum Entry {
    /// A value, or a member that is `undefined` (`None`).
    Read(Option<JsSource>),
    /// Reading the member threw: the message.
    Threw(String),
}

/// A description as the helper wrote it (UTF-16 code units), parsed entry
/// by entry.
struct Description {
    /// The buffer; the description is its first `len` units.
    buffer: Vec<u16>,
    len: usize,
    /// Where the next entry starts.
    at: usize,
}

impl Drop for Description {
    /// Hands the buffer back for the next crossing.
    fn drop(&mut self) {
        give_back(std::mem::take(&mut self.buffer));
    }
}

impl Description {
    /// Calls a reading helper (`read(at, capacity)`) and takes its
    /// description, first given room for `capacity` code units.
    fn read(capacity: usize, read: impl FnOnce(u32, u32) -> u32) -> Self {
        let (buffer, len) = receive(capacity, read);
        Description { buffer, len, at: 0 }
    }

    /// The description's code units.
    fn units(&self) -> &[u16] {
        self.buffer.get(..self.len).unwrap_or(&[])
    }

    fn is_done(&self) -> bool {
        self.at >= self.len
    }

    /// The next byte of the syntax (always ASCII: one code unit).
    fn byte(&mut self) -> Option<u8> {
        let byte = u8::try_from(*self.units().get(self.at)?).ok()?;
        self.at += 1;
        Some(byte)
    }

    /// A 32-bit count: two units, low half first.
    fn count(&mut self) -> Option<usize> {
        let [low, high] = self.fixed::<2>()?;
        Some(usize::from(low) | usize::from(high) << 16)
    }

    /// The next `N` units as they are.
    fn fixed<const N: usize>(&mut self) -> Option<[u16; N]> {
        let units = self
            .units()
            .get(self.at..self.at.checked_add(N)?)?
            .try_into()
            .ok()?;
        self.at += N;
        Some(units)
    }

    /// The next `len` code units of text.
    fn text(&mut self, len: usize) -> Option<&[u16]> {
        let text = self
            .buffer
            .get(..self.len)?
            .get(self.at..self.at.checked_add(len)?)?;
        self.at += len;
        Some(text)
    }

    /// A string entry's text as a value, lone surrogates detected.
    fn string(&mut self) -> Option<Value> {
        let len = self.count()?;
        self.text(len).map(string_value)
    }

    /// A number: its IEEE 754 bits (exact, and no decimal parsing code in
    /// the module).
    fn number_bits(&mut self) -> Option<f64> {
        let bits = self
            .fixed::<4>()?
            .iter()
            .rev()
            .fold(0u64, |bits, &unit| bits << 16 | u64::from(unit));
        Some(f64::from_bits(bits))
    }

    /// The next entry, or `None` if the description is garbled.
    fn entry(&mut self) -> Option<Entry> {
        let leaf = |value| Some(Entry::Read(Some(JsSource::Leaf(value))));
        let not_json = |name: &str| leaf(Value::Foreign(Foreign::NotJson(name.to_owned())));
        let byte = self.byte()?;
        match byte {
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
            b'O' => Some(Entry::Read(Some(JsSource::Object(take_held())))),
            b'a' | b'P' => {
                let id = u32::try_from(self.count()?).ok()?;
                let value = take_held();
                let array = byte == b'a';
                Some(Entry::Read(Some(JsSource::Numbered { id, array, value })))
            }
            b'o' => {
                let len = self.count()?;
                let tag = String::from_utf16_lossy(self.text(len)?);
                Some(Entry::Read(Some(tagged_object(&tag, take_held()))))
            }
            b'S' => leaf(read_string(&take_held())),
            b'E' => leaf(unreadable(&take_held())),
            b'T' => Some(Entry::Threw(thrown_message(&take_held()))),
            _ => None,
        }
    }

    /// The keys of a `readKeys` description; `None` inside when there are
    /// more than `limit`.
    fn keys(&mut self, limit: usize) -> Result<Option<KeyList>, String> {
        match self.byte() {
            Some(b'K') => {}
            Some(b'L') => return Err(KEY_TOO_LONG.to_owned()),
            Some(b'T') => return Err(thrown_message(&take_held())),
            _ => return Err(GARBLED.to_owned()),
        }
        let count = self.count().ok_or(GARBLED)?;
        if count > limit {
            return Ok(None);
        }
        let array = take_held();
        let mut keys = Vec::with_capacity(count);
        let mut bad = Vec::new();
        for position in 0..count {
            match self.byte() {
                Some(b'k') => {
                    let [index] = self.fixed::<1>().ok_or(GARBLED)?;
                    keys.push(Key::Borrowed(field_name(index).ok_or(GARBLED)?));
                    continue;
                }
                Some(b's') => {}
                _ => return Err(GARBLED.to_owned()),
            }
            let len = self.count().ok_or(GARBLED)?;
            if len > MAX_STRING_UNITS {
                return Err(KEY_TOO_LONG.to_owned());
            }
            let text = self.text(len).ok_or(GARBLED)?;
            match string_value(text) {
                Value::String(key) => keys.push(Key::Owned(key)),
                _ => {
                    keys.push(Key::Owned(String::from_utf16_lossy(text)));
                    bad.push(position);
                }
            }
        }
        Ok(Some(KeyList {
            names: keys,
            array,
            bad,
        }))
    }
}

/// One option of a call as `readOptions` saw it.
pub enum OptionValue {
    /// `undefined`, or not looked at because an earlier option is refused.
    Absent,
    /// A string (lone surrogates replaced, as `JsValue::as_string` does).
    Text(String),
    /// A string of two ASCII characters (the usual `defaultRegion`), read
    /// without allocating.
    Pair([u8; 2]),
    /// Anything else.
    NotText,
    /// Reading it threw: the thrown value's message.
    Threw(String),
    /// There, and not looked at (`messages`, read on its own).
    Given,
}

/// The options object of a call as `readOptions` saw it.
pub enum OptionsRead {
    /// `null` or `undefined`: every option is absent.
    Absent,
    /// Not an object.
    NotObject,
    /// The options named in `OPTION_LIST`, in that order, then
    /// `messages`: `Given` when it is there (an object, read on its own).
    Values([OptionValue; 4]),
}

/// The options named in `OPTION_LIST` of `options`, read in one crossing
/// (reading them one `Reflect.get` and one type check at a time cost more
/// than the phone number they configure). Reading stops at the first option
/// that is neither `undefined` nor a string: the caller refuses the options
/// there.
pub fn read_option_pair(options: &JsValue) -> OptionsRead {
    let mut values = [
        OptionValue::Absent,
        OptionValue::Absent,
        OptionValue::Absent,
        OptionValue::Absent,
    ];
    let mut packed = None;
    let mut description = Description::read(ONE_VALUE, |at, capacity| {
        let sent = read_options(options, OPTION_MAX, at, capacity);
        // A negative answer is -1 - (first unit << 7 | second unit).
        u32::try_from(sent).unwrap_or_else(|_| {
            packed = Some(!sent);
            0
        })
    });
    if let Some(units) = packed {
        values[0] = OptionValue::Pair([(units >> 7) as u8 & 0x7f, units as u8 & 0x7f]);
        return OptionsRead::Values(values);
    }
    match description.units() {
        [] => return OptionsRead::Absent,
        [unit] if *unit == u16::from(b'!') => return OptionsRead::NotObject,
        _ => {}
    }
    let [strings @ .., messages] = &mut values;
    for value in strings {
        *value = match description.byte() {
            Some(b'U') | None => OptionValue::Absent,
            Some(b's') => match description.count().and_then(|n| description.text(n)) {
                Some(text) => OptionValue::Text(String::from_utf16_lossy(text)),
                None => OptionValue::Threw(GARBLED.to_owned()),
            },
            Some(b'T') => OptionValue::Threw(thrown_message(&take_held())),
            // Longer than any valid value: refused, echoing how it begins.
            Some(b'L') => match description.count().and_then(|n| description.text(n)) {
                Some(text) => OptionValue::Text(String::from_utf16_lossy(text) + "…"),
                None => OptionValue::Threw(GARBLED.to_owned()),
            },
            Some(_) => OptionValue::NotText,
        };
        if !matches!(value, OptionValue::Absent | OptionValue::Text(_)) {
            return OptionsRead::Values(values);
        }
    }
    *messages = match description.byte() {
        Some(b'M') => OptionValue::Given,
        Some(b'T') => OptionValue::Threw(thrown_message(&take_held())),
        _ => OptionValue::Absent,
    };
    OptionsRead::Values(values)
}

/// Longest option value copied: far longer than any valid one, short enough
/// that a mistaken huge string costs nothing (its error quotes how it begins).
const OPTION_MAX: f64 = 1024.0;

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
    /// A plain object (see the helper's `describeObject`).
    Object(JsValue),
    /// An array or a plain object the helper numbered: the same `id` for
    /// the same object (see [`Source::identity`]).
    Numbered {
        id: u32,
        array: bool,
        value: JsValue,
    },
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
            JsSource::Numbered {
                array: true, value, ..
            } => Shape::Array(JsArray(value)),
            JsSource::Numbered { value, .. } => Shape::Object(JsObject(value)),
        }
    }

    fn identity(&self) -> Option<u32> {
        match self {
            JsSource::Numbered { id, .. } => Some(*id),
            _ => None,
        }
    }
}

/// A value as the helper sees it (never [`JsSource::Raw`]).
fn look_at(value: &JsValue) -> JsSource {
    let mut description = Description::read(ONE_VALUE, |at, capacity| {
        describe(value, INLINE_MAX, at, capacity)
    });
    match description.entry() {
        Some(Entry::Read(Some(source))) => source,
        _ => JsSource::Leaf(Value::Foreign(Foreign::Unreadable(GARBLED.to_owned()))),
    }
}

pub struct JsArray(JsValue);

impl ArraySource<JsSource> for JsArray {
    type Items = JsItems;

    fn length(&self) -> Result<usize, String> {
        let length = read_length(&self.0);
        if length >= 0.0 {
            // Whole: exact as usize up to 2^32 - 1, saturated above (and
            // then refused by the reader's bound).
            Ok(length as usize)
        } else if length == -1.0 {
            Err(thrown_message(&take_held()))
        } else {
            Err("the array has no valid length".to_owned())
        }
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
        let item = self.pending.next(|at, capacity| {
            read_items(array, from, end, budget as f64, INLINE_MAX, at, capacity)
        });
        self.next += 1;
        item?.ok_or_else(|| GARBLED.to_owned())
    }
}

pub struct JsObject(JsValue);

impl ObjectSource<JsSource> for JsObject {
    type Members = JsMembers;

    fn keys(self, limit: usize) -> Result<Option<Keyed<JsMembers>>, String> {
        let object = &self.0;
        let mut description = Description::read(MANY_VALUES, |at, capacity| {
            read_keys(object, limit as f64, INLINE_MAX, at, capacity)
        });
        let Some(KeyList { names, array, bad }) = description.keys(limit)? else {
            return Ok(None);
        };
        let members = JsMembers {
            object: self.0,
            keys: array,
            bad_keys: bad,
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
    /// The indices of the keys with a lone surrogate (U+FFFD in their
    /// place in the key list the reader got): their members, if the reader
    /// wants them, are unreadable.
    bad_keys: Vec<usize>,
    /// The index of the first key not read yet.
    next: usize,
    pending: Pending,
}

impl Members<JsSource> for JsMembers {
    fn next(&mut self, wanted: &[Want], budget: usize) -> Result<Option<JsSource>, String> {
        let from = self.next;
        let index = next_wanted(wanted, from).ok_or(GARBLED)?;
        let (object, keys) = (&self.object, &self.keys);
        let member = self.pending.next(|at, capacity| {
            let from = u32::try_from(index).unwrap_or(u32::MAX);
            // A `Want` is one byte (0 skip, 1 read, 2 read free): the helper
            // reads the flags in place.
            read_members(
                object,
                keys,
                wanted.as_ptr() as usize as u32,
                from,
                budget as f64,
                INLINE_MAX,
                at,
                capacity,
            )
        });
        self.next = index + 1;
        // A member is only read under a key that is kept (an unknown key is
        // stripped unread), and a kept key must be text: the member stands
        // for its key's lone surrogate (unless it is `undefined`, which is
        // dropped whatever its key).
        if self.bad_keys.contains(&index) && !matches!(member, Ok(None)) {
            return Ok(Some(JsSource::Leaf(Value::Foreign(Foreign::LoneSurrogate))));
        }
        member
    }
}

/// The entries left of the last description a cursor got.
#[derive(Default)]
struct Pending(Option<Description>);

impl Pending {
    /// The next entry: from the last description, or from a new one that
    /// `read` gets when that is used up.
    fn next(&mut self, read: impl FnOnce(u32, u32) -> u32) -> Result<Option<JsSource>, String> {
        let mut description = match self.0.take() {
            Some(description) if !description.is_done() => description,
            _ => Description::read(MANY_VALUES, read),
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
