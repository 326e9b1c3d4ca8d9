// Browser smoke test of the package alone (no form): a page under the strict
// CSP (script-src 'self' 'wasm-unsafe-eval': no eval, no inline script)
// imports the package's browser entry, as served to users under
// /vendor/customer-schema/, and leaves its verdicts in the DOM. The same
// results must come out as from Node.
// Usage: node --test tests/browser/   (after scripts/build.sh; needs chromium)
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";
import { start, openPage, root } from "./harness.mjs";

const here = join(root, "tests", "browser");
const seed = JSON.parse(readFileSync(join(root, "tests", "fixtures", "examples.json"), "utf8"))[0].input;
const node = createRequire(import.meta.url)("customer-schema");

let h;
let out;
let page;
before(async () => {
  // /test-build/: the test build (scripts/build.sh --test-hooks), for the trap.
  h = await start({ mounts: { "/test/": here, "/fixtures/": join(root, "tests", "fixtures"), "/test-build/": join(root, "target", "pkg-test") } });
  page = await openPage(h.browser, `${h.url}test/smoke.html`);
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
