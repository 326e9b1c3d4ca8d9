// A Node-only TypeScript consumer: type-checked by tests/package/run.mjs with
// lib ["es2022"] and no DOM (types [], skipLibCheck false), so every
// declaration the package ships must stand without the DOM and WebAssembly
// typings. Never run.
import {
  CustomerSchema,
  type Customer,
  type CreateCustomerInput,
  type UpdateCustomerInput,
  type AddressInput,
  type Issue,
} from "customer-schema";

const address: AddressInput = { street: "1 Main St", city: "Springfield", state: "IL", postalCode: "62701", country: "US" };
const created: CreateCustomerInput = { email: "jane.doe@example.com", address };
const update: UpdateCustomerInput = { id: "cust_abc123", tags: ["vip"] };

const result = CustomerSchema.safeParse(created);
if (result.success) {
  const customer: Customer = result.data;
  void customer.id;
} else {
  const issues: Issue[] = result.error.issues;
  void issues[0]?.message;
}
void update;
