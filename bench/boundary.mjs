// Times CustomerSchema.safeParse through the package, per record: the cost of
// crossing the JS ↔ WebAssembly boundary plus the rules. A benchmark, not a
// test: build first (scripts/build.sh for the release numbers that matter).
// Usage: node bench/boundary.mjs [rounds]
import { CustomerSchema } from "customer-schema";
import { seedCustomer } from "../tests/node/seed.mjs";

const rounds = Number(process.argv[2] ?? 5);

const withPhone = seedCustomer();
const { phone_number: _, ...withoutPhone } = withPhone;
// Distinct records for the batch, as a server gets them.
const many = Array.from({ length: 10_000 }, (_, i) => ({ ...withoutPhone, id: `cust_${i}`, tags: ["vip", `t${i % 7}`] }));

/** Best of `rounds` runs of `n` calls of `fn`, in µs per call. */
function time(n, fn) {
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) fn(i);
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1000 / n);
  }
  return best;
}

for (const [name, record] of [["without phone", withoutPhone], ["with phone", withPhone]]) {
  if (!CustomerSchema.safeParse(record).success) throw new Error(`the ${name} record is invalid`);
  time(2_000, () => CustomerSchema.safeParse(record)); // warm-up
  console.log(`safeParse, seed ${name}: ${time(20_000, () => CustomerSchema.safeParse(record)).toFixed(2)} µs/record`);
}

const batch = CustomerSchema.safeParseMany(many);
if (batch.summary.valid !== many.length) throw new Error("the batch has invalid records");
const perRecord = time(1, () => CustomerSchema.safeParseMany(many)) / many.length;
console.log(`safeParseMany, 10,000 records without phone: ${perRecord.toFixed(2)} µs/record`);
