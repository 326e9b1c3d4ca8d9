// The test build's entry (scripts/build.sh --test-hooks copies it to
// target/pkg-test/index.mjs, beside that build's glue and a copy of
// pkg/src/adapter.mjs). Never shipped.
//
// The same API as the package's entries, from the same adapter, over the
// module built with the test-only export __trapForTest (the boundary
// crate's test-hooks feature), plus `__testing`:
//   trap()      traps the module inside a safeParse call (the same recovery
//               path every call takes), returning that call's result;
//   restarts()  how many times the adapter has restarted the module.
// Both are seen from outside the adapter, by wrapping the glue functions it
// calls: the shipped adapter has no test hooks.
// Loads in Node (the .wasm read from disk) and in a browser page (fetched).
import init, * as glue from "./customer_schema.js";
import { createApi } from "./adapter.mjs";
import locales from "./locales/index.mjs";

if (typeof glue.__trapForTest !== "function") {
  throw new Error("this build has no __trapForTest: build it with scripts/build.sh --test-hooks");
}

if (typeof process === "object" && typeof process.versions?.node === "string") {
  const { readFileSync } = await import("node:fs");
  glue.initSync({ module: new WebAssembly.Module(readFileSync(new URL("./customer_schema_bg.wasm", import.meta.url))) });
} else {
  await init();
}

let restarts = 0;
let trapNext = false;
const hooked = {
  ...glue,
  // Counted as the adapter counts: a reset that did not throw.
  __wbg_reset_state() {
    glue.__wbg_reset_state();
    restarts += 1;
  },
  /** @param {string} schema @param {unknown} input @param {unknown} options */
  safeParse(schema, input, options) {
    if (trapNext) {
      trapNext = false;
      glue.__trapForTest();
    }
    return glue.safeParse(schema, input, options);
  },
};

const api = createApi(hooked, locales);

export const { CustomerSchema, CreateCustomerSchema, UpdateCustomerSchema, CustomerSchemaError, timeZones, tzdataVersion, phoneMetadataVersion, languages, countries, loadLocale, enumValues, postalCodeFormat, subdivisions, parsePhone, formatPhone, phoneAsYouType } = api;

export const __testing = Object.freeze({
  trap() {
    trapNext = true;
    try {
      return CustomerSchema.safeParse({});
    } finally {
      trapNext = false;
    }
  },
  restarts: () => restarts,
});
