// The reading helper of customer-schema-wasm's JsSource (wasm/src/source.rs):
// reads a live JavaScript value in few crossings and describes it to Rust as
// UTF-16 code units written straight into WebAssembly memory. The format of a
// description, and what each export answers, are documented above the
// `extern "C"` block in source.rs, which parses them; the two change together.
// wasm-bindgen copies this file into the package (dist/snippets/…), where
// scripts/build.sh minifies it. It never throws: a throw while reading input
// is an entry of the description.

/**
 * The options of a call: any JavaScript value (the programmer's, not input
 * data), whose members, when it is an object, are read as unknown values.
 * @typedef {Readonly<Record<string, unknown>> | string | number | bigint | boolean | symbol | null | undefined} Options
 */

const objectTag = Object.prototype.toString;
const number = new Float64Array(1);
const numberUnits = new Uint16Array(number.buffer);
const CHUNK = 1 << 20;
const SMALL = 1 << 12;
/** The value kept for `takeHeld`: input, or what reading it threw. @type {unknown} */
let held;
let kept = false;
// Set by useMemory before any reader runs (Rust calls it first, once per instance).
/** @type {WebAssembly.Memory} */
let memory;
let units = new Uint16Array(0);
let bytes = new Uint8Array(0);
// The descriptions being written: a stack, since a getter the helper runs
// may call into the module again, whose reading writes after the outer
// description and is sent (and removed) before the outer one goes on.
let out = new Uint16Array(SMALL);
let len = 0;
let pendingStart = 0;

// Called once by each WebAssembly instance (a restarted one has new memory),
// with the names of the options readOptions reads and the record's field
// names (one per line).
/** @type {string[]} */
let optionNames = [];
/** A field name's index in the list Rust handed over. @type {Map<string, number>} */
let fieldNames = new Map();
/**
 * @param {WebAssembly.Memory} wasmMemory
 * @param {string} options
 * @param {string} fields
 * @param {number} numberingBelow
 * @returns {void}
 */
export function useMemory(wasmMemory, options, fields, numberingBelow) {
  memory = wasmMemory;
  numberBelow = numberingBelow;
  optionNames = options.split("\n");
  fieldNames = new Map(fields.split("\n").map((name, index) => [name, index]));
  lastKeys = [];
  lastEntries = new Uint16Array(0);
  units = new Uint16Array(0);
  bytes = new Uint8Array(0);
  held = undefined;
  kept = false;
  len = 0;
}

/**
 * @param {number} more
 * @returns {void}
 */
function room(more) {
  if (len + more <= out.length) return;
  const bigger = new Uint16Array(Math.max(out.length * 2, len + more));
  bigger.set(out.subarray(0, len));
  out = bigger;
}

/**
 * @param {number} unit
 * @returns {void}
 */
function tag(unit) {
  room(1);
  out[len++] = unit;
}

/**
 * @param {number} n
 * @returns {void}
 */
function count(n) {
  room(2);
  out[len++] = n & 0xffff;
  out[len++] = n >>> 16;
}

// The count and the units, with one check for room and the buffer and
// position in locals (the loop is the hot path of reading keys).
/**
 * @param {string} string
 * @returns {void}
 */
function text(string) {
  const n = string.length;
  room(n + 2);
  const buffer = out;
  let at = len;
  buffer[at++] = n & 0xffff;
  buffer[at++] = n >>> 16;
  for (let i = 0; i < n; i++) buffer[at + i] = string.charCodeAt(i);
  len = at + n;
}

// Copies the description that starts at `start` to byte address `at`, and
// removes it.
/**
 * @param {number} start
 * @param {number} at
 * @returns {void}
 */
function copy(start, at) {
  // Growing the memory detaches the old view (its length becomes 0).
  if (units.length === 0) units = new Uint16Array(memory.buffer);
  const base = (at >>> 1) - start;
  // A short description is copied unit by unit, faster than making a
  // subarray for set() up to about 64 units.
  if (len - start < 64) for (let i = start; i < len; i++) units[base + i] = out[i];
  else units.set(out.subarray(start, len), base + start);
  len = start;
  if (len === 0 && out.length > SMALL) out = new Uint16Array(SMALL);
}

/**
 * @param {number} start
 * @param {number} at
 * @param {number} capacity
 * @returns {number} the description's length
 */
function send(start, at, capacity) {
  const sent = len - start;
  if (sent <= capacity) copy(start, at);
  else pendingStart = start;
  return sent;
}

/**
 * @param {number} at
 * @returns {void}
 */
export function copyPending(at) {
  copy(pendingStart, at);
}

// Keeps a value for `takeHeld` and writes its entry's tag.
/**
 * @param {unknown} value
 * @param {number} unit
 * @returns {void}
 */
function keep(value, unit) {
  held = value;
  kept = true;
  tag(unit);
}

/** @returns {unknown} */
export function takeHeld() {
  const value = held;
  held = undefined;
  kept = false;
  return value;
}

// Whether the containers handed over now are numbered: each array or plain
// object gets a number, the same for the same object however often it is
// met ("a<n>" and "P<n>" instead of "A" and "O"), so that Rust reads an
// object referenced from many places once. Only once the record being read
// has used some of its budget (below `numberBelow`, set with the memory):
// a usual record, a few values, pays a comparison, not a lookup.
let numbering = false;
let numberBelow = 0;
/** @type {WeakMap<object, number>} */
let identities = new WeakMap();
let nextIdentity = 0;

// Keeps an array (`unit` "A") or a plain object ("O"), numbered when `numbering`.
/**
 * @param {object} value
 * @param {number} unit
 * @returns {void}
 */
function keepContainer(value, unit) {
  if (!numbering) return keep(value, unit);
  let id = identities.get(value);
  if (id === undefined) {
    // Numbers are 32 bits: after 2^32 containers, numbering starts again.
    if (nextIdentity === 0xffffffff) {
      identities = new WeakMap();
      nextIdentity = 0;
    }
    id = nextIdentity++;
    identities.set(value, id);
  }
  keep(value, unit === 65 /* A */ ? 97 /* a */ : 80 /* P */);
  count(id);
}

// A plain object: `Object.prototype.toString` says `[object Object]`, or the
// object's prototype is `Object.prototype` or `null` (a literal with its own
// `Symbol.toStringTag` is still a literal; a class instance that declares a
// tag, like the built-in classes, is not read as plain data).
/**
 * @param {object} value
 * @returns {void}
 */
function describeObject(value) {
  try {
    if (Array.isArray(value)) return keepContainer(value, 65 /* A */);
    const name = objectTag.call(value);
    if (name === "[object Object]") return keepContainer(value, 79 /* O */);
    const prototype = Object.getPrototypeOf(value);
    if (prototype === null || prototype === Object.prototype) return keepContainer(value, 79 /* O */);
    keep(value, 111 /* o */);
    text(name);
  } catch (thrown) {
    keep(thrown, 69 /* E */);
  }
}

/**
 * @param {unknown} value
 * @param {number} inlineMax
 * @returns {void}
 */
function entry(value, inlineMax) {
  switch (typeof value) {
    case "string":
      if (value.length > inlineMax) return keep(value, 83 /* S */);
      tag(115 /* s */);
      return text(value);
    case "number":
      // The exact bits: no decimal round trip.
      number[0] = value;
      room(5);
      out[len++] = 100 /* d */;
      for (let i = 0; i < 4; i++) out[len++] = numberUnits[i];
      return;
    case "boolean":
      return tag(value ? 116 /* t */ : 102 /* f */);
    case "object":
      return value === null ? tag(110 /* n */) : describeObject(value);
    case "function":
      return tag(70 /* F */);
    case "bigint":
      return tag(66 /* B */);
    case "symbol":
      return tag(89 /* Y */);
    case "undefined":
      return tag(value === undefined ? 85 /* U */ : 63 /* ? */);
    default:
      return tag(63 /* ? */);
  }
}

/**
 * @param {unknown} value
 * @param {number} inlineMax
 * @param {number} at
 * @param {number} capacity
 * @returns {number}
 */
export function describe(value, inlineMax, at, capacity) {
  const start = len;
  numbering = false;
  entry(value, inlineMax);
  return send(start, at, capacity);
}

// The last list of keys that were all field names, and its entries:
// records of one shape (a batch, a form) give the same list again, whose
// entries are then copied instead of looked up key by key.
/** @type {string[]} */
let lastKeys = [];
let lastEntries = new Uint16Array(0);

/**
 * @param {string[]} keys
 * @returns {boolean}
 */
function sameKeys(keys) {
  if (keys.length !== lastKeys.length) return false;
  // (Keys are internalised strings: === compares pointers.)
  for (let i = 0; i < keys.length; i++) if (keys[i] !== lastKeys[i]) return false;
  return true;
}

// `object` is one `describe` said was an object (`A`, `O` or `o`).
/**
 * @param {object} object
 * @param {number} limit
 * @param {number} inlineMax
 * @param {number} at
 * @param {number} capacity
 * @returns {number}
 */
export function readKeys(object, limit, inlineMax, at, capacity) {
  const start = len;
  try {
    const keys = Object.keys(object);
    tag(75 /* K */);
    count(keys.length);
    if (keys.length <= limit && sameKeys(keys)) {
      room(lastEntries.length);
      for (let i = 0; i < lastEntries.length; i++) out[len + i] = lastEntries[i];
      len += lastEntries.length;
      held = keys;
      kept = true;
    } else if (keys.length <= limit) {
      const entriesStart = len;
      let allFields = true;
      for (let i = 0; i < keys.length; i++) {
        const field = fieldNames.get(keys[i]);
        if (field !== undefined) {
          room(2);
          out[len++] = 107 /* k */;
          out[len++] = field;
          continue;
        }
        allFields = false;
        if (keys[i].length > inlineMax) {
          len = start;
          tag(76 /* L */);
          return send(start, at, capacity);
        }
        tag(115 /* s */);
        text(keys[i]);
      }
      if (allFields) {
        lastKeys = keys;
        lastEntries = out.slice(entriesStart, len);
      }
      held = keys;
      kept = true;
    }
  } catch (thrown) {
    // Object.keys threw (a Proxy trap), or the keys outgrew memory.
    len = start;
    keep(thrown, 84 /* T */);
  }
  return send(start, at, capacity);
}

// Writes the entry of `container[key]` (`u` when it is undefined and
// `dropUndefined`, `x` when the budget is spent); returns the budget left,
// or -1 when the description ends there (a throw, or a kept value).
/**
 * @template {string | number} K
 * @param {Readonly<Record<K, unknown>>} container
 * @param {K} key
 * @param {boolean} dropUndefined
 * @param {number} budget
 * @param {number} inlineMax
 * @returns {number}
 */
function readOne(container, key, dropUndefined, budget, inlineMax) {
  let value;
  try {
    value = container[key];
  } catch (thrown) {
    keep(thrown, 84 /* T */);
    return -1;
  }
  if (dropUndefined && value === undefined) {
    tag(117 /* u */);
    return budget;
  }
  if (budget === 0) {
    tag(120 /* x */);
    return 0;
  }
  entry(value, inlineMax);
  return kept ? -1 : budget - 1;
}

// `wanted` is the byte address of one flag per key (0: not read, 1: read
// under the budget, 2: read whatever the budget); `keys`
// is the array `Object.keys(object)` returned to readKeys.
/**
 * @param {Readonly<Record<string, unknown>>} object
 * @param {string[]} keys
 * @param {number} wanted
 * @param {number} from
 * @param {number} budget
 * @param {number} inlineMax
 * @param {number} at
 * @param {number} capacity
 * @returns {number}
 */
export function readMembers(object, keys, wanted, from, budget, inlineMax, at, capacity) {
  const start = len;
  numbering = budget < numberBelow;
  for (let i = from; i < keys.length && len - start <= CHUNK && budget >= 0; i++) {
    // (Looked at again for every key: a getter may have grown the memory.)
    if (bytes.length === 0) bytes = new Uint8Array(memory.buffer);
    const want = bytes[wanted + i];
    if (want === 1) budget = readOne(object, keys[i], true, budget, inlineMax);
    // A member read free (a field that holds one scalar) leaves the budget as it was.
    else if (want === 2 && readOne(object, keys[i], true, 1, inlineMax) < 0) budget = -1;
  }
  return send(start, at, capacity);
}

// An array's length: a whole number ≥ 0 (a Proxy may claim 1e300), or -1
// when reading it threw (the thrown value kept), or -2 when it is anything
// else.
/**
 * @param {ArrayLike<unknown>} array
 * @returns {number}
 */
export function readLength(array) {
  try {
    const length = array.length;
    return Number.isInteger(length) && length >= 0 ? length : -2;
  } catch (thrown) {
    held = thrown;
    kept = true;
    return -1;
  }
}

/**
 * @param {ArrayLike<unknown>} array
 * @param {number} from
 * @param {number} end
 * @param {number} budget
 * @param {number} inlineMax
 * @param {number} at
 * @param {number} capacity
 * @returns {number}
 */
export function readItems(array, from, end, budget, inlineMax, at, capacity) {
  const start = len;
  numbering = budget < numberBelow;
  for (let i = from; i < end && len - start <= CHUNK && budget >= 0; i++) {
    budget = readOne(array, i, false, budget, inlineMax);
  }
  return send(start, at, capacity);
}

// The options of a call (the programmer's, not input data): nothing when
// they are undefined, "!" when they are not an object (null, an array and
// a primitive are not), else per name, read as an own property only (an
// inherited one is not the caller's option), "U" (undefined), a string entry, or "?" (anything else), "L<n><text>"
// (a string longer than `inlineMax`: its first `inlineMax` units) or "T"
// (reading threw, the thrown value kept), any of which ends the
// description: Rust refuses the options there.
// The usual options, a two-letter region alone ({ defaultRegion: "GB" }),
// come back as a number instead, not copied: -1 - (first unit << 7 | second
// unit), the units ASCII.
/**
 * @param {Options} options
 * @param {number} inlineMax
 * @param {number} at
 * @param {number} capacity
 * @returns {number}
 */
export function readOptions(options, inlineMax, at, capacity) {
  const start = len;
  if (options !== undefined) {
    if (typeof options !== "object" || options === null || Array.isArray(options)) {
      tag(33 /* ! */);
    } else {
      let read = 0;
      for (; read < optionNames.length; read++) {
        const name = optionNames[read];
        let value;
        try {
          value = Object.hasOwn(options, name) ? options[name] : undefined;
        } catch (thrown) {
          keep(thrown, 84 /* T */);
          break;
        }
        if (value === undefined) {
          tag(85 /* U */);
        } else if (typeof value === "string" && value.length <= inlineMax) {
          tag(115 /* s */);
          text(value);
        } else if (typeof value === "string") {
          tag(76 /* L */);
          text(value.slice(0, inlineMax));
          break;
        } else {
          tag(63 /* ? */);
          break;
        }
      }
      // All read: is there a `messages` object too ("M")? (Read on its own.)
      if (read === optionNames.length) {
        let messages;
        try {
          messages = Object.hasOwn(options, "messages") ? options.messages : undefined;
        } catch (thrown) {
          keep(thrown, 84 /* T */);
        }
        if (messages !== undefined) tag(77 /* M */);
      }
      // "s", count 2, two ASCII units, "U", "U".
      if (len - start === 7 && out[start] === 115 && out[start + 1] === 2 && out[start + 5] === 85 && out[start + 6] === 85 && (out[start + 3] | out[start + 4]) < 128) {
        const packed = -1 - ((out[start + 3] << 7) | out[start + 4]);
        len = start;
        return packed;
      }
    }
  }
  return send(start, at, capacity);
}
