#!/usr/bin/env bash
# Export figures (docs/performance.md): fills a vault from the sandbox for one workload, then times
# `techo-cli export` (json, csv, csv --zip, fhir) and re-importing the JSON into a fresh vault. Baseline measured in the same run:
# `techo-cli list observations --json` (read every observation, write JSON) — the export's time is given as a
# ratio of it. Fastest of REPEATS runs. Usage: export-benchmark.sh [lifetime|family|stress] [BUILD_DIR]
set -euo pipefail
workload=${1:-lifetime}
build=${2:-build/dev}
case "$workload" in
  lifetime) persons=1; repeats=3 ;;
  family) persons=6; repeats=3 ;;
  stress) persons=7000; repeats=1 ;;
  *) echo "unknown workload $workload" >&2; exit 2 ;;
esac
cli="$build/app/techo-cli/techo-cli"
sandbox="$build/app/techo-sandbox/techo-sandbox"
work=$(mktemp -d)
trap 'kill "$sandbox_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
export TECHO_PASSPHRASE=bench
"$sandbox" --port 0 --ca-out "$work/ca.pem" --persons "$persons" --years 40 --page-size 1000 \
  --process-delay-ms 0 --seed 20261126 >"$work/sandbox.out" 2>&1 &
sandbox_pid=$!
for _ in $(seq 600); do grep -q "listening on " "$work/sandbox.out" && break; sleep 0.1; done
url=$(sed -n 's/.*listening on //p' "$work/sandbox.out" | head -1)
"$cli" --vault "$work/v.techo" --insecure-fast-kdf init >/dev/null 2>&1
"$cli" --vault "$work/v.techo" import --from "$url" --ca-file "$work/ca.pem" >/dev/null

best() { # fastest wall time in seconds of "$@", run $repeats times (outputs removed between runs)
  local fastest=""
  for _ in $(seq "$repeats"); do
    rm -rf "$work/out.json" "$work/out.csv" "$work/out.zip" "$work/out.fhir.json" "$work/r.techo" "$work/list.json"
    local t0 t1
    t0=$(date +%s.%N); "$@" >/dev/null; t1=$(date +%s.%N)
    fastest=$(echo "$t0 $t1 ${fastest:-}" | awk '{d=$2-$1; if ($3=="" || d<$3) print d; else print $3}')
  done
  echo "$fastest"
}
baseline=$(best sh -c "\"$cli\" --vault \"$work/v.techo\" list observations --json >\"$work/list.json\" 2>/dev/null")
json=$(best "$cli" --vault "$work/v.techo" export --format json --out "$work/out.json")
csv=$(best "$cli" --vault "$work/v.techo" export --format csv --out "$work/out.csv")
csv_zip=$(best "$cli" --vault "$work/v.techo" export --format csv --zip --out "$work/out.zip")
fhir=$(best "$cli" --vault "$work/v.techo" export --format fhir --out "$work/out.fhir.json")
"$cli" --vault "$work/v.techo" export --format csv --zip --out "$work/kept.zip" >/dev/null
zip_bytes=$(stat -c %s "$work/kept.zip")
"$cli" --vault "$work/v.techo" export --format fhir --out "$work/kept.fhir.json" --json >"$work/fhir-report.json"
fhir_bytes=$(stat -c %s "$work/kept.fhir.json")
"$cli" --vault "$work/v.techo" export --format json --out "$work/kept.json" --json >"$work/report.json"
# The re-import reads the whole file into memory (docs/export-format.md): not run on the 7,000-person stress file.
reimport=null
[ "$workload" = stress ] || reimport=$(best sh -c "\"$cli\" --vault \"$work/r.techo\" --insecure-fast-kdf init >/dev/null 2>&1 && \"$cli\" --vault \"$work/r.techo\" import --file \"$work/kept.json\"")
bytes=$(stat -c %s "$work/kept.json")
# Peak RSS (KiB) of one more export of each format: the writers stream, so it should not grow with the vault.
rm -rf "$work/out.json" "$work/out.csv" "$work/out.zip" "$work/out.fhir.json"
json_rss=$(/usr/bin/time -f %M "$cli" --vault "$work/v.techo" export --format json --out "$work/out.json" 2>&1 >/dev/null | tail -1)
csv_rss=$(/usr/bin/time -f %M "$cli" --vault "$work/v.techo" export --format csv --out "$work/out.csv" 2>&1 >/dev/null | tail -1)
zip_rss=$(/usr/bin/time -f %M "$cli" --vault "$work/v.techo" export --format csv --zip --out "$work/out.zip" 2>&1 >/dev/null | tail -1)
fhir_rss=$(/usr/bin/time -f %M "$cli" --vault "$work/v.techo" export --format fhir --out "$work/out.fhir.json" 2>&1 >/dev/null | tail -1)
echo "{\"workload\":\"$workload\",\"report\":$(cat "$work/report.json"),\"json_s\":$json,\"csv_s\":$csv,\"reimport_s\":$reimport,\"baseline_list_observations_s\":$baseline,\"json_bytes\":$bytes,\"json_peak_rss_kib\":$json_rss,\"csv_peak_rss_kib\":$csv_rss,\"json_ratio\":$(echo "$json $baseline" | awk '{printf "%.2f", $1/$2}'),\"csv_ratio\":$(echo "$csv $baseline" | awk '{printf "%.2f", $1/$2}'),\"fhir_report\":$(cat "$work/fhir-report.json"),\"fhir_s\":$fhir,\"fhir_bytes\":$fhir_bytes,\"fhir_peak_rss_kib\":$fhir_rss,\"fhir_ratio\":$(echo "$fhir $baseline" | awk '{printf "%.2f", $1/$2}'),\"csv_zip_s\":$csv_zip,\"csv_zip_bytes\":$zip_bytes,\"csv_zip_peak_rss_kib\":$zip_rss,\"csv_zip_ratio\":$(echo "$csv_zip $baseline" | awk '{printf "%.2f", $1/$2}')}"
