-- wrk script: members alternately claim and release shifts. SHIFT_IDS="7" = everyone on ONE shift (all requests
-- contend for its Redis lock and row); SHIFT_IDS="7,8,…" = member i always uses shift i mod n (little contention).
-- Tokens come from the file in $TOKENS (one per line); each wrk thread takes every n-th token.
local tokens = {}
local shifts = {}
for s in string.gmatch(os.getenv("SHIFT_IDS"), "[^,]+") do table.insert(shifts, s) end
local threads = {}
local counter = 0
local statuses = {}

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  local all = {}
  for line in io.lines(os.getenv("TOKENS")) do
    if line ~= "" then table.insert(all, line) end
  end
  local n = tonumber(os.getenv("WRK_THREADS") or "2")
  for i, t in ipairs(all) do
    if (i - 1) % n == id then table.insert(tokens, { t = t, shift = shifts[((i - 1) % #shifts) + 1] }) end
  end
  k = 0
  codes = {}
end

function request()
  k = k + 1
  local m = tokens[(k % #tokens) + 1]
  local round = math.floor(k / #tokens) % 2
  local op = round == 0 and "claim" or "release"
  return wrk.format("POST", "/api/duty/shifts/" .. m.shift .. "/" .. op,
    { ["Authorization"] = "Bearer " .. m.t, ["Content-Type"] = "application/json" }, "")
end

function response(status, headers, body)
  codes[status] = (codes[status] or 0) + 1
end

function done(summary, latency, requests)
  local agg = {}
  for _, th in ipairs(threads) do
    local c = th:get("codes")
    for s, n in pairs(c) do agg[s] = (agg[s] or 0) + n end
  end
  local parts = {}
  for s, n in pairs(agg) do table.insert(parts, s .. "=" .. n) end
  table.sort(parts)
  io.write("statuses: " .. table.concat(parts, " ") .. "\n")
end
