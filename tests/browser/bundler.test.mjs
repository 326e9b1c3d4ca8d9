// The bundler path: a tiny consumer of the packed package (npm pack, as a user
// installs it), bundled by esbuild with the README's one step (copy the .wasm
// next to the bundle), runs in headless Chromium under the same strict CSP
// and validates a record exactly as Node does.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import * as pkg from "customer-schema";
import { start, openPage, root } from "./harness.mjs";

const record = {
  firstname: " Jane ",
  phone_number: "(415) 555-2671",
  email: "Jane@EXAMPLE.com",
  preferred_contact_method: "sms",
  address: { street: "1 Main St", city: "Springfield", state: "IL", postalCode: "62701", country: "usa" },
};
const consumer = `
import { CreateCustomerSchema, timeZones } from "customer-schema";
const record = ${JSON.stringify(record)};
const out = { result: CreateCustomerSchema.safeParse(record), zones: timeZones().length };
document.getElementById("out").textContent = JSON.stringify(out);
`;
const html = `<!doctype html><meta charset="utf-8"><title>bundled consumer</title><link rel="icon" href="/favicon.svg">
<script type="module" src="app.js"></script><pre id="out">pending</pre>`;

let dir;
let h;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), "customer-schema-bundle-"));
  // Install the package from its tarball, as a user would get it.
  const tgz = execFileSync("npm", ["pack", join(root, "pkg"), "--pack-destination", dir, "--silent"], { encoding: "utf8" }).trim().split("\n").pop();
  const installed = join(dir, "node_modules", "customer-schema");
  mkdirSync(installed, { recursive: true });
  execFileSync("tar", ["-xzf", join(dir, tgz), "-C", installed, "--strip-components=1"]);
  writeFileSync(join(dir, "main.mjs"), consumer);
  const out = join(dir, "public");
  mkdirSync(out);
  await build({
    absWorkingDir: dir,
    entryPoints: ["main.mjs"],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    outfile: join(out, "app.js"),
    logLevel: "silent",
  });
  // The README's step for esbuild: the .wasm next to the bundle.
  cpSync(join(installed, "dist", "customer_schema_bg.wasm"), join(out, "customer_schema_bg.wasm"));
  writeFileSync(join(out, "index.html"), html);
  h = await start({ mounts: { "/bundle/": out } });
});
after(async () => {
  await h?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test("an esbuild bundle of the package validates a record in Chromium under the CSP, as Node does", async () => {
  const bundle = readFileSync(join(dir, "public", "app.js"), "utf8");
  assert.doesNotMatch(bundle, /\beval\(|new Function\(/, "the bundle needs no eval");
  const page = await openPage(h.browser, `${h.url}bundle/`);
  await page.waitForFunction(() => document.getElementById("out").textContent !== "pending", null, { timeout: 30_000 });
  const out = JSON.parse(await page.locator("#out").textContent());
  assert.deepEqual(out.result, pkg.CreateCustomerSchema.safeParse(record));
  assert.equal(out.result.success, true);
  assert.equal(out.result.data.phone_number, "+14155552671");
  assert.equal(out.zones, pkg.timeZones().length);
  assert.deepEqual(await page.cspViolations(), []);
  assert.deepEqual(page.problems, []);
  await page.closeAll();
});
