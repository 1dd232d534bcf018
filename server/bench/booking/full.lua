-- wrk script: many residents tap "book" on one FULL slot (capacity already taken): refusal path.
-- Env: TOKENS, SLOT, SERVICE, STATION.
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
  body = string.format('{"stationId":%s,"slotId":%s,"serviceId":%s}', os.getenv("STATION"), os.getenv("SLOT"), os.getenv("SERVICE"))
  c409, cother = 0, 0
end

function request()
  counter = counter + 1
  local token = tokens[((counter * 7 + id) % #tokens) + 1]
  return wrk.format("POST", "/api/booking/bookings",
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }, body)
end

function response(status, headers, body)
  if status == 409 then c409 = c409 + 1 else cother = cother + 1 end
end

function done(summary, latency, requests)
  local a, b = 0, 0
  for _, t in ipairs(threads) do a = a + t:get("c409"); b = b + t:get("cother") end
  io.write(string.format("RESULT refused409=%d other=%d\n", a, b))
end
