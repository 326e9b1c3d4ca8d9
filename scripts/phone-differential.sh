#!/usr/bin/env bash
# The full differential suite of the phone engine: every example number in
# every spelling (libphonenumber's other spellings included: tel: URIs,
# punctuation), and 2,000 seeded random numbers per numbering plan (about
# 950,000 inputs), each checked against libphonenumber (Python port, the
# metadata release pinned in tools/phone-tables/phonenumbers.pin) with the
# phonenumber crate's answers (its own, older release) counted beside.
# The test command runs the same tests with 40 random numbers per plan.
#
#   scripts/phone-differential.sh [CASES_PER_PLAN]
set -euo pipefail
cd "$(dirname "$0")/.."
PHONE_DIFF_CASES=${1:-2000} cargo test --release --test phone_differential -- --nocapture
