#!/usr/bin/env bash
# Installs what is needed, builds with warnings as errors and runs the whole test suite offscreen.
# Used by README's second command and by .ci/run. The last line of output is CTest's summary.
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/install-deps.sh
preset=${TECHO_PRESET:-ci}
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"
export QT_QPA_PLATFORM=offscreen
runtime=$(mktemp -d)
trap 'rm -rf "$runtime"' EXIT
export XDG_RUNTIME_DIR=$runtime
log=$runtime/ctest.log
set +e
ctest --preset "$preset" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# CTest prints label timings after its summary; repeat the summary so it is the last line.
echo
grep -E '^[0-9]+% tests passed' "$log" | tail -n 1
exit "$status"
