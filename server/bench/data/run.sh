#!/usr/bin/env bash
# Costs that stay flat: the hot endpoints on the demo data, then, same server and same run, on a large district
# generated into the same database by bench/data/large-district.sql (5,000 stations, 100,000 residents, 20,000
# members, 1,000,000 bookings, 200,000 claims, 500,000 chat messages by default); prints each endpoint's rate, p99
# and the large/small ratio (target >= 0.8), the generator's time, heap in use and /api/ping of the same run; each
# phase runs every endpoint PASSES times and takes its median pass.
#   cd server && ./mvnw -B -o -q package -DskipTests && DURATION=5s bench/data/run.sh
# Env: SERVER_PORT (8095), WX_SANDBOX_PORT (18095), DURATION (5s per endpoint and pass), PASSES (3), CONNECTIONS (32),
#      WRK_THREADS (2), SIZES (the generator's SET list, see large-district.sql), KEEP_DB (keep rs_bench_flat).
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${SERVER_PORT:-8095}
SANDBOX_PORT=${WX_SANDBOX_PORT:-18095}
DURATION=${DURATION:-5s}
CONNECTIONS=${CONNECTIONS:-32}
PASSES=${PASSES:-3}
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
# a slot set per pass (a booking pass uses up most of its 1,400 resident-slot pairs): warm-up, then PASSES per phase
SLOTS_WARM=$(slots_of "$(rule 22:00)")
for n in $(seq 1 "$PASSES"); do
  printf -v "SLOTS_small_$n" '%s' "$(slots_of "$(rule "$(printf '22:%02d' $((n * 2)))")")"
  printf -v "SLOTS_large_$n" '%s' "$(slots_of "$(rule "$(printf '22:%02d' $((30 + n * 2)))")")"
done

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
for s in $(echo "$SLOTS_small_1" | tr ',' ' ' | cut -d' ' -f1-3); do
  post /api/booking/bookings "{\"stationId\":$STATION,\"slotId\":$s,\"serviceId\":$SERVICE}" "$ME" >/dev/null
done
TS=1700000000
NONCE=bench
SIG=$(printf '%s\n' "$TOKEN" "$TS" "$NONCE" | LC_ALL=C sort | tr -d '\n' | sha1sum | cut -d' ' -f1)
export QUERY="signature=$SIG&timestamp=$TS&nonce=$NONCE" SERVICE STATION

get() { # phase name url [token]
  wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 5s --latency ${4:+-H "Authorization: Bearer $4"} "$3" >"$WORK/$1-$2.txt"
}
pass() { # name slots-for-booking: every endpoint once
  local p=$1
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
}
# PASSES passes over every endpoint per phase; an endpoint's figure is its median pass. The machine is shared and one
# 5 s run can lose a third to a neighbour: a single pass per phase put one endpoint below 0.8 in one run and at 0.94 or
# 1.13 in the next ones, and ping itself moved by up to 2.6x between phases.
phase() { # small|large
  local p=$1 n slots
  echo "== phase $p (load $(bench_load))"
  for n in $(seq 1 "$PASSES"); do
    slots=SLOTS_${p}_$n
    pass "$p$n" "${!slots}"
  done
  bench_heap >"$WORK/$p-heap.txt"
}
# steady state, not the JIT's warm-up: one unrecorded pass (its own slots), then the JIT compiles what it queued;
# a cold small phase made the large one look up to twice as fast
echo "== warm-up: one pass, not counted"
pass warm "$SLOTS_WARM" >/dev/null
bench_settle || true
phase small
echo "== generating the large district into $DB ($SIZES)…"
t0=$(date +%s)
{ echo "SET $SIZES;"; cat bench/data/large-district.sql; } | mysql -h127.0.0.1 -uroot "$DB" >/dev/null
GEN_S=$(( $(date +%s) - t0 ))
mysql -h127.0.0.1 -uroot -N "$DB" -e "SELECT CONCAT('rows now: ', (SELECT COUNT(*) FROM station), ' stations, ', (SELECT COUNT(*) FROM app_user), ' users, ',
  (SELECT COUNT(*) FROM party_member), ' members, ', (SELECT COUNT(*) FROM booking), ' bookings, ', (SELECT COUNT(*) FROM duty_claim), ' claims, ',
  (SELECT COUNT(*) FROM chat_message), ' chat messages')"
echo "generated in ${GEN_S}s"
# the scheduled jobs on the large district (the operations endpoint runs the materialiser and the reminders): the
# first run makes the generated rules' future slots (the work due), a second one within the day finds nothing due
jobs() { local t0 out; t0=$(date +%s%N); out=$(post /api/staff/booking/jobs/run '' "$ADMIN"); echo "$out in $(( ($(date +%s%N) - t0) / 1000000 )) ms"; }
JOBS1=$(jobs); JOBS2=$(jobs)
echo "jobs on the large district: first run $JOBS1; second run $JOBS2"
phase large

rps() { awk '/Requests\/sec/{print $2}' "$WORK/$1.txt"; }
p99() { awk '$1=="99%"{print $2}' "$WORK/$1.txt"; }
median_pass() { # phase endpoint -> the name of the pass with the median rate (odd PASSES; the lower middle when even)
  local n
  for n in $(seq 1 "$PASSES"); do echo "$(rps "$1$n-$2") $1$n-$2"; done | sort -g | awk -v m=$(( (PASSES + 1) / 2 )) 'NR == m {print $2}'
}
passes() { # phase endpoint -> every pass's rate
  local n out=""
  for n in $(seq 1 "$PASSES"); do out="$out${out:+ }$(rps "$1$n-$2" | cut -d. -f1)"; done
  echo "$out"
}
echo
echo "SUMMARY flat costs (load average $(bench_load), $CONNECTIONS connections, $DURATION per endpoint, $PASSES passes per phase, the median pass; generator ${GEN_S}s)"
# large/small = the raw ratio; "vs ping" divides it by the same ratio of /api/ping (the machine's load drifts between phases)
printf '%-44s %9s %9s %9s %9s %9s %11s %8s   %s\n' endpoint "small/s" "x ping" "p99" "large/s" "p99" "large/small" "vs ping" "passes small | large"
SP=$(median_pass small ping); LP=$(median_pass large ping)
for e in "ping:GET /api/ping" "scan:GET /api/stations/scan (CY01)" "nearby:GET /api/stations/nearby" "slots:GET /api/booking/stations/3/slots" \
  "mine:GET /api/booking/bookings/mine" "book:POST /api/booking/bookings (7 slots)" "claim:claim/release, 20 shifts" \
  "portal:POST /wx/portal (mix)" "staffslots:GET /api/staff/booking/stations/3/slots" "staffshifts:GET /api/staff/duty/shifts" \
  "staffmembers:GET /api/staff/members"; do
  k=${e%%:*}; n=${e#*:}
  S=$(median_pass small "$k"); L=$(median_pass large "$k")
  s=$(rps "$S"); l=$(rps "$L")
  printf '%-44s %9s %9s %9s %9s %9s %11s %8s   %s\n' "$n" "$s" "$(awk "BEGIN{printf \"%.3f\", $s/$(rps "$SP")}")" "$(p99 "$S")" \
    "$l" "$(p99 "$L")" "$(awk "BEGIN{printf \"%.2f\", $l/$s}")" \
    "$(awk "BEGIN{printf \"%.2f\", ($l/$(rps "$LP"))/($s/$(rps "$SP"))}")" "$(passes small "$k") | $(passes large "$k")"
done
echo "JOBS (materialiser + reminders) after the generator: first run $JOBS1; second run $JOBS2"
echo "MEMORY small: $(cat "$WORK/small-heap.txt"); large: $(cat "$WORK/large-heap.txt"); START healthy after ${HEALTHY_MS} ms"
