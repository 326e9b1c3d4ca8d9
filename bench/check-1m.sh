#!/usr/bin/env bash
# Throughput and peak memory of `customer-schema check` on 1,000,000 generated
# records (NDJSON, 20 countries, ~1 in 9 invalid), with --jobs 1 and 2, and of
# the streaming API alone. Run after scripts/build.sh (release).
#   bench/check-1m.sh [COUNT]
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${1:-1000000}
FILE=${TMPDIR:-/tmp}/customers-$COUNT.ndjson
if [ ! -s "$FILE" ]; then
  node scripts/gen-customers.mjs --count "$COUNT" --seed 7 --out "$FILE"
fi
ls -l "$FILE"
for jobs in 1 2; do
  echo "== check --jobs $jobs"
  /usr/bin/time -v node pkg/cli/main.mjs check "$FILE" --jobs "$jobs" > /tmp/check-$jobs.out 2> /tmp/check-$jobs.time || true
  seconds=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' /tmp/check-$jobs.time)
  rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' /tmp/check-$jobs.time)
  sed -n 3,6p /tmp/check-$jobs.out
  awk -v c="$COUNT" -v s="$seconds" -v r="$rss" 'BEGIN { printf "  %.1f s, %.0f records/s, peak RSS %.0f MB (main process; workers are threads in it)\n", s, c / s, r / 1024 }'
done
echo "== streaming API (validateNdjsonChunks), one thread"
/usr/bin/time -v node bench/stream.mjs "$FILE" 2> /tmp/stream.time
awk -F': ' '/Maximum resident set size/ { printf "  peak RSS %.0f MB\n", $2 / 1024 }' /tmp/stream.time
