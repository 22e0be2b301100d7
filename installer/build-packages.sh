#!/usr/bin/env bash
# Builds the Debian packages (CPack DEB) and checks them with lintian.
#
#   installer/build-packages.sh [BUILD_DIR [OUT_DIR [CPACK_ARGS...]]]
#
# BUILD_DIR (default: $LATCHKEY_PACKAGE_BUILD_DIR or build-package) is configured Release without the
# tests, so only what is packaged is built; the .deb files land in OUT_DIR (default BUILD_DIR/packages).
# CPACK_ARGS go to cpack, e.g. `-D CPACK_PACKAGE_VERSION=0.1.1` (test-packages.sh builds its upgrade
# that way). LATCHKEY_SKIP_LINTIAN=1 skips lintian; LATCHKEY_PACKAGE_DASHBOARD=0 builds only latchkeyd
# (no Qt Quick/WebEngine build). ./dev package runs this.
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD_DIR=${1:-${LATCHKEY_PACKAGE_BUILD_DIR:-build-package}}
OUT_DIR=${2:-$BUILD_DIR/packages}
shift $(($# < 2 ? $# : 2))

log() { printf '\033[1m==> %s\033[0m\n' "$*"; }

log "configuring $BUILD_DIR (Release, no tests)"
dashboard=ON
[ "${LATCHKEY_PACKAGE_DASHBOARD:-1}" = 0 ] && dashboard=OFF
# Debian's hardening flags, as a package built with debhelper gets them (fortified functions, stack
# protector, full RELRO with bind-now); -g and -O2 dropped: the binaries are stripped, Release is -O3.
export DEB_BUILD_MAINT_OPTIONS=hardening=+all
cxxflags="$(dpkg-buildflags --get CPPFLAGS) $(dpkg-buildflags --get CXXFLAGS | tr ' ' '\n' | grep -vxE -e '-g|-O2' | tr '\n' ' ')"
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release -DLATCHKEY_WERROR=ON -DBUILD_TESTING=OFF \
    -DLATCHKEY_BUILD_DASHBOARD="$dashboard" -DCMAKE_CXX_FLAGS="$cxxflags" \
    -DCMAKE_EXE_LINKER_FLAGS="$(dpkg-buildflags --get LDFLAGS)" >/dev/null
log "building"
cmake --build "$BUILD_DIR" -j "${LATCHKEY_JOBS:-2}"
rm -rf "$OUT_DIR"
mkdir -p "$OUT_DIR"
OUT_DIR=$(cd "$OUT_DIR" && pwd)
log "packaging into $OUT_DIR"
(cd "$BUILD_DIR" && cpack -G DEB -B "$OUT_DIR" "$@" >/dev/null)
rm -rf "$OUT_DIR/_CPack_Packages"
for deb in "$OUT_DIR"/*.deb; do
    dpkg-deb --field "$deb" Package Version Depends | sed 's/^/    /'
done
if [ "${LATCHKEY_SKIP_LINTIAN:-0}" != 1 ] && compgen -G "$OUT_DIR/latchkey-dashboard_*.deb" >/dev/null; then
    log "desktop entry and AppStream metainfo"
    desktop-file-validate installer/dashboard/latchkey-dashboard.desktop
    appstreamcli validate --no-net --explain installer/dashboard/io.latchkey.dashboard.metainfo.xml
fi
if [ "${LATCHKEY_SKIP_LINTIAN:-0}" != 1 ]; then
    # Every tag that remains is overridden with its reason in installer/deb/*/lintian-overrides.
    log "lintian"
    lintian --fail-on error,warning --display-info "$OUT_DIR"/*.deb
fi
ls "$OUT_DIR"/*.deb
