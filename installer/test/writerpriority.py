#!/usr/bin/env python3
"""The analytics writer of a running latchkeyd leaves SCHED_IDLE again (installer/test/systemd.sh).

    writerpriority.py PID URL ROOT_KEY [SECONDS]

PID is latchkeyd's process id as this process sees it (the host), URL its API (this process runs in
the container's network namespace). The writer lowers itself to SCHED_IDLE while it keeps up; a
publisher, or whoever waits for the write lock it holds, raises it back to normal when it falls
behind. This waits until the writer thread ("analytics-write") is at SCHED_IDLE, then verifies a
key with credits from several connections (each verification's spend is a write that waits while
the writer commits) and samples the thread's policy and nice value every millisecond until it is
back at SCHED_OTHER with nice 0, at most SECONDS (default 90). Exit status 0 when it came back;
1 with the reason otherwise. Prints what it saw.
"""
import http.client
import json
import os
import sys
import threading
import time
import urllib.parse

SCHED_OTHER, SCHED_IDLE = 0, 5
WRITER_NAME = "analytics-write"  # "analytics-writer", cut to the kernel's 15 characters


def thread_state(path):
    """(policy, nice) of a task from /proc/<pid>/task/<tid>/stat (fields 41 and 19)."""
    with open(path) as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return int(fields[38]), int(fields[16])  # fields[0] is field 3 (state)


def writer_stat(pid):
    for tid in os.listdir(f"/proc/{pid}/task"):
        with open(f"/proc/{pid}/task/{tid}/comm") as comm:
            if comm.read().strip() == WRITER_NAME:
                return f"/proc/{pid}/task/{tid}/stat"
    sys.exit(f"latchkeyd {pid} has no thread named {WRITER_NAME}")


class Api:
    def __init__(self, url, root_key):
        parts = urllib.parse.urlsplit(url)
        self.connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
        self.headers = {"Authorization": "Bearer " + root_key, "Content-Type": "application/json"}

    def call(self, action, body):
        self.connection.request("POST", "/v2/" + action, json.dumps(body), self.headers)
        response = self.connection.getresponse()
        data = response.read()
        if response.status != 200:
            raise RuntimeError(f"{action}: HTTP {response.status} {data[:200]!r}")
        return json.loads(data)["data"]


def main():
    pid, url, root_key = sys.argv[1], sys.argv[2], sys.argv[3]
    seconds = float(sys.argv[4]) if len(sys.argv) > 4 else 90.0
    stat = writer_stat(pid)
    start = time.monotonic()
    while thread_state(stat) != (SCHED_IDLE, 0):
        if time.monotonic() - start > 30:
            sys.exit(f"the writer did not lower itself to SCHED_IDLE within 30 s: policy, nice = {thread_state(stat)}")
        time.sleep(0.05)
    print(f"    the idle writer is at SCHED_IDLE (seen after {time.monotonic() - start:.1f} s)")

    api = Api(url, root_key)
    api_id = api.call("apis.createApi", {"name": "writer-priority"})["apiId"]
    key = api.call("keys.createKey", {"apiId": api_id, "credits": {"remaining": 100_000_000}})["key"]
    done = threading.Event()
    verified = []
    errors = []

    def load():
        client, count = Api(url, root_key), 0
        try:
            while not done.is_set():
                if not client.call("keys.verifyKey", {"key": key})["valid"]:
                    raise RuntimeError("the key did not verify")
                count += 1
        except Exception as error:  # noqa: BLE001 - reported, and ends the test
            errors.append(error)
            done.set()
        verified.append(count)

    threads = [threading.Thread(target=load) for _ in range(8)]
    for thread in threads:
        thread.start()
    load_start = time.monotonic()
    samples, seen = 0, None
    while not done.is_set() and time.monotonic() - load_start < seconds:
        state = thread_state(stat)
        samples += 1
        if state == (SCHED_OTHER, 0):
            seen = time.monotonic() - load_start
            break
        time.sleep(0.001)
    done.set()
    for thread in threads:
        thread.join()
    if errors:
        sys.exit(f"the load failed: {errors[0]}")
    if seen is None:
        sys.exit(f"under {sum(verified)} verifications in {seconds:.0f} s the writer never came back to "
                 f"SCHED_OTHER nice 0 ({samples} samples; last policy, nice = {thread_state(stat)})")
    print(f"    back at SCHED_OTHER, nice 0 after {seen:.2f} s of load ({sum(verified)} verifications, "
          f"sample {samples})")


if __name__ == "__main__":
    main()
