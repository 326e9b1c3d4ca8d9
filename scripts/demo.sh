#!/usr/bin/env bash
# The main job, for now: build the npm package, then validate the sample
# records in examples/customers.json through it and print each verdict.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh "$@"
printf '\n== validating examples/customers.json ==\n'
node examples/validate.mjs examples/customers.json
