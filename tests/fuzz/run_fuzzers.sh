#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs fuzz targets on their corpora and reports, per target, the executions reached.
#   run_fuzzers.sh [-b BUILD_DIR] [-t SECONDS] [-r RUNS] [-j] [TARGET...]
#   -b  the fuzz build's tests/fuzz folder (default: build/fuzz/tests/fuzz beside this script)
#   -t  seconds per target (default 30); -r  stop a target after this many executions instead
#       (with both, whichever comes first)
#   TARGET  names without the fuzz_ prefix (default: every target built)
# Each target reads its seeds (BUILD_DIR/seeds/<target>) and grows a working corpus
# (BUILD_DIR/corpus/<target>); its log is BUILD_DIR/logs/<target>.log. A crash, leak, timeout or
# out-of-memory stops that target: its input is saved as BUILD_DIR/crashes/<target>/crash-*
# (the path is printed) and the script exits 1 after running the others. Reproduce a crash with
#   BUILD_DIR/fuzz_<target> BUILD_DIR/crashes/<target>/crash-<sha1>
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
build=$here/../../build/fuzz/tests/fuzz
seconds=30
runs=-1
while getopts "b:t:r:h" opt; do
    case $opt in
    b) build=$OPTARG ;;
    t) seconds=$OPTARG ;;
    r) runs=$OPTARG ;;
    *) sed -n '3,14p' "$0"; exit 2 ;;
    esac
done
shift $((OPTIND - 1))
build=$(cd "$build" 2>/dev/null && pwd) || { echo "no fuzz build at $build (cmake --preset fuzz && cmake --build --preset fuzz)" >&2; exit 2; }

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    for exe in "$build"/fuzz_*; do
        [ -x "$exe" ] && [ -f "$exe" ] && targets+=("${exe##*/fuzz_}")
    done
fi
[ ${#targets[@]} -gt 0 ] || { echo "no fuzz targets in $build" >&2; exit 2; }

# Leak detection stays on (Qt's global statics stay reachable, so they are not reported).
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1:handle_abort=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export LC_ALL=${LC_ALL:-C.UTF-8}

failed=0
printf '%-16s %12s %8s %10s %8s %8s  %s\n' target executions seconds exec/s cov ft result
for t in "${targets[@]}"; do
    exe=$build/fuzz_$t
    [ -x "$exe" ] || { echo "$t: no executable $exe" >&2; failed=1; continue; }
    seeds=$build/seeds/$t
    corpus=$build/corpus/$t
    crashes=$build/crashes/$t
    mkdir -p "$corpus" "$crashes" "$build/logs" "$seeds"
    log=$build/logs/$t.log
    dict=()
    [ -f "$build/seeds/$t.dict" ] && dict=(-dict="$build/seeds/$t.dict")
    start=$(date +%s.%N)
    "$exe" -max_total_time="$seconds" -runs="$runs" -rss_limit_mb=2048 -timeout=10 \
        -print_final_stats=1 -artifact_prefix="$crashes/" "${dict[@]}" "$corpus" "$seeds" \
        >"$log" 2>&1
    rc=$?
    end=$(date +%s.%N)
    wall=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    cov=$(grep -oE 'cov: [0-9]+' "$log" | tail -1 | cut -d' ' -f2)
    ft=$(grep -oE 'ft: [0-9]+' "$log" | tail -1 | cut -d' ' -f2)
    if [ -z "$execs" ]; then # a crash: libFuzzer prints no final stats, the last status line has #N
        execs=$(grep -oE '^#[0-9]+' "$log" | tail -1 | tr -d '#')
    fi
    result=ok
    if [ $rc -ne 0 ]; then
        failed=1
        artifact=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -1)
        result="FAILED (exit $rc): ${artifact:-see $log}"
    fi
    printf '%-16s %12s %8s %10s %8s %8s  %s\n' "$t" "${execs:-?}" "$wall" "${speed:-?}" \
        "${cov:-?}" "${ft:-?}" "$result"
    if [ $rc -ne 0 ]; then
        grep -E 'ERROR: |SUMMARY: |runtime error|^    #[0-9] |abort|differs' "$log" | head -25 | sed 's/^/    | /'
        [ -n "${artifact:-}" ] && echo "    reproduce: $exe $artifact"
    fi
done
exit $failed
