// safeParseMany and safeParseNdjson: one call, the same result per record as
// safeParse, a summary that adds up, and one clear error (never a throw) for
// a batch that is not a list.
import { test } from "node:test";
import assert from "node:assert/strict";
import { CustomerSchema, CreateCustomerSchema, UpdateCustomerSchema, checkNdjsonBytes } from "customer-schema";
import { casesBySchemaAndOptions } from "./fixture-cases.mjs";

const schemas = { customer: CustomerSchema, create: CreateCustomerSchema, update: UpdateCustomerSchema };

function withoutPosition(item) {
  const { index, line, ...rest } = item;
  return rest;
}

function assertSummary(batch, singles) {
  const valid = singles.filter((r) => r.success).length;
  assert.equal(batch.summary.total, singles.length);
  assert.equal(batch.summary.valid, valid);
  assert.equal(batch.summary.invalid, singles.length - valid);
  assert.equal(batch.summary.warned, singles.filter((r) => r.warnings.length > 0).length);
  const counted = batch.summary.issues.reduce((n, c) => n + c.count, 0);
  assert.equal(counted, singles.reduce((n, r) => n + (r.success ? 0 : r.error.issues.length), 0));
}

for (const group of casesBySchemaAndOptions()) {
  const label = `${group.schema} ${JSON.stringify(group.options ?? {})} (${group.cases.length} fixture inputs)`;
  const schema = schemas[group.schema];
  const inputs = group.cases.map((c) => c.input);
  const singles = inputs.map((input) => schema.safeParse(input, group.options));

  test(`safeParseMany(array) equals safeParse per record: ${label}`, () => {
    const batch = schema.safeParseMany(inputs, group.options);
    assert.equal(batch.error, undefined);
    assert.deepEqual(batch.results.map((r) => r.index), inputs.map((_, i) => i));
    assert.deepEqual(batch.results.map(withoutPosition), singles);
    // Keys in the crate's order too: { index, success, data | error, warnings }
    // (valid records are read from wire text, the others from JSON).
    assert.equal(JSON.stringify(batch.results), JSON.stringify(singles.map((r, index) => ({ index, ...r }))));
    assertSummary(batch, singles);
  });

  test(`safeParseMany(JSON text) equals safeParse per record: ${label}`, () => {
    const batch = schema.safeParseMany(JSON.stringify(inputs), group.options);
    assert.deepEqual(batch.results.map(withoutPosition), singles);
    assertSummary(batch, singles);
  });

  test(`safeParseNdjson equals safeParse per record, numbering lines: ${label}`, () => {
    const text = inputs.map((i) => JSON.stringify(i)).join("\n");
    const batch = schema.safeParseNdjson(text, group.options, 41);
    assert.deepEqual(batch.results.map((r) => r.line), inputs.map((_, i) => 41 + i));
    assert.deepEqual(batch.results.map(withoutPosition), singles);
  });

  test(`checkNdjsonBytes (the command line's chunk) agrees with safeParse per record: ${label}`, () => {
    const bytes = Buffer.from(`${inputs.map((i) => JSON.stringify(i)).join("\n")}\n`);
    const checked = checkNdjsonBytes(bytes, schema, { firstLine: 41, out: true, options: group.options });
    assert.ok(!("notUtf8At" in checked));
    assert.deepEqual(checked.summary, schema.safeParseNdjson(bytes.toString(), group.options, 41).summary);
    assertSummary({ summary: checked.summary }, singles);
    const report = JSON.parse(`[${new TextDecoder().decode(checked.report).slice(1)}]`);
    const failed = singles.flatMap((r, i) => (r.success ? [] : [{ line: 41 + i, issues: r.error.issues, warnings: r.warnings }]));
    assert.deepEqual(report, failed, "the report's entries: each failure's line, issues and warnings");
    const written = new TextDecoder().decode(checked.out).split("\n").filter(Boolean).map((l) => JSON.parse(l));
    assert.deepEqual(written, singles.flatMap((r) => (r.success ? [r.data] : [])), "--out: the valid records, normalised");
  });
}

test("checkNdjsonBytes: bytes that are not UTF-8 give the offset of the first bad one; bad arguments throw", () => {
  const bytes = Buffer.concat([Buffer.from('{"firstname":"A"}\n{"firstname":"Jos'), Buffer.from([0xe9]), Buffer.from('"}')]);
  assert.deepEqual(checkNdjsonBytes(bytes, CreateCustomerSchema), { notUtf8At: 35 });
  assert.throws(() => checkNdjsonBytes(/** @type {any} */ ("text"), CreateCustomerSchema), TypeError);
  assert.throws(() => checkNdjsonBytes(bytes, /** @type {any} */ ({})), TypeError);
  assert.throws(() => checkNdjsonBytes(bytes, CreateCustomerSchema, { firstLine: -1 }), TypeError);
  assert.throws(() => checkNdjsonBytes(bytes, CreateCustomerSchema, { options: { defaultRegion: "Narnia" } }), TypeError);
});

test("a JSON text that is not an array, or not JSON, is one error result, never a throw", () => {
  for (const text of ["{}", "42", "", "[1,", "[".repeat(10_000), '"a string"']) {
    const batch = CreateCustomerSchema.safeParseMany(text);
    assert.deepEqual(batch.results, [], text.slice(0, 20));
    assert.equal(batch.summary.total, 0);
    assert.equal(batch.error.issues.length, 1);
    assert.deepEqual(batch.error.issues[0].path, []);
  }
  const notJson = CreateCustomerSchema.safeParseMany("[1,").error.issues[0];
  assert.equal(notJson.code, "invalid_format");
  assert.equal(notJson.format, "json");
  const notArray = CreateCustomerSchema.safeParseMany("{}").error.issues[0];
  assert.equal(notArray.code, "invalid_type");
  assert.equal(notArray.expected, "array");
});

test("a value that is not an array is one error result", () => {
  for (const value of /** @type {any[]} */ ([null, 42, {}, { length: 2 }, undefined])) {
    const batch = CustomerSchema.safeParseMany(value);
    assert.equal(batch.error.issues[0].code, "invalid_type");
    assert.deepEqual(batch.results, []);
  }
});

test("one bad record never fails the batch: hostile items get issues at their index", () => {
  const throwing = new Proxy([], {
    get(target, key) {
      if (key === "length") return 3;
      if (key === "1") throw new Error("boom");
      return target[key];
    },
  });
  const batch = CreateCustomerSchema.safeParseMany(throwing);
  assert.equal(batch.results.length, 3);
  assert.equal(batch.results[1].success, false);
  assert.match(batch.results[1].error.issues[0].message, /boom/);
  const cyclic = { firstname: "A" };
  cyclic.custom_fields = { self: cyclic };
  const mixed = CreateCustomerSchema.safeParseMany([cyclic, { firstname: "B" }, NaN]);
  assert.deepEqual(mixed.results.map((r) => r.success), [false, true, false]);
});

test("NDJSON: blank lines are skipped, a line that is not JSON is a failed record with its line", () => {
  const batch = CreateCustomerSchema.safeParseNdjson('{"firstname":"A"}\r\n\n  \n{"firstname":\n[]\n');
  assert.deepEqual(batch.results.map((r) => [r.line, r.success]), [[1, true], [4, false], [5, false]]);
  const issue = batch.results[1].error.issues[0];
  assert.equal(issue.code, "invalid_format");
  assert.equal(issue.format, "json");
  assert.match(issue.message, /^This is not valid JSON: /);
  assert.equal(batch.results[2].error.issues[0].code, "invalid_type");
});

test("summary counts issues by path (indexes as [*]) and code, most frequent first", () => {
  const batch = CreateCustomerSchema.safeParseMany([{ tags: ["", "ok", " "] }, { email: 1 }, { tags: [""] }]);
  assert.deepEqual(batch.summary.issues, [
    { path: "tags[*]", code: "too_small", count: 3 },
    { path: "email", code: "invalid_type", count: 1 },
  ]);
});

test("bad options throw a TypeError, as safeParse does", () => {
  assert.throws(() => CustomerSchema.safeParseMany([], { unknownKeys: /** @type {any} */ ("loose") }), TypeError);
  assert.throws(() => CustomerSchema.safeParseNdjson("", { defaultRegion: "ZZ" }), TypeError);
  assert.throws(() => CustomerSchema.safeParseNdjson(/** @type {any} */ (42)), TypeError);
});

test("strings holding the wire text's marks (U+0001, U+0002, ~, {) or astral characters come back unchanged, alone and in a batch", () => {
  const marks = "x\u0001\u0002y~{😀";
  const record = {
    id: `cust_${marks}`,
    customerId: "\u0001",
    firstname: "J",
    lastname: "S",
    company: "😀🎉",
    email: "a@b.co",
    tags: ["\u0001", "~", "{\u0002"],
    notes: marks,
    createdAt: 1,
    updatedAt: 2,
  };
  const list = [record, { ...record, email: "not an email" }, record];
  const singles = list.map((input) => CustomerSchema.safeParse(input));
  assert.equal(singles[0].success, true);
  assert.equal(singles[0].data.id, record.id);
  assert.equal(singles[0].data.notes, marks);
  assert.deepEqual(singles[0].data.tags, record.tags);
  assert.equal(singles[0].data.company, record.company);
  const batch = CustomerSchema.safeParseMany(list);
  assert.equal(JSON.stringify(batch.results), JSON.stringify(singles.map((r, index) => ({ index, ...r }))));
  assert.deepEqual([batch.summary.valid, batch.summary.invalid], [2, 1]);
});

test("checkNdjsonBytes numbers lines from a whole firstLine of at least 1, like safeParseNdjson (issue 19, finding 7)", () => {
  const bytes = new TextEncoder().encode('{"firstname":1}\n');
  const checked = checkNdjsonBytes(bytes, CreateCustomerSchema, { firstLine: 5 });
  assert.ok("report" in checked);
  assert.match(new TextDecoder().decode(checked.report), /"line":5/);
  for (const bad of [0, -1, 0.5, NaN, "1"]) {
    assert.throws(() => checkNdjsonBytes(bytes, CreateCustomerSchema, { firstLine: /** @type {any} */ (bad) }), { name: "TypeError", message: /^firstLine must be a whole number from 1/ });
  }
});
