#!/usr/bin/env bash
# The judge panel's warnings over many runs: PanelWarningSweep (analysis code, simulated panels of known kappa,
# position bias and stability; RUNS runs per row) and PanelSweep (sim judge panels through the real pipeline,
# 200 cases; SEEDS runs per row). Prints the tables of docs/statistics.md section 19.
#
#   bench/panel-validity.sh [RUNS] [SEEDS]     # default 2000 and 200
set -euo pipefail
RUNS=${1:-2000}
SEEDS=${2:-200}
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
mvn -B -q -ntp -DskipTests -Dcds.skip package >&2
mvn -B -q -ntp test-compile >&2
work=$(mktemp -d /tmp/prompt-arena-panel.XXXXXX)
trap 'rm -rf "$work"' EXIT
cp=$(mvn -B -q -ntp dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
# A private copy of the classes, so a rebuild while the sweep runs cannot change what it loads.
cp -r target/classes "$work/classes" && cp -r target/test-classes "$work/test-classes"
java -XX:+UseSerialGC -cp "$work/classes:$work/test-classes:$cp" dev.promptarena.stats.PanelWarningSweep "$RUNS"
echo
java -XX:+UseSerialGC -cp "$work/classes:$work/test-classes:$cp" dev.promptarena.validity.PanelSweep "$SEEDS" "$work/runs"
