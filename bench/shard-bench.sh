#!/usr/bin/env bash
# Shards then merge, end to end, against the bench's fake server (nothing leaves the machine):
#
#   bench/shard-bench.sh [CASES] [SHARDS] [CONCURRENCY]
#
# Runs `run --shard K/N` for K = 1..N one after another (as N CI machines would, here on one), times
# `prompt-arena merge` under /usr/bin/time -v, then runs the whole set on one machine from the shards'
# response cache (no call reaches the server) and compares the CSVs and case files byte for byte.
set -euo pipefail
CASES=${1:-10000}
SHARDS=${2:-4}
CONC=${3:-64}
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
[ -x /usr/bin/time ] || { echo "needs GNU time: apt-get install -y time" >&2; exit 2; }
[ -f target/prompt-arena.jar ] || mvn -B -q -o -DskipTests package >&2

work=$(mktemp -d /tmp/prompt-arena-shard-bench.XXXXXX)
server_pid=""
trap '[ -z "$server_pid" ] || kill "$server_pid" 2>/dev/null || true; [ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
axes=$(sed -n 's/^  - name: //p' rubrics/support-bot.yaml | paste -sd, -)
source "$here/bench/fake-server.sh"
start_fake_server "$work" $((CASES * 3 + 100)) --warmup-concurrency "$CONC" --latency-ms 0 --axes "$axes"

python3 - "$CASES" > "$work/cases.jsonl" <<'PY'
import json, sys
for i in range(int(sys.argv[1])):
    print(json.dumps({"id": f"c{i:06d}", "message": f"Case {i}: my order has not arrived, what now?",
                      "customer_name": "Sam", "order": f"#{40000 + i}", "reference": "Open a trace per S-1."}))
PY
cat > "$work/arena.yaml" <<YAML
name: bench
dataset: $work/cases.jsonl
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
export PROMPT_ARENA_CACHE_DIR="$work/cache"
for k in $(seq 1 "$SHARDS"); do
  bin/prompt-arena run "$work/arena.yaml" --shard "$k/$SHARDS" --out "$work/shards" --concurrency $((CONC * 2)) -q > "$work/shard-$k.out"
done
set +e
/usr/bin/time -v bin/prompt-arena merge "$work"/shards/*-shard-* --run-dir "$work/merged" > "$work/merge.out" 2> "$work/merge.time"
merge_rc=$?
bin/prompt-arena run "$work/arena.yaml" --run-dir "$work/whole" --concurrency $((CONC * 2)) -q > "$work/whole.out" 2>&1
whole_rc=$?
set -e
wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$work/merge.time")
rss=$(awk -F': ' '/Maximum resident/ {print $2}' "$work/merge.time")
same=0; differ=""
for f in cases.csv summary.csv axes.csv segments.csv cases.jsonl outcomes.jsonl; do
  if cmp -s "$work/whole/$f" "$work/merged/$f"; then same=$((same + 1)); else differ="$differ $f"; fi
done
echo "cases=$CASES shards=$SHARDS merge_exit=$merge_rc whole_exit=$whole_rc"
echo "merge_wall_s=$wall merge_peak_rss_mb=$((rss / 1024))"
echo "identical_files=$same/6${differ:+ differ:$differ}"
cat "$work/server.log"
