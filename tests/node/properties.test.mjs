// Properties of the built package, checked with fast-check over generated
// inputs, the three schemas and generated options (valid and invalid
// defaultRegion and unknownKeys):
//   - safeParse never throws on any value (bad options throw a TypeError,
//     as documented), returns a well-formed result that is not the module's
//     internal error, and never modifies Object.prototype;
//   - idempotence: the data of a success parses again to the same data;
//   - the object, JSON text, batch (array and text) and NDJSON paths give
//     the same result for a JSON-representable record;
//   - a success's data conforms to the schema's output JSON Schema (Ajv).
//
// Seeded and bounded: FC_SEED (default 20261203) and FC_RUNS (the base run
// count, default 1800, about a minute under the dev build; each property
// runs 2 or 3 times it), e.g.
//   FC_SEED=7 FC_RUNS=5000 node --test tests/node/properties.test.mjs
// fast-check prints the seed, the path and the shrunk counterexample of a
// failure; rerun with that FC_SEED to reproduce it.
//
// Generated inputs are values described by plain data (see `materialize`),
// turned into the real value for each run: Proxies, throwing getters and
// cycles are made fresh every time, and a counterexample prints as its
// description. Every input holds far fewer than 50,000 values (a
// realistic generator's limit, not a weakening: the 100,000-value bound is
// tested by hostile.test.mjs and the Rust tests).
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { CustomerSchema, CreateCustomerSchema, UpdateCustomerSchema } from "customer-schema";

const SEED = Number(process.env.FC_SEED ?? 20261203);
const RUNS = Number(process.env.FC_RUNS ?? 1800);
/** @param {number} factor */
const params = (factor) => ({ seed: SEED, numRuns: Math.max(1, Math.round(RUNS * factor)) });

/** @type {Record<string, import("customer-schema").Schema<any>>} */
const schemas = { customer: CustomerSchema, create: CreateCustomerSchema, update: UpdateCustomerSchema };
const schemaNames = /** @type {("customer" | "create" | "update")[]} */ (Object.keys(schemas));

// --- options -------------------------------------------------------------------

const goodRegions = ["US", "us", "GB", "De", "FR", "JP", "BR", "IN", "AU", "CA", "CH", "AC", "ta", "NG", "AE"];
const badRegions = ["ZZ", "USA", "", "u", "12", 42];
const modes = ["strip", "strict", "passthrough"];
const badModes = ["STRICT", "", "none", 1];
const validOptions = fc.option(fc.record({ defaultRegion: fc.constantFrom(...goodRegions), unknownKeys: fc.constantFrom(...modes) }, { requiredKeys: [] }), {
  nil: undefined,
});
const invalidOptions = fc.oneof(
  fc.record({ defaultRegion: fc.constantFrom(...badRegions), unknownKeys: fc.constantFrom(...modes) }, { requiredKeys: ["defaultRegion"] }),
  fc.record({ defaultRegion: fc.constantFrom(...goodRegions), unknownKeys: fc.constantFrom(...badModes) }, { requiredKeys: ["unknownKeys"] }),
);
/** Options, with whether the package must accept them. */
const anyOptions = fc.oneof(
  { arbitrary: validOptions.map((options) => ({ options, valid: true })), weight: 9 },
  { arbitrary: invalidOptions.map((options) => ({ options, valid: false })), weight: 1 },
);

// --- customer-like records (plain JSON data) ---------------------------------------

/**
 * @template T
 * @param {readonly T[]} values
 * @returns {fc.Arbitrary<T>}
 */
const pick = (values) => fc.constantFrom(...values);
/**
 * Mostly a good value, sometimes a bad one.
 * @param {fc.Arbitrary<unknown>} good
 * @param {fc.Arbitrary<unknown>} bad
 */
const mostly = (good, bad) => fc.oneof({ arbitrary: good, weight: 6 }, { arbitrary: bad, weight: 1 });
/**
 * A field's good values and bad ones.
 * @param {fc.Arbitrary<unknown>} good
 * @param {fc.Arbitrary<unknown>} bad
 * @returns {[fc.Arbitrary<unknown>, fc.Arbitrary<unknown>]}
 */
const pair = (good, bad) => [good, bad];
const wrongType = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null), fc.constant({}), fc.array(fc.string({ maxLength: 5 }), { maxLength: 2 }));
// Binary units: lone surrogates included.
const anyString = fc.string({ unit: "binary", maxLength: 40 });
const text = (/** @type {number} */ maxLength) => fc.string({ unit: "grapheme", maxLength });

const goodId = fc.oneof(pick(["cust_abc123", "c1", "  id-7 ", "客户42"]), fc.stringMatching(/^[a-z][a-z0-9_]{0,19}$/));
const phones = [
  "+14155552671", "(415) 555-2671", "+1 415 555 2671", "1-800-FLOWERS", "020 7946 0958", "+44 20 7946 0958", "+44 7400 123456",
  "+4930123456", "030 123456", "+33 1 23 45 67 89", "+5511987654321", "+81 3-1234-5678", "+61 2 9374 4000", "+91 98765 43210",
  "+7 495 123-45-67", "+27 21 123 4567", "+971 4 123 4567", "+247 6000", "+290 8123", "tel:+1-415-555-2671", "+1 415 555 2671 ext. 123",
  "＋１（４１５）５５５－２６７１", "+١ ٤١٥ ٥٥٥ ٢٦٧١", "011 44 20 7946 0958",
];
const badPhones = ["12", "+1 415", "+999 1234 5678", "call 415-555-2671 now", "abc", "   ", "", "+1 555 555 5555", "8123"];
const names = ["Jane", "  John  ", "José", "Zoë", "O'Brien", "Mary-Jane", "李", "محمد", "Ngô Bảo Châu", "e\u0301lodie", "Ægir", "Łukasz", "😀", ""];
const timeZones = ["America/New_York", "Europe/Berlin", "UTC", "utc", "Asia/Kolkata", "ASIA/CALCUTTA", "US/Eastern", "Etc/GMT+5", "Pacific/Chatham"];
const badTimeZones = ["Mars/Olympus_Mons", "+05:00", " ", "", "Europe/Berlin/"];
const emails = ["jane.doe@example.com", "  John.Smith@Example.COM ", "o'brien+news@mail.example.co.uk", "a@b.co", "user@例子.广告", "UPPER@EXAMPLE.ORG"];
const badEmails = ["", "bad", "john smith@example.com", ".user@example.com", "us..er@example.com", "user@localhost", "a@b", "@example.com"];
const addresses = [
  ["1 Market St", "San Francisco", "CA", "94105", "US"],
  ["1 Main St", "San Francisco", "california", "94105 1234", "usa"],
  ["10 Downing St", "London", "London", "sw1a2aa", "United Kingdom"],
  ["Unter den Linden 1", "Berlin", "BE", "10117", "Germany"],
  ["1 rue de Rivoli", "Paris", "Île-de-France", "75001", "FR"],
  ["1 Main St", "Montréal", "Québec", "h3z2y7", "CA"],
  ["銀座1", "東京", "東京都", "154-0023", "JP"],
  ["1 Main St", "Sydney", "new south wales", "2000", "AU"],
  ["1 Marine Drive", "Mumbai", "mh", "400001", "IN"],
  ["Av. Paulista 1000", "São Paulo", "SP", "01310-100", "BR"],
  ["1 Main St", "Amsterdam", "Noord-Holland", "1234ab", "NL"],
  ["Bahnhofstrasse 1", "Zürich", "ZH", "8001", "CH"],
  ["1 Main St", "Oslo", "OS", "0150", "Norway"],
  ["Rruga Agim Ramadani 15", "Pristina", "Pristina", "10000", "xk"],
  ["1 Main St", "Dubai", "Dubai", "anything", "AE"],
];
const addressArb = pair(
  fc.tuple(pick(addresses), fc.option(pick([" Suite   200 ", "", "Apt 4"]), { nil: undefined })).map(([[street, city, state, postalCode, country], street2]) =>
    street2 === undefined ? { street, city, state, postalCode, country } : { street, street2, city, state, postalCode, country },
  ),
  fc.oneof(
    wrongType,
    fc.record({ street: anyString, street2: anyString, city: anyString, state: anyString, postalCode: fc.oneof(anyString, pick(["12", "SW1A 1A"])), country: fc.oneof(anyString, pick(["Atlantis", "ZZ", 840])), zip: anyString }, { requiredKeys: [] }),
  ),
);
/** Keys of custom_fields and of unknown members, the awkward ones included. */
const objectKey = fc.oneof(pick(["__proto__", "constructor", "prototype", "toString", "valueOf", "0", "10", "", "a.b", "email"]), fc.string({ unit: "binary", maxLength: 8 }));
/**
 * An object of own data properties (`__proto__` too), in the order given.
 * @param {[string, unknown][]} entries
 */
const own = (entries) => {
  /** @type {Record<string, unknown>} */
  const object = {};
  for (const [key, value] of entries) Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  return object;
};
const customFields = pair(
  fc.array(fc.tuple(objectKey, fc.jsonValue({ maxDepth: 3 })), { maxLength: 6 }).map(own),
  fc.oneof(wrongType, fc.array(fc.tuple(objectKey, fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.double())), { maxLength: 4 }).map(own)),
);
const timestamp = pair(fc.integer({ min: 0, max: 8_640_000_000_000_000 }), fc.oneof(pick([1.5, -1, "1709856000000", 1e21]), fc.double({ noNaN: true, noDefaultInfinity: true }), wrongType));
/** Each field's good values and bad ones. */
const fields = {
  id: pair(goodId, fc.oneof(pick(["", "   "]), anyString, wrongType)),
  customerId: pair(fc.oneof(fc.constant(null), goodId), fc.oneof(anyString, wrongType)),
  phone_number: pair(fc.oneof(pick(phones), fc.constant(null)), fc.oneof(pick(badPhones), anyString, wrongType)),
  firstname: pair(fc.oneof(pick(names), text(30), fc.constant(null)), fc.oneof(anyString, wrongType, pick(["x".repeat(101), "a\u0000b"]))),
  lastname: pair(fc.oneof(pick(names), text(30), fc.constant(null)), fc.oneof(anyString, wrongType)),
  company: pair(fc.oneof(pick(["Acme Inc.", "  Globex   Corp ", "株式会社", ""]), text(40)), fc.oneof(anyString, wrongType)),
  timezone: pair(pick(timeZones), fc.oneof(pick(badTimeZones), anyString, wrongType)),
  email: pair(fc.oneof(pick(emails), fc.emailAddress()), fc.oneof(pick(badEmails), anyString, wrongType)),
  preferred_language: pair(pick(["en", "EN", "fr", "de", "ja", " es "]), fc.oneof(pick(["English", "en-US", "xx", "iw", ""]), anyString, wrongType)),
  preferred_contact_method: pair(pick(["EMAIL", "PHONE", "SMS", "email", " Sms "]), fc.oneof(pick(["FAX", ""]), anyString, wrongType)),
  best_time_to_call: pair(pick(["MORNING", "AFTERNOON", "EVENING", "evening"]), fc.oneof(pick(["NIGHT", ""]), anyString, wrongType)),
  notes: pair(fc.string({ unit: "grapheme", maxLength: 200 }), fc.oneof(fc.string({ unit: "binary", maxLength: 200 }), wrongType)),
  tags: pair(
    fc.array(fc.oneof(pick(["vip", " vip ", "VIP", "repeat-customer", "b2b", "新"]), text(20)), { maxLength: 8 }),
    fc.oneof(wrongType, fc.array(fc.oneof(anyString, wrongType), { maxLength: 5 })),
  ),
  custom_fields: customFields,
  channelId: pair(fc.oneof(fc.constant(null), goodId), fc.oneof(anyString, wrongType)),
  address: addressArb,
  isValidatedNames: pair(fc.boolean(), fc.oneof(pick([1, 0, "true", "yes"]), wrongType)),
  createdAt: timestamp,
  updatedAt: timestamp,
};
/** Fields each schema has (the others are unknown keys to it). */
const fieldsOf = {
  customer: Object.keys(fields),
  create: Object.keys(fields).filter((f) => !["id", "channelId", "createdAt", "updatedAt"].includes(f)),
  update: Object.keys(fields).filter((f) => !["channelId", "createdAt", "updatedAt"].includes(f)),
};
const requiredOf = { customer: ["id", "createdAt", "updatedAt"], create: [], update: ["id"] };
/**
 * Records for a schema: half of them of good values only (most of those
 * valid), the others mostly good values and some bad ones; unknown keys
 * now and then.
 * @param {"customer" | "create" | "update"} schema
 */
const recordOf = (schema) => {
  /** @param {(field: string) => fc.Arbitrary<unknown>} arb */
  const members = (arb) => fc.record(Object.fromEntries(fieldsOf[schema].map((f) => [f, arb(f)])), { requiredKeys: requiredOf[schema] });
  const good = members((f) => fields[f][0]).map((record) => {
    // (updatedAt is not earlier than createdAt in a good record.)
    if (record.createdAt > record.updatedAt) [record.createdAt, record.updatedAt] = [record.updatedAt, record.createdAt];
    return record;
  });
  const mixed = members((f) => mostly(fields[f][0], fields[f][1]));
  return fc
    .tuple(
      fc.oneof(good, mixed),
      fc.array(fc.tuple(fc.oneof(pick(["extra", "customerGroupId", "zip", "__proto__", "constructor", "id", "createdAt"]), objectKey), fc.jsonValue({ maxDepth: 2 })), { maxLength: 1 }),
    )
    // Unknown members as own data properties, after the fields.
    .map(([record, extra]) => own([...Object.entries(record), ...extra.filter(([key]) => !Object.hasOwn(record, key))]));
};
/** A schema's name with a record for it and options. */
const recordCase = fc.constantFrom(...schemaNames).chain((schema) => fc.record({ schema: fc.constant(schema), input: recordOf(schema), options: validOptions }));

// --- exotic values, described as plain data ------------------------------------------

const specials = ["symbol", "function", "date", "invalidDate", "map", "set", "typed", "buffer", "regexp", "error", "boxed", "promise", "weakmap", "instance", "revoked", "freshProxy"];
const exotic = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: "small", maxDepth: 4 }, tie("leaf"), tie("leaf"), tie("array"), tie("object"), tie("special")),
  leaf: fc.oneof(
    pick([null, undefined, true, false, NaN, Infinity, -Infinity, -0, 0, 1.5, 2 ** 53 + 2, 1e21, 5e-324, -1]).map((v) => ({ t: "value", v })),
    fc.double().map((v) => ({ t: "value", v })),
    fc.bigInt().map((v) => ({ t: "value", v })),
    fc.string({ unit: "binary", maxLength: 30 }).map((v) => ({ t: "value", v })),
    pick(["\uD800", "a\uDC00b", "x\uD83D", "\uDFFF\uD800"]).map((v) => ({ t: "value", v })),
    pick(specials).map((t) => ({ t })),
    pick([70_000, 1_000_001]).map((n) => ({ t: "long", n })),
  ),
  array: fc.array(tie("node"), { maxLength: 4 }).map((items) => ({ t: "array", items })),
  object: fc
    .record({ entries: fc.array(fc.tuple(fc.oneof(pick(Object.keys(fields)), objectKey), tie("node")), { maxLength: 5 }), proto: pick(["object", "null"]), how: pick(["define", "assign"]) })
    .map((o) => ({ t: "object", ...o })),
  special: fc.oneof(
    fc.record({ trap: pick(["get", "ownKeys", "getOwnPropertyDescriptor", "getPrototypeOf", "has"]), target: tie("object") }).map((o) => ({ t: "throwingProxy", ...o })),
    fc.record({ key: fc.oneof(pick(Object.keys(fields)), objectKey), target: tie("object") }).map((o) => ({ t: "throwingGetter", ...o })),
    tie("object").map((target) => ({ t: "cycle", target })),
    tie("node").map((shared) => ({ t: "shared", shared })),
  ),
}));

const boom = () => {
  throw new Error("boom");
};
/** @type {Map<number, string>} */
const longStrings = new Map();
/** An object whose every member, at any depth, is a fresh Proxy like it. */
const freshProxy = () => {
  /** @type {ProxyHandler<object>} */
  const handler = {
    ownKeys: () => ["a", "b"],
    getOwnPropertyDescriptor: () => ({ value: new Proxy({}, handler), enumerable: true, writable: true, configurable: true }),
    get: () => new Proxy({}, handler),
  };
  return new Proxy({}, handler);
};
/**
 * The value a description stands for, made afresh.
 * @param {any} node
 * @returns {any}
 */
function materialize(node) {
  switch (node.t) {
    case "value":
      return node.v;
    case "long": {
      let s = longStrings.get(node.n);
      if (s === undefined) longStrings.set(node.n, (s = "x".repeat(node.n - 1) + "\uD800"));
      return s;
    }
    case "array":
      return node.items.map(materialize);
    case "object": {
      const object = node.proto === "null" ? Object.create(null) : {};
      for (const [key, child] of node.entries) {
        const value = materialize(child);
        try {
          if (node.how === "define") Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
          // (`object.__proto__ = value` sets the prototype: the value is not a member.)
          else object[key] = value;
        } catch {
          // (A prototype that would make a cycle.)
        }
      }
      return object;
    }
    case "throwingProxy":
      return new Proxy(materialize(node.target), { [node.trap]: boom });
    case "throwingGetter": {
      const object = materialize(node.target);
      Object.defineProperty(object, node.key, { get: boom, enumerable: true, configurable: true });
      return object;
    }
    case "cycle": {
      const object = materialize(node.target);
      Object.defineProperty(object, "self", { value: object, enumerable: true, writable: true, configurable: true });
      return object;
    }
    case "shared": {
      const value = materialize(node.shared);
      return { a: value, b: [value, value], c: { d: value } };
    }
    case "symbol":
      return Symbol("s");
    case "function":
      return () => 1;
    case "date":
      return new Date(0);
    case "invalidDate":
      return new Date(NaN);
    case "map":
      return new Map([["a", 1]]);
    case "set":
      return new Set([1]);
    case "typed":
      return new Float64Array([1.5, NaN]);
    case "buffer":
      return new ArrayBuffer(8);
    case "regexp":
      return /x/g;
    case "error":
      return new Error("e");
    case "boxed":
      return Object("s");
    case "promise":
      return Promise.resolve(1);
    case "weakmap":
      return new WeakMap();
    case "instance":
      return new (class Point {
        constructor() {
          this.x = 1;
        }
      })();
    case "revoked": {
      const { proxy, revoke } = Proxy.revocable({}, {});
      revoke();
      return proxy;
    }
    case "freshProxy":
      return freshProxy();
    default:
      throw new Error(`no such description ${node.t}`);
  }
}

/** Where a description may be put into a record: a field, an address line, a custom field, an unknown key. */
const injectionPath = fc.oneof(
  pick(Object.keys(fields)).map((f) => [f]),
  pick(["street", "city", "country", "extra"]).map((k) => ["address", k]),
  objectKey.map((k) => ["custom_fields", k]),
  objectKey.map((k) => [k]),
);
/** A record with exotic values put in (made afresh by `make`). */
const injectedCase = fc.constantFrom(...schemaNames).chain((schema) =>
  fc.record({
    schema: fc.constant(schema),
    record: recordOf(schema),
    injections: fc.array(fc.tuple(injectionPath, exotic.node), { minLength: 1, maxLength: 2 }),
    options: validOptions,
  }),
);
/** @param {{ record: any, injections: [string[], any][] }} c */
const makeInjected = ({ record, injections }) => {
  const copy = structuredClone(record);
  // The values put in so far: a later path through one of them (a revoked
  // Proxy, say) replaces it with a plain object rather than write into it.
  const placed = new WeakSet();
  for (const [path, node] of injections) {
    let target = copy;
    for (const key of path.slice(0, -1)) {
      const inner = target[key];
      if (typeof inner !== "object" || inner === null || placed.has(inner)) Object.defineProperty(target, key, { value: {}, enumerable: true, writable: true, configurable: true });
      target = target[key];
    }
    const value = materialize(node);
    if (typeof value === "object" && value !== null) placed.add(value);
    Object.defineProperty(target, path[path.length - 1], { value, enumerable: true, writable: true, configurable: true });
  }
  return copy;
};

// --- checks ------------------------------------------------------------------------

const protoKeys = Reflect.ownKeys(Object.prototype);
const protoDescriptors = Object.getOwnPropertyDescriptors(Object.prototype);
function assertPrototypeUntouched() {
  assert.deepEqual(Reflect.ownKeys(Object.prototype), protoKeys, "Object.prototype gained or lost a key");
  const now = Object.getOwnPropertyDescriptors(Object.prototype);
  for (const key of protoKeys) {
    const [a, b] = [now[/** @type {any} */ (key)], protoDescriptors[/** @type {any} */ (key)]];
    assert.ok(a.value === b.value && a.get === b.get && a.set === b.set, `Object.prototype[${String(key)}] changed`);
  }
  assert.equal(Object.getPrototypeOf(Object.prototype), null);
  assert.ok(Object.isExtensible(Object.prototype));
}

/** @param {any} r */
function assertWellFormed(r) {
  assert.equal(typeof r, "object");
  assert.equal(typeof r.success, "boolean");
  assert.ok(Array.isArray(r.warnings));
  if (r.success) {
    assert.equal(typeof r.data, "object");
    assert.notEqual(r.data, null);
    assert.equal(Object.getPrototypeOf(r.data), Object.prototype);
  } else {
    assert.ok(Array.isArray(r.error.issues) && r.error.issues.length > 0, "a failure carries issues");
    for (const issue of r.error.issues) {
      assert.equal(typeof issue.code, "string");
      assert.equal(typeof issue.message, "string");
      assert.ok(Array.isArray(issue.path) && issue.path.every((/** @type {unknown} */ k) => typeof k === "string" || typeof k === "number"));
      // The module never trapped (the adapter reports a trap as this rule).
      assert.notEqual(issue.rule, "internal", issue.message);
    }
  }
}

/**
 * safeParse with options that are valid or not: a result, or a TypeError
 * for bad options, never anything else.
 * @param {string} schema
 * @param {unknown} input
 * @param {{ options: unknown, valid: boolean }} how
 */
function checkNeverThrows(schema, input, { options, valid }) {
  if (valid) assertWellFormed(schemas[schema].safeParse(input, options));
  else assert.throws(() => schemas[schema].safeParse(input, options), TypeError);
  assertPrototypeUntouched();
}

// --- the properties ------------------------------------------------------------------

test("never throws: exotic values at the top level", () => {
  fc.assert(
    fc.property(fc.constantFrom(...schemaNames), exotic.node, anyOptions, (schema, node, options) => checkNeverThrows(schema, materialize(node), options)),
    params(2),
  );
});

test("never throws: customer-like records with exotic values put in", () => {
  fc.assert(
    fc.property(injectedCase, anyOptions, (c, options) => checkNeverThrows(c.schema, makeInjected(c), options)),
    params(2),
  );
});

test("never throws: customer-like records, many of them valid", (t) => {
  let valid = 0;
  fc.assert(
    fc.property(recordCase, anyOptions, (c, options) => {
      checkNeverThrows(c.schema, c.input, options);
      if (options.valid && schemas[c.schema].safeParse(c.input, options.options).success) valid += 1;
    }),
    params(2),
  );
  t.diagnostic(`${valid} of ${params(2).numRuns} records valid (seed ${SEED})`);
  // The generator's mix: a good share of records succeed.
  assert.ok(valid >= params(2).numRuns / 10, `only ${valid} of ${params(2).numRuns} records were valid`);
});

/** Records, plain or with exotic values put in (made afresh). */
const parseCase = fc.oneof(
  { arbitrary: recordCase, weight: 3 },
  { arbitrary: injectedCase.map((c) => ({ schema: c.schema, input: c, options: c.options, injected: true })), weight: 1 },
);
/** @param {any} c */
const inputOf = (c) => (c.injected ? makeInjected(c.input) : c.input);

test("idempotence: the data of a success parses to itself", (t) => {
  let successes = 0;
  fc.assert(
    fc.property(parseCase, (c) => {
      const schema = schemas[c.schema];
      const first = schema.safeParse(inputOf(c), c.options);
      if (!first.success) return;
      successes += 1;
      const again = schema.safeParse(first.data, c.options);
      assert.ok(again.success, `the data failed: ${JSON.stringify(again.success ? [] : again.error.issues)}`);
      assert.deepStrictEqual(again.data, first.data);
    }),
    params(3),
  );
  t.diagnostic(`${successes} of ${params(3).numRuns} inputs valid (seed ${SEED})`);
  assert.ok(successes >= params(3).numRuns / 10, `only ${successes} successes`);
});

// A result of a batch path without its position (index, and line in NDJSON).
/** @param {any} result */
const withoutPosition = ({ index, line, ...rest }) => rest;

test("the object, JSON text, batch and NDJSON paths agree on JSON records", () => {
  const jsonCase = fc.constantFrom(...schemaNames).chain((schema) =>
    // (JSON-representable: exactly what JSON.parse gives back for its text.)
    fc.record({ schema: fc.constant(schema), input: recordOf(schema).map((r) => JSON.parse(JSON.stringify(r))), how: anyOptions }),
  );
  fc.assert(
    fc.property(jsonCase, ({ schema: name, input, how: { options, valid } }) => {
      const schema = schemas[name];
      const text = JSON.stringify(input);
      const paths = {
        safeParseJson: () => schema.safeParseJson(text, options),
        "safeParseMany(array)": () => schema.safeParseMany([input], options),
        "safeParseMany(text)": () => schema.safeParseMany(JSON.stringify([input]), options),
        safeParseNdjson: () => schema.safeParseNdjson(text, options),
      };
      if (!valid) {
        let message = "";
        assert.throws(() => schema.safeParse(input, options), (/** @type {any} */ e) => e instanceof TypeError && Boolean((message = e.message)));
        for (const [name, call] of Object.entries(paths)) assert.throws(call, (/** @type {any} */ e) => e instanceof TypeError && e.message === message, name);
        return;
      }
      const expected = JSON.stringify(schema.safeParse(input, options));
      const one = /** @type {any} */ (paths.safeParseJson());
      assert.equal(JSON.stringify(one), expected, "safeParseJson");
      for (const name of /** @type {const} */ (["safeParseMany(array)", "safeParseMany(text)", "safeParseNdjson"])) {
        const batch = /** @type {any} */ (paths[name]());
        assert.equal(batch.error, undefined, name);
        assert.equal(batch.results.length, 1, name);
        assert.equal(batch.summary.total, 1, name);
        assert.equal(batch.results[0].index, 0, name);
        if (name === "safeParseNdjson") assert.equal(batch.results[0].line, 1, name);
        assert.equal(JSON.stringify(withoutPosition(batch.results[0])), expected, name);
      }
    }),
    params(2),
  );
});

// ajv and ajv-formats declare `export default` in CommonJS modules (see json-schema.test.mjs).
const ajv = new Ajv2020.default({ allErrors: true, strict: true });
addFormats.default(ajv);
/** @type {Map<string, import("ajv").ValidateFunction>} */
const validators = new Map();
/**
 * @param {string} schema
 * @param {string} unknownKeys
 */
const outputValidator = (schema, unknownKeys) => {
  const key = `${schema} ${unknownKeys}`;
  let validate = validators.get(key);
  if (validate === undefined) validators.set(key, (validate = ajv.compile(schemas[schema].toJSONSchema({ io: "output", unknownKeys: /** @type {any} */ (unknownKeys) }))));
  return validate;
};

test("a success's data conforms to the output JSON Schema (Ajv, draft 2020-12)", (t) => {
  let successes = 0;
  fc.assert(
    fc.property(parseCase, (c) => {
      const result = schemas[c.schema].safeParse(inputOf(c), c.options);
      if (!result.success) return;
      successes += 1;
      const validate = outputValidator(c.schema, c.options?.unknownKeys ?? "strip");
      assert.ok(validate(result.data), `${JSON.stringify(validate.errors)} in ${JSON.stringify(result.data)}`);
    }),
    params(3),
  );
  t.diagnostic(`${successes} of ${params(3).numRuns} inputs valid (seed ${SEED})`);
  assert.ok(successes >= params(3).numRuns / 10, `only ${successes} successes`);
});
