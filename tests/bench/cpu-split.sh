#!/usr/bin/env bash
# Where latchkeyd's CPU goes per request, thread by thread, with analytics on and with
# `--analytics-enabled false` (the sink discards every event): the request path (the HTTP worker,
# and the credit commit thread for keys with credits) against the background threads (analytics
# writer, access-log flusher, live feed). Server CPU time is read per thread from
# /proc/<pid>/task/*/stat, so the split holds on a busy machine too (rates are printed, but they
# are wall-clock and contended there; the CPU per request is the figure to compare).
#
#   tests/bench/cpu-split.sh [row...]      rows: valid mix credits ratelimit keys1k half (default: all)
#
# Environment: LATCHKEYD (binary; default $LATCHKEY_BUILD_DIR/app/latchkeyd/latchkeyd, build/ by
# default), BENCH_MODES ("on off"), BENCH_DURATION (5 s measured), BENCH_WARMUP (2 s),
# BENCH_HALF_CONNS (53: the ~50%-load row's connection count, each paced by a random 0-2 ms think
# time), BENCH_PORT_BASE (18490), BENCH_BACKGROUND (none | nice | idle: the analytics writer
# thread reniced to 19, or put in SCHED_IDLE, from outside the process, to measure what a lower
# priority of that background thread does before the code sets one). The last column but one counts
# the analytics events the server dropped during the row (queue full: the writer fell behind).
# BENCH_TRACE (seconds, off by default; root): records the scheduler's switches and wake-ups with
# ftrace during each measured row and prints how long the HTTP worker waited to run after each
# wake-up, and how much of that our own other threads ran (tests/bench/wakeup-waits.py): a tail
# figure that other people's processes on a shared machine do not blur; with the worker's
# epoll_wait calls, also its loop rounds (ready descriptors per round, how long serving them took). BENCH_AUTOGROUP_NICE
# (root; run the script under `setsid -w`): the nice value of the script's own autogroup, e.g. -15,
# so that colleagues' compiles take less of the server's core during the row (say so with figures).
# Server on core 0 with --workers 1, wrk -t1 on core 1, as run.sh.
set -euo pipefail
SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$SCRIPT_DIR/../.." && pwd)
LATCHKEYD=${LATCHKEYD:-${LATCHKEY_BUILD_DIR:-$REPO/build}/app/latchkeyd/latchkeyd}
PORT=${BENCH_PORT_BASE:-18490}
DURATION=${BENCH_DURATION:-5}
WARMUP=${BENCH_WARMUP:-2}
HALF_CONNS=${BENCH_HALF_CONNS:-53}
MODES=${BENCH_MODES:-on off}
BACKGROUND=${BENCH_BACKGROUND:-none}
ROWS_WANTED=${*:-valid mix credits ratelimit keys1k half}
HZ=$(getconf CLK_TCK)
[ -z "${BENCH_AUTOGROUP_NICE:-}" ] || echo "$BENCH_AUTOGROUP_NICE" >/proc/$$/autogroup
[ -x "$LATCHKEYD" ] || { echo "no latchkeyd at $LATCHKEYD" >&2; exit 1; }

TMP=$(mktemp -d "${TMPDIR:-/tmp}/latchkey-cpu-split.XXXXXX")
LK_PID=
cleanup() { [ -z "$LK_PID" ] || { kill "$LK_PID" 2>/dev/null; wait "$LK_PID" 2>/dev/null; }; rm -rf "$TMP"; }
trap cleanup EXIT
cp "$LATCHKEYD" "$TMP/latchkeyd"
ROOT_KEY="root_bench$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
URL="http://127.0.0.1:$PORT"

start() {  # start [flags...]
    LATCHKEY_BOOTSTRAP_ROOT_KEY="$ROOT_KEY" taskset -c 0 "$TMP/latchkeyd" --listen "127.0.0.1:$PORT" \
        --data-dir "$TMP/data" --workers 1 --log-format json --metrics-on-main "$@" >>"$TMP/latchkeyd.log" 2>&1 &
    LK_PID=$!
    for _ in $(seq 500); do curl -sf -o /dev/null "$URL/v2/liveness" && { background; return 0; }; sleep 0.02; done
    echo "latchkeyd did not start: $(tail -3 "$TMP/latchkeyd.log")" >&2; exit 1
}
background() {
    local t
    for t in /proc/"$LK_PID"/task/*; do
        [ "$(cat "$t/comm")" = analytics-write ] || continue
        case $BACKGROUND in
        nice) renice -n 19 -p "${t##*/}" >/dev/null ;;
        idle) chrt --idle -p 0 "${t##*/}" ;;
        esac
    done
}
dropped() { curl -s -H "Authorization: Bearer $ROOT_KEY" "$URL/metrics" | awk '$1 == "latchkey_analytics_events_dropped_total" { print $2 }'; }
stop() { kill "$LK_PID"; wait "$LK_PID" 2>/dev/null || true; LK_PID=; }
api() { curl -sf --max-time 5 -H "Authorization: Bearer $ROOT_KEY" -H 'Content-Type: application/json' -d "$2" "$URL/v2/$1"; }
field() { { cat; echo; } | sed -nE "s/.*\"$1\":\"([^\"]*)\".*/\1/p"; }
# "comm ticks" per thread of the server
threads() { for t in /proc/"$LK_PID"/task/*; do
    printf '%s %s\n' "$(tr ' ' _ <"$t/comm")" "$(sed 's/^.*) //' "$t/stat" | awk '{print $12 + $13}')"; done; }

# BENCH_TRACE: one ftrace recording in a private instance, 1 s into the measured row.
trace_row() {
    local t w="" ours=() inst=/sys/kernel/tracing/instances/latchkey-cpu-split
    [ -d /sys/kernel/tracing/instances ] || mount -t tracefs nodev /sys/kernel/tracing
    for t in /proc/"$LK_PID"/task/*; do
        case $(cat "$t/comm") in
        http-worker*) # the busiest one serves the requests
            [ -n "$w" ] && [ "$(awk '{print $14+$15}' "$t/stat")" -le "$(awk '{print $14+$15}' "/proc/$LK_PID/task/$w/stat")" ] || w=${t##*/} ;;
        analytics-write*|credit-commit*) ours+=("${t##*/}=$(cat "$t/comm")") ;;
        esac
    done
    mkdir -p "$inst"; echo 0 >"$inst/tracing_on"; echo >"$inst/trace"; echo 65536 >"$inst/buffer_size_kb"
    echo 1 >"$inst/events/sched/sched_switch/enable"; echo 1 >"$inst/events/sched/sched_wakeup/enable"
    for t in sys_enter_epoll_wait sys_exit_epoll_wait sys_enter_write sys_exit_write; do # the worker's rounds and writes
        [ -d "$inst/events/syscalls/$t" ] || continue
        echo "common_pid == $w" >"$inst/events/syscalls/$t/filter"; echo 1 >"$inst/events/syscalls/$t/enable"
    done
    sleep 1; echo 1 >"$inst/tracing_on"; sleep "$BENCH_TRACE"; echo 0 >"$inst/tracing_on"
    python3 "$SCRIPT_DIR/wakeup-waits.py" "$w" "$inst/trace" "${ours[@]}" >"$TMP/waits.txt"
    echo >"$inst/trace"; rmdir "$inst" 2>/dev/null || true
}

seed() {
    mkdir -p "$TMP/data"; start
    local api_id; api_id=$(api apis.createApi '{"name":"bench"}' | field apiId)
    mk() { api keys.createKey "{\"apiId\":\"$api_id\",\"prefix\":\"bench\"$1}" | field key; }
    mk "" >"$TMP/one.txt"
    for _ in $(seq 100); do mk ""; done >"$TMP/pool.txt"
    mk ',"credits":{"remaining":1000000000},"ratelimits":[{"name":"rps","limit":1000000,"duration":1000,"autoApply":true}]' >"$TMP/credits.txt"
    case " $ROWS_WANTED " in *" keys1k "*) for _ in $(seq 1000); do mk ""; done >"$TMP/1k.txt" ;; esac
    stop
}

run_row() {  # run_row ROW MODE
    local row=$1 mode=$2 script=$SCRIPT_DIR/verify.lua url=$URL/v2/keys.verifyKey conns=64
    local env=(BENCH_ROOT_KEY="$ROOT_KEY")
    case $row in
    valid) env+=(BENCH_KEYS_FILE="$TMP/one.txt") ;;
    mix) env+=(BENCH_KEYS_FILE="$TMP/pool.txt" BENCH_UNKNOWN_PERCENT=10) ;;
    credits) env+=(BENCH_KEYS_FILE="$TMP/credits.txt") ;;
    ratelimit) script=$SCRIPT_DIR/ratelimit.lua url=$URL/v2/ratelimit.limit ;;
    keys1k) env+=(BENCH_KEYS_FILE="$TMP/1k.txt") ;;
    half) env+=(BENCH_KEYS_FILE="$TMP/one.txt" BENCH_DELAY_MS=1); conns=$HALF_CONNS ;;
    *) echo "unknown row $row" >&2; exit 1 ;;
    esac
    env "${env[@]}" taskset -c 1 wrk -t1 -c"$conns" -d"${WARMUP}s" -s "$script" "$url" >/dev/null
    threads >"$TMP/before"
    local d0; d0=$(dropped)
    local tracer=
    [ -z "${BENCH_TRACE:-}" ] || { trace_row & tracer=$!; }
    env "${env[@]}" taskset -c 1 wrk -t1 -c"$conns" -d"${DURATION}s" --latency -s "$script" "$url" >"$TMP/wrk.txt"
    [ -z "$tracer" ] || { wait "$tracer"; echo "  $row, analytics $mode: $(cat "$TMP/waits.txt")"; }
    threads >"$TMP/after"
    local drops=$(( $(dropped) - d0 ))
    local n rps p50 p99
    n=$(sed -nE 's/^BENCH .*\brequests=([0-9]+).*/\1/p' "$TMP/wrk.txt")
    rps=$(sed -nE 's/^BENCH .*\brps=([0-9.]+).*/\1/p' "$TMP/wrk.txt")
    p50=$(sed -nE 's/^BENCH .*\bp50_us=([0-9.]+).*/\1/p' "$TMP/wrk.txt")
    p99=$(sed -nE 's/^BENCH .*\bp99_us=([0-9.]+).*/\1/p' "$TMP/wrk.txt")
    paste -d' ' "$TMP/before" "$TMP/after" | awk -v n="$n" -v hz="$HZ" -v row="$row" -v mode="$mode" \
        -v rps="$rps" -v p50="$p50" -v p99="$p99" -v drops="$drops" '
        { g = $1; sub(/-[0-9]+$/, "", g); d[g] += $4 - $2; total += $4 - $2 }
        END { us = 1e6 / hz / n; line = "";
              for (g in d) if (d[g] > 0) line = line sprintf(" %s %.1f", g, d[g] * us);
              printf "| %s | analytics %s | %.0f | %.2f / %.2f ms | %.1f | %d |%s |\n", row, mode, rps, p50 / 1000, p99 / 1000, total * us, drops, line }'
}

echo "latchkeyd $(sha256sum "$TMP/latchkeyd" | cut -c1-12), $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "analytics writer thread priority: $BACKGROUND"
echo "| row | mode | requests/s (wall clock) | p50 / p99 | server CPU µs per request | events dropped | µs per request by thread |"
echo "|---|---|---:|---:|---:|---:|---|"
seed
for mode in $MODES; do
    flags=(); [ "$mode" = on ] || flags=(--analytics-enabled false)
    start "${flags[@]}"
    for row in $ROWS_WANTED; do run_row "$row" "$mode"; done
    stop
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
