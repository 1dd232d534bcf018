#!/usr/bin/env bash
# Station view (the hottest endpoint: every QR scan) vs /api/ping of the same server, measured in the same run.
# Starts the built jar against the machine's MariaDB/Redis (own database and Redis prefix, demo data), runs wrk on
# /api/ping, on the scan endpoint (st=CY01, 21 services), on a mix of all 12 demo stations and on /api/ping again,
# prints req/s, p99 and the ratios against the mean ping, stops the server.
#   cd server && ./mvnw -B -o -q package -DskipTests && bench/station/run.sh
# Env: SERVER_PORT (8091), WX_SANDBOX_PORT (18091), DURATION (20s), CONNECTIONS (64), WRK_THREADS (2),
#      BASE (skip starting the jar and use this running server).
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${SERVER_PORT:-8091}
SANDBOX_PORT=${WX_SANDBOX_PORT:-18091}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${WRK_THREADS:-2}
WORK=$(mktemp -d)
PID=""
cleanup() { [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

if [ -z "${BASE:-}" ]; then
  BASE=http://127.0.0.1:$PORT
  DB=rs_bench_stations
  mysql -h127.0.0.1 -uroot -e "DROP DATABASE IF EXISTS $DB; CREATE DATABASE $DB CHARACTER SET utf8mb4"
  JAR=$(ls target/redstation-server-*.jar | grep -v original | head -1)
  DB_URL="jdbc:mysql://127.0.0.1:3306/$DB?useSSL=false&allowPublicKeyRetrieval=true" REDIS_HOST=127.0.0.1 \
  REDSTATION_REDIS_PREFIX=bench-stations-$$ REDSTATION_EMBEDDED=false WX_SANDBOX_ENABLED=true WX_SANDBOX_PORT=$SANDBOX_PORT \
  SERVER_PORT=$PORT REDSTATION_DEMO_DATA=true REDSTATION_TOKEN_SECRET=bench-secret-$$ \
  java -Xmx512m -jar "$JAR" >"$WORK/server.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 120); do curl -sf "$BASE/api/ping" >/dev/null && break; sleep 1; done
  curl -sf "$BASE/api/ping" >/dev/null || { tail -50 "$WORK/server.log"; exit 1; }
fi

SCAN="$BASE/api/stations/scan?scene=st%3DCY01"
curl -sf "$SCAN" | head -c 200; echo " …"
run() { # name url [script]
  echo "== $1"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency ${3:+-s "$3"} "$2" | tee "$WORK/$1.txt"
}
rps() { awk '/Requests\/sec/{print $2}' "$WORK/$1.txt"; }
p99() { awk '$1=="99%"{print $2}' "$WORK/$1.txt"; }

echo "== warm-up"
wrk -t"$THREADS" -c"$CONNECTIONS" -d5s "$SCAN" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d5s "$BASE/api/ping" >/dev/null
run ping "$BASE/api/ping"
run scan "$SCAN"
run mix "$BASE" bench/station/mix.lua
run ping2 "$BASE/api/ping"
# the baseline is the mean of the ping runs before and after (the machine is shared; load drifts)
P=$(echo "scale=2; ($(rps ping) + $(rps ping2)) / 2" | bc)
printf '\n%-34s %10s %10s %8s\n' endpoint req/s p99 ratio
printf '%-34s %10s %10s %8s\n' "/api/ping (before)" "$(rps ping)" "$(p99 ping)" ""
printf '%-34s %10s %10s %8s\n' "/api/ping (after)" "$(rps ping2)" "$(p99 ping2)" ""
printf '%-34s %10s %10s %8s\n' "/api/ping (mean = baseline)" "$P" "" "1.000"
printf '%-34s %10s %10s %8s\n' "/api/stations/scan?scene=st%3DCY01" "$(rps scan)" "$(p99 scan)" "$(echo "scale=3; $(rps scan) / $P" | bc)"
printf '%-34s %10s %10s %8s\n' "12 stations by scene and id (mix)" "$(rps mix)" "$(p99 mix)" "$(echo "scale=3; $(rps mix) / $P" | bc)"
