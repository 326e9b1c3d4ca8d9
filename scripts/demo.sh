#!/usr/bin/env bash
# The main command: build the npm package (release; pass --dev for a faster
# build), then serve the browser form (www/) on http://127.0.0.1:8080/ (PORT
# to choose; a free port if that one is busy) and keep serving until Ctrl-C.
# The sample records: node examples/validate.mjs examples/customers.json
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh "$@"
printf '\n== serving the form (www/) ==\n'
exec node scripts/serve.mjs
