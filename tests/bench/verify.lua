-- wrk script: POST /v2/keys.verifyKey with the JSON body {"key":"..."}, Content-Type and the root
-- key in Authorization. Used by tests/bench/run.sh.
--
-- Environment:
--   BENCH_ROOT_KEY         root key sent as "Authorization: Bearer <key>"            (required)
--   BENCH_KEYS_FILE        file with one valid key per line; requests cycle through   (required)
--                          them in order
--   BENCH_UNKNOWN_PERCENT  share of requests (0..100) that send a key that does not exist; every
--                          unknown key is distinct (no cache can answer it). Default 0.
--   BENCH_CHECK            1: parse every response and count status 200, "valid":true and
--                          "code":"NOT_FOUND" (costs wrk CPU: used for the warm-up pass only).
--   BENCH_DELAY_MS         pace each connection (see below).
--
-- done() prints "BENCH ..." (throughput/latency) and, with BENCH_CHECK=1, "CHECK ..." lines.

-- BENCH_DELAY_MS: pace every connection with wrk's delay() hook: after each response it waits a
-- random 0..2*BENCH_DELAY_MS whole milliseconds (mean BENCH_DELAY_MS) before the next request. A
-- constant delay would keep connections answered in the same millisecond in lockstep (bursts);
-- the random one spreads arrivals. With a fixed connection count this gives an approximately
-- constant rate (closed loop, so unlike wrk2 it does not correct coordinated omission).
local pace_ms = tonumber(os.getenv("BENCH_DELAY_MS") or "")
if pace_ms then
   function delay() return math.random(0, 2 * pace_ms) end
end

local threads = {}
local next_id = 0

function setup(thread)
   next_id = next_id + 1
   thread:set("id", next_id)
   table.insert(threads, thread)
end

local path = "/v2/keys.verifyKey"
local headers
local valid_requests = {}
local unknown_slot = {}   -- 1000 slots, true where that request sends an unknown key
local n = 0
local check = false
local b58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"

-- per-thread counters, read by done() through thread:get()
sent_unknown = 0
seen_200 = 0
seen_non200 = 0
seen_valid = 0
seen_not_found = 0
seen_other = 0
other_sample = ""

local function body_for(key)
   return '{"key":"' .. key .. '"}'
end

local function base58(x, width)
   local s = {}
   for _ = 1, width do
      local d = x % 58
      x = (x - d) / 58
      table.insert(s, 1, b58:sub(d + 1, d + 1))
   end
   return table.concat(s)
end

function init(args)
   local root = os.getenv("BENCH_ROOT_KEY")
   local keys_file = os.getenv("BENCH_KEYS_FILE")
   assert(root and root ~= "", "BENCH_ROOT_KEY is not set")
   assert(keys_file and keys_file ~= "", "BENCH_KEYS_FILE is not set")
   local unknown_percent = tonumber(os.getenv("BENCH_UNKNOWN_PERCENT") or "0")
   check = os.getenv("BENCH_CHECK") == "1"

   headers = {
      ["Content-Type"] = "application/json",
      ["Authorization"] = "Bearer " .. root,
   }
   for line in io.lines(keys_file) do
      if line ~= "" then
         table.insert(valid_requests, wrk.format("POST", path, headers, body_for(line)))
      end
   end
   assert(#valid_requests > 0, "no keys in " .. keys_file)

   -- exactly unknown_percent * 10 unknown slots out of 1000, shuffled with a fixed seed
   local slots = {}
   local count = math.floor(unknown_percent * 10 + 0.5)
   for i = 1, 1000 do slots[i] = i <= count end
   math.randomseed(12345 + (id or 0))
   for i = 1000, 2, -1 do
      local j = math.random(i)
      slots[i], slots[j] = slots[j], slots[i]
   end
   unknown_slot = slots
   prefix = base58(os.time() * 16 + (id or 0), 7)   -- distinct unknown keys across runs/threads

   if not check then
      response = nil   -- wrk then skips parsing headers and bodies
   end
end

function request()
   n = n + 1
   if unknown_slot[(n % 1000) + 1] then
      sent_unknown = sent_unknown + 1
      return wrk.format("POST", path, headers, body_for("bench_" .. prefix .. base58(n, 15)))
   end
   return valid_requests[(n % #valid_requests) + 1]
end

function response(status, hdrs, body)
   if status == 200 then seen_200 = seen_200 + 1 else seen_non200 = seen_non200 + 1 end
   if body:find('"valid":true', 1, true) then
      seen_valid = seen_valid + 1
   elseif body:find('"code":"NOT_FOUND"', 1, true) then
      seen_not_found = seen_not_found + 1
   else
      seen_other = seen_other + 1
      if other_sample == "" then other_sample = status .. " " .. body:sub(1, 300) end
   end
end

function done(summary, latency, requests)
   local e = summary.errors
   io.write(string.format(
      "BENCH requests=%d duration_us=%d rps=%.1f p50_us=%d p99_us=%d non2xx=%d connect=%d read=%d write=%d timeout=%d\n",
      summary.requests, summary.duration, summary.requests / (summary.duration / 1e6),
      latency:percentile(50), latency:percentile(99),
      e.status, e.connect, e.read, e.write, e.timeout))
   local t = { sent_unknown = 0, seen_200 = 0, seen_non200 = 0, seen_valid = 0,
               seen_not_found = 0, seen_other = 0 }
   local sample = ""
   for _, thread in ipairs(threads) do
      for k, _ in pairs(t) do t[k] = t[k] + (thread:get(k) or 0) end
      local s = thread:get("other_sample")
      if sample == "" and s and s ~= "" then sample = s end
   end
   if t.seen_200 + t.seen_non200 > 0 then
      io.write(string.format(
         "CHECK responses=%d status200=%d non200=%d valid=%d not_found=%d other=%d unknown_sent=%d\n",
         t.seen_200 + t.seen_non200, t.seen_200, t.seen_non200, t.seen_valid, t.seen_not_found,
         t.seen_other, t.sent_unknown))
      if sample ~= "" then io.write("CHECK first-other-response: " .. sample .. "\n") end
   end
end
