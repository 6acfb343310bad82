#!/usr/bin/env bash
# CPU of the CLI's phases: runs bench/run-bench.sh (KEEP=1) from this tree, samples the CLI JVM's user + system CPU every
# 20 ms from /proc, and prints, besides the bench's own figures, the CPU before the first call was sent (start-up), during
# the calls, and after the last call (statistics, reports, exit). CPU seconds move far less with other processes' load
# than wall seconds do, so two builds can be compared on a shared machine (bench/README.md, eighth session).
#
#   bench/phase-cpu.sh [CASES] [CONCURRENCY]
set -euo pipefail
CASES=${1:-10000}
CONC=${2:-256}
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out=$(mktemp /tmp/prompt-arena-phase-cpu.XXXXXX)
samples="$out.cpu"
trap 'rm -f "$out" "$samples"' EXIT
(cd "$here" && KEEP=1 bench/run-bench.sh "$CASES" "$CONC" 200 > "$out" 2>&1) &
bench_pid=$!
# The launcher execs java: the CLI's JVM is the process running this tree's jar with `run`.
jvm=""
for _ in $(seq 1 6000); do
  jvm=$(pgrep -f "java .*-jar $here/target/prompt-arena.jar run" | head -1 || true)
  [ -n "$jvm" ] && break
  sleep 0.005
done
while [ -n "$jvm" ] && stat=$(cat "/proc/$jvm/stat" 2>/dev/null); do
  set -- ${stat##*) }
  echo "$(date +%s%3N) $(( ${12} + ${13} ))" >> "$samples"
  sleep 0.02
done
wait "$bench_pid" || true
work=$(sed -n 's/^kept: //p' "$out")
journal=$(ls "$work"/reports/2*/journal.jsonl 2>/dev/null | head -1 || true)
if [ -n "$journal" ] && [ -s "$samples" ]; then
  python3 - "$journal" "$samples" "$(getconf CLK_TCK)" <<'PY'
import bisect, json, sys
ts = [json.loads(l)["atMillis"] for l in open(sys.argv[1])]
s = [tuple(map(int, l.split())) for l in open(sys.argv[2]) if l.strip()]
t = [a for a, _ in s]
tck = int(sys.argv[3])
def at(ms):  # CPU ticks at the last sample at or before ms
    return s[max(0, bisect.bisect_right(t, ms) - 1)][1]
first, last = min(ts) - 200, max(ts)  # first call sent (completion minus the fake's latency), last call completed
print(f"cpu_startup_s={at(first) / tck:.2f} cpu_calls_s={(at(last) - at(first)) / tck:.2f} cpu_after_s={(s[-1][1] - at(last)) / tck:.2f}")
PY
fi
grep -v '^kept: ' "$out"
[ -z "$work" ] || rm -rf "$work"
