#!/usr/bin/env bash
# Checks that a branch leaves two-variant runs unchanged: builds REF (default main) from `git archive` in a temporary
# folder, runs the bundled two-variant example with both builds (no cache), and compares every file of the two run
# folders, ignoring only the run id, timestamps and command line (manifest.json, report.json, summary.md, report.html)
# and the journal's clock fields. Also compares the --dry-run output. Usage: bench/two-variant-identity.sh [REF]
set -euo pipefail
ref="${1:-main}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/ref"
git -C "$here" archive "$ref" | tar -x -C "$work/ref"
(cd "$work/ref" && mvn -B -ntp -q package -DskipTests -Dcds.skip)
(cd "$here" && mvn -B -ntp -q package -DskipTests -Dcds.skip)
example="$here/examples/support-bot.arena.yaml"
for side in ref head; do
  jar="$work/ref/target/prompt-arena.jar"; [ "$side" = head ] && jar="$here/target/prompt-arena.jar"
  java -jar "$jar" run "$example" --run-dir "$work/run" --no-cache -q > "$work/$side.out" 2>&1 || true
  java -jar "$jar" run "$example" --dry-run --no-cache > "$work/$side.dry" 2>&1
  mv "$work/run" "$work/$side"
done
normalize() {
  sed -E -e "s#$work/(ref|head)#RUN#g" -e 's/"(runId|startedAt|finishedAt)" : "[^"]*"/"\1" : X/' \
      -e 's/run (ref|head) ·/run X ·/' -e 's/"atMillis":[0-9]+//; s/"latencyMillis":[0-9]+//' "$1"
}
status=0
for f in $(cd "$work/ref" && ls); do
  if cmp -s "$work/ref/$f" "$work/head/$f"; then echo "same        $f"
  elif diff -q <(normalize "$work/ref/$f" | grep -v '"args"\|"run",\|--run-dir\|--no-cache\|"-q"') \
               <(normalize "$work/head/$f" | grep -v '"args"\|"run",\|--run-dir\|--no-cache\|"-q"') >/dev/null; then
    echo "same (normalized) $f"
  else echo "DIFFERENT   $f"; status=1; fi
done
cmp -s "$work/ref.dry" "$work/head.dry" && echo "same        --dry-run output" || { echo "DIFFERENT   --dry-run output"; status=1; }
exit $status
