// Prints the time from the node process's start (performance.timeOrigin) to
// the first completed safeParse through the package, then the steady-state
// time of one safeParse of the seed's example record.
// Usage: node bench/startup.mjs  (or: node bench/startup.mjs --cjs)
import { createRequire } from "node:module";
const cjs = process.argv.includes("--cjs");
const beforeImport = performance.now();
const pkg = cjs ? createRequire(import.meta.url)("customer-schema") : await import("customer-schema");
const imported = performance.now();
const record = {
  id: "cust_abc123", customerId: "ext_12345", phone_number: "+14155552671", firstname: "John", lastname: "Smith",
  email: "john.smith@example.com", preferred_language: "en", preferred_contact_method: "EMAIL",
  best_time_to_call: "AFTERNOON", tags: ["vip", "repeat-customer"], isValidatedNames: true,
  createdAt: 1709856000000, updatedAt: 1709856000000,
};
pkg.CustomerSchema.safeParse(record);
const firstMs = performance.now();
// The first call with a phone number needing a region also pays for metadata
// and regular-expression set-up: time one such call on its own.
const phoneStart = performance.now();
pkg.CreateCustomerSchema.safeParse({ phone_number: "020 7946 0958" }, { defaultRegion: "GB" });
const firstPhoneMs = performance.now() - phoneStart;
const n = 20000;
for (let i = 0; i < 2000; i++) pkg.CustomerSchema.safeParse(record);
const t0 = performance.now();
for (let i = 0; i < n; i++) pkg.CustomerSchema.safeParse(record);
const perCallUs = ((performance.now() - t0) / n) * 1000;
console.log(JSON.stringify({
  entry: cjs ? "require" : "import",
  importMs: +(imported - beforeImport).toFixed(1),
  firstSafeParseMs: +(firstMs - imported).toFixed(1),
  startToFirstSafeParseMs: +firstMs.toFixed(1),
  firstNationalPhoneMs: +firstPhoneMs.toFixed(1),
  steadySafeParseUs: +perCallUs.toFixed(2),
}));
