#!/usr/bin/env bash
# Run notebooks as tests, each in a fresh process (as in its own kernel), two at a time, with $NBDEV_FLAGS:
#   scripts/run_nbs.sh VENV LABEL NOTEBOOK...
# Prints a line per notebook ("NAME LABEL: passed (N s)"), the end of the log of each that failed, and last
# "N passed, N failed" (one per notebook). Used by scripts/test.sh and scripts/test_oldest.sh.
set -uo pipefail
export RUN_VENV=$1 RUN_LABEL=$2 RUN_LOGS=$(mktemp -d); shift 2
printf '%s\n' "$@" | xargs -P 2 -I{} sh -c 'n=$(basename {} .ipynb); s=$(date +%s)
  if "$RUN_VENV"/bin/nbdev-test $NBDEV_FLAGS "{}" > "$RUN_LOGS/$n.log" 2>&1; then r=passed; else r=FAILED; fi
  echo "$n$RUN_LABEL: $r ($(( $(date +%s)-s )) s)"'
failed=0; passed=0
for f in "$RUN_LOGS"/*.log; do
  if grep -q '^Success\.' "$f"; then passed=$((passed+1)); else failed=$((failed+1)); echo "=== $(basename "$f" .log)$RUN_LABEL failed:"; tail -40 "$f"; fi
done
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
