// The native crate and the WebAssembly package agree, byte for byte, on
// random records: examples/random_records.rs (one seeded generator, in Rust)
// writes each record with the native result text
// (customer_schema::safe_parse_json); here every record goes through the
// built package, as an object (safeParse) and as JSON text (safeParseJson),
// and JSON.stringify of the package's result must be the native text.
//
// One difference is allowed, and only that one: how a number is spelt.
// serde_json writes a double as Rust does ("1e21", "5.0", "-0.0"), and
// JSON.stringify as JavaScript does ("1e+21", "5", "0"); the adapter hands
// the caller the parsed value, so the spelling is not part of the result.
// The comparison respells each number token of the native text as
// JSON.stringify would and compares the rest byte for byte (key order,
// escapes, messages, everything else).
//
//   AGREEMENT_SEED=7 AGREEMENT_COUNT=20000 node --test tests/node/agreement.test.mjs
//
// (Default: seed 20261203, 5,000 records, about 2 s. The generator runs in cargo's dev
// profile: `cargo test` has built it already in scripts/test.sh.)
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { CustomerSchema, CreateCustomerSchema, UpdateCustomerSchema } from "customer-schema";

const schemas = { customer: CustomerSchema, create: CreateCustomerSchema, update: UpdateCustomerSchema };
const SEED = process.env.AGREEMENT_SEED ?? "20261203";
const COUNT = process.env.AGREEMENT_COUNT ?? "5000";
const root = fileURLToPath(new URL("../..", import.meta.url));

/**
 * The native text with each number written as JSON.stringify writes it
 * (strings are copied unchanged, escapes and all).
 * @param {string} text
 */
const jsNumbers = (text) =>
  text.replace(/"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g, (token) => (token.startsWith('"') ? token : JSON.stringify(Number(token))));

test("jsNumbers respells numbers only", () => {
  assert.equal(jsNumbers('{"a":1e21,"b":"1e21 -0.0","c":[-0.0,5.0,1.5e-7,104.57142857142857],"d\\"1.0":2}'), '{"a":1e+21,"b":"1e21 -0.0","c":[0,5,1.5e-7,104.57142857142857],"d\\"1.0":2}');
});

test(`native and WebAssembly results agree on ${COUNT} random records (seed ${SEED})`, (t) => {
  const run = spawnSync("cargo", ["run", "--quiet", "--example", "random_records", "--", "--seed", SEED, "--count", COUNT], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 1 << 30,
  });
  assert.equal(run.status, 0, `the generator failed: ${run.error ?? run.stderr}`);
  const lines = run.stdout.split("\n").filter((line) => line !== "");
  assert.equal(lines.length, Number(COUNT));
  let exact = 0;
  let respelt = 0;
  let valid = 0;
  let refused = 0;
  for (const [n, line] of lines.entries()) {
    const { schema: name, options, input, result: native, throws } = JSON.parse(line);
    const schema = schemas[name];
    const where = `seed ${SEED}, line ${n + 1}: ${line.slice(0, 2000)}`;
    const text = JSON.stringify(input);
    if (throws !== undefined) {
      // Options the crate refuses: the package throws a TypeError with its words.
      const refusal = (/** @type {unknown} */ e) => e instanceof TypeError && e.message === throws;
      assert.throws(() => schema.safeParse(input, options), refusal, where);
      assert.throws(() => schema.safeParseJson(text, options), refusal, where);
      refused += 1;
      continue;
    }
    const expected = jsNumbers(native);
    const fromObject = JSON.stringify(schema.safeParse(input, options));
    assert.equal(fromObject, expected, `safeParse, ${where}`);
    const fromText = JSON.stringify(schema.safeParseJson(text, options));
    assert.equal(fromText, expected, `safeParseJson, ${where}`);
    if (fromObject === native) exact += 1;
    else respelt += 1;
    if (JSON.parse(native).success) valid += 1;
  }
  t.diagnostic(`${lines.length} records: ${valid} valid, ${lines.length - valid - refused} invalid, ${refused} with options refused; ${exact} identical to the native text as it is, ${respelt} after respelling numbers`);
  // The run must have tested something of each kind.
  assert.ok(valid > lines.length / 10 && refused > 0 && exact > lines.length / 2, "the generator's mix");
});
