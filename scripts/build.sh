#!/usr/bin/env bash
# Builds the npm package into pkg/dist/ from the WebAssembly boundary crate
# (customer-schema-wasm, wasm/, which links the customer-schema library).
# Idempotent; installs what it needs (wasm32 target, wasm-bindgen-cli at the
# version Cargo.lock pins, the repo's npm devDependencies).
#
#   scripts/build.sh              release build (LTO, what ships)
#   scripts/build.sh --dev        faster, unoptimised-ish build for iteration
#                                 (profile wasm-dev: no LTO, opt-level 1)
#   scripts/build.sh --test-hooks the test build, into target/pkg-test/ (not
#                                 shipped): the module with the test-only
#                                 exports (feature test-hooks: __trapForTest)
#                                 and tests/support/hooked-entry.mjs as its
#                                 index.mjs, which adds __testing to the API;
#                                 the trap tests load it. pkg/dist/ is left
#                                 alone. Combines with --dev.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

PROFILE=release
TEST_HOOKS=
for arg in "$@"; do
  case "$arg" in
    --dev) PROFILE=wasm-dev ;;
    --test-hooks) TEST_HOOKS=1 ;;
    *) echo "build.sh: unknown argument $arg" >&2; exit 2 ;;
  esac
done

say() { printf '\n== build: %s ==\n' "$*"; }

say "toolchain"
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi

# wasm-bindgen-cli must match the wasm-bindgen crate exactly (the schema of
# the custom section embedded in the .wasm is version-specific).
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$WB_VERSION" ]; then
  echo "build.sh: no wasm-bindgen in Cargo.lock" >&2; exit 1
fi
WB=$ROOT/.tools/bin/wasm-bindgen
if [ "$("$WB" --version 2>/dev/null || true)" != "wasm-bindgen $WB_VERSION" ]; then
  echo "installing wasm-bindgen-cli $WB_VERSION into .tools/"
  # Not --locked: a crate pinned in the CLI's own lock file is missing from
  # this registry; the unlocked resolution builds fine.
  cargo install wasm-bindgen-cli --version "=$WB_VERSION" --root .tools --force
fi
"$WB" --version

if [ ! -x node_modules/.bin/esbuild ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

# Feature `node` adds the exports only the Node entry uses (mergeSummaries,
# checkLines): in the Node entry's module (the speed build below), not in the
# browser's. --dev and --test-hooks build one module for both, with them.
FEATURES=()
if [ -n "$TEST_HOOKS" ]; then
  FEATURES=(--features test-hooks,node)
elif [ "$PROFILE" != release ]; then
  FEATURES=(--features node)
fi
say "cargo build -p customer-schema-wasm --profile $PROFILE --target wasm32-unknown-unknown ${FEATURES[*]:-}"
cargo build -p customer-schema-wasm --lib --profile "$PROFILE" --target wasm32-unknown-unknown "${FEATURES[@]}"
WASM_IN=target/wasm32-unknown-unknown/$PROFILE/customer_schema_wasm.wasm

# One glue for every environment: the "web" target's ES module exports both an
# async default init (browser, bundlers: fetches the .wasm next to it) and
# initSync (Node: bytes read from disk). --experimental-reset-state-function
# adds __wbg_reset_state(), which re-instantiates the module after a trap.
# The name and producers sections are debugging aids (function names in stack
# traces; ~18 KB gzip): not shipped.
# bindgen OUT_DIR [WASM]: the glue and the processed module (of $WASM_IN by default).
bindgen() {
  "$WB" "${2:-$WASM_IN}" --out-dir "$1" --out-name customer_schema --target web \
    --experimental-reset-state-function --remove-name-section --remove-producers-section
}

if [ -n "$TEST_HOOKS" ]; then
  OUT=target/pkg-test
  say "wasm-bindgen --target web -> $OUT/ (the test build)"
  rm -rf "$OUT"
  mkdir -p "$OUT"
  bindgen "$OUT"
  echo '{ "type": "module" }' > "$OUT/package.json"
  # Self-contained, so a browser page can load it from one mount point.
  cp pkg/src/adapter.mjs "$OUT/adapter.mjs"
  cp tests/support/hooked-entry.mjs "$OUT/index.mjs"
  node tools/locales/modules.mjs "$OUT/locales"
  if ! grep -q '__trapForTest' "$OUT/customer_schema.js"; then
    echo "build.sh: the test build has no __trapForTest export" >&2; exit 1
  fi
  say "done"
  ls -l "$OUT"
  exit 0
fi

say "wasm-bindgen --target web -> pkg/dist/"
rm -rf pkg/dist
mkdir -p pkg/dist
bindgen pkg/dist
if grep -q '__trapForTest' pkg/dist/customer_schema.js; then
  echo "build.sh: the shipped module exports __trapForTest (built with test-hooks?)" >&2; exit 1
fi

# The Node entry's module: the same crate built for speed (opt-level 3:
# larger, faster) and with the Node-only exports (feature `node`), where the
# browser's is built for size, a download on a form page. Its wasm-bindgen
# glue goes to dist/node-glue/ (not shipped: bundled into node.cjs below).
# (--dev builds one module, with the Node-only exports, used by both entries.)
NODE_WASM=pkg/dist/customer_schema_node_bg.wasm
NODE_GLUE=pkg/dist/node-glue
if grep -q 'checkLines' pkg/dist/customer_schema.js && [ "$PROFILE" = release ]; then
  echo "build.sh: the browser's module has the Node-only exports (built with feature node?)" >&2; exit 1
fi
if [ "$PROFILE" = release ]; then
  say "cargo build --profile release-speed --features node: the Node entry's module"
  cargo build -p customer-schema-wasm --lib --profile release-speed --features node --target wasm32-unknown-unknown
  SPEED=target/speed-bindgen
  rm -rf "$SPEED"
  bindgen "$SPEED" target/wasm32-unknown-unknown/release-speed/customer_schema_wasm.wasm
  mv "$SPEED/customer_schema_bg.wasm" "$NODE_WASM"
else
  SPEED=target/dev-bindgen
  rm -rf "$SPEED"
  mkdir -p "$SPEED"
  cp -r pkg/dist/customer_schema.js pkg/dist/customer_schema.d.ts pkg/dist/snippets "$SPEED/"
  cp pkg/dist/customer_schema_bg.wasm "$NODE_WASM"
fi
mkdir -p "$NODE_GLUE"
cp -r "$SPEED/customer_schema.js" "$SPEED/customer_schema.d.ts" "$SPEED/snippets" "$NODE_GLUE/"
echo '{ "type": "module" }' > "$NODE_GLUE/package.json"
if ! grep -q 'checkLines' "$NODE_GLUE/customer_schema.js"; then
  echo "build.sh: the Node entry's module lacks the Node-only exports" >&2; exit 1
fi

say "pkg/dist/locales/: the message catalogues as data-only ES modules"
# English is in the module; each other language is a module of its own that
# loadLocale imports on demand (the Node entry bundles them all).
node tools/locales/modules.mjs pkg/dist/locales

say "pkg/dist/package.json: dist/'s .js files are ES modules"
# The glue and its snippets are ES modules in .js files; without a "type" Node
# re-parses them after a failed CommonJS parse and warns
# (MODULE_TYPELESS_PACKAGE_JSON) when they are loaded as files. node.cjs is
# CommonJS by its extension whatever the type.
echo '{ "type": "module" }' > pkg/dist/package.json

say "pkg/dist/types.d.ts: the generated types without the loader's"
# The glue's .d.ts ends with its loader's declarations (InitInput, InitOutput,
# SyncInitInput, initSync, the default init), which name DOM and WebAssembly
# types; a Node-only project without the DOM lib cannot type-check them.
# index.d.ts imports the data types from this copy, cut before that tail.
TYPES_IN=pkg/dist/customer_schema.d.ts
TYPES_OUT=pkg/dist/types.d.ts
MARKER='^export type InitInput = '
if [ "$(grep -c "$MARKER" "$TYPES_IN")" != 1 ]; then
  echo "build.sh: expected exactly one line matching /$MARKER/ in $TYPES_IN (has wasm-bindgen changed its output?)" >&2
  exit 1
fi
{
  echo "// Generated by scripts/build.sh from wasm-bindgen's customer_schema.d.ts (tsify's"
  echo "// types), without the loader's declarations, which need the DOM lib."
  sed "/$MARKER/,\$d" "$TYPES_IN"
} > "$TYPES_OUT"
# Second guard: no DOM/WebAssembly type left outside doc comments (tests/package/run.mjs
# also type-checks a consumer without the DOM lib).
if grep -nvE '^[[:space:]]*(\*|/\*|//)' "$TYPES_OUT" | grep -E '\b(RequestInfo|URL|Response|BufferSource|WebAssembly)\b' >&2; then
  echo "build.sh: $TYPES_OUT still names DOM/WebAssembly types (above)" >&2
  exit 1
fi
# customer_schema.d.ts stays in dist/ (the glue's own types) but is not shipped.

say "pkg/dist/customer_schema_bg.base64.mjs: the .wasm as base64, for embedded.mjs"
# The entry bundlers get under the "browser" condition when they apply neither
# "webpack" nor "development"/"production" (esbuild by default), since they do
# not copy the .wasm named by new URL(…, import.meta.url): see embedded.mjs.
node -e '
const fs = require("node:fs");
const [wasm, out] = process.argv.slice(1);
const text = fs.readFileSync(wasm).toString("base64");
fs.writeFileSync(out, "// Generated by scripts/build.sh: customer_schema_bg.wasm as base64.\nexport default \"" + text + "\";\n");
' pkg/dist/customer_schema_bg.wasm pkg/dist/customer_schema_bg.base64.mjs

say "esbuild --minify: the glue and its snippets, in place"
# What a page downloads besides the .wasm: minified, the glue is 2.3 kB
# smaller gzipped. Exported names (which the adapter and the .wasm's imports
# use) are kept; only local names and whitespace change.
# (The snippets are the boundary crate's wasm/js/*.js, copied by wasm-bindgen
# to snippets/customer-schema-wasm-HASH/js/.)
find pkg/dist/customer_schema.js pkg/dist/snippets -name '*.js' -print0 |
  while IFS= read -r -d '' glue; do
    node_modules/.bin/esbuild "$glue" --minify --format=esm --log-level=warning --outfile="$glue" --allow-overwrite
  done

say "esbuild: Node CommonJS entry -> pkg/dist/node.cjs"
# The Node entry is written once as an ES module (pkg/src/node.mjs) and bundled
# with its module's glue (dist/node-glue/) and the shared adapter into one
# CommonJS file; the ESM entry
# for Node (pkg/node.mjs) re-exports it, so import and require share one
# instance.
# (import.meta.url is only used by the glue's async init, which Node never calls.)
node_modules/.bin/esbuild pkg/src/node.mjs --bundle --platform=node --format=cjs \
  --target=node18 --outfile=pkg/dist/node.cjs --log-level=warning \
  --log-override:empty-import-meta=silent

say "pkg/dist/node.d.cts: node.cjs's types, for npm run typecheck"
# pkg/node.mjs (and through it the CLI) imports node.cjs; without a .d.cts next
# to it tsc would read and check the bundle itself. Its exports are the
# declared API (index.d.ts) plus the test-only hooks. Not shipped (not in "files").
cat > pkg/dist/node.d.cts <<'EOF_DCTS'
// Generated by scripts/build.sh: the types of node.cjs, the declared API plus
// the test-only __testing hooks, for type-checking the package's JavaScript.
declare const api: typeof import("../index.js") & { __testing: unknown };
export = api;
EOF_DCTS

say "done"
ls -l pkg/dist
