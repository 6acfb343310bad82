#!/usr/bin/env bash
# Checks jbang-catalog.json with a real jbang (dev.jbang:jbang-cli from Maven Central), offline after that download:
# the built jar is installed as the catalog's GAV into a scratch Maven repository, then jbang --offline resolves the
# alias `prompt-arena@<this checkout>` (what `prompt-arena@<owner>/<repo>` does with the repository's root catalog)
# from another folder and runs the bundled example through it.
#   check-catalog.sh [JAR]   (default target/prompt-arena.jar; run from anywhere)
# jbang's Main prints the java command and exits 255 for its shell launcher to exec it; jbang() below does what that
# launcher does, since the launcher itself is not on Maven Central.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
jar="$(cd "$(dirname "${1:-$root/target/prompt-arena.jar}")" && pwd)/$(basename "${1:-target/prompt-arena.jar}")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

gav=$(sed -n 's/.*"script-ref": *"\([^"]*\)".*/\1/p' "$root/jbang-catalog.json")
version="${gav##*:}"
built=$(java -jar "$jar" --version | awk '{print $2}')
[ "$version" = "$built" ] || { echo "jbang-catalog.json points at $gav but the jar is version $built" >&2; exit 1; }

mvn -B -ntp -q -f "$root/src/jbang/pom.xml" dependency:build-classpath -Dmdep.outputFile="$work/cp.txt"
mvn -B -ntp -q -f "$root/src/jbang/pom.xml" org.apache.maven.plugins:maven-install-plugin:3.1.3:install-file -Dfile="$jar" \
  -DgroupId=dev.promptarena -DartifactId=prompt-arena -Dversion="$version" -Dpackaging=jar -DgeneratePom=true \
  -DlocalRepositoryPath="$work/repo"

jbang() {  # jbang DIR ARGS...: run jbang in DIR, offline, against the scratch repository
  local dir="$1" out rc
  shift
  set +e
  out=$(cd "$dir" && JBANG_DIR="$work/jbang" JBANG_REPO="$work/repo" java -cp "$(cat "$work/cp.txt")" dev.jbang.Main --offline "$@")
  rc=$?
  set -e
  [ "$rc" -eq 255 ] || { echo "jbang exited $rc: $out" >&2; return 1; }
  (cd "$dir" && eval "$out")
}

mkdir -p "$work/elsewhere"
[ "$(jbang "$work/elsewhere" "prompt-arena@$root" --version)" = "prompt-arena $version" ]
[ "$(jbang "$root" prompt-arena --version)" = "prompt-arena $version" ]   # the catalog of the folder one stands in
set +e
jbang "$work/elsewhere" "prompt-arena@$root" run "$root/examples/support-bot.arena.yaml" --run-dir "$work/run" --no-cache -q >"$work/run.out" 2>&1
code=$?
set -e
[ "$code" -eq 0 ] && [ -s "$work/run/report.html" ] || { cat "$work/run.out" >&2; echo "the example through jbang exited $code" >&2; exit 1; }
echo "jbang catalog: prompt-arena@<checkout> ran the bundled example offline (exit 0, report.html written) with jbang 0.132.1"
