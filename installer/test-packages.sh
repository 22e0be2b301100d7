#!/usr/bin/env bash
# The install test of the latchkeyd Debian package, in a fresh Debian 12 root (debootstrap):
# shellcheck disable=SC2016 # ${Conffiles}, ${Version}: dpkg-query formats, not shell expansions
#
#   installer/test-packages.sh [BUILD_DIR]        (./dev test-packages; needs root)
#
#  1. builds the packages (installer/build-packages.sh, lintian included) and the same packages once
#     more with a newer version (CPACK_PACKAGE_VERSION=<version>+upgradetest1);
#  2. copies a pristine `debootstrap --variant=minbase bookworm` root from the cache (made once),
#     mounts /proc and /dev in it, installs latchkeyd with apt;
#  3. checks the user, the data folder, the conffile, the enabled unit; starts latchkeyd as the
#     latchkey user with the ExecStart line of the installed unit (systemd does not run in a chroot)
#     on a free loopback port, reads the bootstrap root key from its 0600 file, creates an API and a
#     key with curl and verifies the key;
#  4. edits the conffile, upgrades to the newer package, starts again and verifies the same key
#     (data kept, local conffile change kept);
#  5. removes (data and user kept), then purges (data, user, group and /etc/latchkey gone).
#
# Cache: $LATCHKEY_PACKAGE_CACHE (default /var/cache/latchkey-packages) keeps the pristine root and
# the .deb files apt downloads, so a warm run needs the network only for `apt-get update`.
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD_DIR=${1:-${LATCHKEY_PACKAGE_BUILD_DIR:-build-package}}
CACHE=${LATCHKEY_PACKAGE_CACHE:-/var/cache/latchkey-packages}
MIRROR=${LATCHKEY_DEBIAN_MIRROR:-http://deb.debian.org/debian}
STEP_TIMEOUT=${LATCHKEY_STEP_TIMEOUT:-600}
START=$SECONDS

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

[ "$(id -u)" -eq 0 ] || fail "run as root (debootstrap, chroot and mount need it)"

WORK=$(mktemp -d /tmp/latchkey-package-test.XXXXXX)
ROOT=$WORK/root
SERVER_PID=
cleanup() {
    if [ -n "$SERVER_PID" ]; then
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    for mount in "$ROOT/var/cache/apt/archives" "$ROOT/dev" "$ROOT/proc"; do
        if mountpoint -q "$mount" 2>/dev/null; then umount -l "$mount" || true; fi
    done
    rm -rf --one-file-system "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

in_root() { timeout "$STEP_TIMEOUT" chroot "$ROOT" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin \
    DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8 "$@" </dev/null; }

# --- 1. the packages --------------------------------------------------------------------------
build_packages() {
    installer/build-packages.sh "$BUILD_DIR" "$WORK/v1"
    local version
    version=$(dpkg-deb --field "$WORK"/v1/latchkeyd_*.deb Version)
    UPGRADE_VERSION=${version%-*}+upgradetest1
    log "the same packages as version $UPGRADE_VERSION, for the upgrade"
    LATCHKEY_SKIP_LINTIAN=1 installer/build-packages.sh "$BUILD_DIR" "$WORK/v2" \
        -D "CPACK_PACKAGE_VERSION=$UPGRADE_VERSION" >/dev/null
    dpkg --compare-versions "$(dpkg-deb --field "$WORK"/v2/latchkeyd_*.deb Version)" gt "$version" ||
        fail "the rebuilt package is not newer than $version"
}

# --- 2. a fresh Debian 12 root ----------------------------------------------------------------
pristine_root() {
    local pristine=$CACHE/bookworm-root
    if [ ! -e "$pristine/.latchkey-pristine" ]; then
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
    fi
    log "copying the pristine root to $ROOT"
    cp -a "$pristine" "$ROOT"
    mkdir -p "$CACHE/apt-archives/partial"
    mount -t proc proc "$ROOT/proc"
    mount --bind /dev "$ROOT/dev"
    mount --bind "$CACHE/apt-archives" "$ROOT/var/cache/apt/archives"
    cp /etc/resolv.conf "$ROOT/etc/resolv.conf"
    log "apt-get update in the root"
    in_root apt-get update -q >"$WORK/apt-update.log" || { cat "$WORK/apt-update.log"; fail "apt-get update"; }
}

apt_install() { # apt_install DEB: install (or upgrade to) a package file, as a user would
    mkdir -p "$ROOT/tmp/debs"
    cp "$1" "$ROOT/tmp/debs/"
    in_root apt-get install -y -q --no-install-recommends "/tmp/debs/$(basename "$1")" >"$WORK/apt.log" 2>&1 ||
        { cat "$WORK/apt.log"; fail "apt-get install $(basename "$1")"; }
    grep -E '^(Setting up|Unpacking) latchkey' "$WORK/apt.log" | sed 's/^/    /'
}

# --- 3. the server as the service would run it ----------------------------------------------
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

start_server() {
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
    for _ in $(seq 1 300); do
        curl -s -o /dev/null "$URL/v2/liveness" && return 0
        kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log"; fail "latchkeyd exited"; }
        sleep 0.2
    done
    cat "$WORK/server.log"
    fail "latchkeyd did not answer on $URL within 60 s"
}

stop_server() {
    kill -TERM "$SERVER_PID"
    wait "$SERVER_PID" || fail "latchkeyd did not exit with 0 on SIGTERM"
    SERVER_PID=
}

call() { # call ACTION JSON: POST /v2/ACTION with the root key; prints the body, fails on non-2xx
    curl -sS --fail-with-body -X POST "$URL/v2/$1" -H "Authorization: Bearer $ROOT_KEY" \
        -H 'Content-Type: application/json' -d "$2" || fail "POST /v2/$1"
}
json() { python3 -c 'import json, sys; print(eval("d" + sys.argv[1], {"d": json.load(sys.stdin)}))' "$1"; }

verify_key() { # verify_key: prints the verifyKey answer's "valid"
    call keys.verifyKey "{\"key\":\"$KEY\"}" | json '["data"]["valid"]'
}

# --- small predicates for check ---------------------------------------------------------------
system_user_ok() { chroot "$ROOT" getent passwd latchkey | grep -q ':/var/lib/latchkey:/usr/sbin/nologin$'; }
is_conffile() { chroot "$ROOT" dpkg-query -W -f='${Conffiles}' latchkeyd | grep -q ' /etc/latchkey/latchkeyd.conf '; }
not_in_log() { ! grep -qF -- "$1" "$WORK/server.log"; }
no_dpkg_leftovers() { ! ls "$ROOT"/etc/latchkey/*.dpkg-* >/dev/null 2>&1; }
last_log_line_is_json() { tail -n1 "$WORK/server.log" | grep -q '^{'; }
no_user() { ! chroot "$ROOT" getent passwd latchkey >/dev/null; }
no_group() { ! chroot "$ROOT" getent group latchkey >/dev/null; }
# systemd-analyze verify only warns (exit 0) about unknown keys, so any output fails; the host has
# the systemd to verify with, so the copy points ExecStart at the binary inside the root.
unit_verifies() {
    local out
    mkdir -p "$WORK/unit"
    sed "s|/usr/bin/latchkeyd|$ROOT/usr/bin/latchkeyd|" "$ROOT/lib/systemd/system/latchkeyd.service" >"$WORK/unit/latchkeyd.service"
    out=$(systemd-analyze verify "$WORK/unit/latchkeyd.service" 2>&1) && [ -z "$out" ] && return 0
    printf '%s\n' "$out"
    return 1
}
# Exposure 2.0 or better (the unit rates 1.5 with systemd 252).
unit_exposure_ok() { systemd-analyze security --offline=yes --threshold=20 "$WORK/unit/latchkeyd.service" >/dev/null; }
not_installed() { ! chroot "$ROOT" dpkg-query -W -f='${Status}' latchkeyd 2>/dev/null | grep -q installed; }

# --- the test -------------------------------------------------------------------------------
log "building the packages from $BUILD_DIR"
build_packages
pristine_root

DASHBOARD_DEB=$(compgen -G "$WORK/v1/latchkey-dashboard_*.deb" || true)
if [ -n "$DASHBOARD_DEB" ]; then
    # Not installed (Qt WebEngine is a large download), but apt must be able to resolve it.
    cp "$DASHBOARD_DEB" "$ROOT/tmp/"
    dashboard_resolves() { in_root apt-get install -s -q --no-install-recommends "/tmp/$(basename "$DASHBOARD_DEB")" >"$WORK/apt.log" 2>&1 || { cat "$WORK/apt.log"; false; }; }
    check "latchkey-dashboard's Depends resolve in Debian 12 (apt-get --simulate)" dashboard_resolves
fi

log "install latchkeyd"
apt_install "$WORK"/v1/latchkeyd_*.deb
check "system user latchkey with home /var/lib/latchkey and no login shell" system_user_ok
check "data folder /var/lib/latchkey is latchkey:latchkey 0750" \
    test "$(chroot "$ROOT" stat -c '%U:%G %a' /var/lib/latchkey)" = "latchkey:latchkey 750"
check "/etc/latchkey/latchkeyd.conf is a conffile" is_conffile
check "the unit is enabled (deb-systemd-helper)" \
    test -L "$ROOT/etc/systemd/system/multi-user.target.wants/latchkeyd.service"
check "systemd-analyze verify accepts the installed unit without a warning" unit_verifies
check "systemd-analyze security rates its exposure 2.0 or better" unit_exposure_ok

log "start latchkeyd as the latchkey user (the unit's ExecStart)"
start_server
KEY_FILE=$ROOT/var/lib/latchkey/bootstrap-root-key
check "bootstrap root key file is latchkey:latchkey 0600" test "$(chroot "$ROOT" stat -c '%U:%G %a' /var/lib/latchkey/bootstrap-root-key)" = "latchkey:latchkey 600"
ROOT_KEY=$(head -n1 "$KEY_FILE")
check "the log names the key file's path" grep -q "written to /var/lib/latchkey/bootstrap-root-key" "$WORK/server.log"
check "the log never contains the root key" not_in_log "$ROOT_KEY"
API_ID=$(call apis.createApi '{"name":"package-test"}' | json '["data"]["apiId"]')
KEY=$(call keys.createKey "{\"apiId\":\"$API_ID\",\"prefix\":\"pkg\"}" | json '["data"]["key"]')
check "a new key verifies" test "$(verify_key)" = True
stop_server

log "upgrade to $UPGRADE_VERSION with a locally changed conffile"
printf '\n; local change kept across upgrades\nlog-format = json\n' >>"$ROOT/etc/latchkey/latchkeyd.conf"
apt_install "$WORK"/v2/latchkeyd_*.deb
check "version is $UPGRADE_VERSION" test "$(chroot "$ROOT" dpkg-query -W -f='${Version}' latchkeyd)" = "$UPGRADE_VERSION-1"
check "the local conffile change is kept" grep -q '^; local change kept across upgrades' "$ROOT/etc/latchkey/latchkeyd.conf"
check "no .dpkg-dist/.dpkg-new next to the conffile" no_dpkg_leftovers
start_server
check "the server runs with the changed config (JSON log lines)" last_log_line_is_json
check "the key created before the upgrade still verifies" test "$(verify_key)" = True
stop_server

log "remove (not purge)"
in_root apt-get remove -y -q latchkeyd >"$WORK/apt.log" 2>&1 || { cat "$WORK/apt.log"; fail "apt-get remove"; }
check "data kept after remove" test -s "$ROOT/var/lib/latchkey/latchkey.db"
check "user kept after remove" system_user_ok
check "conffile kept after remove" test -f "$ROOT/etc/latchkey/latchkeyd.conf"

log "purge"
in_root apt-get purge -y -q latchkeyd >"$WORK/apt.log" 2>&1 || { cat "$WORK/apt.log"; fail "apt-get purge"; }
check "data folder gone" test ! -e "$ROOT/var/lib/latchkey"
check "user gone" no_user
check "group gone" no_group
check "/etc/latchkey gone" test ! -e "$ROOT/etc/latchkey"
check "dpkg forgot the package" not_installed

log "PASS: install, verify, upgrade, remove and purge of latchkeyd in a fresh Debian 12 root ($((SECONDS - START)) s)"
