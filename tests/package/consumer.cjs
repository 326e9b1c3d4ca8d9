const { CustomerSchema, CreateCustomerSchema } = require("customer-schema");
const record = require("./seed.json");
const r = CustomerSchema.safeParse(record);
console.log(JSON.stringify({ via: "require", success: r.success, create: CreateCustomerSchema.safeParse({ email: "jane.doe@example.com" }).success }));
if (!r.success) process.exit(1);
