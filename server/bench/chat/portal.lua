-- Signed WeChat XML to /wx/portal, every request a new MsgId (so none is dropped as a duplicate).
-- MODE=help: the keyword rule "帮助"; MODE=mix: help, station name, location, nearby, free text (stored, asks community).
local mode = os.getenv("MODE") or "help"
local query = os.getenv("QUERY")
local seq = 0
local base

function init(args)
  local addr = tostring({}):match("0x(%x+)") or "1"
  math.randomseed(os.time() + tonumber(addr:sub(-7), 16))
  base = math.random(1, 2000000) * 1000000
end

local texts = { "帮助", "帮助", "春园", "附近驿站", "心愿", "楼下路灯坏了，麻烦看看" }

local function xml(from, body)
  seq = seq + 1
  return "<xml><ToUserName><![CDATA[gh_bench]]></ToUserName><FromUserName><![CDATA[" .. from ..
      "]]></FromUserName><CreateTime>1700000000</CreateTime>" .. body .. "<MsgId>" .. (base + seq) .. "</MsgId></xml>"
end

function request()
  local from = string.format("obench%023d", math.random(1, 200))
  local body
  if mode == "help" then
    body = "<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[帮助]]></Content>"
  else
    local r = math.random(1, 7)
    if r == 7 then
      body = "<MsgType><![CDATA[location]]></MsgType><Location_X>32.0781</Location_X><Location_Y>112.1432</Location_Y>" ..
          "<Scale>15</Scale><Label><![CDATA[x]]></Label>"
    else
      body = "<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[" .. texts[r] .. "]]></Content>"
    end
  end
  return wrk.format("POST", "/wx/portal?" .. query, { ["Content-Type"] = "text/xml" }, xml(from, body))
end

local bad = 0
function response(status, headers, body)
  if status ~= 200 or not body:find("<Content>", 1, true) then
    bad = bad + 1
    if bad <= 3 then
      print("unexpected answer " .. status .. ": " .. body:sub(1, 200))
    end
  end
end
