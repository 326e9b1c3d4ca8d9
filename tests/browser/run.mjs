// Browser smoke test: serves pkg/ on 127.0.0.1 under a strict CSP
// (script-src 'self' 'wasm-unsafe-eval': no eval, no inline script), loads a
// page whose module script imports the package's browser entry, and reads
// the verdicts headless Chromium leaves in the DOM. The same results must
// come out as from Node.
// Usage: node tests/browser/run.mjs   (after scripts/build.sh; needs chromium)
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname, extname, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const seed = JSON.parse(await readFile(join(root, "tests", "fixtures", "examples.json"), "utf8"))[0].input;
const CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'";
const types = { ".mjs": "text/javascript", ".js": "text/javascript", ".wasm": "application/wasm", ".json": "application/json", ".html": "text/html" };
const page = `<!doctype html><meta charset="utf-8"><title>customer-schema</title>
<script type="module" src="/page.mjs"></script><pre id="result">pending</pre>`;

const server = createServer(async (req, res) => {
  const url = new URL(req.url, "http://x");
  const headers = { "content-security-policy": CSP };
  try {
    let body;
    if (url.pathname === "/") body = page;
    else if (url.pathname === "/page.mjs") body = await readFile(join(here, "page.mjs"));
    else if (url.pathname === "/seed.json") body = JSON.stringify(seed);
    else if (url.pathname.startsWith("/pkg/")) {
      const file = normalize(join(root, url.pathname));
      if (!file.startsWith(join(root, "pkg"))) throw new Error("outside pkg/");
      body = await readFile(file);
    } else throw new Error("not found");
    const ext = url.pathname === "/" ? ".html" : extname(url.pathname);
    res.writeHead(200, { ...headers, "content-type": types[ext] ?? "application/octet-stream" });
    res.end(body);
  } catch {
    res.writeHead(404, headers);
    res.end();
  }
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const { port } = server.address();

const browser = ["chromium", "chromium-browser", "google-chrome"];
const profile = mkdtempSync(join(tmpdir(), "customer-schema-chromium-"));
let dom;
try {
  dom = await new Promise((resolve, reject) => {
    const tryNext = (i) => {
      if (i >= browser.length) return reject(new Error("no chromium found"));
      execFile(
        browser[i],
        ["--headless", "--no-sandbox", "--disable-gpu", `--user-data-dir=${profile}`, "--virtual-time-budget=10000", "--dump-dom", `http://127.0.0.1:${port}/`],
        { timeout: 60_000, maxBuffer: 16 << 20 },
        (err, stdout) => (err && err.code === "ENOENT" ? tryNext(i + 1) : err ? reject(err) : resolve(stdout)),
      );
    };
    tryNext(0);
  });
} finally {
  server.close();
  rmSync(profile, { recursive: true, force: true });
}

const m = dom.match(/<pre id="result">([\s\S]*?)<\/pre>/);
const text = m ? m[1].replaceAll("&quot;", '"').replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&") : "";
let passed = 0;
let failed = 0;
const check = (name, ok, detail = "") => {
  console.log(`${ok ? "ok" : "not ok"} - ${name}${ok || !detail ? "" : `\n    ${detail}`}`);
  ok ? passed++ : failed++;
};
let out = {};
try {
  out = JSON.parse(text);
} catch {
  out = { error: `no result in the page: ${text || dom.slice(0, 500)}` };
}
check("the package loads in a page under CSP script-src 'self' 'wasm-unsafe-eval'", !out.error, out.error);
check("no CSP violation", (out.violations ?? []).length === 0, JSON.stringify(out.violations));
const node = createRequire(import.meta.url)("customer-schema");
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
check("the seed example gives the same result as in Node", same(out.seed, node.CustomerSchema.safeParse(seed)), JSON.stringify(out.seed));
check("the seed example is valid in the browser", out.seed?.success === true, JSON.stringify(out.seed));
check("a top-level null gives the same result as in Node", same(out.bad, node.CustomerSchema.safeParse(null)), JSON.stringify(out.bad));
check("a trap is survived in the browser too", out.trap?.success === false && out.afterTrap?.success === true, JSON.stringify({ trap: out.trap, afterTrap: out.afterTrap }));
check("~standard vendor", out.standardVendor === "customer-schema");
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
