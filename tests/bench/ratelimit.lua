-- wrk script: POST /v2/ratelimit.limit with {"namespace","identifier","limit","duration"} and the
-- root key in Authorization. Used by tests/bench/run.sh.
--
-- Environment:
--   BENCH_ROOT_KEY     root key sent as "Authorization: Bearer <key>"                  (required)
--   BENCH_IDENTIFIERS  how many identifiers the requests cycle through (default 1000)
--   BENCH_LIMIT        limit per identifier and window (default 10^9: never reached, every
--                      request is a success and the counters are the only work)
--   BENCH_CHECK        1: parse every response and count status 200 and "success":true
--
-- done() prints "BENCH ..." (throughput/latency) and, with BENCH_CHECK=1, a "CHECK ..." line.

local path = "/v2/ratelimit.limit"
local requests = {}
local n = 0
local threads = {}

seen_200 = 0
seen_non200 = 0
seen_success = 0
seen_other = 0

function setup(thread)
   table.insert(threads, thread)
end

function init(args)
   local root = os.getenv("BENCH_ROOT_KEY")
   assert(root and root ~= "", "BENCH_ROOT_KEY is not set")
   local identifiers = tonumber(os.getenv("BENCH_IDENTIFIERS") or "1000")
   local limit = os.getenv("BENCH_LIMIT") or "1000000000"
   local headers = {
      ["Content-Type"] = "application/json",
      ["Authorization"] = "Bearer " .. root,
   }
   for i = 1, identifiers do
      local body = '{"namespace":"bench","identifier":"user_' .. i .. '","limit":' .. limit
         .. ',"duration":60000}'
      table.insert(requests, wrk.format("POST", path, headers, body))
   end
   if os.getenv("BENCH_CHECK") ~= "1" then
      response = nil   -- wrk then skips parsing headers and bodies
   end
end

function request()
   n = n + 1
   return requests[(n % #requests) + 1]
end

function response(status, hdrs, body)
   if status == 200 then seen_200 = seen_200 + 1 else seen_non200 = seen_non200 + 1 end
   if body:find('"success":true', 1, true) then seen_success = seen_success + 1 else seen_other = seen_other + 1 end
end

function done(summary, latency, requests)
   local e = summary.errors
   io.write(string.format(
      "BENCH requests=%d duration_us=%d rps=%.1f p50_us=%d p99_us=%d non2xx=%d connect=%d read=%d write=%d timeout=%d\n",
      summary.requests, summary.duration, summary.requests / (summary.duration / 1e6),
      latency:percentile(50), latency:percentile(99),
      e.status, e.connect, e.read, e.write, e.timeout))
   local t = { seen_200 = 0, seen_non200 = 0, seen_success = 0, seen_other = 0 }
   for _, thread in ipairs(threads) do
      for k, _ in pairs(t) do t[k] = t[k] + (thread:get(k) or 0) end
   end
   if t.seen_200 + t.seen_non200 > 0 then
      io.write(string.format("CHECK responses=%d status200=%d non200=%d success=%d other=%d\n",
         t.seen_200 + t.seen_non200, t.seen_200, t.seen_non200, t.seen_success, t.seen_other))
   end
end
