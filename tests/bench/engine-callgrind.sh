#!/usr/bin/env bash
# Instructions per verification on the HTTP worker thread, over real sockets: latchkeyd under
# callgrind (--separate-threads), driven by fixedload.py with an exact request count. Run it for
# two counts and take the difference, so start-up and seeding cancel out:
#
#   tests/bench/engine-callgrind.sh BINARY N LABEL [VAR=value...]     (C=connections, default 16)
#
# Prints the worker thread's total Ir and the inclusive Ir of Router::handle (the engine is the
# difference), and every thread's Ir together (all_threads_Ir: the credit commit thread, the
# analytics writer and the log flusher included). SCENARIO=credits verifies a key with credits
# (10^9) and an auto-applied rate limit, as run.sh's credits row: its spends commit on the
# credit-commit thread, C connections' worth grouped per transaction. VAR=value pairs go into latchkeyd's environment, e.g. LATCHKEY_HTTP_EVENT_LOOP=qt
# (Qt's default dispatcher instead of EpollEventDispatcher) or QT_NO_GLIB=1.
set -euo pipefail
SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
BIN=$1 N=$2 LABEL=$3
shift 3
PORT=$((18700 + RANDOM % 200))
T=$(mktemp -d "${TMPDIR:-/tmp}/latchkey-engine-cg.XXXXXX")
ROOT="root_cg$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
U=http://127.0.0.1:$PORT
P=
cleanup() { [ -z "$P" ] || { kill "$P" 2>/dev/null; wait "$P" 2>/dev/null; } || true; }
trap cleanup EXIT
LATCHKEY_BOOTSTRAP_ROOT_KEY=$ROOT "$BIN" --listen 127.0.0.1:$PORT --data-dir "$T/data" --workers 1 >"$T/seed.log" 2>&1 &
P=$!
until curl -sf -o /dev/null $U/v2/liveness; do sleep 0.05; done
api() { curl -sf -H "Authorization: Bearer $ROOT" -H 'Content-Type: application/json' -d "$2" "$U/v2/$1"; }
API=$(api apis.createApi '{"name":"bench"}' | sed -nE 's/.*"apiId":"([^"]*)".*/\1/p')
EXTRA=
[ "${SCENARIO:-plain}" != credits ] || EXTRA=',"credits":{"remaining":1000000000},"ratelimits":[{"name":"rps","limit":1000000,"duration":1000,"autoApply":true}]'
KEY=$(api keys.createKey "{\"apiId\":\"$API\"$EXTRA}" | sed -nE 's/.*"key":"([^"]*)".*/\1/p')
kill "$P"; wait "$P" || true
env "$@" valgrind --tool=callgrind --separate-threads=yes --callgrind-out-file="$T/cg.out" \
    "$BIN" --listen 127.0.0.1:$PORT --data-dir "$T/data" --workers 1 >"$T/run.log" 2>&1 &
P=$!
until curl -sf -o /dev/null $U/v2/liveness; do sleep 0.2; done
python3 "$SCRIPT_DIR/fixedload.py" 127.0.0.1 $PORT "${C:-16}" "$N" /v2/keys.verifyKey "{\"key\":\"$KEY\"}" "$ROOT" >"$T/load.txt"
kill -TERM "$P"; wait "$P" || true
P=
set +o pipefail
# The worker thread's file is the one that ran the connections.
f=$(for g in "$T"/cg.out-*; do echo "$(grep -c HttpConnection "$g") $g"; done | sort -n | tail -1 | cut -d' ' -f2)
total=$(grep -E '^(summary|totals):' "$f" | head -1 | awk '{print $2}')
router=$(callgrind_annotate --inclusive=yes "$f" 2>/dev/null | grep -m1 'Router::handle(' | awk '{gsub(",","",$1); print $1}')
all=$(for g in "$T"/cg.out-*; do grep -m1 -E '^(summary|totals):' "$g"; done | awk '{s += $2} END {print s}')
# The credit commit thread's file (SCENARIO=credits): the one that ran the commit loop.
c=$(for g in "$T"/cg.out-*; do echo "$(grep -c commitLoop "$g") $g"; done | sort -n | tail -1)
commit=0
[ "${c%% *}" = 0 ] || commit=$(grep -m1 -E '^(summary|totals):' "${c#* }" | awk '{print $2}')
echo "$LABEL N=$N C=${C:-16} worker_Ir=$total router_handle_Ir=${router:-0} commit_thread_Ir=$commit all_threads_Ir=$all $(cat "$T/load.txt") profile=$f"
