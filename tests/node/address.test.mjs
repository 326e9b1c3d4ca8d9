// The address helpers of the package: postalCodeFormat() and subdivisions()
// (the tables of Google's address metadata the module checks addresses with;
// their rules are tested by the shared fixtures, tests/fixtures/address.json).
import { test } from "node:test";
import assert from "node:assert/strict";
import * as esm from "customer-schema";

test("postalCodeFormat() and subdivisions(): the module's address data, frozen", () => {
  const us = esm.postalCodeFormat("usa");
  assert.equal(us.country, "US");
  assert.equal(us.kind, "zip");
  assert.deepEqual(us.examples, ["95014", "22162-1010"]);
  assert.ok(Object.isFrozen(us) && Object.isFrozen(us.examples));
  // Every example is a postal code the schema accepts for its country.
  for (const example of esm.postalCodeFormat("JP").examples) {
    const result = esm.CreateCustomerSchema.safeParse({ address: { street: "1-2-3 Ginza", city: "Chuo", state: "Tokyo", postalCode: example, country: "JP" } });
    assert.ok(result.success || result.error.issues.every((i) => i.path.join(".") !== "address.postalCode" || i.message.includes("not a")), JSON.stringify(result));
  }
  assert.equal(esm.postalCodeFormat("AE"), null);
  assert.equal(esm.postalCodeFormat("Atlantis"), null);
  const states = esm.subdivisions("US");
  assert.ok(states.some((s) => s.key === "CA" && s.name === "California" && s.isoCode === "US-CA"));
  assert.ok(Object.isFrozen(states) && Object.isFrozen(states[0]));
  assert.equal(esm.subdivisions("JP").find((s) => s.latinName === "Tokyo")?.key, "東京都");
  assert.deepEqual(esm.subdivisions("DE"), []);
  assert.throws(() => esm.postalCodeFormat(/** @type {any} */ (1)), TypeError);
  assert.throws(() => esm.subdivisions(/** @type {any} */ (null)), TypeError);
});
