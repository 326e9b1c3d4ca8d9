// Packaging test: pack pkg/ as npm would publish it, install the tarball into
// a fresh temporary project, and there (a) import it from .mjs, (b) require it
// from .cjs, (c) type-check a TypeScript consumer with tsc --strict under
// moduleResolution nodenext and bundler, (d) prove the @ts-expect-error lines
// are needed (tsc fails without them), (e) run the bin, (f) type-check a
// Node-only consumer without the DOM lib, (g) with each browser/bundler
// condition of "exports" as a custom condition; and that no file of the
// tarball names a test hook.
// Usage: node tests/package/run.mjs   (after scripts/build.sh)
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync, readFileSync, copyFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { gzipSync } from "node:zlib";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const tsc = join(root, "node_modules", ".bin", "tsc");
let passed = 0;
let failed = 0;

function run(cmd, args, cwd, { expectFail = false } = {}) {
  try {
    const out = execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    if (expectFail) throw Object.assign(new Error(`expected ${cmd} ${args.join(" ")} to fail`), { stdout: out });
    return out;
  } catch (e) {
    if (expectFail && e.status) return `${e.stdout ?? ""}${e.stderr ?? ""}`;
    throw e;
  }
}

function check(name, fn) {
  try {
    const out = fn();
    console.log(`ok - ${name}${out ? `\n${out.trim().replace(/^/gm, "    ")}` : ""}`);
    passed++;
  } catch (e) {
    console.log(`not ok - ${name}\n${String(e.stdout ?? "")}${String(e.stderr ?? "")}${e.message}`.replace(/\n/g, "\n    "));
    failed++;
  }
}

// Removes the @ts-expect-error markers of `file` and checks that tsc (with
// `config`) then fails on exactly the marked lines.
function markedLinesAreErrors(app, file, config) {
  const source = readFileSync(join(app, file), "utf8");
  const lines = source.split("\n");
  const marked = lines.flatMap((l, i) => (l.includes("// @ts-expect-error") ? [i + 2] : [])); // 1-based line after
  writeFileSync(join(app, file), source.replaceAll("// @ts-expect-error", "// (expected error)"));
  let out;
  try {
    out = run(tsc, ["-p", config], app, { expectFail: true });
  } finally {
    writeFileSync(join(app, file), source);
  }
  const at = new RegExp(`^${file.replace(".", "\\.")}\\((\\d+),\\d+\\): error TS\\d+`, "gm");
  const errorLines = [...new Set([...out.matchAll(at)].map((m) => Number(m[1])))];
  const foreign = out.split("\n").filter((l) => /error TS\d+/.test(l) && !l.startsWith(`${file}(`));
  if (foreign.length) throw new Error(`errors outside ${file}:\n${foreign.join("\n")}`);
  const missing = marked.filter((n) => !errorLines.includes(n));
  const extra = errorLines.filter((n) => !marked.includes(n));
  if (missing.length || extra.length) throw new Error(`marked lines without an error: ${missing}; errors on unmarked lines: ${extra}\n${out}`);
  return `${marked.length} marked lines, each an error`;
}

const work = mkdtempSync(join(tmpdir(), "customer-schema-pack-"));
try {
  // 1. npm pack
  const packed = JSON.parse(run("npm", ["pack", "--json", "--pack-destination", work], join(root, "pkg")));
  const tarball = join(work, packed[0].filename);
  const files = packed[0].files.map((f) => f.path).sort();
  console.log(`packed ${packed[0].filename}: ${packed[0].size} bytes, ${files.length} files: ${files.join(", ")}`);
  check("the tarball holds the wasm, the glue, the entries and the types, and not the glue's own types", () => {
    for (const f of ["package.json", "index.mjs", "embedded.mjs", "node.mjs", "index.d.ts", "index.d.mts", "src/adapter.mjs", "dist/customer_schema.js", "dist/package.json", "dist/types.d.ts", "dist/customer_schema_bg.wasm", "dist/customer_schema_node_bg.wasm", "dist/customer_schema_bg.base64.mjs", "dist/node.cjs", "hono.mjs", "hono.d.mts", "cli/main.mjs", "cli/worker.mjs"]) {
      if (!files.includes(f)) throw new Error(`missing ${f}`);
    }
    // The wasm-bindgen glue's declarations (its loader's types need the DOM lib) stay unpublished.
    for (const f of ["dist/customer_schema.d.ts", "dist/customer_schema_bg.wasm.d.ts"]) {
      if (files.includes(f)) throw new Error(`unexpected ${f}`);
    }
    return "";
  });

  // 2. a fresh project
  const app = join(work, "app");
  execFileSync("mkdir", ["-p", app]);
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "consumer", private: true, version: "0.0.0" }));
  run("npm", ["install", "--no-audit", "--no-fund", "--ignore-scripts", tarball], app);
  for (const f of ["consumer.mjs", "consumer.cjs", "consumer.ts"]) copyFileSync(join(here, f), join(app, f));
  writeFileSync(join(app, "seed.json"), JSON.stringify(JSON.parse(readFileSync(join(root, "tests", "fixtures", "examples.json"), "utf8"))[0].input));

  // Test hooks live in the test build only (scripts/build.sh --test-hooks):
  // no file of the tarball names them, the .wasm's exports and the .wasm
  // embedded as base64 included.
  check("no file in the tarball names a test hook (__trapForTest, __testing, test-hooks, hooked-entry)", () => {
    const installed = join(app, "node_modules", "customer-schema");
    const names = ["__trapForTest", "__testing", "trapForTest", "test-hooks", "hooked-entry"];
    const hits = [];
    for (const file of files) {
      const bytes = readFileSync(join(installed, file));
      const texts = [bytes.toString("latin1")];
      if (file.endsWith(".base64.mjs")) {
        const base64 = /"([A-Za-z0-9+/=]+)"/.exec(bytes.toString("utf8"));
        if (!base64) throw new Error(`no base64 text in ${file}`);
        texts.push(Buffer.from(base64[1], "base64").toString("latin1"));
      }
      for (const name of names) if (texts.some((t) => t.includes(name))) hits.push(`${file}: ${name}`);
    }
    if (hits.length) throw new Error(hits.join("\n"));
    return `${files.length} files checked`;
  });

  check("two builds of one crate: the browser's module for size, the Node entry's for speed (sizes stated)", () => {
    const installed = join(app, "node_modules", "customer-schema", "dist");
    const browser = readFileSync(join(installed, "customer_schema_bg.wasm"));
    const node = readFileSync(join(installed, "customer_schema_node_bg.wasm"));
    if (browser.equals(node)) throw new Error("the Node entry's module is the browser's (a --dev build packed?)");
    const nodeEntry = readFileSync(join(installed, "node.cjs"), "utf8");
    if (!nodeEntry.includes("customer_schema_node_bg.wasm")) throw new Error("node.cjs does not load the speed build");
    const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;
    return `browser (size) ${browser.length} B, ${gz(browser)} B gzip -9; Node (speed) ${node.length} B, ${gz(node)} B gzip -9; tarball ${packed[0].size} B, unpacked ${packed[0].unpackedSize} B`;
  });
  check("(a) import from an .mjs file validates the seed's example", () => run("node", ["consumer.mjs"], app));
  check("(b) require from a .cjs file validates the seed's example", () => run("node", ["consumer.cjs"], app));
  // Node warns about a module type only outside node_modules: loaded from
  // pkg/ itself, as from a linked (file:, workspace) install.
  check("(b') the glue (ES modules in .js files) loads from a linked package without a module-type warning", () => {
    const glue = join(root, "pkg", "dist", "customer_schema.js");
    const child = spawnSync("node", ["--input-type=module", "-e", `await import(${JSON.stringify(pathToFileURL(glue).href)});`], { cwd: app, encoding: "utf8" });
    if (child.status !== 0 || /Warning/.test(child.stderr)) throw new Error(`exit ${child.status}: ${child.stderr}`);
    return "";
  });

  check("(e) the bin: customer-schema check on the CSV sample (exit 1: some records are invalid)", () => {
    copyFileSync(join(root, "examples", "customers-sample.csv"), join(app, "sample.csv"));
    const out = run(join(app, "node_modules", ".bin", "customer-schema"), ["check", "sample.csv", "--jobs", "2"], app, { expectFail: true });
    if (!/records\s+300/.test(out)) throw new Error(out);
    return out.split("\n").slice(2, 6).join("\n");
  });

  // The app has no "type": under nodenext consumer.ts is CommonJS (the
  // "require" types) and consumer.mts is an ES module (the "import" types).
  copyFileSync(join(here, "consumer.ts"), join(app, "consumer.mts"));
  const variants = [
    ["nodenext", "nodenext", "consumer.ts", "CommonJS"],
    ["nodenext", "nodenext", "consumer.mts", "ES module"],
    ["bundler", "esnext", "consumer.ts", "ES module"],
  ];
  for (const [moduleResolution, module, file, kind] of variants) {
    check(`(c) tsc --strict --noEmit, moduleResolution ${moduleResolution}, ${file} (${kind})`, () => {
      const config = `tsconfig.${moduleResolution}.${file}.json`;
      writeFileSync(join(app, config), JSON.stringify({
        compilerOptions: { strict: true, noEmit: true, target: "es2022", module, moduleResolution, skipLibCheck: false, types: [] },
        files: [file],
      }));
      return run(tsc, ["-p", config], app);
    });
  }
  check("(d) the types bite: without @ts-expect-error, tsc reports an error on exactly each marked line", () =>
    markedLinesAreErrors(app, "consumer.ts", "tsconfig.nodenext.consumer.ts.json"),
  );
  // Node-only projects: no DOM lib. The declarations must not reach the
  // wasm-bindgen glue's loader types (RequestInfo, Response, WebAssembly.*).
  copyFileSync(join(here, "consumer-nodom.mts"), join(app, "consumer-nodom.mts"));
  for (const [moduleResolution, module] of [["nodenext", "nodenext"], ["bundler", "esnext"]]) {
    check(`(f) tsc without the DOM (lib ["es2022"], types [], skipLibCheck false), moduleResolution ${moduleResolution}, consumer-nodom.mts`, () => {
      const config = `tsconfig.nodom.${moduleResolution}.json`;
      writeFileSync(join(app, config), JSON.stringify({
        compilerOptions: { strict: true, noEmit: true, target: "es2022", lib: ["es2022"], module, moduleResolution, skipLibCheck: false, types: [] },
        files: ["consumer-nodom.mts"],
      }));
      return run(tsc, ["-p", config], app);
    });
  }
  // The browser/bundler conditions of "exports" each carry their "types": a
  // project that sets one as a custom condition gets the declarations through
  // it (without them, tsc would silently fall through to "import").
  for (const condition of ["webpack", "development", "production", "browser"]) {
    check(`(g) tsc, moduleResolution bundler, customConditions ["${condition}"]: the types resolve under that condition`, () => {
      const config = `tsconfig.condition.${condition}.json`;
      writeFileSync(join(app, config), JSON.stringify({
        compilerOptions: { strict: true, noEmit: true, target: "es2022", lib: ["es2022"], module: "esnext", moduleResolution: "bundler", customConditions: [condition], skipLibCheck: false, types: [] },
        files: ["consumer-nodom.mts"],
      }));
      const trace = run(tsc, ["-p", config, "--traceResolution"], app);
      if (!trace.includes(`Resolved under condition '${condition}'.`)) throw new Error(trace.split("\n").filter((l) => /condition|customer-schema/.test(l)).join("\n"));
      return "";
    });
  }

  // 3. The clients TypeScript teams plug validators into (tRPC, React Hook
  // Form, TanStack Form, Hono, Standard Schema's own types), from the
  // repository's devDependencies: the project sits under target/ so that
  // they resolve from the root node_modules, while customer-schema resolves
  // to the tarball installed in the project itself.
  const clients = join(root, "target", "package-clients");
  rmSync(clients, { recursive: true, force: true });
  execFileSync("mkdir", ["-p", clients]);
  writeFileSync(join(clients, "package.json"), JSON.stringify({ name: "clients", private: true, version: "0.0.0", type: "module" }));
  run("npm", ["install", "--no-audit", "--no-fund", "--ignore-scripts", "--no-package-lock", tarball], clients);
  for (const f of ["clients.ts", "clients.runtime.mjs"]) copyFileSync(join(here, "clients", f), join(clients, f));
  writeFileSync(join(clients, "tsconfig.json"), JSON.stringify({
    compilerOptions: { strict: true, exactOptionalPropertyTypes: true, noEmit: true, target: "es2022", lib: ["es2022", "dom"], module: "esnext", moduleResolution: "bundler", skipLibCheck: true, types: [] },
    files: ["clients.ts"],
  }));
  const versions = ["@trpc/server", "react-hook-form", "@hookform/resolvers", "@tanstack/form-core", "hono", "@hono/standard-validator", "@standard-schema/spec"]
    .map((name) => `${name} ${JSON.parse(readFileSync(join(root, "node_modules", name, "package.json"), "utf8")).version}`)
    .join(", ");
  check(`(h) the clients compile under tsc --strict --exactOptionalPropertyTypes with no cast (${versions})`, () => run(tsc, ["-p", "tsconfig.json"], clients));
  check("(h) the clients' types bite: each @ts-expect-error line is an error", () => markedLinesAreErrors(clients, "clients.ts", "tsconfig.json"));
  check("(h) the clients at run time: tRPC, React Hook Form, TanStack Form, Hono (its validator and customer-schema/hono), Standard JSON Schema", () => run("node", ["clients.runtime.mjs"], clients));
} finally {
  if (!process.env.KEEP_PACKAGE_TEST) rmSync(work, { recursive: true, force: true });
  else console.log(`kept ${work}`);
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
