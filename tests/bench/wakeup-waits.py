#!/usr/bin/env python3
"""How long the HTTP worker waited to run after each wake-up, and who ran on its core meanwhile.

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


def account(now):
    if pending is not None and current is not None and since is not None:
        who = ours.get(current, 'other' if current != 0 else 'idle')
        pending[1][who] = pending[1].get(who, 0) + now - max(since, pending[0])


for line in open(sys.argv[2]):
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
