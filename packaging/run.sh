#!/usr/bin/env bash
# README's first command: installs what is needed, builds, and starts the desktop app on its
# demo vault (~/.local/share/techo/demo.techo, passphrase "demo" when created by this script).
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/install-deps.sh
cmake --preset dev >/dev/null
cmake --build --preset dev
bin=build/dev/app
data=${XDG_DATA_HOME:-$HOME/.local/share}/techo
demo=$data/demo.techo
if [ ! -f "$demo" ]; then
  echo "run: creating the demo vault $demo (passphrase: demo)"
  TECHO_PASSPHRASE=demo "$bin/techo-cli/techo-cli" --vault "$demo" init
fi
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  echo "run: no display found; starting under a virtual X server (xvfb-run) - nothing will be visible." >&2
  exec xvfb-run -a "$bin/techo/techo" --vault "$demo" "$@"
fi
exec "$bin/techo/techo" --vault "$demo" "$@"
