#!/usr/bin/env bash
# Costs that stay flat: the hot endpoints on the demo data, then, same server and same run, on a large district
# generated into the same database by bench/data/large-district.sql (5,000 stations, 100,000 residents, 20,000
# members, 1,000,000 bookings, 200,000 claims, 500,000 chat messages by default); prints each endpoint's rate, p99
# and the large/small ratio (target >= 0.8), the generator's time, heap in use and /api/ping of the same run.
#   cd server && ./mvnw -B -o -q package -DskipTests && DURATION=5s bench/data/run.sh
# Env: SERVER_PORT (8095), WX_SANDBOX_PORT (18095), DURATION (5s per endpoint and phase), CONNECTIONS (32),
#      WRK_THREADS (2), SIZES (the generator's SET list, see large-district.sql), KEEP_DB (keep rs_bench_flat).
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${SERVER_PORT:-8095}
SANDBOX_PORT=${WX_SANDBOX_PORT:-18095}
DURATION=${DURATION:-5s}
CONNECTIONS=${CONNECTIONS:-32}
export WRK_THREADS=${WRK_THREADS:-2}
SIZES=${SIZES:-"@stations = 5000, @residents = 100000, @members = 20000, @bookings = 1000000, @claims = 200000, @messages = 500000"}
TOKEN=sandbox-mp-token
source bench/lib.sh
bench_start flat "$PORT" "$SANDBOX_PORT" REDSTATION_ADMIN_USERNAME=benchadmin REDSTATION_ADMIN_PASSWORD=bench-admin-pass \
  BOOKING_NO_SHOW_LIMIT=0 WX_MP_TOKEN="$TOKEN" -- --logging.level.org.redstation=WARN

post() {
  local auth=()
  [ -n "${3:-}" ] && auth=(-H "Authorization: Bearer $3")
  curl -s -X POST "$BASE$1" -H 'Content-Type: application/json' "${auth[@]}" -d "$2"
}
ADMIN=null
for _ in $(seq 1 30); do
  ADMIN=$(post /api/staff/auth/login '{"username":"benchadmin","password":"bench-admin-pass"}' | jq -r .token)
  [ "$ADMIN" != null ] && break
  sleep 1
done
[ "$ADMIN" != null ] || { echo "admin login failed"; exit 1; }
bench_first_password "$ADMIN" bench-admin-pass
STATION=3
SERVICE=14
rule() { # -> rule id; every day 23:00-23:50, 6 days ahead
  post "/api/staff/booking/stations/$STATION/rules" "{\"kind\":\"OTHER\",\"name\":\"压测$1\",\"weekdays\":[1,2,3,4,5,6,7],\"start\":\"$1\",\"end\":\"23:50\",\"capacity\":100000,\"openDaysAhead\":6,\"cancelCutoffMinutes\":0,\"waitlistEnabled\":false,\"serviceIds\":[$SERVICE]}" "$ADMIN" | jq -r .id
}
slots_of() { mysql -h127.0.0.1 -uroot -N "$DB" -e "SELECT GROUP_CONCAT(id ORDER BY id) FROM booking_slot WHERE rule_id = $1"; }
SLOTS_SMALL=$(slots_of "$(rule 23:00)")
SLOTS_LARGE=$(slots_of "$(rule 23:10)")
SLOTS_WARM=$(slots_of "$(rule 22:50)")

echo "preparing 200 residents and 20 members…"
: >"$WORK/tokens"
for i in $(seq 1 200); do post /api/auth/login "{\"code\":\"flat-$$-$i\"}" | jq -r .token >>"$WORK/tokens"; done
: >"$WORK/members"
SHIFTS=""
for i in $(seq 1 20); do
  T=$(sed -n "${i}p" "$WORK/tokens")
  MID=$(post /api/member/registration '{"communityId":3,"orgId":3,"name":"压测党员","phoneCode":"phone-13800000000"}' "$T" | jq -r .id)
  post "/api/staff/members/$MID/approve" '' "$ADMIN" >/dev/null
  echo "$T" >>"$WORK/members"
  D=$(date -d "+$((20 + i)) days" +%F)
  ID=$(post /api/staff/duty/shifts "{\"stationId\":3,\"date\":\"$D\",\"start\":\"18:00\",\"end\":\"19:00\",\"seats\":5,\"roleName\":\"压测$$\"}" "$ADMIN" | jq -r .id)
  SHIFTS="$SHIFTS${SHIFTS:+,}$ID"
done
ME=$(sed -n 1p "$WORK/tokens")
# the resident of "my bookings" holds a few bookings in both phases
for s in $(echo "$SLOTS_SMALL" | tr ',' ' ' | cut -d' ' -f1-3); do
  post /api/booking/bookings "{\"stationId\":$STATION,\"slotId\":$s,\"serviceId\":$SERVICE}" "$ME" >/dev/null
done
TS=1700000000
NONCE=bench
SIG=$(printf '%s\n' "$TOKEN" "$TS" "$NONCE" | LC_ALL=C sort | tr -d '\n' | sha1sum | cut -d' ' -f1)
export QUERY="signature=$SIG&timestamp=$TS&nonce=$NONCE" SERVICE STATION

get() { # phase name url [token]
  wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 5s --latency ${4:+-H "Authorization: Bearer $4"} "$3" >"$WORK/$1-$2.txt"
}
phase() { # small|large slots-for-booking
  local p=$1
  echo "== phase $p (load $(bench_load))"
  get "$p" ping "$BASE/api/ping"
  get "$p" scan "$BASE/api/stations/scan?scene=st%3DCY01"
  get "$p" nearby "$BASE/api/stations/nearby?lat=32.0781&lng=112.1432&limit=10"
  get "$p" slots "$BASE/api/booking/stations/$STATION/slots" "$ME"
  get "$p" mine "$BASE/api/booking/bookings/mine" "$ME"
  TOKENS=$WORK/tokens SLOTS=$2 wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 5s --latency -s bench/booking/book.lua "$BASE" >"$WORK/$p-book.txt"
  TOKENS=$WORK/members SHIFT_IDS=$SHIFTS wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 5s --latency -s bench/duty/claim.lua "$BASE" >"$WORK/$p-claim.txt"
  MODE=mix wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 5s --latency -s bench/chat/portal.lua "$BASE" >"$WORK/$p-portal.txt"
  get "$p" staffslots "$BASE/api/staff/booking/stations/$STATION/slots" "$ADMIN"
  get "$p" staffshifts "$BASE/api/staff/duty/shifts?communityId=3" "$ADMIN"
  get "$p" staffmembers "$BASE/api/staff/members?communityId=3" "$ADMIN"
  bench_heap >"$WORK/$p-heap.txt"
}
# steady state, not the JIT's warm-up: one unrecorded phase (its own slots), then the JIT compiles what it queued;
# a cold small phase made the large one look up to twice as fast
echo "== warm-up: one phase, not counted"
phase warm "$SLOTS_WARM" >/dev/null
bench_settle || true
phase small "$SLOTS_SMALL"
echo "== generating the large district into $DB ($SIZES)…"
t0=$(date +%s)
{ echo "SET $SIZES;"; cat bench/data/large-district.sql; } | mysql -h127.0.0.1 -uroot "$DB" >/dev/null
GEN_S=$(( $(date +%s) - t0 ))
mysql -h127.0.0.1 -uroot -N "$DB" -e "SELECT CONCAT('rows now: ', (SELECT COUNT(*) FROM station), ' stations, ', (SELECT COUNT(*) FROM app_user), ' users, ',
  (SELECT COUNT(*) FROM party_member), ' members, ', (SELECT COUNT(*) FROM booking), ' bookings, ', (SELECT COUNT(*) FROM duty_claim), ' claims, ',
  (SELECT COUNT(*) FROM chat_message), ' chat messages')"
echo "generated in ${GEN_S}s"
phase large "$SLOTS_LARGE"

rps() { awk '/Requests\/sec/{print $2}' "$WORK/$1.txt"; }
p99() { awk '$1=="99%"{print $2}' "$WORK/$1.txt"; }
echo
echo "SUMMARY flat costs (load average $(bench_load), $CONNECTIONS connections, $DURATION per endpoint and phase; generator ${GEN_S}s)"
# large/small = the raw ratio; "vs ping" divides it by the same ratio of /api/ping (the machine's load drifts between phases)
printf '%-44s %9s %9s %9s %9s %9s %11s %8s\n' endpoint "small/s" "x ping" "p99" "large/s" "p99" "large/small" "vs ping"
for e in "ping:GET /api/ping" "scan:GET /api/stations/scan (CY01)" "nearby:GET /api/stations/nearby" "slots:GET /api/booking/stations/3/slots" \
  "mine:GET /api/booking/bookings/mine" "book:POST /api/booking/bookings (7 slots)" "claim:claim/release, 20 shifts" \
  "portal:POST /wx/portal (mix)" "staffslots:GET /api/staff/booking/stations/3/slots" "staffshifts:GET /api/staff/duty/shifts" \
  "staffmembers:GET /api/staff/members"; do
  k=${e%%:*}; n=${e#*:}
  s=$(rps "small-$k"); l=$(rps "large-$k")
  printf '%-44s %9s %9s %9s %9s %9s %11s %8s\n' "$n" "$s" "$(awk "BEGIN{printf \"%.3f\", $s/$(rps small-ping)}")" "$(p99 "small-$k")" \
    "$l" "$(p99 "large-$k")" "$(awk "BEGIN{printf \"%.2f\", $l/$s}")" \
    "$(awk "BEGIN{printf \"%.2f\", ($l/$(rps large-ping))/($s/$(rps small-ping))}")"
done
echo "MEMORY small: $(cat "$WORK/small-heap.txt"); large: $(cat "$WORK/large-heap.txt"); START healthy after ${HEALTHY_MS} ms"
