#!/usr/bin/env bash
# The fake server's own added latency: one call at a time over one keep-alive connection (curl), after the warm-up.
#
#   [FAKE_WARMUP=old] bench/fake-latency.sh [LATENCY_MS] [WARMUP_CONCURRENCY] [CALLS]
#
# Sends 5 unmeasured calls, then CALLS (default 30) measured ones, and prints their mean, min and max time as curl
# measures it (request sent to response read), the server's CPU per request and the load average before.
set -euo pipefail
LATENCY=${1:-200}
CONC=${2:-64}
CALLS=${3:-30}
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work=$(mktemp -d /tmp/prompt-arena-fake-latency.XXXXXX)
server_pid=""
trap '[ -z "$server_pid" ] || kill "$server_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
source "$here/bench/fake-server.sh"
IDLE_EXIT_S=1 start_fake_server "$work" $((CALLS + 5)) --warmup-concurrency "$CONC" --latency-ms "$LATENCY"
load=$(cut -d' ' -f1-3 /proc/loadavg)
url="http://127.0.0.1:$port/v1/chat/completions"
urls=()
for _ in $(seq $((CALLS + 5))); do urls+=(-o /dev/null "$url"); done
curl -s -w '%{time_total}\n' -H 'Content-Type: application/json' \
  -d '{"model":"m","messages":[{"role":"user","content":"hello"}]}' "${urls[@]}" > "$work/times.txt"
wait "$server_pid" 2>/dev/null || true
tail -n "$CALLS" "$work/times.txt" | awk -v w="${FAKE_WARMUP:-new}" -v l="$load" \
  '{s += $1; if (NR == 1 || $1 < lo) lo = $1; if ($1 > hi) hi = $1} END {
     printf "fake_latency: warmup=%s calls=%d mean_ms=%.1f min_ms=%.1f max_ms=%.1f load_before=%s\n", w, NR, s / NR * 1000, lo * 1000, hi * 1000, l }'
grep 'cpu_ms_per_request\|connections' "$work/server.log"
