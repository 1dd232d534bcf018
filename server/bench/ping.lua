-- wrk script: GET /api/ping through the same client path as the measured POST scripts (request() builds every
-- request, response() counts statuses). On a 2-core machine wrk shares the CPU with the server, and a Lua request()
-- and response() cost wrk more per request than its plain C path, so this is the like-for-like baseline of the
-- refusal runs (both are printed).
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  codes = {}
end

function request()
  return wrk.format("GET", "/api/ping")
end

function response(status, headers, body)
  codes[status] = (codes[status] or 0) + 1
end

function done(summary, latency, requests)
  local agg = {}
  for _, th in ipairs(threads) do
    for s, n in pairs(th:get("codes")) do agg[s] = (agg[s] or 0) + n end
  end
  local parts = {}
  for s, n in pairs(agg) do table.insert(parts, s .. "=" .. n) end
  table.sort(parts)
  io.write("statuses: " .. table.concat(parts, " ") .. "\n")
end
