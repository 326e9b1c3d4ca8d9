#!/usr/bin/env bash
# The one test command: installs what it needs, then runs every check and
# stops at the first failure.
#   Rust: cargo fmt --check, cargo clippy -D warnings, cargo test
#   Package: scripts/build.sh (release), Node tests, packaging test
set -euo pipefail
cd "$(dirname "$0")/.."

section() { printf '\n==================== %s ====================\n' "$*"; }

section "setup"
for component in clippy rustfmt; do
  if ! rustup component list --installed | grep -q "^$component"; then
    rustup component add "$component"
  fi
done
npm ci --no-audit --no-fund

section "cargo fmt --check"
cargo fmt --all -- --check

section "cargo clippy --all-targets -- -D warnings"
cargo clippy --all-targets -- -D warnings

section "cargo test"
cargo test

section "build the npm package (scripts/build.sh)"
scripts/build.sh

section "Node tests (node --test tests/node/)"
node --test tests/node/

section "packaging test (tests/package/run.mjs)"
node tests/package/run.mjs

section "all tests passed"
