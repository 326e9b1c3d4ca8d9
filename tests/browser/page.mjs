// Runs in the browser page served by smoke.test.mjs (smoke.html): loads the package's browser
// entry the way a page would and reports what happened in #result.
const out = { violations: [] };
document.addEventListener("securitypolicyviolation", (e) => out.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
const show = () => (document.getElementById("result").textContent = JSON.stringify(out));
try {
  // @ts-expect-error -- a URL scripts/serve.mjs serves (its /vendor/ mount), not a path tsc can resolve
  const pkg = await import("/vendor/customer-schema/index.mjs");
  const { CustomerSchema, CreateCustomerSchema } = pkg;
  const seed = (await (await fetch("/fixtures/examples.json")).json())[0].input;
  out.seed = CustomerSchema.safeParse(seed);
  out.create = CreateCustomerSchema.safeParse({ firstname: "Jane", lastname: "Doe", email: "jane.doe@example.com" });
  out.bad = CustomerSchema.safeParse(null);
  out.shippedHooks = "__testing" in pkg || "__trapForTest" in pkg;
  // The trap needs the test build (scripts/build.sh --test-hooks), served
  // under /test-build/: the same adapter over a module with __trapForTest.
  // @ts-expect-error -- a URL scripts/serve.mjs serves (the test build under /test-build/), not a path tsc can resolve
  const hooked = await import("/test-build/index.mjs");
  out.trap = hooked.__testing.trap();
  out.afterTrap = hooked.CustomerSchema.safeParse(seed);
  out.standardVendor = CustomerSchema["~standard"].vendor;
  // Every fixture's messages in each language, the catalogue loaded on
  // demand (the test compares them with Node's).
  const names = new URLSearchParams(location.search).get("fixtures")?.split(",") ?? [];
  const cases = (await Promise.all(names.map(async (name) => (await fetch(`/fixtures/${name}`)).json()))).flat();
  const schemas = { customer: CustomerSchema, create: CreateCustomerSchema, update: pkg.UpdateCustomerSchema };
  out.loaded = {};
  out.messages = {};
  for (const locale of ["en", "de", "fr", "es", "it", "pt", "nl", "pl", "ja", "ar"]) {
    out.loaded[locale] = await pkg.loadLocale(locale);
    out.messages[locale] = cases.flatMap((c) => {
      const result = schemas[/** @type {"customer" | "create" | "update"} */ (c.schema)].safeParse(c.input, { ...c.options, locale });
      return [...(result.success ? [] : result.error.issues), ...result.warnings].map((/** @type {{ message: string }} */ i) => i.message);
    });
  }
} catch (e) {
  out.error = String(e && e.stack || e);
}
show();
