#!/usr/bin/env bash
# End-to-end benchmark of the real CLI against a local fake OpenAI-compatible server.
#
#   bench/run-bench.sh [CASES] [CONCURRENCY] [LATENCY_MS] [JITTER_MS] [ERROR_RATE] [RATE_429]
#
# Starts bench/FakeServer.java on 127.0.0.1 (random port, bounded request count, exits by
# itself when idle), writes a generated golden set and arena.yaml into a temp dir, runs
# `bin/prompt-arena run` under /usr/bin/time -v with a fresh cache, and prints efficiency
# (ideal = calls x latency / concurrency, over the measured wall time of the whole process),
# peak RSS, CPU time per call and the startup time of `--help`. BENCH_RUN_ARGS adds options to the run
# (e.g. BENCH_RUN_ARGS=--no-cache to measure what the response cache costs); BENCH_RUN_JAVA_OPTS replaces the
# launcher's JVM options for the run only, not for the `--help` timings (e.g. to record a flight recording).
# BENCH_FORMAT=csv writes the golden set as CSV (each message a quoted cell over two lines) instead of JSONL.
# BENCH_FLOOR=1 also samples the CLI's CPU every 20 ms (printing its CPU per call inside the calls phase only) and, after
# the run, runs bench/bare-bound.sh with the same calls, concurrency and server options, printing the floor of the same
# minute: floor_calls_phase_s, floor_cpu_ms_per_call and cli_over_floor_calls (the CLI's calls phase over the floor's),
# with the floor's client (floor_transport: java.net.http like the CLI, or BARE_TRANSPORT=blocking for HttpURLConnection).
set -euo pipefail
CASES=${1:-1000}
CONC=${2:-64}
LATENCY=${3:-200}
JITTER=${4:-0}
ERRORS=${5:-0}
R429=${6:-0}
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
[ -x /usr/bin/time ] || { echo "needs GNU time: apt-get install -y time" >&2; exit 2; }
[ -f target/prompt-arena.jar ] || mvn -B -q -o -DskipTests package >&2

work=$(mktemp -d /tmp/prompt-arena-bench.XXXXXX)
server_pid=""
trap '[ -z "$server_pid" ] || kill "$server_pid" 2>/dev/null || true; [ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT

# The judge scores every axis of the rubric, as a real judge does (the analysis bootstraps each axis).
axes=$(sed -n 's/^  - name: //p' rubrics/support-bot.yaml | paste -sd, -)
source "$here/bench/fake-server.sh"
start_fake_server "$work" $((CASES * 6 + 100)) --warmup-concurrency "$CONC" --latency-ms "$LATENCY" --jitter-ms "$JITTER" --axes "$axes" \
  --error-rate "$ERRORS" --rate-429 "$R429"

dataset="$work/cases.${BENCH_FORMAT:-jsonl}"
python3 - "$CASES" "${BENCH_FORMAT:-jsonl}" > "$dataset" <<'PY'
import csv, json, sys
rows = ({"id": f"c{i:05d}", "message": f"Case {i}: my order has not arrived, what now?",
         "customer_name": "Sam", "order": f"#{40000 + i}", "reference": "Open a trace per S-1."} for i in range(int(sys.argv[1])))
if sys.argv[2] == "csv":
    w = csv.DictWriter(sys.stdout, ["id", "message", "customer_name", "order", "reference"], lineterminator="\r\n")
    w.writeheader()
    for r in rows:
        w.writerow({**r, "message": r["message"].replace(": ", ":\n", 1)})
else:
    for r in rows:
        print(json.dumps(r))
PY
cat > "$work/arena.yaml" <<YAML
name: bench
dataset: $dataset
rubric: $here/rubrics/support-bot.yaml
output: $work/reports
providers:
  fake:
    type: openai
    base_url: http://127.0.0.1:$port/v1
    concurrency: $CONC
decoding: {temperature: 0.0, top_p: 1.0, max_tokens: 256, seed: 1}
variants:
  A: {provider: fake, model: bench-model, system: "Be helpful.", user: "{{customer_name}} {{order}}: {{message}}"}
  B: {provider: fake, model: bench-model, system: "Be helpful and cite policy.", user: "{{customer_name}} {{order}}: {{message}}"}
judge: {provider: fake, model: bench-judge, seed: 42}
YAML

# Cases in flight: twice the provider's concurrency keeps its queue full while judges wait for A and B.
set +e
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
t_start=$(date +%s%3N)
PROMPT_ARENA_JAVA_OPTS="${BENCH_RUN_JAVA_OPTS:-${PROMPT_ARENA_JAVA_OPTS:-}}" \
  PROMPT_ARENA_CACHE_DIR="$work/cache" /usr/bin/time -v bin/prompt-arena run "$work/arena.yaml" \
  --concurrency $((CONC * 2)) -q ${BENCH_RUN_ARGS:-} > "$work/run.out" 2> "$work/time.txt" &
run_pid=$!
sampler_pid=""
if [ -n "${BENCH_FLOOR:-}" ]; then
  # The launcher execs java, so the child of /usr/bin/time is the JVM: its user + system ticks, every 20 ms.
  python3 - "$run_pid" > "$work/cpu.txt" <<'PY' &
import sys, time
parent, pid, rows = sys.argv[1], None, []
while pid is None:
    try:
        kids = open(f"/proc/{parent}/task/{parent}/children").read().split()
    except OSError:
        sys.exit(0)
    pid = kids[0] if kids else time.sleep(0.005)
while True:
    try:
        fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    except OSError:
        break
    rows.append(f"{time.time() * 1000:.0f} {int(fields[11]) + int(fields[12])}")
    time.sleep(0.02)
print("\n".join(rows))
PY
  sampler_pid=$!
fi
wait "$run_pid"
rc=$?
t_end=$(date +%s%3N)
[ -z "$sampler_pid" ] || wait "$sampler_pid"
set -e
journal=$(ls "$work"/reports/*/journal.jsonl 2>/dev/null | head -1 || true)
calls=$( [ -n "$journal" ] && wc -l < "$journal" || echo 0)
wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$work/time.txt")
user=$(awk -F': ' '/User time/ {print $2}' "$work/time.txt")
sys=$(awk -F': ' '/System time/ {print $2}' "$work/time.txt")
rss=$(awk -F': ' '/Maximum resident/ {print $2}' "$work/time.txt")

# Phases from the journal's completion stamps: startup until the first call completed (minus one
# latency), the call phase, and what follows the last call (statistics and reports).
phases=""
if [ -n "$journal" ]; then
  phases=$(python3 - "$journal" "$t_start" "$t_end" "$LATENCY" "$CONC" <<'PY'
import json, sys
entries = [json.loads(l) for l in open(sys.argv[1])]
ts = [e["atMillis"] for e in entries]
start, end, lat, conc = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
first, last = min(ts), max(ts)
calls_phase = (last - first + lat) / 1000
print(f"phase_startup_s={(first - lat - start) / 1000:.2f} phase_calls_s={calls_phase:.2f} phase_after_calls_s={(end - last) / 1000:.2f}")
# The engine's own efficiency: the same ideal over the call phase only (no JVM start, config, statistics or reports).
print(f"calls_phase_efficiency={len(ts) * lat / 1000 / conc / calls_phase:.3f}")
# Each answered call's latency as the CLI measured it (request sent to reply parsed), against the server's LATENCY_MS;
# a failed call has no response.
lats = sorted(e["response"]["latencyMillis"] for e in entries if e.get("response")) or [0]
print(f"call_latency_ms_mean={sum(lats) / len(lats):.1f} call_latency_ms_p50={lats[len(lats) // 2]} call_latency_ms_p99={lats[int(len(lats) * 0.99)]}")
PY
)
fi
if [ -n "$journal" ] && [ -s "$work/cpu.txt" ]; then
  # CPU inside the calls phase only (first call sent, estimated as above, to the last call completed): no JVM start,
  # no statistics or reports. Sampled every 20 ms in clock ticks, so good to ~0.02 s of CPU.
  phases="$phases
$(python3 - "$journal" "$work/cpu.txt" "$LATENCY" <<'PY'
import bisect, json, os, sys
ts = [json.loads(l)["atMillis"] for l in open(sys.argv[1])]
samples = [tuple(map(int, l.split())) for l in open(sys.argv[2]) if l.strip()]
times = [t for t, _ in samples]
def ticks_at(ms):  # the last sample at or before ms
    return samples[max(0, bisect.bisect_right(times, ms) - 1)][1]
cpu_s = (ticks_at(max(ts)) - ticks_at(min(ts) - int(sys.argv[3]))) / os.sysconf("SC_CLK_TCK")
print(f"calls_phase_cpu_s={cpu_s:.2f} calls_phase_cpu_ms_per_call={cpu_s * 1000 / len(ts):.3f}")
PY
)"
fi

best=999
for _ in 1 2 3 4 5; do
  s=$(date +%s.%N); bin/prompt-arena --help > /dev/null; e=$(date +%s.%N)
  best=$(echo "$e - $s" | bc -l | awk -v b="$best" '{print ($1 < b) ? $1 : b}')
done
wait "$server_pid" 2>/dev/null || true

awk -v c="$calls" -v lat="$LATENCY" -v conc="$CONC" -v w="$wall" -v u="$user" -v s="$sys" -v rss="$rss" \
    -v cases="$CASES" -v rc="$rc" -v st="$best" 'BEGIN {
  ideal = c * lat / 1000 / conc
  printf "cases=%d calls=%d concurrency=%d latency_ms=%d exit=%d\n", cases, c, conc, lat, rc
  printf "wall_s=%.2f ideal_s=%.2f efficiency=%.3f\n", w, ideal, (w > 0 ? ideal / w : 0)
  printf "peak_rss_mb=%.0f cpu_ms_per_call=%.2f startup_help_s=%.3f\n", rss / 1024, (c > 0 ? (u + s) * 1000 / c : 0), st
}'
echo "$phases"
cat "$work/server.log"
[ -z "${KEEP:-}" ] || echo "kept: $work"
if [ -n "${BENCH_FLOOR:-}" ]; then
  echo "load_before_run=$load_before load_before_floor=$(cut -d' ' -f1-3 /proc/loadavg)"
  floor=$(bench/bare-bound.sh "$CASES" "$CONC" "$LATENCY" "$JITTER" "$ERRORS" "$R429" 2>&1 || true)
  cli_calls=$(sed -n 's/.*phase_calls_s=\([0-9.]*\).*/\1/p' <<< "$phases")
  floor_calls=$(sed -n 's/.*bare_calls_phase_s=\([0-9.]*\).*/\1/p' <<< "$floor")
  floor_cpu=$(sed -n 's/.*bare_cpu_ms_per_call=\([0-9.]*\).*/\1/p' <<< "$floor")
  if [ -n "$cli_calls" ] && [ -n "$floor_calls" ]; then
    awk -v c="$cli_calls" -v f="$floor_calls" -v fc="$floor_cpu" \
      'BEGIN { printf "floor_calls_phase_s=%.2f floor_cpu_ms_per_call=%s cli_over_floor_calls=%.3f floor_transport='"${BARE_TRANSPORT:-jdk}"'\n", f, fc, c / f }'
  else
    echo "floor: no figures from bench/bare-bound.sh:" >&2; echo "$floor" >&2
  fi
fi
[ "$rc" -le 3 ] || { echo "run failed (exit $rc):" >&2; tail -n 20 "$work/run.out" "$work/time.txt" >&2; }
