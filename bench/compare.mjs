// customer-schema against its peers, side by side, in one run:
//
//   npm run bench              (node bench/compare.mjs)
//   npm run bench -- --quick   shorter sampling and 3 cold starts: a smoke run
//   npm run bench -- --cold-runs 31
//
// Implementations: ours (the built package, pkg/: run ./scripts/build.sh
// first), zod-regex and zod-lpn (bench/peers/zod-customer.mjs says what each
// checks). Workloads: (a) one record, (b) 1,000 mixed records one by one,
// (c) 10,000 records in one batch, (d) records as JSON text (ours:
// safeParseJson; the peers: JSON.parse first), (e) the 10,000 as one JSON
// array text and as NDJSON (ours: safeParseMany(text), safeParseNdjson; the
// peers: JSON.parse each), a phone number list, cold start in fresh
// processes, shipped size and WebAssembly memory, (f) the command on a file
// against a readline loop (bench/cli.mjs) and (g) one record in headless
// Chromium (bench/browser.mjs). Timings are mitata's means;
// ratios are peer time / our time. Before timing, the three are checked to
// agree on which records are valid, and ours and libphonenumber-js on E.164.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { constants as zlibConstants, brotliCompressSync, gzipSync } from "node:zlib";
import { build } from "esbuild";
import parsePhoneNumber from "libphonenumber-js/max";
import { measure, do_not_optimize } from "mitata";
import { batchRecords, mixedRecords, oneCreateRecord, oneRecord, phoneList, REGION_COUNT } from "./data.mjs";

const { values: args } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    "cold-runs": { type: "string" },
  },
});
// 15 by default: one call takes 50–150 µs, and a single process's first or
// tenth call moves by half on this kind of machine; the median of 7 ratios
// moved between 1.6 and 2.3 from one run to the next, of 15 by ±0.15.
const COLD_RUNS = Number(args["cold-runs"] ?? (args.quick ? 3 : 15));
if (!Number.isInteger(COLD_RUNS) || COLD_RUNS < 1) {
  console.error("bench: --cold-runs takes a whole number ≥ 1");
  process.exit(2);
}

const BENCH_DIR = fileURLToPath(new URL(".", import.meta.url));
const ROOT = join(BENCH_DIR, "..");
const DIST = join(ROOT, "pkg", "dist");
if (!existsSync(join(DIST, "customer_schema_bg.wasm"))) {
  console.error("bench: pkg/dist/ is missing; build the package first: ./scripts/build.sh");
  process.exit(1);
}

const ours = await import("customer-schema");
const { zodCustomerSchemas } = await import("./peers/zod-customer.mjs");
const zodRegex = zodCustomerSchemas({ phone: "regex" });
const zodLpn = zodCustomerSchemas({ phone: "lpn" });

// ---------------------------------------------------------------- printing

const version = (name) => JSON.parse(readFileSync(join(ROOT, "node_modules", name, "package.json"), "utf8")).version;
const fmtTime = (ns) =>
  ns < 1e3 ? `${ns.toFixed(0)} ns` : ns < 1e6 ? `${(ns / 1e3).toFixed(2)} µs` : ns < 1e9 ? `${(ns / 1e6).toFixed(2)} ms` : `${(ns / 1e9).toFixed(2)} s`;
// Sizes in kB (1,000 bytes, the unit of the size target), memory in MiB.
const fmtKB = (n) => `${(n / 1e3).toFixed(1)} kB`;
const fmtMiB = (n) => `${(n / 2 ** 20).toFixed(2)} MiB`;
// "3.2× faster" when the peer takes longer than ours, "1.5× slower" otherwise.
const fmtRatio = (peer, our) => (peer >= our ? `${(peer / our).toFixed(1)}× faster` : `${(our / peer).toFixed(1)}× slower`);
const median = (list) => {
  const sorted = [...list].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

function printTable(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join("  ");
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of rows) console.log(line(row));
}
const section = (title) => console.log(`\n== ${title} ==`);

// ---------------------------------------------------------------- the work

// libphonenumber-js on one number, as strict as ours: the whole text must be
// the number, no extension. parsePhoneNumberFromString (the default export)
// is the parser behind parsePhoneNumber() without its throw on bad input, so
// the peer pays no exception cost for invalid numbers.
function lpnPhone(text, region) {
  const number = parsePhoneNumber(text, { defaultCountry: region, extract: false });
  if (!number || number.ext || !number.isValid()) return null;
  return { e164: number.number, type: number.getType() };
}
function oursPhone(text, region) {
  const result = ours.parsePhone(text, { defaultRegion: region });
  return result.success ? result.data : null;
}

const one = oneRecord();
const oneCreate = oneCreateRecord();
const mixed = mixedRecords();
const batch = batchRecords();
const phones = phoneList();
// The same records as JSON text (a request body): ours parses it in the
// module (safeParseJson), the peers with JSON.parse first.
const oneText = JSON.stringify(one);
const mixedTexts = mixed.map((r) => JSON.stringify(r));
const batchText = JSON.stringify(batch);
const batchLines = batch.map((r) => JSON.stringify(r)).join("\n");

const IMPLS = {
  ours: ours.CustomerSchema,
  "zod-regex": zodRegex.CustomerSchema,
  "zod-lpn": zodLpn.CustomerSchema,
};

console.log("customer-schema: side-by-side benchmark");
console.log(
  `node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? "CPU"}; zod ${version("zod")}, libphonenumber-js ${version("libphonenumber-js")}, mitata ${version("mitata")}${args.quick ? "; --quick" : ""}`,
);
// Two cores shared with a compiler give numbers that move by 2× between runs: say so.
const [load1] = loadavg();
if (load1 >= 1) console.log(`warning: load average ${load1.toFixed(1)} before starting: other processes compete, timings are noisy`);
console.log(
  `data: (a) the seed customer; (a') a new GB customer; (b) ${mixed.length} records, (c) ${batch.length} records, from ${REGION_COUNT} regions; ${phones.length} phone numbers`,
);

// ---------------------------------------------------------------- agreement

// Reasons a peer may decide a record differently from ours, by the field
// whose issue makes the difference (see bench/peers/zod-customer.mjs), and
// the peers they apply to.
const DOCUMENTED = {
  phone_number: { peers: ["zod-regex"], reason: "a regex instead of the numbering plan" },
  timezone: { peers: ["zod-regex", "zod-lpn"], reason: "ICU's zone list (Asia/Calcutta but no Asia/Kolkata, no UTC, …)" },
  email: { peers: ["zod-regex", "zod-lpn"], reason: "Zod's email pattern" },
  "address.country": { peers: ["zod-regex", "zod-lpn"], reason: "fewer country names and aliases" },
  "address.state": { peers: ["zod-regex", "zod-lpn"], reason: "no per-country states (ours: Google's address data)" },
  "address.postalCode": { peers: ["zod-regex", "zod-lpn"], reason: "no per-country postal codes (ours: Google's address data)" },
};
const documented = (peer, field) => DOCUMENTED[field]?.peers.includes(peer) ?? false;

section("agreement before timing (records of (b); phone numbers)");
const verdicts = Object.fromEntries(Object.entries(IMPLS).map(([name, schema]) => [name, mixed.map((r) => schema.safeParse(r))]));
// "address.country", "tags": the named keys of an issue's path.
const fieldsOf = (result) => [...new Set(result.error.issues.map((i) => i.path.filter((k) => typeof k === "string").join(".") || "(record)"))];
const validCounts = Object.entries(verdicts).map(([name, results]) => `${name} ${results.filter((r) => r.success).length}`);
console.log(`valid of ${mixed.length}: ${validCounts.join(", ")}`);
for (const [field, { peers, reason }] of Object.entries(DOCUMENTED)) console.log(`documented: ${field}: ${reason} (${peers.join(", ")})`);
for (const peer of ["zod-regex", "zod-lpn"]) {
  const byField = new Map();
  const disagreements = [];
  mixed.forEach((record, i) => {
    const our = verdicts.ours[i];
    const their = verdicts[peer][i];
    if (our.success === their.success) return;
    // The fields of the side that refused the record make the difference.
    const fields = fieldsOf(our.success ? their : our);
    const key = fields.join("+");
    byField.set(key, (byField.get(key) ?? 0) + 1);
    disagreements.push({ i, record, fields, oursValid: our.success, known: fields.every((f) => documented(peer, f)) });
  });
  const undocumented = disagreements.filter((d) => !d.known);
  const breakdown = [...byField].map(([key, n]) => `${key} ${n}`).join(", ");
  console.log(
    `ours vs ${peer}: ${disagreements.length} disagreement(s), ${undocumented.length} undocumented` +
      (disagreements.length ? `; by field: ${breakdown}` : ""),
  );
  // A few examples, the undocumented ones first.
  for (const { i, record, fields, oursValid, known } of [...undocumented, ...disagreements.filter((d) => d.known)].slice(0, 3)) {
    const value = fields.map((f) => `${f}=${JSON.stringify(f.split(".").reduce((v, k) => v?.[k], record))}`).join(" ");
    const verdict = oursValid ? `ours valid, ${peer} invalid` : `ours invalid, ${peer} valid`;
    console.log(`  e.g. record ${i}: ${verdict}${known ? "" : " (undocumented)"}; ${value}`);
  }
}

// (a) and (a') are meant to time the valid path: ours and zod-lpn must accept
// both records. zod-regex may not (its regex refuses national spellings): say so.
const singles = [
  ["(a)", one, { ours: ours.CustomerSchema, "zod-regex": zodRegex.CustomerSchema, "zod-lpn": zodLpn.CustomerSchema }],
  ["(a')", oneCreate, { ours: ours.CreateCustomerSchema, "zod-regex": zodRegex.CreateCustomerSchema, "zod-lpn": zodLpn.CreateCustomerSchema }],
];
for (const [label, record, schemas] of singles) {
  for (const [name, schema] of Object.entries(schemas)) {
    const result = schema.safeParse(record);
    if (result.success) continue;
    if (name !== "zod-regex") throw new Error(`bench: ${name} rejects the record of ${label}`);
    const fields = fieldsOf(result).join(", ");
    console.log(`note: zod-regex rejects the record of ${label} (${fields}), so its time there is of a rejection`);
  }
}

const phoneDisagreements = [];
for (const { text, region } of phones) {
  const our = oursPhone(text, region);
  const their = lpnPhone(text, region);
  if (our?.e164 !== their?.e164) phoneDisagreements.push({ text, region, our: our?.e164 ?? "invalid", their: their?.e164 ?? "invalid" });
}
const phonesValid = phones.filter(({ text, region }) => oursPhone(text, region)).length;
console.log(`phone numbers: ${phonesValid} of ${phones.length} valid for ours; E.164 disagreements ours vs libphonenumber-js: ${phoneDisagreements.length}`);
for (const d of phoneDisagreements.slice(0, 5)) console.log(`  e.g. ${JSON.stringify(d.text)} in ${d.region}: ours ${d.our}, lpn ${d.their}`);

// ---------------------------------------------------------------- timing

// mitata samples until both a minimum count and a minimum CPU time are
// reached; the long workloads (a whole list per call) need fewer samples.
const SHORT = args.quick ? { min_cpu_time: 100e6 } : {};
const LONG = args.quick ? { min_cpu_time: 200e6, min_samples: 2, warmup_samples: 1 } : { min_cpu_time: 1e9, min_samples: 5 };

const workloads = [
  {
    key: "one",
    title: "(a) one record, CustomerSchema.safeParse",
    per: 1,
    options: SHORT,
    fns: Object.fromEntries(Object.entries(IMPLS).map(([name, s]) => [name, () => s.safeParse(one)])),
  },
  {
    key: "create",
    title: "(a') one new customer from a form (national phone, SMS), CreateCustomerSchema.safeParse",
    per: 1,
    options: SHORT,
    fns: {
      ours: () => ours.CreateCustomerSchema.safeParse(oneCreate),
      "zod-regex": () => zodRegex.CreateCustomerSchema.safeParse(oneCreate),
      "zod-lpn": () => zodLpn.CreateCustomerSchema.safeParse(oneCreate),
    },
  },
  {
    key: "mixed",
    title: `(b) ${mixed.length} mixed records, safeParse each`,
    per: mixed.length,
    options: LONG,
    fns: Object.fromEntries(
      Object.entries(IMPLS).map(([name, s]) => [
        name,
        () => {
          for (const r of mixed) do_not_optimize(s.safeParse(r));
        },
      ]),
    ),
  },
  {
    key: "batch",
    title: `(c) ${batch.length} records in one batch (ours: safeParseMany)`,
    per: batch.length,
    options: LONG,
    fns: {
      ours: () => ours.CustomerSchema.safeParseMany(batch),
      "zod-regex": () => batch.map((r) => zodRegex.CustomerSchema.safeParse(r)),
      "zod-lpn": () => batch.map((r) => zodLpn.CustomerSchema.safeParse(r)),
    },
  },
  {
    key: "json",
    title: "(d) one record as JSON text (ours: safeParseJson; peers: JSON.parse, then safeParse)",
    per: 1,
    options: SHORT,
    fns: {
      ours: () => ours.CustomerSchema.safeParseJson(oneText),
      "zod-regex": () => zodRegex.CustomerSchema.safeParse(JSON.parse(oneText)),
      "zod-lpn": () => zodLpn.CustomerSchema.safeParse(JSON.parse(oneText)),
    },
  },
  {
    key: "json-mixed",
    title: `(d') ${mixedTexts.length} mixed records as JSON texts, one by one`,
    per: mixedTexts.length,
    options: LONG,
    fns: {
      ours: () => {
        for (const t of mixedTexts) do_not_optimize(ours.CustomerSchema.safeParseJson(t));
      },
      "zod-regex": () => {
        for (const t of mixedTexts) do_not_optimize(zodRegex.CustomerSchema.safeParse(JSON.parse(t)));
      },
      "zod-lpn": () => {
        for (const t of mixedTexts) do_not_optimize(zodLpn.CustomerSchema.safeParse(JSON.parse(t)));
      },
    },
  },
  {
    key: "array-text",
    title: `(e) ${batch.length} records as one JSON array text (ours: safeParseMany(text); peers: JSON.parse, then safeParse each)`,
    per: batch.length,
    options: LONG,
    fns: {
      ours: () => ours.CustomerSchema.safeParseMany(batchText),
      "zod-regex": () => JSON.parse(batchText).map((r) => zodRegex.CustomerSchema.safeParse(r)),
      "zod-lpn": () => JSON.parse(batchText).map((r) => zodLpn.CustomerSchema.safeParse(r)),
    },
  },
  {
    key: "ndjson",
    title: `(e') the same ${batch.length} as NDJSON (ours: safeParseNdjson; peers: split lines, JSON.parse and safeParse each)`,
    per: batch.length,
    options: LONG,
    fns: {
      ours: () => ours.CustomerSchema.safeParseNdjson(batchLines),
      "zod-regex": () => batchLines.split("\n").map((line) => zodRegex.CustomerSchema.safeParse(JSON.parse(line))),
      "zod-lpn": () => batchLines.split("\n").map((line) => zodLpn.CustomerSchema.safeParse(JSON.parse(line))),
    },
  },
  {
    key: "phone",
    title: `phone numbers alone (${phones.length}): ours parsePhone vs libphonenumber-js max`,
    per: phones.length,
    options: LONG,
    fns: {
      ours: () => {
        for (const { text, region } of phones) do_not_optimize(oursPhone(text, region));
      },
      "lpn max": () => {
        for (const { text, region } of phones) do_not_optimize(lpnPhone(text, region));
      },
    },
  },
];

const timings = {};
for (const w of workloads) {
  section(w.title);
  const stats = {};
  for (const [name, fn] of Object.entries(w.fns)) stats[name] = await measure(fn, w.options);
  timings[w.key] = stats;
  const our = stats.ours.avg;
  printTable(
    ["impl", "mean/call", "p50/call", "per item", "ours vs it"],
    Object.entries(stats).map(([name, s]) => [
      name,
      fmtTime(s.avg),
      fmtTime(s.p50),
      w.per > 1 ? fmtTime(s.avg / w.per) : "",
      name === "ours" ? "" : fmtRatio(s.avg, our),
    ]),
  );
}

// ---------------------------------------------------------------- cold start

section(`cold start (median of ${COLD_RUNS} fresh node processes, the seed record)`);
function coldStart(impl) {
  const runs = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    const child = spawnSync(process.execPath, [join(BENCH_DIR, "probes", "cold-start.mjs"), impl], { cwd: ROOT, encoding: "utf8" });
    if (child.status !== 0) throw new Error(`cold start of ${impl} failed:\n${child.stderr}`);
    runs.push(JSON.parse(child.stdout));
  }
  const pick = (key) => median(runs.map((r) => r[key]));
  return {
    startToFirstMs: pick("startToFirstMs"),
    loadMs: pick("loadMs"),
    loadToFirstMs: pick("loadToFirstMs"),
    firstOverTenth: median(runs.map((r) => r.firstMs / r.tenthMs)),
  };
}
const cold = { ours: coldStart("ours"), "zod-lpn": coldStart("zod-lpn") };
printTable(
  ["impl", "start→1st done", "import+setup", "load→1st done", "1st / 10th call"],
  Object.entries(cold).map(([name, c]) => [
    name,
    `${c.startToFirstMs.toFixed(1)} ms`,
    `${c.loadMs.toFixed(1)} ms`,
    `${c.loadToFirstMs.toFixed(2)} ms`,
    `${c.firstOverTenth.toFixed(1)}×`,
  ]),
);

// ---------------------------------------------------------------- shipped size

section("shipped size");
const sizes = (bytes) => ({
  raw: bytes.length,
  gzip: gzipSync(bytes, { level: 9 }).length,
  brotli: brotliCompressSync(bytes, {
    params: {
      [zlibConstants.BROTLI_PARAM_QUALITY]: zlibConstants.BROTLI_MAX_QUALITY,
      [zlibConstants.BROTLI_PARAM_LGWIN]: zlibConstants.BROTLI_MAX_WINDOW_BITS,
      [zlibConstants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  }).length,
});
const addSizes = (a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli });
const wasmSize = sizes(await readFile(join(DIST, "customer_schema_bg.wasm")));
// Each file as a server sends it (compressed one by one): the wasm-bindgen
// glue with its snippets (the JavaScript input reader), then the package's
// own JavaScript a page also loads (the browser entry and the adapter).
const filesSize = async (paths) =>
  (await Promise.all(paths.map(async (path) => sizes(await readFile(path))))).reduce(addSizes);
const snippetFiles = (await readdir(join(DIST, "snippets"), { recursive: true }))
  .filter((name) => name.endsWith(".js"))
  .map((name) => join(DIST, "snippets", name));
const glueSize = await filesSize([join(DIST, "customer_schema.js"), ...snippetFiles]);
const oursSize = addSizes(wasmSize, glueSize);
const pageSize = addSizes(oursSize, await filesSize([join(DIST, "../index.mjs"), join(DIST, "../src/adapter.mjs")]));
// The peer as an application would ship it: one minified ESM bundle of zod,
// libphonenumber-js/max and the zod-lpn schema.
const bundleDir = await mkdtemp(join(tmpdir(), "customer-schema-bench-"));
const bundleFile = join(bundleDir, "zod-lpn.min.mjs");
let peerSize;
try {
  await build({
    stdin: {
      contents: 'import { zodCustomerSchemas } from "./peers/zod-customer.mjs";\nexport const { CustomerSchema, CreateCustomerSchema } = zodCustomerSchemas({ phone: "lpn" });\n',
      resolveDir: BENCH_DIR,
    },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    outfile: bundleFile,
    logLevel: "warning",
  });
  peerSize = sizes(await readFile(bundleFile));
} finally {
  await rm(bundleDir, { recursive: true, force: true });
}
printTable(
  ["what", "raw", "gzip -9", "brotli 11"],
  [
    ["ours: customer_schema_bg.wasm", ...Object.values(wasmSize).map(fmtKB)],
    ["ours: customer_schema.js + snippets (glue)", ...Object.values(glueSize).map(fmtKB)],
    ["ours: wasm + glue", ...Object.values(oursSize).map(fmtKB)],
    ["ours: + index.mjs, adapter.mjs (all a page loads)", ...Object.values(pageSize).map(fmtKB)],
    ["zod + lpn/max + schema (esbuild --minify)", ...Object.values(peerSize).map(fmtKB)],
  ],
);

// ---------------------------------------------------------------- wasm memory

section("WebAssembly memory (fresh instance, one example number of every region)");
const probe = spawnSync(process.execPath, [join(BENCH_DIR, "probes", "wasm-memory.mjs")], { cwd: ROOT, encoding: "utf8" });
if (probe.status !== 0) throw new Error(`wasm memory probe failed:\n${probe.stderr}`);
const memory = JSON.parse(probe.stdout);
console.log(
  `${memory.regions} regions, ${memory.valid} numbers valid for ours` +
    (memory.regionsUnknownToOurs ? ` (${memory.regionsUnknownToOurs} regions not ISO 3166-1: checked in E.164)` : ""),
);
console.log(`memory.buffer.byteLength: ${fmtMiB(memory.before)} after instantiation, ${fmtMiB(memory.after)} after`);

// ---------------------------------------------------------------- the command on a file

const { runCli, printCliResults } = await import("./cli.mjs");
const cliCount = args.quick ? 20_000 : 100_000;
section(`(f) a file: customer-schema check on ${cliCount.toLocaleString("en")} NDJSON records vs a readline + JSON.parse + zod-lpn loop (whole processes, alternating)`);
printCliResults(runCli({ count: cliCount, runs: 2 }));

// ---------------------------------------------------------------- in the browser

section("(g) in headless Chromium: the browser build vs zod-lpn (both bundled by esbuild), alternating rounds");
if (existsSync("/usr/bin/chromium") || existsSync("/usr/bin/chromium-browser")) {
  const { runInChromium, printBrowserResults } = await import("./browser.mjs");
  printBrowserResults(await runInChromium(args.quick ? { rounds: 3, sliceMs: 200 } : {}));
} else {
  console.log("skipped: no Chromium (apt-get install chromium)");
}

// ---------------------------------------------------------------- summary

section("summary: ours vs peers (mean time; ratio = peer / ours)");
const ratioRows = workloads.flatMap((w) =>
  Object.entries(timings[w.key])
    .filter(([name]) => name !== "ours")
    .map(([name, s]) => [w.key, name, fmtTime(timings[w.key].ours.avg), fmtTime(s.avg), fmtRatio(s.avg, timings[w.key].ours.avg)]),
);
printTable(["workload", "peer", "ours time", "peer time", "ours is"], ratioRows);

const speedup = (key, peer) => timings[key][peer].avg / timings[key].ours.avg;
const LIMIT_GZIP = 150e3;
const LIMIT_MEMORY = 4 * 2 ** 20;
const targets = [
  ["phone: ≥ 10× faster than lpn max", speedup("phone", "lpn max") >= 10, `${speedup("phone", "lpn max").toFixed(1)}×`],
  ["one record: ≥ 2× faster than zod-lpn", speedup("one", "zod-lpn") >= 2, `${speedup("one", "zod-lpn").toFixed(1)}×`],
  ["10,000 batch: ≥ 3× faster than zod-lpn", speedup("batch", "zod-lpn") >= 3, `${speedup("batch", "zod-lpn").toFixed(1)}×`],
  ["wasm + glue: ≤ 150 kB gzip", oursSize.gzip <= LIMIT_GZIP, fmtKB(oursSize.gzip)],
  [
    `(end goal) wasm + glue < zod + lpn/max bundle (${fmtKB(peerSize.gzip)})`,
    oursSize.gzip < peerSize.gzip,
    fmtKB(oursSize.gzip),
  ],
  ["first safeParse: ≤ 5 ms after load", cold.ours.loadToFirstMs <= 5, `${cold.ours.loadToFirstMs.toFixed(2)} ms`],
  ["first safeParse: ≤ 2× the tenth", cold.ours.firstOverTenth <= 2, `${cold.ours.firstOverTenth.toFixed(1)}×`],
  ["wasm memory after every region: ≤ 4 MiB", memory.after <= LIMIT_MEMORY, fmtMiB(memory.after)],
];
section("targets");
printTable(
  ["target", "measured", ""],
  targets.map(([name, pass, measured]) => [name, measured, pass ? "PASS" : "MISS"]),
);
