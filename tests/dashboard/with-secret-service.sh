#!/usr/bin/env bash
# Runs a test on a private D-Bus session bus (dbus-run-session) in a throw-away HOME, so neither
# the user's keyring nor their settings are touched:
#   with-secret-service.sh keyring TEST [ARGS]   an unlocked gnome-keyring-daemon is the secret service
#   with-secret-service.sh locked TEST [ARGS]    the same, for a test that locks the keyring itself
#                                                (Secret.Service.Lock); nothing can unlock it again
#                                                here, as no prompter can be started on this bus
#   with-secret-service.sh none TEST [ARGS]      no secret service on the bus at all
# The test reads the mode from LATCHKEY_TEST_SECRET_SERVICE (keyring | locked | none), and the throw-away
# HOME from LATCHKEY_TEST_HOME. When gnome-keyring or dbus-run-session is not installed it gets
# LATCHKEY_TEST_SECRET_SERVICE=missing and skips, saying so. Everything started here is stopped here.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

if [ "${1:-}" = --on-bus ]; then
    shift
    mode=$1
    shift
    daemon=
    if [ "$mode" != none ]; then
        # --unlock reads the login keyring's password on stdin and creates that keyring unlocked
        # (the default collection libsecret stores into); --foreground keeps its pid ours to stop.
        printf '%s' latchkey-test-keyring-password \
            | gnome-keyring-daemon --foreground --unlock --components=secrets >"$HOME/gnome-keyring.log" 2>&1 &
        daemon=$!
        for _ in $(seq 1 300); do
            if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
                org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'; then
                break
            fi
            sleep 0.1
        done
    fi
    status=0
    "$@" || status=$?
    if [ -n "$daemon" ]; then
        kill "$daemon" 2>/dev/null || true
        wait "$daemon" 2>/dev/null || true
    fi
    exit "$status"
fi

mode=$1
shift
if ! command -v dbus-run-session >/dev/null || ! command -v dbus-send >/dev/null \
    || { [ "$mode" != none ] && ! command -v gnome-keyring-daemon >/dev/null; }; then
    LATCHKEY_TEST_SECRET_SERVICE=missing exec "$@"
fi
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export HOME=$home XDG_DATA_HOME=$home/.local/share XDG_CONFIG_HOME=$home/.config XDG_CACHE_HOME=$home/.cache
export XDG_RUNTIME_DIR=$home/runtime LATCHKEY_TEST_SECRET_SERVICE=$mode LATCHKEY_TEST_HOME=$home
mkdir -p "$XDG_RUNTIME_DIR" "$XDG_DATA_HOME" "$XDG_CONFIG_HOME"
chmod 700 "$XDG_RUNTIME_DIR"
unset DBUS_SESSION_BUS_ADDRESS
dbus-run-session --config-file="$here/session-bus.conf" -- "$0" --on-bus "$mode" "$@"
