#!/usr/bin/env bash
# Fuzzes the Rust library: installs what it needs (the nightly toolchain
# and cargo-fuzz, when missing), then runs every cargo-fuzz target of fuzz/
# for a share of the total time, one after another, and says what each did.
#   Targets (their properties: fuzz/checks.rs): json_text (JSON text
#            against serde_json's tree, all schemas and options), host_value
#            (JavaScript values modelled natively: throwing getters,
#            `undefined`, lying lengths, foreign leaves), phone (the engine,
#            its formats, as-you-type, the record path), address (postal
#            codes and states, the record path).
#   Corpus:  each target starts from fuzz/corpus/<target>/ (committed,
#            replayed by `cargo test`: tests/fuzz_corpus.rs) and writes what
#            it finds to fuzz/runs/<target>/ (not committed; to keep some,
#            `cargo +nightly fuzz cmin` into the corpus, see CONTRIBUTING.md).
#   Exit:    non-zero when a target crashed (a panic, or a check failed);
#            the input is in fuzz/artifacts/<target>/, replay it with
#            `cargo +nightly fuzz run <target> <file>` from fuzz/.
#   Runs at nice 10, with a 2 GB RSS limit and small inputs (-max_len).
#
#   scripts/fuzz.sh [SECONDS]   (the total; default 600, split evenly)
set -euo pipefail
cd "$(dirname "$0")/.."

total=${1:-600}
targets=(json_text host_value phone address)
per=$((total / ${#targets[@]}))
if ((per < 1)); then per=1; fi

# Longest input a target is given: enough for a full record (JSON text, a
# host value) or a phone number or address, small enough to stay fast.
max_len() {
  case "$1" in
    json_text) echo 16384 ;;
    host_value) echo 4096 ;;
    phone) echo 128 ;;
    address) echo 256 ;;
  esac
}

if ! rustup toolchain list | grep -q '^nightly'; then
  rustup toolchain install nightly --profile minimal
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  cargo +nightly install cargo-fuzz --locked
fi

cd fuzz
nice -n 10 cargo +nightly fuzz build -O
stamp=$(mktemp)
trap 'rm -f "$stamp"' EXIT
failed=()
summary=()
for target in "${targets[@]}"; do
  mkdir -p "runs/$target" "artifacts/$target"
  touch "$stamp"
  log="runs/$target.log"
  echo "==> $target: ${per}s"
  status=0
  nice -n 10 cargo +nightly fuzz run -O "$target" "runs/$target" "corpus/$target" -- \
    -max_total_time="$per" -rss_limit_mb=2048 -max_len="$(max_len "$target")" \
    -timeout=30 -print_final_stats=1 >"$log" 2>&1 || status=$?
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -n 1)
  found=$(find "artifacts/$target" -type f -newer "$stamp" | head -n 1)
  if ((status != 0)) || [[ -n $found ]]; then
    failed+=("$target")
    summary+=("$target: ${execs:-?} execs, FOUND a failure (exit $status): ${found:-see $log}")
    grep -E 'panicked|ERROR|SUMMARY' "$log" | head -n 5 || true
  else
    summary+=("$target: ${execs:-?} execs, nothing found (fuzz/runs/$target holds $(find "runs/$target" -type f | wc -l) inputs)")
  fi
done

printf '\n==================== fuzz summary (%ss a target) ====================\n' "$per"
printf '%s\n' "${summary[@]}"
if ((${#failed[@]} > 0)); then
  echo "failures in: ${failed[*]} (logs: fuzz/runs/<target>.log)" >&2
  exit 1
fi
