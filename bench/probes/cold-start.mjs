// Child process of bench/compare.mjs: one cold start, printed as JSON.
//   node bench/probes/cold-start.mjs ours|zod-lpn
// Times are from Node's time origin (performance.now() counts from process
// start), so each run needs a fresh process.
import { seedCustomer } from "../../tests/node/seed.mjs";

const impl = process.argv[2];
// Ten copies made before loading anything, so no call times its input's creation.
const records = Array.from({ length: 10 }, seedCustomer);

const loadStart = performance.now();
let schema;
if (impl === "ours") {
  ({ CustomerSchema: schema } = await import("customer-schema"));
} else if (impl === "zod-lpn") {
  // Building the schema is part of loading: a Zod user does it at import.
  const { zodCustomerSchemas } = await import("../peers/zod-customer.mjs");
  ({ CustomerSchema: schema } = zodCustomerSchemas({ phone: "lpn" }));
} else {
  throw new Error(`cold-start.mjs: unknown implementation ${impl}`);
}
const loaded = performance.now();

const calls = [];
let firstDone;
for (const record of records) {
  const t0 = performance.now();
  const result = schema.safeParse(record);
  const t1 = performance.now();
  if (!result.success) throw new Error(`cold-start.mjs: ${impl} rejected the seed record`);
  calls.push(t1 - t0);
  firstDone ??= t1;
}
console.log(
  JSON.stringify({
    startToFirstMs: firstDone,
    loadMs: loaded - loadStart,
    loadToFirstMs: firstDone - loaded,
    firstMs: calls[0],
    tenthMs: calls[9],
  }),
);
