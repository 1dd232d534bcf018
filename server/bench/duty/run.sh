#!/usr/bin/env bash
# Claims per second under contention vs /api/ping of the same server, same run.
# Starts the built jar against the machine's MariaDB/Redis (own database and Redis prefix), prepares members and one
# shift through the API, runs wrk on claim/release of that one shift, then spread over one shift per member, then
# on /api/ping, prints the ratios, stops.
#   cd server && ./mvnw -B -o -q -Dconsole.skip package -DskipTests && bench/duty/run.sh
# Also in the same run: the raw ceiling (seat UPDATE + claim INSERT over JDBC, no server, CONNECTIONS clients on one
# shift row; bench/RawTx.java) and refusals on a full shift (bench/duty/full.lua); prints every rate against ping and raw.
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
  bench_start duty "$PORT" "$SANDBOX_PORT" REDSTATION_ADMIN_USERNAME="$ADMIN_USER" REDSTATION_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
    -- --logging.level.org.redstation=WARN # as the other benchmarks: no INFO line per refusal
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
bench_first_password "$ADMIN" "$ADMIN_PASSWORD"
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

# a full shift (1 seat, taken by the first member) for the refusal run
FULL_SHIFT=$(post /api/staff/duty/shifts "{\"stationId\":3,\"date\":\"$(date -d '+19 days' +%F)\",\"start\":\"18:00\",\"end\":\"19:00\",\"seats\":1,\"roleName\":\"压测满$$\"}" "$ADMIN" | jq -r .id)
post "/api/duty/shifts/$FULL_SHIFT/claim" '' "$(head -1 "$WORK/tokens")" >/dev/null
# the raw ceiling's own shift (plenty of seats, far from the API's shifts so no overlap) and the members' ids
mysql -h127.0.0.1 -uroot "$DB" -e "INSERT INTO duty_shift (station_id, community_id, start_at, end_at, role_name, seats, taken, status, created_at)
  SELECT id, community_id, NOW() + INTERVAL 300 DAY, NOW() + INTERVAL 300 DAY + INTERVAL 1 HOUR, 'raw', 1000000, 0, 'OPEN', NOW(3) FROM station WHERE id = 3"
RAW_SHIFT=$(mysql -h127.0.0.1 -uroot -N "$DB" -e "SELECT MAX(id) FROM duty_shift WHERE role_name = 'raw'")
MEMBER_IDS=$(mysql -h127.0.0.1 -uroot -N "$DB" -e "SELECT GROUP_CONCAT(id) FROM party_member")

# every measured run follows its own warm-up (WARMUP, 10s, not counted) of the same script (bench/lib.sh)
echo "== claim/release of one shift ($MEMBERS members, $CONNECTIONS connections, $DURATION)"
WARM_SCRAPE=1 bench_warm -s bench/duty/claim.lua "$BASE" # the batch count below scrapes too (lib.sh)
BATCHES_BEFORE=$(bench_batch duty)
(sleep $(( ${DURATION%s} / 2 )); bench_heap >"$WORK/heap.txt") & HEAP_JOB=$! # heap in use while the claims run
JIT0=$(bench_jit_cpu)
wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency -s bench/duty/claim.lua "$BASE" | tee "$WORK/claim.txt"
JIT1=$(bench_jit_cpu)
wait "$HEAP_JOB"
BATCHES=$(bench_batch duty "$BATCHES_BEFORE")
echo "== raw ceiling: seat UPDATE + claim INSERT over JDBC, $CONNECTIONS clients on one shift row"
bench_raw duty "$CONNECTIONS" "${DURATION%s}" "$RAW_SHIFT" "$MEMBER_IDS" | tee "$WORK/raw.txt"
echo "== claims on a full shift (refusals)"
SHIFT=$FULL_SHIFT bench_warm -s bench/duty/full.lua "$BASE"
SHIFT=$FULL_SHIFT wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency -s bench/duty/full.lua "$BASE" | tee "$WORK/full.txt"
# the same load spread over one shift per member: locks and rows barely contend
SPREAD=""
for i in $(seq 1 "$MEMBERS"); do
  D=$(date -d "+$((20 + i)) days" +%F)
  ID=$(post /api/staff/duty/shifts "{\"stationId\":3,\"date\":\"$D\",\"start\":\"18:00\",\"end\":\"19:00\",\"seats\":5,\"roleName\":\"压测$$\"}" "$ADMIN" | jq -r .id)
  SPREAD="$SPREAD${SPREAD:+,}$ID"
done
echo "== claim/release spread over $MEMBERS shifts (one per member)"
SHIFT_IDS=$SPREAD bench_warm -s bench/duty/claim.lua "$BASE"
SHIFT_IDS=$SPREAD wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency -s bench/duty/claim.lua "$BASE" | tee "$WORK/spread.txt"
echo "== /api/ping (same server, same run)"
bench_warm "$BASE/api/ping"
wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency "$BASE/api/ping" | tee "$WORK/ping.txt"
C=$(awk '/Requests\/sec/{print $2}' "$WORK/claim.txt")
P=$(awk '/Requests\/sec/{print $2}' "$WORK/ping.txt")
S=$(awk '/Requests\/sec/{print $2}' "$WORK/spread.txt")
F=$(awk '/Requests\/sec/{print $2}' "$WORK/full.txt")
R=$(sed -n 's/.*tx_per_sec=\([0-9.]*\).*/\1/p' "$WORK/raw.txt")
R99=$(sed -n 's/.*p99_ms=\([0-9.]*\).*/\1/p' "$WORK/raw.txt")
p99() { awk '$1 == "99%" {print $2}' "$1"; }
ratio() { awk "BEGIN{printf \"%.3f\", $1/$2}"; }
echo
echo "SUMMARY (load average $(bench_load), $CONNECTIONS connections, $DURATION each)"
printf '%-40s %10s %9s %9s %9s\n' endpoint "req/s" "x ping" "x raw" p99
printf '%-40s %10s %9s %9s %9s\n' "GET /api/ping" "$P" 1 - "$(p99 "$WORK/ping.txt")"
printf '%-40s %10s %9s %9s %9s\n' "raw claim tx (JDBC, one shift row)" "$R" "$(ratio "$R" "$P")" 1 "${R99}ms"
printf '%-40s %10s %9s %9s %9s\n' "claim/release, one hot shift" "$C" "$(ratio "$C" "$P")" "$(ratio "$C" "$R")" "$(p99 "$WORK/claim.txt")"
printf '%-40s %10s %9s %9s %9s\n' "claim/release, spread over $MEMBERS shifts" "$S" "$(ratio "$S" "$P")" "$(ratio "$S" "$R")" "$(p99 "$WORK/spread.txt")"
printf '%-40s %10s %9s %9s %9s\n' "claim on a full shift (409)" "$F" "$(ratio "$F" "$P")" - "$(p99 "$WORK/full.txt")"
echo "MEMORY $(cat "$WORK/heap.txt") (halfway through the hot-shift run); START healthy after ${HEALTHY_MS:-?} ms"
echo "LINES $BATCHES (the measured hot-shift run)"
echo "JIT compiler threads' CPU during the hot-shift run: $(bench_ticks_ms "$JIT0" "$JIT1") ms (a steady server compiles little)"
TAKEN=$(mysql -h127.0.0.1 -uroot -N "$DB" -e "SELECT taken FROM duty_shift WHERE id = $SHIFT")
ACTIVE=$(mysql -h127.0.0.1 -uroot -N "$DB" -e "SELECT COUNT(*) FROM duty_claim WHERE active_shift = $SHIFT")
FULL_TAKEN=$(mysql -h127.0.0.1 -uroot -N "$DB" -e "SELECT taken FROM duty_shift WHERE id = $FULL_SHIFT")
echo "CHECK hot shift taken=$TAKEN active claims=$ACTIVE (<= 50 seats, equal); full shift taken=$FULL_TAKEN (1 seat)"
echo "ROWS (markdown rows for bench/README.md: endpoint | rate /s | × ping | × raw ceiling | p99; load $(bench_load))"
echo "| \`GET /api/ping\` | $P | 1 | $(ratio "$P" "$R") | $(p99 "$WORK/ping.txt") |"
echo "| raw claim transaction (JDBC, one shift row) | $R | $(ratio "$R" "$P") | 1 | ${R99} ms |"
echo "| claim/release, one hot shift ($CONNECTIONS connections, $MEMBERS members) | $C | $(ratio "$C" "$P") | **$(ratio "$C" "$R")** | $(p99 "$WORK/claim.txt") |"
echo "| claim/release, spread over $MEMBERS shifts | $S | $(ratio "$S" "$P") | $(ratio "$S" "$R") | $(p99 "$WORK/spread.txt") |"
echo "| claim of a full shift (409) | $F | **$(ratio "$F" "$P")** | – | $(p99 "$WORK/full.txt") |"
