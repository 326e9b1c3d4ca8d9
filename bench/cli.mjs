// A file check, whole processes: `customer-schema check FILE` (--jobs 1 and
// --jobs 2) against the readline + JSON.parse + Zod 4 + libphonenumber-js
// loop of bench/peers/readline-check.mjs, on the same generated NDJSON
// (scripts/gen-customers.mjs, seed 7). Each command runs `--runs` times,
// alternating; printed: wall seconds, records/s, peak RSS (/usr/bin/time),
// and the ratios peer time / ours (median and range over the runs).
//
//   node bench/cli.mjs [--count N] [--runs R]   (after scripts/build.sh)
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const ROOT = join(fileURLToPath(new URL(".", import.meta.url)), "..");

/** @param {{ count?: number, runs?: number }} [options] */
export function runCli({ count = 100_000, runs = 2 } = {}) {
  const file = join(tmpdir(), `customer-schema-bench-${count}.ndjson`);
  if (!existsSync(file)) {
    const made = spawnSync(process.execPath, [join(ROOT, "scripts", "gen-customers.mjs"), "--count", String(count), "--seed", "7", "--out", file], { stdio: "inherit" });
    if (made.status !== 0) throw new Error("gen-customers failed");
  }
  const commands = {
    "check --jobs 1": [join(ROOT, "pkg", "cli", "main.mjs"), "check", file, "--jobs", "1"],
    "check --jobs 2": [join(ROOT, "pkg", "cli", "main.mjs"), "check", file, "--jobs", "2"],
    "readline + zod-lpn": [join(ROOT, "bench", "peers", "readline-check.mjs"), file],
  };
  const timed = existsSync("/usr/bin/time");
  /** @type {Record<string, { seconds: number, rssMB: number | null }[]>} */
  const samples = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
  for (let run = 0; run < runs; run++) {
    const names = Object.keys(commands);
    if (run % 2) names.reverse();
    for (const name of names) {
      const argv = timed ? ["-f", "%M", process.execPath, ...commands[name]] : commands[name];
      const start = process.hrtime.bigint();
      const child = spawnSync(timed ? "/usr/bin/time" : process.execPath, argv, { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 26 });
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      if (child.status !== 0 && child.status !== 1) throw new Error(`${name} failed (${child.status}):\n${child.stderr}`);
      const kb = timed ? Number(child.stderr.trim().split("\n").at(-1)) : NaN;
      samples[name].push({ seconds, rssMB: Number.isFinite(kb) ? kb / 1024 : null });
    }
  }
  return { file, count, samples };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** @param {ReturnType<typeof runCli>} result */
export function printCliResults({ count, samples }) {
  const peer = samples["readline + zod-lpn"];
  for (const [name, runs] of Object.entries(samples)) {
    const seconds = runs.map((r) => r.seconds);
    const rss = runs.map((r) => r.rssMB).filter((r) => r !== null);
    let line = `  ${name.padEnd(19)} ${seconds.map((s) => s.toFixed(2)).join(" / ")} s, ${Math.round(count / median(seconds)).toLocaleString("en")} records/s${rss.length ? `, peak RSS ${Math.max(...rss).toFixed(0)} MB` : ""}`;
    if (!name.startsWith("readline")) {
      const ratios = runs.map((r, i) => peer[i].seconds / r.seconds);
      line += `; vs readline + zod-lpn: median ${median(ratios).toFixed(2)}×, range ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}×`;
    }
    console.log(line);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { count: { type: "string", default: "100000" }, runs: { type: "string", default: "2" } } });
  const count = Number(values.count);
  const runs = Number(values.runs);
  if (!(Number.isInteger(count) && count > 0 && Number.isInteger(runs) && runs > 0)) {
    console.error("bench/cli: --count and --runs take whole numbers ≥ 1");
    process.exit(2);
  }
  console.log(`customer-schema check on ${count.toLocaleString("en")} NDJSON records, whole processes, ${runs} alternating runs`);
  printCliResults(runCli({ count, runs }));
}
