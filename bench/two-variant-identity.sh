#!/usr/bin/env bash
# Checks that a branch leaves two-variant runs unchanged: builds REF (default main) from `git archive` in a temporary
# folder, runs the bundled two-variant example with both builds (no cache), and compares every file of the two run
# folders, ignoring only the run id, timestamps and command line (manifest.json, report.json, summary.md, report.html)
# and the journal's clock fields. Also compares the --dry-run output. Usage: bench/two-variant-identity.sh [REF]
set -euo pipefail
ref="${1:-main}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
[ "${KEEP:-0}" = 1 ] && echo "keeping $work" || trap 'rm -rf "$work"' EXIT
mkdir -p "$work/src" "$work/out"
git -C "$here" archive "$ref" | tar -x -C "$work/src"
(cd "$work/src" && mvn -B -ntp -q package -DskipTests -Dcds.skip)
(cd "$here" && mvn -B -ntp -q package -DskipTests -Dcds.skip)
example="$here/examples/support-bot.arena.yaml"
for side in ref head; do
  jar="$work/src/target/prompt-arena.jar"; [ "$side" = head ] && jar="$here/target/prompt-arena.jar"
  java -jar "$jar" run "$example" --run-dir "$work/out/run" --no-cache -q > "$work/$side.out" 2>&1 || true
  java -jar "$jar" run "$example" --dry-run --no-cache > "$work/$side.dry" 2>&1
  mv "$work/out/run" "$work/out/$side"
done
# Both builds write to the same --run-dir path, so run id and command line already agree; what is left is the clock
# (and the journal's line order, which follows call completion).
normalize() {
  sed -E -e 's/"(startedAt|finishedAt)" : "[^"]*"/"\1" : X/' -e 's/"atMillis":[0-9]+//; s/"latencyMillis":[0-9]+//g' \
      -e 's/20[0-9]{2}-[0-9]{2}-[0-9]{2}[T ][0-9:.]+Z?/TIME/g' -e 's/\([0-9.]+ s\)/(DURATION)/g' "$1" | sort
}
status=0
for f in $(cd "$work/out/ref" && ls); do
  if cmp -s "$work/out/ref/$f" "$work/out/head/$f"; then echo "same        $f"
  elif diff -q <(normalize "$work/out/ref/$f") <(normalize "$work/out/head/$f") >/dev/null; then
    echo "same (normalized) $f"
  else echo "DIFFERENT   $f"; diff <(normalize "$work/out/ref/$f") <(normalize "$work/out/head/$f") | head -6 | cut -c1-240 || true; status=1; fi
done
# The providers table's row order follows a Map.copyOf (changes from one JVM to the next, on main too): compare sorted.
cmp -s <(sort "$work/ref.dry") <(sort "$work/head.dry") && echo "same        --dry-run output" || { echo "DIFFERENT   --dry-run output"; diff "$work/ref.dry" "$work/head.dry"; status=1; }
exit $status
