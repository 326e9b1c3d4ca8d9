// Node's `import` entry: the CommonJS build is the one instance, shared with `require`.
import api from "./dist/node.cjs";

export const { CustomerSchema, CreateCustomerSchema, UpdateCustomerSchema, CustomerSchemaError, timeZones, tzdataVersion, phoneMetadataVersion, languages, countries, loadLocale, enumValues, postalCodeFormat, subdivisions, parsePhone, formatPhone, phoneAsYouType, fromFormData, validateField, formSchema, flattenError, treeifyError } = api;
// Node-only: streaming NDJSON validation and the Express middleware.
export const { ndjsonChunks, validateNdjson, validateNdjsonChunks, mergeSummary, checkNdjsonBytes, InputError, decodeUtf8, validateBody, fastifyCustomerSchema, customerSchemaValidatorCompiler } = api;
