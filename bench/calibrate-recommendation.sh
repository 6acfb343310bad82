#!/usr/bin/env bash
# How often `prompt-arena calibrate` recommends trust / correct / replace (docs/statistics.md 19.4), under simulated
# judges of known behaviour (unbiased, position-biased, length-biased, at chance) and 50-300 labels of 400 cases,
# with the rule before this session beside. Usage: bench/calibrate-recommendation.sh [RUNS]   # default 2000 per row
set -euo pipefail
RUNS=${1:-2000}
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
mvn -B -q -ntp -DskipTests -Dcds.skip package >&2
mvn -B -q -ntp test-compile >&2
work=$(mktemp -d /tmp/prompt-arena-calibrate.XXXXXX)
trap 'rm -rf "$work"' EXIT
cp=$(mvn -B -q -ntp dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
# A private copy of the classes, so a rebuild while the sweep runs cannot change what it loads.
cp -r target/classes "$work/classes" && cp -r target/test-classes "$work/test-classes"
java -XX:+UseSerialGC -cp "$work/classes:$work/test-classes:$cp" dev.promptarena.calibration.RecommendationSimulation "$RUNS"
