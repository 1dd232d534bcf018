#!/usr/bin/env bash
# Redis failover under load, on this machine (run by hand; not part of ./test.sh: about 3-4 minutes):
#   a Redis primary, a replica and three Sentinels (Debian's redis-server / redis-sentinel, installed when
#   missing), the sandbox, two instances of the production jar in Sentinel mode against a fresh database;
#   residents book and cancel seats and members claim and release a shift on both instances while the
#   primary is killed (SIGKILL). Then: the sentinels promoted the replica, requests succeed again, no
#   slot has more bookings than seats and `booked` equals the confirmed rows, the shift's `taken` equals
#   its active claims and never exceeds its seats, and every queued subscribe message was sent exactly
#   once (outbox rows all SENT = messages the sandbox received). Prints "N passed, M failed".
# Settings: FAILOVER_LOAD_SECONDS (40), FAILOVER_KILL_AFTER (12), SMOKE_DB_* as smoke.sh.
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
SERVER="$ROOT/server"
DB_HOST="${SMOKE_DB_HOST:-127.0.0.1}"; DB_PORT="${SMOKE_DB_PORT:-3306}"
DB_USER="${SMOKE_DB_USER:-root}"; DB_PASSWORD="${SMOKE_DB_PASSWORD:-}"
LOAD_SECONDS="${FAILOVER_LOAD_SECONDS:-40}"; KILL_AFTER="${FAILOVER_KILL_AFTER:-12}"
RUN_ID="$(date +%m%d%H%M%S)_$RANDOM"
DB="rs_failover_$RUN_ID"
TMP="$(mktemp -d /tmp/rs-failover.XXXXXX)"
PIDS=()
PASSED=0; FAILED=0; DB_CREATED=0

die() { bad "$*"; exit 1; }
. "$ROOT/deploy/test/lib.sh"
q() { mysql_ -N -B "$DB" -e "$1"; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

cleanup() {
  local rc=$?
  stop_all
  [ "$DB_CREATED" = 1 ] && mysql_ -e "DROP DATABASE IF EXISTS \`$DB\`" 2>/dev/null
  if [ "$FAILED" -gt 0 ] || [ "$rc" -ne 0 ]; then
    for f in "$TMP"/*.log; do [ -f "$f" ] && { echo "---- last lines of $(basename "$f")"; tail -n 30 "$f"; }; done
  fi
  [ "${FAILOVER_KEEP:-0}" = 1 ] && echo "kept $TMP" || rm -rf "$TMP"
  echo "failover: $PASSED passed, $FAILED failed"
  if [ "$FAILED" -gt 0 ] && [ "$rc" -eq 0 ]; then exit 1; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if ! command -v redis-sentinel >/dev/null; then
  log "installing redis-sentinel"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-sentinel >/dev/null || die "could not install redis-sentinel"
fi
JAR="$(ls "$SERVER"/target/redstation-server-*.jar 2>/dev/null | grep -v '\.original$' | head -1)"
[ -n "$JAR" ] && [ -f "$SERVER/target/dev-classpath.txt" ] || die "build first: cd server && ./mvnw -B package -DskipTests"
mysql_ -e "CREATE DATABASE \`$DB\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci" || die "no database"
DB_CREATED=1

# ---- Redis: primary, replica, three sentinels (quorum 2), all with a password, as child processes
RPW="$(openssl rand -hex 16)"
RP=$(free_port); RR=$(free_port); S1=$(free_port); S2=$(free_port); S3=$(free_port)
mkdir -p "$TMP/rp" "$TMP/rr"
redis-server --port "$RP" --bind 127.0.0.1 --requirepass "$RPW" --masterauth "$RPW" --appendonly yes \
  --dir "$TMP/rp" --save "" --daemonize no >"$TMP/redis-primary.log" 2>&1 &
PRIMARY_PID=$!; PIDS+=($PRIMARY_PID)
redis-server --port "$RR" --bind 127.0.0.1 --requirepass "$RPW" --masterauth "$RPW" --appendonly yes \
  --dir "$TMP/rr" --save "" --replicaof 127.0.0.1 "$RP" --daemonize no >"$TMP/redis-replica.log" 2>&1 &
PIDS+=($!)
for s in $S1 $S2 $S3; do
  mkdir -p "$TMP/s$s"
  cat >"$TMP/s$s/sentinel.conf" <<EOF
port $s
bind 127.0.0.1
dir $TMP/s$s
sentinel monitor mymaster 127.0.0.1 $RP 2
sentinel auth-pass mymaster $RPW
sentinel down-after-milliseconds mymaster 2000
sentinel failover-timeout mymaster 10000
sentinel parallel-syncs mymaster 1
EOF
  redis-sentinel "$TMP/s$s/sentinel.conf" >"$TMP/sentinel-$s.log" 2>&1 &
  PIDS+=($!)
done
rcli() { REDISCLI_AUTH="$RPW" redis-cli -h 127.0.0.1 "$@" 2>/dev/null; }
for _ in $(seq 1 60); do
  [ "$(rcli -p "$RR" info replication | grep -c 'master_link_status:up')" = 1 ] \
    && [ "$(redis-cli -p "$S1" sentinel sentinels mymaster 2>/dev/null | grep -c '^name$')" = 2 ] && break
  sleep 0.5
done
master_port() { redis-cli -p "$S1" sentinel get-master-addr-by-name mymaster 2>/dev/null | sed -n 2p; }
check "primary :$RP, replica :$RR in sync, three sentinels agree" test "$(master_port)" = "$RP"

# ---- sandbox and two instances in Sentinel mode
SB=$(free_port); P1=$(free_port); P2=$(free_port)
WX_SANDBOX_PORT="$SB" java -Xmx128m -cp "$SERVER/target/test-classes:$SERVER/target/classes:$(cat "$SERVER/target/dev-classpath.txt")" \
  org.redstation.wechat.sandbox.SandboxMain >"$TMP/sandbox.log" 2>&1 < /dev/null &
PIDS+=($!)
sleep 0.1
ADMIN_PASSWORD="Failover-$(openssl rand -hex 8)"; TOKEN_SECRET="$(openssl rand -hex 32)"
start_instance() {
  env SPRING_PROFILES_ACTIVE=prod SERVER_PORT="$2" REDSTATION_INSTANCE="failover-$1" \
    DB_URL="jdbc:mysql://$DB_HOST:$DB_PORT/$DB?useUnicode=true&characterEncoding=utf8&useSSL=false&allowPublicKeyRetrieval=true&connectionTimeZone=LOCAL" \
    DB_USER="$DB_USER" DB_PASSWORD="$DB_PASSWORD" DB_POOL_SIZE=12 \
    REDIS_HOST=127.0.0.1 REDIS_PORT="$RP" REDIS_PASSWORD="$RPW" \
    SPRING_DATA_REDIS_SENTINEL_MASTER=mymaster SPRING_DATA_REDIS_SENTINEL_NODES="127.0.0.1:$S1,127.0.0.1:$S2,127.0.0.1:$S3" \
    REDSTATION_REDIS_PREFIX="rs-failover-$RUN_ID" REDSTATION_TOKEN_SECRET="$TOKEN_SECRET" REDSTATION_DEMO_DATA=true \
    REDSTATION_ADMIN_USERNAME=failoveradmin REDSTATION_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
    WX_API_HOST="http://127.0.0.1:$SB" REDSTATION_NOTIFY_POLL=2s \
    java -Xms64m -Xmx384m -XX:TieredStopAtLevel=1 -jar "$JAR" >"$TMP/instance$1.log" 2>&1 &
  PIDS+=($!)
}
wait_healthy() {
  local end=$((SECONDS + $3))
  while [ $SECONDS -lt $end ]; do
    curl -sf -m 3 "http://127.0.0.1:$1/actuator/health" 2>/dev/null | grep -q '"UP"' && return 0
    kill -0 "$2" 2>/dev/null || return 1
    sleep 1
  done
  return 1
}
start_instance 1 "$P1"; wait_healthy "$P1" "${PIDS[-1]}" 150 || die "instance 1 did not start"
start_instance 2 "$P2"; wait_healthy "$P2" "${PIDS[-1]}" 120 || die "instance 2 did not start"
ok "two instances up in Sentinel mode"

# ---- load on both instances; the primary is killed during it
python3 - "$P1" "$P2" "$SB" "$ADMIN_PASSWORD" "$LOAD_SECONDS" "$RUN_ID" "$TMP/load.json" >"$TMP/load.log" 2>&1 <<'PY' &
import json, random, sys, threading, time, urllib.request, urllib.error, datetime
p1, p2, sb, admin_pw, seconds, run_id, out = sys.argv[1:8]
seconds = int(seconds)
bases = [f"http://127.0.0.1:{p1}", f"http://127.0.0.1:{p2}"]
def call(method, url, body=None, token=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method)
    if body is not None: req.add_header("Content-Type", "application/json")
    if token: req.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(req, timeout=15) as r:
            return r.status, json.loads(r.read() or b"null")
    except urllib.error.HTTPError as e:
        try: return e.code, json.loads(e.read() or b"null")
        except Exception: return e.code, None
    except Exception as e:
        return 0, str(e)
def login(code, base=bases[0]):
    s, b = call("POST", base + "/api/auth/login", {"code": code})
    assert s == 200, (s, b)
    return b["token"]
admin = call("POST", bases[0] + "/api/staff/auth/login", {"username": "failoveradmin", "password": admin_pw})[1]["token"]
view = call("GET", bases[0] + "/api/stations/scan?scene=st%3DCY01")[1]
station, community = view["station"]["id"], view["station"]["communityId"]
slots = []
for _ in range(30):
    page = call("GET", f"{bases[0]}/api/booking/stations/{station}/slots")[1]
    slots = [s for d in page["days"] for s in d["slots"] if s["seatsLeft"] > 0 and s["services"]][:3]
    if slots: break
    time.sleep(2)
residents = [login(f"fo-res-{run_id}-{i}") for i in range(40)]
members = []
for i in range(8):
    t = login(f"fo-mem-{run_id}-{i}")
    org = call("GET", f"{bases[0]}/api/member/orgs?communityId={community}", token=t)[1][0]["id"]
    mid = call("POST", bases[0] + "/api/member/registration", {"communityId": community, "orgId": org, "name": "故障演练",
               "phoneCode": "phone-13800000001", "workplace": "襄阳"}, t)[1]["id"]
    assert call("POST", f"{bases[0]}/api/staff/members/{mid}/approve", token=admin)[0] == 200
    members.append(t)
day = (datetime.date.today() + datetime.timedelta(days=3)).isoformat()
shift = call("POST", bases[0] + "/api/staff/duty/shifts", {"stationId": station, "date": day, "start": "18:00", "end": "19:00",
             "seats": 3, "roleName": "故障演练"}, admin)[1]["id"]
timeline = {}  # second -> {status: count}
lock = threading.Lock()
t0 = time.time()
print("load starts", flush=True)
def record(status):
    sec = int(time.time() - t0)
    with lock:
        timeline.setdefault(sec, {}).setdefault(str(status), 0)
        timeline[sec][str(status)] += 1
def booker(i):
    # each thread owns its residents: book, then cancel (retried until done), so seats keep changing hands
    mine = {tok: None for tok in residents[i::6]}
    while time.time() - t0 < seconds:
        for tok, held in list(mine.items()):
            if time.time() - t0 >= seconds: break
            base = bases[random.randrange(2)]
            if held:
                s, _ = call("POST", f"{base}/api/booking/bookings/{held}/cancel", None, tok)
                record(s)
                if s in (200, 409): mine[tok] = None
            else:
                slot = random.choice(slots)
                s, b = call("POST", base + "/api/booking/bookings", {"stationId": station, "slotId": slot["id"],
                            "serviceId": slot["services"][0]["id"]}, tok)
                record(s)
                if s == 201: mine[tok] = b["id"]
            time.sleep(0.02)
def claimer(i):
    # claim, then release (retried until done): the shift's seats keep changing hands
    tok, holding = members[i], False
    while time.time() - t0 < seconds:
        base = bases[random.randrange(2)]
        if holding:
            s, _ = call("POST", f"{base}/api/duty/shifts/{shift}/release", None, tok)
            if s in (200, 404): holding = False
        else:
            s, _ = call("POST", f"{base}/api/duty/shifts/{shift}/claim", None, tok)
            if s == 200: holding = True
        record(s)
        time.sleep(0.05)
threads = [threading.Thread(target=booker, args=(i,)) for i in range(6)] + [threading.Thread(target=claimer, args=(i,)) for i in range(len(members))]
for t in threads: t.start()
for t in threads: t.join()
# after the load: does the service answer normally again? (new login, booking, claim on both instances)
after = []
for base in bases:
    tok = login(f"fo-after-{run_id}-{base[-5:]}", base)
    after.append(call("GET", base + "/api/me", token=tok)[0])
json.dump({"timeline": timeline, "after": after, "slots": [s["id"] for s in slots], "shift": shift}, open(out, "w"))
print("load done", flush=True)
PY
LOAD_PID=$!; PIDS+=($LOAD_PID)
for _ in $(seq 1 240); do grep -q "load starts" "$TMP/load.log" 2>/dev/null && break; kill -0 $LOAD_PID 2>/dev/null || break; sleep 0.5; done
grep -q "load starts" "$TMP/load.log" || die "the load generator did not start"
sleep "$KILL_AFTER"
log "killing the Redis primary (pid $PRIMARY_PID, :$RP) under load"
kill -9 "$PRIMARY_PID"; wait "$PRIMARY_PID" 2>/dev/null
KILLED_AT=$SECONDS
for _ in $(seq 1 60); do [ "$(master_port)" = "$RR" ] && break; sleep 0.5; done
check "the sentinels promoted the replica :$RR (after $((SECONDS - KILLED_AT)) s)" test "$(master_port)" = "$RR"
wait "$LOAD_PID"; LOAD_RC=$?
check "the load ran to its end" test "$LOAD_RC" = 0 -a -s "$TMP/load.json"
[ -s "$TMP/load.json" ] || exit 1

log "requests per second (status: count), primary killed at second $KILL_AFTER:"
jq -r '.timeline | to_entries | sort_by(.key | tonumber)[] | "  \(.key)s \(.value | tostring)"' "$TMP/load.json"
LAST="$(jq -r --argjson from $((LOAD_SECONDS - 10)) '[.timeline | to_entries[] | select((.key | tonumber) >= $from) | .value | to_entries[] | select(.key | test("^(5..|0)$")) | .value] | add // 0' "$TMP/load.json")"
OKS="$(jq -r --argjson from $((LOAD_SECONDS - 10)) '[.timeline | to_entries[] | select((.key | tonumber) >= $from) | .value | to_entries[] | select(.key | test("^2")) | .value] | add // 0' "$TMP/load.json")"
check "service resumed: last 10 s of load $OKS successful requests, $LAST errors (5xx/no answer)" test "$OKS" -gt 0 -a "$LAST" = 0
check "a new login works on both instances after the failover" test "$(jq -c .after "$TMP/load.json")" = "[200,200]"

# ---- invariants in the database
for slot in $(jq -r '.slots[]' "$TMP/load.json"); do
  read -r cap booked rows < <(q "SELECT s.capacity, s.booked, (SELECT COUNT(*) FROM booking b WHERE b.slot_id = s.id AND b.status = 'CONFIRMED') FROM booking_slot s WHERE s.id = $slot")
  check "slot $slot: $rows confirmed = booked $booked <= capacity $cap" test "$rows" = "$booked" -a "$booked" -le "$cap"
done
SHIFT="$(jq -r .shift "$TMP/load.json")"
read -r seats taken active < <(q "SELECT seats, taken, (SELECT COUNT(*) FROM duty_claim c WHERE c.shift_id = s.id AND c.status = 'ACTIVE') FROM duty_shift s WHERE s.id = $SHIFT")
check "shift $SHIFT: taken $taken = active claims $active <= seats $seats" test "$taken" = "$active" -a "$taken" -le "$seats"

# ---- every queued message sent exactly once (retries after the failover included)
for _ in $(seq 1 90); do
  [ "$(q "SELECT COUNT(*) FROM notify_outbox WHERE status IN ('PENDING','SENDING')")" = 0 ] && break
  sleep 2
done
read -r total sent other < <(q "SELECT COUNT(*), SUM(status = 'SENT'), SUM(status NOT IN ('SENT')) FROM notify_outbox")
curl -s "http://127.0.0.1:$SB/sandbox/inbox?type=subscribe" >"$TMP/inbox.json"
RECEIVED="$(jq '[.messages[] | select(.errcode == 0)] | length' "$TMP/inbox.json")"
# per template (the prod defaults map key k to template id tpl-k): WeChat got at least what was sent
LOST=0
while read -r template rows; do
  got="$(jq --arg t "tpl-$template" '[.messages[] | select(.errcode == 0 and .templateId == $t)] | length' "$TMP/inbox.json")"
  [ "$got" -ge "$rows" ] || { LOST=$((LOST + rows - got)); log "  $template: $rows sent rows, WeChat received $got"; }
done < <(q "SELECT template, COUNT(*) FROM notify_outbox WHERE status = 'SENT' GROUP BY template")
check "no message lost: $total queued, $sent sent, ${other:-0} not sent; WeChat received $RECEIVED, $LOST missing" \
  test "$total" -gt 0 -a "$sent" = "$total" -a "$LOST" = 0
# at-least-once: a send whose answer was lost during the failover is sent again; counted, not failed
log "duplicates received by WeChat: $((RECEIVED - sent))"
