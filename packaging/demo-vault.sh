#!/usr/bin/env bash
# Fills a demo vault from the local Mynaportal-style sandbox: starts techo-sandbox on 127.0.0.1 (a throw-away CA),
# creates VAULT (passphrase "demo") if it is missing, imports the sandbox's demo family, stops the sandbox.
# A vault from an older sandbox whose family now conflicts (exit 6) is put aside and made anew: it is only a demo.
# Usage: packaging/demo-vault.sh BUILD_APP_DIR VAULT   (BUILD_APP_DIR: e.g. build/dev/app, already built)
set -euo pipefail
bin=$1
demo=$2
export TECHO_PASSPHRASE=demo
mkdir -p "$(dirname "$demo")"

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
[ -n "$url" ] || { echo "demo-vault: the sandbox did not start:" >&2; cat "$work/sandbox.err" >&2; exit 1; }
echo "demo-vault: sandbox at $url"

if [ ! -f "$demo" ]; then
  echo "demo-vault: creating the demo vault $demo (passphrase: demo)"
  "$bin/techo-cli/techo-cli" --vault "$demo" init
fi
echo "demo-vault: importing the sandbox's demo family"
status=0
"$bin/techo-cli/techo-cli" --vault "$demo" import --from "$url" --ca-file "$work/ca.pem" || status=$?
if [ "$status" -eq 6 ]; then
  aside="$demo.old-$(date +%Y%m%d%H%M%S)"
  echo "demo-vault: the demo vault holds an older demo family; keeping it as $aside and starting a new one"
  mv "$demo" "$aside"
  "$bin/techo-cli/techo-cli" --vault "$demo" init
  "$bin/techo-cli/techo-cli" --vault "$demo" import --from "$url" --ca-file "$work/ca.pem"
elif [ "$status" -ne 0 ]; then
  exit "$status"
fi
