-- wrk script for the plain GET references (nginx, Qt HTTP Server): sends wrk's default request and
-- prints one machine-readable summary line that tests/bench/run.sh parses.

-- BENCH_DELAY_MS: pace every connection with wrk's delay() hook: after each response it waits a
-- random 0..2*BENCH_DELAY_MS whole milliseconds (mean BENCH_DELAY_MS) before the next request. A
-- constant delay would keep connections answered in the same millisecond in lockstep (bursts);
-- the random one spreads arrivals. With a fixed connection count this gives an approximately
-- constant rate (closed loop, so unlike wrk2 it does not correct coordinated omission).
local pace_ms = tonumber(os.getenv("BENCH_DELAY_MS") or "")
if pace_ms then
   function delay() return math.random(0, 2 * pace_ms) end
end

function done(summary, latency, requests)
   local e = summary.errors
   io.write(string.format(
      "BENCH requests=%d duration_us=%d rps=%.1f p50_us=%d p99_us=%d non2xx=%d connect=%d read=%d write=%d timeout=%d\n",
      summary.requests, summary.duration, summary.requests / (summary.duration / 1e6),
      latency:percentile(50), latency:percentile(99),
      e.status, e.connect, e.read, e.write, e.timeout))
end
