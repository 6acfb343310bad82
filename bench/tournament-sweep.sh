#!/usr/bin/env bash
# The tournament simulation sweep (issue 18): coverage of the 95% case-bootstrap intervals of Bradley–Terry scores,
# how often the top estimate is the true best against `plan tournament`'s prediction, and how often a pure-position
# judge gets any variant ranked above another. Figures go to docs/statistics.md ("Tournaments").
#   bench/tournament-sweep.sh [SEEDS] [CASES] [RESAMPLES]      defaults: 1000 100 1000 (about 3 minutes on one core)
set -euo pipefail
cd "$(dirname "$0")/.."
seeds=${1:-1000} cases=${2:-100} resamples=${3:-1000}
mvn -B -ntp -q test-compile
cp=$(mvn -B -ntp -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout)
echo "java: $(java -version 2>&1 | head -1); cores: $(nproc)"
time java -cp "target/classes:target/test-classes:$cp" dev.promptarena.stats.tournament.TournamentSweep "$seeds" "$cases" "$resamples"
