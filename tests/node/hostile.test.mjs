// SPEC.md "Bad input": anything may arrive. For every case safeParse must not
// throw, must return a well-formed result (failure with issues unless the spec
// says the input is fine), must not trap (no restart of the module was
// needed), and the very next call with a good record must still succeed.
import { test } from "node:test";
import assert from "node:assert/strict";
// These run against the test build (scripts/build.sh --test-hooks), the
// package's API over the same module plus `__testing`, whose restart count
// tells whether the module trapped; the shipped package has no test hooks.
import { CustomerSchema, CreateCustomerSchema, UpdateCustomerSchema, parsePhone, loadLocale, __testing } from "../../target/pkg-test/index.mjs";
import { seedCustomer, seedCreate, seedUpdate } from "./seed.mjs";

const all = { customer: CustomerSchema, create: CreateCustomerSchema, update: UpdateCustomerSchema };
const good = { customer: seedCustomer, create: seedCreate, update: seedUpdate };

function assertWellFormed(r) {
  assert.equal(typeof r, "object");
  assert.equal(typeof r.success, "boolean");
  assert.ok(Array.isArray(r.warnings));
  if (!r.success) {
    assert.ok(Array.isArray(r.error.issues) && r.error.issues.length > 0, "a failure carries issues");
    for (const i of r.error.issues) {
      assert.equal(typeof i.code, "string");
      assert.equal(typeof i.message, "string");
      assert.ok(Array.isArray(i.path));
    }
  }
}

/**
 * Runs `input()` through `schema` and checks the invariants.
 * expect: "fail" (default), "ok", or "any" (spec leaves the verdict open).
 * at: a path prefix some issue must start with.
 * @param {string} schema  a key of `all`
 * @param {unknown} input
 * @param {{ options?: any, expect?: "fail" | "ok" | "any", at?: (string | number)[] }} [how]
 */
function hostile(schema, input, { options, expect = "fail", at } = {}) {
  const restarts = __testing.restarts();
  let r;
  assert.doesNotThrow(() => {
    r = all[schema].safeParse(input, options);
  });
  assertWellFormed(r);
  if (expect === "fail") assert.equal(r.success, false, "expected a failure");
  if (expect === "ok") assert.equal(r.success, true, `expected success: ${JSON.stringify(r.error?.issues)}`);
  if (at) {
    const issues = r.success ? [] : r.error.issues;
    assert.ok(
      issues.some((i) => at.every((k, n) => i.path[n] === k)),
      `an issue at ${JSON.stringify(at)}; got ${JSON.stringify(issues.map((i) => i.path))}`,
    );
  }
  assert.equal(__testing.restarts(), restarts, "the module trapped (or let a JS exception unwind through it) and had to be restarted");
  for (const s of Object.keys(all)) {
    const next = all[s].safeParse(good[s]());
    assert.equal(next.success, true, `the next good ${s} record fails: ${JSON.stringify(next.error?.issues)}`);
  }
  return r;
}

const withField = (field, value, base = seedCustomer()) => ({ ...base, [field]: value });

// --- top level ---------------------------------------------------------------

const nonObjects = {
  null: null,
  undefined: undefined,
  zero: 0,
  number: 1.5,
  NaN: NaN,
  Infinity: Infinity,
  string: "cust_abc123",
  "empty string": "",
  boolean: true,
  "empty array": [],
  "array of a good record": [seedCustomer()],
  function: () => seedCustomer(),
  symbol: Symbol("x"),
  BigInt: 10n,
};
for (const [name, value] of Object.entries(nonObjects)) {
  for (const schema of Object.keys(all)) {
    test(`top level ${name} (${schema}): one invalid_type issue at []`, () => {
      const r = hostile(schema, value);
      assert.equal(r.error.issues.length, 1, JSON.stringify(r.error.issues));
      assert.equal(r.error.issues[0].code, "invalid_type");
      assert.deepEqual(r.error.issues[0].path, []);
    });
  }
}

// --- wrong types in every field ----------------------------------------------

const stringFields = ["id", "company", "timezone", "email", "preferred_language", "preferred_contact_method", "best_time_to_call", "notes"];
const nullableStringFields = ["customerId", "phone_number", "firstname", "lastname", "channelId"];
const wrongTypes = {
  id: [42, true, {}, [], null],
  customerId: [42, true, {}, ["x"]],
  phone_number: [14155552671, true, {}, ["+14155552671"]],
  firstname: [42, false, { first: "John" }, ["John"]],
  lastname: [42, false, {}, []],
  company: [42, true, {}, [], null],
  timezone: [-5, true, {}, [], null],
  email: [42, true, {}, ["a@example.com"], null],
  preferred_language: [1, true, {}, ["en"], null],
  preferred_contact_method: [1, true, {}, ["EMAIL"], null, "FAX"],
  best_time_to_call: [1, true, {}, ["MORNING"], null, "NIGHT"],
  notes: [1, true, {}, [], null],
  tags: ["vip", 1, true, {}, null, [1], ["ok", {}], [null]],
  custom_fields: ["x", 1, true, [], null, [1, 2]],
  channelId: [1, true, {}, []],
  address: ["1 Main St", 1, true, [], null],
  isValidatedNames: [1, 0, "true", "yes", {}, [], null],
  createdAt: ["1709856000000", true, {}, [], null, 1.5, -1],
  updatedAt: ["1709856000000", true, {}, [], null, 1.5, -1],
};
test("the wrong-type table covers every field of the data model", () => {
  for (const f of [...stringFields, ...nullableStringFields]) assert.ok(f in wrongTypes, f);
});
for (const [field, values] of Object.entries(wrongTypes)) {
  test(`wrong types in ${field} are issues at [${field}]`, () => {
    for (const value of values) hostile("customer", withField(field, value), { at: [field] });
  });
}
test("wrong types in every address field are issues at their paths", () => {
  const address = { street: 1, street2: {}, city: [], state: true, postalCode: null, country: 42 };
  const r = hostile("customer", withField("address", address));
  for (const k of Object.keys(address)) {
    assert.ok(r.error.issues.some((i) => i.path[0] === "address" && i.path[1] === k), `no issue at address.${k}`);
  }
});
test("every wrong field of one record is reported, not only the first", () => {
  const input = {};
  for (const [field, values] of Object.entries(wrongTypes)) input[field] = values[0];
  const r = hostile("customer", input);
  for (const field of Object.keys(wrongTypes)) {
    assert.ok(r.error.issues.some((i) => i.path[0] === field), `no issue at ${field}`);
  }
});

// --- lone surrogates -----------------------------------------------------------

const lone = ["\uD800", "a\uDC00b", "x\uD83D", "\uDFFF\uD800"];
for (const field of ["id", "customerId", "firstname", "lastname", "company", "email", "timezone", "notes", "channelId"]) {
  test(`lone surrogates in ${field} are issues, not silently replaced`, () => {
    for (const s of lone) hostile("customer", withField(field, s), { at: [field] });
  });
}
test("lone surrogates in tags, address and custom_fields (keys and values) are issues at their paths", () => {
  hostile("customer", withField("tags", ["ok", "bad\uD800"]), { at: ["tags", 1] });
  hostile("customer", withField("address", { street: "1 Main \uDC00St", city: "Springfield", state: "IL", postalCode: "62701", country: "US" }), { at: ["address", "street"] });
  hostile("customer", withField("custom_fields", { note: "\uD800" }), { at: ["custom_fields", "note"] });
  hostile("customer", withField("custom_fields", { ["k\uDFFF"]: 1 }), { at: ["custom_fields", "k\uFFFD"] });
});
test("a key with a lone surrogate is an unknown key like any other: stripped, refused (strict), or an issue where it would be kept", () => {
  const key = "extra\uD800";
  const input = () => ({ ...seedCustomer(), email: "NOT AN EMAIL", [key]: { any: "thing" } });
  // Strip: dropped unread; the record's own issues are all still reported.
  const stripped = hostile("customer", input());
  assert.deepEqual(stripped.error.issues.map((i) => i.path), [["email"]]);
  const clean = hostile("customer", { ...seedCustomer(), [key]: 1 }, { expect: "ok" });
  assert.deepEqual(clean.data, CustomerSchema.safeParse(seedCustomer()).data);
  // Strict: an unrecognized key, named with U+FFFD for the lone surrogate.
  const strict = hostile("customer", input(), { options: { unknownKeys: "strict" } });
  assert.deepEqual(strict.error.issues.find((i) => i.code === "unrecognized_keys").keys, ["extra\uFFFD"]);
  // Passthrough: kept keys must be text, so it is an issue at its path.
  const kept = hostile("customer", input(), { options: { unknownKeys: "passthrough" }, at: ["extra\uFFFD"] });
  assert.match(kept.error.issues.find((i) => i.path[0] === "extra\uFFFD").message, /^This text has a broken character/);
  // Inside the address too.
  const address = { street: "1 Main St", city: "Springfield", state: "IL", postalCode: "62701", country: "US", [key]: 1 };
  hostile("customer", withField("address", address), { expect: "ok" });
  hostile("customer", withField("address", address), { options: { unknownKeys: "passthrough" }, at: ["address", "extra\uFFFD"] });
  // An undefined member is dropped whatever its key, as JSON.stringify drops it.
  hostile("customer", { ...seedCustomer(), [key]: undefined }, { options: { unknownKeys: "passthrough" }, expect: "ok" });
});

// --- NaN and Infinity ----------------------------------------------------------

for (const field of ["createdAt", "updatedAt"]) {
  test(`NaN and ±Infinity in ${field} are issues`, () => {
    for (const v of [NaN, Infinity, -Infinity]) hostile("customer", withField(field, v), { at: [field] });
  });
}
test("NaN and ±Infinity inside custom_fields are issues at their paths", () => {
  hostile("customer", withField("custom_fields", { score: NaN }), { at: ["custom_fields", "score"] });
  hostile("customer", withField("custom_fields", { list: [1, Infinity] }), { at: ["custom_fields", "list", 1] });
  hostile("customer", withField("custom_fields", { deep: { x: -Infinity } }), { at: ["custom_fields", "deep", "x"] });
});

// --- size ------------------------------------------------------------------------

test("a 10 MB string in every string field is handled without a crash", () => {
  const huge = "a".repeat(10 * 1024 * 1024);
  for (const field of [...stringFields, ...nullableStringFields]) hostile("customer", withField(field, huge), { expect: "any" });
  hostile("customer", withField("email", `${huge}@example.com`), { at: ["email"] });
  hostile("customer", withField("phone_number", huge), { at: ["phone_number"] });
  // Strings are read up to 1,000,000 UTF-16 units; past that, too_big at their path.
  const blob = hostile("customer", withField("custom_fields", { blob: huge }), { at: ["custom_fields", "blob"] });
  assert.equal(blob.error.issues[0].code, "too_big");
});
test("10,000 tags are handled; 10,000 copies of one tag deduplicate to one", () => {
  const many = [];
  for (let i = 0; i < 10_000; i++) many.push(`tag-${i}`);
  hostile("customer", withField("tags", many), { expect: "any" });
  const same = new Array(10_000).fill(" vip ");
  const r = hostile("customer", withField("tags", same), { expect: "ok" });
  assert.deepEqual(r.data.tags, ["vip"]);
});

// --- cycles and depth ----------------------------------------------------------------

function deepObject(depth) {
  /** @type {object} */
  let o = { leaf: true };
  for (let i = 0; i < depth; i++) o = { a: o };
  return o;
}
function deepArray(depth) {
  let a = [];
  for (let i = 0; i < depth; i++) a = [a];
  return a;
}
const cyclicObject = () => {
  const o = { name: "loop" };
  o.self = o;
  return o;
};
const cyclicArray = () => {
  /** @type {unknown[]} */
  const a = [1];
  a.push({ back: a });
  return a;
};
const nasties = {
  "a cyclic object": cyclicObject,
  "a cyclic array": cyclicArray,
  "a 100,000-deep object": () => deepObject(100_000),
  "a 100,000-deep array": () => deepArray(100_000),
};
for (const [name, make] of Object.entries(nasties)) {
  test(`${name} in custom_fields is an issue under custom_fields`, () => {
    for (const schema of Object.keys(all)) {
      hostile(schema, { ...good[schema](), custom_fields: { x: make() } }, { at: ["custom_fields"] });
    }
  });
  test(`${name} in an unknown key: stripped, rejected (strict), or an issue (passthrough)`, () => {
    const input = () => ({ ...seedCustomer(), extra: make() });
    hostile("customer", input(), { expect: "ok" });
    hostile("customer", input(), { options: { unknownKeys: "strip" }, expect: "ok" });
    const strict = hostile("customer", input(), { options: { unknownKeys: "strict" } });
    assert.ok(strict.error.issues.some((i) => i.code === "unrecognized_keys"));
    hostile("customer", input(), { options: { unknownKeys: "passthrough" }, at: ["extra"] });
  });
}
test("custom_fields nested 32 levels is fine, 33 is an issue", () => {
  // custom_fields itself is level 1: 32 objects in all, the innermost
  // holding a leaf, are within bounds; one object more is not.
  /** @type {unknown} */
  let ok = 1;
  for (let i = 0; i < 32; i++) ok = { a: ok };
  hostile("customer", withField("custom_fields", ok), { expect: "ok" });
  const tooDeep = hostile("customer", withField("custom_fields", { a: ok }));
  assert.equal(tooDeep.error.issues.length, 1);
  assert.equal(tooDeep.error.issues[0].code, "too_big");
  assert.deepEqual(tooDeep.error.issues[0].path, ["custom_fields", ...Array(32).fill("a")]);
  // custom_fields, then 31 arrays: levels 2 to 32.
  let arrays = [];
  for (let i = 0; i < 30; i++) arrays = [arrays];
  hostile("customer", withField("custom_fields", { list: arrays }), { expect: "ok" });
  hostile("customer", withField("custom_fields", { list: [arrays] }), { at: ["custom_fields"] });
  // A value kept under the address (passthrough) gets its 32 levels too.
  const address = { street: "1 Main St", city: "Springfield", state: "IL", postalCode: "62701", country: "US" };
  const options = { unknownKeys: "passthrough" };
  hostile("customer", withField("address", { ...address, extra: ok }), { options, expect: "ok" });
  const deep = hostile("customer", withField("address", { ...address, extra: { a: ok } }), { options });
  assert.deepEqual(deep.error.issues.map((i) => i.path.length), [2 + 32]);
});

// --- prototype pollution -----------------------------------------------------------------

test("__proto__ and constructor keys in custom_fields come back as own data keys; Object.prototype stays clean", () => {
  const cf = JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted2": true}}, "toString": "x"}');
  const r = hostile("customer", withField("custom_fields", cf), { expect: "ok" });
  const out = r.data.custom_fields;
  assert.equal(Object.getPrototypeOf(out), Object.prototype);
  assert.ok(Object.hasOwn(out, "__proto__"));
  assert.ok(Object.hasOwn(out, "constructor"));
  assert.deepEqual(Object.keys(out), ["__proto__", "constructor", "toString"]);
  assert.deepEqual({ ...Object.getOwnPropertyDescriptor(out, "__proto__") }, { value: { polluted: true }, writable: true, enumerable: true, configurable: true });
  assert.equal({}.polluted, undefined);
  assert.equal({}.polluted2, undefined);
  assert.equal(/** @type {any} */ (Object.prototype).polluted, undefined);
  assert.equal(typeof {}.toString, "function");
});
test("__proto__ as an unknown top-level key: stripped by default, an own key with passthrough", () => {
  // Spread defines an own "__proto__" key (Object.assign would set the prototype instead).
  const input = () => ({ ...seedCustomer(), ...JSON.parse('{"__proto__": {"polluted": true}}') });
  const stripped = hostile("customer", input(), { expect: "ok" });
  assert.ok(!Object.hasOwn(stripped.data, "__proto__"));
  const kept = hostile("customer", input(), { options: { unknownKeys: "passthrough" }, expect: "ok" });
  assert.ok(Object.hasOwn(kept.data, "__proto__"));
  assert.equal(Object.getPrototypeOf(kept.data), Object.prototype);
  assert.equal({}.polluted, undefined);
});

// --- getters and Proxies that throw -------------------------------------------------------

const boom = () => {
  throw new Error("boom");
};
test("a getter that throws on a known field is an issue at that field", () => {
  for (const field of ["firstname", "email", "tags", "address", "createdAt"]) {
    const input = seedCustomer();
    Object.defineProperty(input, field, { get: boom, enumerable: true });
    hostile("customer", input, { at: [field] });
  }
});
test("a getter that throws inside custom_fields and address is an issue under them", () => {
  const cf = {};
  Object.defineProperty(cf, "x", { get: boom, enumerable: true });
  hostile("customer", withField("custom_fields", cf), { at: ["custom_fields"] });
  const address = { street: "1 Main St", city: "Springfield", state: "IL", postalCode: "62701" };
  Object.defineProperty(address, "country", { get: boom, enumerable: true });
  hostile("customer", withField("address", address), { at: ["address"] });
});
test("a getter that throws on an unknown key: stripped or reported, never thrown", () => {
  const input = seedCustomer();
  Object.defineProperty(input, "extra", { get: boom, enumerable: true });
  for (const unknownKeys of ["strip", "strict", "passthrough"]) {
    hostile("customer", input, { options: { unknownKeys }, expect: unknownKeys === "strip" ? "any" : "fail" });
  }
});

const throwingTraps = ["get", "ownKeys", "getPrototypeOf", "getOwnPropertyDescriptor", "has"];
for (const trap of throwingTraps) {
  test(`a Proxy whose ${trap} trap throws: at the top level and in custom_fields`, () => {
    const make = (target) => new Proxy(target, { [trap]: boom });
    // At the top level, strip mode may never need this trap; strict must enumerate keys.
    for (const unknownKeys of ["strip", "strict", "passthrough"]) {
      hostile("customer", make(seedCustomer()), { options: { unknownKeys }, expect: "any" });
    }
    if (trap === "get" || trap === "ownKeys") hostile("customer", make(seedCustomer()), { options: { unknownKeys: "strict" } });
    // Data is read as JSON.stringify reads it: own enumerable keys and their
    // values; neither `has` nor the prototype is consulted.
    const consulted = trap !== "has" && trap !== "getPrototypeOf";
    hostile("customer", withField("custom_fields", make({ a: 1 })), { expect: consulted ? "fail" : "ok" });
    hostile("customer", withField("tags", make(["vip"])), { expect: "any" });
  });
}
test("a Proxy whose get trap throws is an issue at the top level in every mode", () => {
  for (const schema of Object.keys(all)) hostile(schema, new Proxy(good[schema](), { get: boom }));
});
test("revoked Proxies at the top level, in custom_fields, tags and address", () => {
  const revoked = (target) => {
    const { proxy, revoke } = Proxy.revocable(target, {});
    revoke();
    return proxy;
  };
  for (const schema of Object.keys(all)) hostile(schema, revoked(good[schema]()));
  hostile("customer", withField("custom_fields", revoked({})), { at: ["custom_fields"] });
  hostile("customer", withField("custom_fields", { x: revoked([]) }), { at: ["custom_fields"] });
  hostile("customer", withField("tags", revoked(["vip"])), { at: ["tags"] });
  hostile("customer", withField("address", revoked({})), { at: ["address"] });
});

// --- non-JSON values inside custom_fields ---------------------------------------------------

const nonJson = {
  Date: () => new Date(0),
  Map: () => new Map([["a", 1]]),
  Set: () => new Set([1]),
  function: () => () => 1,
  symbol: () => Symbol("s"),
  BigInt: () => 1n,
  NaN: () => NaN,
  RegExp: () => /x/,
};
for (const [name, make] of Object.entries(nonJson)) {
  test(`${name} inside custom_fields is an issue at its path`, () => {
    hostile("customer", withField("custom_fields", { v: make() }), { at: ["custom_fields", "v"] });
    hostile("customer", withField("custom_fields", { list: [1, make()] }), { at: ["custom_fields", "list", 1] });
  });
}
test("a literal with its own Symbol.toStringTag is still a plain object; a class that declares a tag is not", () => {
  const tagged = (object, tag) => Object.assign(object, { [Symbol.toStringTag]: tag });
  const top = CustomerSchema.safeParse(tagged(seedCustomer(), "Rec"));
  assert.equal(top.success, true);
  assert.deepEqual(top.data, CustomerSchema.safeParse(seedCustomer()).data);
  const address = { street: "1 Main St", city: "Oslo", state: "OS", postalCode: "0150", country: "Norway" };
  const inAddress = CustomerSchema.safeParse({ ...seedCustomer(), address: tagged({ ...address }, "Address") });
  assert.equal(inAddress.success, true);
  assert.equal(inAddress.data.address.country, "NO");
  const inCustom = CustomerSchema.safeParse({ ...seedCustomer(), custom_fields: { v: tagged({ a: Object.create(null) }, "X") } });
  assert.deepEqual(inCustom.data?.custom_fields, { v: { a: {} } });
  class Tagged {
    constructor() { this.a = 1; }
    get [Symbol.toStringTag]() { return "Tagged"; }
  }
  const r = hostile("customer", withField("custom_fields", { v: new Tagged() }), { at: ["custom_fields", "v"] });
  assert.equal(r.error.issues[0].received, "Tagged");
});
test("undefined members of custom_fields are dropped, as JSON.stringify drops them", () => {
  const r = hostile("customer", withField("custom_fields", { a: undefined, b: 1, c: { d: undefined } }), { expect: "ok" });
  assert.deepEqual(r.data.custom_fields, { b: 1, c: {} });
});
test("symbol-keyed and non-enumerable properties of custom_fields are ignored like JSON.stringify does", () => {
  const cf = { a: 1, [Symbol("s")]: 2 };
  Object.defineProperty(cf, "hidden", { value: 3, enumerable: false });
  const r = hostile("customer", withField("custom_fields", cf), { expect: "ok" });
  assert.deepEqual(r.data.custom_fields, { a: 1 });
});

// A getter may call the validator again while the module is reading the
// outer record: the inner call must not disturb the outer reading (its
// description, the kept values, the memory views), even when the inner work
// grows the WebAssembly memory.
test("a getter that validates other records while being read changes nothing in the outer result", async () => {
  const restarts = __testing.restarts();
  const big = { ...seedCustomer(), notes: "n".repeat(3_000_000), tags: Array.from({ length: 20_000 }, (_, i) => `t${i}`) };
  const inner = [];
  const reentrant = (value) => {
    inner.push(CustomerSchema.safeParse(seedCustomer()).success);
    inner.push(CustomerSchema.safeParse(big).success);
    inner.push(CustomerSchema.safeParseMany([seedCustomer(), { id: 1 }]).summary.valid);
    inner.push(parsePhone("+44 20 7946 0958", { defaultRegion: "GB" }).data.e164);
    return value;
  };
  const plain = { ...seedCustomer(), firstname: "  Jane ", tags: ["a", "b", "a"], address: { street: "1 Main St", city: "Oslo", state: "OS", postalCode: "0150", country: "Norway" } };
  const tricky = {};
  for (const [key, value] of Object.entries(plain)) {
    if (key === "firstname" || key === "tags") Object.defineProperty(tricky, key, { enumerable: true, get: () => reentrant(value) });
    else if (key === "address") {
      const address = {};
      for (const [k, v] of Object.entries(value)) Object.defineProperty(address, k, { enumerable: true, get: () => (k === "city" ? reentrant(v) : v) });
      tricky.address = address;
    } else tricky[key] = value;
  }
  assert.deepEqual(CustomerSchema.safeParse(tricky), CustomerSchema.safeParse(plain));
  assert.deepEqual(CustomerSchema.safeParseMany([tricky, plain]).results.map((r) => r.data), [CustomerSchema.safeParse(plain).data, CustomerSchema.safeParse(plain).data]);
  assert.equal(inner.length, 4 * 6, "every getter ran its inner validations once per read");
  assert.deepEqual(inner.slice(0, 4), [true, false, 1, "+442079460958"]);
  assert.equal(__testing.restarts(), restarts, "no restart");
});

// Getters that call the validator again, each from inside the last, until
// the JavaScript stack runs out inside the module: the call that overflows
// traps. The module throws nothing of its own (at the very bottom the
// getter's own code, or the call itself, overflows before the module runs:
// a RangeError no function can avoid); every call still running in the
// broken instance reports the trap; the instance is restarted once, when
// the outermost call ends (not under the calls still running in it); the
// next call works.
test("re-entrant calls nested until the stack overflows: the trap reported, one restart after the outermost call, the next call works", () => {
  const restarts = __testing.restarts();
  let depth = 0;
  const thrown = [];
  const inner = [];
  const make = () => {
    const record = seedCustomer();
    Object.defineProperty(record, "email", {
      enumerable: true,
      get() {
        depth += 1;
        try {
          if (depth < 20_000) inner.push(CustomerSchema.safeParse(make()));
        } catch (error) {
          thrown.push(error);
        } finally {
          depth -= 1;
        }
        return "a@b.co";
      },
    });
    return record;
  };
  const outer = CustomerSchema.safeParse(make());
  assert.deepEqual([...new Set(thrown.map(String))].filter((e) => e !== "RangeError: Maximum call stack size exceeded"), []);
  const internal = (r) => !r.success && r.error.issues.length === 1 && r.error.issues[0].rule === "internal";
  assert.ok(internal(outer), JSON.stringify(outer));
  assert.ok(inner.some(internal), "the stack overflowed inside some call");
  assert.ok(inner.every((r) => internal(r) || r.success), "every inner result is the record's or the trap's");
  assert.equal(__testing.restarts(), restarts + 1);
  assert.deepEqual(CustomerSchema.safeParse(seedCustomer()), CustomerSchema.safeParse(seedCustomer()));
  assert.equal(CustomerSchema.safeParse(seedCustomer()).success, true);
  assert.equal(__testing.restarts(), restarts + 1);
});

test("a key longer than 1,000,000 units makes its object unreadable without being copied", () => {
  const key = "k".repeat(1_000_001);
  const r = hostile("customer", { ...seedCustomer(), [key]: 1 });
  assert.match(r.error.issues[0].message, /a key is too long/);
  const nested = hostile("customer", { ...seedCustomer(), address: { [key]: 1, city: "Oslo" } }, { at: ["address"] });
  assert.match(nested.error.issues[0].message, /a key is too long/);
});

test("a huge option string is refused by its first 1,024 characters", () => {
  const huge = "x".repeat(5_000_000);
  for (const call of [(o) => CustomerSchema.safeParse(seedCustomer(), o), (o) => CustomerSchema.safeParseMany([], o)]) {
    for (const [options, prefix] of [
      [{ defaultRegion: huge }, 'defaultRegion must be an ISO 3166-1 alpha-2 country code such as "US", not "'],
      [{ unknownKeys: huge }, 'unknownKeys must be "strip", "strict" or "passthrough", not "'],
    ]) {
      assert.throws(() => call(options), (e) => e instanceof TypeError && e.message === `${prefix}${"x".repeat(1024)}…"`);
    }
  }
});

test("an array whose length throws, is absurd or is not a whole number is an issue at its path, never a throw", () => {
  const record = { id: "c1", firstname: "J", lastname: "S", email: "a@b.co", createdAt: 1709856000000, updatedAt: 1709856000000 };
  const claiming = (length) =>
    new Proxy(["a"], {
      get(target, key) {
        if (key !== "length") return Reflect.get(target, key);
        if (length === "throw") throw new Error("no length for you");
        return length;
      },
    });
  const issue = (length) => {
    const result = CustomerSchema.safeParse({ ...record, tags: claiming(length) });
    assert.equal(result.success, false);
    return result.error.issues[0];
  };
  assert.equal(issue("throw").message, "This value could not be read: no length for you");
  assert.equal(issue(1e300).code, "too_big");
  for (const length of ["3", -1, 1.5, NaN, Infinity]) {
    assert.equal(issue(length).message, "This value could not be read: the array has no valid length", String(length));
  }
  // A length larger than the array: the missing items read as undefined.
  assert.deepEqual(issue(2).path, ["tags", 1]);
});

test("a result lists at most 100 issues, then one custom issue at [] counting the rest, on every path (issue 19)", async () => {
  // (This build, like the browser's, loads a language before using it.)
  assert.equal(await loadLocale("de"), "de");
  const custom_fields = Object.fromEntries(Array.from({ length: 250 }, (_, i) => [`k${i}`, () => i]));
  const input = { firstname: "Ann", tags: Array(120).fill(""), custom_fields };
  const result = CreateCustomerSchema.safeParse(input);
  assert.equal(result.success, false);
  const issues = result.success ? [] : result.error.issues;
  assert.equal(issues.length, 101);
  assert.deepEqual({ ...issues[100], message: undefined }, { code: "custom", rule: "too_many_issues", omitted: 270, path: [], message: undefined });
  assert.match(issues[100].message, /270/);
  // The same through a batch, in another language, and as text (functions are not JSON: tags only).
  const many = CreateCustomerSchema.safeParseMany([input], { locale: "de" });
  assert.equal(many.results[0].error.issues.length, 101);
  assert.notEqual(many.results[0].error.issues[100].message, issues[100].message);
  const text = JSON.stringify({ firstname: "Ann", tags: Array(150).fill("") });
  const fromText = CreateCustomerSchema.safeParseJson(text);
  assert.deepEqual(fromText, CreateCustomerSchema.safeParse(JSON.parse(text)));
  assert.equal(fromText.success ? 0 : fromText.error.issues.at(-1)?.omitted, 50);
  assert.deepEqual(CreateCustomerSchema.safeParseNdjson(`${text}\n`).results[0].error, fromText.success ? undefined : fromText.error);
});

test("a top-level array, however long, is one invalid_type issue at [] (issue 19, finding 8)", () => {
  const expected = CustomerSchema.safeParse([]);
  assert.deepEqual(expected.success ? [] : expected.error.issues.map((i) => [i.code, i.path, i.received]), [["invalid_type", [], "array"]]);
  assert.deepEqual(CustomerSchema.safeParse(new Array(1_000_000).fill(0)), expected);
  assert.deepEqual(CustomerSchema.safeParseJson(JSON.stringify(new Array(200_000).fill(0))), expected);
});

test("an inherited defaultRegion is not the caller's: a national number still needs a region (issue 19, finding 7)", () => {
  const national = { phone_number: "020 7946 0958" };
  const own = CreateCustomerSchema.safeParse(national, { defaultRegion: "GB" });
  assert.equal(own.success && own.data.phone_number, "+442079460958");
  const inherited = CreateCustomerSchema.safeParse(national, Object.create({ defaultRegion: "GB" }));
  assert.deepEqual(inherited.success ? [] : inherited.error.issues.map((i) => i.path), [["phone_number"]]);
  // Nor is a region bound by withOptions read from a prototype.
  const bound = CreateCustomerSchema.withOptions(Object.create({ defaultRegion: "GB" }));
  assert.equal(bound.safeParse(national).success, false);
});

test("safeParseNdjson's firstLine is a whole number from 1 up to 2^53 - 1, else a TypeError naming it (issue 19, finding 7)", () => {
  const text = '{"firstname":"Ann"}\n{"firstname":"Bo"}\n';
  assert.deepEqual(CreateCustomerSchema.safeParseNdjson(text, undefined, 7).results.map((r) => r.line), [7, 8]);
  assert.deepEqual(CreateCustomerSchema.safeParseNdjson(text).results.map((r) => r.line), [1, 2]);
  // Numbers never pass what JavaScript counts exactly.
  const last = Number.MAX_SAFE_INTEGER;
  assert.deepEqual(CreateCustomerSchema.safeParseNdjson(text, undefined, last).results.map((r) => r.line), [last, last]);
  for (const bad of [0, -5, 1.5, NaN, Infinity, 2 ** 53, 2 ** 64, "5", null, {}, 5n]) {
    assert.throws(
      () => CreateCustomerSchema.safeParseNdjson(text, undefined, /** @type {any} */ (bad)),
      (e) => e instanceof TypeError && /^firstLine must be a whole number from 1 to 9007199254740991, not /.test(e.message),
      String(bad),
    );
  }
});

test("toJSONSchema takes an object of settings or nothing; anything else is a TypeError naming it (issue 19, finding 7)", () => {
  const output = CustomerSchema.toJSONSchema();
  assert.deepEqual(CustomerSchema.toJSONSchema({}), output);
  assert.deepEqual(CustomerSchema.toJSONSchema({ io: "output" }), output);
  assert.notDeepEqual(CustomerSchema.toJSONSchema({ io: "input" }), output);
  for (const bad of ["input", null, [], 5, true]) {
    assert.throws(() => CustomerSchema.toJSONSchema(/** @type {any} */ (bad)), (e) => e instanceof TypeError && /^toJSONSchema: settings must be an object/.test(e.message), String(bad));
    assert.throws(() => CustomerSchema["~standard"].jsonSchema.input(/** @type {any} */ (bad)), (e) => e instanceof TypeError && /^jsonSchema\.input: settings/.test(e.message), String(bad));
  }
  assert.throws(() => CustomerSchema.toJSONSchema(/** @type {any} */ ({ io: "inputs" })), { name: "TypeError", message: 'io must be "input" or "output", not "inputs"' });
  assert.throws(() => CustomerSchema.toJSONSchema(/** @type {any} */ ({ io: 1 })), { name: "TypeError", message: 'io must be "input" or "output", not 1' });
  assert.throws(() => CustomerSchema.toJSONSchema(/** @type {any} */ ({ target: {} })), { name: "TypeError", message: /^target must be "draft-2020-12" or "draft-07", not object$/ });
  assert.throws(() => CustomerSchema.toJSONSchema(/** @type {any} */ ({ unknownKeys: "loose" })), { name: "TypeError", message: /unknownKeys/ });
  // An inherited io is not read: the default, output.
  assert.deepEqual(CustomerSchema.toJSONSchema(Object.create({ io: "input" })), output);
});

test("past the value bound, every field's wrong type is still reported (issue 19, finding 6)", () => {
  const result = CreateCustomerSchema.safeParse({ customerId: new Array(200_001), company: null, timezone: {}, tags: Array(200_001).fill("a"), address: { city: [] } });
  const found = result.success ? [] : result.error.issues.map((i) => `${i.code} ${i.path.join(".")}`);
  for (const expected of ["invalid_type customerId", "invalid_type company", "invalid_type timezone", "too_big tags", "invalid_type address.city"]) {
    assert.ok(found.includes(expected), `${expected} in ${found}`);
  }
});

test("normalising twice gives the same answer at the value bound, undefined defaults too (issue 19, finding 2)", () => {
  for (const extra of [{}, { preferred_language: undefined, isValidatedNames: undefined }]) {
    for (const length of [99_997, 99_998, 99_999]) {
      const first = CreateCustomerSchema.safeParse({ ...extra, custom_fields: { a: Array(length).fill(0) } });
      assert.equal(first.success, length <= 99_998, `${length}`);
      if (first.success) assert.deepEqual(CreateCustomerSchema.safeParse(first.data), first);
    }
  }
});

test("objects referenced from many places are read once each, and give what JSON.stringify would (issue 19, finding 5)", () => {
  // 34 objects, each referring twice to the next: 2^34 paths.
  let opened = 0;
  let graph = {};
  for (let i = 0; i < 34; i++) {
    const next = graph;
    graph = new Proxy({ a: next, b: next }, { ownKeys: (target) => (opened++, Reflect.ownKeys(target)) });
  }
  const result = CreateCustomerSchema.safeParse({ custom_fields: { graph } });
  // (Numbering starts once the record has used 64 values.)
  assert.ok(opened <= 3 * 34, `${opened} objects opened`);
  assert.equal(result.success, false);
  const issues = result.success ? [] : result.error.issues;
  assert.equal(issues.length, 101);
  assert.equal(issues[100].rule, "too_many_issues");
  assert.ok(JSON.stringify(result).length < 100_000);
  // A valid input whose objects repeat: the same as its JSON.
  const shared = { x: [1, "two", { three: 3 }], y: null };
  const custom_fields = { a: shared, list: Array(60).fill(shared), nested: { again: [shared, shared] } };
  const valid = CreateCustomerSchema.safeParse({ custom_fields });
  assert.equal(valid.success, true);
  assert.deepEqual(valid.success && valid.data.custom_fields, JSON.parse(JSON.stringify(custom_fields)));
  // An object met at another depth is read there again (its nesting limit is another).
  /** @type {object} */
  let deep = { leaf: 1 };
  for (let i = 0; i < 30; i++) deep = { d: deep };
  const atTwoDepths = { custom_fields: { near: deep, far: { again: deep }, pad: Array(40).fill({}) } };
  const mixed = CreateCustomerSchema.safeParse(atTwoDepths);
  assert.deepEqual(mixed.success ? [] : mixed.error.issues.map((i) => i.path.slice(0, 3)), [["custom_fields", "far", "again"]]);
});
