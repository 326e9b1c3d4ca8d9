// The browser form (www/), in headless Chromium, served by scripts/serve.mjs
// under its strict CSP. Every verdict the page shows must be the package's:
// where it matters the test asks Node's safeParse the same question.
// Usage: node --test tests/browser/   (after scripts/build.sh; needs /usr/bin/chromium)
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as pkg from "customer-schema";
import { start, openPage, artefactPath, root } from "./harness.mjs";

const { CreateCustomerSchema, UpdateCustomerSchema } = pkg;
let h;
before(async () => {
  h = await start();
});
after(async () => {
  await h?.close();
});

/** A page with the form loaded and ready to validate. */
async function formPage(options) {
  const page = await openPage(h.browser, h.url, options);
  await page.waitForSelector("html[data-state=ready]", { timeout: 20_000 });
  return page;
}
const field = (name) => `[name="${name}"]`;
/** The page's own English text (its labels, titles…): www/i18n/en.json. */
const en = JSON.parse(readFileSync(join(root, "www", "i18n", "en.json"), "utf8"));
/** The label the page gives the field at an issue's path ("Tag 2" for a tag). */
const labelOf = (path) =>
  path[0] === "tags" && typeof path[1] === "number"
    ? en["tags.item"].replace("{n}", path[1] + 1)
    : en[path[0] === "address" && path.length > 1 ? `field.address.${path[1]}` : `field.${path[0]}`];
const text = (page, selector) => page.locator(selector).textContent();
const preview = async (page) => JSON.parse(await text(page, "#preview"));
/** Waits until the live preview (debounced) has `expected` at `path`. */
async function waitPreview(page, path, expected) {
  try {
    await page.waitForFunction(
      ([path, expected]) => {
        try {
          let value = JSON.parse(document.getElementById("preview").textContent);
          for (const key of path) value = value?.[key];
          return JSON.stringify(value) === JSON.stringify(expected);
        } catch {
          return false;
        }
      },
      [path, expected],
      { timeout: 5000 },
    );
  } catch {
    assert.fail(`preview never had ${path.join(".")} = ${JSON.stringify(expected)}: ${await text(page, "#preview")}`);
  }
}

/** Fills the form from a description of what a user enters. */
async function fill(page, entries) {
  for (const [name, value] of Object.entries(entries)) {
    if (name === "tags") {
      for (const tag of value) {
        await page.fill("#f-tags", tag);
        await page.press("#f-tags", "Enter");
      }
    } else if (name === "region") {
      await page.selectOption("#default-region", value);
    } else if (name === "isValidatedNames") {
      await page.selectOption(field(name), value);
    } else {
      await page.fill(field(name), value);
    }
  }
}

/** The record Node builds from the same entries: what the page must send. */
function recordOf(entries) {
  const record = {};
  for (const [name, value] of Object.entries(entries)) {
    if (name === "region" || value === "") continue;
    if (name.startsWith("address.")) (record.address ??= {})[name.slice(8)] = value;
    else if (name === "custom_fields") record.custom_fields = JSON.parse(value);
    else if (name === "isValidatedNames") record.isValidatedNames = value === "true";
    else record[name] = value;
  }
  return record;
}

const fullEntries = {
  firstname: "  Jane  ",
  lastname: "Doe",
  company: "Acme   Corp",
  customerId: " ext-42 ",
  isValidatedNames: "true",
  email: "Jane.Doe@EXAMPLE.com",
  phone_number: "(415) 555-2671",
  region: "US",
  preferred_contact_method: "sms",
  best_time_to_call: "evening",
  timezone: "america/new_york",
  preferred_language: "en-US",
  "address.street": "1 Main St",
  "address.street2": "Apt 2",
  "address.city": "San Francisco",
  "address.state": "CA",
  "address.postalCode": "94105",
  "address.country": "usa",
  tags: ["vip", " repeat ", "vip"],
  notes: "  call after 5pm  ",
  custom_fields: '{ "tier": "gold", "visits": [1, 2, { "x": null }] }',
};

test("loads under the CSP with no console error, no CSP violation, no failed request", async () => {
  const page = await openPage(h.browser, null);
  const response = await page.goto(h.url);
  await page.waitForSelector("html[data-state=ready]", { timeout: 20_000 });
  const csp = response.headers()["content-security-policy"];
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'(;|$)/);
  assert.doesNotMatch(csp, /'unsafe-eval'|'unsafe-inline'/);
  assert.match(await text(page, "#status"), /^Ready\./);
  // Chromium reports an unused <link rel=preload> a few seconds after load.
  await page.waitForTimeout(3500);
  assert.deepEqual(await page.cspViolations(), []);
  assert.deepEqual(page.problems, []);
  // The package is loaded the way a user gets it: the published files.
  const loaded = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname));
  assert.ok(loaded.includes("/vendor/customer-schema/index.mjs"), loaded.join(" "));
  assert.equal(loaded.filter((p) => p === "/vendor/customer-schema/dist/customer_schema_bg.wasm").length, 1, loaded.join(" "));
  await page.closeAll();
});

test("the server: application/wasm, the CSP on every response, only the package's published files", async () => {
  const get = (path) => fetch(new URL(path, h.url), { headers: { "accept-encoding": "identity" } });
  const wasm = await get("/vendor/customer-schema/dist/customer_schema_bg.wasm");
  assert.equal(wasm.status, 200);
  assert.equal(wasm.headers.get("content-type"), "application/wasm");
  assert.match(wasm.headers.get("content-security-policy"), /wasm-unsafe-eval/);
  assert.match((await get("/app.mjs")).headers.get("content-type"), /^text\/javascript/);
  assert.match((await get("/vendor/customer-schema/index.mjs")).headers.get("content-type"), /^text\/javascript/);
  // The page's text in each language: JSON, under the same CSP (connect-src 'self' lets the page fetch it).
  for (const lang of ["en", "de"]) {
    const strings = await get(`/i18n/${lang}.json`);
    assert.equal(strings.status, 200, lang);
    assert.match(strings.headers.get("content-type"), /^application\/json/);
    assert.match(strings.headers.get("content-security-policy"), /connect-src 'self'/);
    assert.equal(typeof (await strings.json())["summary.title"], "string");
  }
  assert.equal((await get("/i18n/xx.json")).status, 404);
  for (const hidden of ["/vendor/customer-schema/src/node.mjs", "/vendor/customer-schema/dist/customer_schema_bg.wasm.d.ts", "/vendor/customer-schema/../Cargo.toml", "/../Cargo.toml", "/%2e%2e/Cargo.toml"]) {
    assert.equal((await get(hidden)).status, 404, hidden);
  }
});

test("the page has no inline script, inline style or inline event handler", () => {
  const html = readFileSync(join(root, "www", "index.html"), "utf8");
  for (const m of html.matchAll(/<script\b[^>]*>/g)) assert.match(m[0], /\bsrc=/, m[0]);
  assert.doesNotMatch(html, /<style\b|\sstyle=|\son[a-z]+=/i);
});

test("suggestions come from the package's tables", async () => {
  const page = await formPage();
  const values = (id) => page.$$eval(`#${id} option`, (os) => os.map((o) => o.value));
  assert.deepEqual(await values("time-zones"), [...pkg.timeZones()]);
  assert.deepEqual(await values("languages"), pkg.languages().map((l) => l.code));
  assert.deepEqual(await values("countries"), pkg.countries().map((c) => c.alpha2));
  assert.deepEqual((await values("default-region")).slice(1).sort(), pkg.countries().map((c) => c.alpha2).sort());
  assert.deepEqual(await values("contact-methods"), ["EMAIL", "PHONE", "SMS"]);
  assert.deepEqual(await values("call-times"), ["MORNING", "AFTERNOON", "EVENING"]);
  await page.closeAll();
});

test("the address country's subdivisions are suggested for its state, and an example code is the postal placeholder", async () => {
  const page = await formPage();
  const values = () => page.$$eval("#subdivisions option", (os) => os.map((o) => o.value));
  const placeholder = () => page.$eval("#f-address\\.postalCode", (i) => i.placeholder);
  assert.equal(await page.$eval("#f-address\\.state", (i) => i.getAttribute("list")), "subdivisions");
  await page.fill(field("address.country"), "usa");
  assert.deepEqual(await values(), pkg.subdivisions("usa").map((s) => s.key));
  assert.ok((await values()).includes("CA"));
  assert.equal(await placeholder(), pkg.postalCodeFormat("usa").examples[0]);
  await page.fill(field("address.country"), "DE");
  assert.deepEqual(await values(), []);
  assert.equal(await placeholder(), pkg.postalCodeFormat("DE").examples[0]);
  await page.closeAll();
});

test("an invalid phone shows its message next to the field while typing; fixing it removes it", async () => {
  const page = await formPage();
  const phone = page.locator(field("phone_number"));
  await phone.pressSequentially("415 55", { delay: 20 });
  // The browser's region (en-US: US) reads the national number, as the page says.
  const expected = CreateCustomerSchema.safeParse({ phone_number: "415 55" }, { defaultRegion: "US" }).error.issues[0].message;
  await page.waitForSelector("#msg-phone_number .error", { timeout: 5000 });
  assert.equal(await phone.getAttribute("aria-invalid"), "true");
  assert.match(await phone.getAttribute("aria-describedby"), /\bmsg-phone_number\b/);
  assert.ok((await text(page, "#msg-phone_number")).includes(expected), await text(page, "#msg-phone_number"));
  assert.ok(await page.locator("#msg-phone_number .error").isVisible());
  // Fixed, then blurred: the message goes at once.
  await phone.fill("+1 415 555 2671");
  await phone.blur();
  assert.equal(await text(page, "#msg-phone_number"), "");
  assert.equal(await phone.getAttribute("aria-invalid"), null);
  assert.deepEqual(page.problems, []);
  await page.closeAll();
});

test("the phone input is formatted as digits are typed; the record still gets E.164", async () => {
  const page = await formPage();
  await page.selectOption("#default-region", "US");
  const phone = page.locator(field("phone_number"));
  // After each digit the input shows the package's as-you-type text (the
  // differential tests hold it to Google's AsYouTypeFormatter).
  const typing = pkg.phoneAsYouType("US");
  for (const digit of "6502530000") {
    await phone.press(digit);
    assert.equal(await phone.inputValue(), typing.input(digit));
  }
  // Google's text for the whole number.
  assert.equal(await phone.inputValue(), "(650) 253-0000");
  await waitPreview(page, ["phone_number"], "+16502530000");
  // Without a region choice, in the address country's formats.
  await page.selectOption("#default-region", "");
  await page.locator(field("address.country")).fill("United Kingdom");
  await phone.fill("");
  await phone.pressSequentially("02070313000");
  assert.equal(await phone.inputValue(), pkg.phoneAsYouType("GB").format("02070313000"));
  assert.equal(await phone.inputValue(), "020 7031 3000");
  // (The address is not complete, so the preview waits for it: read in the
  // chosen region instead, the number is stored as E.164.)
  await page.selectOption("#default-region", "GB");
  await waitPreview(page, ["phone_number"], "+442070313000");
  // Letters are left as typed, for the schema to judge.
  await phone.fill("");
  await phone.pressSequentially("1-800-FLOWERS");
  assert.equal(await phone.inputValue(), "1-800-FLOWERS");
  assert.deepEqual(page.problems, []);
  await page.closeAll();
});

test("the live preview shows the module's normalisation", async () => {
  const page = await formPage();
  await page.selectOption("#default-region", "US");
  await page.locator(field("phone_number")).pressSequentially("(415) 555-2671");
  await waitPreview(page, ["phone_number"], "+14155552671");
  await page.locator(field("timezone")).pressSequentially("america/new_york");
  await waitPreview(page, ["timezone"], "America/New_York");
  await page.locator(field("preferred_language")).pressSequentially("en-US");
  await waitPreview(page, ["preferred_language"], "en");
  await page.locator(field("preferred_contact_method")).pressSequentially("sms");
  await waitPreview(page, ["preferred_contact_method"], "SMS");
  await fill(page, { "address.street": "1 Main St", "address.city": "Springfield", "address.state": "IL", "address.postalCode": "62701" });
  await page.locator(field("address.country")).pressSequentially("usa");
  await waitPreview(page, ["address", "country"], "US");

  // Without a region choice, the national number is read in the address country.
  await page.selectOption("#default-region", "");
  await waitPreview(page, ["phone_number"], "+14155552671");
  // ... and in the chosen region when there is one: the same digits in the UK are invalid.
  await page.selectOption("#default-region", "GB");
  await waitPreview(page, ["phone_number"], undefined);
  assert.match(await text(page, "#preview-status"), /phone_number/);
  await page.closeAll();
});

test("the preview leaves out invalid fields without showing their defaults, and names fields that wait on them", async () => {
  const page = await formPage();
  // A national number valid in the address's country, with the rest of the address missing.
  await fill(page, { firstname: "Ann", phone_number: "020 7946 0958", "address.street": "1 High St", "address.country": "GB" });
  const whole = CreateCustomerSchema.safeParse({ firstname: "Ann", phone_number: "020 7946 0958", address: { street: "1 High St", country: "GB" } });
  assert.ok(!whole.error.issues.some((i) => i.path[0] === "phone_number"), "the number is valid in the whole record");
  // (The preview follows the typing, debounced: wait for the last state.)
  await page
    .waitForFunction(() => /depend on those/.test(document.getElementById("preview-status").textContent), null, { timeout: 5000 })
    .catch(() => {});
  const status = await text(page, "#preview-status");
  assert.match(status, /until valid: address\./);
  assert.match(status, /depend on those: phone_number\./);
  assert.equal((await preview(page)).firstname, "Ann");
  // A value given but invalid: not replaced by the schema's default in the preview.
  await fill(page, { preferred_language: "xx", preferred_contact_method: "fax" });
  await page.waitForFunction(() => /preferred_language.*preferred_contact_method|preferred_contact_method.*preferred_language/.test(document.getElementById("preview-status").textContent));
  const shown = await preview(page);
  for (const key of ["preferred_language", "preferred_contact_method", "phone_number", "address"]) assert.ok(!(key in shown), `${key} in ${JSON.stringify(shown)}`);
  assert.equal(shown.firstname, "Ann");
  await page.closeAll();
});

test("a submit's outcome is hidden at the next edit, not left out of date", async () => {
  const page = await formPage();
  await fill(page, { email: "ok@example.com" });
  await page.click("#submit");
  await page.waitForSelector("#result-json");
  await page.locator(field("email")).pressSequentially("x@");
  assert.ok(await page.locator("#outcome").isHidden(), "the outcome of the last submit is hidden");
  await page.fill(field("email"), "ok@example.com");
  await page.click("#submit");
  await page.waitForSelector("#result-json");
  await fill(page, { tags: ["vip"] });
  assert.ok(await page.locator("#outcome").isHidden(), "adding a tag hides it too");
  // A failed submit's error summary stays in step with the form: fixed, it goes.
  await page.fill(field("email"), "x@");
  await page.click("#submit");
  await page.waitForSelector("#error-summary:not([hidden])");
  assert.equal(await page.locator("#error-summary-list a").count(), 1);
  await page.fill(field("email"), "x@example.com");
  await page.locator(field("email")).blur();
  await page.waitForSelector("#error-summary[hidden]", { state: "attached" });
  await page.closeAll();
});

test("a full valid record: submit shows exactly Node's safeParse data", async () => {
  const page = await formPage();
  await fill(page, fullEntries);
  await page.click("#submit");
  await page.waitForSelector("#result-json");
  const shown = JSON.parse(await text(page, "#result-json"));
  const node = CreateCustomerSchema.safeParse(recordOf(fullEntries), { defaultRegion: "US" });
  assert.equal(node.success, true, JSON.stringify(node));
  assert.deepEqual(shown, node.data);
  assert.deepEqual(await preview(page), node.data);
  // A few values, to be sure the comparison compares something.
  assert.equal(shown.phone_number, "+14155552671");
  assert.deepEqual(shown.tags, ["vip", "repeat"]);
  assert.equal(shown.address.country, "US");
  assert.equal(shown.isValidatedNames, true);
  assert.match(await text(page, "#outcome"), /^Valid/);
  assert.equal(await page.evaluate(() => document.activeElement.id), "outcome");
  assert.deepEqual(page.problems, []);
  await page.closeAll();
});

test("an invalid record: submit shows the error summary, focused, a link per issue named by its field's label", async () => {
  const page = await formPage();
  const entries = {
    email: "jane.doe@",
    phone_number: "12",
    preferred_contact_method: "fax",
    timezone: "Mars/Olympus",
    "address.street": "1 Main St",
    "address.country": "Atlantis",
    tags: ["ok"],
  };
  await fill(page, entries);
  await page.fill("#f-tags", "   "); // text left in the tag input is a tag too: a blank one
  assert.ok(await page.locator("#error-summary").isHidden(), "no summary before a submit");
  await page.click("#submit");
  await page.waitForSelector("#error-summary:not([hidden])");
  // GOV.UK's pattern: at the top of the form, titled, focused.
  assert.equal(await page.evaluate(() => document.activeElement.id), "error-summary");
  assert.equal(await text(page, "#error-summary-title"), en["summary.title"]);
  assert.equal(await page.evaluate(() => document.querySelector("#customer-form").firstElementChild.id), "error-summary");
  assert.equal(await page.locator("#outcome ul.errors").count(), 0, "no list of wire paths at the bottom");
  const node = CreateCustomerSchema.safeParse({ ...recordOf(entries), tags: ["ok", "   "] });
  assert.equal(node.success, false);
  const links = await page.$$eval("#error-summary-list a", (as) => as.map((a) => ({ text: a.textContent, href: a.getAttribute("href") })));
  assert.equal(links.length, node.error.issues.length, links.map((l) => l.text).join("\n"));
  for (const issue of node.error.issues) {
    const label = labelOf(issue.path);
    const link = links.find((l) => l.text.startsWith(`${label}: `) && l.text.includes(issue.message));
    assert.ok(link, `no link "${label}: …${issue.message}" in\n${links.map((l) => l.text).join("\n")}`);
    assert.doesNotMatch(link.text, /^(address|tags)\./, "a label, not a wire path");
    const area = issue.path[0] === "address" ? `address.${issue.path[1]}` : issue.path[0];
    assert.equal(link.href, `#f-${area}`);
    // ... and next to its field.
    assert.ok((await page.locator(`[id="msg-${area}"]`).textContent()).includes(issue.message), `msg-${area}: ${issue.message}`);
  }
  assert.ok(links.some((l) => l.text.startsWith("Tag 2: ")), "a tag's issue names the tag");
  assert.equal(await page.getAttribute('fieldset[data-field="address"]', "aria-describedby"), "msg-address");
  await page.screenshot({ path: artefactPath("form-errors.png"), fullPage: true });
  // The links move focus to their field, in the summary's order (the form's).
  await page.click('#error-summary a[href="#f-timezone"]');
  assert.equal(await page.evaluate(() => document.activeElement.id), "f-timezone");
  const order = await page.$$eval("#error-summary-list a", (as) => as.map((a) => a.getAttribute("href")));
  const formOrder = await page.$$eval("#customer-form [id^=f-]", (els) => els.map((e) => `#${e.id}`));
  const ranks = order.map((href) => formOrder.indexOf(href));
  assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b), order.join(" "));
  assert.deepEqual(page.problems, []);
  await page.closeAll();
});

test("JSON that does not parse in custom_fields is a message at that field and blocks submit", async () => {
  const page = await formPage();
  await page.fill(field("custom_fields"), "{ tier: gold }");
  await page.click("#submit");
  await page.waitForSelector("#error-summary:not([hidden])");
  assert.match(await text(page, "#error-summary-list"), new RegExp(`^${en["field.custom_fields"]}: `));
  assert.match(await text(page, "#msg-custom_fields"), /not valid JSON/);
  await page.fill(field("custom_fields"), '["an array"]');
  await page.click("#submit");
  await page.waitForSelector("#error-summary:not([hidden])");
  const expected = CreateCustomerSchema.safeParse({ custom_fields: ["an array"] }).error.issues[0].message;
  assert.ok((await text(page, "#msg-custom_fields")).includes(expected));
  await page.closeAll();
});

test("warnings are shown differently and do not block submit", async () => {
  const page = await formPage();
  await fill(page, { preferred_contact_method: "PHONE", firstname: "Ann" });
  await page.locator(field("preferred_contact_method")).blur();
  const node = CreateCustomerSchema.safeParse({ preferred_contact_method: "PHONE", firstname: "Ann" });
  assert.equal(node.success, true);
  assert.ok(node.warnings.length > 0);
  const warning = page.locator("#msg-preferred_contact_method .warning");
  await warning.waitFor();
  assert.ok((await warning.textContent()).includes(node.warnings[0].message));
  assert.equal(await page.locator(field("preferred_contact_method")).getAttribute("aria-invalid"), null);
  const colours = await page.evaluate(() => {
    const w = document.querySelector(".msg .warning");
    return getComputedStyle(w).color;
  });
  assert.notEqual(colours, "rgb(180, 35, 24)", "a warning is not styled as an error");
  await page.locator("#msg-preferred_contact_method").screenshot({ path: artefactPath("form-warning.png") });
  await page.click("#submit");
  await page.waitForSelector("#result-json");
  assert.deepEqual(JSON.parse(await text(page, "#result-json")), node.data);
  assert.match(await text(page, "#outcome ul.warnings"), new RegExp(node.warnings[0].message.slice(0, 20)));
  await page.closeAll();
});

test("Update mode: id required, nothing defaulted", async () => {
  const page = await formPage();
  await page.check('input[name="mode"][value="update"]');
  assert.ok(await page.locator("#f-id").isVisible());
  await page.fill(field("firstname"), " Ann ");
  await page.click("#submit");
  await page.waitForSelector("#error-summary:not([hidden])");
  assert.equal(await page.evaluate(() => document.activeElement.id), "error-summary");
  await page.click('#error-summary a[href="#f-id"]');
  assert.equal(await page.evaluate(() => document.activeElement.id), "f-id");
  await page.fill("#f-id", " cust_1 ");
  await page.click("#submit");
  await page.waitForSelector("#result-json");
  const shown = JSON.parse(await text(page, "#result-json"));
  const node = UpdateCustomerSchema.safeParse({ id: " cust_1 ", firstname: " Ann " });
  assert.deepEqual(shown, node.data);
  assert.deepEqual(shown, { id: "cust_1", firstname: "Ann" });
  for (const key of ["preferred_language", "preferred_contact_method", "isValidatedNames"]) assert.ok(!(key in shown), key);
  // Back to Create: the defaults are applied again and id is not sent.
  await page.check('input[name="mode"][value="create"]');
  await page.click("#submit");
  await page.waitForSelector("#result-json");
  assert.deepEqual(JSON.parse(await text(page, "#result-json")), CreateCustomerSchema.safeParse({ firstname: " Ann " }).data);
  await page.closeAll();
});

test("the JSON panel validates a pasted array against the chosen schema", async () => {
  const page = await formPage();
  const seed = JSON.parse(readFileSync(join(root, "tests", "fixtures", "examples.json"), "utf8"))[0].input;
  const records = [seed, { id: "c1", email: 42 }];
  await page.selectOption("#json-schema", "customer");
  await page.fill("#json-input", JSON.stringify(records));
  await page.click("#json-validate");
  await page.waitForSelector("#json-output .verdict");
  const verdicts = await page.$$eval("#json-output .verdict", (vs) => vs.map((v) => v.dataset.verdict));
  assert.deepEqual(verdicts, ["valid", "invalid"]);
  const data = JSON.parse(await page.locator("#json-output .verdict.valid pre").textContent());
  assert.deepEqual(data, pkg.CustomerSchema.safeParse(seed, { unknownKeys: "strip" }).data);
  const issues = await page.$$eval("#json-output .verdict.invalid ul.errors li", (lis) => lis.length);
  assert.equal(issues, pkg.CustomerSchema.safeParse(records[1]).error.issues.length);
  // The pasted records' paths are text, not links to the form's fields.
  assert.equal(await page.locator("#json-output a").count(), 0);
  assert.ok((await text(page, "#json-output .verdict.invalid ul.errors")).includes("email: "));
  // Not JSON at all.
  await page.fill("#json-input", "{ nope");
  await page.click("#json-validate");
  assert.match(await text(page, "#json-output"), /Not valid JSON/);
  await page.closeAll();
});

test("if WebAssembly cannot load, the page says so", async () => {
  const page = await openPage(h.browser, null);
  await page.route("**/*.wasm", (route) => route.abort());
  await page.goto(h.url);
  await page.waitForSelector("html[data-state=failed]", { timeout: 20_000 });
  const message = await text(page, "#status");
  assert.match(message, /could not be loaded/);
  assert.match(message, /WebAssembly/);
  assert.equal(await page.locator("#status").getAttribute("role"), "alert");
  assert.ok(await page.locator("#submit").isDisabled());
  await page.closeAll();
});

test("keyboard only: Tab reaches every control; Enter adds a tag; Enter submits", async () => {
  const page = await formPage();
  const seen = [];
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press("Tab");
    const id = await page.evaluate(() => document.activeElement.id || document.activeElement.getAttribute("name"));
    seen.push(id);
    if (id === "submit") break;
  }
  const controls = await page.$$eval("#customer-form input:not([type=hidden]):not([disabled]), #customer-form select, #customer-form textarea", (els) =>
    els.filter((e) => (e.type !== "radio" || e.checked) && e.checkVisibility()).map((e) => e.id),
  );
  for (const id of controls) assert.ok(seen.includes(id), `Tab never reached #${id}: ${seen.join(" ")}`);
  assert.ok(seen.includes("submit"));

  await page.focus("#f-tags");
  await page.keyboard.type("vip");
  await page.keyboard.press("Enter");
  assert.deepEqual(await page.$$eval("#tag-list .chip-text", (c) => c.map((x) => x.textContent)), ["vip"]);
  assert.ok(await page.locator("#outcome").isHidden(), "Enter in the tag input adds a tag, it does not submit");
  await page.keyboard.press("Shift+Tab");
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute("aria-label")), "Remove tag vip");
  await page.keyboard.press("Enter");
  assert.equal(await page.locator("#tag-list .chip").count(), 0);

  await page.focus(field("email"));
  await page.keyboard.type("nope");
  await page.keyboard.press("Enter");
  await page.waitForSelector("#error-summary:not([hidden])");
  assert.equal(await page.evaluate(() => document.activeElement.id), "error-summary");
  // Tab: the summary's first link; Enter on it: the field.
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute("href")), "#f-email");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute("name")), "email");
  await page.closeAll();
});

test("a phone-sized viewport: one column, no horizontal scrolling, readable text", async () => {
  const page = await formPage({ viewport: { width: 375, height: 740 } });
  await fill(page, { email: "jane@", phone_number: "12", "address.country": "usa", preferred_contact_method: "sms" });
  await page.click("#submit");
  await page.waitForSelector("#error-summary:not([hidden])");
  const m = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
    inputFont: parseFloat(getComputedStyle(document.querySelector("[name=email]")).fontSize),
    messageFont: parseFloat(getComputedStyle(document.querySelector("#msg-email p")).fontSize),
    columns: getComputedStyle(document.querySelector(".layout")).gridTemplateColumns.split(" ").length,
  }));
  assert.ok(m.scroll <= m.width, `page is ${m.scroll}px wide in a ${m.width}px viewport`);
  assert.ok(m.inputFont >= 16, `input font ${m.inputFont}px`);
  assert.ok(m.messageFont >= 14, `message font ${m.messageFont}px`);
  assert.equal(m.columns, 1);
  await page.screenshot({ path: artefactPath("form-phone.png") });
  await page.closeAll();
});

test("on a phone: every control is at least 16px, the preview is above the submit button, wire names stay out of the way", async () => {
  const page = await formPage({ viewport: { width: 375, height: 740 } });
  await page.check('input[name="mode"][value="update"]'); // the Clear boxes too
  const fonts = await page.$$eval("input:not([type=hidden]), select, textarea", (els) =>
    els.filter((e) => e.checkVisibility()).map((e) => [e.id || e.name, parseFloat(getComputedStyle(e).fontSize), e.type]),
  );
  assert.ok(fonts.length > 25, `${fonts.length} controls`);
  for (const [id, size, type] of fonts) if (type !== "checkbox" && type !== "radio") assert.ok(size >= 16, `#${id}: ${size}px`);
  // The preview: in a <details> just above the submit button, not at the end of the page.
  assert.ok(await page.locator(".preview-panel").isHidden());
  const details = page.locator("#preview-details");
  assert.ok(await details.isVisible());
  assert.equal(await page.evaluate(() => document.getElementById("preview-details").nextElementSibling.querySelector("#submit") !== null), true);
  await page.click("#preview-details summary");
  await page.fill("#f-id", "cust_1");
  await page.locator(field("firstname")).pressSequentially("Ann");
  await waitPreview(page, ["firstname"], "Ann");
  assert.ok(await page.locator("#preview-details #preview").isVisible());
  // Wire names: not shown on a phone (the human label is the label).
  assert.equal(await page.locator("label .wire:visible").count(), 0);
  // Wide again: the side panel has the preview.
  await page.setViewportSize({ width: 1280, height: 900 });
  assert.ok(await page.locator(".preview-panel #preview").isVisible());
  assert.ok(await page.locator("#preview-details").isHidden());
  assert.deepEqual(page.problems, []);
  await page.closeAll();
});

test("fields side by side stay aligned when a label wraps (wire name on its own line)", async () => {
  for (const [width, locale] of [[1280, "en-US"], [840, "en-US"], [900, "de-DE"], [600, "de-DE"]]) {
    const page = await formPage({ viewport: { width, height: 900 }, locale });
    await page.check('input[name="mode"][value="update"]');
    const rows = await page.$$eval("#customer-form .row", (rows) =>
      rows.map((row) =>
        [...row.children].map((f) => {
          const control = f.querySelector("input:not([type=checkbox]), select");
          return [control.id, Math.round(control.getBoundingClientRect().top)];
        }),
      ),
    );
    for (const row of rows) {
      const tops = new Set(row.map(([, top]) => top));
      assert.equal(tops.size, 1, `${width}px ${locale}: ${JSON.stringify(row)}`);
    }
    const wire = await page.$eval('label[for="f-preferred_contact_method"] .wire', (w) => getComputedStyle(w).display);
    assert.equal(wire, "block", "the wire name has a line of its own");
    await page.closeAll();
  }
});

// ---- what the form shows, and when ------------------------------------------

/** The message areas that show something: { area: ["error" | "warning", …] }. */
const shownMessages = (page) =>
  page.$$eval("#customer-form .msg", (boxes) =>
    Object.fromEntries(boxes.filter((b) => b.children.length).map((b) => [b.id.slice(4), [...b.children].map((p) => p.className)])),
  );

test("before a submit only touched fields show messages, and the status line counts only those", async () => {
  const page = await formPage();
  // Blank: nothing to check, not "valid" (the warning a blank record gets is shown nowhere, so not counted).
  assert.ok(CreateCustomerSchema.safeParse({}).warnings.length > 0, "a blank record has a warning");
  assert.equal(await text(page, "#preview-status"), en["preview.empty"]);
  assert.deepEqual(await shownMessages(page), {});
  // Only the country: the address lacks its other lines, but none of them was touched.
  await page.locator(field("address.country")).pressSequentially("United Kingdom");
  await page.locator(field("address.country")).blur();
  const hidden = CreateCustomerSchema.safeParse({ address: { country: "United Kingdom" } });
  assert.ok(hidden.error.issues.length >= 3, "the record has issues the form does not show yet");
  assert.deepEqual(await shownMessages(page), {});
  assert.equal(await page.getAttribute("#preview-status", "class"), "preview-status so-far");
  assert.doesNotMatch(await text(page, "#preview-status"), /\d/, "no count of issues the user cannot see");
  // A touched field with an error: shown, and counted.
  await page.fill(field("email"), "jane@");
  await page.locator(field("email")).blur();
  assert.deepEqual(Object.keys(await shownMessages(page)), ["email"]);
  assert.equal(await page.getAttribute("#preview-status", "class"), "preview-status invalid");
  assert.match(await text(page, "#preview-status"), /^1 /);
  // A submit shows everything, and the status counts everything.
  await page.click("#submit");
  await page.waitForSelector("#error-summary:not([hidden])");
  const all = CreateCustomerSchema.safeParse({ email: "jane@", address: { country: "United Kingdom" } }, { defaultRegion: "US" });
  const areas = Object.keys(await shownMessages(page));
  for (const issue of all.error.issues) {
    const area = issue.path[0] === "address" && issue.path.length > 1 ? `address.${issue.path[1]}` : String(issue.path[0]);
    assert.ok(areas.includes(area), `${area} in ${areas}`);
  }
  assert.match(await text(page, "#preview-status"), new RegExp(`^${all.error.issues.length} `));
  await page.closeAll();
});

test("switching to Update shows no issue before anything is typed", async () => {
  const page = await formPage();
  await page.check('input[name="mode"][value="update"]');
  await page.waitForFunction(() => document.getElementById("form-title").textContent !== "New customer");
  assert.ok(!UpdateCustomerSchema.safeParse({}).success, "a blank update is invalid (id)");
  assert.deepEqual(await shownMessages(page), {});
  assert.equal(await page.locator("#customer-form [aria-invalid=true]").count(), 0);
  assert.ok(await page.locator("#error-summary").isHidden());
  assert.equal(await page.getAttribute("#preview-status", "class"), "preview-status empty");
  // Once the id is touched (left blank), its message shows.
  await page.focus("#f-id");
  await page.locator("#f-id").blur();
  assert.deepEqual(Object.keys(await shownMessages(page)), ["id"]);
  assert.deepEqual(page.problems, []);
  await page.closeAll();
});

test("Update: each nullable field has a Clear box that sends null; Create has none", async () => {
  const page = await formPage();
  // Which fields an update can set to null: the package's answer.
  const names = await page.$$eval("#customer-form [name]", (els) => [...new Set(els.filter((e) => e.form?.getAttribute("id") === "customer-form").map((e) => e.name))]);
  const nullable = names.filter((name) => name !== "id" && !name.includes(".") && UpdateCustomerSchema.safeParse({ id: "x", [name]: null }).success);
  assert.ok(nullable.includes("lastname") && nullable.includes("phone_number") && !nullable.includes("company"), nullable.join(" "));
  assert.equal(await page.locator(".clear-field input:visible").count(), 0, "no Clear box in Create mode");
  await page.check('input[name="mode"][value="update"]');
  const boxes = await page.$$eval(".clear-field input", (els) => els.filter((e) => e.checkVisibility()).map((e) => e.id.slice("clear-".length)));
  assert.deepEqual(boxes.sort(), nullable.sort());
  // Labelled, and described by the field's label.
  assert.equal(await page.locator("#clear-lastname").getAttribute("aria-describedby"), await page.$eval('label[for="f-lastname"]', (l) => l.id));
  assert.ok((await page.$eval("#clear-lastname", (b) => b.labels[0].textContent)).length > 0);
  await page.fill("#f-id", "cust_1");
  await page.fill(field("lastname"), "Doe");
  await page.check("#clear-lastname");
  assert.ok(await page.locator(field("lastname")).isDisabled(), "a cleared field's input is disabled");
  await waitPreview(page, ["lastname"], null);
  await page.click("#submit");
  await page.waitForSelector("#result-json");
  const shown = JSON.parse(await text(page, "#result-json"));
  assert.deepEqual(shown, UpdateCustomerSchema.safeParse({ id: "cust_1", lastname: null }).data);
  assert.equal(shown.lastname, null);
  // Unchecked: the input is back, with its text.
  await page.uncheck("#clear-lastname");
  await waitPreview(page, ["lastname"], "Doe");
  // Back to Create: no box, nothing cleared.
  await page.check("#clear-lastname");
  await page.check('input[name="mode"][value="create"]');
  assert.ok(await page.locator(field("lastname")).isEnabled());
  assert.equal(await page.locator(".clear-field input:visible").count(), 0);
  await waitPreview(page, ["lastname"], "Doe");
  assert.deepEqual(page.problems, []);
  await page.closeAll();
});

test("text typed while the package loads is checked once it is ready (only what was typed)", async () => {
  const page = await openPage(h.browser, null);
  let release;
  const gate = new Promise((resolve) => (release = resolve));
  await page.route("**/customer_schema_bg.wasm", async (route) => {
    await gate;
    await route.continue();
  });
  await page.goto(h.url);
  await page.waitForSelector("#f-email");
  assert.equal(await page.evaluate(() => document.documentElement.dataset.state), "loading");
  assert.ok(await page.locator(field("email")).isEnabled(), "the inputs can be used during load");
  await page.locator(field("email")).pressSequentially("nope");
  await page.locator(field("firstname")).focus();
  release();
  await page.waitForSelector("html[data-state=ready]", { timeout: 20_000 });
  await page.waitForSelector("#msg-email .error");
  assert.equal(await page.locator(field("email")).getAttribute("aria-invalid"), "true");
  assert.deepEqual(Object.keys(await shownMessages(page)), ["email"]);
  assert.match(await text(page, "#preview-status"), /^1 /);
  await page.closeAll();
});

test("tags: a blank tag or one already there (after trimming) never becomes a chip", async () => {
  const page = await formPage();
  const chipTexts = () => page.$$eval("#tag-list .chip-text", (c) => c.map((x) => x.textContent.trim()));
  await fill(page, { tags: ["   ", "vip", " vip "] });
  assert.deepEqual(await chipTexts(), ["vip"]);
  assert.equal(await page.inputValue("#f-tags"), "");
  assert.match(await text(page, "#tags-note"), /vip/, "the user is told why nothing was added");
  await fill(page, { tags: ["vip", "VIP"] });
  assert.deepEqual(await chipTexts(), ["vip", "VIP"], "the package's rule is exact equality after trimming: VIP is another tag");
  assert.deepEqual(await shownMessages(page), {});
  await page.locator("#f-tags").pressSequentially("new");
  assert.equal(await text(page, "#tags-note"), "");
  await page.closeAll();
});

test("the phone's default region is the browser's (navigator.languages), shown in the region select", async () => {
  for (const [locale, number, country] of [
    ["en-US", "(415) 555-2671", "United States"],
    ["en-GB", "020 7946 0958", "United Kingdom"],
  ]) {
    const page = await formPage({ locale });
    assert.ok(!CreateCustomerSchema.safeParse({ phone_number: number }).success, "the number is national: it needs a region");
    assert.ok((await page.$eval("#default-region", (s) => s.options[0].textContent)).includes(country), locale);
    assert.equal(await page.inputValue("#default-region"), "", "not a choice: the default");
    await page.locator(field("phone_number")).pressSequentially(number);
    await page.locator(field("phone_number")).blur();
    assert.deepEqual(await shownMessages(page), {}, locale);
    await waitPreview(page, ["phone_number"], CreateCustomerSchema.safeParse({ phone_number: number }, { defaultRegion: locale.slice(3) }).data.phone_number);
    // An address country takes over, as the package reads it; the option says so.
    await page.fill(field("address.country"), "FR");
    assert.equal(await page.$eval("#default-region", (s) => s.options[0].textContent), en["region.addressCountry"]);
    assert.deepEqual(page.problems, []);
    await page.closeAll();
  }
  // A language without a region: its likely one (de → DE).
  const page = await formPage({ locale: "de" });
  assert.ok((await page.$eval("#default-region", (s) => s.options[0].textContent)).includes("Deutschland"));
  await page.closeAll();
});

// ---- languages ----------------------------------------------------------------

test("the page's text: every data-i18n key is in en.json with index.html's English, and every language's file has them all", () => {
  const html = readFileSync(join(root, "www", "index.html"), "utf8");
  const de = JSON.parse(readFileSync(join(root, "www", "i18n", "de.json"), "utf8"));
  const keys = [...html.matchAll(/data-i18n(?:-aria-label)?="([^"]+)"/g)].map((m) => m[1]);
  assert.ok(keys.length > 40, `${keys.length} keys`);
  for (const key of keys) assert.ok(key in en, key);
  for (const m of html.matchAll(/<(\w+)[^>]*\sdata-i18n="([^"]+)"[^>]*>([^<]*)</g)) {
    assert.equal(m[3].replace(/\s+/g, " ").trim(), en[m[2]], m[2]);
  }
  const options = [...html.matchAll(/<option value="(\w+)"[^>]*>[^<]*<\/option>/g)].map((m) => m[1]);
  const languages = options.slice(options.indexOf("en"), options.indexOf("ar") + 1);
  assert.deepEqual(languages, ["en", "de", "fr", "es", "it", "pt", "nl", "pl", "ja", "ar"]);
  for (const tag of languages.slice(1)) {
    const strings = tag === "de" ? de : JSON.parse(readFileSync(join(root, "www", "i18n", `${tag}.json`), "utf8"));
    assert.deepEqual(Object.keys(strings).sort(), Object.keys(en).sort(), tag);
    for (const [key, value] of Object.entries(en)) {
      const placeholders = (v) => JSON.stringify(v).match(/\{\w+\}/g)?.sort() ?? [];
      assert.deepEqual([...new Set(placeholders(strings[key]))], [...new Set(placeholders(value))], `${tag} ${key}`);
      assert.equal(typeof strings[key], typeof value, `${tag} ${key}`);
      // Plural forms: the categories the language's whole numbers select.
      if (typeof value === "object") {
        const wanted = new Set(["other"]);
        const rules = new Intl.PluralRules(tag);
        for (let n = 0; n < 1_000_100; n += n < 200 ? 1 : 99_999) wanted.add(rules.select(n));
        for (const category of wanted) assert.ok(category in strings[key], `${tag} ${key} has no ${category} form`);
      }
    }
  }
  // The layout works right to left: logical properties only.
  const css = readFileSync(join(root, "www", "style.css"), "utf8");
  assert.doesNotMatch(css, /(margin|padding|border)-(left|right)\b|\b(left|right)\s*:/);
});

test("the language switch: German applied, lang/dir set, remembered; Arabic right to left; a language whose file fails falls back to English", async () => {
  const page = await formPage({ locale: "en-US" });
  const de = JSON.parse(readFileSync(join(root, "www", "i18n", "de.json"), "utf8"));
  const labels = await page.$$eval("#language option", (os) => os.map((o) => `${o.value} ${o.textContent}`));
  assert.deepEqual(labels, ["en English", "de Deutsch", "fr Français", "es Español", "it Italiano", "pt Português", "nl Nederlands", "pl Polski", "ja 日本語", "ar العربية"]);
  await page.selectOption("#language", "de");
  await page.waitForFunction(() => document.documentElement.lang === "de");
  assert.equal(await page.getAttribute("html", "dir"), "ltr");
  assert.equal(await text(page, '[data-i18n="field.email"]'), de["field.email"]);
  assert.equal(await text(page, "#submit"), de["button.submit"]);
  assert.equal(await text(page, "#preview-status"), de["preview.empty"]);
  assert.equal(await page.title(), de["page.title"]);
  // Messages the page makes follow: the badge, the summary's title and labels.
  await page.fill(field("email"), "jane@");
  await page.click("#submit");
  await page.waitForSelector("#error-summary:not([hidden])");
  assert.equal(await text(page, "#error-summary-title"), de["summary.title"]);
  assert.equal(await text(page, "#msg-email .badge"), de["badge.error"]);
  assert.match(await text(page, "#error-summary-list a"), new RegExp(`^${de["field.email"]}: `));
  await page.screenshot({ path: artefactPath("form-german.png") });
  // Remembered: a new visit is German too.
  await page.reload();
  await page.waitForSelector("html[data-state=ready]");
  assert.equal(await page.getAttribute("html", "lang"), "de");
  assert.equal(await page.inputValue("#language"), "de");
  // Arabic: its text, and the layout flips right to left.
  const ar = JSON.parse(readFileSync(join(root, "www", "i18n", "ar.json"), "utf8"));
  await page.selectOption("#language", "ar");
  await page.waitForFunction(() => document.documentElement.lang === "ar");
  assert.equal(await page.getAttribute("html", "dir"), "rtl");
  assert.equal(await text(page, '[data-i18n="field.email"]'), ar["field.email"]);
  assert.equal(await text(page, "#submit"), ar["button.submit"]);
  const [form, preview] = await page.$$eval([".form-panel", ".preview-panel"].join(","), (els) => els.map((e) => e.getBoundingClientRect().x));
  assert.ok(preview < form, "right to left: the side panel is on the left");
  // Emails, phone numbers, time zones and JSON read left to right inside it.
  const directions = await page.$$eval("#f-email, #f-phone_number, #f-timezone, #f-custom_fields, #preview", (els) => els.map((e) => getComputedStyle(e).direction));
  assert.deepEqual(directions, ["ltr", "ltr", "ltr", "ltr", "ltr"]);
  await page.screenshot({ path: artefactPath("form-arabic.png") });
  // A language whose file cannot be had: English text, the language's lang.
  await page.route("**/i18n/fr.json", (route) => route.fulfill({ status: 404, body: "" }));
  await page.selectOption("#language", "fr");
  await page.waitForFunction(() => document.documentElement.lang === "fr");
  assert.equal(await page.getAttribute("html", "dir"), "ltr");
  assert.equal(await text(page, '[data-i18n="field.email"]'), en["field.email"]);
  assert.deepEqual(
    page.problems.filter((p) => !/\/i18n\/fr\.json|status of 404/.test(p)),
    [],
    "nothing goes wrong but the missing file's 404",
  );
  await page.closeAll();
});

test("the first language is the browser's when the page has it, else English", async () => {
  for (const [locale, lang] of [["de-AT", "de"], ["fr-CA", "fr"], ["sv-SE", "en"]]) {
    const page = await formPage({ locale });
    assert.equal(await page.getAttribute("html", "lang"), lang, locale);
    assert.equal(await page.inputValue("#language"), lang, locale);
    await page.closeAll();
  }
});

test("the package's messages follow the page's language: a German and an Arabic run give Node's words for that locale", async () => {
  const input = { email: "jane@", postalCode: "1", country: "DE" };
  for (const [lang, dir] of [
    ["de", "ltr"],
    ["ar", "rtl"],
  ]) {
    const page = await formPage({ locale: "en-US" });
    await page.selectOption("#language", lang);
    await page.waitForFunction((l) => document.documentElement.lang === l, lang);
    assert.equal(await page.getAttribute("html", "dir"), dir);
    await page.fill(field("email"), input.email);
    await page.fill(field("address.postalCode"), input.postalCode);
    await page.fill(field("address.country"), input.country);
    await page.click("#submit");
    await page.waitForSelector("#error-summary:not([hidden])");
    const record = { email: input.email, address: { postalCode: input.postalCode, country: input.country } };
    const expected = pkg.CreateCustomerSchema.safeParse(record, { locale: lang, defaultRegion: "US" });
    assert.equal(expected.success, false);
    const english = pkg.CreateCustomerSchema.safeParse(record, { defaultRegion: "US" });
    for (const name of ["email", "address.postalCode"]) {
      const path = name.split(".");
      const message = expected.success ? "" : expected.error.issues.find((i) => i.path.join(".") === name)?.message ?? "";
      const englishMessage = english.success ? "" : english.error.issues.find((i) => i.path.join(".") === name)?.message ?? "";
      assert.ok(message && message !== englishMessage, `${lang} ${name}: ${message}`);
      const shown = await page.$$eval(`[id="msg-${path.join(".")}"] p`, (ps) => ps.map((p) => p.textContent ?? ""));
      assert.ok(shown.some((s) => s.endsWith(message)), `${lang} ${name}: ${JSON.stringify(shown)} has ${message}`);
      const links = await page.$$eval("#error-summary-list a", (as) => as.map((a) => a.textContent ?? ""));
      assert.ok(links.some((l) => l.endsWith(message)), `${lang}: the summary has ${message}`);
    }
    // The suggestions name countries in the language (CLDR's names, from the package).
    const germany = await page.$eval('#countries option[value="DE"]', (o) => o.textContent ?? "");
    assert.ok(germany.startsWith(pkg.countries(lang).find((c) => c.alpha2 === "DE")?.name ?? "?"), germany);
    await page.screenshot({ path: artefactPath(`form-messages-${lang}.png`), fullPage: true });
    assert.deepEqual(page.problems.filter((p) => !/\/i18n\/\w+\.json|status of 404/.test(p)), []);
    await page.closeAll();
  }
});
