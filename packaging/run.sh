#!/usr/bin/env bash
# README's first command: installs what is needed, builds, starts the local Mynaportal-style sandbox,
# imports its demo family into a demo vault and opens the desktop app on that vault.
# Demo vault: ${XDG_DATA_HOME:-~/.local/share}/techo/demo.techo, passphrase "demo".
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/install-deps.sh
cmake --preset dev >/dev/null
cmake --build --preset dev
bin=build/dev/app
data=${XDG_DATA_HOME:-$HOME/.local/share}/techo
demo=$data/demo.techo
bash packaging/demo-vault.sh "$bin" "$demo"

echo "run: starting Techo (unlock with the passphrase: demo)"
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  echo "run: no display found; starting under a virtual X server (xvfb-run) - nothing will be visible." >&2
  xvfb-run -a "$bin/techo/techo" --vault "$demo" "$@"
else
  "$bin/techo/techo" --vault "$demo" "$@"
fi
