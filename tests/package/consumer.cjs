const { CustomerSchema, CreateCustomerSchema } = require("customer-schema");
// @ts-expect-error -- tests/package/run.mjs writes seed.json next to this file in its temporary project
const record = require("./seed.json");
const r = CustomerSchema.safeParse(record);
console.log(JSON.stringify({ via: "require", success: r.success, create: CreateCustomerSchema.safeParse({ email: "jane.doe@example.com" }).success }));
if (!r.success) process.exit(1);
