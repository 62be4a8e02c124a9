#!/usr/bin/env bash
# Builds fuzz_result_mapping with clang (the `fuzz` preset, build/fuzz) and runs it for a bounded time on a
# copy of the seed corpus. Exits non-zero if the build fails or the fuzzer finds a crash, leak, UB, timeout
# or out-of-memory. Usage: tests/fuzz/run-fuzz.sh [SECONDS]   (default 30)
# Registered with CTest as fuzz_result_mapping_bounded (label fuzz). A crashing input is kept in
# build/fuzz/artifacts/ and can be replayed with: build/fuzz/tests/fuzz/fuzz_result_mapping FILE
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-30}
jobs=${TECHO_FUZZ_JOBS:-2}
case $seconds in '' | *[!0-9]*) echo "run-fuzz: SECONDS must be a whole number" >&2; exit 2 ;; esac

started=$(date +%s)
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target fuzz_result_mapping -j "$jobs"
built=$(date +%s)

corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
cp tests/fuzz/corpus/result_mapping/* "$corpus"/
artifacts=build/fuzz/artifacts
mkdir -p "$artifacts"

set +e
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:symbolize=1 \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
build/fuzz/tests/fuzz/fuzz_result_mapping "$corpus" \
    -dict=tests/fuzz/result_mapping.dict \
    -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -max_len=16384 \
    -artifact_prefix="$artifacts/" -print_final_stats=1
status=$?
set -e
finished=$(date +%s)
echo "run-fuzz: build $((built - started)) s, fuzzing $((finished - built)) s, corpus $(ls "$corpus" | wc -l) inputs"
if [ $status -ne 0 ]; then
    echo "run-fuzz: the fuzzer failed (exit $status); the input is in $artifacts/" >&2
    exit 1
fi
echo "run-fuzz: no crash in ${seconds} s"
