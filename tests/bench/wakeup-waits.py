#!/usr/bin/env python3
"""How long the HTTP worker waited to run after each wake-up, and who ran on its core meanwhile;
and, when the trace has the worker's epoll_wait system calls, how long its loop rounds were.

    wakeup-waits.py WORKER_TID TRACE_FILE [TID=NAME ...]

TRACE_FILE is ftrace text with sched_switch and sched_wakeup events (both cores; the worker runs
on core 0, as tests/bench/cpu-split.sh pins it; BENCH_TRACE there records it). The TID=NAME
threads are "ours" (the analytics writer, the credit-commit thread): the time they ran while the
worker waited is counted apart from other processes' time, so the figure holds on a busy machine.
"""
import re
import sys

worker = int(sys.argv[1])
ours = {int(arg.split('=')[0]): arg.split('=')[1] for arg in sys.argv[3:]}
switch = re.compile(r'\[000\].*?\s([\d.]+): sched_switch: .*prev_pid=(\d+) .*next_pid=(\d+) ')
wakeup = re.compile(r'\s([\d.]+): sched_wakeup: .*pid=(\d+) .*target_cpu=000')
current, since, pending = None, None, None  # pending: (wake-up time µs, {who: µs ran meanwhile})
delays, by_ours, by_others = [], [], []
epoll = re.compile(r'-(\d+)\s+\[\d+\].*?\s([\d.]+): sys_epoll_wait(\(| -> 0x([0-9a-f]+))')
round_start, ready_counts, round_lengths = None, [], []
# The worker's write(2) calls: the access log's 32 KiB batches it writes itself (to a file).
write = re.compile(r'-(\d+)\s+\[\d+\].*?\s([\d.]+): sys_write(\(| -> )')
write_start, write_lengths = None, []


def account(now):
    if pending is not None and current is not None and since is not None:
        who = ours.get(current, 'other' if current != 0 else 'idle')
        pending[1][who] = pending[1].get(who, 0) + now - max(since, pending[0])


for line in open(sys.argv[2]):
    m = write.search(line)
    if m:
        if int(m.group(1)) == worker:
            now = float(m.group(2)) * 1e6
            if m.group(3) == '(':
                write_start = now
            elif write_start is not None:
                write_lengths.append(now - write_start)
                write_start = None
        continue
    m = epoll.search(line)
    if m:
        if int(m.group(1)) == worker:
            now = float(m.group(2)) * 1e6
            if m.group(3) == '(' and round_start is not None:
                round_lengths.append(now - round_start)
                round_start = None
            elif m.group(4) is not None and int(m.group(4), 16) > 0:
                ready_counts.append(int(m.group(4), 16))
                round_start = now
        continue
    m = switch.search(line)
    if m:
        now, nxt = float(m.group(1)) * 1e6, int(m.group(3))
        account(now)
        if nxt == worker and pending is not None:
            delays.append(now - pending[0])
            by_ours.append(sum(v for k, v in pending[1].items() if k in ours.values()))
            by_others.append(pending[1].get('other', 0))
            pending = None
        current, since = nxt, now
        continue
    m = wakeup.search(line)
    if m and int(m.group(2)) == worker and pending is None and current != worker:
        pending = (float(m.group(1)) * 1e6, {})


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p))] if values else 0


print(f"wake-ups {len(delays)}; wait to run p50/p99/max {pct(delays, .5):.0f}/{pct(delays, .99):.0f}/"
      f"{max(delays or [0]):.0f} µs; of it our other threads ({', '.join(sorted(set(ours.values()))) or 'none'}) "
      f"p99/max {pct(by_ours, .99):.0f}/{max(by_ours or [0]):.0f} µs, waits > 0.5 ms caused by them "
      f"{sum(1 for x in by_ours if x > 500)}, > 1 ms {sum(1 for x in by_ours if x > 1000)}; "
      f"other processes p99/max {pct(by_others, .99):.0f}/{max(by_others or [0]):.0f} µs")
if round_lengths:
    print(f"worker loop rounds {len(round_lengths)}; ready descriptors per round p50/p99/max "
          f"{pct(ready_counts, .5)}/{pct(ready_counts, .99)}/{max(ready_counts)}; round length p50/p99/max "
          f"{pct(round_lengths, .5):.0f}/{pct(round_lengths, .99):.0f}/{max(round_lengths):.0f} µs, "
          f"rounds > 0.5 ms {sum(1 for x in round_lengths if x > 500)}, > 1 ms {sum(1 for x in round_lengths if x > 1000)}")
if write_lengths:
    print(f"worker write(2) calls {len(write_lengths)}; length p50/p99/max {pct(write_lengths, .5):.0f}/"
          f"{pct(write_lengths, .99):.0f}/{max(write_lengths):.0f} µs, > 0.5 ms {sum(1 for x in write_lengths if x > 500)}")
