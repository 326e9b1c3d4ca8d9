// Browser and bundler entry (an ES module). `init()` fetches the .wasm that
// sits next to the glue (new URL(..., import.meta.url): Vite, webpack 5 and
// browsers resolve it without configuration) and compiles it asynchronously,
// so it works on a page whose CSP allows 'wasm-unsafe-eval' but not eval.
import init, * as glue from "./dist/customer_schema.js";
import { createApi } from "./src/adapter.mjs";

await init();

const TRAP_FOR_TEST = "__trapForTest";
const api = createApi({
  safeParse: glue.safeParse,
  reset: glue.__wbg_reset_state,
  // Test-only export (absent unless the crate defines it); looked up by a
  // computed key so bundlers don't warn when it is absent.
  trapForTest: glue[TRAP_FOR_TEST],
  timeZones: glue.timeZones,
  tzdataVersion: glue.tzdataVersion,
  languages: glue.languages,
  countries: glue.countries,
});

export const { CustomerSchema, CreateCustomerSchema, UpdateCustomerSchema, CustomerSchemaError, timeZones, tzdataVersion, languages, countries, __testing } = api;
