// Packaging test: pack pkg/ as npm would publish it, install the tarball into
// a fresh temporary project, and there (a) import it from .mjs, (b) require it
// from .cjs, (c) type-check a TypeScript consumer with tsc --strict under
// moduleResolution nodenext and bundler, (d) prove the @ts-expect-error lines
// are needed (tsc fails without them).
// Usage: node tests/package/run.mjs   (after scripts/build.sh)
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync, readFileSync, copyFileSync, rmSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

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

const work = mkdtempSync(join(tmpdir(), "customer-schema-pack-"));
try {
  // 1. npm pack
  const packed = JSON.parse(run("npm", ["pack", "--json", "--pack-destination", work], join(root, "pkg")));
  const tarball = join(work, packed[0].filename);
  const files = packed[0].files.map((f) => f.path).sort();
  console.log(`packed ${packed[0].filename}: ${packed[0].size} bytes, ${files.length} files: ${files.join(", ")}`);
  check("the tarball holds the wasm, the glue, both entries and the types", () => {
    for (const f of ["package.json", "index.mjs", "node.mjs", "index.d.ts", "index.d.mts", "src/adapter.mjs", "dist/customer_schema.js", "dist/customer_schema.d.ts", "dist/customer_schema_bg.wasm", "dist/node.cjs"]) {
      if (!files.includes(f)) throw new Error(`missing ${f}`);
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

  check("(a) import from an .mjs file validates the seed's example", () => run("node", ["consumer.mjs"], app));
  check("(b) require from a .cjs file validates the seed's example", () => run("node", ["consumer.cjs"], app));

  const tsconfig = (moduleResolution, module) => ({
    compilerOptions: { strict: true, noEmit: true, target: "es2022", module, moduleResolution, skipLibCheck: false, types: [] },
    files: ["consumer.ts"],
  });
  const variants = [
    ["nodenext", "nodenext"],
    ["bundler", "esnext"],
  ];
  for (const [resolution, module] of variants) {
    check(`(c) tsc --strict --noEmit with moduleResolution ${resolution}`, () => {
      writeFileSync(join(app, `tsconfig.${resolution}.json`), JSON.stringify(tsconfig(resolution, module)));
      return run(tsc, ["-p", `tsconfig.${resolution}.json`], app);
    });
  }
  check("(d) the types bite: without @ts-expect-error, tsc fails on each marked line", () => {
    const source = readFileSync(join(app, "consumer.ts"), "utf8");
    const marked = source.split("\n").filter((l) => l.includes("@ts-expect-error")).length;
    writeFileSync(join(app, "consumer.ts"), source.replaceAll("// @ts-expect-error", "// (expected error)"));
    const out = run(tsc, ["-p", "tsconfig.nodenext.json"], app, { expectFail: true });
    writeFileSync(join(app, "consumer.ts"), source);
    const errors = out.split("\n").filter((l) => /error TS\d+/.test(l)).length;
    if (errors < marked) throw new Error(`${marked} marked lines but only ${errors} errors:\n${out}`);
    return `${errors} errors for ${marked} marked lines`;
  });
} finally {
  if (!process.env.KEEP_PACKAGE_TEST) rmSync(work, { recursive: true, force: true });
  else console.log(`kept ${work}`);
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
