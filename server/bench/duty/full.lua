-- wrk script: every member taps "claim" on ONE FULL shift (its seats already taken): the refusal path.
-- Env: TOKENS (file, one token a line), SHIFT (shift id).
local tokens = {}
local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(os.getenv("TOKENS")) do
    if line ~= "" then table.insert(tokens, line) end
  end
  path = "/api/duty/shifts/" .. os.getenv("SHIFT") .. "/claim"
  k = id
  codes = {}
end

function request()
  k = k + 1
  return wrk.format("POST", path, { ["Authorization"] = "Bearer " .. tokens[(k % #tokens) + 1],
    ["Content-Type"] = "application/json" }, "")
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
