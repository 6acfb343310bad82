#!/usr/bin/env bash
# Two guardrail sweeps on the decision code (docs/statistics.md §18, "check_pass_drop_max with repeats" and
# "latency p95 at small n"):
#   ClusteredCheckAa RUNS : check_pass_drop_max with 3 repeats of 100 cases, design-effect corrected vs unclustered
#   LatencyP95Aa RUNS     : latency_p95_increase_ms A/A breach rate at n = 10..200 (percentile bootstrap, 2,000 resamples)
#
#   bench/guardrail-repeats-small-n.sh [RUNS]     # default 2000 (binomial SE at 2.5%: 0.35 points)
set -euo pipefail
RUNS=${1:-2000}
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
mvn -B -q -ntp test-compile >&2
cp=$(mvn -B -q -ntp dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
java -XX:+UseSerialGC -cp "target/classes:target/test-classes:$cp" dev.promptarena.decision.ClusteredCheckAa "$RUNS"
echo
java -XX:+UseSerialGC -cp "target/classes:target/test-classes:$cp" dev.promptarena.validity.LatencyP95Aa "$RUNS"
