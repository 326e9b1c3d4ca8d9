// The browser form's first load, measured in headless Chromium: bytes
// transferred (gzip, as scripts/serve.mjs serves them) and the time from
// navigation start to the form being ready to validate (the page's
// performance mark "customer-schema:form-ready", set once the WebAssembly
// module is compiled, the suggestion lists are filled and the first
// validation has run). Each run is a fresh browser context: a cold cache.
//
// Usage: node bench/www-load.mjs [--runs N] [--throttle]
//   --throttle  also emulate a 10 Mbit/s, 40 ms round-trip network (CDP)
// (after scripts/build.sh; release build for representative numbers)
import { startServer } from "../scripts/serve.mjs";
import { launchBrowser } from "../tests/browser/harness.mjs";

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const runs = arg("--runs", 7);
const throttle = process.argv.includes("--throttle");
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const server = await startServer({ port: 0 });
const browser = await launchBrowser();
try {
  // One untimed load first, so the server's gzip cache is warm (a real
  // server would serve precompressed files).
  {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForSelector("html[data-state=ready]", { timeout: 60_000 });
    await context.close();
  }
  for (const network of throttle ? ["loopback", "10Mbit/40ms"] : ["loopback"]) {
    const samples = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      if (network !== "loopback") {
        const cdp = await context.newCDPSession(page);
        await cdp.send("Network.enable");
        await cdp.send("Network.emulateNetworkConditions", {
          offline: false,
          latency: 40,
          downloadThroughput: (10e6 / 8),
          uploadThroughput: (5e6 / 8),
        });
      }
      await page.goto(server.url);
      await page.waitForSelector("html[data-state=ready]", { timeout: 60_000 });
      samples.push(
        await page.evaluate(() => {
          const entries = /** @type {PerformanceResourceTiming[]} */ ([...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")]);
          const sum = (key) => entries.reduce((n, e) => n + e[key], 0);
          const wasm = entries.find((e) => e.name.endsWith(".wasm"));
          return {
            readyMs: performance.getEntriesByName("customer-schema:form-ready")[0].startTime,
            domContentLoadedMs: /** @type {PerformanceNavigationTiming} */ (performance.getEntriesByType("navigation")[0]).domContentLoadedEventEnd,
            requests: entries.length,
            transferBytes: sum("transferSize"),
            encodedBodyBytes: sum("encodedBodySize"),
            decodedBodyBytes: sum("decodedBodySize"),
            wasmEncodedBytes: wasm?.encodedBodySize,
            wasmDecodedBytes: wasm?.decodedBodySize,
            files: entries.map((e) => `${new URL(e.name).pathname} ${e.encodedBodySize}/${e.decodedBodySize}`),
          };
        }),
      );
      await context.close();
    }
    const last = samples.at(-1);
    console.log(
      JSON.stringify(
        {
          network,
          runs,
          readyMsMedian: +median(samples.map((s) => s.readyMs)).toFixed(1),
          readyMsMin: +Math.min(...samples.map((s) => s.readyMs)).toFixed(1),
          readyMsMax: +Math.max(...samples.map((s) => s.readyMs)).toFixed(1),
          domContentLoadedMsMedian: +median(samples.map((s) => s.domContentLoadedMs)).toFixed(1),
          requests: last.requests,
          transferBytes: last.transferBytes,
          gzipBodyBytes: last.encodedBodyBytes,
          uncompressedBodyBytes: last.decodedBodyBytes,
          wasmGzipBytes: last.wasmEncodedBytes,
          wasmBytes: last.wasmDecodedBytes,
          files: last.files,
        },
        null,
        1,
      ),
    );
  }
} finally {
  await browser.close();
  await server.close();
}
