// Runs every case of tests/fixtures/*.json through the built npm package; the
// Rust tests read the same files, so both faces must give the same results.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { CustomerSchema, CreateCustomerSchema, UpdateCustomerSchema } from "customer-schema";

const schemas = { customer: CustomerSchema, create: CreateCustomerSchema, update: UpdateCustomerSchema };
const dir = new URL("../fixtures/", import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith(".json")).sort();

test("fixture files exist", () => assert.ok(files.length > 0, "no tests/fixtures/*.json"));

const seen = new Set();
for (const file of files) {
  const cases = JSON.parse(readFileSync(new URL(file, dir), "utf8"));
  assert.ok(Array.isArray(cases), `${file}: not a JSON array`);
  for (const c of cases) {
    test(`${file}: ${c.name}`, () => {
      assert.ok(!seen.has(c.name), `duplicate case name ${c.name}`);
      seen.add(c.name);
      assert.ok(c.schema in schemas, `unknown schema ${c.schema}`);
      const result = "options" in c
        ? schemas[c.schema].safeParse(c.input, c.options)
        : schemas[c.schema].safeParse(c.input);
      assert.deepStrictEqual(result, c.expect);
      // Keys in the order the Rust crate writes them (a valid record's
      // result is built from wire text, not JSON.parse: see adapter.mjs).
      assert.equal(JSON.stringify(result), JSON.stringify(c.expect));
    });
  }
}
