// The one launcher for the browser tests: Debian's headless Chromium driven by
// playwright-core (Playwright's own browser download does not work here), and
// the project's own server (scripts/serve.mjs) on an ephemeral 127.0.0.1 port.
import { chromium } from "playwright-core";
import { existsSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { startServer } from "../../scripts/serve.mjs";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const artefacts = join(root, "test-results");

const EXECUTABLE = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p)) ?? "/usr/bin/chromium";
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];

export function launchBrowser() {
  return chromium.launch({ executablePath: EXECUTABLE, args: ARGS, headless: true });
}

/**
 * Starts the server and a browser. `close()` stops both.
 * @param {Parameters<typeof startServer>[0]} [serverOptions]
 */
export async function start(serverOptions = {}) {
  const server = await startServer({ port: 0, ...serverOptions });
  let browser;
  try {
    browser = await launchBrowser();
  } catch (error) {
    await server.close();
    throw error;
  }
  return {
    url: server.url,
    browser,
    async close() {
      await browser.close().catch(() => {});
      await server.close();
    },
  };
}

/**
 * Opens a page that records console errors, page errors, failed requests and
 * CSP violations (the securitypolicyviolation event and Chromium's console
 * report) in `page.problems`.
 */
export async function openPage(browser, url, { viewport = { width: 1280, height: 900 }, locale = "en-US" } = {}) {
  // The browser's language (navigator.languages): the form's language and
  // its default phone region follow it. en-US unless a test says otherwise.
  const context = await browser.newContext({ viewport, locale });
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") problems.push(`console.${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("requestfailed", (r) => problems.push(`requestfailed: ${r.url()} ${r.failure()?.errorText}`));
  page.on("response", (r) => {
    if (r.status() >= 400) problems.push(`http ${r.status()}: ${r.url()}`);
  });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  page.problems = problems;
  page.cspViolations = () => page.evaluate(() => window.__cspViolations);
  page.closeAll = () => context.close();
  if (url) await page.goto(url);
  return page;
}

export function artefactPath(name) {
  mkdirSync(artefacts, { recursive: true });
  return join(artefacts, name);
}
