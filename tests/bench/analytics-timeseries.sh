#!/usr/bin/env bash
# The 24-hour per-minute time-series query over N stored verification events, and the storage
# they take (docs/BENCHMARKS.md, "Analytics"):
#   1. a fresh data folder; latchkeyd creates one API and one key over HTTP, then stops;
#   2. latchkey_analytics_seed writes N events (default 10,000,000) over 30 days across 10,000 keys
#      and 1,000 identities through the server's AnalyticsStore (raw rows + every rollup);
#   3. latchkeyd serves it; analytics.getTimeseries over the last 24 h at minute granularity is
#      timed RUNS times (default 20) for the workspace and for the real key (curl's time_total:
#      request to last byte over loopback), median and max;
#   4. the database after a checkpoint: page_count * page_size, and per table/index (dbstat),
#      bytes per stored event for the raw rows and for the rollups.
#
#   tests/bench/analytics-timeseries.sh [BUILD_DIR]          (default: build)
#   EVENTS=10000000 RUNS=20 DATA=/tmp/latchkey-analytics-bench KEEP=0 SKIP_SEED=0 BATCH=1000
#
# SKIP_SEED=1 reuses DATA from an earlier run (its ids in DATA/bench-ids). KEEP=1 keeps DATA.
# RESUME=1 first completes a seed that was stopped (the seeder's --resume: the older events still
# missing, with the same EVENTS), then measures.
# BATCH is the seeder's events per transaction (the writer's own batches hold at most 1,000; more
# only seeds faster, the rows are the same). The 24 hours queried end at the newest seeded minute
# (SEED_END in DATA/bench-ids), so a rerun on older data still reads a full day.
# The server runs on core 0 (taskset) like the other benchmarks; the machine may be shared, so
# the script prints the load average before each step.
set -euo pipefail
BUILD=${1:-build}
EVENTS=${EVENTS:-10000000}
RUNS=${RUNS:-20}
DATA=${DATA:-/tmp/latchkey-analytics-bench}
KEEP=${KEEP:-0}
SKIP_SEED=${SKIP_SEED:-0}
RESUME=${RESUME:-0}
BATCH=${BATCH:-1000}
PORT=${PORT:-18470}
LATCHKEYD=$BUILD/app/latchkeyd/latchkeyd
SEED=$BUILD/tests/bench/latchkey_analytics_seed
ROOT_KEY=lkroot_bench_$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
URL=http://127.0.0.1:$PORT
SERVER_PID=

log() { printf '[analytics %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
load() { log "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"; }
cleanup() {
    [ -z "$SERVER_PID" ] || { kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; }
    [ "$KEEP" = 1 ] || rm -rf "$DATA"
}
trap cleanup EXIT
[ -x "$LATCHKEYD" ] && [ -x "$SEED" ] || die "build latchkeyd and latchkey_analytics_seed in $BUILD first"
command -v sqlite3 >/dev/null || die "sqlite3 (the command-line shell) is needed for the storage figures"

start_server() {
    LATCHKEY_BOOTSTRAP_ROOT_KEY=$ROOT_KEY taskset -c 0 "$LATCHKEYD" --listen "127.0.0.1:$PORT" --data-dir "$DATA" \
        2>"$DATA/latchkeyd.log" &
    SERVER_PID=$!
    for _ in $(seq 200); do
        curl -s -o /dev/null --max-time 1 "$URL/v2/liveness" && return 0
        sleep 0.1
    done
    die "latchkeyd did not start: $(tail -3 "$DATA/latchkeyd.log")"
}
stop_server() { kill "$SERVER_PID"; wait "$SERVER_PID" || die "latchkeyd exited with $?"; SERVER_PID=; }
call() {  # call ROUTE JSON: the response body
    curl -s --max-time 60 -H "Authorization: Bearer $ROOT_KEY" -H 'Content-Type: application/json' \
        -d "$2" "$URL/v2/$1"
}
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }

if [ "$SKIP_SEED" = 1 ] || [ "$RESUME" = 1 ]; then
    [ -f "$DATA/bench-ids" ] || die "SKIP_SEED=1 / RESUME=1 but no $DATA/bench-ids"
    # shellcheck disable=SC1091
    . "$DATA/bench-ids"
    if [ "$RESUME" = 1 ]; then
        load
        log "resuming the seed of $EVENTS events ($BATCH per transaction)"
        "$SEED" --data-dir "$DATA" --root-key "$ROOT_KEY" --api "$API_ID" --key "$KEY_ID" --events "$EVENTS" \
            --batch "$BATCH" --resume
    fi
else
    rm -rf "$DATA"
    mkdir -p "$DATA"
    start_server
    API_ID=$(call apis.createApi '{"name":"bench"}' | json "['data']['apiId']")
    KEY_ID=$(call keys.createKey "{\"apiId\":\"$API_ID\"}" | json "['data']['keyId']")
    stop_server
    # The seeder's newest event is a minute before it starts: the queried day ends at this minute.
    SEED_END=$(( ($(date +%s%3N) / 60000) * 60000 ))
    printf 'ROOT_KEY=%s\nAPI_ID=%s\nKEY_ID=%s\nSEED_END=%s\n' "$ROOT_KEY" "$API_ID" "$KEY_ID" "$SEED_END" \
        >"$DATA/bench-ids"
    load
    log "seeding $EVENTS events (api $API_ID, key $KEY_ID, $BATCH per transaction)"
    "$SEED" --data-dir "$DATA" --root-key "$ROOT_KEY" --api "$API_ID" --key "$KEY_ID" --events "$EVENTS" \
        --batch "$BATCH"
fi

# ------------------------------------------------------------------ the query
start_server
load
NOW=${SEED_END:-$(date +%s%3N)}
START=$((NOW - 86400000))
log "querying $(date -u -d "@$((START / 1000))" +%FT%TZ) .. $(date -u -d "@$((NOW / 1000))" +%FT%TZ)"
time_query() {  # time_query LABEL JSON: RUNS timings, then "median max" in ms
    local label=$1 body=$2 times=() i
    local first
    first=$(call analytics.getTimeseries "$body")
    local buckets total
    buckets=$(json "['data']['buckets'].__len__()" <<<"$first" 2>/dev/null) || die "$label: $first"
    total=$(python3 -c "import json,sys; print(sum(b['total'] for b in json.load(sys.stdin)['data']['buckets']))" <<<"$first")
    local ticks0 ticks1
    ticks0=$(awk '{ print $14 + $15 }' "/proc/$SERVER_PID/stat")
    for i in $(seq "$RUNS"); do
        times+=("$(curl -s -o /dev/null -w '%{time_total}' --max-time 60 -H "Authorization: Bearer $ROOT_KEY" \
            -H 'Content-Type: application/json' -d "$body" "$URL/v2/analytics.getTimeseries")")
    done
    ticks1=$(awk '{ print $14 + $15 }' "/proc/$SERVER_PID/stat")
    # The server's own time per query from its access log ("... 200 <µs> us"): request in to
    # response out, without curl and loopback, and without the process's background threads
    # (retention may still be expiring rows right after a seed, which the CPU figure includes).
    local inserver
    inserver=$(grep 'analytics.getTimeseries' "$DATA/latchkeyd.log" | tail -n "$RUNS" | awk '{ print $(NF-1) / 1000 }' |
        sort -n | awk '{ v[NR] = $1 } END { printf "in-server median %.1f ms, min %.1f ms", v[int((NR + 1) / 2)], v[1] }')
    # Server CPU per query (user + system of latchkeyd): unlike the wall time it hardly moves when
    # other processes share core 0.
    printf '%s\n' "${times[@]}" | sort -n | awk -v label="$label" -v b="$buckets" -v t="$total" -v n="$RUNS" -v ins="$inserver" \
        -v cpu="$(awk -v d=$((ticks1 - ticks0)) -v hz="$(getconf CLK_TCK)" -v n="$RUNS" 'BEGIN { printf "%.1f", 1000 * d / hz / n }')" \
        '{ v[NR] = $1 * 1000 } END { m = (n % 2) ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2;
           printf "%s: %d buckets (%s events), %d runs: median %.1f ms, max %.1f ms, server CPU %s ms per query, %s; all:", label, b, t, n, m, v[n], cpu, ins;
           for (i = 1; i <= n; i++) printf " %.1f", v[i]; printf "\n" }'
}
time_query "workspace, last 24 h per minute" \
    "{\"scope\":\"workspace\",\"start\":$START,\"end\":$NOW,\"bucket\":\"minute\"}"
time_query "one key, last 24 h per minute" \
    "{\"scope\":\"key\",\"keyId\":\"$KEY_ID\",\"start\":$START,\"end\":$NOW,\"bucket\":\"minute\"}"
stop_server

# ------------------------------------------------------------------ storage
DB=$DATA/latchkey.db
sqlite3 "$DB" 'PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null
STORED=$(sqlite3 "$DB" 'SELECT count(*) FROM verification_events;')
sqlite3 -separator ' ' "$DB" 'SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size();' |
    awk -v n="$STORED" '{ printf "database: %.1f MiB for %d stored events = %.0f bytes per event\n", $1 / 1048576, n, $1 / n }'
sqlite3 -separator '|' "$DB" "
    SELECT CASE WHEN name LIKE 'verification_events%' THEN 'raw events + their indexes'
                WHEN name LIKE 'verification_detail_rollups%' THEN 'detail rollups (public per-minute/hour/day/month views)'
                WHEN name LIKE 'verification_rollups%' THEN 'scope rollups (series, top lists)'
                ELSE 'everything else' END AS part, sum(pgsize) FROM dbstat GROUP BY part ORDER BY 2 DESC;" |
    awk -F'|' -v n="$STORED" '{ printf "  %-58s %9.1f MiB  %6.0f bytes/event\n", $1, $2 / 1048576, $2 / n }'
log "per table and index (MiB, rows):"
sqlite3 -separator '|' "$DB" "SELECT name, sum(pgsize), sum(ncell) FROM dbstat WHERE pagetype = 'leaf' OR pagetype IS NULL OR 1
    GROUP BY name HAVING sum(pgsize) > 1048576 ORDER BY 2 DESC;" |
    awk -F'|' -v n="$STORED" '{ printf "  %-45s %9.1f MiB  %6.0f bytes/event\n", $1, $2 / 1048576, $2 / n }'
