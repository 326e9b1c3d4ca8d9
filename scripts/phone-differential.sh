#!/usr/bin/env bash
# The full differential suite of the phone engine: every example number in
# every spelling, and 2,000 seeded random numbers per numbering plan (about
# 900,000 inputs), each checked against libphonenumber (Python port, same
# metadata release) with the phonenumber crate's answers counted beside.
# The test command runs the same tests with 40 random numbers per plan.
#
#   scripts/phone-differential.sh [CASES_PER_PLAN]
set -euo pipefail
cd "$(dirname "$0")/.."
PHONE_DIFF_CASES=${1:-2000} cargo test --release --test phone_differential -- --nocapture
