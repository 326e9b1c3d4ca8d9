// Browser and bundler entry (an ES module). `init()` fetches the .wasm that
// sits next to the glue (new URL(..., import.meta.url): Vite, webpack 5 and
// browsers resolve it without configuration) and compiles it asynchronously,
// so it works on a page whose CSP allows 'wasm-unsafe-eval' but not eval.
// esbuild, which does not copy that .wasm, gets embedded.mjs instead
// (package.json "exports", the "browser" condition).
import init, * as glue from "./dist/customer_schema.js";
import locales from "./dist/locales/index.mjs";
import { createApi } from "./src/adapter.mjs";

await init();

const api = createApi(glue, locales);

export const { CustomerSchema, CreateCustomerSchema, UpdateCustomerSchema, CustomerSchemaError, timeZones, tzdataVersion, phoneMetadataVersion, languages, countries, loadLocale, enumValues, postalCodeFormat, subdivisions, parsePhone, formatPhone, phoneAsYouType, fromFormData, validateField, formSchema, flattenError, treeifyError } = api;
