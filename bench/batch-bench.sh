#!/usr/bin/env bash
# Batch mode end to end against the in-process fake of the batch APIs (src/test: FakeBatchServer; nothing
# leaves the machine):
#
#   bench/batch-bench.sh [CASES] [CONCURRENCY]
#   VARIANTS=K bench/batch-bench.sh [CASES] [CONCURRENCY]   # a round-robin tournament of K >= 3 variants instead
#
# Runs `run --batch` (OpenAI wire: JSONL upload, create, poll, download) under /usr/bin/time -v, then the
# same arena synchronously against the same fake's chat endpoint with a fresh cache, and prints both wall
# times, calls per second, peak RSS and CPU per call. The fake ends a batch at its first poll, so the figure
# is the tool's own cost of batch mode (collecting passes, JSONL, journaling), not a provider's queue.
set -euo pipefail
CASES=${1:-10000}
CONC=${2:-64}
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
[ -x /usr/bin/time ] || { echo "needs GNU time: apt-get install -y time" >&2; exit 2; }
[ -f target/prompt-arena.jar ] || mvn -B -q -o -DskipTests package >&2
[ -f target/test-classes/dev/promptarena/testing/FakeBatchServerMain.class ] || mvn -B -q -o test-compile >&2

work=$(mktemp -d /tmp/prompt-arena-batch-bench.XXXXXX)
server_pid=""
trap '[ -z "$server_pid" ] || kill "$server_pid" 2>/dev/null || true; [ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
java -cp target/prompt-arena.jar:target/test-classes dev.promptarena.testing.FakeBatchServerMain "$work/port" > "$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 300); do [ -s "$work/port" ] && break; sleep 0.1; done
port=$(cat "$work/port")

python3 - "$CASES" > "$work/golden.jsonl" <<'PY'
import json, sys
for i in range(int(sys.argv[1])):
    print(json.dumps({"id": f"c{i:06d}", "customer_name": "Ana", "message": f"My package hasn't arrived after {i + 5} days",
                      "context": "Shipping policy (S-1): late orders are traced and reshipped.", "reference": "Trace and reship (S-1)."}))
PY
cat > "$work/rubric.yaml" <<'YAML'
name: t
axes:
  - name: Clarity
    anchors: {1: bad, 3: ok, 5: great}
  - name: Policy citation
    anchors: {1: none, 3: vague, 5: named}
YAML
cat > "$work/arena.yaml" <<YAML
name: batch-bench
dataset: golden.jsonl
rubric: rubric.yaml
output: reports
providers:
  fake: {type: openai, base_url: "http://127.0.0.1:$port/v1", concurrency: $CONC}
decoding: {temperature: 0, max_tokens: 200, seed: 1}
$(if [ -z "${VARIANTS:-}" ]; then
  echo "variants:"
  echo "  A: {provider: fake, model: model-a, system: \"Be helpful.\", user: \"{{customer_name}}: {{message}} ({{context}})\"}"
  echo "  B: {provider: fake, model: model-b, system: \"Be helpful and cite the policy.\", user: \"{{customer_name}}: {{message}} ({{context}})\"}"
else
  echo "variants:"
  echo "  v0: {control: true, provider: fake, model: model-a, system: \"Be helpful.\", user: \"{{customer_name}}: {{message}} ({{context}})\"}"
  for v in $(seq 1 $((VARIANTS - 1))); do
    echo "  v$v: {provider: fake, model: model-b$v, system: \"Be helpful, style $v.\", user: \"{{customer_name}}: {{message}} ({{context}})\"}"
  done
  echo "tournament: {schedule: round_robin}"
fi)
judge: {provider: fake, model: judge-model, order: random, seed: 5}
prices: {model-a: {input: 1, output: 2}, model-b: {input: 1, output: 2}, judge-model: {input: 3, output: 1}$(for v in $(seq 1 $((${VARIANTS:-1} - 1))); do printf ', model-b%s: {input: 1, output: 2}' "$v"; done)}
YAML
measure() { # name, then the run's arguments
  local name=$1; shift
  set +e
  PROMPT_ARENA_CACHE_DIR="$work/cache-$name" /usr/bin/time -v bin/prompt-arena run "$work/arena.yaml" --run-dir "$work/$name" \
    --concurrency $((CONC * 2)) -q "$@" > "$work/$name.out" 2> "$work/$name.time"
  echo "$?" > "$work/$name.rc"
  set -e
  local wall rss cpu calls
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$work/$name.time")
  rss=$(awk -F': ' '/Maximum resident/ {printf "%d", $2/1024}' "$work/$name.time")
  cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {print u+s}' "$work/$name.time")
  calls=$(wc -l < "$work/$name/journal.jsonl")
  echo "${name}_exit=$(cat "$work/$name.rc") ${name}_calls=$calls ${name}_wall_s=$wall ${name}_calls_per_s=$(awk -v c="$calls" -v w="$wall" 'BEGIN {printf "%.0f", c / w}') ${name}_peak_rss_mb=$rss ${name}_cpu_ms_per_call=$(awk -v c="$calls" -v t="$cpu" 'BEGIN {printf "%.2f", t * 1000 / c}')"
}
echo "cases=$CASES concurrency=$CONC"
measure batch --batch
echo "batch_batches=$(grep -o '"id":"[^"]*"' "$work/batch/batches.jsonl" | sort -u | wc -l) batch_cost_usd=$(python3 -c "import json; print(round(json.load(open('$work/batch/engine.json'))['costUsd'], 6))")"
measure sync --no-cache
echo "sync_cost_usd=$(python3 -c "import json; print(round(json.load(open('$work/sync/engine.json'))['costUsd'], 6))")"
if [ -z "${VARIANTS:-}" ]; then
  cmp -s <(grep -v -e latency -e cost "$work/batch/summary.csv") <(grep -v -e latency -e cost "$work/sync/summary.csv") \
    && echo "summary_identical=yes" || echo "summary_identical=NO"
else # a tournament: its ranking and pair tables carry no timing or cost column
  cmp -s "$work/batch/ranking.csv" "$work/sync/ranking.csv" && cmp -s "$work/batch/pairs.csv" "$work/sync/pairs.csv" \
    && echo "ranking_and_pairs_identical=yes" || echo "ranking_and_pairs_identical=NO"
fi
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
cat "$work/server.log"
