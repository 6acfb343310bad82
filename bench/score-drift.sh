#!/usr/bin/env bash
# False-alarm rate and power of `prompt-arena score`'s drift flag (docs/statistics.md 19.4): ScoreDriftSimulation
# scores windows of traces with a simulated judge of known behaviour (no drift, or fewer good answers in the last
# window) and counts the runs in which a window is flagged, by the Holm-adjusted flag and by the unadjusted p; then
# ScoreDriftPipeline runs `prompt-arena score` end to end with the bundled example's simulated judge (PIPELINE_RUNS a row).
#
#   bench/score-drift.sh [RUNS] [PIPELINE_RUNS]     # default 2000 and 400 runs per row
set -euo pipefail
RUNS=${1:-2000}
PIPELINE_RUNS=${2:-400}
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
mvn -B -q -ntp -DskipTests -Dcds.skip package >&2
mvn -B -q -ntp test-compile >&2
work=$(mktemp -d /tmp/prompt-arena-score-drift.XXXXXX)
trap 'rm -rf "$work"' EXIT
cp=$(mvn -B -q -ntp dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
# A private copy of the classes, so a rebuild while the sweep runs cannot change what it loads.
cp -r target/classes "$work/classes" && cp -r target/test-classes "$work/test-classes"
java -XX:+UseSerialGC -cp "$work/classes:$work/test-classes:$cp" dev.promptarena.canary.ScoreDriftSimulation "$RUNS"
echo
java -XX:+UseSerialGC -cp "$work/classes:$work/test-classes:$cp" dev.promptarena.cli.ScoreDriftPipeline "$PIPELINE_RUNS" "$work/pipeline"
