// The JavaScript API shape: parse, safeParse, ~standard, options errors, and
// ESM/CommonJS giving the same single instance.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import * as esm from "customer-schema";
// The test build (scripts/build.sh --test-hooks): the same API over a module
// with the test-only trap, plus __testing.
import * as hooked from "../../target/pkg-test/index.mjs";
import { seedCustomer, seedCreate, seedUpdate } from "./seed.mjs";

const { CustomerSchema, CreateCustomerSchema, UpdateCustomerSchema, CustomerSchemaError } = esm;
const require = createRequire(import.meta.url);
/** @type {[string, import("customer-schema").Schema<any>, () => object][]} */
const schemas = [
  ["CustomerSchema", CustomerSchema, seedCustomer],
  ["CreateCustomerSchema", CreateCustomerSchema, seedCreate],
  ["UpdateCustomerSchema", UpdateCustomerSchema, seedUpdate],
];

for (const [name, schema, good] of schemas) {
  test(`${name}.safeParse: success result has exactly success, data, warnings`, () => {
    const r = schema.safeParse(good());
    assert.equal(r.success, true, JSON.stringify(r));
    assert.deepEqual(Object.keys(r).sort(), ["data", "success", "warnings"]);
    assert.ok(Array.isArray(r.warnings));
    assert.equal(typeof r.data, "object");
  });

  test(`${name}.safeParse: failure result has exactly success, error.issues, warnings`, () => {
    const r = schema.safeParse({ email: 42, tags: "x" });
    assert.equal(r.success, false);
    assert.deepEqual(Object.keys(r).sort(), ["error", "success", "warnings"]);
    assert.deepEqual(Object.keys(r.error), ["issues"]);
    assert.ok(r.error.issues.length >= 2, "every issue is reported, not only the first");
    for (const issue of r.error.issues) {
      assert.equal(typeof issue.code, "string");
      assert.equal(typeof issue.message, "string");
      assert.ok(Array.isArray(issue.path));
    }
    assert.ok(r.error.issues.some((i) => i.path[0] === "email" && i.code === "invalid_type"));
    assert.ok(r.error.issues.some((i) => i.path[0] === "tags" && i.code === "invalid_type"));
  });

  test(`${name}.parse returns the normalised data of a valid record`, () => {
    assert.deepEqual(schema.parse(good()), schema.safeParse(good()).data);
  });

  test(`${name}.parse throws CustomerSchemaError carrying every issue`, () => {
    const input = { email: "not an email", preferred_contact_method: "FAX" };
    const expected = schema.safeParse(input);
    assert.equal(expected.success, false);
    assert.throws(
      () => schema.parse(input),
      (err) => {
        assert.ok(err instanceof CustomerSchemaError);
        assert.ok(err instanceof Error);
        assert.equal(err.name, "CustomerSchemaError");
        assert.deepEqual(err.issues, expected.error.issues);
        assert.deepEqual(err.warnings, expected.warnings);
        for (const issue of err.issues) assert.ok(err.message.includes(issue.message), err.message);
        return true;
      },
    );
  });

  test(`${name}["~standard"] is Standard Schema v1`, () => {
    const std = schema["~standard"];
    assert.equal(std.version, 1);
    assert.equal(std.vendor, "customer-schema");
    assert.equal(typeof std.validate, "function");

    const ok = std.validate(good());
    assert.ok(!(ok instanceof Promise), "validate is synchronous");
    assert.deepEqual(ok, { value: schema.safeParse(good()).data });

    const bad = std.validate({ email: 42 });
    assert.ok(!(bad instanceof Promise));
    assert.deepEqual(Object.keys(bad), ["issues"]);
    assert.ok(bad.issues.length > 0);
    for (const issue of bad.issues) {
      assert.equal(typeof issue.message, "string");
      assert.ok(Array.isArray(issue.path));
    }
    assert.deepEqual(std.validate(null).issues.map((i) => i.path), [[]]);
  });

  test(`${name}: a bad option throws a TypeError naming it, and the next call works`, () => {
    assert.throws(() => schema.safeParse(good(), { defaultRegion: "ZZ" }), (e) => e instanceof TypeError && /defaultRegion/.test(e.message));
    assert.throws(() => schema.safeParse(good(), { unknownKeys: /** @type {any} */ ("x") }), (e) => e instanceof TypeError && /unknownKeys/.test(e.message));
    assert.throws(() => schema.parse(good(), { unknownKeys: /** @type {any} */ ("x") }), TypeError);
    // Bad options throw even when the input is bad too.
    assert.throws(() => schema.safeParse(null, { unknownKeys: /** @type {any} */ ("x") }), TypeError);
    assert.equal(schema.safeParse(good()).success, true);
  });

  test(`${name}: the documented options are accepted`, () => {
    for (const options of /** @type {(import("customer-schema").ParseOptions | undefined)[]} */ ([undefined, {}, { defaultRegion: "US" }, { defaultRegion: "GB" }, { unknownKeys: "strip" }, { unknownKeys: "strict" }, { unknownKeys: "passthrough" }])) {
      const r = schema.safeParse(good(), options);
      assert.equal(r.success, true, `${JSON.stringify(options)}: ${JSON.stringify(r)}`);
    }
  });

  test(`${name}: unknownKeys strip / strict / passthrough`, () => {
    const input = { ...good(), customerGroupId: "g1" };
    assert.ok(!("customerGroupId" in schema.safeParse(input).data));
    assert.ok(!("customerGroupId" in schema.safeParse(input, { unknownKeys: "strip" }).data));
    assert.equal(schema.safeParse(input, { unknownKeys: "passthrough" }).data.customerGroupId, "g1");
    const strict = schema.safeParse(input, { unknownKeys: "strict" });
    assert.equal(strict.success, false);
    assert.ok(strict.error.issues.some((i) => i.code === "unrecognized_keys"), JSON.stringify(strict));
  });
}

test("the three schemas are distinct, frozen objects", () => {
  assert.notEqual(CustomerSchema, CreateCustomerSchema);
  assert.ok(Object.isFrozen(CustomerSchema));
  assert.ok(Object.isFrozen(CustomerSchema["~standard"]));
});

test("CommonJS require and ESM import give the same single instance", () => {
  const cjs = require("customer-schema");
  assert.equal(cjs.CustomerSchema, esm.CustomerSchema, "same object, not a second copy");
  assert.equal(cjs.CustomerSchemaError, esm.CustomerSchemaError);
  assert.equal(cjs.parsePhone, esm.parsePhone);
  for (const [name, , good] of schemas) {
    assert.deepEqual(cjs[name].safeParse(good()), esm[name].safeParse(good()));
    assert.deepEqual(cjs[name].safeParse({ email: 1 }), esm[name].safeParse({ email: 1 }));
  }
});

test("CustomerSchemaError can be constructed and caught by class", () => {
  const e = new CustomerSchemaError([/** @type {any} */ ({ code: "custom", path: ["address", "city"], message: "Too short" })]);
  assert.ok(e instanceof Error);
  assert.match(e.message, /address\.city: Too short/);
  assert.deepEqual(e.warnings, []);
});

test("the package exports no test hooks (they are only in the test build)", () => {
  const cjs = require("customer-schema");
  for (const name of ["__testing", "__trapForTest"]) {
    assert.equal(name in esm, false, `import gives ${name}`);
    assert.equal(name in cjs, false, `require gives ${name}`);
  }
  assert.equal(typeof hooked.__testing.trap, "function");
});

// A WebAssembly trap (a Rust panic) leaves the instance unusable; the adapter
// must restart it and report, not throw. This needs the test build, whose
// module exports __trapForTest() (the boundary crate's test-hooks feature),
// which traps unconditionally.
test("a trap inside the module is survived: internal-error result, module restarted, next call works", () => {
  const { __testing, CustomerSchema } = hooked;
  assert.equal(typeof __testing.trap, "function", "the test build must export __testing.trap for this test");
  const before = __testing.restarts();
  const r = __testing.trap();
  assert.equal(r.success, false);
  assert.equal(r.error.issues.length, 1);
  assert.equal(r.error.issues[0].code, "custom");
  assert.deepEqual(r.error.issues[0].path, []);
  assert.match(r.error.issues[0].message, /internal error/i);
  assert.equal(__testing.restarts(), before + 1);
  for (let i = 0; i < 3; i++) {
    assert.equal(CustomerSchema.safeParse(seedCustomer()).success, true);
    assert.equal(__testing.trap().success, false);
  }
  assert.equal(CustomerSchema.safeParse(seedCustomer()).success, true);
  // Bad options still throw after a restart.
  assert.throws(() => CustomerSchema.safeParse(seedCustomer(), { unknownKeys: /** @type {any} */ ("x") }), TypeError);
});

// The module's tables, exported for form suggestions: the values they list
// are the ones the schema accepts and normalises to.
test("timeZones(): every name is accepted as a timezone and is its own canonical spelling", () => {
  const { timeZones } = esm;
  const zones = timeZones();
  assert.ok(zones.length > 400, `${zones.length} zones`);
  assert.ok(zones.includes("America/New_York") && zones.includes("UTC") && zones.includes("US/Eastern"));
  assert.equal(new Set(zones).size, zones.length, "no duplicates");
  for (const tz of zones) {
    const r = CreateCustomerSchema.safeParse({ timezone: tz.toLowerCase() });
    assert.equal(r.success, true, `${tz}: ${JSON.stringify(r)}`);
    assert.equal(r.data.timezone, tz);
  }
  assert.equal(timeZones(), zones, "cached: the same array");
  assert.ok(Object.isFrozen(zones));
});

test("tzdataVersion() names a tz release", () => {
  assert.match(esm.tzdataVersion(), /^\d{4}[a-z]$/);
});

test("phoneMetadataVersion() names a libphonenumber release", () => {
  assert.match(esm.phoneMetadataVersion(), /^\d+\.\d+\.\d+$/);
  assert.equal(esm.phoneMetadataVersion(), esm.phoneMetadataVersion());
});

test("languages(): {code, name}[]; each code is accepted and kept", () => {
  const langs = esm.languages();
  assert.ok(langs.length > 150, `${langs.length} languages`);
  assert.deepEqual(langs.find((l) => l.code === "en"), { code: "en", name: "English" });
  for (const l of langs) {
    assert.deepEqual(Object.keys(l), ["code", "name"]);
    assert.ok(typeof l.name === "string" && l.name.length > 0);
    const r = CreateCustomerSchema.safeParse({ preferred_language: l.code.toUpperCase() });
    assert.equal(r.success, true, `${l.code}: ${JSON.stringify(r)}`);
    assert.equal(r.data.preferred_language, l.code);
  }
  assert.equal(esm.languages(), langs);
  assert.ok(Object.isFrozen(langs) && Object.isFrozen(langs[0]));
});

test("countries(): {alpha2, alpha3, name}[]; each form is accepted as address.country and as defaultRegion", () => {
  const list = esm.countries();
  assert.ok(list.length >= 249, `${list.length} countries`);
  assert.deepEqual(list.find((c) => c.alpha2 === "US"), { alpha2: "US", alpha3: "USA", name: "United States" });
  const address = (country) => ({ street: "1 Main St", city: "Springfield", state: "IL", postalCode: "62701", country });
  for (const c of list) {
    assert.deepEqual(Object.keys(c), ["alpha2", "alpha3", "name"]);
    for (const form of [c.alpha2, c.alpha3.toLowerCase(), c.name]) {
      // The country is accepted; the other parts may not suit it (postal codes and states are checked per country).
      const r = CreateCustomerSchema.safeParse({ address: address(form) });
      const atCountry = r.success ? [] : r.error.issues.filter((i) => i.path.join(".") === "address.country");
      assert.deepEqual(atCountry, [], form);
      if (r.success) assert.equal(r.data.address.country, c.alpha2);
    }
    assert.doesNotThrow(() => CreateCustomerSchema.safeParse({}, { defaultRegion: c.alpha2 }));
  }
  assert.equal(esm.countries(), list);
  assert.ok(Object.isFrozen(list) && Object.isFrozen(list[0]));
});

test("enumValues(): every listed value is accepted, and lower case normalises to it", () => {
  const lists = esm.enumValues();
  assert.deepEqual(lists, {
    preferred_contact_method: ["EMAIL", "PHONE", "SMS"],
    best_time_to_call: ["MORNING", "AFTERNOON", "EVENING"],
  });
  for (const [field, values] of Object.entries(lists)) {
    for (const value of values) {
      const r = CreateCustomerSchema.safeParse({ [field]: value.toLowerCase() });
      assert.equal(r.success, true, `${field}=${value}: ${JSON.stringify(r)}`);
      assert.equal(r.data[field], value);
    }
    // The issue for an unknown value lists the same values.
    const bad = CreateCustomerSchema.safeParse({ [field]: "?" });
    assert.deepEqual(/** @type {any} */ (bad.error.issues[0]).values, values);
  }
  assert.equal(esm.enumValues(), lists);
  assert.ok(Object.isFrozen(lists) && Object.isFrozen(lists.best_time_to_call));
});

test("the tables are the same from require and import", () => {
  const cjs = require("customer-schema");
  assert.equal(cjs.timeZones, esm.timeZones);
  assert.equal(cjs.countries(), esm.countries());
});

test("parsePhone checks one number with the phone_number rule", () => {
  const { parsePhone, CustomerSchema } = esm;
  assert.deepEqual(parsePhone(" (415) 555-2671 ", { defaultRegion: "US" }), {
    success: true,
    data: {
      e164: "+14155552671",
      countryCode: 1,
      region: "US",
      type: "FIXED_LINE_OR_MOBILE",
      national: "(415) 555-2671",
      international: "+1 415-555-2671",
    },
    warnings: [],
  });
  // The display forms are plain data once read: JSON and copies carry them.
  const gb = parsePhone("020 7946 0958", { defaultRegion: "GB" }).data;
  assert.deepEqual(JSON.parse(JSON.stringify(gb)), { ...gb });
  assert.equal(gb.national, "020 7946 0958");
  assert.equal(gb.international, "+44 20 7946 0958");
  assert.equal(parsePhone("+44 7400 123456").data.type, "MOBILE");
  assert.equal(parsePhone("+800 1234 5678").data.region, null);
  // The same message as the record's field, on an empty path.
  const failure = parsePhone("+1 555 555 5555");
  const field = CustomerSchema.safeParse({ ...seedCustomer(), phone_number: "+1 555 555 5555" });
  assert.equal(failure.success, false);
  assert.deepEqual(failure.error.issues, [{ ...field.error.issues[0], path: [] }]);
  // Data never throws; a bad option does.
  assert.equal(parsePhone(42).error.issues[0].code, "invalid_type");
  assert.equal(parsePhone(null).error.issues[0].message, "Enter a value");
  assert.throws(() => parsePhone("+14155552671", { defaultRegion: "ZZ" }), TypeError);
});

test("formatPhone writes a number as libphonenumber does", () => {
  const { formatPhone } = esm;
  assert.equal(formatPhone("+442079460958", "national"), "020 7946 0958");
  assert.equal(formatPhone("+442079460958", "international"), "+44 20 7946 0958");
  assert.equal(formatPhone("+14155552671", "rfc3966"), "tel:+1-415-555-2671");
  assert.equal(formatPhone("+5491123456789", "national"), "011 15-2345-6789");
  assert.equal(formatPhone("+1 555 555 5555", "national"), null);
  assert.equal(formatPhone(/** @type {any} */ (42), "national"), null);
  assert.throws(() => formatPhone("+14155552671", /** @type {any} */ ("e164")), TypeError);
});

// Expected texts: what Google's AsYouTypeFormatter (the Python port at the
// pinned metadata release, scripts/phone_oracle.py) shows after each
// character; tests/phone_differential.rs compares every example number.
test("phoneAsYouType formats a number as it is typed, as libphonenumber does", () => {
  const { phoneAsYouType, parsePhone } = esm;
  const us = phoneAsYouType("US");
  assert.deepEqual(
    [..."6502530000"].map((c) => us.input(c)),
    ["6", "65", "650", "650-2", "650-25", "650-253", "650-2530", "(650) 253-00", "(650) 253-000", "(650) 253-0000"],
  );
  assert.equal(us.typed, "6502530000");
  us.reset();
  assert.deepEqual(
    [..."+48881231234"].map((c) => us.input(c)).slice(0, 4),
    ["+", "+4", "+48 ", "+48 8"],
  );
  assert.equal(us.typed, "+48881231234");
  us.reset();
  assert.deepEqual(
    [..."011442070313000"].map((c) => us.input(c)).slice(-2),
    ["011 44 20 7031 300", "011 44 20 7031 3000"],
  );
  // Typed punctuation: shown as typed from then on.
  us.reset();
  assert.deepEqual([..."650-253"].map((c) => us.input(c)).slice(3), ["650-", "650-2", "650-25", "650-253"]);
  // A country as address.country takes it, or none (only + numbers).
  assert.equal(phoneAsYouType("United Kingdom").format("02070313000"), "020 7031 3000");
  assert.equal(phoneAsYouType().format("+442070313000"), "+44 20 7031 3000");
  assert.equal(phoneAsYouType("gbr").format("02070313000"), "020 7031 3000");
  // A phone input's text formatted anew: the same as typing its digits.
  assert.equal(phoneAsYouType("US").format("650-253-0000"), "(650) 253-0000");
  assert.equal(phoneAsYouType("US").format("(650) 253-000"), "(650) 253-000");
  assert.equal(phoneAsYouType("US").format("1-800-FLOWERS"), "1-800-FLOWERS");
  // Display only: what the schema stores is E.164.
  assert.equal(parsePhone("(650) 253-0000", { defaultRegion: "US" }).data.e164, "+16502530000");
  assert.throws(() => phoneAsYouType("ZZ"), TypeError);
  assert.throws(() => phoneAsYouType("Atlantis"), TypeError);
  // Long or hostile text never breaks it.
  const long = "9".repeat(500);
  assert.equal(phoneAsYouType("DE").format(long), long);
  assert.equal(typeof phoneAsYouType("AC").input("\ud800"), "string");
});

test("defaultRegion accepts the phone regions AC and TA; address.country does not", () => {
  const { parsePhone, CustomerSchema } = esm;
  assert.equal(parsePhone("62889", { defaultRegion: "ac" }).data.e164, "+24762889");
  assert.equal(parsePhone("8123", { defaultRegion: "TA" }).data.e164, "+2908123");
  const address = { street: "1 Main Road", city: "Edinburgh", state: "", postalCode: "TDCU 1ZZ", country: "TA" };
  const record = CustomerSchema.safeParse({ ...seedCustomer(), address }, { defaultRegion: "TA" });
  assert.equal(record.success, false);
  assert.ok(record.error.issues.some((issue) => issue.path.join(".") === "address.country"), JSON.stringify(record.error.issues));
});

test("parsePhone refuses what the phone_number field refuses, with the field's issue: a huge string, a lone surrogate", () => {
  const { parsePhone, CustomerSchema } = esm;
  const fieldIssue = (phone_number) => {
    const issues = CustomerSchema.safeParse({ ...seedCustomer(), phone_number }).error.issues;
    return issues.filter((i) => i.path[0] === "phone_number").map((i) => ({ ...i, path: [] }));
  };
  // A number padded with 2,000,000 spaces: longer than any field takes.
  const huge = `+1 415 555 2671${" ".repeat(2_000_000)}`;
  for (const text of [huge, "+1 415 \ud800555 2671", "\udfff"]) {
    const r = parsePhone(text);
    assert.equal(r.success, false);
    assert.deepEqual(r.error.issues, fieldIssue(text));
  }
  assert.equal(parsePhone(huge).error.issues[0].code, "too_big");
  assert.equal(/** @type {any} */ (parsePhone("+1 415 \ud800555 2671").error.issues[0]).format, "text");
  // Long but bounded text is still read as a number.
  assert.equal(parsePhone(` ${" ".repeat(500)}+1 415 555 2671 `).data.e164, "+14155552671");
});

// The reader sends a key that is one of the schema's field names as its
// index in a list the module handed over (crate::wasm::source, readKeys):
// wherever such a key appears, it must come back as itself.
test("field names as keys anywhere (custom_fields, unknown keys, the address) read back as themselves", () => {
  const custom = { email: "NOT AN EMAIL", tags: [1, 2], address: { country: "nowhere" }, id: null, "": "empty key", zzz: 1 };
  const record = { ...seedCustomer(), custom_fields: custom, street: "not at the top", zzz: 2 };
  const r = CustomerSchema.safeParse(record, { unknownKeys: "passthrough" });
  assert.equal(r.success, true, JSON.stringify(r.error?.issues));
  assert.deepEqual(r.data.custom_fields, custom);
  assert.equal(/** @type {any} */ (r.data).street, "not at the top");
  assert.equal(/** @type {any} */ (r.data).zzz, 2);
  const strict = CreateCustomerSchema.safeParse({ ...seedCreate(), id: "x", createdAt: 1, street: "y" }, { unknownKeys: "strict" });
  assert.deepEqual(strict.error.issues.map((/** @type {any} */ i) => i.keys ?? i.path), [["id", "createdAt", "street"]]);
});

// parsePhone's answer for a valid number crosses as numbers (the E.164
// digits and the packed facts; see crate::wasm::parse_phone): every shape of
// it must come back as the same text and facts the record's field gives.
test("parsePhone gives the record field's E.164 for long, zero-led, shared-code and non-geographic numbers", () => {
  const { parsePhone, CustomerSchema, formatPhone } = esm;
  /** @type {[string, any, { e164: string, countryCode: number, region: string | null, type: string }][]} */
  const cases = [
    // 17 digits: past 2^53, so the E.164 comes back as text.
    ["+49742997768043870", undefined, { e164: "+49742997768043870", countryCode: 49, region: "DE", type: "FIXED_LINE" }],
    // A national number that keeps its leading zero (Italy).
    ["06 4991 1234", "IT", { e164: "+390649911234", countryCode: 39, region: "IT", type: "FIXED_LINE" }],
    // A region of a shared calling code, and the last letters of the alphabet.
    ["+1 242 357 0000", undefined, { e164: "+12423570000", countryCode: 1, region: "BS", type: "MOBILE" }],
    ["+263 242 123456", undefined, { e164: "+263242123456", countryCode: 263, region: "ZW", type: "FIXED_LINE" }],
    ["+800 1234 5678", undefined, { e164: "+80012345678", countryCode: 800, region: null, type: "TOLL_FREE" }],
    ["+979 1 2345 6789", undefined, { e164: "+979123456789", countryCode: 979, region: null, type: "PREMIUM_RATE" }],
  ];
  for (const [text, defaultRegion, data] of cases) {
    const options = defaultRegion && { defaultRegion };
    // Its display forms are formatPhone's for its E.164.
    const forms = { national: formatPhone(data.e164, "national"), international: formatPhone(data.e164, "international") };
    assert.deepEqual(parsePhone(text, options), { success: true, data: { ...data, ...forms }, warnings: [] }, text);
    const record = CustomerSchema.safeParse({ ...seedCustomer(), phone_number: text }, options);
    assert.equal(record.data?.phone_number, data.e164, text);
  }
});

// The module remembers the last two-letter region it checked
// (crate::wasm::read_options): each call must still read its own.
test("parsePhone reads each call's defaultRegion, alternating, in any case, after a bad one", () => {
  const { parsePhone } = esm;
  const e164 = (text, defaultRegion) => parsePhone(text, { defaultRegion }).data?.e164 ?? null;
  for (let round = 0; round < 3; round++) {
    assert.equal(e164("020 7946 0958", "GB"), "+442079460958");
    assert.equal(e164("020 7946 0958", "US"), null);
    assert.equal(e164("(415) 555-2671", "us"), "+14155552671");
    assert.throws(() => parsePhone("(415) 555-2671", { defaultRegion: "ZZ" }), TypeError);
    assert.throws(() => parsePhone("(415) 555-2671", /** @type {any} */ ({ defaultRegion: "US", unknownKeys: "bogus" })), TypeError);
    assert.equal(e164("(415) 555-2671", "GB"), null);
    assert.equal(e164("030 123456", "de"), "+4930123456");
  }
});

// An invalid number's issue crosses as a key the adapter keeps the text of
// (crate::wasm::error_key): every key must give its own error's issue,
// first time and from the adapter's cache, the same as the record field's.
test("parsePhone gives each invalid number the record field's issue, first time and repeated", () => {
  const { parsePhone, CustomerSchema } = esm;
  const inputs = [
    ["", undefined], ["+", undefined], ["call me", undefined], ["415-555-2671 x12", "US"], ["41+5", undefined],
    ["12", "US"], ["+1234567890123456789012", undefined], ["+999 123 4567", undefined], ["123 4567", "AQ"],
    ["020 7946 095", "GB"], ["020 7946 095", "IE"], ["+44 20 7946 095", undefined], ["+1 555 555 5555", undefined],
    ["+800 12", undefined], ["415✆555", "US"], ["415🙂555", "US"], ["415\u0000555", "US"], ["415é555", "FR"],
    // Without + or a region: read as international (keys of their own).
    ["4155552671", undefined], ["0207 946 0958", undefined], ["٤١٥٥٥٥٢٦٧١", undefined],
  ];
  const expected = inputs.map(([text, defaultRegion]) => {
    const field = CustomerSchema.safeParse({ ...seedCustomer(), phone_number: text }, defaultRegion && { defaultRegion });
    return field.success ? null : field.error.issues.find((issue) => issue.path[0] === "phone_number");
  });
  for (let round = 0; round < 3; round++) {
    inputs.forEach(([text, defaultRegion], i) => {
      const result = parsePhone(text, defaultRegion && { defaultRegion });
      if (expected[i] === undefined || text.trim() === "") {
        // A blank field is a different rule (required or not): parsePhone reports it itself.
        assert.equal(result.success, false, JSON.stringify(text));
        return;
      }
      assert.deepEqual(result, { success: false, error: { issues: [{ ...expected[i], path: [] }] }, warnings: [] }, JSON.stringify(text));
    });
  }
  // More distinct issues than the adapter keeps (one per refused character,
  // here CJK Extension A, which the message quotes as it is):
  // each still gets its own message.
  for (let code = 0x3400; code < 0x3400 + 5000; code++) {
    const char = String.fromCharCode(code);
    const message = parsePhone(`415${char}555`, { defaultRegion: "US" }).error.issues[0].message;
    assert.ok(message.includes(char), `U+${code.toString(16)}: ${message}`);
  }
  assert.equal(parsePhone("+1 555 555 5555").error.issues[0].message, expected[12].message);
  // An issue the adapter had kept never stands in for a later answer.
  parsePhone("+1 555 555 5555");
  assert.equal(parsePhone(42).error.issues[0].code, "invalid_type");
  parsePhone("+1 555 555 5555");
  assert.equal(parsePhone("+49742997768043870").data?.e164, "+49742997768043870");
  // Results are fresh objects: changing one does not change the next.
  const first = parsePhone("+1 555 555 5555");
  first.error.issues[0].message = "changed";
  assert.notEqual(parsePhone("+1 555 555 5555").error.issues[0].message, "changed");
});

test("parsePhone and the phone_number field agree on every example number of every region", () => {
  const { parsePhone, CustomerSchema } = esm;
  const { getCountries, getExampleNumber } = require("libphonenumber-js/max");
  const examples = require("libphonenumber-js/examples.mobile.json");
  // Regions the options accept: ISO 3166-1 (libphonenumber also has AC, TA, XK).
  const iso = new Set(esm.countries().map((country) => country.alpha2));
  let checked = 0;
  for (const region of getCountries().filter((code) => iso.has(code))) {
    const example = getExampleNumber(region, examples);
    if (!example) continue;
    for (const [text, options] of /** @type {[string, { defaultRegion: any } | undefined][]} */ ([
      [example.formatNational(), { defaultRegion: region }],
      [example.formatInternational(), undefined],
    ])) {
      const phone = parsePhone(text, options);
      const record = CustomerSchema.safeParse({ ...seedCustomer(), phone_number: text }, options);
      assert.equal(phone.success, record.success, `${region} ${text}`);
      if (!phone.success) continue;
      checked += 1;
      assert.equal(phone.data.e164, record.data.phone_number, `${region} ${text}`);
      assert.ok(phone.data.e164.startsWith(`+${phone.data.countryCode}`), `${region} ${text}`);
      assert.match(phone.data.region ?? "", /^([A-Z]{2})?$/, `${region} ${text}`);
      assert.match(phone.data.type, /^[A-Z_]+$/, `${region} ${text}`);
    }
  }
  assert.ok(checked > 400, `only ${checked} numbers were valid`);
});

// Options are read in one crossing (crate::wasm::source::readOptions); each
// way an options object can be wrong throws its own TypeError, for every
// entry point that takes options, and reading stops at the first bad option.
/** @type {[string, (options: any) => unknown][]} */
const optionEntryPoints = [
  ["safeParse", (options) => CustomerSchema.safeParse(seedCustomer(), options)],
  ["parsePhone (string input)", (options) => esm.parsePhone("+14155552671", options)],
  ["parsePhone (other input)", (options) => esm.parsePhone(42, options)],
  ["safeParseMany", (options) => CustomerSchema.safeParseMany([seedCustomer()], options)],
];
for (const [name, call] of optionEntryPoints) {
  test(`${name}: every way options can be wrong is its own TypeError`, () => {
    const throwsWith = (options, pattern) =>
      assert.throws(() => call(options), (e) => e instanceof TypeError && pattern.test(e.message), String(pattern));
    for (const options of [undefined, {}, { defaultRegion: undefined }, Object.create(null)]) {
      assert.doesNotThrow(() => call(options));
    }
    // null and a list are not options (issue 19, finding 7).
    for (const options of [42, "US", true, () => {}, Symbol("o"), null, [], ["US"]]) {
      throwsWith(options, /^options must be an object such as \{ defaultRegion: "US" \}, or undefined$/);
    }
    throwsWith({ defaultRegion: 1 }, /^defaultRegion must be a string such as "US"$/);
    throwsWith({ defaultRegion: new String("US") }, /^defaultRegion must be a string/);
    throwsWith({ defaultRegion: "USA" }, /^defaultRegion must be an ISO 3166-1 alpha-2 country code such as "US", not "USA"$/);
    throwsWith({ defaultRegion: "u\uD800" }, /^defaultRegion must be an ISO 3166-1 alpha-2/);
    throwsWith({ unknownKeys: null }, /^unknownKeys must be "strip", "strict" or "passthrough"$/);
    throwsWith({ unknownKeys: "Strip" }, /^unknownKeys must be "strip", "strict" or "passthrough", not "Strip"$/);
    throwsWith({ get defaultRegion() { throw new Error("boom"); } }, /^could not read options\.defaultRegion: boom$/);
    throwsWith({ get unknownKeys() { throw "plain"; } }, /^could not read options\.unknownKeys: plain$/);
    throwsWith(new Proxy({ defaultRegion: "US" }, { get() { throw new RangeError("trap"); } }), /^could not read options\.defaultRegion: trap$/);
    throwsWith(new Proxy({}, { getOwnPropertyDescriptor() { throw new RangeError("own"); } }), /^could not read options\.defaultRegion: own$/);
    // Refused at defaultRegion: unknownKeys is never read.
    let readUnknownKeys = false;
    throwsWith({ defaultRegion: 7, get unknownKeys() { readUnknownKeys = true; return "strip"; } }, /^defaultRegion must be a string/);
    assert.equal(readUnknownKeys, false);
    // Lower case is read as given; inherited options are not the caller's
    // own and are not read at all (issue 19, finding 7).
    assert.doesNotThrow(() => call({ defaultRegion: "gb", unknownKeys: "strict" }));
    assert.doesNotThrow(() => call(Object.create({ defaultRegion: "ZZ", unknownKeys: "bogus", messages: 5 })));
  });
}

test("records whose keys come in different orders, one after another, keep each value in its field", () => {
  const values = { firstname: "Ann", lastname: "Lee", email: "ann@example.com", notes: "n1", company: "Co" };
  const orders = [
    ["firstname", "lastname", "email", "notes", "company"],
    ["lastname", "firstname", "email", "company", "notes"],
    ["email", "notes", "company", "firstname", "lastname"],
  ];
  const build = (order, extra = {}) => Object.fromEntries([...order.map((k) => [k, values[k]]), ...Object.entries(extra)]);
  for (let round = 0; round < 3; round++) {
    for (const order of orders) {
      for (const input of [build(order), build(order, { unknown: 1 })]) {
        const result = CreateCustomerSchema.safeParse(input);
        assert.equal(result.success, true);
        for (const [key, value] of Object.entries(values)) assert.equal(result.data[key], value, `${order} ${key}`);
        assert.equal("unknown" in result.data, false);
      }
    }
  }
});

test("withOptions binds options for every call and for ~standard.validate; a call's own options go over them", () => {
  const national = { phone_number: "(415) 555-2671" };
  assert.equal(CreateCustomerSchema.safeParse(national).success, false, "no region: read as international digits");
  const us = CreateCustomerSchema.withOptions({ defaultRegion: "US" });
  assert.equal(us.safeParse(national).data?.phone_number, "+14155552671");
  assert.deepEqual(us["~standard"].validate(national), { value: us.parse(national) });
  assert.equal(us.safeParse({ phone_number: "020 7946 0958" }, { defaultRegion: "GB" }).data?.phone_number, "+442079460958");
  assert.equal(us.safeParseMany([national]).results[0].success, true);
  assert.equal(us.safeParseNdjson(JSON.stringify(national)).results[0].success, true);
  const strict = us.withOptions({ unknownKeys: "strict" });
  const both = strict.safeParse({ ...national, extra: 1 });
  assert.equal(both.success, false, "bound options add up");
  assert.deepEqual(both.error?.issues.map((i) => i.code), ["unrecognized_keys"]);
  assert.equal(CreateCustomerSchema.safeParse(national).success, false, "the original schema is unchanged");
});

test("withOptions checks what it binds: a bad option is a TypeError naming it, at once", () => {
  assert.throws(() => CustomerSchema.withOptions({ defaultRegion: "ZZ" }), { name: "TypeError", message: /defaultRegion/ });
  assert.throws(() => CustomerSchema.withOptions({ unknownKeys: /** @type {any} */ ("loose") }), { name: "TypeError", message: /unknownKeys/ });
  assert.throws(() => CustomerSchema.withOptions(/** @type {any} */ (5)), TypeError);
  const bound = { defaultRegion: "US" };
  const us = CreateCustomerSchema.withOptions(bound);
  bound.defaultRegion = "GB";
  assert.equal(us.parse({ phone_number: "(415) 555-2671" }).phone_number, "+14155552671", "a copy is bound");
});

test("~standard.validate honours libraryOptions as parse options", () => {
  const national = { phone_number: "(415) 555-2671" };
  const result = CreateCustomerSchema["~standard"].validate(national, { libraryOptions: { defaultRegion: "US" } });
  assert.equal(/** @type {any} */ (result).value?.phone_number, "+14155552671");
  assert.ok("issues" in CreateCustomerSchema["~standard"].validate(national));
  assert.throws(() => CreateCustomerSchema["~standard"].validate(national, { libraryOptions: { defaultRegion: "ZZ" } }), TypeError);
});

test("fromFormData shapes FormData, URLSearchParams and parsed bodies the same way, by the field table", () => {
  const form = new FormData();
  for (const [name, value] of [["firstname", " Jane "], ["address.city", "Paris"], ["tags", "a"], ["tags", ""], ["tags", "b"], ["email", ""], ["isValidatedNames", "on"]]) form.append(name, value);
  form.append("avatar", new Blob(["x"]), "a.png");
  const expected = { firstname: " Jane ", address: { city: "Paris" }, tags: ["a", "b"], isValidatedNames: true };
  assert.deepEqual(esm.fromFormData(form), expected, "files are skipped, empty texts are not given");
  assert.deepEqual(esm.fromFormData(new URLSearchParams([...form].filter(([, v]) => typeof v === "string").map(([n, v]) => [n, String(v)]))), expected);
  assert.deepEqual(esm.fromFormData({ firstname: " Jane ", "address.city": "Paris", tags: ["a", "", "b"], isValidatedNames: "on" }), expected);
  assert.deepEqual(esm.fromFormData([["createdAt", "1709856000000"]], esm.CustomerSchema), { createdAt: 1709856000000 });
  assert.deepEqual(esm.fromFormData([["createdAt", "1709856000000"]], esm.CreateCustomerSchema), { createdAt: "1709856000000" }, "Create has no timestamps");
  assert.throws(() => esm.fromFormData(/** @type {any} */ ("a=1")), TypeError);
  assert.throws(() => esm.fromFormData([], /** @type {any} */ ({})), TypeError);
});

test("validateField gives the issues of one field, with those of fields whose rules read it", () => {
  const record = { email: "nope", firstname: "A\u0007", phone_number: "020 7946 0958", address: { country: "Narnia" } };
  const email = esm.validateField(esm.CreateCustomerSchema, "email", record);
  assert.deepEqual(email.issues.map((i) => i.path), [["email"]]);
  const country = esm.validateField(esm.CreateCustomerSchema, ["address", "country"], record);
  // The address's missing street, city, … are other fields' issues; the phone number is read in its country.
  assert.deepEqual(country.issues.map((i) => i.path.join(".")), ["phone_number", "address.country"]);
  const us = esm.CreateCustomerSchema.withOptions({ defaultRegion: "GB" });
  assert.deepEqual(esm.validateField(us, "phone_number", record).issues, [], "bound options apply");
  assert.throws(() => esm.validateField(esm.CreateCustomerSchema, /** @type {any} */ (["tags", -1]), record), TypeError);
  assert.throws(() => esm.validateField(/** @type {any} */ ({}), "email", record), TypeError);
  // A path that names no field of the record is the caller's mistake, not "no issues" (issue 19).
  for (const path of ["emial", "address.cty", "id", 5, "0", ["address", 0]]) {
    assert.throws(() => esm.validateField(esm.CreateCustomerSchema, /** @type {any} */ (path), record), { name: "TypeError", message: /^path must name a field of the record/ }, String(path));
  }
  assert.deepEqual(esm.validateField(esm.CreateCustomerSchema, "nickname", { nickname: 1n }, { unknownKeys: "passthrough" }).issues.map((i) => i.path), [["nickname"]]);
});

test("flattenError and treeifyError give what Zod 4's own give for the same issues", async () => {
  const { z } = await import("zod");
  const inputs = [
    { email: "nope", tags: ["ok", "", 5], address: { city: "X" }, custom_fields: { "__proto__": { a: Symbol("s") } } },
    [1, 2],
    { firstname: "A\u0007", createdAt: 1.5 },
  ];
  let compared = 0;
  for (const input of inputs) {
    const result = esm.CustomerSchema.safeParse(input, { unknownKeys: "strict" });
    assert.equal(result.success, false);
    if (result.success) continue;
    const zodError = new z.ZodError(/** @type {any} */ (result.error.issues));
    assert.deepEqual(esm.flattenError(result.error), z.flattenError(zodError));
    assert.deepEqual(esm.treeifyError(result.error), z.treeifyError(zodError));
    assert.deepEqual(esm.flattenError(result.error, (i) => i.code), z.flattenError(zodError, (i) => i.code));
    compared++;
  }
  assert.equal(compared, inputs.length);
  const tree = esm.treeifyError({ issues: [{ code: "custom", rule: "internal", path: ["__proto__", "x"], message: "m" }] });
  assert.equal(Object.getPrototypeOf(tree.properties), Object.prototype, "a __proto__ key is an own property");
  assert.deepEqual(Object.keys(tree.properties ?? {}), ["__proto__"]);
});

test("safeParseJson: JSON text or UTF-8 bytes give what safeParse gives for the parsed value", () => {
  const records = [
    seedCustomer(),
    { firstname: " Jane ", email: "Jane@EXAMPLE.com", tags: ["a", "a", ""], custom_fields: { n: 104.57142857142857, deep: [[[]]] } },
    { email: 5, address: "x" },
    [1, 2],
    "just a string",
  ];
  for (const record of records) {
    const text = JSON.stringify(record);
    const expected = esm.CustomerSchema.safeParse(JSON.parse(text));
    assert.deepEqual(esm.CustomerSchema.safeParseJson(text), expected, text);
    assert.deepEqual(esm.CustomerSchema.safeParseJson(new TextEncoder().encode(text)), expected, `bytes: ${text}`);
    assert.deepEqual(esm.CustomerSchema.safeParseJson(Buffer.from(text)), expected, `Buffer: ${text}`);
  }
  const us = esm.CreateCustomerSchema.withOptions({ defaultRegion: "US" });
  assert.equal(us.safeParseJson('{"phone_number":"(415) 555-2671"}').data?.phone_number, "+14155552671");
});

test("safeParseJson: text that is not JSON or not UTF-8 is one issue at [], never a throw", () => {
  for (const bad of ['{"firstname": "Jane",}', "", "{", "[".repeat(10_000), new Uint8Array([0x7b, 0xff, 0x7d]), "[\ud800]"]) {
    const result = esm.CreateCustomerSchema.safeParseJson(bad);
    assert.equal(result.success, false, String(bad).slice(0, 40));
    if (result.success) continue;
    assert.equal(result.error.issues.length, 1);
    assert.deepEqual(result.error.issues[0].path, []);
    assert.equal(result.error.issues[0].code, "invalid_format");
  }
  assert.match(esm.CreateCustomerSchema.safeParseJson("{\n  oops").error?.issues[0].message ?? "", /^This is not valid JSON: unexpected text at line 2, column 3$/);
  assert.throws(() => esm.CreateCustomerSchema.safeParseJson(/** @type {any} */ ({})), TypeError);
  assert.equal(esm.CreateCustomerSchema.safeParse({ firstname: "Jane" }).success, true, "the module keeps working");
});
