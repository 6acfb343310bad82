#!/usr/bin/env bash
# The verdict-validity sweep: every simulated judge personality over SEEDS runs of 200 cases through the real
# pipeline (src/test/java/dev/promptarena/validity/ValiditySweep.java), printing the table of measured rates.
#
#   bench/validity.sh [SEEDS]        # default 400: rates within about ±2 points (binomial SE at most 2.5 points)
#
# With WRITE=1 the table replaces the one between the markers in docs/statistics.md.
set -euo pipefail
SEEDS=${1:-400}
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
mvn -B -q -ntp -DskipTests -Dcds.skip package >&2
mvn -B -q -ntp test-compile >&2
work=$(mktemp -d /tmp/prompt-arena-validity.XXXXXX)
trap 'rm -rf "$work"' EXIT
cp=$(mvn -B -q -ntp dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
# A private copy of the classes, so a rebuild while the sweep runs cannot change what it loads.
cp -r target/classes "$work/classes" && cp -r target/test-classes "$work/test-classes"
table=$(java -XX:+UseSerialGC -cp "$work/classes:$work/test-classes:$cp" dev.promptarena.validity.ValiditySweep "$SEEDS" "$work/runs")
echo "$table"
# The guardrails' sweep (OpsArena: generated outputs with random latency, cost, length, truncation and check results),
# GSEEDS runs per variant (default SEEDS/2: each run makes three calls per case, not one).
GSEEDS=${GSEEDS:-$((SEEDS / 2))}
gtable=$(java -XX:+UseSerialGC -cp "$work/classes:$work/test-classes:$cp" dev.promptarena.validity.GuardrailSweep "$GSEEDS" "$work/guardrails")
echo "$gtable"
if [ -n "${WRITE:-}" ]; then
  /usr/bin/python3 - "$table" "$SEEDS" "$gtable" "$GSEEDS" <<'PY'
import re, sys
table, seeds, gtable, gseeds = sys.argv[1:5]
p = 'docs/statistics.md'
s = open(p).read()
block = f'<!-- validity-table:start (bench/validity.sh {seeds}) -->\n{table}\n<!-- validity-table:end -->'
s = re.sub(r'<!-- validity-table:start.*?<!-- validity-table:end -->', lambda m: block, s, flags=re.S)
gblock = f'<!-- guardrail-table:start (bench/validity.sh, GSEEDS={gseeds}) -->\n{gtable}\n<!-- guardrail-table:end -->'
s = re.sub(r'<!-- guardrail-table:start.*?<!-- guardrail-table:end -->', lambda m: gblock, s, flags=re.S)
open(p, 'w').write(s)
PY
fi
