# Shared helpers of installer/test-packages.sh (sourced, not run): output, checks, a Debian 12 root
# made from the cached debootstrap root, apt inside it, latchkeyd started by hand and its API.
# shellcheck shell=bash
# shellcheck disable=SC2154 # WORK, CACHE, MIRROR, STEP_TIMEOUT, START come from test-packages.sh

log() { printf '\033[1m==> [%3ds] %s\033[0m\n' $((SECONDS - START)) "$*"; }
fail() {
    printf '\033[1;31mFAIL: %s\033[0m\n' "$*" >&2
    exit 1
}
check() { # check DESCRIPTION COMMAND...: run COMMAND, fail with DESCRIPTION unless it succeeds
    local description=$1
    shift
    if "$@"; then
        printf '    ok: %s\n' "$description"
    else
        fail "$description"
    fi
}
# wait_for SECONDS COMMAND...: polls COMMAND every 0.2 s until it succeeds; false after SECONDS.
wait_for() {
    local deadline=$((SECONDS + $1))
    shift
    until "$@"; do
        [ $SECONDS -lt $deadline ] || return 1
        sleep 0.2
    done
}

# --- a Debian 12 root ---------------------------------------------------------------------------
# Every mount made by mount_in is undone (innermost first) by unmount_all, which the EXIT trap runs.
MOUNTS=()
mount_in() { # mount_in TARGET MOUNT-ARGS...
    mkdir -p "$1"
    mount "${@:2}" "$1"
    MOUNTS+=("$1")
}
unmount_all() {
    local i
    for ((i = ${#MOUNTS[@]} - 1; i >= 0; i--)); do
        if mountpoint -q "${MOUNTS[i]}" 2>/dev/null; then umount -l "${MOUNTS[i]}" || true; fi
    done
    MOUNTS=()
}

pristine_root() { # pristine_root: debootstrap bookworm into the cache once
    local pristine=$CACHE/bookworm-root
    [ -e "$pristine/.latchkey-pristine" ] && return 0
    log "debootstrap (once; cached in $pristine)"
    rm -rf "$pristine"
    mkdir -p "$CACHE"
    timeout "$STEP_TIMEOUT" debootstrap --variant=minbase bookworm "$pristine" "$MIRROR" >"$CACHE/debootstrap.log"
    # What a Debian 12 machine has: updates and security fixes, and no services started by
    # package scripts inside a chroot.
    cat >"$pristine/etc/apt/sources.list" <<SOURCES
deb $MIRROR bookworm main
deb $MIRROR bookworm-updates main
deb http://security.debian.org/debian-security bookworm-security main
SOURCES
    printf '#!/bin/sh\nexit 101\n' >"$pristine/usr/sbin/policy-rc.d"
    chmod 755 "$pristine/usr/sbin/policy-rc.d"
    rm -rf "$pristine/var/cache/apt/archives"/*.deb
    touch "$pristine/.latchkey-pristine"
}

# new_root DIR: a copy of the pristine root with /proc, /dev, /dev/shm, /sys and apt's download
# cache mounted, and apt's lists updated; the chroot helpers below act on $ROOT.
new_root() {
    ROOT=$1
    pristine_root
    log "copying the pristine root to $ROOT"
    cp -a "$CACHE/bookworm-root" "$ROOT"
    mkdir -p "$CACHE/apt-archives/partial"
    mount_in "$ROOT/proc" -t proc proc
    mount_in "$ROOT/dev" --bind /dev
    mount --make-private "$ROOT/dev" # so the /dev/shm below can never reach the host's /dev
    mount_in "$ROOT/dev/shm" -t tmpfs -o mode=1777 tmpfs # Chromium (the dashboard) needs a /dev/shm
    mount_in "$ROOT/sys" -t sysfs -o ro sysfs
    mount_in "$ROOT/var/cache/apt/archives" --bind "$CACHE/apt-archives"
    cp /etc/resolv.conf "$ROOT/etc/resolv.conf"
    log "apt-get update in the root"
    in_root apt-get update -q >"$WORK/apt-update.log" || { cat "$WORK/apt-update.log"; fail "apt-get update"; }
}

in_root() { timeout "$STEP_TIMEOUT" chroot "$ROOT" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
    DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8 "$@" </dev/null; }

apt_install() { # apt_install DEB|PACKAGE...: install (or upgrade to) package files or archive packages
    local args=() arg
    mkdir -p "$ROOT/tmp/debs"
    for arg in "$@"; do
        if [ -f "$arg" ]; then
            cp "$arg" "$ROOT/tmp/debs/"
            args+=("/tmp/debs/$(basename "$arg")")
        else
            args+=("$arg")
        fi
    done
    in_root apt-get install -y -q --no-install-recommends "${args[@]}" >"$WORK/apt.log" 2>&1 ||
        { cat "$WORK/apt.log"; fail "apt-get install ${args[*]}"; }
    grep -E '^(Setting up|Unpacking) latchkey' "$WORK/apt.log" | sed 's/^/    /' || true
}
apt_remove() { # apt_remove remove|purge PACKAGE
    in_root apt-get "$1" -y -q "$2" >"$WORK/apt.log" 2>&1 || { cat "$WORK/apt.log"; fail "apt-get $1 $2"; }
}

# --- latchkeyd, as the unit would run it, and its API -------------------------------------------
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

SERVER_PID=
start_server() { # start_server: the installed unit's ExecStart as user latchkey in the chroot
    local exec_start
    exec_start=$(sed -n 's/^ExecStart=//p' "$ROOT/lib/systemd/system/latchkeyd.service")
    [ -n "$exec_start" ] || fail "no ExecStart in the installed unit"
    PORT=$(free_port)
    URL=http://127.0.0.1:$PORT
    # The unit sets no --listen, so LATCHKEY_LISTEN (over the config file's default) picks the port.
    # shellcheck disable=SC2086 # ExecStart is a plain word list, as systemd splits it
    chroot --userspec=latchkey:latchkey "$ROOT" env -i HOME=/var/lib/latchkey PATH=/usr/bin:/bin \
        LATCHKEY_LISTEN="127.0.0.1:$PORT" sh -c "umask 0077; exec $exec_start" >>"$WORK/server.log" 2>&1 &
    SERVER_PID=$!
    local i
    for i in $(seq 1 300); do
        curl -s -o /dev/null "$URL/v2/liveness" && return 0
        kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log"; fail "latchkeyd exited"; }
        sleep 0.2
    done
    cat "$WORK/server.log"
    fail "latchkeyd did not answer on $URL within $((i / 5)) s"
}
stop_server() {
    kill -TERM "$SERVER_PID"
    wait "$SERVER_PID" || fail "latchkeyd did not exit with 0 on SIGTERM"
    SERVER_PID=
}
kill_server() { # for the EXIT trap
    if [ -n "$SERVER_PID" ]; then
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
}

# CURL: how to reach $URL (the systemd part runs curl in the container's network namespace).
CURL=(curl)
call() { # call ACTION JSON: POST /v2/ACTION with the root key; prints the body, fails on non-2xx
    "${CURL[@]}" -sS --fail-with-body -X POST "$URL/v2/$1" -H "Authorization: Bearer $ROOT_KEY" \
        -H 'Content-Type: application/json' -d "$2" || fail "POST /v2/$1"
}
json() { python3 -c 'import json, sys; print(eval("d" + sys.argv[1], {"d": json.load(sys.stdin)}))' "$1"; }

create_api() { call apis.createApi "{\"name\":\"$1\"}" | json '["data"]["apiId"]'; }
# create_credit_key API_ID CREDITS: a key with CREDITS uses and a daily refill; prints "keyId key".
create_credit_key() {
    call keys.createKey "{\"apiId\":\"$1\",\"prefix\":\"pkg\",\"credits\":{\"remaining\":$2,\"refill\":{\"interval\":\"daily\",\"amount\":$2}}}" |
        json '["data"]["keyId"] + " " + d["data"]["key"]'
}
# verify KEY: prints "<valid> <remaining credits>" of one verification, e.g. "True 9".
verify() { call keys.verifyKey "{\"key\":\"$1\"}" | json '["data"]["valid"], d["data"].get("credits")' | tr -d '(),'; }
remaining_credits() { call keys.getKey "{\"keyId\":\"$1\"}" | json '["data"]["credits"]["remaining"]'; }
# analytics_count KEY_ID: the key's verifications in the analytics store (analytics.getVerifications).
analytics_count() {
    call analytics.getVerifications "{\"query\":\"SELECT count(*) AS n FROM key_verifications_v1 WHERE key_id = '$1'\"}" |
        json '["data"][0]["n"]'
}
# top_key_verifications API_ID KEY_ID: the key's verifications in analytics.getTopKeys over the last
# day (the analytics rollups by key, which schema 4 moved to the detail rollups).
top_key_verifications() {
    local end=$((($(date +%s) / 60 + 1) * 60000))
    call analytics.getTopKeys "{\"apiId\":\"$1\",\"start\":$((end - 86400000)),\"end\":$end,\"limit\":100}" |
        json "[\"data\"] and sum(e[\"verifications\"] for e in d[\"data\"] if e[\"keyId\"] == \"$2\")"
}
lists_key() { call apis.listKeys "{\"apiId\":\"$1\"}" | json '["data"]' | grep -qF "'$2'"; }
