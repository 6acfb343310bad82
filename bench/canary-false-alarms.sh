#!/usr/bin/env bash
# False-alarm and detection rates of the canary monitor (docs/statistics.md, "Canary monitor"):
# the SRM check under correct hash assignment and under logging loss, and the error-rate guardrail under
# an A/A-like canary and a 3x breach, for 1-3 consecutive windows; the judge_<axis>_mean guardrail by scored traces per window; the task_completed_rate guardrail fed by
# `canary check --signals` by turns per window: plan limit vs stage limit, turns read as independent vs clustered by session
# (design effect), --min-turns in raw vs effective turns. Usage: bench/canary-false-alarms.sh [SEEDS]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
[ -f target/prompt-arena.jar ] && [ -d target/test-classes/dev/promptarena/canary ] || mvn -B -q -ntp -Dcds.skip test-compile package -DskipTests
java -cp target/prompt-arena.jar:target/test-classes dev.promptarena.canary.CanarySimulation "${1:-2000}"
java -cp target/prompt-arena.jar:target/test-classes dev.promptarena.canary.SignalSimulation "${1:-2000}"
java -cp target/prompt-arena.jar:target/test-classes dev.promptarena.canary.JudgeGuardrailSimulation "${1:-2000}"
java -cp target/prompt-arena.jar:target/test-classes dev.promptarena.canary.SignalGuardrailSimulation "${1:-2000}"
