# shellcheck shell=bash
# Functions shared by the benchmark scripts in tests/bench (sourced, not run). Expects from the
# caller: START_SECONDS, TMP, PIDS (array), DURATION, WARMUP, CONNS, PACE_MS, WRK2_NOTE.
log() { printf '[bench %3ds] %s\n' "$((SECONDS - START_SECONDS))" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }


port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for p in $NGINX_PORT $QTREF_PORT $LK_PORT; do port_free "$p" || die "port $p is in use (set BENCH_PORT_BASE)"; done

wait_http() {   # wait_http URL [curl args...]: until the server answers at all (max 10 s)
    local url=$1; shift
    for _ in $(seq 100); do
        curl -s -o /dev/null --max-time 1 "$@" "$url" && return 0
        sleep 0.1
    done
    die "no answer from $url"
}

stop_pid() {    # stop_pid PID: SIGTERM, wait, drop from PIDS
    local pid=$1 keep=()
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    for p in "${PIDS[@]}"; do [ "$p" = "$pid" ] || keep+=("$p"); done
    PIDS=("${keep[@]}")
}

# One exchange with curl: status, Content-Length against the real body length, body.
check_exchange() {  # check_exchange LABEL URL [curl args...]
    local label=$1 url=$2; shift 2
    local status cl len
    status=$(curl -s -D "$TMP/hdr" -o "$TMP/body" -w '%{http_code}' --max-time 5 "$@" "$url")
    cl=$(tr -d '\r' <"$TMP/hdr" | awk 'tolower($1)=="content-length:" {print $2}')
    len=$(wc -c <"$TMP/body")
    log "$label: HTTP $status, Content-Length ${cl:-none}, body $len bytes: $(head -c 200 "$TMP/body")"
    [ "$status" = 200 ] || die "$label answered $status"
    [ "$cl" = "$len" ] || die "$label: Content-Length $cl does not match the body ($len bytes)"
}

# ---------------------------------------------------------------- wrk runs
ROWS=()          # "label|rps|p50_us|p99_us|ref"  (ref: the nginx row to divide by)
NOTES=()
CPU=()           # CPU share of one core used by the server and by wrk in each measured run
declare -A RPS

# wrk_pass OUT SECONDS CONNS URL SCRIPT [ENV...]: one wrk run pinned to core 1.
wrk_pass() {
    local out=$1 secs=$2 conns=$3 url=$4 script=$5; shift 5
    env "$@" taskset -c 1 wrk -t1 -c"$conns" -d"${secs}s" --latency -s "$script" "$url" >"$out"
}
# CPU ticks (user+system) of processes (threads included), and of the reaped children of this shell.
ticks() { local t=0 pid; for pid; do [ -r "/proc/$pid/stat" ] && t=$((t + $(sed 's/^.*) //' "/proc/$pid/stat" | awk '{print $12 + $13}'))); done; echo $t; }
# busy and total ticks of core 0 and core 1: "busy0 total0 busy1 total1"
cores() { awk '$1 == "cpu0" || $1 == "cpu1" { t = 0; for (i = 2; i <= NF; i++) t += $i; printf "%d %d ", t - $5 - $6, t }' /proc/stat; }
CONTENDED_POINTS=10   # a core busier than our process on it by more than this: someone else ran there
child_ticks() { sed 's/^.*) //' "/proc/$$/stat" | awk '{print $14 + $15}'; }
HZ=$(getconf CLK_TCK)
SERVER_PIDS=""   # the processes of the server under test, for the CPU share of each measured run
field() { sed -nE "s/^BENCH .*\b$1=([0-9.]+).*/\1/p" "$2"; }   # field NAME WRK_OUTPUT

# measure NAME LABEL REF WARM_CONNS CONNS URL SCRIPT [ENV...]: warm-up (verify.lua parses and counts
# every response then), then the measured run; records a table row. REF: RPS key to divide by, or
# "-" for no ratio. Extra env for the measured run only: MEASURE_ENV (array).
measure() {
    local name=$1 label=$2 ref=$3 warm_conns=$4 conns=$5 url=$6 script=$7; shift 7
    local out=$TMP/wrk-$name.txt
    wrk_pass "$TMP/wrk-$name-warmup.txt" "$WARMUP" "$warm_conns" "$url" "$script" "$@" BENCH_CHECK=1
    local check
    check=$(grep '^CHECK' "$TMP/wrk-$name-warmup.txt" || true)
    [ -z "$check" ] || { log "$label: warm-up ${WARMUP}s, $check"; NOTES+=("$label — warm-up ${check//$'\n'/; }"); }
    log "$label: measuring ${DURATION}s (-c$conns)"
    local s0 w0 t0 c0 s1 w1 t1 c1 cpu flag
    # shellcheck disable=SC2086
    s0=$(ticks $SERVER_PIDS); w0=$(child_ticks); c0=$(cores); t0=$(date +%s%N)
    wrk_pass "$out" "$DURATION" "$conns" "$url" "$script" "$@"
    # shellcheck disable=SC2086
    s1=$(ticks $SERVER_PIDS); w1=$(child_ticks); c1=$(cores); t1=$(date +%s%N)
    cpu=$(awk -v s=$((s1 - s0)) -v w=$((w1 - w0)) -v hz="$HZ" -v ns=$((t1 - t0)) -v c0="$c0" -v c1="$c1" \
        -v lim="$CONTENDED_POINTS" 'BEGIN { split(c0, a, " "); split(c1, b, " "); sec = ns / 1e9;
            sv = 100 * s / hz / sec; k0 = 100 * (b[1] - a[1]) / (b[2] - a[2]);
            wk = 100 * w / hz / sec; k1 = 100 * (b[3] - a[3]) / (b[4] - a[4]);
            printf "%s|server %.0f%% of core 0 (busy %.0f%%), wrk %.0f%% of core 1 (busy %.0f%%)",
                (k0 - sv > lim || k1 - wk > lim) ? "contended" : "", sv, k0, wk, k1 }')
    flag=${cpu%%|*}
    CPU+=("$label: ${cpu#*|}${flag:+ — **contended**}")
    [ -z "$flag" ] || label="$label ⚠"
    cat "$out" >&2
    grep -q '^BENCH' "$out" || die "$label: no BENCH line from wrk"
    local non2xx errs
    non2xx=$(field non2xx "$out")
    errs=$(sed -nE 's/^BENCH .* connect=([0-9]+) read=([0-9]+) write=([0-9]+) timeout=([0-9]+).*/connect \1, read \2, write \3, timeout \4/p' "$out")
    if [ "$non2xx" != 0 ] || [ "$errs" != "connect 0, read 0, write 0, timeout 0" ]; then
        NOTES+=("$label — measured run: **$non2xx non-2xx responses**, socket errors: $errs")
    fi
    RPS[$name]=$(field rps "$out")
    # Server CPU time per answered request: unlike the rate, it hardly moves when other work
    # shares the core, so it still compares servers when a row is contended.
    local cpu_us
    cpu_us=$(awk -v s=$((s1 - s0)) -v hz="$HZ" -v n="$(field requests "$out")" 'BEGIN { printf "%.1f", (n > 0 ? 1e6 * s / hz / n : 0) }')
    ROWS+=("$label|${RPS[$name]}|$(field p50_us "$out")|$(field p99_us "$out")|$ref|$cpu_us")
}

# full NAME LABEL URL SCRIPT [ENV...]: the headline load, -c64, ratio to nginx.
full() { local name=$1 label=$2 url=$3 script=$4; shift 4; measure "$name" "$label" nginx "$CONNS" "$CONNS" "$url" "$script" "$@"; }

# paced NAME LABEL TARGET_RPS URL SCRIPT [ENV...]: ~TARGET_RPS with a fixed, calibrated connection
# count, each connection waiting PACE_MS after every response. The warm-up runs with a first guess
# of the count; its rate gives the count of the measured run (the rate is linear in the count as
# long as the server is not saturated).
paced() {
    local name=$1 label=$2 target=$3 url=$4 script=$5; shift 5
    local guess conns warm_rps
    guess=$(awk -v t="$target" -v d="$PACE_MS" 'BEGIN { c = int(t * (d + 0.1) / 1000 + 0.5); print (c < 1 ? 1 : c) }')
    wrk_pass "$TMP/wrk-$name-calibrate.txt" 2 "$guess" "$url" "$script" "$@" BENCH_DELAY_MS="$PACE_MS"
    warm_rps=$(field rps "$TMP/wrk-$name-calibrate.txt")
    conns=$(awk -v g="$guess" -v t="$target" -v r="$warm_rps" 'BEGIN { c = int(g * t / r + 0.5); print (c < 1 ? 1 : c) }')
    log "$label: -c$guess paced gave $warm_rps/s; using -c$conns for ~$target/s"
    measure "$name" "$label (-c$conns, ${PACE_MS} ms think time)" - "$conns" "$conns" "$url" "$script" \
        "$@" BENCH_DELAY_MS="$PACE_MS"
}

fmt_ms() { awk -v us="$1" 'BEGIN { printf "%.2f ms", us / 1000 }'; }

# print_table: the markdown table of every recorded row (ratio to the row named in its REF).
print_table() {
    echo "| target | requests/s | ratio to nginx | p50 | p99 | server CPU per request |"
    echo "|---|---:|---:|---:|---:|---:|"
    local row label rps p50 p99 ref cpu ratio
    for row in "${ROWS[@]}"; do
        IFS='|' read -r label rps p50 p99 ref cpu <<<"$row"
        if [ "$ref" = - ]; then
            ratio="— (paced)"
        else
            ratio=$(awk -v a="$rps" -v b="${RPS[$ref]}" 'BEGIN { printf "%.3f", a / b }')
        fi
        printf '| %s | %.0f | %s | %s | %s | %s µs |\n' "$label" "$rps" "$ratio" "$(fmt_ms "$p50")" "$(fmt_ms "$p99")" "$cpu"
    done
}

# rss_mib PID: resident memory of a process now and at its peak, "now MiB (peak MiB)".
rss_mib() {
    awk '$1 == "VmRSS:" { now = $2 } $1 == "VmHWM:" { peak = $2 }
         END { printf "%.0f MiB (peak %.0f MiB)", now / 1024, peak / 1024 }' "/proc/$1/status"
}
