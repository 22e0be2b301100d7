#!/usr/bin/env bash
# The install test of the Debian packages, in fresh Debian 12 roots (debootstrap):
# shellcheck disable=SC2016 # ${Conffiles}, ${Version}: dpkg-query formats, not shell expansions
#
#   installer/test-packages.sh [BUILD_DIR]        (./dev test-packages; needs root)
#
#  1. builds the packages of this tree (installer/build-packages.sh, lintian included; or takes the
#     .deb files in $LATCHKEY_TEST_DEBS), repacks latchkeyd as <version>+upgradetest1, and builds
#     (once, cached by commit) latchkeyd of an older commit whose database schema is older
#     (installer/test/old-package.sh says which and why);
#  2. copies a pristine `debootstrap --variant=minbase bookworm` root from the cache (made once),
#     mounts /proc, /dev, /dev/shm and /sys in it;
#  3. installs the OLD latchkeyd with apt, checks the user, the data folder, the conffile, the
#     enabled unit; starts it as the latchkey user with the ExecStart line of the installed unit on
#     a free loopback port, reads the bootstrap root key from its 0600 file, creates an API and a
#     key with 10 credits and spends 3 of them;
#  4. upgrades to this tree's package: the log shows the schema migration, the key verifies with the
#     credits it had left, getKey, listKeys and the analytics (raw events and rollups by key) still
#     hold the data;
#     systemd-analyze verify and security on the new unit;
#  5. edits the conffile, upgrades to +upgradetest1 (local change kept), verifies again;
#  6. removes (data and user kept), then purges (data, user, group and /etc/latchkey gone);
#  7. installs latchkey-dashboard with its Debian dependencies, runs --version, --help and
#     --self-test (xvfb-run) in the root, validates its desktop entry, metainfo and icons, purges
#     it and finds none of its files left (installer/test/dashboard.sh);
#  8. in a second root with systemd and dbus booted by systemd-nspawn: the unit started by systemd,
#     its sandbox in effect, the journal, restart after a crash, a clean stop, the analytics writer
#     back from SCHED_IDLE to normal priority under load (LimitNICE=+0; installer/test/systemd.sh,
#     writerpriority.py). LATCHKEY_TEST_SYSTEMD=0 skips this part.
#
# Cache: $LATCHKEY_PACKAGE_CACHE (default /var/cache/latchkey-packages) keeps the pristine root, the
# .deb files apt downloads and the old latchkeyd package, so a warm run needs the network only for
# `apt-get update`.
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD_DIR=${1:-${LATCHKEY_PACKAGE_BUILD_DIR:-build-package}}
CACHE=${LATCHKEY_PACKAGE_CACHE:-/var/cache/latchkey-packages}
MIRROR=${LATCHKEY_DEBIAN_MIRROR:-http://deb.debian.org/debian}
STEP_TIMEOUT=${LATCHKEY_STEP_TIMEOUT:-600}
START=$SECONDS

# shellcheck source=installer/test/lib.sh
. installer/test/lib.sh
# shellcheck source=installer/test/old-package.sh
. installer/test/old-package.sh
# shellcheck source=installer/test/dashboard.sh
. installer/test/dashboard.sh
# shellcheck source=installer/test/systemd.sh
. installer/test/systemd.sh

[ "$(id -u)" -eq 0 ] || fail "run as root (debootstrap, chroot, mount and systemd-nspawn need it)"

WORK=$(mktemp -d /tmp/latchkey-package-test.XXXXXX)
cleanup() {
    kill_server
    shutdown_container
    unmount_all
    rm -rf --one-file-system "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- 1. the packages --------------------------------------------------------------------------
build_packages() {
    if [ -n "${LATCHKEY_TEST_DEBS:-}" ]; then
        log "using the packages in $LATCHKEY_TEST_DEBS (LATCHKEY_TEST_DEBS; not built here)"
        mkdir -p "$WORK/v1"
        cp "$LATCHKEY_TEST_DEBS"/*.deb "$WORK/v1/"
    else
        installer/build-packages.sh "$BUILD_DIR" "$WORK/v1"
    fi
    local version
    version=$(dpkg-deb --field "$WORK"/v1/latchkeyd_*.deb Version)
    UPGRADE_VERSION=${version%-*}+upgradetest1
    log "the same latchkeyd repacked as version $UPGRADE_VERSION-1, for the upgrade"
    repack_version "$(compgen -G "$WORK/v1/latchkeyd_*.deb")" "$UPGRADE_VERSION-1" "$WORK/v2"
    dpkg --compare-versions "$(dpkg-deb --field "$WORK"/v2/latchkeyd_*.deb Version)" gt "$version" ||
        fail "the repacked package is not newer than $version"
    OLD_DEB=$(old_package)
    OLD_VERSION=$(dpkg-deb --field "$OLD_DEB" Version)
    dpkg --compare-versions "$version" gt "$OLD_VERSION" || fail "$version is not newer than the old $OLD_VERSION"
    HEAD_VERSION=$version
    HEAD_SCHEMA=$(head_schema_version)
    [ "$HEAD_SCHEMA" -gt "$OLD_SCHEMA" ] || fail "this tree's schema v$HEAD_SCHEMA is not newer than v$OLD_SCHEMA"
}
# repack_version DEB VERSION OUT_DIR: the same package with another Version field.
repack_version() {
    local tree=$WORK/repack
    rm -rf "$tree"
    dpkg-deb --raw-extract "$1" "$tree"
    sed -i "s/^Version: .*/Version: $2/" "$tree/DEBIAN/control"
    mkdir -p "$3"
    dpkg-deb --root-owner-group -Zxz --build "$tree" "$3" >/dev/null
    rm -rf "$tree"
}

# --- small predicates for check ---------------------------------------------------------------
system_user_ok() { chroot "$ROOT" getent passwd latchkey | grep -q ':/var/lib/latchkey:/usr/sbin/nologin$'; }
is_conffile() { chroot "$ROOT" dpkg-query -W -f='${Conffiles}' latchkeyd | grep -q ' /etc/latchkey/latchkeyd.conf '; }
not_in_log() { ! grep -qF -- "$1" "$WORK/server.log"; }
no_dpkg_leftovers() { ! ls "$ROOT"/etc/latchkey/*.dpkg-* >/dev/null 2>&1; }
last_log_line_is_json() { tail -n1 "$WORK/server.log" | grep -q '^{'; }
no_user() { ! chroot "$ROOT" getent passwd latchkey >/dev/null; }
no_group() { ! chroot "$ROOT" getent group latchkey >/dev/null; }
installed_version() { chroot "$ROOT" dpkg-query -W -f='${Version}' latchkeyd; }
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
not_installed() { ! chroot "$ROOT" dpkg-query -W -f='${Status}' "${1:-latchkeyd}" 2>/dev/null | grep -q installed; }
migration_logged() { grep -qE "migrated .*latchkey\.db.* from schema $OLD_SCHEMA to $HEAD_SCHEMA" "$WORK/server.log"; }

# --- the test -------------------------------------------------------------------------------
log "building the packages from $BUILD_DIR"
build_packages
new_root "$WORK/root"

log "install the old latchkeyd $OLD_VERSION (${OLD_COMMIT:0:7}, schema v$OLD_SCHEMA)"
apt_install "$OLD_DEB"
check "system user latchkey with home /var/lib/latchkey and no login shell" system_user_ok
check "data folder /var/lib/latchkey is latchkey:latchkey 0750" \
    test "$(chroot "$ROOT" stat -c '%U:%G %a' /var/lib/latchkey)" = "latchkey:latchkey 750"
check "/etc/latchkey/latchkeyd.conf is a conffile" is_conffile
check "the unit is enabled (deb-systemd-helper)" \
    test -L "$ROOT/etc/systemd/system/multi-user.target.wants/latchkeyd.service"

log "start the old latchkeyd as the latchkey user (the unit's ExecStart)"
start_server
check "bootstrap root key file is latchkey:latchkey 0600" test "$(chroot "$ROOT" stat -c '%U:%G %a' /var/lib/latchkey/bootstrap-root-key)" = "latchkey:latchkey 600"
ROOT_KEY=$(head -n1 "$ROOT/var/lib/latchkey/bootstrap-root-key")
check "the log names the key file's path" grep -q "written to /var/lib/latchkey/bootstrap-root-key" "$WORK/server.log"
check "the log never contains the root key" not_in_log "$ROOT_KEY"
API_ID=$(create_api package-test)
read -r KEY_ID KEY <<<"$(create_credit_key "$API_ID" 10)"
check "a new key with 10 credits verifies (9 left)" test "$(verify "$KEY")" = "True 9"
verify "$KEY" >/dev/null
check "three verifications leave 7 credits" test "$(verify "$KEY")" = "True 7"
stop_server

log "upgrade to this tree's latchkeyd $HEAD_VERSION (schema v$HEAD_SCHEMA)"
apt_install "$WORK"/v1/latchkeyd_*.deb
check "version is $HEAD_VERSION" test "$(installed_version)" = "$HEAD_VERSION"
check "systemd-analyze verify accepts the installed unit without a warning" unit_verifies
check "systemd-analyze security rates its exposure 2.0 or better" unit_exposure_ok
: >"$WORK/server.log"
start_server
check "the log shows the migration from schema v$OLD_SCHEMA to v$HEAD_SCHEMA" migration_logged
sed -n 's/^/    log: /; /migrated/p' "$WORK/server.log"
check "getKey: the key still has 7 credits" test "$(remaining_credits "$KEY_ID")" = 7
check "apis.listKeys still lists it" lists_key "$API_ID" "$KEY_ID"
check "its 3 verifications are still in the analytics" test "$(analytics_count "$KEY_ID")" = 3
check "and in the rollups by key (analytics.getTopKeys)" test "$(top_key_verifications "$API_ID" "$KEY_ID")" = 3
check "it verifies with the credits it had left (6 left)" test "$(verify "$KEY")" = "True 6"
stop_server

log "upgrade to $UPGRADE_VERSION with a locally changed conffile"
printf '\n; local change kept across upgrades\nlog-format = json\n' >>"$ROOT/etc/latchkey/latchkeyd.conf"
apt_install "$WORK"/v2/latchkeyd_*.deb
check "version is $UPGRADE_VERSION" test "$(installed_version)" = "$UPGRADE_VERSION-1"
check "the local conffile change is kept" grep -q '^; local change kept across upgrades' "$ROOT/etc/latchkey/latchkeyd.conf"
check "no .dpkg-dist/.dpkg-new next to the conffile" no_dpkg_leftovers
start_server
check "the server runs with the changed config (JSON log lines)" last_log_line_is_json
check "the key verifies (5 left)" test "$(verify "$KEY")" = "True 5"
stop_server

log "remove (not purge)"
apt_remove remove latchkeyd
check "data kept after remove" test -s "$ROOT/var/lib/latchkey/latchkey.db"
check "user kept after remove" system_user_ok
check "conffile kept after remove" test -f "$ROOT/etc/latchkey/latchkeyd.conf"

log "purge"
apt_remove purge latchkeyd
check "data folder gone" test ! -e "$ROOT/var/lib/latchkey"
check "user gone" no_user
check "group gone" no_group
check "/etc/latchkey gone" test ! -e "$ROOT/etc/latchkey"
check "dpkg forgot the package" not_installed latchkeyd

DASHBOARD_DEB=$(compgen -G "$WORK/v1/latchkey-dashboard_*.deb" || true)
if [ -n "$DASHBOARD_DEB" ]; then
    test_dashboard "$DASHBOARD_DEB"
else
    log "no latchkey-dashboard package (built without the dashboard): its part is skipped"
fi
unmount_all

if [ "${LATCHKEY_TEST_SYSTEMD:-1}" != 0 ]; then
    new_root "$WORK/sysroot"
    test_systemd "$WORK"/v1/latchkeyd_*.deb
else
    log "LATCHKEY_TEST_SYSTEMD=0: the part under systemd is skipped"
fi

log "PASS: the Debian packages in fresh Debian 12 roots ($((SECONDS - START)) s)"
