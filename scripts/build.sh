#!/usr/bin/env bash
# Builds the npm package into pkg/dist/ from the Rust crate.
# Idempotent; installs what it needs (wasm32 target, wasm-bindgen-cli at the
# version Cargo.lock pins, the repo's npm devDependencies).
#
#   scripts/build.sh            release build (LTO, what ships)
#   scripts/build.sh --dev      faster, unoptimised-ish build for iteration
#                               (profile wasm-dev: no LTO, opt-level 1)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

PROFILE=release
for arg in "$@"; do
  case "$arg" in
    --dev) PROFILE=wasm-dev ;;
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

say "cargo build --profile $PROFILE --target wasm32-unknown-unknown"
cargo build --lib --profile "$PROFILE" --target wasm32-unknown-unknown
WASM_IN=target/wasm32-unknown-unknown/$PROFILE/customer_schema.wasm

say "wasm-bindgen --target web -> pkg/dist/"
rm -rf pkg/dist
mkdir -p pkg/dist
# One glue for every environment: the "web" target's ES module exports both an
# async default init (browser, bundlers: fetches the .wasm next to it) and
# initSync (Node: bytes read from disk). --experimental-reset-state-function
# adds __wbg_reset_state(), which re-instantiates the module after a trap.
# The name and producers sections are debugging aids (function names in stack
# traces; ~18 KB gzip): not shipped.
"$WB" "$WASM_IN" --out-dir pkg/dist --out-name customer_schema --target web \
  --experimental-reset-state-function --remove-name-section --remove-producers-section

say "esbuild --minify: the glue and its snippets, in place"
# What a page downloads besides the .wasm: minified, the glue is 2.3 kB
# smaller gzipped. Exported names (which the adapter and the .wasm's imports
# use) are kept; only local names and whitespace change.
for glue in pkg/dist/customer_schema.js pkg/dist/snippets/*/*.js; do
  node_modules/.bin/esbuild "$glue" --minify --format=esm --log-level=warning --outfile="$glue" --allow-overwrite
done

say "esbuild: Node CommonJS entry -> pkg/dist/node.cjs"
# The Node entry is written once as an ES module (pkg/src/node.mjs) and bundled
# with the glue and the shared adapter into one CommonJS file; the ESM entry
# for Node (pkg/node.mjs) re-exports it, so import and require share one
# instance.
# (import.meta.url is only used by the glue's async init, which Node never calls.)
node_modules/.bin/esbuild pkg/src/node.mjs --bundle --platform=node --format=cjs \
  --target=node18 --outfile=pkg/dist/node.cjs --log-level=warning \
  --log-override:empty-import-meta=silent

say "done"
ls -l pkg/dist
