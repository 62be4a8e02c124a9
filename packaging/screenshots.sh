#!/usr/bin/env bash
# Renders every main view and dialog of the app, in Japanese and in English, to PNG: a real X window under Xvfb
# (not an offscreen grab), on a demo vault filled from the local sandbox. Usage: packaging/screenshots.sh OUTDIR
set -euo pipefail
out=$(realpath -m "${1:?usage: packaging/screenshots.sh OUTDIR}")
cd "$(dirname "$0")/.."
bash packaging/install-deps.sh
cmake --preset dev >/dev/null
cmake --build build/dev --target techo-cli techo-sandbox techo-screenshot-tour
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bash packaging/demo-vault.sh build/dev/app "$work/demo.techo" >/dev/null
mkdir -p "$out"
# The sandbox's dispensings follow its own calendar (they end in July 2026): the dashboard's "today" is set there
# so the current medicines show.
for lang in ja en; do
  XDG_CONFIG_HOME="$work/config" TECHO_PASSPHRASE=demo xvfb-run -a -s "-screen 0 1366x860x24" \
    build/dev/tests/tools/techo-screenshot-tour --vault "$work/demo.techo" --lang "$lang" --out "$out" --today 2026-07-24
done
