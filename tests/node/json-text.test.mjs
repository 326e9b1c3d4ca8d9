// JSON text read by Rust (safeParseJson, safeParseMany(text), safeParseNdjson)
// gives what JSON.parse followed by safeParse gives: every shared fixture, and
// the cases where a JSON parser and JSON.parse used to part ways (numbers,
// escaped lone surrogates, deep nesting, keys given twice, huge keys).
import { test } from "node:test";
import assert from "node:assert/strict";
import { CustomerSchema, CreateCustomerSchema, UpdateCustomerSchema } from "customer-schema";
import { fixtureCases } from "./fixture-cases.mjs";

const schemas = { customer: CustomerSchema, create: CreateCustomerSchema, update: UpdateCustomerSchema };

/** The result of the object path for a JSON text. */
const viaObject = (schema, text, options) => schema.safeParse(JSON.parse(text), options);

/** Every text path agrees with the object path on `text` (one record). */
function assertTextPathsAgree(schema, text, options, label = text.slice(0, 60)) {
  const expected = viaObject(schema, text, options);
  const one = schema.safeParseJson(text, options);
  assert.deepStrictEqual(one, expected, `safeParseJson: ${label}`);
  assert.equal(JSON.stringify(one), JSON.stringify(expected), `key order: ${label}`);
  // (UTF-8 has no form for a lone surrogate: bytes only of a well-formed text.)
  if (text.isWellFormed?.() !== false) {
    assert.deepStrictEqual(schema.safeParseJson(Buffer.from(text), options), expected, `bytes: ${label}`);
  }
  const strip = ({ index, line, ...rest }) => rest;
  const many = schema.safeParseMany(`[${text}]`, options);
  assert.deepStrictEqual(strip(many.results[0]), expected, `safeParseMany(text): ${label}`);
  if (!text.includes("\n")) {
    const lines = schema.safeParseNdjson(text, options);
    assert.deepStrictEqual(strip(lines.results[0]), expected, `safeParseNdjson: ${label}`);
  }
  return expected;
}

test("safeParseJson(text) and safeParse(JSON.parse(text)) agree on every fixture", () => {
  let count = 0;
  for (const c of fixtureCases) {
    const schema = schemas[c.schema];
    for (const text of [JSON.stringify(c.input), JSON.stringify(c.input, null, 2)]) {
      assertTextPathsAgree(schema, text, c.options, `${c.file}: ${c.name}`);
      count += 1;
    }
  }
  assert.ok(count > 100, String(count));
});

test("numbers are read exactly on the text paths (issue 19, finding 1)", () => {
  const text = '{"custom_fields":{"x":104.57142857142857}}';
  const result = assertTextPathsAgree(CreateCustomerSchema, text);
  assert.equal(result.data?.custom_fields?.x, 104.57142857142857);
  // Random doubles, every bit pattern's shortest text, and the edges.
  let state = 0x2545f4914f6cdd1dn;
  const values = [0.1, -0, 1e21, 5e-324, 1.7976931348623157e308, 2 ** 53 + 2, 123456789.12345679];
  const view = new DataView(new ArrayBuffer(8));
  while (values.length < 2000) {
    state ^= (state << 13n) & 0xffffffffffffffffn;
    state ^= state >> 7n;
    state ^= (state << 17n) & 0xffffffffffffffffn;
    view.setBigUint64(0, state);
    const value = view.getFloat64(0);
    if (Number.isFinite(value)) values.push(value);
  }
  const record = { custom_fields: { values } };
  const batch = CreateCustomerSchema.safeParseMany(JSON.stringify([record]));
  // (JSON.stringify writes -0 as 0: the text holds 0.)
  assert.deepStrictEqual(batch.results[0].data.custom_fields.values, JSON.parse(JSON.stringify(values)));
  assertTextPathsAgree(CreateCustomerSchema, JSON.stringify(record));
  // Whole numbers past 2^53, exponents out of range: as JSON.parse reads them.
  for (const number of ["9007199254740993", "18446744073709551616", "1e400", "-1e400", "1e-400", "-0", "1.0", "1E2"]) {
    assertTextPathsAgree(CreateCustomerSchema, `{"custom_fields":{"n":${number}},"createdAt":${number}}`);
    assertTextPathsAgree(CustomerSchema, `{"id":"a","createdAt":${number},"updatedAt":${number}}`);
  }
});

test("an escaped lone surrogate is the object path's issue at its path, not U+FFFD (issue 19, finding 3)", () => {
  for (const text of ['{"firstname":"\\ud800"}', '{"tags":["ok","\\udc00x"]}', '{"custom_fields":{"a":"\\ud83d"}}', '{"\\ud800":1}']) {
    const result = assertTextPathsAgree(CreateCustomerSchema, text);
    assert.equal(JSON.stringify(result).includes("\ufffd"), false, text);
  }
  assertTextPathsAgree(CreateCustomerSchema, '{"\\ud800":1}', { unknownKeys: "passthrough" });
  assertTextPathsAgree(CreateCustomerSchema, '{"\\ud800":1}', { unknownKeys: "strict" });
  const pair = assertTextPathsAgree(CreateCustomerSchema, '{"firstname":"\\ud83d\\ude00 x"}');
  assert.equal(pair.data?.firstname, "😀 x");
});

test("a raw lone surrogate in a text string is the object path's issue too, not U+FFFD (issue 19, finding 3)", () => {
  // (Unescaped: the JavaScript strings themselves hold the lone surrogates.)
  for (const text of ['{"firstname":"\ud800"}', '{"tags":["\udc00"]}', '{"custom_fields":{"a":"x\ud83d"}}', '{"\udfff":1}', '{"firstname":"\ud83d\ude00"}']) {
    const result = assertTextPathsAgree(CreateCustomerSchema, text);
    assert.equal(JSON.stringify(result).includes("\ufffd"), false, text);
  }
  assert.deepStrictEqual(
    CreateCustomerSchema.safeParseMany('[{"firstname":"\ud800"}]').results[0].error?.issues.map((i) => i.path),
    [["firstname"]],
  );
  assert.equal(CreateCustomerSchema.safeParseJson("[\ud800]").error?.issues[0].message, "This is not valid JSON: unexpected text at line 1, column 2");
});

test("a key over 1,000,000 units is the object path's issue on the text paths (issue 19, finding 4)", () => {
  const key = "k".repeat(1_000_001);
  assertTextPathsAgree(CreateCustomerSchema, `{"custom_fields":{"${key}":1}}`, undefined, "long key in custom_fields");
  assertTextPathsAgree(CreateCustomerSchema, `{"${key}":1}`, { unknownKeys: "passthrough" }, "long unknown key");
  assertTextPathsAgree(CreateCustomerSchema, `{"notes":"${key}"}`, undefined, "long string");
});

test("nesting past the bound is the object path's depth issue, at any depth", () => {
  // custom_fields is level 1 of its 32: 31 arrays inside it fit.
  for (const depth of [31, 32, 40, 129, 5000]) {
    const text = `{"custom_fields":{"a":${"[".repeat(depth)}1${"]".repeat(depth)}}}`;
    const result = assertTextPathsAgree(CreateCustomerSchema, text, undefined, `depth ${depth}`);
    assert.equal(result.success, depth <= 31, `depth ${depth}`);
  }
  const unknown = `{"x":${"[".repeat(100_000)}${"]".repeat(100_000)},"firstname":"A"}`;
  assert.equal(CreateCustomerSchema.safeParseJson(unknown).success, true, "an unknown key's value is stepped over");
});

test("a key given twice: its last value, at its first place, as JSON.parse has it", () => {
  const text = '{"email":"a@b.co","firstname":"A","email":" Z@Example.COM ","custom_fields":{"k":1,"j":2,"k":3}}';
  const result = assertTextPathsAgree(CreateCustomerSchema, text);
  assert.equal(result.data?.email, "Z@example.com");
  assert.deepStrictEqual(Object.entries(result.data?.custom_fields ?? {}), [["k", 3], ["j", 2]]);
  assertTextPathsAgree(CreateCustomerSchema, '{"zz":1,"a":2,"zz":3}', { unknownKeys: "passthrough" });
});

test("text that is not JSON keeps its message with line and column", () => {
  const message = (text) => CreateCustomerSchema.safeParseJson(text).error?.issues[0].message;
  assert.equal(message('{"a":1,}'), "This is not valid JSON: unexpected text at line 1, column 8");
  assert.equal(message('{"a":\n  [1, 2'), "This is not valid JSON: it ends too early, at line 2, column 7");
  assert.equal(message("\ufeff{}"), "This is not valid JSON: unexpected text at line 1, column 1");
  assert.equal(message('{"a":"\u0001"}'), "This is not valid JSON: unexpected text at line 1, column 7");
  assert.equal(message("[01]"), "This is not valid JSON: unexpected text at line 1, column 3");
  assert.equal(CreateCustomerSchema.safeParseNdjson('{"a":1}\n{"a":2}x').results[1].error.issues[0].message, "This is not valid JSON: unexpected text at line 1, column 8");
});
