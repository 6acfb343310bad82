#!/usr/bin/env bash
# Issue 16 on the real pipeline: A/A sequential runs (sim provider, both variants with the same prompt,
# judge noise 0.5, 120 cases, 4 O'Brien-Fleming looks) over many judge seeds; prints how many passed,
# failed, stopped early, and the mean cases judged. Figures: docs/statistics.md §15.1.
# Usage: bench/sequential-pipeline.sh [seeds=100]
set -euo pipefail
cd "$(dirname "$0")/.."
SEEDS="${1:-100}"
[ -f target/prompt-arena.jar ] || mvn -B -q -ntp -DskipTests package
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
lines=""
for i in $(seq 0 119); do
  lines+="{\"id\": \"c$i\", \"customer_name\": \"Ana\", \"message\": \"My package hasn't arrived after $((i + 5)) days\", \"context\": \"Shipping policy (S-1): late orders are traced and reshipped.\", \"reference\": \"Trace and reship per shipping policy (S-1).\"}"$'\n'
done
printf '%s' "$lines" > "$work/golden.jsonl"
cat > "$work/rubric.yaml" <<'R'
name: t
axes:
  - name: Clarity
    anchors: {1: bad, 3: ok, 5: great}
  - name: Policy citation
    anchors: {1: none, 3: vague, 5: named}
R
pass=0; fail=0; early=0; cases=0
for seed in $(seq 1 "$SEEDS"); do
  cat > "$work/arena.yaml" <<Y
name: aa
dataset: golden.jsonl
rubric: rubric.yaml
output: reports
providers:
  sim: {type: sim, options: {noise: 0.5}}
decoding: {temperature: 0, max_tokens: 200, seed: 1}
variants:
  A: {name: base, provider: sim, model: model-a, system: "Be helpful.", user: "Customer name: {{customer_name}}\nRelevant policy:\n{{context}}\nCustomer message: {{message}}"}
  B: {name: cand, provider: sim, model: model-b, system: "Be helpful.", user: "Customer name: {{customer_name}}\nRelevant policy:\n{{context}}\nCustomer message: {{message}}"}
judge: {provider: sim, model: judge-model, order: random, seed: $seed}
decision:
  sequential: {looks: [0.25, 0.5, 0.75, 1.0], spending: obrien_fleming}
Y
  code=0
  java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar target/prompt-arena.jar run "$work/arena.yaml" --quiet --no-cache \
    --run-dir "$work/run$seed" >/dev/null 2>&1 || code=$?
  [ "$code" = 0 ] && pass=$((pass + 1))
  [ "$code" = 1 ] && fail=$((fail + 1))
  n=$(wc -l < "$work/run$seed/cases.jsonl")
  cases=$((cases + n))
  [ "$n" -lt 120 ] && early=$((early + 1))
  rm -rf "$work/run$seed"
done
echo "A/A sequential runs: $SEEDS; PASS $pass; FAIL $fail; stopped before the last look $early; mean cases $(awk "BEGIN {print $cases / $SEEDS}")"
