// The bundler path: a tiny consumer of the packed package (npm pack, as a user
// installs it), bundled with no configuration and no copy step, runs in
// headless Chromium under the same strict CSP and validates a record exactly
// as Node does.
// - esbuild (bundle, format, platform, outfile: nothing else) applies the
//   "browser" condition, which gives the entry with the .wasm embedded
//   (embedded.mjs). With "production", "development" or "webpack" esbuild
//   resolves the URL entry (index.mjs) instead: a small bundle that fetches
//   the .wasm, which then has to be copied next to it.
// - Vite (vite build: the root, no config file) and webpack 5 (mode, entry,
//   output path) apply those conditions: they resolve index.mjs and copy the
//   .wasm themselves (new URL(…, import.meta.url)); their output runs there too.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { build as viteBuild } from "vite";
import webpack from "webpack";
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
// The glue's fallback when init() is given nothing: in both bundles (in the
// embedded one, code that never runs).
const WASM_URL = 'new URL("customer_schema_bg.wasm", import.meta.url)';

let dir;
let installed;
let wasmBase64;
let h;
const bundles = {}; // name → { dir, text, warnings }

/**
 * What a user runs: esbuild main.mjs --bundle --format=esm --platform=browser.
 * @returns {import("esbuild").BuildOptions}
 */
const plainOptions = () => ({
  absWorkingDir: dir,
  entryPoints: ["main.mjs"],
  bundle: true,
  format: "esm",
  platform: "browser",
  logLevel: "silent",
});

/** Bundles main.mjs into public-<name>/app.js with these esbuild options on top of the plain ones. */
async function bundle(name, extra = {}) {
  const out = join(dir, `public-${name}`);
  mkdirSync(out);
  const result = await build({ ...plainOptions(), outfile: join(out, "app.js"), ...extra });
  writeFileSync(join(out, "index.html"), html);
  bundles[name] = { dir: out, text: readFileSync(join(out, "app.js"), "utf8"), warnings: result.warnings };
}

let vite; // { wasm: [file names], moduleIds: [paths], js: text, chunks: [{ fileName, code, isEntry }] }
/** vite build with no config file and no option but the root (an index.html and main.mjs). */
async function buildWithVite() {
  const root = join(dir, "vite");
  mkdirSync(root);
  cpSync(join(dir, "main.mjs"), join(root, "main.mjs"));
  writeFileSync(join(root, "index.html"), html.replace('src="app.js"', 'src="./main.mjs"'));
  const result = await viteBuild({ root, logLevel: "silent", configFile: false });
  const output = /** @type {import("vite").Rollup.RollupOutput} */ (Array.isArray(result) ? result[0] : result).output;
  vite = {
    wasm: output.filter((o) => o.type === "asset" && o.fileName.endsWith(".wasm")).map((o) => o.fileName),
    moduleIds: output.filter((o) => o.type === "chunk").flatMap((o) => o.moduleIds),
    js: output.filter((o) => o.type === "chunk").map((o) => o.code).join("\n"),
    chunks: output.filter((o) => o.type === "chunk").map((o) => ({ fileName: o.fileName, code: o.code, isEntry: o.isEntry })),
  };
}

let wp; // { wasm: [file names], modules: [names], warnings: [messages], js: text }
/** webpack 5, production mode, with nothing configured but the entry and the output directory. */
async function buildWithWebpack() {
  const out = join(dir, "webpack");
  const stats = await new Promise((resolve, reject) => {
    const compiler = webpack({ mode: "production", context: dir, entry: "./main.mjs", output: { path: out } });
    compiler.run((error, result) => compiler.close(() => (error ? reject(error) : resolve(result))));
  });
  const json = stats.toJson({ all: false, assets: true, modules: true, errors: true, warnings: true });
  assert.deepEqual(json.errors, []);
  writeFileSync(join(out, "index.html"), html.replace('<script type="module" src="app.js">', '<script src="main.js">'));
  wp = {
    wasm: json.assets.map((a) => a.name).filter((n) => n.endsWith(".wasm")),
    modules: json.modules.flatMap((m) => [m.name, ...(m.modules ?? []).map((inner) => inner.name)]).filter((name) => typeof name === "string"),
    warnings: json.warnings.map((w) => w.message),
    js: readFileSync(join(out, "main.js"), "utf8"),
  };
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "customer-schema-bundle-"));
  // Install the package from its tarball, as a user would get it.
  const tgz = execFileSync("npm", ["pack", join(root, "pkg"), "--pack-destination", dir, "--silent"], { encoding: "utf8" }).trim().split("\n").pop();
  installed = join(dir, "node_modules", "customer-schema");
  mkdirSync(installed, { recursive: true });
  execFileSync("tar", ["-xzf", join(dir, tgz), "-C", installed, "--strip-components=1"]);
  wasmBase64 = readFileSync(join(installed, "dist", "customer_schema_bg.wasm")).toString("base64");
  writeFileSync(join(dir, "main.mjs"), consumer);

  // What a user runs: esbuild main.mjs --bundle --format=esm --platform=browser --outfile=…
  await bundle("plain");
  // The URL entry, as Vite (development|production) and webpack ("webpack",
  // and production|development by mode) resolve it; the .wasm copied next to
  // the bundle, as they copy it.
  for (const condition of ["production", "development", "webpack"]) await bundle(condition, { conditions: [condition] });
  cpSync(join(installed, "dist", "customer_schema_bg.wasm"), join(bundles.production.dir, "customer_schema_bg.wasm"));

  await buildWithVite();
  await buildWithWebpack();

  h = await start({
    mounts: {
      "/plain/": bundles.plain.dir,
      "/production/": bundles.production.dir,
      "/vite/": join(dir, "vite", "dist"),
      "/assets/": join(dir, "vite", "dist", "assets"), // Vite's default base is "/"
      "/webpack/": join(dir, "webpack"),
    },
  });
});
after(async () => {
  await h?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/**
 * Opens the bundle's page (after `setup(page)`), waits for its output, checks
 * it against Node's; returns the paths requested and whether the page had
 * Uint8Array.fromBase64.
 * @param {string} path
 * @param {(page: any) => Promise<unknown>} [setup]
 */
async function runInChromium(path, setup = async () => {}) {
  const page = await openPage(h.browser);
  const requests = [];
  page.on("request", (r) => requests.push(new URL(r.url()).pathname));
  await setup(page);
  await page.goto(`${h.url}${path}`);
  await page.waitForFunction(() => document.getElementById("out").textContent !== "pending", null, { timeout: 30_000 });
  const out = JSON.parse(await page.locator("#out").textContent());
  assert.deepEqual(out.result, pkg.CreateCustomerSchema.safeParse(record));
  assert.equal(out.result.success, true);
  assert.equal(out.result.data.phone_number, "+14155552671");
  assert.equal(out.zones, pkg.timeZones().length);
  assert.deepEqual(await page.cspViolations(), []);
  assert.deepEqual(page.problems, []);
  const fromBase64 = await page.evaluate(() => typeof Uint8Array.fromBase64 === "function");
  await page.closeAll();
  return { requests, fromBase64 };
}

test("esbuild with no options but bundle/format/platform/outfile embeds the .wasm (the \"browser\" entry), without a warning", () => {
  const { text, warnings } = bundles.plain;
  assert.deepEqual(warnings, []);
  assert.ok(text.includes(wasmBase64), "the bundle holds the .wasm as base64");
  assert.doesNotMatch(text, /\beval\(|new Function\(/, "the bundle needs no eval");
});

test("that bundle, with nothing copied next to it, validates a record in Chromium under the CSP, as Node does", async () => {
  const { requests, fromBase64 } = await runInChromium("plain/");
  assert.deepEqual(requests.filter((p) => p.endsWith(".wasm")), [], "no .wasm is fetched");
  assert.equal(fromBase64, true, "this Chromium decodes with Uint8Array.fromBase64");
});

test("the same without Uint8Array.fromBase64 (older browsers: the atob path)", async () => {
  const { fromBase64 } = await runInChromium("plain/", (page) =>
    page.addInitScript(() => {
      delete Uint8Array.fromBase64;
    }),
  );
  assert.equal(fromBase64, false);
});

test('with the conditions Vite and webpack apply ("production", "development", "webpack"), esbuild resolves the URL entry: a small bundle without the .wasm', () => {
  // esbuild without --splitting keeps the other languages' catalogues (dynamic
  // imports) in the one file, evaluated only when loadLocale asks: the bundle
  // is small but for them. (Vite and webpack split them out: tests below.)
  const catalogues = readdirSync(join(installed, "dist", "locales"))
    .filter((name) => /^[a-z]{2}\.mjs$/.test(name))
    .reduce((sum, name) => sum + readFileSync(join(installed, "dist", "locales", name)).length, 0);
  for (const condition of ["production", "development", "webpack"]) {
    const { text, warnings } = bundles[condition];
    assert.deepEqual(warnings, [], condition);
    assert.ok(text.includes(WASM_URL), `${condition}: the bundle fetches the .wasm by URL`);
    assert.ok(!text.includes(wasmBase64.slice(0, 4096)), `${condition}: no base64 .wasm in the bundle`);
    assert.ok(text.length - catalogues < 100_000, `${condition}: ${text.length} bytes, ${catalogues} of them catalogues`);
  }
  assert.ok(bundles.plain.text.length > 400_000, `the embedded bundle: ${bundles.plain.text.length} bytes`);
});

test("the URL bundle, with the .wasm copied next to it (as Vite and webpack do), validates the record in Chromium under the CSP", async () => {
  const { requests } = await runInChromium("production/");
  assert.deepEqual(requests.filter((p) => p.endsWith(".wasm")), ["/production/customer_schema_bg.wasm"]);
});

test("the embedded entry's download cost: minified bundles, gzip -9", async (t) => {
  const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;
  const minified = async (extra) => {
    const result = await build({ ...plainOptions(), minify: true, write: false, outfile: "app.js", ...extra });
    return gz(result.outputFiles[0].contents);
  };
  const embedded = await minified({});
  const js = await minified({ conditions: ["production"] });
  const wasm = gz(readFileSync(join(installed, "dist", "customer_schema_bg.wasm")));
  t.diagnostic(`embedded: ${embedded} B; URL entry: ${js} B + .wasm ${wasm} B = ${js + wasm} B; +${embedded - js - wasm} B`);
  assert.ok(embedded > js + wasm, "base64 costs more than the binary .wasm, even gzipped");
});

test("vite build (no config) resolves the URL entry and emits the .wasm as an asset", () => {
  const ours = vite.moduleIds.filter((id) => id.startsWith(`${installed}/`)).map((id) => id.slice(installed.length + 1));
  assert.ok(ours.includes("index.mjs"), ours.join(", "));
  assert.ok(!ours.some((id) => /embedded|base64/.test(id)), ours.join(", "));
  assert.equal(vite.wasm.length, 1, vite.wasm.join(", "));
  assert.ok(!vite.js.includes(wasmBase64.slice(0, 4096)), "no base64 .wasm in the chunks");
  // Each other language is a chunk of its own, loaded on demand.
  const german = vite.chunks.filter((c) => c.code.includes(JSON.stringify("de")) && c.code.includes("Geben Sie"));
  assert.equal(german.length, 1, vite.chunks.map((c) => c.fileName).join(", "));
  assert.equal(german[0].isEntry, false);
  assert.ok(!vite.chunks.find((c) => c.isEntry)?.code.includes("Geben Sie"), "the entry chunk has no German");
});

test("the Vite build validates the record in Chromium under the CSP, fetching its .wasm asset", async () => {
  const { requests } = await runInChromium("vite/");
  assert.deepEqual(requests.filter((p) => p.endsWith(".wasm")), [`/${vite.wasm[0]}`]);
});

test("webpack 5 (production mode, no config but entry and output path) resolves the URL entry and emits the .wasm", () => {
  const ours = wp.modules.filter((m) => m.includes("node_modules/customer-schema/"));
  assert.ok(ours.includes("./node_modules/customer-schema/index.mjs"), ours.join(", "));
  assert.ok(!ours.some((m) => /embedded|base64/.test(m)), ours.join(", "));
  assert.equal(wp.wasm.length, 1, wp.wasm.join(", "));
  assert.ok(!wp.js.includes(wasmBase64.slice(0, 4096)), "no base64 .wasm in main.js");
  assert.ok(!wp.js.includes("Geben Sie"), "the other languages are chunks of their own, not in main.js");
  // Its default performance hints flag the 350 KiB .wasm (> 244 KiB); nothing else.
  assert.deepEqual(wp.warnings.filter((w) => !/asset size limit|performance recommendations/.test(w)), []);
});

test("the webpack build validates the record in Chromium under the CSP, fetching its .wasm asset", async () => {
  const { requests } = await runInChromium("webpack/");
  assert.deepEqual(requests.filter((p) => p.endsWith(".wasm")), [`/webpack/${wp.wasm[0]}`]);
});
