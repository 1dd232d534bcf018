#!/usr/bin/env bash
# Booking benchmark: bookings per second under contention, against /api/ping of the same server in
# the same run. Starts the built jar against the machine's MariaDB and Redis (own database and Redis
# prefix), prepares residents and slots through the real API, runs wrk, stops the jar.
#
#   cd server && ./mvnw -B -o -q -Dconsole.skip package -DskipTests && bench/booking/bench.sh
#
# Env: SERVER_PORT (8092), WX_SANDBOX_PORT (18092), USERS (6000), DURATION (15s), CONNECTIONS (50),
#      WRK_THREADS (2), DB_NAME (rs_bench_booking), KEEP_DB (unset = drop the database at the end).
set -euo pipefail
cd "$(dirname "$0")/../.."
HERE=bench/booking
PORT=${SERVER_PORT:-8092}
SANDBOX_PORT=${WX_SANDBOX_PORT:-18092}
USERS=${USERS:-6000} # 6000 residents × 7 slots = 42,000 new bookings per run: 2000 ran out in 10 s on a quiet machine
# (1,750 bookings/s), and a run that runs out measures ALREADY_BOOKED refusals, not bookings (see the PAIRS line)
DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-50}
export WRK_THREADS=${WRK_THREADS:-2}
source bench/lib.sh
bench_start booking "$PORT" "$SANDBOX_PORT" REDSTATION_ADMIN_USERNAME=benchadmin REDSTATION_ADMIN_PASSWORD=bench-admin-pass \
  BOOKING_NO_SHOW_LIMIT=0 -- --logging.level.org.redstation=WARN
DB_NAME=$DB

# first "<field>":<number or string> of a JSON body (no python: its start-up is slow on busy machines)
json() { grep -o "\"$1\":\"\?[^\",}]*" | head -1 | sed -E "s/^\"$1\":\"?//"; }
ADMIN=
for _ in $(seq 1 30); do # the bootstrap administrator is created just after start-up
  ADMIN=$(curl -s -X POST "$BASE/api/staff/auth/login" -H 'Content-Type: application/json' \
    -d '{"username":"benchadmin","password":"bench-admin-pass"}' | json token || true)
  [ -n "$ADMIN" ] && break
  sleep 1
done
[ -n "$ADMIN" ] || { echo "staff login failed"; tail -30 "$WORK/server.log"; exit 1; }
bench_first_password "$ADMIN" bench-admin-pass
STATION=3
SERVICE=14 # 法律援助: a BOOKABLE catalogue service that 春园社区 offers in the demo data
rule() { # capacity -> rule id (every day 23:00-23:50, open 6 days ahead)
  curl -sf -X POST "$BASE/api/staff/booking/stations/$STATION/rules" -H "Authorization: Bearer $ADMIN" \
    -H 'Content-Type: application/json' \
    -d "{\"kind\":\"OTHER\",\"name\":\"压测\",\"weekdays\":[1,2,3,4,5,6,7],\"start\":\"23:00\",\"end\":\"23:50\",\"capacity\":$1,\"openDaysAhead\":6,\"cancelCutoffMinutes\":0,\"waitlistEnabled\":false,\"serviceIds\":[$SERVICE]}" \
    | json id
}
BIG_RULE=$(rule 100000)
SMALL_RULE=$(rule 20)
RAW_RULE=$(rule 100000) # the raw ceiling's own 7 slots, same shape as the API's
warm_slots() { # a warm-up's own 7 slots (book.lua uses each resident-slot pair once)
  mysql -h127.0.0.1 -uroot -N -e "SELECT GROUP_CONCAT(id ORDER BY id) FROM $DB_NAME.booking_slot WHERE rule_id = $(rule 100000)"
}
WARM_SLOTS=(); for i in $(seq 1 8); do WARM_SLOTS+=("$(warm_slots)"); done
RAW_SLOTS=$(mysql -h127.0.0.1 -uroot -N -e "SELECT GROUP_CONCAT(id ORDER BY id) FROM $DB_NAME.booking_slot WHERE rule_id = $RAW_RULE")
SLOTS=$(mysql -h127.0.0.1 -uroot -N -e "SELECT GROUP_CONCAT(id ORDER BY id) FROM $DB_NAME.booking_slot WHERE rule_id = $BIG_RULE")
HOT=$(mysql -h127.0.0.1 -uroot -N -e "SELECT MIN(id) FROM $DB_NAME.booking_slot WHERE rule_id = $SMALL_RULE")
# 7 slots (today and 6 days ahead), 6 once today's 23:00 has begun in the application's zone (after 15:00 UTC)
count() { echo "$1" | tr ',' '\n' | wc -l; } # ids in a comma-separated list
NSLOTS=$(count "$SLOTS")
echo "slots: $SLOTS (capacity 100000 each); hot slot $HOT (capacity 20)"

echo "logging in $USERS residents…"
bench_residents booker "$USERS"
export TOKENS=$WORK/tokens.txt SLOTS SERVICE STATION

# fill the hot slot, so that the last run measures refusals on a full slot
for i in $(seq 1 20); do
  curl -sf -o /dev/null -X POST "$BASE/api/booking/bookings" -H 'Content-Type: application/json' \
    -H "Authorization: Bearer $(sed -n "${i}p" "$TOKENS")" -d "{\"stationId\":$STATION,\"slotId\":$HOT,\"serviceId\":$SERVICE}"
done

# Steady state, not the JIT's warm-up: every scenario first (a cold server answers ping at a third of its warm rate for
# about a minute), then every measured run follows its own warm-up of the same script (bench_warm: rounds until the
# rate is steady), since a run re-profiles code the next one shares. (Most of the refusals' slowdown after a booking run
# was the outbox still sending its confirmations: bench_drain, fixed in the third session.)
# Booking warm-ups run each round on slots of their own (a round uses up half of its slots' resident-slot pairs).
echo "== warm-up: ping, bookings and refusals (${WARMUP:-10s} rounds, not counted)"
bench_warm "$BASE/api/ping"
for round in 0 1; do
  SLOTS=${WARM_SLOTS[$round]} KEY_PREFIX=w$round WARM_ROUNDS=1 bench_warm -s "$HERE/book.lua" "$BASE"
done
SLOT=$HOT bench_warm -s "$HERE/full.lua" "$BASE"
bench_drain
echo "== baseline GET /api/ping"
bench_warm "$BASE/api/ping"
wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$BASE/api/ping" | tee "$WORK/ping.txt"
echo "== raw ceiling: seat UPDATE + booking INSERT + outbox INSERT over JDBC, $CONNECTIONS clients over the $(count "$RAW_SLOTS") raw slots"
bench_raw booking "$CONNECTIONS" "${DURATION%s}" "$STATION" "$SERVICE" "$RAW_SLOTS" | tee "$WORK/raw.txt"
echo "== POST /api/booking/bookings (every request a new booking on $NSLOTS shared slots)"
# rounds until steady like every other scenario, each on a fresh set of slots and after a metrics scrape like the
# measured run's (WARM_SCRAPE, lib.sh): until the seventh session one round on one set, then the batch count's scrape,
# left the JIT recompiling Spring MVC's path through the measured run (1.0-1.5 s of compiler CPU in its 10 s; 10-370 ms since)
next_warm_set() { export SLOTS=${WARM_SLOTS[$(( $1 + 1 ))]} KEY_PREFIX=w$(( $1 + 1 )); } # sets 2-7
(WARM_EACH=next_warm_set WARM_SCRAPE=1 bench_warm -s "$HERE/book.lua" "$BASE") # a subshell: SLOTS stays the measured run's
bench_drain # the warm-up's confirmations are sent before the measured run
BATCHES_BEFORE=$(bench_batch booking)
(sleep $(( ${DURATION%s} / 2 )); bench_heap >"$WORK/heap.txt") & HEAP_JOB=$! # heap in use while the bookings run
CPU_B0=$(bench_cpu); JIT_B0=$(bench_jit_cpu)
wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$HERE/book.lua" "$BASE" | tee "$WORK/book.txt"
CPU_B1=$(bench_cpu); JIT_B1=$(bench_jit_cpu)
wait "$HEAP_JOB"
BATCHES=$(bench_batch booking "$BATCHES_BEFORE")
bench_drain # the confirmations of the bookings above are sent before the refusals are measured
echo "== POST /api/booking/bookings on a full slot (refusals)"
SLOT=$HOT bench_warm -s "$HERE/full.lua" "$BASE"
# and one unmeasured ping + refusal pair: ping and the refusals share Tomcat's and Spring's code, and the first refusal
# run after a ping run used 91–112 µs of CPU a refusal where the next ones used 74–80 (three servers, three pairs each,
# the JIT settling the shared code for both); the measured pair below is such a next one
WARM_ROUNDS=1 bench_warm "$BASE/api/ping"
SLOT=$HOT WARM_ROUNDS=1 bench_warm -s "$HERE/full.lua" "$BASE"
# ping again, right before the refusals: the first ping ran minutes earlier, before the raw and booking runs, and this
# VM's rates drift by a third over minutes; the refusals' ratio is to this one (the first one's is printed too)
CPU0=$(bench_cpu)
wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$BASE/api/ping" | tee "$WORK/ping2.txt"
CPU1=$(bench_cpu); JIT_F0=$(bench_jit_cpu)
SLOT=$HOT wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$HERE/full.lua" "$BASE" | tee "$WORK/full.txt"
CPU2=$(bench_cpu); JIT_F1=$(bench_jit_cpu)
HEAP=$(cat "$WORK/heap.txt")

PING=$(awk '/Requests\/sec/ {print $2}' "$WORK/ping.txt")
PING2=$(awk '/Requests\/sec/ {print $2}' "$WORK/ping2.txt")
BOOK=$(sed -n 's/.*bookings_per_sec=\([0-9.]*\).*/\1/p' "$WORK/book.txt")
REFUSED=$(sed -n 's/.*refused409=\([0-9]*\).*/\1/p' "$WORK/book.txt")
FULL=$(awk '/Requests\/sec/ {print $2}' "$WORK/full.txt")
CONFIRMED=$(mysql -h127.0.0.1 -uroot -N -e "SELECT COUNT(*) FROM $DB_NAME.booking WHERE status='CONFIRMED' AND slot_id IN ($SLOTS)")
BOOKED=$(mysql -h127.0.0.1 -uroot -N -e "SELECT SUM(booked) FROM $DB_NAME.booking_slot WHERE id IN ($SLOTS)")
HOT_BOOKED=$(mysql -h127.0.0.1 -uroot -N -e "SELECT booked FROM $DB_NAME.booking_slot WHERE id = $HOT")
RAW=$(sed -n 's/.*tx_per_sec=\([0-9.]*\).*/\1/p' "$WORK/raw.txt")
RAW99=$(sed -n 's/.*p99_ms=\([0-9.]*\).*/\1/p' "$WORK/raw.txt")
p99() { awk '$1 == "99%" {print $2}' "$1"; }
ratio() { awk "BEGIN{printf \"%.3f\", $1/$2}"; }
echo
echo "SUMMARY (load average $(bench_load), $CONNECTIONS connections, $DURATION each)"
printf '%-34s %10s %9s %9s %9s\n' endpoint "req/s" "x ping" "x raw" p99
printf '%-34s %10s %9s %9s %9s\n' "GET /api/ping" "$PING" 1 - "$(p99 "$WORK/ping.txt")"
printf '%-34s %10s %9s %9s %9s\n' "raw booking tx (JDBC, no server)" "$RAW" "$(ratio "$RAW" "$PING")" 1 "${RAW99}ms"
printf '%-34s %10s %9s %9s %9s\n' "POST booking, $NSLOTS contended slots" "$BOOK" "$(ratio "$BOOK" "$PING")" "$(ratio "$BOOK" "$RAW")" "$(p99 "$WORK/book.txt")"
printf '%-34s %10s %9s %9s %9s\n' "GET /api/ping, next to refusals" "$PING2" 1 - "$(p99 "$WORK/ping2.txt")"
printf '%-34s %10s %9s %9s %9s\n' "POST booking, full slot (409)" "$FULL" "$(ratio "$FULL" "$PING2")" - "$(p99 "$WORK/full.txt")"
echo "(full slot x the first ping: $(ratio "$FULL" "$PING"))"
# the server's CPU per request (µs, from /proc): the refusals' cost against ping's, steadier on this VM than req/s
reqs() { awk '/requests in/ {print $1}' "$1"; }
CPU_PING=$(bench_cpu_per "$CPU0" "$CPU1" "$(reqs "$WORK/ping2.txt")")
CPU_FULL=$(bench_cpu_per "$CPU1" "$CPU2" "$(reqs "$WORK/full.txt")")
CPU_BOOK=$(bench_cpu_per "$CPU_B0" "$CPU_B1" "$(reqs "$WORK/book.txt")")
echo "SERVER CPU per request: ping ${CPU_PING} µs, full-slot refusal ${CPU_FULL} µs (ping's share $(ratio "$CPU_PING" "$CPU_FULL")), booking ${CPU_BOOK} µs (outbox sends during the run included)"
echo "JIT compiler threads' CPU: $(bench_ticks_ms "$JIT_B0" "$JIT_B1") ms during the booking run, $(bench_ticks_ms "$JIT_F0" "$JIT_F1") ms during the refusals (a steady server compiles little)"
echo "MEMORY $HEAP (halfway through the booking run); START healthy after ${HEALTHY_MS} ms"
echo "LINES $BATCHES (the measured booking run)"
[ "${REFUSED:-0}" = 0 ] || echo "PAIRS RAN OUT: $REFUSED bookings of the measured run were refused (ALREADY_BOOKED): raise USERS"
echo "CHECK confirmed rows=$CONFIRMED  sum(booked)=$BOOKED  hot slot booked=$HOT_BOOKED (capacity 20)"
