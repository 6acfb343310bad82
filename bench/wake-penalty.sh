#!/usr/bin/env bash
# What a thread pays for its memory after sleeping through a call's latency, with the JVM's default 4 KB pages and
# with transparent huge pages (2 MB), alternated: bench/WakePenalty.java under the launcher's collector and compiler.
#
#   bench/wake-penalty.sh [REPEATS] [ROUNDS]
#
# The huge-page rows run only where the kernel offers them to programs that ask (madvise or always).
set -euo pipefail
REPEATS=${1:-20}
ROUNDS=${2:-2}
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work=$(mktemp -d /tmp/prompt-arena-wake.XXXXXX)
trap 'rm -rf "$work"' EXIT
javac -d "$work" "$here/bench/WakePenalty.java"
source "$here/bench/fake-server.sh" # huge_pages_opt
echo "thp=$(cat /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null || echo absent) load_before=$(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq "$ROUNDS"); do
  for pages in 4k 2m; do
    opt=""
    if [ "$pages" = 2m ]; then opt=$(huge_pages_opt); [ -n "$opt" ] || continue; fi
    # shellcheck disable=SC2086 # $opt is one option or none
    java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xms128m $opt -cp "$work" WakePenalty "$REPEATS" \
      | sed "s/^/round=$round pages=$pages /"
  done
done
