#!/usr/bin/env bash
# Claims per second under contention vs /api/ping of the same server, same run.
# Starts the built jar against the machine's MariaDB/Redis (own database and Redis prefix), prepares members and one
# shift through the API, runs wrk on claim/release of that one shift, then spread over one shift per member, then
# on /api/ping, prints the ratios, stops.
#   cd server && ./mvnw -B -o -q package -DskipTests && bench/duty/run.sh
# Env: SERVER_PORT (8093), WX_SANDBOX_PORT (18093), MEMBERS (50), DURATION (20s), CONNECTIONS (32), WRK_THREADS (2),
#      BASE (skip starting the jar and use this server; it must have the sandbox on and ADMIN_USER/ADMIN_PASSWORD).
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${SERVER_PORT:-8093}
SANDBOX_PORT=${WX_SANDBOX_PORT:-18093}
MEMBERS=${MEMBERS:-50}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-32}
export WRK_THREADS=${WRK_THREADS:-2}
ADMIN_USER=${ADMIN_USER:-bench-admin}
ADMIN_PASSWORD=${ADMIN_PASSWORD:-bench-admin-pass}
source bench/lib.sh

if [ -z "${BASE:-}" ]; then
  bench_start duty "$PORT" "$SANDBOX_PORT" REDSTATION_ADMIN_USERNAME="$ADMIN_USER" REDSTATION_ADMIN_PASSWORD="$ADMIN_PASSWORD"
fi

post() {
  local auth=()
  [ -n "${3:-}" ] && auth=(-H "Authorization: Bearer $3")
  curl -s -X POST "$BASE$1" -H 'Content-Type: application/json' "${auth[@]}" -d "$2"
}
# the administrator is created by a runner right after the port opens: retry for a while
for _ in $(seq 1 30); do
  ADMIN=$(post /api/staff/auth/login "{\"username\":\"$ADMIN_USER\",\"password\":\"$ADMIN_PASSWORD\"}" | jq -r .token)
  [ "$ADMIN" != null ] && break
  sleep 1
done
[ "$ADMIN" != null ] || { echo "admin login failed"; exit 1; }
DATE=$(date -d '+20 days' +%F)
SHIFT=$(post /api/staff/duty/shifts "{\"stationId\":3,\"date\":\"$DATE\",\"start\":\"18:00\",\"end\":\"19:00\",\"seats\":50,\"roleName\":\"压测$$\"}" "$ADMIN" | tee "$WORK/shift.json" | jq -r .id)
[ "$SHIFT" != null ] || { cat "$WORK/shift.json"; exit 1; }
echo "shift $SHIFT; preparing $MEMBERS members…"
: >"$WORK/tokens"
for i in $(seq 1 "$MEMBERS"); do
  T=$(post /api/auth/login "{\"code\":\"bench-$$-$i\"}" | jq -r .token)
  MID=$(post /api/member/registration '{"communityId":3,"orgId":3,"name":"压测党员","phoneCode":"phone-13800000000"}' "$T" | jq -r .id)
  post "/api/staff/members/$MID/approve" '' "$ADMIN" >/dev/null
  echo "$T" >>"$WORK/tokens"
done
export TOKENS=$WORK/tokens SHIFT_IDS=$SHIFT

echo "== warm-up"; wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d5s -s bench/duty/claim.lua "$BASE" >/dev/null
echo "== claim/release of one shift ($MEMBERS members, $CONNECTIONS connections, $DURATION)"
wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency -s bench/duty/claim.lua "$BASE" | tee "$WORK/claim.txt"
# the same load spread over one shift per member: locks and rows barely contend
SPREAD=""
for i in $(seq 1 "$MEMBERS"); do
  D=$(date -d "+$((20 + i)) days" +%F)
  ID=$(post /api/staff/duty/shifts "{\"stationId\":3,\"date\":\"$D\",\"start\":\"18:00\",\"end\":\"19:00\",\"seats\":5,\"roleName\":\"压测$$\"}" "$ADMIN" | jq -r .id)
  SPREAD="$SPREAD${SPREAD:+,}$ID"
done
echo "== claim/release spread over $MEMBERS shifts (one per member)"
SHIFT_IDS=$SPREAD wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency -s bench/duty/claim.lua "$BASE" | tee "$WORK/spread.txt"
echo "== /api/ping (same server, same run)"
wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency "$BASE/api/ping" | tee "$WORK/ping.txt"
C=$(awk '/Requests\/sec/{print $2}' "$WORK/claim.txt")
P=$(awk '/Requests\/sec/{print $2}' "$WORK/ping.txt")
S=$(awk '/Requests\/sec/{print $2}' "$WORK/spread.txt")
echo "one shift: claims+releases/s: $C   ratio to ping: $(echo "scale=3; $C / $P" | bc)"
echo "spread:    claims+releases/s: $S   ratio to ping: $(echo "scale=3; $S / $P" | bc)"
echo "ping/s: $P"
TAKEN=$(curl -s "$BASE/api/staff/duty/shifts?stationId=3&from=$DATE&to=$DATE" -H "Authorization: Bearer $ADMIN" | jq "[.[] | select(.id==$SHIFT)][0].taken")
echo "shift $SHIFT taken after the run: $TAKEN (<= 50 seats)"
