// The `locale` and `messages` options and loadLocale, through the Node entry
// (which has every catalogue). The words themselves are the catalogues' and
// are checked in Rust (src/problem.rs, src/messages/mod.rs); here: that every
// path of the package honours the options, and that only messages change.
import assert from "node:assert/strict";
import { test } from "node:test";
import { CreateCustomerSchema, UpdateCustomerSchema, countries, languages, loadLocale, parsePhone, validateField } from "customer-schema";
import { fixtureCases } from "./fixture-cases.mjs";

const schemas = { customer: null, create: CreateCustomerSchema, update: UpdateCustomerSchema };
const { CustomerSchema } = await import("customer-schema");
schemas.customer = CustomerSchema;

/** A result with its messages taken out. @param {any} result */
const withoutMessages = (result) =>
  JSON.parse(JSON.stringify(result, (key, value) => (key === "message" ? undefined : value)));
/** Every message of a result. @param {any} result */
const messagesOf = (result) => [...(result.success ? [] : result.error.issues), ...result.warnings].map((i) => i.message);

const LOCALES = ["de", "fr", "es", "it", "pt", "nl", "pl", "ja", "ar"];

test("a locale changes the messages only: codes, paths, detail and data are the same for every fixture", () => {
  let compared = 0;
  for (const c of fixtureCases) {
    const schema = schemas[/** @type {keyof typeof schemas} */ (c.schema)];
    const english = schema.safeParse(c.input, c.options);
    for (const locale of LOCALES) {
      const result = schema.safeParse(c.input, { ...c.options, locale });
      assert.deepEqual(withoutMessages(result), withoutMessages(english), `${c.name} in ${locale}`);
      const theirs = messagesOf(result);
      const ours = messagesOf(english);
      for (const [i, message] of theirs.entries()) {
        assert.ok(message.length > 0, `${c.name} in ${locale}`);
        // "phone-context" is the one message whose words are technical in every language.
        if (!ours[i].includes("phone-context")) assert.notEqual(message, ours[i], `${c.name} in ${locale}: English`);
        compared++;
      }
    }
  }
  assert.ok(compared > 500, `${compared} messages compared`);
});

test("a locale falls back along its tag: de-AT is German, sv-SE and en-GB are English", () => {
  const input = { firstname: "A", address: { street: "1 Main St", city: "X", state: "CA", postalCode: "94105", country: "US" } };
  const message = (/** @type {string} */ locale) => CreateCustomerSchema.safeParse(input, { locale }).error?.issues[0].message;
  assert.equal(message("de-AT"), message("de"));
  assert.equal(message("DE-at-1996"), message("de"));
  assert.equal(message("sv-SE"), CreateCustomerSchema.safeParse(input).error?.issues[0].message);
  assert.equal(message("en-GB"), "Enter at least 2 characters");
  assert.notEqual(message("pt-BR"), message("en"));
});

test("a malformed locale, or one that is not a string, is a TypeError naming locale", () => {
  for (const locale of ["en_US", "", "-", "de-", "toolongsubtag", 12, null, {}]) {
    assert.throws(
      () => CreateCustomerSchema.safeParse({}, { locale: /** @type {any} */ (locale) }),
      (error) => error instanceof TypeError && /locale/.test(error.message),
      String(locale),
    );
  }
  assert.throws(() => CreateCustomerSchema.withOptions({ locale: "en_US" }), TypeError);
  assert.rejects(() => loadLocale("en_US"), TypeError);
});

test("every entry point honours locale: withOptions, ~standard, safeParseJson, batches, NDJSON, validateField, parsePhone", async () => {
  const input = { firstname: "Ann", email: "nope", timezone: "Mars/Base" };
  const german = CreateCustomerSchema.safeParse(input, { locale: "de" }).error?.issues.map((i) => i.message);
  assert.ok(german && german.length === 2);
  const bound = CreateCustomerSchema.withOptions({ locale: "de" });
  assert.deepEqual(bound.safeParse(input).error?.issues.map((i) => i.message), german);
  // A call's own locale wins over the bound one.
  assert.notDeepEqual(bound.safeParse(input, { locale: "fr" }).error?.issues.map((i) => i.message), german);
  const standard = await bound["~standard"].validate(input);
  assert.deepEqual(standard.issues?.map((i) => i.message), german);
  const library = await CreateCustomerSchema["~standard"].validate(input, { libraryOptions: { locale: "de" } });
  assert.deepEqual(library.issues?.map((i) => i.message), german);
  assert.deepEqual(CreateCustomerSchema.safeParseJson(JSON.stringify(input), { locale: "de" }).error?.issues.map((i) => i.message), german);
  assert.deepEqual(CreateCustomerSchema.safeParseJson(new TextEncoder().encode(JSON.stringify(input)), { locale: "de" }).error?.issues.map((i) => i.message), german);
  const many = CreateCustomerSchema.safeParseMany([input, input], { locale: "de" });
  assert.deepEqual(many.results[1].error.issues.map((/** @type {any} */ i) => i.message), german);
  const manyText = CreateCustomerSchema.safeParseMany(JSON.stringify([input]), { locale: "de" });
  assert.deepEqual(manyText.results[0].error.issues.map((/** @type {any} */ i) => i.message), german);
  const lines = CreateCustomerSchema.safeParseNdjson(`${JSON.stringify(input)}\n{oops\n`, { locale: "de" });
  assert.deepEqual(lines.results[0].error.issues.map((/** @type {any} */ i) => i.message), german);
  const notJson = lines.results[1].error.issues[0].message;
  assert.notEqual(notJson, CreateCustomerSchema.safeParseNdjson("{oops\n").results[0].error.issues[0].message);
  const field = validateField(CreateCustomerSchema, "email", input, { locale: "de" });
  const germanEmail = CreateCustomerSchema.safeParse(input, { locale: "de" }).error?.issues.find((i) => i.path[0] === "email")?.message;
  assert.deepEqual(field.issues.map((i) => i.message), [germanEmail]);
  const phone = parsePhone("call 415-555-2671 now", { locale: "de" });
  const phoneEnglish = parsePhone("call 415-555-2671 now");
  assert.ok(!phone.success && !phoneEnglish.success);
  assert.notEqual(phone.error.issues[0].message, phoneEnglish.error.issues[0].message);
  // English again afterwards: the key cache of invalid numbers holds English only.
  assert.equal(parsePhone("call 415-555-2671 now").error?.issues[0].message, phoneEnglish.error.issues[0].message);
});

test("messages replaces a message by its id, for one call or bound, with its placeholders", () => {
  const input = { firstname: "Jane", lastname: "Doe", email: "j@example.com", address: { street: "Hauptstr. 1", city: "Berlin", state: "Berlin", postalCode: "1234", country: "DE" } };
  const messages = { "postal_code.invalid": "Bitte eine gültige PLZ angeben, z. B. {example}" };
  const issue = CreateCustomerSchema.safeParse(input, { locale: "de", messages }).error?.issues[0];
  assert.deepEqual(issue?.path, ["address", "postalCode"]);
  assert.equal(issue?.code, "invalid_format");
  assert.match(issue?.message ?? "", /^Bitte eine gültige PLZ angeben, z\. B\. \d{5}$/);
  const bound = CreateCustomerSchema.withOptions({ messages });
  assert.equal(bound.safeParse(input).error?.issues[0].message, issue?.message);
  assert.throws(() => CreateCustomerSchema.safeParse(input, { messages: { "postal_code.nope": "x" } }), (e) => e instanceof TypeError && /messages/.test(e.message) && /postal_code\.nope/.test(e.message));
  assert.throws(() => CreateCustomerSchema.safeParse(input, { messages: { "postal_code.invalid": "{zip}" } }), (e) => e instanceof TypeError && /\{zip\}/.test(e.message) && /\{example\}/.test(e.message));
  assert.throws(() => CreateCustomerSchema.safeParse(input, { messages: { "postal_code.invalid": /** @type {any} */ (5) } }), TypeError);
  assert.throws(() => CreateCustomerSchema.safeParse(input, { messages: /** @type {any} */ ("x") }), TypeError);
  assert.throws(() => CreateCustomerSchema.withOptions({ messages: { nope: "x" } }), TypeError);
});

test("countries and languages are named in the locale's language, from CLDR", () => {
  assert.equal(countries("de").find((c) => c.alpha2 === "DE")?.name, "Deutschland");
  assert.equal(countries("ja").find((c) => c.alpha2 === "JP")?.name, "日本");
  assert.equal(countries("ar-EG").find((c) => c.alpha2 === "EG")?.name, new Intl.DisplayNames(["ar"], { type: "region" }).of("EG"));
  assert.equal(languages("fr").find((l) => l.code === "de")?.name, "allemand");
  assert.equal(countries().find((c) => c.alpha2 === "DE")?.name, "Germany");
  assert.equal(countries("de").length, countries().length);
  assert.ok(Object.isFrozen(countries("de")) && countries("de") === countries("de"));
  assert.throws(() => countries("de_DE"), TypeError);
});

test("loadLocale resolves to the catalogue a tag falls back to", async () => {
  assert.equal(await loadLocale("de-AT"), "de");
  assert.equal(await loadLocale("en-US"), "en");
  assert.equal(await loadLocale("sv"), "en");
  assert.equal(await loadLocale("pt-BR"), "pt");
  await assert.rejects(() => loadLocale(/** @type {any} */ (42)), TypeError);
});

test("plural forms follow the language: Polish and Arabic have several", () => {
  const message = (/** @type {string} */ locale, /** @type {number} */ keys) => {
    const input = Object.fromEntries([["firstname", "Ann"], ...Array.from({ length: keys }, (_, i) => [`extra${i}`, 1])]);
    const issue = CreateCustomerSchema.safeParse(input, { locale, unknownKeys: "strict" }).error?.issues.find((i) => i.code === "unrecognized_keys");
    return issue?.message.replace(/extra\d+(, )?/g, "") ?? "";
  };
  const polish = new Set([1, 2, 5, 22, 25].map((n) => message("pl", n).replace(/\d+/g, "#")));
  assert.equal(polish.size, 3, [...polish].join(" | "));
  const arabic = new Set([1, 2, 3, 11, 100].map((n) => message("ar", n).replace(/\d+/g, "#")));
  assert.equal(arabic.size, 5, [...arabic].join(" | "));
});

test("after a trap the restarted module still has the languages it was given", async () => {
  const hooked = await import("../../target/pkg-test/index.mjs");
  assert.equal(await hooked.loadLocale("de"), "de");
  const input = { firstname: "A", email: "nope" };
  const german = hooked.CreateCustomerSchema.safeParse(input, { locale: "de" });
  const restartsBefore = hooked.__testing.restarts();
  hooked.__testing.trap();
  assert.deepEqual(hooked.CreateCustomerSchema.safeParse(input, { locale: "de" }), german);
  assert.ok(hooked.__testing.restarts() > restartsBefore, "the module was restarted");
  assert.deepEqual(hooked.countries("de").find((c) => c.alpha2 === "DE")?.name, "Deutschland");
});

test("a locale is well-formed exactly when Intl reads it (Intl.getCanonicalLocales as the oracle)", () => {
  const subtags = ["de", "AT", "Latn", "419", "1996", "valencia", "u", "ca", "gregory", "x", "foo", "a", "bbb", "abcd", "e", "123", "toolongtag", "_", ""];
  const tags = new Set(["en_US", "de AT", "ü", "i-klingon", "en-GB-oed", "root", "und", "qaa", "zh-min-nan", "sgn-BE-FR"]);
  // Every tag of one to four of these subtags.
  const grow = (/** @type {string[]} */ prefix) => {
    if (prefix.length) tags.add(prefix.join("-"));
    if (prefix.length < 4) for (const s of subtags) grow([...prefix, s]);
  };
  grow([]);
  let agreed = 0;
  for (const tag of tags) {
    let intl = true;
    try {
      Intl.getCanonicalLocales(tag);
    } catch {
      intl = false;
    }
    let ours = true;
    try {
      CreateCustomerSchema.safeParse({}, { locale: tag });
    } catch (error) {
      assert.ok(error instanceof TypeError && /locale/.test(error.message), tag);
      ours = false;
    }
    assert.equal(ours, intl, `${JSON.stringify(tag)}: Intl ${intl ? "reads" : "refuses"} it`);
    agreed++;
  }
  assert.ok(agreed > 100_000, `${agreed} tags`);
});
