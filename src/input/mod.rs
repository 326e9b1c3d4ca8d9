//! The input, read into a tree the rules can walk safely.
//!
//! Input arrives as a `serde_json::Value` (Rust), as JSON text (read in
//! place by [`json_text`]) or as a live JavaScript value (WebAssembly). A JavaScript value can be anything: cyclic,
//! 100,000 levels deep, a Proxy whose traps throw, a `Date`, a lone surrogate.
//! Rather than teach every rule about every host, both sources are read once
//! into [`Value`], under hard bounds decided *before* descending (depth, total
//! number of values, string length), so the reader never recurses without
//! limit and never hands a rule something it cannot represent. What JSON
//! cannot carry is kept as [`Foreign`], so that the rule which meets it can
//! report an issue at the right path instead of the reader failing early.
//!
//! Reading follows a [`Plan`]: the values of keys the schema does not know are
//! not read at all unless unknown keys are kept, so a cyclic object under an
//! unknown key costs nothing when it is going to be stripped.

use serde_json::Number;
use std::borrow::Cow;

pub mod json_text;

/// An object's key: borrowed when the host names a field the schema knows
/// (the JavaScript reader sends those as an index, so no text is copied),
/// owned otherwise.
pub type Key = Cow<'static, str>;

/// Deepest container read below the record's root. `custom_fields` is level
/// 1 at depth 1, so its 32 allowed levels of containers end at depth 32;
/// one level more is read so that a value kept under the address (an
/// unknown key with `passthrough`, level 1 at depth 2) gets its 32 levels
/// too. A container deeper than that is [`Foreign::TooDeep`] without being
/// opened; the depth rule names the first container past 32 levels.
pub const MAX_READ_DEPTH: usize = 33;

/// Most values read from one input; past it, [`Foreign::TooLarge`]. The
/// record, its address and their scalar fields are not counted (the schema
/// fixes how many there are; see [`Plan::Scalar`]): the bound is on what
/// the lists, objects and kept unknown keys hold.
pub const MAX_VALUES: usize = 100_000;

/// Longest string read, in UTF-16 code units (as JavaScript counts length).
pub const MAX_STRING_UNITS: usize = 1_000_000;

/// An input value, read under bounds.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    /// Always finite (NaN and the infinities are [`Foreign::NotJson`]).
    Number(Number),
    String(String),
    Array(Vec<Value>),
    /// Members in the input's key order; `undefined` members are dropped,
    /// as `JSON.stringify` drops them.
    Object(Vec<(Key, Value)>),
    Foreign(Foreign),
}

/// A value the reader could not or would not turn into JSON data.
#[derive(Debug, Clone, PartialEq)]
pub enum Foreign {
    /// A value JSON has no form for, by its JavaScript name: `undefined`,
    /// `function`, `symbol`, `bigint`, `NaN`, `Infinity`, `Date`, `Map`, …
    NotJson(String),
    /// Reading it threw (a getter or a Proxy trap); the thrown message.
    Unreadable(String),
    /// A string with an unpaired UTF-16 surrogate.
    LoneSurrogate,
    /// A string longer than [`MAX_STRING_UNITS`]; its length.
    StringTooLong(usize),
    /// A container deeper than [`MAX_READ_DEPTH`] (or part of a cycle).
    TooDeep,
    /// The input holds more than [`MAX_VALUES`] values.
    TooLarge,
    /// Not read: the key is unknown and unknown values are not kept.
    Skipped,
}

impl Value {
    /// The name of this value's type, as Zod reports it in `received`.
    pub fn type_name(&self) -> String {
        match self {
            Value::Null => "null".into(),
            Value::Bool(_) => "boolean".into(),
            Value::Number(_) => "number".into(),
            Value::String(_)
            | Value::Foreign(Foreign::LoneSurrogate | Foreign::StringTooLong(_)) => "string".into(),
            Value::Array(_) => "array".into(),
            Value::Object(_) | Value::Foreign(Foreign::TooDeep | Foreign::TooLarge) => {
                "object".into()
            }
            Value::Foreign(Foreign::NotJson(name)) => name.clone(),
            Value::Foreign(Foreign::Unreadable(_) | Foreign::Skipped) => "unknown".into(),
        }
    }

    /// The member `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(members) => members
                .iter()
                .find(|(k, _)| same_key(k, key))
                .map(|(_, v)| v),
            _ => None,
        }
    }

    /// Whether this is JSON data throughout (no [`Foreign`] value in it).
    /// Recursion is bounded by the reader's depth bound.
    pub fn is_json(&self) -> bool {
        match self {
            Value::Foreign(_) => false,
            Value::Array(items) => items.iter().all(Value::is_json),
            Value::Object(members) => members.iter().all(|(_, value)| value.is_json()),
            _ => true,
        }
    }

    /// Converts data that has passed the JSON-value rule into `serde_json`.
    /// Foreign values (which that rule reports) become `null`. Recursion is
    /// bounded by the reader's depth bound.
    pub fn to_json(&self) -> serde_json::Value {
        match self {
            Value::Null | Value::Foreign(_) => serde_json::Value::Null,
            Value::Bool(b) => serde_json::Value::Bool(*b),
            Value::Number(n) => serde_json::Value::Number(n.clone()),
            Value::String(s) => serde_json::Value::String(s.clone()),
            Value::Array(items) => {
                serde_json::Value::Array(items.iter().map(Value::to_json).collect())
            }
            Value::Object(members) => serde_json::Value::Object(
                members
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.to_json()))
                    .collect(),
            ),
        }
    }
}

/// A container [`Reader`] read, kept to be copied where it is met again.
struct Memo {
    depth: usize,
    value: Value,
    /// The values it holds (itself aside), counted when it is copied.
    held: usize,
}

/// How much of a value to read.
#[derive(Debug, Clone, Copy)]
pub enum Plan {
    /// All of it (within the bounds).
    Whole,
    /// An object whose known fields are read by their own plans; the values
    /// of other keys are read whole when `keep_unknown`, else skipped.
    Record(&'static [(&'static str, Plan)]),
    /// A record's field that holds one JSON scalar (a string, number,
    /// boolean or `null`). A list or an object there is the wrong type
    /// whatever it holds: it is refused without reading what is in it (an
    /// empty one of its kind stands for it). And such a field is read even
    /// past the bound, without counting against it (a record has a fixed
    /// number of them), so that a huge list under one field never hides
    /// another field's wrong type, and the defaults a record's output gains
    /// never take it over the bound that it must validate under again.
    Scalar,
}

/// What a host value looks like one level down: a leaf, fully read, or a
/// container to open.
pub enum Shape<A, O> {
    /// A value with no children (a string, number, foreign, …).
    Leaf(Value),
    Array(A),
    Object(O),
}

/// A host's value that [`Reader`] can walk: a `serde_json::Value`, or a
/// JavaScript value in the WebAssembly build. Every access may fail (a
/// JavaScript getter may throw); a failure is the thrown message.
///
/// Children are read through cursors, in order, one at a time as the reader
/// asks for them. A host for which each access is expensive (JavaScript,
/// across the WebAssembly boundary) may read ahead, as long as the order in
/// which it touches the input stays the reader's: it reads only children the
/// reader will read, never opens a container before the reader has read the
/// children before it, and looks at no more values than `budget`, the
/// number the reader will still take.
pub trait Source: Sized {
    type Array: ArraySource<Self>;
    type Object: ObjectSource<Self>;
    fn shape(self) -> Shape<Self::Array, Self::Object>;

    /// A number that is the same for the same container met twice in one
    /// input (a JavaScript object referenced from two places), if the host
    /// tells: the reader then reads it once (see [`Reader`]'s memo). Hosts
    /// whose values are trees (JSON) have none.
    fn identity(&self) -> Option<u32> {
        None
    }
}

/// An array, before its items are read.
pub trait ArraySource<S> {
    type Items: Items<S>;
    /// Its `length`.
    fn length(&self) -> Result<usize, String>;
    /// The items `0..len`, to read in order.
    fn items(self, len: usize) -> Self::Items;
}

/// An array's items, read in order.
pub trait Items<S> {
    fn next(&mut self, budget: usize) -> Result<S, String>;
}

/// An object, before its members are read.
pub trait ObjectSource<S> {
    type Members: Members<S>;
    /// The own enumerable string keys, in order, and a cursor over their
    /// values; `Ok(None)` when there are more than `limit` (so a huge object
    /// is refused before its keys are copied).
    fn keys(self, limit: usize) -> Result<Option<Keyed<Self::Members>>, String>;
}

/// An object's keys, and a cursor over their values.
pub type Keyed<M> = (Vec<Key>, M);

/// An object's members, read in key order.
pub trait Members<S> {
    /// The value of the next key that `wanted` (one flag per key) marks,
    /// after the one read last; `Ok(None)` for an `undefined` member.
    /// `budget` is for the members marked [`Want::Read`]; those marked
    /// [`Want::Free`] are read whatever it is.
    fn next(&mut self, wanted: &[Want], budget: usize) -> Result<Option<S>, String>;
}

/// Whether, and how, a member of an object is read: one byte each (the
/// JavaScript reading helper reads the reader's flags in place).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Want {
    /// Not read (an unknown key whose value is stripped).
    Skip = 0,
    /// Read, counted against the bound.
    Read = 1,
    /// Read, not counted: a [`Plan::Scalar`] field, or the address.
    Free = 2,
}

/// Reads sources into [`Value`]s under the bounds of this module.
pub struct Reader {
    values_left: usize,
    /// What containers with an [`Source::identity`] were read as, at which
    /// depth, and how many values that took: one met again at the same
    /// depth is copied, not read again. A graph of a few objects that refer
    /// to each other (`o = {a: o1, b: o1}`, 34 times) has billions of
    /// paths; read path by path it would cost the whole value bound in
    /// host calls, copied it costs one reading of each object. Copies are
    /// counted against the bound like values read; what the memo holds is
    /// bounded too ([`MAX_VALUES`] values in all).
    memo: Vec<Memo>,
    memo_values: usize,
    /// Where in `memo` each identity is, by its distance from `first_id`,
    /// the first identity this reader met (a host numbers containers in
    /// the order it meets them); `u32::MAX` for none.
    slots: Vec<u32>,
    first_id: Option<u32>,
    keep_unknown: bool,
    /// Which members of the objects being read are read, one flag per key:
    /// a stack (an object nested in another pushes its flags after its
    /// parent's), so reading an object allocates no list of its own.
    wanted: Vec<Want>,
}

impl Reader {
    pub fn new(keep_unknown: bool) -> Self {
        Reader {
            values_left: MAX_VALUES,
            memo: Vec::new(),
            memo_values: 0,
            slots: Vec::new(),
            first_id: None,
            keep_unknown,
            wanted: Vec::new(),
        }
    }

    /// A reader that keeps everything, with no bound on the number of
    /// values (the depth and string bounds hold): for text the program
    /// wrote, such as a batch summary (see [`json_text::to_json`]).
    pub(crate) fn unbounded() -> Self {
        Reader {
            values_left: usize::MAX,
            memo: Vec::new(),
            memo_values: 0,
            slots: Vec::new(),
            first_id: None,
            keep_unknown: true,
            wanted: Vec::new(),
        }
    }

    /// Reads `source` at `depth` below the root, following `plan`.
    pub fn read<S: Source>(&mut self, source: S, plan: Plan, depth: usize) -> Value {
        if let Plan::Scalar = plan {
            return match source.shape() {
                Shape::Leaf(value) => value,
                Shape::Array(_) => Value::Array(Vec::new()),
                Shape::Object(_) => Value::Object(Vec::new()),
            };
        }
        // A record (or its address) is not counted either: the schema fixes
        // how many there are. What they hold is, but for their scalars.
        if !matches!(plan, Plan::Record(_)) {
            if self.values_left == 0 {
                return Value::Foreign(Foreign::TooLarge);
            }
            self.values_left -= 1;
        }
        let identity = match plan {
            Plan::Whole => source.identity(),
            _ => None,
        };
        if let Some(id) = identity {
            if let Some(copy) = self.copy(id, depth) {
                return copy;
            }
        }
        let before = self.values_left;
        let value = match source.shape() {
            Shape::Leaf(value) => value,
            Shape::Array(_) | Shape::Object(_) if depth > MAX_READ_DEPTH => {
                Value::Foreign(Foreign::TooDeep)
            }
            // Where a record (or an address) is expected, a list is the wrong
            // type whatever it holds: refused without reading its items, so
            // a huge one is one `invalid_type` issue, not the input's bound.
            Shape::Array(_) if matches!(plan, Plan::Record(_)) => Value::Array(Vec::new()),
            Shape::Array(array) => self.read_array::<S>(array, depth),
            Shape::Object(object) => self.read_object::<S>(object, plan, depth),
        };
        if let Some(id) = identity {
            self.remember(id, depth, &value, before - self.values_left);
        }
        value
    }

    /// The slot of `id` in `slots`, if it is within the memo's reach.
    fn slot(&mut self, id: u32) -> Option<usize> {
        let first = *self.first_id.get_or_insert(id);
        let at = usize::try_from(id.checked_sub(first)?).ok()?;
        // (A host numbers only containers it describes: more than the bound
        // after the first are another read's, nested in a getter.)
        (at < MAX_VALUES).then_some(at)
    }

    /// A copy of the container `id` as read before at `depth`, counted
    /// against the bound (what it holds; itself is counted by `read`), if
    /// it fits.
    fn copy(&mut self, id: u32, depth: usize) -> Option<Value> {
        let at = self.slot(id)?;
        let index = usize::try_from(*self.slots.get(at)?).ok()?;
        let memo = self.memo.get(index).filter(|memo| memo.depth == depth)?;
        if memo.held > self.values_left {
            return None;
        }
        self.values_left -= memo.held;
        Some(memo.value.clone())
    }

    /// Keeps what the container `id` was read as at `depth`, holding
    /// `held` values, unless the memo is full or has it.
    fn remember(&mut self, id: u32, depth: usize, value: &Value, held: usize) {
        if !matches!(value, Value::Array(_) | Value::Object(_)) {
            return;
        }
        let Some(at) = self.slot(id) else { return };
        let values = held + 1;
        if self.memo_values.saturating_add(values) > MAX_VALUES {
            return;
        }
        if self.slots.len() <= at {
            self.slots.resize(at + 1, u32::MAX);
        }
        let Some(slot) = self.slots.get_mut(at) else {
            return;
        };
        if *slot != u32::MAX {
            return;
        }
        *slot = self.memo.len() as u32;
        self.memo_values += values;
        self.memo.push(Memo {
            depth,
            value: value.clone(),
            held,
        });
    }

    fn read_array<S: Source>(&mut self, array: S::Array, depth: usize) -> Value {
        let len = match array.length() {
            Ok(len) => len,
            Err(message) => return Value::Foreign(Foreign::Unreadable(message)),
        };
        if len > self.values_left {
            self.values_left = 0;
            return Value::Foreign(Foreign::TooLarge);
        }
        // A Proxy may claim any length: grow as items really arrive.
        let mut items = Vec::with_capacity(len.min(1024));
        let mut cursor = array.items(len);
        for _ in 0..len {
            let item = match cursor.next(self.values_left) {
                Ok(item) => self.read(item, Plan::Whole, depth + 1),
                Err(message) => Value::Foreign(Foreign::Unreadable(message)),
            };
            items.push(item);
        }
        Value::Array(items)
    }

    fn read_object<S: Source>(&mut self, object: S::Object, plan: Plan, depth: usize) -> Value {
        // A record's own fields are not counted: it may have them all.
        let limit = match plan {
            Plan::Record(fields) => self.values_left.saturating_add(fields.len()),
            _ => self.values_left,
        };
        let (keys, mut cursor) = match object.keys(limit) {
            Ok(Some(keys)) => keys,
            Ok(None) => {
                self.values_left = 0;
                return Value::Foreign(Foreign::TooLarge);
            }
            Err(message) => return Value::Foreign(Foreign::Unreadable(message)),
        };
        // Each key is searched for from where the last one was found: keys
        // mostly come in the table's order, so most searches take one step
        // (and searching again, member by member, costs less than keeping
        // the plans found).
        let start = self.wanted.len();
        let mut from = 0;
        for key in &keys {
            let wanted = match self.member_plan(plan, key, &mut from) {
                None => Want::Skip,
                // Not counted (see `read`): read whatever the budget.
                Some(Plan::Scalar | Plan::Record(_)) => Want::Free,
                Some(_) => Want::Read,
            };
            self.wanted.push(wanted);
        }
        let end = self.wanted.len();
        let mut members = Vec::with_capacity(keys.len());
        let mut from = 0;
        for key in keys {
            let Some(member_plan) = self.member_plan(plan, &key, &mut from) else {
                members.push((key, Value::Foreign(Foreign::Skipped)));
                continue;
            };
            let wanted = self.wanted.get(start..end).unwrap_or_default();
            match cursor.next(wanted, self.values_left) {
                Ok(Some(member)) => {
                    let value = self.read(member, member_plan, depth + 1);
                    members.push((key, value));
                }
                Ok(None) => {}
                Err(message) => members.push((key, Value::Foreign(Foreign::Unreadable(message)))),
            }
        }
        self.wanted.truncate(start);
        Value::Object(members)
    }

    /// How to read the member `key` of an object read by `plan`; `None`
    /// when it is not read at all. A record's fields are searched from
    /// `from` on, then from the start; `from` moves past the one found.
    fn member_plan(&self, plan: Plan, key: &str, from: &mut usize) -> Option<Plan> {
        match plan {
            Plan::Whole | Plan::Scalar => Some(Plan::Whole),
            Plan::Record(fields) => {
                let start = (*from).min(fields.len());
                let (before, after) = fields.split_at(start);
                // A field name the JavaScript reader sent by index is the
                // table's own text: the same address, no bytes to compare.
                let named = |(name, _): &(&str, Plan)| {
                    (name.as_ptr() == key.as_ptr() && name.len() == key.len())
                        || same_key(name, key)
                };
                // From where the last one was found, then from the start.
                // (Two searches, not one over a chain: the size-optimised
                // build may leave a chain's search out of line.)
                let found = match after.iter().position(named) {
                    Some(offset) => Some(start + offset),
                    None => before.iter().position(named),
                };
                match found {
                    Some(index) => {
                        *from = index + 1;
                        fields.get(index).map(|(_, plan)| *plan)
                    }
                    None => self.keep_unknown.then_some(Plan::Whole),
                }
            }
        }
    }
}

/// The index of the next member a [`Members`] cursor reads: the first key
/// at or after `from` that `wanted` marks (for the hosts' cursors).
pub fn next_wanted(wanted: &[Want], from: usize) -> Option<usize> {
    wanted
        .iter()
        .skip(from)
        .position(|&w| w != Want::Skip)
        .map(|offset| from + offset)
}

/// Whether two keys are equal, the lengths compared first, in line: most
/// keys a record is searched for differ in length from most of its keys,
/// and in the size-optimised WebAssembly build a string comparison is
/// otherwise a call (then a second one to compare bytes) every time.
#[inline(always)]
pub(crate) fn same_key(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.as_bytes() == b.as_bytes()
}

/// Reads a string (by its length in UTF-16 units) under the length bound.
pub fn bounded_string(s: &str) -> Value {
    let units = s.encode_utf16().count();
    if units > MAX_STRING_UNITS {
        Value::Foreign(Foreign::StringTooLong(units))
    } else {
        Value::String(s.to_owned())
    }
}

impl<'a> Source for &'a serde_json::Value {
    type Array = &'a [serde_json::Value];
    type Object = &'a serde_json::Map<String, serde_json::Value>;

    fn shape(self) -> Shape<Self::Array, Self::Object> {
        match self {
            serde_json::Value::Null => Shape::Leaf(Value::Null),
            serde_json::Value::Bool(b) => Shape::Leaf(Value::Bool(*b)),
            serde_json::Value::Number(n) => Shape::Leaf(Value::Number(n.clone())),
            serde_json::Value::String(s) => Shape::Leaf(bounded_string(s)),
            serde_json::Value::Array(items) => Shape::Array(items),
            serde_json::Value::Object(map) => Shape::Object(map),
        }
    }
}

impl<'a> ArraySource<&'a serde_json::Value> for &'a [serde_json::Value] {
    type Items = std::slice::Iter<'a, serde_json::Value>;

    fn length(&self) -> Result<usize, String> {
        Ok(self.len())
    }

    fn items(self, _len: usize) -> Self::Items {
        self.iter()
    }
}

impl<'a> Items<&'a serde_json::Value> for std::slice::Iter<'a, serde_json::Value> {
    fn next(&mut self, _budget: usize) -> Result<&'a serde_json::Value, String> {
        Iterator::next(self).ok_or_else(|| "no more items".to_owned())
    }
}

impl<'a> ObjectSource<&'a serde_json::Value> for &'a serde_json::Map<String, serde_json::Value> {
    type Members = std::iter::Enumerate<serde_json::map::Values<'a>>;

    fn keys(self, limit: usize) -> Result<Option<Keyed<Self::Members>>, String> {
        Ok((self.len() <= limit).then(|| {
            (
                self.keys().cloned().map(Key::Owned).collect(),
                self.values().enumerate(),
            )
        }))
    }
}

impl<'a> Members<&'a serde_json::Value> for std::iter::Enumerate<serde_json::map::Values<'a>> {
    fn next(
        &mut self,
        wanted: &[Want],
        _budget: usize,
    ) -> Result<Option<&'a serde_json::Value>, String> {
        Ok(self
            .find(|(index, _)| wanted.get(*index).is_some_and(|&w| w != Want::Skip))
            .map(|(_, value)| value))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn read_whole(json: &serde_json::Value) -> Value {
        Reader::new(true).read(json, Plan::Whole, 0)
    }

    #[test]
    fn reads_json_keeping_key_order() {
        let input = json!({"b": 1, "a": [true, null, "x"]});
        let value = read_whole(&input);
        assert_eq!(value.to_json(), input);
        let Value::Object(members) = value else {
            panic!("not an object")
        };
        assert_eq!(members[0].0, "b");
    }

    #[test]
    fn containers_below_the_depth_bound_are_too_deep_without_recursing() {
        let mut deep = json!(1);
        for _ in 0..(MAX_READ_DEPTH + 5) {
            deep = json!([deep]);
        }
        let mut value = &read_whole(&deep);
        let mut depth = 0;
        while let Value::Array(items) = value {
            value = &items[0];
            depth += 1;
        }
        assert_eq!(depth, MAX_READ_DEPTH + 1);
        assert_eq!(value, &Value::Foreign(Foreign::TooDeep));
    }

    #[test]
    fn input_with_too_many_values_is_cut_off() {
        let big = serde_json::Value::Array(vec![json!(0); MAX_VALUES + 1]);
        assert_eq!(read_whole(&big), Value::Foreign(Foreign::TooLarge));
    }

    #[test]
    fn record_plan_skips_unknown_values_unless_kept() {
        static PLAN: &[(&str, Plan)] = &[("known", Plan::Whole)];
        let input = json!({"known": 1, "other": {"deep": true}});
        let stripped = Reader::new(false).read(&input, Plan::Record(PLAN), 0);
        assert_eq!(
            stripped.get("other"),
            Some(&Value::Foreign(Foreign::Skipped))
        );
        let kept = Reader::new(true).read(&input, Plan::Record(PLAN), 0);
        assert_eq!(
            kept.get("other").map(Value::to_json),
            Some(json!({"deep": true}))
        );
    }

    #[test]
    fn record_plan_finds_every_field_whatever_the_key_order() {
        static INNER: &[(&str, Plan)] = &[("x", Plan::Whole)];
        static PLAN: &[(&str, Plan)] = &[
            ("a", Plan::Whole),
            ("nested", Plan::Record(INNER)),
            ("b", Plan::Whole),
            ("c", Plan::Whole),
        ];
        for text in [
            r#"{"a":1,"nested":{"x":1,"y":2},"b":2,"c":3,"z":4}"#,
            r#"{"c":3,"z":4,"b":2,"nested":{"y":2,"x":1},"a":1}"#,
            r#"{"b":2,"a":1,"c":3,"nested":{"x":1,"y":2},"z":4}"#,
        ] {
            let input: serde_json::Value = serde_json::from_str(text).unwrap();
            let value = Reader::new(false).read(&input, Plan::Record(PLAN), 0);
            for (key, expected) in [("a", json!(1)), ("b", json!(2)), ("c", json!(3))] {
                assert_eq!(value.get(key).map(Value::to_json), Some(expected), "{text}");
            }
            assert_eq!(
                value.get("z"),
                Some(&Value::Foreign(Foreign::Skipped)),
                "{text}"
            );
            let nested = value.get("nested").unwrap();
            assert_eq!(
                nested.get("x").map(Value::to_json),
                Some(json!(1)),
                "{text}"
            );
            assert_eq!(
                nested.get("y"),
                Some(&Value::Foreign(Foreign::Skipped)),
                "{text}"
            );
        }
    }

    /// A host of objects that refer to each other: node `i` is an object
    /// whose members all refer to node `i + 1` (the last is `0`), told by
    /// their index when `numbered`; counts how often keys are read.
    struct Graph {
        keys: &'static [&'static str],
        nodes: usize,
        numbered: bool,
        opened: std::cell::Cell<usize>,
    }

    #[derive(Clone, Copy)]
    struct Node<'g>(&'g Graph, usize);

    impl<'g> Source for Node<'g> {
        type Array = Node<'g>;
        type Object = Node<'g>;
        fn shape(self) -> Shape<Node<'g>, Node<'g>> {
            if self.1 + 1 >= self.0.nodes {
                Shape::Leaf(Value::Number(0.into()))
            } else {
                Shape::Object(self)
            }
        }
        fn identity(&self) -> Option<u32> {
            self.0.numbered.then_some(self.1 as u32)
        }
    }
    impl<'g> ArraySource<Node<'g>> for Node<'g> {
        type Items = Node<'g>;
        fn length(&self) -> Result<usize, String> {
            Ok(0)
        }
        fn items(self, _len: usize) -> Node<'g> {
            self
        }
    }
    impl<'g> Items<Node<'g>> for Node<'g> {
        fn next(&mut self, _budget: usize) -> Result<Node<'g>, String> {
            Err("no items".into())
        }
    }
    impl<'g> ObjectSource<Node<'g>> for Node<'g> {
        type Members = Node<'g>;
        fn keys(self, limit: usize) -> Result<Option<Keyed<Node<'g>>>, String> {
            self.0.opened.set(self.0.opened.get() + 1);
            let keys = self.0.keys.iter().map(|k| Key::Borrowed(k)).collect();
            Ok((self.0.keys.len() <= limit).then_some((keys, self)))
        }
    }
    impl<'g> Members<Node<'g>> for Node<'g> {
        fn next(&mut self, _wanted: &[Want], _budget: usize) -> Result<Option<Node<'g>>, String> {
            Ok(Some(Node(self.0, self.1 + 1)))
        }
    }

    #[test]
    fn an_object_met_again_at_the_same_depth_is_read_once_and_copied() {
        for (keys, nodes) in [
            (&["a", "b"][..], 40),
            (&["a", "b", "c"][..], 12),
            (&["a"][..], 60),
        ] {
            let read = |numbered| {
                let graph = Graph {
                    keys,
                    nodes,
                    numbered,
                    opened: std::cell::Cell::new(0),
                };
                let value = Reader::new(true).read(Node(&graph, 0), Plan::Whole, 1);
                (value, graph.opened.get())
            };
            let (copied, opened) = read(true);
            let (walked, walked_opened) = read(false);
            // The same value as reading every path, bound and depth alike.
            assert_eq!(copied, walked, "{keys:?} {nodes}");
            // Each object opened about once (again where the memo is full),
            // where reading path by path opens them until the bound.
            assert!(
                opened <= 2 * nodes,
                "{opened} objects opened for {nodes} nodes"
            );
            assert!(walked_opened >= opened);
            if keys.len() > 1 {
                assert!(walked_opened > 10_000, "{walked_opened}");
            }
        }
    }

    #[test]
    fn string_length_is_bounded_in_utf16_units() {
        let long = "é".repeat(MAX_STRING_UNITS + 1);
        assert_eq!(
            bounded_string(&long),
            Value::Foreign(Foreign::StringTooLong(MAX_STRING_UNITS + 1))
        );
        assert_eq!(bounded_string("ok"), Value::String("ok".into()));
    }
}
