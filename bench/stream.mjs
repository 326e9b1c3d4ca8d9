// The streaming API alone over a file: records/s and RSS as it goes
// (memory should stay flat whatever the file size). Used by bench/check-1m.sh.
import { createReadStream } from "node:fs";
import { CustomerSchema, validateNdjsonChunks, mergeSummary } from "customer-schema";

const file = process.argv[2];
const started = Date.now();
let summary;
let peak = 0;
let next = 100_000;
for await (const chunk of validateNdjsonChunks(createReadStream(file), CustomerSchema)) {
  summary = mergeSummary(summary, chunk.summary);
  peak = Math.max(peak, process.memoryUsage().rss);
  if (summary.total >= next) {
    console.log(`  ${summary.total.toLocaleString("en-US")} records, RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`);
    next += 100_000;
  }
}
const seconds = (Date.now() - started) / 1000;
console.log(`  ${summary.total.toLocaleString("en-US")} records (${summary.invalid.toLocaleString("en-US")} invalid) in ${seconds.toFixed(1)} s: ${(summary.total / seconds).toFixed(0)} records/s; peak RSS seen ${(peak / 2 ** 20).toFixed(0)} MB`);
