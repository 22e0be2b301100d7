# The latchkey-dashboard package in the test root (sourced by test-packages.sh): install it with its
# Debian dependencies, run it, validate its installed desktop files, remove it without leftovers.
# shellcheck shell=bash
# shellcheck disable=SC2154 # ROOT, WORK come from test-packages.sh and lib.sh

# Runs the installed binary in the root as root, so main.cpp turns off Chromium's sandbox (it
# refuses to run as root otherwise); the root has no D-Bus session, so no keychain is reachable.
dashboard() { in_root QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=/tmp/runtime-root latchkey-dashboard "$@"; }

dashboard_version_ok() {
    local out
    out=$(dashboard --version 2>&1) && printf '%s\n' "$out" | grep -qx "latchkey-dashboard $DASHBOARD_VERSION" && return 0
    printf '%s\n' "$out"
    return 1
}
dashboard_help_ok() { [[ $(dashboard --help 2>&1) == *--self-test* ]]; }
icons_installed() {
    local size
    test -f "$ROOT/usr/share/icons/hicolor/scalable/apps/latchkey-dashboard.svg" || return 1
    for size in 16 24 32 48 64 128 256; do
        file "$ROOT/usr/share/icons/hicolor/${size}x${size}/apps/latchkey-dashboard.png" |
            grep -q "PNG image data, $size x $size" || { echo "no ${size}x${size} PNG"; return 1; }
    done
}
# Quiet when valid (a redirection after `check` would swallow its "ok:" line too).
metainfo_validates() {
    local out
    out=$(appstreamcli validate --no-net --pedantic "$ROOT/usr/share/metainfo/io.latchkey.dashboard.metainfo.xml" 2>&1) &&
        return 0
    printf '%s\n' "$out"
    return 1
}
# The menu entry starts the installed binary with the installed icon.
desktop_entry_resolves() {
    local entry=$ROOT/usr/share/applications/latchkey-dashboard.desktop
    grep -qx 'Exec=latchkey-dashboard' "$entry" && grep -qx 'Icon=latchkey-dashboard' "$entry" &&
        test -x "$ROOT/usr/bin/latchkey-dashboard"
}
# Every page against an embedded server under a virtual X display (xvfb-run in the root); fails on
# any QML warning. Its output is kept in $WORK/self-test.log.
self_test() {
    in_root sh -c 'install -d -m 0700 /tmp/runtime-root' || return 1
    in_root XDG_RUNTIME_DIR=/tmp/runtime-root xvfb-run -a -s '-screen 0 1280x800x24' \
        latchkey-dashboard --self-test >"$WORK/self-test.log" 2>&1 && return 0
    tail -n 40 "$WORK/self-test.log"
    return 1
}
# After the purge: nothing that dpkg -L listed is left, except folders other packages share.
dashboard_files_gone() {
    local path left=0
    while read -r path; do
        [ -e "$ROOT$path" ] || continue
        [ -d "$ROOT$path" ] && ! [[ $path == */latchkey-dashboard ]] && continue
        echo "left behind: $path"
        left=1
    done <"$WORK/dashboard-files"
    return $left
}

test_dashboard() { # test_dashboard DEB
    DASHBOARD_VERSION=$(dpkg-deb --field "$1" Version)
    DASHBOARD_VERSION=${DASHBOARD_VERSION%-*}
    log "install latchkey-dashboard with its Debian dependencies (Qt Quick, Qt WebEngine)"
    apt_install "$1"
    in_root dpkg -L latchkey-dashboard >"$WORK/dashboard-files"
    check "latchkey-dashboard --version says $DASHBOARD_VERSION (offscreen)" dashboard_version_ok
    check "latchkey-dashboard --help lists its options" dashboard_help_ok
    check "the installed desktop entry validates (desktop-file-validate)" \
        desktop-file-validate "$ROOT/usr/share/applications/latchkey-dashboard.desktop"
    check "the installed AppStream metainfo validates (appstreamcli validate --no-net)" metainfo_validates
    check "the icon is in hicolor: SVG and PNG 16-256 px" icons_installed
    check "the desktop entry's Exec and Icon are the installed binary and icon" desktop_entry_resolves
    log "latchkey-dashboard --self-test under xvfb-run in the root"
    apt_install xvfb xauth
    check "--self-test opens every page against its embedded server without a QML warning" self_test
    grep -E '^(self-test|SelfTest|PASS|FAIL)' "$WORK/self-test.log" | tail -n 3 | sed 's/^/    /' || true
    log "purge latchkey-dashboard"
    apt_remove purge latchkey-dashboard
    check "none of the $(wc -l <"$WORK/dashboard-files") paths of dpkg -L is left (shared folders aside)" dashboard_files_gone
    check "dpkg forgot latchkey-dashboard" not_installed latchkey-dashboard
}
