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
export TECHO_PASSPHRASE=demo

work=$(mktemp -d)
sandbox_pid=""
cleanup() {
  [ -n "$sandbox_pid" ] && kill "$sandbox_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# The sandbox prints "listening on https://127.0.0.1:PORT" first and writes its throw-away CA.
"$bin/techo-sandbox/techo-sandbox" --port 0 --ca-out "$work/ca.pem" >"$work/sandbox.out" 2>"$work/sandbox.err" &
sandbox_pid=$!
for _ in $(seq 1 100); do
  [ -s "$work/sandbox.out" ] && break
  sleep 0.1
done
url=$(sed -n '1s/^listening on //p' "$work/sandbox.out")
[ -n "$url" ] || { echo "run: the sandbox did not start:" >&2; cat "$work/sandbox.err" >&2; exit 1; }
echo "run: sandbox at $url"

if [ ! -f "$demo" ]; then
  echo "run: creating the demo vault $demo (passphrase: demo)"
  "$bin/techo-cli/techo-cli" --vault "$demo" init
fi
echo "run: importing the sandbox's demo family into the demo vault"
status=0
"$bin/techo-cli/techo-cli" --vault "$demo" import --from "$url" --ca-file "$work/ca.pem" || status=$?
if [ "$status" -eq 6 ]; then
  # A demo vault from an older sandbox holds other people under the same ids (a person conflict): it is only
  # a demo, so it is put aside and made anew rather than mixed.
  aside="$demo.old-$(date +%Y%m%d%H%M%S)"
  echo "run: the demo vault holds an older demo family; keeping it as $aside and starting a new one"
  mv "$demo" "$aside"
  "$bin/techo-cli/techo-cli" --vault "$demo" init
  "$bin/techo-cli/techo-cli" --vault "$demo" import --from "$url" --ca-file "$work/ca.pem"
elif [ "$status" -ne 0 ]; then
  exit "$status"
fi
unset TECHO_PASSPHRASE

echo "run: starting Techo (unlock with the passphrase: demo)"
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  echo "run: no display found; starting under a virtual X server (xvfb-run) - nothing will be visible." >&2
  xvfb-run -a "$bin/techo/techo" --vault "$demo" "$@"
else
  "$bin/techo/techo" --vault "$demo" "$@"
fi
