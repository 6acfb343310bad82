#!/usr/bin/env bash
# CPU time a draw of the bootstrap's resampling layouts (issue 21, seventh session; bench/README.md):
#
#   bench/resample-bench.sh [CASES] [DRAWS]
#
# Three axes' score differences (whole numbers -4..4) and the win rate's tie scores (0, 1/2, 1) over CASES clusters,
# resampled on one thread in the column layout (the doubles read where they lie, as from 100,000 cases before) and the
# byte-row layout (values that are all halves), DRAWS draws each (default 2e8), with the launcher's JIT (C1 only);
# and the cost of skipping the same draws (what the second thread pays to start part-way through the stream).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
cases=${1:-100000}
draws=${2:-200000000}
[ -f target/prompt-arena.jar ] || mvn -B -q -o -DskipTests package >&2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
javac -cp target/prompt-arena.jar -d "$out" bench/ResampleBench.java
java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$out:target/prompt-arena.jar" dev.promptarena.stats.ResampleBench \
  "$cases" $((draws / cases))
