// Node's `import` entry: the CommonJS build is the one instance, shared with `require`.
import api from "./dist/node.cjs";

export const { CustomerSchema, CreateCustomerSchema, UpdateCustomerSchema, CustomerSchemaError, timeZones, tzdataVersion, languages, countries, enumValues, __testing } = api;
