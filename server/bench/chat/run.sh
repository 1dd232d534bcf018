#!/usr/bin/env bash
# Official-account portal (/wx/portal: signed XML in, bot reply XML out) vs /api/ping of the same server, in the
# same run. Starts the built jar against the machine's MariaDB/Redis (own database and Redis prefix, demo data),
# runs wrk with 50 connections (WeChat's worst case in the issue: 50 messages at once) on /api/ping, on the keyword
# "帮助" (database rule) and on a mix (help, station name, location, "附近驿站", "心愿", free text that is stored
# and asks for the community), prints req/s, p99 and the ratios, stops the server. WeChat allows 5 s per answer:
# the p99 column is what to compare with that; '>5s' counts requests wrk gave up on after 5 s.
#   cd server && ./mvnw -B -o -q package -DskipTests && bench/chat/run.sh
# Env: SERVER_PORT (8094), WX_SANDBOX_PORT (18094), DURATION (20s), CONNECTIONS (50), WRK_THREADS (2),
#      BASE (skip starting the jar and use this running server; its WX_MP_TOKEN must be sandbox-mp-token).
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${SERVER_PORT:-8094}
SANDBOX_PORT=${WX_SANDBOX_PORT:-18094}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-50}
THREADS=${WRK_THREADS:-2}
TOKEN=${WX_MP_TOKEN:-sandbox-mp-token}
source bench/lib.sh

if [ -z "${BASE:-}" ]; then
  bench_start chat "$PORT" "$SANDBOX_PORT" WX_MP_TOKEN="$TOKEN"
fi

# WeChat's signature: sha1 of the sorted token, timestamp and nonce (fixed for the run; MsgIds vary)
TS=1700000000
NONCE=bench
SIG=$(printf '%s\n' "$TOKEN" "$TS" "$NONCE" | LC_ALL=C sort | tr -d '\n' | sha1sum | cut -d' ' -f1)
export QUERY="signature=$SIG&timestamp=$TS&nonce=$NONCE"
curl -sf -X POST "$BASE/wx/portal?$QUERY" -H 'Content-Type: text/xml' \
  --data-binary "<xml><ToUserName><![CDATA[gh_bench]]></ToUserName><FromUserName><![CDATA[obench00000000000000000000000]]></FromUserName><CreateTime>1700000000</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[春园]]></Content><MsgId>1</MsgId></xml>" \
  | head -c 300; echo " …"

run() { # name url [script]
  echo "== $1"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 5s --latency ${3:+-s "$3"} "$2" | tee "$WORK/$1.txt"
}
rps() { awk '/Requests\/sec/{print $2}' "$WORK/$1.txt"; }
p99() { awk '$1=="99%"{print $2}' "$WORK/$1.txt"; }
over5s() { awk '/Socket errors/{gsub(",","");print $NF; f=1} END{if(!f)print 0}' "$WORK/$1.txt"; }

echo "== warm-up"
MODE=mix wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -s bench/chat/portal.lua "$BASE" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d5s "$BASE/api/ping" >/dev/null
run ping "$BASE/api/ping"
MODE=help run help "$BASE" bench/chat/portal.lua
MODE=mix run mix "$BASE" bench/chat/portal.lua
P=$(rps ping)
printf '\n%-40s %10s %10s %8s %8s\n' endpoint req/s p99 ratio '>5s'
printf '%-40s %10s %10s %8s %8s\n' "/api/ping" "$P" "$(p99 ping)" "1.000" "$(over5s ping)"
printf '%-40s %10s %10s %8s %8s\n' "/wx/portal text 帮助 (rule)" "$(rps help)" "$(p99 help)" "$(echo "scale=3; $(rps help) / $P" | bc)" "$(over5s help)"
printf '%-40s %10s %10s %8s %8s\n' "/wx/portal mix (stations, stored text)" "$(rps mix)" "$(p99 mix)" "$(echo "scale=3; $(rps mix) / $P" | bc)" "$(over5s mix)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
