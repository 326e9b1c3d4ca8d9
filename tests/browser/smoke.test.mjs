// Browser smoke test of the package alone (no form): a page under the strict
// CSP (script-src 'self' 'wasm-unsafe-eval': no eval, no inline script)
// imports the package's browser entry, as served to users under
// /vendor/customer-schema/, and leaves its verdicts in the DOM. The same
// results must come out as from Node.
// Usage: node --test tests/browser/   (after scripts/build.sh; needs chromium)
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";
import { start, openPage, root } from "./harness.mjs";

const here = join(root, "tests", "browser");
const seed = JSON.parse(readFileSync(join(root, "tests", "fixtures", "examples.json"), "utf8"))[0].input;
const node = createRequire(import.meta.url)("customer-schema");
const fixtureFiles = readdirSync(join(root, "tests", "fixtures")).filter((name) => name.endsWith(".json")).sort();

let h;
let out;
let page;
before(async () => {
  // /test-build/: the test build (scripts/build.sh --test-hooks), for the trap.
  h = await start({ mounts: { "/test/": here, "/fixtures/": join(root, "tests", "fixtures"), "/test-build/": join(root, "target", "pkg-test") } });
  page = await openPage(h.browser, `${h.url}test/smoke.html?fixtures=${fixtureFiles.join(",")}`);
  await page.waitForFunction(() => document.getElementById("result").textContent !== "pending", null, { timeout: 30_000 });
  out = JSON.parse(await page.locator("#result").textContent());
});
after(async () => {
  await h?.close();
});

test("the package loads in a page under CSP script-src 'self' 'wasm-unsafe-eval'", () => {
  assert.equal(out.error, undefined, out.error);
});
test("no CSP violation, no console error", async () => {
  assert.deepEqual(out.violations, []);
  assert.deepEqual(await page.cspViolations(), []);
  assert.deepEqual(page.problems, []);
});
test("the seed example gives the same result as in Node, and is valid", () => {
  assert.deepEqual(out.seed, node.CustomerSchema.safeParse(seed));
  assert.equal(out.seed.success, true);
});
test("a Create record gives the same result as in Node", () => {
  assert.deepEqual(out.create, node.CreateCustomerSchema.safeParse({ firstname: "Jane", lastname: "Doe", email: "jane.doe@example.com" }));
});
test("a top-level null gives the same result as in Node", () => {
  assert.deepEqual(out.bad, node.CustomerSchema.safeParse(null));
});
test("a trap is survived in the browser too (the test build, loaded the same way)", () => {
  assert.equal(out.trap?.success, false, JSON.stringify(out.trap));
  assert.equal(out.afterTrap?.success, true, JSON.stringify(out.afterTrap));
});
test("the package's browser entry exports no test hooks", () => {
  assert.equal(out.shippedHooks, false);
});
test("~standard vendor", () => {
  assert.equal(out.standardVendor, "customer-schema");
});

test("in the browser, loadLocale fetches each language and every fixture's messages are Node's, in plain words", () => {
  const cases = fixtureFiles.flatMap((name) => JSON.parse(readFileSync(join(root, "tests", "fixtures", name), "utf8")));
  const schemas = { customer: node.CustomerSchema, create: node.CreateCustomerSchema, update: node.UpdateCustomerSchema };
  for (const [locale, loaded] of Object.entries(out.loaded)) {
    assert.equal(loaded, locale);
    const expected = cases.flatMap((c) => {
      const result = schemas[c.schema].safeParse(c.input, { ...c.options, locale });
      return [...(result.success ? [] : result.error.issues), ...result.warnings].map((i) => i.message);
    });
    assert.ok(expected.length > 100, `${locale}: ${expected.length} messages`);
    assert.deepEqual(out.messages[locale], expected, locale);
    for (const message of out.messages[locale]) {
      // Written for a person: no type names, comparison signs or quoted option lists.
      assert.doesNotMatch(message, /\b(undefined|string|boolean|object|array|expected|received)\b|>=|<=|"\|"|[{}]/, `${locale}: ${message}`);
    }
  }
  assert.notDeepEqual(out.messages.de, out.messages.en);
});
