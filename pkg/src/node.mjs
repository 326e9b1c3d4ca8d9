// Source of the Node entry. scripts/build.sh bundles it with the glue and the
// adapter into dist/node.cjs (CommonJS); node.mjs re-exports that file for
// `import`, so `require` and `import` share one WebAssembly instance.
// It is only ever run as that CommonJS bundle, hence `__dirname`.
import { readFileSync } from "node:fs";
import { join } from "node:path";
// The glue of the Node module (the speed build, with the Node-only exports).
import * as glue from "../dist/node-glue/customer_schema.js";
import allLocales from "../dist/locales/all.mjs";
import { createApi } from "./adapter.mjs";
// Node-only: streaming NDJSON validation and the Express middleware (not in the browser entry).
export { ndjsonChunks, validateNdjson, validateNdjsonChunks, InputError } from "./stream.mjs";
export { decodeUtf8 } from "./decode.mjs";
export { validateBody } from "./http.mjs";
export { fastifyCustomerSchema, customerSchemaValidatorCompiler } from "./fastify.mjs";

// Synchronous load: `require` cannot await, and Node has the bytes on disk.
// The module built for speed (scripts/build.sh): the browser entries load the
// one built for size.
glue.initSync({ module: new WebAssembly.Module(readFileSync(join(__dirname, "customer_schema_node_bg.wasm"))) });

// Every catalogue is bundled in (a server answers in any language at once):
// each is handed over now, and read by the module the first time a call asks
// for its language.
const api = createApi(glue, allLocales);

export const { CustomerSchema, CreateCustomerSchema, UpdateCustomerSchema, CustomerSchemaError, timeZones, tzdataVersion, phoneMetadataVersion, languages, countries, loadLocale, enumValues, postalCodeFormat, subdivisions, parsePhone, formatPhone, phoneAsYouType, mergeSummary, checkNdjsonBytes, fromFormData, validateField, formSchema, flattenError, treeifyError } = api;
