// Best-of timings of the package in a quiet loop, beside the peers: what a
// call costs once V8 has optimised everything and no earlier workload's
// garbage is in the way (bench/compare.mjs gives the means of a long mixed
// run instead). A benchmark, not a test: build first (scripts/build.sh).
// Usage: node bench/boundary.mjs [rounds]
import { CustomerSchema, parsePhone } from "customer-schema";
import parsePhoneNumber from "libphonenumber-js/max";
import { zodCustomerSchemas } from "./peers/zod-customer.mjs";
import { phoneList } from "./data.mjs";
import { seedCustomer } from "../tests/node/seed.mjs";

const rounds = Number(process.argv[2] ?? 5);
const zodLpn = zodCustomerSchemas({ phone: "lpn" });

const withPhone = seedCustomer();
const { phone_number: _, ...withoutPhone } = withPhone;
// Distinct records for the batch, as a server gets them.
const many = Array.from({ length: 10_000 }, (_, i) => ({ ...withoutPhone, id: `cust_${i}`, tags: ["vip", `t${i % 7}`] }));
const phones = phoneList();

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
/** Runs `fn` for a second (V8 optimises WebAssembly in the background, as
 * it becomes hot), then times it. */
function warmTime(n, fn) {
  const until = performance.now() + 1000;
  while (performance.now() < until) for (let i = 0; i < 100; i++) fn(i % n);
  return time(n, fn);
}
const line = (what, ours, peer, peerName) =>
  console.log(`${what}: ours ${ours.toFixed(2)} µs, ${peerName} ${peer.toFixed(2)} µs (${(peer / ours).toFixed(1)}× ours)`);

for (const [name, record] of [["without phone", withoutPhone], ["with phone", withPhone]]) {
  if (!CustomerSchema.safeParse(record).success || !zodLpn.CustomerSchema.safeParse(record).success) {
    throw new Error(`the ${name} record is invalid`);
  }
  const ours = warmTime(20_000, () => CustomerSchema.safeParse(record));
  const peer = warmTime(20_000, () => zodLpn.CustomerSchema.safeParse(record));
  line(`safeParse, seed ${name}`, ours, peer, "zod-lpn");
}

// As bench/compare.mjs: each number in its region, the whole text the number.
const oursPhone = (i) => parsePhone(phones[i].text, { defaultRegion: phones[i].region });
const lpnPhone = (i) => {
  const number = parsePhoneNumber(phones[i].text, { defaultCountry: phones[i].region, extract: false });
  return number && !number.ext && number.isValid() ? number.getType() : null;
};
const perNumber = (fn) => warmTime(phones.length, fn);
line(`parsePhone, ${phones.length} numbers`, perNumber(oursPhone), perNumber(lpnPhone), "libphonenumber-js max");

const batch = CustomerSchema.safeParseMany(many);
if (batch.summary.valid !== many.length) throw new Error("the batch has invalid records");
const perRecord = time(1, () => CustomerSchema.safeParseMany(many)) / many.length;
console.log(`safeParseMany, 10,000 records without phone: ${perRecord.toFixed(2)} µs/record`);
