// Validates sample records through the built npm package and prints each
// verdict: the normalised record (and any warnings), or every issue.
// Usage: node examples/validate.mjs [examples/customers.json]
// Each entry: { "label": string, "schema": "customer" | "create" | "update", "record": any }
import { readFileSync } from "node:fs";
import { CustomerSchema, CreateCustomerSchema, UpdateCustomerSchema } from "customer-schema";

const schemas = { customer: CustomerSchema, create: CreateCustomerSchema, update: UpdateCustomerSchema };
const file = process.argv[2] ?? new URL("./customers.json", import.meta.url);
const entries = JSON.parse(readFileSync(file, "utf8"));

const where = (path) => (path.length ? path.join(".") : "(record)");
const list = (issues) => issues.map((i) => `    - ${where(i.path)}: ${i.message} [${i.code}]`).join("\n");

let valid = 0;
for (const [n, { label, schema, record }] of entries.entries()) {
  const result = schemas[schema].safeParse(record);
  console.log(`\n#${n + 1} ${label} (${schema})`);
  if (result.success) {
    valid++;
    console.log(`  VALID: ${JSON.stringify(result.data)}`);
  } else {
    console.log(`  INVALID: ${result.error.issues.length} issue(s)\n${list(result.error.issues)}`);
  }
  if (result.warnings.length) console.log(`  warnings:\n${list(result.warnings)}`);
}
console.log(`\n${valid} of ${entries.length} records valid.`);
