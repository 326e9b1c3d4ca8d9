// The JSON Schema export: Ajv (draft 2020-12) compiles every schema, and on
// the shared fixtures its verdict agrees with safeParse as documented:
// - input schema: Ajv rejects an input exactly when safeParse reports a
//   structural issue (invalid_type, unrecognized_keys, a number out of
//   range), and every Ajv error points at a path safeParse reports;
//   everything safeParse accepts passes (so a server can put it in front);
// - output schema: every record safeParse returns conforms to it.
import { test } from "node:test";
import assert from "node:assert/strict";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { CustomerSchema, CreateCustomerSchema, UpdateCustomerSchema, countries, postalCodeFormat, subdivisions } from "customer-schema";
import { fixtureCases } from "./fixture-cases.mjs";

const schemas = { customer: CustomerSchema, create: CreateCustomerSchema, update: UpdateCustomerSchema };
// ajv and ajv-formats declare `export default` in CommonJS modules: under
// nodenext tsc types their default imports as the modules, whose `default`
// is (at run time too) the same class and function.
const ajv = new Ajv2020.default({ allErrors: true, strict: true });
addFormats.default(ajv);

const validators = new Map();
function validator(schemaName, io, unknownKeys) {
  const key = `${schemaName}/${io}/${unknownKeys ?? "strip"}`;
  if (!validators.has(key)) {
    validators.set(key, ajv.compile(schemas[schemaName].toJSONSchema({ io, unknownKeys })));
  }
  return validators.get(key);
}

/** Issues JSON Schema can express: types, required keys, unknown keys, number bounds. */
function isStructural(issue) {
  return (
    issue.code === "invalid_type" ||
    issue.code === "unrecognized_keys" ||
    ((issue.code === "too_small" || issue.code === "too_big") && issue.origin === "number")
  );
}

/** An Ajv error's location as a safeParse path. */
function ajvPath(error) {
  const path = error.instancePath
    .split("/")
    .slice(1)
    .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  if (error.keyword === "required") path.push(error.params.missingProperty);
  return path;
}

for (const [name, schema] of Object.entries(schemas)) {
  for (const io of /** @type {const} */ (["input", "output"])) {
    for (const unknownKeys of /** @type {const} */ (["strip", "strict", "passthrough"])) {
      test(`${name} ${io} JSON Schema (${unknownKeys}) compiles under Ajv draft 2020-12`, () => {
        const json = schema.toJSONSchema({ io, unknownKeys });
        assert.equal(json.$schema, "https://json-schema.org/draft/2020-12/schema");
        assert.equal(typeof validator(name, io, unknownKeys), "function");
      });
    }
  }
  test(`${name}: ~standard.jsonSchema gives the input and output schemas; unknown targets throw`, () => {
    const std = schema["~standard"].jsonSchema;
    assert.deepEqual(std.input({ target: "draft-2020-12" }), schema.toJSONSchema({ io: "input" }));
    assert.deepEqual(std.output({ target: "draft-2020-12" }), schema.toJSONSchema());
    assert.equal(std.input({ target: "draft-07" }).$schema, "http://json-schema.org/draft-07/schema#");
    assert.throws(() => std.input({ target: /** @type {any} */ ("openapi-3.0") }), TypeError);
  });
}

test("the input schema says what it cannot check (normalisation first)", () => {
  // " sms " and "usa" are valid input: safeParse normalises before it checks.
  const input = { preferred_contact_method: " sms ", address: { street: "1 Main St", city: "Springfield", state: "IL", postalCode: "62701", country: "usa" } };
  assert.equal(CreateCustomerSchema.safeParse(input).success, true);
  assert.equal(validator("create", "input")(input), true);
  assert.equal(validator("create", "output")(input), false, "the output schema wants the normalised form");
  assert.equal(validator("create", "output")(CreateCustomerSchema.parse(input)), true);
});

let compared = 0;
for (const c of fixtureCases) {
  test(`JSON Schema agrees with safeParse: ${c.file}: ${c.name}`, () => {
    const unknownKeys = c.options?.unknownKeys;
    const result = schemas[c.schema].safeParse(c.input, c.options);
    const validate = validator(c.schema, "input", unknownKeys);
    const ok = validate(c.input);
    const issues = result.success ? [] : result.error.issues;
    const structural = issues.filter(isStructural);
    assert.equal(ok, structural.length === 0, `Ajv ${ok ? "accepts" : "rejects"}; structural issues: ${JSON.stringify(structural)}; Ajv errors: ${JSON.stringify(validate.errors)}`);
    for (const error of validate.errors ?? []) {
      const path = JSON.stringify(ajvPath(error));
      const matched = structural.some((i) => JSON.stringify(i.path) === path || (i.code === "unrecognized_keys" && error.keyword === "additionalProperties" && JSON.stringify(i.path) === JSON.stringify(ajvPath(error))));
      assert.ok(matched, `Ajv error at ${path} (${error.message}) has no structural issue there: ${JSON.stringify(structural)}`);
    }
    if (result.success) {
      const output = validator(c.schema, "output", unknownKeys);
      assert.ok(output(result.data), `output schema rejects safeParse's data: ${JSON.stringify(output.errors)}`);
    }
    compared++;
  });
}

test("every fixture case was compared", () => {
  assert.equal(compared, fixtureCases.length);
  assert.ok(compared > 100);
});

test("email: the output schema's email (format, lengths) and the validator agree on every email fixture", () => {
  const emailSchema = /** @type {any} */ (CreateCustomerSchema.toJSONSchema({ io: "output" })).properties.email;
  const check = ajv.compile(emailSchema);
  let compared = 0;
  for (const c of fixtureCases) {
    const email = /** @type {any} */ (c.input)?.email;
    if (typeof email !== "string" || email.trim() === "") continue;
    // The validator's verdict on the address itself (its only issue, if any, is at `email`).
    const result = CreateCustomerSchema.safeParse({ email });
    const valid = result.success;
    // The schema judges the address as the validator outputs it: trimmed, domain lower-cased.
    const candidate = valid ? result.data.email : email.trim();
    assert.equal(check(candidate), valid, `${c.name}: ${JSON.stringify(email)} (validator ${valid ? "accepts" : "refuses"})`);
    compared++;
  }
  assert.ok(compared >= 12, `${compared} email fixtures compared`);
});

test("address: the output schema holds each country's postal code pattern and states, and refuses another country's code", () => {
  const check = validator("create", "output", undefined);
  /** The Ajv errors' paths, as text (but the `if` whose `then` failed). */
  const paths = () => (check.errors ?? []).filter((e) => e.keyword !== "if").map((e) => e.instancePath);
  const formats = countries().flatMap(({ alpha2 }) => {
    const format = postalCodeFormat(alpha2);
    return format === null ? [] : [format];
  });
  assert.ok(formats.length > 150, `${formats.length} countries with a pattern`);
  let accepted = 0;
  let refused = 0;
  for (const [i, format] of formats.entries()) {
    const state = subdivisions(format.country)[0]?.name ?? "Somewhere";
    const address = { street: "1 Main St", city: "Springfield", state, postalCode: format.examples[0].toLowerCase(), country: format.country };
    const result = CreateCustomerSchema.safeParse({ address });
    // (A first subdivision's postal prefixes may not hold the country's first example.)
    if (!result.success) continue;
    assert.ok(check(result.data), `${format.country}: ${JSON.stringify(result.data.address)}: ${JSON.stringify(check.errors)}`);
    // Another country's example: the schema refuses it exactly when the validator does.
    const other = formats[(i + 1) % formats.length].examples[0];
    const again = CreateCustomerSchema.safeParse({ address: { ...address, postalCode: other } });
    const formatRefused = !again.success && again.error.issues.some((issue) => issue.path.join(".") === "address.postalCode");
    const data = { ...result.data, address: { ...result.data.address, postalCode: again.success ? again.data.address?.postalCode : other.toUpperCase() } };
    assert.equal(check(data), !formatRefused, `${format.country} with ${other}: ${JSON.stringify(check.errors)}`);
    if (formatRefused) {
      assert.deepEqual(paths(), ["/address/postalCode"]);
      refused++;
    } else accepted++;
  }
  assert.ok(accepted > 20 && refused > 100 && accepted + refused > 150, `accepted ${accepted}, refused ${refused}`);

  const us = /** @type {any} */ (CreateCustomerSchema.safeParse({ address: { street: "1 Main St", city: "San Francisco", state: "california", postalCode: "94105", country: "usa" } }));
  assert.ok(check(us.data));
  for (const [part, value] of [["postalCode", "SW1A 1AA"], ["postalCode", "9410"], ["state", "California"], ["state", "Californa"]]) {
    assert.equal(check({ ...us.data, address: { ...us.data.address, [part]: value } }), false, `${part}: ${value}`);
    assert.deepEqual(paths(), [`/address/${part}`]);
  }
  const gb = /** @type {any} */ (CreateCustomerSchema.safeParse({ address: { street: "10 Downing St", city: "London", state: "London", postalCode: "sw1a2aa", country: "GB" } }));
  assert.equal(gb.data.address.postalCode, "SW1A 2AA");
  assert.ok(check(gb.data));
  assert.equal(check({ ...gb.data, address: { ...gb.data.address, postalCode: "sw1a 2aa" } }), false, "the output is upper case");
  assert.ok(check({ ...gb.data, address: { ...gb.data.address, state: "Anything" } }), "GB: state is free text");
});
