-- wrk script: POST /api/booking/bookings with many residents' tokens over a few slots.
-- Consecutive requests go to the slots in turn (every connection contends for all of them, like the raw ceiling's
-- clients), and every (resident, slot) pair is used once per thread, so each request is a real booking until the
-- pairs run out (then the server answers ALREADY_BOOKED). Env: TOKENS (file, one token a line),
-- SLOTS (comma-separated slot ids), SERVICE (service id), STATION (station id).
local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  tokens = {}
  for line in io.lines(os.getenv("TOKENS")) do
    if #line > 0 then table.insert(tokens, line) end
  end
  slots = {}
  for s in string.gmatch(os.getenv("SLOTS"), "[^,]+") do table.insert(slots, s) end
  service = os.getenv("SERVICE")
  station = os.getenv("STATION")
  nthreads = tonumber(os.getenv("WRK_THREADS") or "2")
  per_thread = math.floor(#tokens / nthreads)
  key_prefix = os.getenv("KEY_PREFIX") or "b" -- the warm-up's keys differ, else the measured run replays them
  c201, c200, c409, cother = 0, 0, 0, 0
end

function request()
  counter = counter + 1
  local u = math.floor((counter - 1) / #slots) % per_thread
  local user = u * nthreads + id + 1
  local slot = slots[((counter - 1) % #slots) + 1]
  local body = string.format('{"stationId":%s,"slotId":%s,"serviceId":%s,"idempotencyKey":"%s%d-%d"}',
    station, slot, service, key_prefix, id, counter)
  return wrk.format("POST", "/api/booking/bookings",
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. tokens[user] }, body)
end

function response(status, headers, body)
  if status == 201 then c201 = c201 + 1
  elseif status == 200 then c200 = c200 + 1
  elseif status == 409 then c409 = c409 + 1
  else cother = cother + 1 end
end

function done(summary, latency, requests)
  local a, b, c, d = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    a = a + t:get("c201"); b = b + t:get("c200"); c = c + t:get("c409"); d = d + t:get("cother")
  end
  local secs = summary.duration / 1e6
  io.write(string.format("RESULT created=%d replayed=%d refused409=%d other=%d seconds=%.2f bookings_per_sec=%.1f\n",
    a, b, c, d, secs, a / secs))
end
