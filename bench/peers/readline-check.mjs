// The loop a team would write instead of `customer-schema check`: read an
// NDJSON file line by line, JSON.parse each line, validate it with the Zod 4
// + libphonenumber-js/max schema (bench/peers/zod-customer.mjs, "zod-lpn"),
// and count. Prints `{"total":…,"valid":…,"invalid":…}`.
//
//   node bench/peers/readline-check.mjs FILE
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { zodCustomerSchemas } from "./zod-customer.mjs";

const { CustomerSchema } = zodCustomerSchemas({ phone: "lpn" });
const counts = { total: 0, valid: 0, invalid: 0 };
const lines = createInterface({ input: createReadStream(process.argv[2] ?? ""), crlfDelay: Infinity });
for await (const line of lines) {
  if (line.trim() === "") continue;
  counts.total++;
  let record;
  try {
    record = JSON.parse(line);
  } catch {
    counts.invalid++;
    continue;
  }
  if (CustomerSchema.safeParse(record).success) counts.valid++;
  else counts.invalid++;
}
console.log(JSON.stringify(counts));
