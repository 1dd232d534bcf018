-- Every demo station, by QR scene and by id, in turn.
local codes = {"DSQ01", "CYG01", "CY01", "YL01", "ZC01", "GZ01", "XW01", "CCH01", "WYH01", "DF01", "CC01", "DFS01"}
local n = 0
request = function()
  n = n + 1
  local i = (n % #codes) + 1
  if n % 2 == 0 then
    return wrk.format("GET", "/api/stations/scan?scene=st%3D" .. codes[i])
  end
  return wrk.format("GET", "/api/stations/" .. i)
end
