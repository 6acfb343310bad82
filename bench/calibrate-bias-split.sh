#!/usr/bin/env bash
# How often `prompt-arena calibrate` calls the judge's mistakes position- or length-biased (docs/statistics.md 19.5):
# simulated judges whose mistakes are noise (10% or 25% of cases misread; order both or random; humans indifferent to
# length or picking the longer answer in 65% of cases; one judge, three samples or a panel of three) and judges with a
# position or a length bias of 0.15, at 30-200 labels of 400 cases, through the calibrate code path; beside it, the rule
# before session 16 (the slot split by the clustered Fisher test too, not by order pairs).
# Usage: bench/calibrate-bias-split.sh [RUNS]   # default 2000 per row
set -euo pipefail
RUNS=${1:-2000}
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
mvn -B -q -ntp -DskipTests -Dcds.skip package >&2
mvn -B -q -ntp test-compile >&2
work=$(mktemp -d /tmp/prompt-arena-bias-split.XXXXXX)
trap 'rm -rf "$work"' EXIT
cp=$(mvn -B -q -ntp dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
# A private copy of the classes, so a rebuild while the sweep runs cannot change what it loads.
cp -r target/classes "$work/classes" && cp -r target/test-classes "$work/test-classes"
java -XX:+UseSerialGC -cp "$work/classes:$work/test-classes:$cp" dev.promptarena.calibration.BiasSplitSimulation "$RUNS"
