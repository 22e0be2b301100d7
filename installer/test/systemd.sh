# latchkeyd under a real systemd (sourced by test-packages.sh): a second root with systemd and dbus,
# booted with systemd-nspawn, in which the enabled unit starts at boot. Checks that the sandbox is in
# effect on the running process, the journal, restart after a crash and a clean stop.
# shellcheck shell=bash
# shellcheck disable=SC2154 # ROOT, WORK, STEP_TIMEOUT come from test-packages.sh and lib.sh

NSPAWN_PID=
LEADER=
# in_machine COMMAND...: run COMMAND inside the booted container (all of its namespaces).
in_machine() { timeout "$STEP_TIMEOUT" nsenter --target "$LEADER" --all -- env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin \
    LC_ALL=C.UTF-8 SYSTEMD_PAGER= "$@" </dev/null; }
unit_property() { in_machine systemctl show --property "$1" --value latchkeyd.service; }

# nspawn's child is the container's PID 1.
container_up() { LEADER=$(pgrep -P "$NSPAWN_PID" | head -n1) && [ -n "$LEADER" ] && [ -e "/proc/$LEADER/ns/pid" ]; }
booted() { [[ $(in_machine systemctl is-system-running 2>/dev/null) =~ ^(running|degraded)$ ]]; }
boot_container() {
    # --private-network: the container's own loopback, so its 127.0.0.1:7070 clashes with nothing.
    # --register=no --keep-unit: the host may have no systemd and no system bus (this development
    # machine is a container), and nspawn would otherwise ask them for a machine and a scope unit.
    systemd-nspawn --boot --directory="$ROOT" --machine="latchkey-test-$$" --register=no --keep-unit \
        --private-network --console=passive >"$WORK/nspawn.log" 2>&1 &
    NSPAWN_PID=$!
    if ! wait_for 60 container_up; then
        cat "$WORK/nspawn.log"
        fail "systemd-nspawn --boot did not start a container"
    fi
    CURL=(nsenter --target "$LEADER" --net -- curl)
    if ! wait_for 120 booted; then
        cat "$WORK/nspawn.log"
        in_machine systemctl --failed --no-legend || true
        fail "systemd in the container did not finish booting within 120 s"
    fi
}
nspawn_gone() { ! kill -0 "$NSPAWN_PID" 2>/dev/null; }
shutdown_container() {
    [ -n "$NSPAWN_PID" ] || return 0
    # SIGTERM makes nspawn ask the container's systemd to power off (SIGRTMIN+3).
    kill -TERM "$NSPAWN_PID" 2>/dev/null || true
    wait_for 30 nspawn_gone || true
    kill -KILL "$NSPAWN_PID" 2>/dev/null || true
    wait "$NSPAWN_PID" 2>/dev/null || true
    NSPAWN_PID=
}

service_answers() { [ "$(unit_property ActiveState)" = active ] && "${CURL[@]}" -s -o /dev/null "$URL/v2/liveness"; }
# The service's main process, as the host sees it (same PID namespace as the container's PID 1).
service_host_pid() {
    local pid ns
    ns=$(readlink "/proc/$LEADER/ns/pid")
    for pid in $(pgrep -x latchkeyd); do
        [ "$(readlink "/proc/$pid/ns/pid")" = "$ns" ] && { echo "$pid"; return 0; }
    done
    return 1
}
status_field() { awk -v f="$2:" '$1 == f { print $2 }' "/proc/$1/status"; }
runs_as_latchkey() {
    local uid
    uid=$(in_machine id -u latchkey)
    [ "$(status_field "$HOST_PID" Uid)" = "$uid" ] && [ "$(status_field "$HOST_PID" Gid)" = "$(in_machine id -g latchkey)" ]
}
sandbox_in_effect() { # no new privileges, a seccomp filter, no capabilities
    [ "$(status_field "$HOST_PID" NoNewPrivs)" = 1 ] && [ "$(status_field "$HOST_PID" Seccomp)" = 2 ] &&
        [ "$(status_field "$HOST_PID" CapBnd)" = 0000000000000000 ] && [ "$(status_field "$HOST_PID" CapEff)" = 0000000000000000 ]
}
# in_service_mounts COMMAND...: COMMAND as root in the service's own mount namespace.
in_service_mounts() { nsenter --target "$HOST_PID" --mount -- "$@" 2>&1; }
write_fails() {
    local out
    out=$(in_service_mounts sh -c "echo probe > '$1'") && return 1
    [[ $out == *'Read-only file system'* ]] || { echo "$out"; return 1; }
}
write_works() { in_service_mounts sh -c "echo probe > '$1' && rm '$1'" >/dev/null; }
home_hidden() { [ -z "$(in_service_mounts ls -A /root)" ] && [ -z "$(in_service_mounts ls -A /home)" ]; }
tmp_private() { in_machine touch /tmp/container-probe && ! in_service_mounts test -e /tmp/container-probe; }
protect_system_ok() { write_fails /etc/latchkey/probe && write_fails /usr/bin/probe && write_fails /var/log/probe; }
# The unit's journal, in a file (a pipe into grep -q could end journalctl with SIGPIPE).
journal() { in_machine journalctl --unit latchkeyd.service --no-pager --output cat >"$WORK/journal.txt" && cat "$WORK/journal.txt"; }
journal_names_key_path() { journal >/dev/null && grep -q 'written to /var/lib/latchkey/bootstrap-root-key' "$WORK/journal.txt"; }
journal_hides_key() { journal >/dev/null && ! grep -qF -- "$ROOT_KEY" "$WORK/journal.txt"; }
restarted() { [ "$(unit_property NRestarts)" = 1 ] && service_answers; }
# The analytics writer's priority (LimitNICE=+0 in the unit): it runs at SCHED_IDLE only where it
# can come back (RLIMIT_NICE 20 or CAP_SYS_NICE), and says at start which way it runs.
ADAPTIVE_LINE='analytics writer: SCHED_IDLE while'
NORMAL_LINE='analytics writer: normal priority'
nice_limit() { awk '/^Max nice priority/ { print $4 }' "/proc/$1/limits"; }
nice_limit_granted() { [ "$1" = unlimited ] || [ "$1" -ge 20 ]; }
last_writer_line_says() { journal >/dev/null && grep -F 'analytics writer: ' "$WORK/journal.txt" | tail -n1 | grep -qF "$1"; }
never_normal_priority() { journal >/dev/null && ! grep -qF "$NORMAL_LINE" "$WORK/journal.txt"; }
# writerpriority.py: the idle writer at SCHED_IDLE, back at SCHED_OTHER nice 0 under verifications.
writer_returns() { timeout "$STEP_TIMEOUT" nsenter --target "$LEADER" --net -- \
    python3 installer/test/writerpriority.py "$HOST_PID" "$URL" "$ROOT_KEY" 90; }
journal_complete() { journal >/dev/null && ! grep -E 'Suppressed [0-9]+ messages' "$WORK/journal.txt"; }
no_priority_errors() {
    journal >/dev/null
    ! grep -v 'latchkey.access' "$WORK/journal.txt" |
        grep -iE 'could not return to normal priority|operation not permitted|permission denied|refused'
}
stopped_cleanly() { [ "$(unit_property ActiveState)" = inactive ] && [ "$(unit_property Result)" = success ] &&
    [ "$(unit_property ExecMainStatus)" = 0 ]; }

test_systemd() { # test_systemd DEB: in the root $ROOT (fresh), with systemd
    log "systemd, dbus and latchkeyd in a second root, booted with systemd-nspawn"
    apt_install systemd dbus "$1"
    unmount_all # nspawn mounts /proc, /dev and /sys itself
    rm -f "$ROOT/usr/sbin/policy-rc.d"
    boot_container
    URL=http://127.0.0.1:7070
    check "the enabled unit started at boot and answers on 127.0.0.1:7070" wait_for 60 service_answers
    HOST_PID=$(service_host_pid) || fail "no latchkeyd process in the container"
    check "the process runs as user and group latchkey" runs_as_latchkey
    check "in effect: NoNewPrivs, a seccomp filter, no capabilities (/proc/PID/status)" sandbox_in_effect
    # LimitNOFILE=65536 is capped by the hard limit systemd itself got (20000 in a container here).
    printf '    %s\n' "$(grep 'Max open files' "/proc/$HOST_PID/limits" | tr -s ' ')"
    printf '    %s\n' "$(in_machine systemctl show latchkeyd.service --property User --property ProtectSystem \
        --property ReadWritePaths --property MemoryDenyWriteExecute --property RestrictAddressFamilies | tr '\n' ' ')"
    check "the service cannot write /etc/latchkey, /usr/bin or /var/log (ProtectSystem=strict)" protect_system_ok
    check "the service can write its ReadWritePaths /var/lib/latchkey" write_works /var/lib/latchkey/probe
    check "the service sees an empty /root and /home (ProtectHome)" home_hidden
    check "the service has its own /tmp (PrivateTmp)" tmp_private
    ROOT_KEY=$(head -n1 "$ROOT/var/lib/latchkey/bootstrap-root-key")
    check "the journal names the bootstrap key file's path" journal_names_key_path
    check "the journal never contains the root key" journal_hides_key

    local api key1 key2
    api=$(create_api systemd-test)
    read -r KEY_ID key1 <<<"$(create_credit_key "$api" 10)"
    check "a key verifies under systemd (9 credits left)" test "$(verify "$key1")" = "True 9"
    log "crash: SIGKILL to the main process"
    kill -KILL "$HOST_PID"
    check "systemd restarts it (Restart=on-failure, NRestarts=1)" wait_for 60 restarted
    check "after the crash the key has the credits it had (8 left after one more)" test "$(verify "$key1")" = "True 8"
    HOST_PID=$(service_host_pid) || fail "no latchkeyd process after the restart"
    read -r KEY_ID key2 <<<"$(create_credit_key "$api" 100)"
    for _ in 1 2 3 4 5; do verify "$key2" >/dev/null; done
    log "systemctl stop right after 5 verifications"
    in_machine systemctl stop latchkeyd.service
    check "it stopped with exit status 0 (SIGTERM handled)" stopped_cleanly
    in_machine systemctl start latchkeyd.service
    check "it starts again" wait_for 60 service_answers
    check "the stop flushed the analytics: 5 verifications of the second key recorded" \
        test "$(analytics_count "$KEY_ID")" = 5
    check "and its credits: 95 left" test "$(remaining_credits "$KEY_ID")" = 95
    test_writer_priority
    journal >/dev/null # the crash, the restarts, the stops and the starts, without access lines
    grep -v 'latchkey.access' "$WORK/journal.txt" | tail -n 12 | sed 's/^/    journal: /'
    shutdown_container
    CURL=(curl)
}

# The writer comes back from SCHED_IDLE under the unit's sandbox. Where systemd cannot grant
# LimitNICE=+0 (it needs CAP_SYS_RESOURCE to raise its own hard RLIMIT_NICE of 0, which a container
# like this development machine lacks), the writer must say it stays at normal priority, and the
# way back is checked with CAP_SYS_NICE instead (in the drop-in; the rest of the sandbox as is).
# The drop-in also turns journald's rate limit off for the unit: it drops lines beyond 10000 in
# 30 s, and a warning among the load's access lines would be lost.
test_writer_priority() {
    local limit settings=("[Service]" "LogRateLimitIntervalSec=0")
    HOST_PID=$(service_host_pid) || fail "no latchkeyd process" # the start above made a new one
    limit=$(nice_limit "$HOST_PID")
    printf '    RLIMIT_NICE of the service: %s (of systemd in the container: %s)\n' "$limit" "$(nice_limit "$LEADER")"
    if nice_limit_granted "$limit"; then
        check "LimitNICE=+0 in effect: the writer said it runs at SCHED_IDLE while it keeps up" \
            wait_for 30 last_writer_line_says "$ADAPTIVE_LINE"
        check "and no start said normal priority" never_normal_priority
    else
        check "without RLIMIT_NICE 20 the writer said it stays at normal priority" \
            wait_for 30 last_writer_line_says "$NORMAL_LINE"
        log "systemd here could not grant LimitNICE=+0: the writer's way back with CAP_SYS_NICE instead (drop-in)"
        settings+=("CapabilityBoundingSet=CAP_SYS_NICE" "AmbientCapabilities=CAP_SYS_NICE")
    fi
    in_machine sh -c 'mkdir -p /run/systemd/system/latchkeyd.service.d &&
        printf "%s\n" "$@" >/run/systemd/system/latchkeyd.service.d/test.conf' sh "${settings[@]}"
    in_machine systemctl daemon-reload
    in_machine systemctl restart latchkeyd.service
    check "it restarts with the drop-in (${settings[*]:1})" wait_for 60 service_answers
    HOST_PID=$(service_host_pid) || fail "no latchkeyd process after the restart"
    check "the writer said it runs at SCHED_IDLE while it keeps up" wait_for 30 last_writer_line_says "$ADAPTIVE_LINE"
    check "the writer thread is at SCHED_IDLE while idle and back at SCHED_OTHER nice 0 under load" writer_returns
    in_machine systemctl stop latchkeyd.service
    check "it stops with exit status 0 (the stop raises the writer for its last batches)" stopped_cleanly
    check "the journal has no priority or permission error (could not return, EPERM, EACCES)" no_priority_errors
    check "and journald suppressed none of its lines" journal_complete
}
