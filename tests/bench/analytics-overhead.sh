#!/usr/bin/env bash
# What analytics cost the verify path (docs/BENCHMARKS.md, "Analytics"): keys.verifyKey throughput
# of the same server on the same data with analytics on (the default: every verification is an
# event queued to the batching writer, which stores raw rows and rollups) and with
# `--analytics-enabled false` (the sink discards every event), measured side by side ROUNDS times
# (default 3) in alternating order (on, off, on, off, ...) so that a change in the machine's load
# hits both. Pinning and wrk settings as tests/bench/run.sh (shared functions in lib.sh): the server
# on core 0 with one worker, wrk -t1 -c64 on core 1, keep-alive, a 3 s warm-up that checks every
# response, then BENCH_DURATION (10) s measured. Requests cycle through 100 valid keys.
#
# Per run it also reads GET /metrics: analytics events written and dropped (a full queue drops
# events rather than slowing verification, so "on" must be read together with its drop count).
#
#   tests/bench/analytics-overhead.sh        (LATCHKEY_BUILD_DIR, BENCH_PORT_BASE, BENCH_DURATION,
#                                             BENCH_WARMUP, BENCH_ROUNDS, BENCH_KEEP as run.sh)
set -euo pipefail
SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$SCRIPT_DIR/../.." && pwd)
BUILD_DIR=${LATCHKEY_BUILD_DIR:-$REPO/build}
LATCHKEYD=$BUILD_DIR/app/latchkeyd/latchkeyd
PORT_BASE=${BENCH_PORT_BASE:-18480}
LK_PORT=$PORT_BASE
NGINX_PORT=$LK_PORT QTREF_PORT=$LK_PORT   # lib.sh checks these are free; only latchkeyd runs here
DURATION=${BENCH_DURATION:-10}
WARMUP=${BENCH_WARMUP:-3}
ROUNDS=${BENCH_ROUNDS:-3}
CONNS=64
PACE_MS=1
WRK2_NOTE=
START_SECONDS=$SECONDS
# shellcheck source=tests/bench/lib.sh
source "$SCRIPT_DIR/lib.sh"
[ "$(nproc)" -ge 2 ] || die "needs at least 2 cores (server on core 0, wrk on core 1)"
command -v wrk >/dev/null || die "wrk is needed (apt-get install wrk)"
[ -x "$LATCHKEYD" ] || die "no latchkeyd at $LATCHKEYD (build it, or set LATCHKEY_BUILD_DIR)"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/latchkey-analytics-overhead.XXXXXX")
PIDS=()
cleanup() {
    local rc=$?
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    if [ "${BENCH_KEEP:-0}" = 1 ]; then log "kept $TMP"; else rm -rf "$TMP"; fi
    exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

cp "$LATCHKEYD" "$TMP/latchkeyd"   # a rebuild during the run must not mix two binaries
ROOT_KEY="root_bench$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
LK_URL="http://127.0.0.1:$LK_PORT"
start_latchkeyd() {  # start_latchkeyd LOGFILE [flags...]
    local logfile=$1; shift
    LATCHKEY_BOOTSTRAP_ROOT_KEY="$ROOT_KEY" taskset -c 0 "$TMP/latchkeyd" --listen "127.0.0.1:$LK_PORT" \
        --data-dir "$TMP/data" --workers 1 --log-format json --metrics-on-main "$@" >"$logfile" 2>&1 &
    PIDS+=($!)
    LK_PID=$!
    SERVER_PIDS=$LK_PID
    wait_http "$LK_URL/v2/liveness"
}
api() { curl -sf --max-time 5 -H "Authorization: Bearer $ROOT_KEY" -H 'Content-Type: application/json' -d "$2" "$LK_URL/v2/$1"; }
json_field() { { cat; echo; } | sed -nE "s/.*\"$1\":\"([^\"]*)\".*/\1/p"; }
metric() { curl -s --max-time 5 -H "Authorization: Bearer $ROOT_KEY" "$LK_URL/metrics" | awk -v m="$1" '$1 == m { print $2 }'; }

mkdir -p "$TMP/data"
log "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
start_latchkeyd "$TMP/seed.log"
API_ID=$(api apis.createApi '{"name":"bench"}' | json_field apiId)
[ -n "$API_ID" ] || die "apis.createApi failed"
: >"$TMP/keys.txt"
for _ in $(seq 100); do api keys.createKey "{\"apiId\":\"$API_ID\",\"prefix\":\"bench\"}" | json_field key >>"$TMP/keys.txt"; done
[ "$(wc -l <"$TMP/keys.txt")" = 100 ] || die "creating the keys failed"
stop_pid "$LK_PID"

VURL=$LK_URL/v2/keys.verifyKey
RESULTS=()
for round in $(seq "$ROUNDS"); do
    for mode in on off; do
        flags=(); [ "$mode" = on ] || flags=(--analytics-enabled false)
        start_latchkeyd "$TMP/latchkeyd-$mode-$round.log" "${flags[@]}"
        check_exchange "verifyKey (analytics $mode)" "$VURL" -X POST -H "Authorization: Bearer $ROOT_KEY" \
            -H 'Content-Type: application/json' -d "{\"key\":\"$(head -1 "$TMP/keys.txt")\"}"
        written0=$(metric latchkey_analytics_events_written_total); dropped0=$(metric latchkey_analytics_events_dropped_total)
        measure "$mode$round" "verifyKey, 100 keys, analytics $mode (round $round)" - $CONNS $CONNS "$VURL" \
            "$SCRIPT_DIR/verify.lua" BENCH_ROOT_KEY="$ROOT_KEY" BENCH_KEYS_FILE="$TMP/keys.txt"
        sleep 1.5   # the writer's last batch window
        written=$(( $(metric latchkey_analytics_events_written_total) - written0 ))
        dropped=$(( $(metric latchkey_analytics_events_dropped_total) - dropped0 ))
        RESULTS+=("$mode|$round|${RPS[$mode$round]}|$written|$dropped")
        stop_pid "$LK_PID"
    done
done

echo
echo "Analytics overhead, $(date -u '+%Y-%m-%d %H:%M UTC'), load average now $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| round | analytics on: requests/s | events written (dropped) | analytics off: requests/s | on / off |"
echo "|---|---:|---:|---:|---:|"
for round in $(seq "$ROUNDS"); do
    IFS='|' read -r _ _ on_rps on_written on_dropped <<<"$(printf '%s\n' "${RESULTS[@]}" | grep "^on|$round|")"
    IFS='|' read -r _ _ off_rps off_written _ <<<"$(printf '%s\n' "${RESULTS[@]}" | grep "^off|$round|")"
    [ "$off_written" = 0 ] || NOTES+=("round $round: analytics off still wrote $off_written events")
    printf '| %d | %.0f | %d (%d) | %.0f | %.3f |\n' "$round" "$on_rps" "$on_written" "$on_dropped" "$off_rps" \
        "$(awk -v a="$on_rps" -v b="$off_rps" 'BEGIN { print a / b }')"
done
echo
echo "Every run (server CPU per request is less sensitive to other load on the machine than the rate):"
echo
echo "| run | requests/s | p50 | p99 | server CPU per request |"
echo "|---|---:|---:|---:|---:|"
for row in "${ROWS[@]}"; do
    IFS='|' read -r label rps p50 p99 _ cpu <<<"$row"
    printf '| %s | %.0f | %s | %s | %s µs |\n' "$label" "$rps" "$(fmt_ms "$p50")" "$(fmt_ms "$p99")" "$cpu"
done
echo
for line in "${CPU[@]}"; do echo "- $line"; done
for line in "${NOTES[@]}"; do echo "- $line"; done
