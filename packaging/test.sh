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
ctest --preset "$preset"
