#!/usr/bin/env bash
# Coverage of the human-corrected win rate (issue 17) over many seeds: a judge biased toward B by 10 points and
# one that agrees with humans 70% of the time, labels from a known truth (dev.promptarena.stats.PpiSimulation).
# Prints, per judge and labelling design, the share of 95% intervals that cover the true human win rate
# (corrected, human-only, judge-only) and the corrected interval's mean width. Pure computation, no network.
#   bench/ppi-coverage.sh [CASES] [LABELS] [SEEDS]      (default 1000 100 20000; about 10 s per 20,000 seeds)
set -euo pipefail
cd "$(dirname "$0")/.."
cases=${1:-1000}; labels=${2:-100}; seeds=${3:-20000}
mvn -B -ntp -q test-compile
cp=$(mktemp)
trap 'rm -f "$cp"' EXIT
mvn -B -ntp -q dependency:build-classpath -Dmdep.outputFile="$cp" >/dev/null
java -cp "target/classes:target/test-classes:$(cat "$cp")" dev.promptarena.stats.PpiCoverage "$cases" "$labels" "$seeds"
