#!/usr/bin/env bash
# System calls per verification on the HTTP worker thread (strace of a running latchkeyd while
# fixedload.py sends an exact number of requests); load-independent, like callgrind's counts, but
# it sees the kernel side: which calls the socket layer and the event loop make per request.
#
#   tests/bench/engine-syscalls.sh BINARY N LABEL [VAR=value...]      (C=connections, default 16)
#
# SCENARIO=credits: a key with credits and an auto-applied rate limit (engine-callgrind.sh's);
# then the credit commit thread's calls are printed as well (its futex wake-ups, the WAL's
# pwrite64 per transaction).
set -euo pipefail
SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
BIN=$1 N=$2 LABEL=$3
shift 3
C=${C:-16}
PORT=$((18600 + RANDOM % 90))
T=$(mktemp -d "${TMPDIR:-/tmp}/latchkey-engine-sc.XXXXXX")
ROOT="root_sc$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
U=http://127.0.0.1:$PORT
P=
cleanup() { [ -z "$P" ] || { kill "$P" 2>/dev/null; wait "$P" 2>/dev/null; } || true; }
trap cleanup EXIT
env "$@" LATCHKEY_BOOTSTRAP_ROOT_KEY=$ROOT "$BIN" --listen 127.0.0.1:$PORT --data-dir "$T/data" --workers 1 >"$T/run.log" 2>&1 &
P=$!
until curl -sf -o /dev/null $U/v2/liveness; do sleep 0.05; done
api() { curl -sf -H "Authorization: Bearer $ROOT" -H 'Content-Type: application/json' -d "$2" "$U/v2/$1"; }
API=$(api apis.createApi '{"name":"bench"}' | sed -nE 's/.*"apiId":"([^"]*)".*/\1/p')
EXTRA=
[ "${SCENARIO:-plain}" != credits ] || EXTRA=',"credits":{"remaining":1000000000},"ratelimits":[{"name":"rps","limit":1000000,"duration":1000,"autoApply":true}]'
KEY=$(api keys.createKey "{\"apiId\":\"$API\"$EXTRA}" | sed -nE 's/.*"key":"([^"]*)".*/\1/p')
load() { python3 "$SCRIPT_DIR/fixedload.py" 127.0.0.1 $PORT "$C" "$1" /v2/keys.verifyKey "{\"key\":\"$KEY\"}" "$ROOT"; }
load 500 >/dev/null # connections open, caches warm
strace -qq -f -ff -o "$T/tr" -p "$P" &
S=$!
sleep 0.5
load "$N" >"$T/load.txt"
kill -INT $S; wait $S || true
echo "== $LABEL N=$N C=$C $(cat "$T/load.txt")"
set +o pipefail
# The worker thread's trace is the one with the responses' sends.
f=$(for g in "$T"/tr.*; do echo "$(grep -c '^sendto\|^writev' "$g") $g"; done | sort -n | tail -1 | cut -d' ' -f2)
perRequest() { sed -nE 's/^([a-z_0-9]+)\(.*/\1/p' "$1" | sort | uniq -c | sort -rn | awk -v n="$N" \
    '{t += $1; printf "  %-14s %6.2f per request\n", $2, $1 / n} END {printf "  %-14s %6.2f per request\n", "all", t / n}'; }
perRequest "$f"
# The credit commit thread's trace: the one with the most WAL writes (pwrite64).
c=$(for g in "$T"/tr.*; do echo "$(grep -c '^pwrite64' "$g") $g"; done | sort -n | tail -1)
if [ "${SCENARIO:-plain}" = credits ] && [ "${c%% *}" != 0 ]; then
    echo "  credit-commit thread:"
    perRequest "${c#* }"
fi
