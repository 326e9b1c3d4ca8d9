// Browser entry for bundlers that do not copy the .wasm index.mjs names by
// new URL(…, import.meta.url): esbuild, which applies "browser" but neither
// "webpack" nor "development"/"production" (package.json "exports"). The .wasm
// comes inside the bundle as base64 (dist/customer_schema_bg.base64.mjs,
// written by scripts/build.sh) and is compiled asynchronously from those
// bytes, so 'wasm-unsafe-eval' without eval is still enough for a page's CSP.
import init, * as glue from "./dist/customer_schema.js";
import wasmBase64 from "./dist/customer_schema_bg.base64.mjs";
import locales from "./dist/locales/index.mjs";
import { createApi } from "./src/adapter.mjs";

await init({
  module_or_path: Uint8Array.fromBase64 ? Uint8Array.fromBase64(wasmBase64) : Uint8Array.from(atob(wasmBase64), (c) => c.charCodeAt(0)),
});

const api = createApi(glue, locales);

export const { CustomerSchema, CreateCustomerSchema, UpdateCustomerSchema, CustomerSchemaError, timeZones, tzdataVersion, phoneMetadataVersion, languages, countries, loadLocale, enumValues, postalCodeFormat, subdivisions, parsePhone, formatPhone, phoneAsYouType, fromFormData, validateField, formSchema, flattenError, treeifyError } = api;
