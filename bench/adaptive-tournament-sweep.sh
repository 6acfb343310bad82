#!/usr/bin/env bash
# Error rates of the adaptive tournament schedule at scale (docs/statistics.md section 14): the suite's
# AdaptiveTournamentTest.adaptiveNeverInflatesFalseRankedAbove with more seeds. Usage: bench/adaptive-tournament-sweep.sh [seeds]
set -euo pipefail
cd "$(dirname "$0")/.."
seeds="${1:-200}"
mvn -B -ntp -q test -Dtest='AdaptiveTournamentTest#adaptiveNeverInflatesFalseRankedAbove' -Dsurefire.failIfNoSpecifiedTests=false \
  -Dadaptive.seeds="$seeds" 2>&1 | grep 'adaptive design'
