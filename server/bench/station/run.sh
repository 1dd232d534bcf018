#!/usr/bin/env bash
# Station view (the hottest endpoint: every QR scan) vs /api/ping of the same server, measured in the same run.
# Starts the built jar against the machine's MariaDB/Redis (own database and Redis prefix, demo data), runs wrk on
# /api/ping, on the scan endpoint (st=CY01, 21 services) and on a mix of all 12 demo stations, alternating for
# ROUNDS rounds, prints mean req/s, worst p99 and the ratios against /api/ping, stops the server.
#   cd server && ./mvnw -B -o -q package -DskipTests && bench/station/run.sh
# Env: SERVER_PORT (8091), WX_SANDBOX_PORT (18091), DURATION (10s per run), ROUNDS (3), CONNECTIONS (64), WRK_THREADS (2),
#      BASE (skip starting the jar and use this running server).
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${SERVER_PORT:-8091}
SANDBOX_PORT=${WX_SANDBOX_PORT:-18091}
DURATION=${DURATION:-10s}
ROUNDS=${ROUNDS:-3}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${WRK_THREADS:-2}
source bench/lib.sh

if [ -z "${BASE:-}" ]; then
  bench_start stations "$PORT" "$SANDBOX_PORT"
fi

SCAN="$BASE/api/stations/scan?scene=st%3DCY01"
curl -sf "$SCAN" -o "$WORK/view.json"; head -c 200 "$WORK/view.json"; echo " … ($(wc -c <"$WORK/view.json") bytes)"
run() { # name url [script]
  echo "== $1"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency ${3:+-s "$3"} "$2" | tee "$WORK/$1.txt"
}
rps() { awk '/Requests\/sec/{print $2}' "$WORK/$1.txt"; }
p99ms() { awk '$1=="99%"{v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; print v}' "$WORK/$1.txt"; }

echo "== warm-up"
wrk -t"$THREADS" -c"$CONNECTIONS" -d5s "$SCAN" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d5s "$BASE/api/ping" >/dev/null
# The machine is shared and its load drifts: alternate the endpoints for ROUNDS rounds and compare the sums.
for r in $(seq 1 "$ROUNDS"); do
  run "ping$r" "$BASE/api/ping"
  run "scan$r" "$SCAN"
  run "mix$r" "$BASE" bench/station/mix.lua
done
sum() { local t=0; for r in $(seq 1 "$ROUNDS"); do t=$(echo "$t + $(rps "$1$r")" | bc); done; echo "scale=1; $t / $ROUNDS" | bc; }
worst() { for r in $(seq 1 "$ROUNDS"); do p99ms "$1$r"; done | sort -n | tail -1; }
P=$(sum ping); S=$(sum scan); M=$(sum mix)
echo
echo "per round (adjacent runs, least affected by drift):"
for r in $(seq 1 "$ROUNDS"); do
  printf '  round %s: ping %8s  scan %8s (%s)  mix %8s (%s)   p99 ping/scan/mix %s/%s/%s ms\n' "$r" "$(rps ping$r)" \
    "$(rps scan$r)" "$(echo "scale=3; $(rps scan$r) / $(rps ping$r)" | bc)" "$(rps mix$r)" \
    "$(echo "scale=3; $(rps mix$r) / $(rps ping$r)" | bc)" "$(p99ms ping$r)" "$(p99ms scan$r)" "$(p99ms mix$r)"
done
printf '\n%-36s %12s %14s %8s\n' "endpoint (mean of $ROUNDS rounds)" req/s "worst p99 ms" ratio
printf '%-36s %12s %14s %8s\n' "/api/ping" "$P" "$(worst ping)" "1.000"
printf '%-36s %12s %14s %8s\n' "/api/stations/scan?scene=st%3DCY01" "$S" "$(worst scan)" "$(echo "scale=3; $S / $P" | bc)"
printf '%-36s %12s %14s %8s\n' "12 stations by scene and id (mix)" "$M" "$(worst mix)" "$(echo "scale=3; $M / $P" | bc)"
