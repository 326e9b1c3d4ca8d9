import { CustomerSchema, CreateCustomerSchema } from "customer-schema";
import { readFileSync } from "node:fs";
const record = JSON.parse(readFileSync(new URL("./seed.json", import.meta.url), "utf8"));
const r = CustomerSchema.safeParse(record);
console.log(JSON.stringify({ via: "import", success: r.success, create: CreateCustomerSchema.safeParse({ email: "jane.doe@example.com" }).success }));
if (!r.success) process.exit(1);
