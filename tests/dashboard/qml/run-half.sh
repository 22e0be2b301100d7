#!/usr/bin/env bash
# Runs one half of the QML tests (dashboard/tst_qml_part1, _part2): every file of a folder in one
# tst_qml process. A file that failed there is run once more alone, in a process and on a server
# of its own; the half passes only if at most two files failed and each of them then passes alone.
#
# Why: on CI's two cores the halves run beside the rest of the suite, and a test waiting for a
# tooltip, a popup or an answer lost its race there about once a run (stop 25: KeysBulkRun, stop
# 26: KeysLowCredits), each time a different one, each passing alone. A real fault fails again
# alone and still fails the half; a flake is named in the log ("FLAKY") for someone to mend.
# A crash, a timeout or a failure outside a test function is never run again.
#
#   run-half.sh TST_QML FOLDER [tst_qml options...]
set -uo pipefail

runner=$1
folder=$2
shift 2
max_reruns=2

log=$(mktemp)
trap 'rm -f "$log"' EXIT
"$runner" "$@" -input "$folder" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
[ "$status" -eq 0 ] && exit 0

say() { printf '==> run-half: %s\n' "$*"; }

# QtTest's exit code is the number of failed functions (up to 127); above it the process crashed.
if [ "$status" -gt 127 ]; then
    say "tst_qml ended with status $status (a crash or a kill): not run again"
    exit "$status"
fi
if grep -a -q -E '^FAIL!.*\(outside any test function\)|^QFATAL' "$log"; then
    say "a failure outside a test function, or a fatal one: not run again"
    exit 1
fi

# "FAIL!  : dashboard_qml::KeysLowCredits::test_x() ..." → the file whose TestCase has that name.
mapfile -t cases < <(grep -a -o -E '^FAIL!  : [A-Za-z0-9_]+::[A-Za-z0-9_]+::' "$log" | cut -d: -f4 | sort -u)
if [ "${#cases[@]}" -eq 0 ]; then
    say "tst_qml failed (status $status) without naming a failed function: not run again"
    exit 1
fi
files=()
for case_name in "${cases[@]}"; do
    file=$(grep -l -E "^[[:space:]]+name: \"$case_name\"" "$folder"/tst_*.qml | head -n 1)
    if [ -z "$file" ]; then
        say "no file in $folder has the TestCase $case_name: not run again"
        exit 1
    fi
    files+=("$file")
done
mapfile -t files < <(printf '%s\n' "${files[@]}" | sort -u)
if [ "${#files[@]}" -gt "$max_reruns" ]; then
    say "${#files[@]} files failed (more than $max_reruns): not run again"
    exit 1
fi

flaky=()
for file in "${files[@]}"; do
    say "running $(basename "$file") again, alone"
    if ! "$runner" "$@" -input "$file"; then
        say "$(basename "$file") failed again alone: a real failure"
        exit 1
    fi
    flaky+=("$(basename "$file")")
done
for file in "${flaky[@]}"; do
    say "FLAKY: $file failed in the half and passed alone (see its FAIL! lines above)"
done
exit 0
