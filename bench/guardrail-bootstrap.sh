#!/usr/bin/env bash
# Time of the latency guardrail's percentile bootstrap at CASES cases (default 10000), 10,000 resamples.
#   bench/guardrail-bootstrap.sh [CASES]        (needs target/prompt-arena.jar: mvn -B -q -DskipTests package)
set -euo pipefail
CASES=${1:-10000}
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work=$(mktemp -d /tmp/prompt-arena-guardrail-boot.XXXXXX)
trap 'rm -rf "$work"' EXIT
cd "$here"
cp target/prompt-arena.jar "$work/prompt-arena.jar"
java -cp "$work/prompt-arena.jar" bench/GuardrailBootstrap.java "$CASES"
