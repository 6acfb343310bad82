#!/usr/bin/env bash
# Rewrites the golden panel and tournament run folders (src/test/resources/golden-main/{panel,tournament}) from the
# configs beside this script, on the simulated provider (deterministic, no network, seconds). Run from anywhere after
# `mvn -B -ntp -q -o package -DskipTests`; review the diff before committing: goldens change only on purpose.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../../.." && pwd)"
golden="$here/../golden-main"
work=$(mktemp -d /tmp/prompt-arena-goldens.XXXXXX)
trap 'rm -rf "$work"' EXIT

for name in panel tournament; do
  set +e
  "$repo/bin/prompt-arena" run "$here/$name.arena.yaml" --no-cache -q --run-dir "$work/$name" > /dev/null
  code=$?
  set -e
  # The gate's codes (PASS, FAIL, INCONCLUSIVE) are all fine here; anything else is a broken run.
  case $code in 0|1|3) ;; *) echo "$name: run exited $code" >&2; exit 1 ;; esac
  rm -rf "${golden:?}/$name"
  mkdir -p "$golden/$name"
  # The journal, outcomes and lock are not read by `report`; a tournament's pairings keep only report's inputs
  # (their own reports are held by GoldenReportsTest's two-variant goldens).
  (cd "$work/$name" && find . -type f ! -name journal.jsonl ! -name outcomes.jsonl ! -name .lock \
      \( ! -path './pairs/*' -o -name manifest.json -o -name cases.jsonl \) -exec cp --parents {} "$golden/$name" \;)
done
echo "rewrote $golden/panel and $golden/tournament"
