// ESLint 9 flat config for the repository's JavaScript (`npm run lint`).
// Scope: the package's sources (not its generated dist/), the form, the
// tests, the benchmarks, the scripts, the Node generators in tools/ and the
// WebAssembly boundary's JS (wasm/js/). Everything else is ignored here, so
// `eslint .` lints exactly that scope. Type-checking of the same files:
// tsconfig.checkjs.json.
import js from "@eslint/js";
import globals from "globals";

export default [
  {
    // Global ignores: every JavaScript file, then the scope taken back out.
    ignores: [
      "**/*.{js,mjs,cjs}",
      "!eslint.config.js",
      "!pkg/**/*.{js,mjs,cjs}",
      "pkg/dist/**",
      "!www/**/*.mjs",
      "!tests/**/*.{mjs,js,cjs}",
      "!bench/**/*.mjs",
      "!scripts/**/*.mjs",
      "!tools/**/*.mjs",
      "!wasm/js/**/*.js",
    ],
  },
  js.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: "latest",
      sourceType: "module",
    },
    linterOptions: {
      reportUnusedDisableDirectives: "error",
    },
    rules: {
      // `const { index, ...rest } = item` is how the code leaves keys out.
      "no-unused-vars": ["error", { ignoreRestSiblings: true }],
    },
  },
  // Node-only code: the CLI, the Node entry and its streaming/HTTP helpers,
  // the tests, benchmarks, scripts and generators (ES modules: no CommonJS
  // globals).
  {
    files: [
      "eslint.config.js",
      "pkg/cli/**",
      "pkg/node.mjs",
      "pkg/src/node.mjs",
      "pkg/src/stream.mjs",
      "pkg/src/decode.mjs",
      "pkg/src/http.mjs",
      "tests/**",
      "bench/**",
      "scripts/**",
      "tools/**",
    ],
    languageOptions: { globals: globals.nodeBuiltin },
  },
  // Only ever run bundled to CommonJS (scripts/build.sh), hence `__dirname`.
  {
    files: ["pkg/src/node.mjs"],
    languageOptions: { globals: { __dirname: "readonly" } },
  },
  // Code that runs in browsers, bundlers and Node alike: the browser/bundler
  // entries, the shared adapter and the WebAssembly boundary's JS.
  {
    files: ["pkg/index.mjs", "pkg/embedded.mjs", "pkg/src/adapter.mjs", "wasm/js/**"],
    languageOptions: { globals: globals["shared-node-browser"] },
  },
  // The Hono middleware: wherever Hono runs (Node, Deno, Bun, workers), all
  // of which have the fetch API's Response.
  {
    files: ["pkg/hono.mjs"],
    languageOptions: { globals: { ...globals["shared-node-browser"], Response: "readonly" } },
  },
  // Browser pages: the form and the browser tests' page script.
  {
    files: ["www/**", "tests/browser/page.mjs"],
    languageOptions: { globals: globals.browser },
  },
  // The browser tests run in Node but pass functions to page.evaluate(),
  // which run in the page.
  {
    files: ["tests/browser/**"],
    languageOptions: { globals: { ...globals.nodeBuiltin, ...globals.browser } },
  },
  // CommonJS files.
  {
    files: ["**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: globals.node },
  },
];
