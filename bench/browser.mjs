// One record in headless Chromium: the browser build (the package's
// "browser" entry, the size-optimised module, as a bundler ships it) against
// the Zod 4 + libphonenumber-js/max peer (bench/peers/zod-customer.mjs,
// "zod-lpn"), both bundled by esbuild into one page and timed there, in
// alternating rounds so that the machine's load falls on both alike.
//
//   node bench/browser.mjs [--rounds N] [--ms M]   (after scripts/build.sh)
//
// Prints each workload's ops/s per round and the ratio ours/peer: its
// median and its spread over the rounds. bench/compare.mjs runs it too.
import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { launchBrowser } from "../tests/browser/harness.mjs";
import { oneCreateRecord, oneRecord } from "./data.mjs";

const BENCH_DIR = fileURLToPath(new URL(".", import.meta.url));

// The page's script: both implementations, exposed to the timing loop.
const bundle = await build({
  stdin: {
    contents: `
      import { CustomerSchema, CreateCustomerSchema } from "customer-schema";
      import { zodCustomerSchemas } from "./peers/zod-customer.mjs";
      const zod = zodCustomerSchemas({ phone: "lpn" });
      globalThis.benchImpls = {
        ours: { customer: CustomerSchema, create: CreateCustomerSchema },
        "zod-lpn": { customer: zod.CustomerSchema, create: zod.CreateCustomerSchema },
      };`,
    resolveDir: BENCH_DIR,
    loader: "js",
  },
  bundle: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  minify: true,
  write: false,
  logLevel: "error",
});
const script = bundle.outputFiles[0].text;

/**
 * Runs the workloads in Chromium; returns, per workload, the rounds'
 * ops/s of each implementation.
 * @returns {Promise<{ version: string, rounds: number, sliceMs: number, results: Record<string, Record<string, number[]>> }>}
 */
export async function runInChromium({ rounds = 7, sliceMs = 300 } = {}) {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto("about:blank");
    await page.addScriptTag({ content: script, type: "module" });
    await page.waitForFunction(() => "benchImpls" in globalThis, null, { timeout: 60_000 });
    if (errors.length) throw new Error(errors.join("\n"));
    const inputs = { customer: oneRecord(), create: oneCreateRecord() };
    const results = await page.evaluate(
      ({ inputs, rounds, sliceMs }) => {
        const impls = /** @type {any} */ (globalThis).benchImpls;
        const out = {};
        for (const [workload, input] of Object.entries(inputs)) {
          // The same verdict first: a faster wrong answer is no answer.
          const verdicts = Object.entries(impls).map(([name, i]) => [name, i[workload].safeParse(input).success]);
          if (new Set(verdicts.map(([, v]) => v)).size !== 1) throw new Error(`${workload}: verdicts differ ${JSON.stringify(verdicts)}`);
          out[workload] = Object.fromEntries(Object.keys(impls).map((name) => [name, []]));
          // Warm up both (the JIT, the module's first calls).
          for (const i of Object.values(impls)) for (let n = 0; n < 2000; n++) i[workload].safeParse(input);
          for (let round = 0; round < rounds; round++) {
            const names = Object.keys(impls);
            if (round % 2) names.reverse();
            for (const name of names) {
              const schema = impls[name][workload];
              let calls = 0;
              let sink = 0;
              const start = performance.now();
              let now = start;
              while (now - start < sliceMs) {
                for (let n = 0; n < 100; n++) sink += schema.safeParse(input).success ? 1 : 0;
                calls += 100;
                now = performance.now();
              }
              if (sink < 0) throw new Error("unreachable");
              out[workload][name].push((calls * 1000) / (now - start));
            }
          }
        }
        return out;
      },
      { inputs, rounds, sliceMs },
    );
    return { version: browser.version(), rounds, sliceMs, results };
  } finally {
    await browser.close();
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Prints the rounds and the ratios ours/peer (median, min–max over rounds). */
export function printBrowserResults({ version, rounds, sliceMs, results }) {
  console.log(`Chromium ${version}; ${rounds} alternating rounds of ${sliceMs} ms each`);
  for (const [workload, byImpl] of Object.entries(results)) {
    const ours = byImpl.ours;
    for (const [name, rates] of Object.entries(byImpl)) {
      const line = `  ${workload.padEnd(8)} ${name.padEnd(8)} median ${(median(rates) / 1e3).toFixed(1)}k ops/s (rounds: ${rates.map((r) => (r / 1e3).toFixed(1)).join(", ")})`;
      if (name === "ours") {
        console.log(line);
        continue;
      }
      const ratios = ours.map((o, i) => o / rates[i]);
      console.log(`${line}; ours/${name}: median ${median(ratios).toFixed(2)}×, range ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}×`);
    }
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { rounds: { type: "string", default: "7" }, ms: { type: "string", default: "300" } } });
  const rounds = Number(values.rounds);
  const sliceMs = Number(values.ms);
  if (!(Number.isInteger(rounds) && rounds > 0 && sliceMs > 0)) {
    console.error("bench/browser: --rounds takes a whole number ≥ 1, --ms a positive number");
    process.exit(2);
  }
  printBrowserResults(await runInChromium({ rounds, sliceMs }));
}
