// Serves the browser form (www/) and the npm package's published files
// (pkg/package.json "files", i.e. what a user installs) under
// /vendor/customer-schema/, with a strict Content-Security-Policy header and
// the right MIME types (application/wasm for the .wasm, which streaming
// compilation requires). Text and .wasm responses are gzipped when the client
// accepts it, as any production server would.
//
//   node scripts/serve.mjs          PORT from the environment, else 8080,
//                                   else any free port if that one is busy
//
// Also a module: startServer({ port, mounts, csp }) is what the browser tests
// use (port 0: an ephemeral port), so they test exactly this server.
import { createServer } from "node:http";
import { readFileSync, statSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { dirname, extname, join, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const WWW = join(root, "www");
export const PKG = join(root, "pkg");
export const VENDOR = "/vendor/customer-schema/";

/** No eval (only 'wasm-unsafe-eval' for WebAssembly), no inline script or style. */
export const CSP = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join("; ");

/** @type {Record<string, string>} */
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".cjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ts": "text/plain; charset=utf-8",
  ".md": "text/plain; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};
const COMPRESSIBLE = /^(text\/|application\/(json|wasm)|image\/svg)/;

/**
 * The package's published files, as npm would pack them: package.json, plus
 * each entry of "files" (a file, or a directory and everything under it).
 * Returns a function telling whether a path relative to pkg/ is published.
 * @returns {(rel: string) => boolean}
 */
function publishedFiles() {
  const manifest = JSON.parse(readFileSync(join(PKG, "package.json"), "utf8"));
  const entries = /** @type {string[]} */ (manifest.files ?? []).map((f) => f.replace(/^\/+/, "").replace(/\/+$/, ""));
  return (rel) =>
    rel === "package.json" ||
    entries.some((entry) => {
      if (rel === entry) return true;
      if (!rel.startsWith(`${entry}/`)) return false;
      try {
        return statSync(join(PKG, entry)).isDirectory();
      } catch {
        return false;
      }
    });
}

/**
 * @param {object} [options]
 * @param {number} [options.port]  0 for an ephemeral port
 * @param {string} [options.host]
 * @param {Record<string, string>} [options.mounts]  extra URL prefix → directory (tests)
 * @param {string} [options.csp]  override the CSP header (tests)
 * @param {boolean} [options.fallback]  if the port is busy, take any free port
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 */
export async function startServer({ port = 0, host = "127.0.0.1", mounts = {}, csp = CSP, fallback = false } = {}) {
  const isPublished = publishedFiles();
  /** @type {Map<string, { mtimeMs: number, size: number, body: Buffer }>} */
  const gzipCache = new Map(); // file → { mtimeMs, size, body }

  // URL path → file on disk, or null. Never leaves the directory it maps to.
  /** @param {string} pathname */
  function locate(pathname) {
    /**
     * @param {string} dir
     * @param {string} rel
     */
    const inside = (dir, rel) => {
      const file = resolve(dir, rel);
      return file === dir || file.startsWith(dir + sep) ? file : null;
    };
    if (pathname.startsWith(VENDOR)) {
      const rel = pathname.slice(VENDOR.length);
      return isPublished(rel) ? inside(PKG, rel) : null;
    }
    for (const [prefix, dir] of Object.entries(mounts)) {
      if (pathname.startsWith(prefix)) return inside(resolve(dir), pathname.slice(prefix.length) || "index.html");
    }
    return inside(WWW, pathname === "/" ? "index.html" : pathname.slice(1));
  }

  const server = createServer(async (req, res) => {
    /** @type {Record<string, string | number>} */
    const headers = {
      "content-security-policy": csp,
      "x-content-type-options": "nosniff",
      "referrer-policy": "no-referrer",
      "cache-control": "no-cache",
    };
    /**
     * @param {number} status
     * @param {string} text
     */
    const fail = (status, text) => {
      res.writeHead(status, { ...headers, "content-type": "text/plain; charset=utf-8" });
      res.end(text);
    };
    if (req.method !== "GET" && req.method !== "HEAD") return fail(405, "method not allowed\n");
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(/** @type {string} */ (req.url), "http://localhost").pathname);
    } catch {
      return fail(400, "bad request\n");
    }
    if (pathname.includes("\0")) return fail(400, "bad request\n");
    const file = locate(pathname);
    let info;
    try {
      info = file && (await stat(file));
    } catch {
      info = null;
    }
    if (!file || !info || !info.isFile()) return fail(404, "not found\n");

    const type = TYPES[extname(file)] ?? "application/octet-stream";
    headers["content-type"] = type;
    let body;
    const gzip = COMPRESSIBLE.test(type) && /\bgzip\b/.test(req.headers["accept-encoding"] ?? "");
    if (gzip) {
      let cached = gzipCache.get(file);
      if (!cached || cached.mtimeMs !== info.mtimeMs || cached.size !== info.size) {
        cached = { mtimeMs: info.mtimeMs, size: info.size, body: gzipSync(await readFile(file), { level: 9 }) };
        gzipCache.set(file, cached);
      }
      body = cached.body;
      headers["content-encoding"] = "gzip";
      headers["vary"] = "accept-encoding";
    } else {
      body = await readFile(file);
    }
    headers["content-length"] = body.length;
    res.writeHead(200, headers);
    res.end(req.method === "HEAD" ? undefined : body);
  });

  await /** @type {Promise<void>} */ (new Promise((done, reject) => {
    /** @param {number} p */
    const listen = (p) => {
      server.once("error", (/** @type {NodeJS.ErrnoException} */ error) => {
        if (error.code === "EADDRINUSE" && fallback && p !== 0) {
          console.error(`port ${p} is busy; using a free port instead`);
          listen(0);
        } else reject(error);
      });
      server.listen(p, host, done);
    };
    listen(port);
  }));
  const actual = /** @type {import("node:net").AddressInfo} */ (server.address()).port;
  return {
    url: `http://${host}:${actual}/`,
    port: actual,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections?.();
        server.close(() => done());
      }),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    statSync(join(PKG, "dist", "customer_schema_bg.wasm"));
  } catch {
    console.error("serve.mjs: pkg/dist/ is not built; run scripts/build.sh first (scripts/demo.sh does both)");
    process.exit(1);
  }
  const port = process.env.PORT ? Number(process.env.PORT) : 8080;
  const { url } = await startServer({ port, fallback: true });
  console.log(`\ncustomer-schema form: open ${url}  (Ctrl-C to stop)\n`);
}
