// Inputs with many paths against inputs of real size (issue 19): what a
// small graph of shared objects costs next to a real input at the value
// bound. Prints each case's time per run, three runs, and how many objects
// the graph had opened.
//   node bench/probes/many-paths.mjs
import { CreateCustomerSchema } from "customer-schema";

let opened = 0;
let graph = {};
for (let i = 0; i < 34; i++) {
  const next = graph;
  graph = new Proxy({ a: next, b: next }, { ownKeys: (target) => (opened++, Reflect.ownKeys(target)) });
}
const tree = {};
for (let i = 0; i < 33_000; i++) tree[`k${i}`] = { a: 1, b: 2 };
/** A Proxy that answers every read with a fresh Proxy: nothing to recognise. */
const fresh = () =>
  new Proxy({}, { ownKeys: () => ["a", "b"], getOwnPropertyDescriptor: () => ({ enumerable: true, configurable: true }), get: () => fresh() });
const cases = {
  "graph of 34 shared objects": () => ({ custom_fields: { graph } }),
  "real tree, 99,000 values": () => ({ custom_fields: tree }),
  "flat list, 99,990 numbers": () => ({ custom_fields: { list: Array.from({ length: 99_990 }, (_, i) => i) } }),
  "fresh Proxy on every read": () => ({ custom_fields: { p: fresh() } }),
};
for (let run = 1; run <= 3; run++) {
  for (const [name, make] of Object.entries(cases)) {
    const input = make();
    opened = 0;
    const start = performance.now();
    const result = CreateCustomerSchema.safeParse(input);
    const ms = performance.now() - start;
    const size = JSON.stringify(result).length;
    const extra = name.startsWith("graph") ? `, ${opened} objects opened` : "";
    console.log(`run ${run}  ${name.padEnd(28)} ${ms.toFixed(1).padStart(7)} ms  ${result.success ? "valid" : "invalid"}, result ${size} B${extra}`);
  }
}
