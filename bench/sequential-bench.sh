#!/usr/bin/env bash
# Calls and cost saved by the sequential designs of issue 16, per judge personality, by simulation on the
# statistic (no provider, no network). Figures: bench/README.md and docs/statistics.md.
# Usage: bench/sequential-bench.sh [runs per cell=200000] [usd per judged case=0.01]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-200000}"
USD="${2:-0.01}"
mvn -B -q -ntp test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
java -cp "target/classes:target/test-classes:$(cat target/bench.cp)" dev.promptarena.bench.SequentialBench "$RUNS" "$USD"
