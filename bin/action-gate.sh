#!/usr/bin/env bash
# The gate step of action.yml (kept in a file so it can be tested without GitHub: ActionGateTest).
# Runs the arena, appends summary.md to the job summary and writes the step outputs; always exits 0 so the
# report can be uploaded before the action's last step passes the gate's exit code through.
# Environment: PA_CONFIG (the arena yaml), PA_ARGS (extra `run` options, split on spaces), PA_OUT (parent of the
# run folder), PA_LAUNCHER (default: this repository's bin/prompt-arena), GITHUB_OUTPUT, GITHUB_STEP_SUMMARY.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
launcher="${PA_LAUNCHER:-$here/bin/prompt-arena}"
out="${PA_OUT:?PA_OUT: the parent folder of the run folder}"
mkdir -p "$out"
read -r -a extra <<< "${PA_ARGS:-}"
before=$(ls -1d "$out"/*/ 2>/dev/null | grep -v '/latest/$' || true)
"$launcher" run "${PA_CONFIG:?PA_CONFIG: the arena config}" --out "$out" "${extra[@]}"
code=$?
# The folder this run created: the parent may hold earlier runs, and a run stopped by an input error creates none.
run_dir=$(comm -13 <(printf '%s\n' "$before" | sort) <(ls -1d "$out"/*/ 2>/dev/null | grep -v '/latest/$' | sort) | head -n 1)
case "$code" in
  0) decision=PASS ;; 1) decision=FAIL ;; 2) decision=INPUT_ERROR ;; 3) decision=INCONCLUSIVE ;;
  4) decision=RUN_ERROR ;; 130) decision=INTERRUPTED ;; *) decision=ERROR ;;
esac
{
  echo "exit-code=$code"
  echo "decision=$decision"
  echo "run-dir=${run_dir%/}"
} >> "${GITHUB_OUTPUT:-/dev/null}"
if [ -n "$run_dir" ] && [ -f "$run_dir/summary.md" ]; then
  cat "$run_dir/summary.md" >> "${GITHUB_STEP_SUMMARY:-/dev/null}"
else
  echo "prompt-arena: no summary ($decision, exit $code)" >> "${GITHUB_STEP_SUMMARY:-/dev/null}"
fi
exit 0
