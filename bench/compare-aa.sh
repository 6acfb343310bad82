#!/usr/bin/env bash
# False-alarm rate (A/A) and power of `compare`'s regression rule over PAIRS seeds, real pipeline in one JVM.
#   bench/compare-aa.sh [PAIRS]        (needs target/prompt-arena.jar: mvn -B -q -DskipTests package)
set -euo pipefail
PAIRS=${1:-400}
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work=$(mktemp -d /tmp/prompt-arena-compare-aa.XXXXXX)
trap 'rm -rf "$work"' EXIT
cd "$here"
# A copy: rebuilding the jar while this runs would otherwise change classes under the running JVM.
cp target/prompt-arena.jar "$work/prompt-arena.jar"
java -cp "$work/prompt-arena.jar" bench/CompareAA.java "$PAIRS" "$work"
