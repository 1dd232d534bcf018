#!/usr/bin/env bash
# Redis failover under load, on this machine (run by ./test.sh after the smoke test; about 3 minutes):
#   a Redis primary, a replica and three Sentinels on their own free ports (Debian's redis-server and
#   redis-sentinel; the machine's Redis is not touched), the WeChat sandbox, and two instances of the production
#   jar in Sentinel mode against a fresh database (dropped at the end). Residents book and cancel seats and
#   members claim and release a shift on both instances; once the load runs, the primary is killed (SIGKILL).
# Checks: the sentinels promote the replica; requests succeed again (a steady stretch without 5xx or unanswered
#   requests); a new login works on both instances; no slot has more bookings than seats and `booked` equals its
#   confirmed rows; the shift's `taken` equals its active claims and never exceeds its seats; every queued
#   subscribe message to the load's users reached WeChat (the sandbox's inbox) and no outbox row reached it twice.
# The message templates are configured as long-term (长期订阅) here, so every message is sendable and "none lost"
#   means "all SENT"; consent accounting is ConsentIT's job. A send whose outcome is unknown (at most once, see the
#   notify README) is counted and must have reached WeChat exactly once too.
# Every wait polls with a deadline; everything started is stopped on every exit (trap). Prints the measured
# numbers (promotion time, error window, messages, duplicates, duration) and "N passed, M failed".
# Settings: SMOKE_DB_HOST/PORT/USER/PASSWORD (127.0.0.1 3306 root ""), FAILOVER_KEEP=1 keeps the temp folder
#   after a failure, FAILOVER_STEADY_SECONDS (10): error-free seconds that count as "resumed".
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
SERVER="$ROOT/server"
DB_HOST="${SMOKE_DB_HOST:-127.0.0.1}"; DB_PORT="${SMOKE_DB_PORT:-3306}"
DB_USER="${SMOKE_DB_USER:-root}"; DB_PASSWORD="${SMOKE_DB_PASSWORD:-}"
STEADY="${FAILOVER_STEADY_SECONDS:-10}"
RUN_ID="$(date +%m%d%H%M%S)_$RANDOM"
DB="rs_failover_$RUN_ID"
TMP="$(mktemp -d /tmp/rs-failover.XXXXXX)"
PIDS=()
PASSED=0; FAILED=0; DB_CREATED=0
STARTED=$SECONDS

. "$ROOT/deploy/test/lib.sh"
die() { bad "$*"; exit 1; }
q() { mysql_ -N -B "$DB" -e "$1"; }

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_all
  [ "$DB_CREATED" = 1 ] && mysql_ -e "DROP DATABASE IF EXISTS \`$DB\`" 2>/dev/null
  if [ "$FAILED" -gt 0 ] || [ "$rc" -ne 0 ]; then
    for f in "$TMP"/*.log; do [ -f "$f" ] && { echo "---- last lines of $(basename "$f")"; tail -n 30 "$f"; }; done
  fi
  if [ "${FAILOVER_KEEP:-0}" = 1 ] && { [ "$FAILED" -gt 0 ] || [ "$rc" -ne 0 ]; }; then
    echo "logs kept in $TMP"
  else
    rm -rf "$TMP"
  fi
  echo "failover: $PASSED passed, $FAILED failed in $((SECONDS - STARTED)) s"
  if [ "$FAILED" -gt 0 ] && [ "$rc" -eq 0 ]; then exit 1; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- what is needed
if ! command -v redis-sentinel >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  log "installing redis-sentinel"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-sentinel >/dev/null 2>&1 \
    || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-sentinel >/dev/null; }
fi
for cmd in java curl jq mysql redis-cli redis-server redis-sentinel openssl python3 unzip; do
  command -v "$cmd" >/dev/null || die "$cmd is not installed (redis-sentinel: apt-get install redis-sentinel)"
done
production_jar || die "no production jar and the build failed"
mysql_ -e "CREATE DATABASE \`$DB\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci" || die "could not create $DB"
DB_CREATED=1

# ---- Redis: primary, replica, three sentinels (quorum 2), with a password, as child processes
RPW="$(openssl rand -hex 16)"
RP=$(free_port); RR=$(free_port); S1=$(free_port); S2=$(free_port); S3=$(free_port)
rcli() { REDISCLI_AUTH="$RPW" redis-cli -h 127.0.0.1 "$@" 2>/dev/null; }
scli() { redis-cli -h 127.0.0.1 -p "$1" "${@:2}" 2>/dev/null; }
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
# ready: the replica is in sync and every sentinel knows the replica and the two other sentinels
redis_ready() {
  rcli -p "$RR" info replication | grep -q 'master_link_status:up' || return 1
  local s
  for s in $S1 $S2 $S3; do
    [ "$(scli "$s" sentinel master mymaster | sed -n '/^num-other-sentinels$/{n;p}')" = 2 ] || return 1
    [ "$(scli "$s" sentinel master mymaster | sed -n '/^num-slaves$/{n;p}')" = 1 ] || return 1
  done
}
end=$((SECONDS + 60)); until redis_ready || [ $SECONDS -ge $end ]; do sleep 0.5; done
master_port() { scli "$1" sentinel get-master-addr-by-name mymaster | sed -n 2p; }
check "primary :$RP, replica :$RR in sync, three sentinels know each other" redis_ready
[ "$(master_port "$S1")" = "$RP" ] || die "the sentinels do not name :$RP as the primary"

# ---- the sandbox (long-term templates: every message is sendable) and two instances in Sentinel mode
SB=$(free_port); P1=$(free_port); P2=$(free_port)
# every subscribe template the jar configures (WX_TPL_*: default id tpl-<key>): the load's messages and those
# of the scheduled jobs on the demo data (reminders and the like)
TEMPLATES="$(unzip -p "$JAR" BOOT-INF/classes/application.yml | sed -n 's/^ *\([a-z0-9-]*\): \${WX_TPL_[A-Z0-9_]*:tpl-[a-z0-9-]*}.*/\1/p' | tr '\n' ' ' | sed 's/ *$//')"
[ -n "$TEMPLATES" ] || die "no subscribe templates found in the jar's application.yml"
export WX_MA_APPID="wxfailover$RANDOM" WX_MA_SECRET="ma-secret-$RUN_ID" WX_MP_APPID="wxfailovermp$RANDOM" WX_MP_SECRET="mp-secret-$RUN_ID"
WX_SANDBOX_PORT="$SB" java -Xmx128m -cp "$SERVER/target/test-classes:$SERVER/target/classes:$(cat "$SERVER/target/dev-classpath.txt")" \
  org.redstation.wechat.sandbox.SandboxMain >"$TMP/sandbox.log" 2>&1 </dev/null &
PIDS+=($!)
end=$((SECONDS + 60)); until curl -sf -m 2 -o /dev/null "http://127.0.0.1:$SB/sandbox" || [ $SECONDS -ge $end ]; do sleep 0.5; done
for t in $TEMPLATES; do
  curl -sf -m 5 -o /dev/null -X POST "http://127.0.0.1:$SB/sandbox/control" -H 'Content-Type: application/json' \
    --data "{\"action\":\"long-term-template\",\"templateId\":\"tpl-$t\",\"longTerm\":true}" || die "the sandbox did not start"
done
ADMIN_PASSWORD="Failover-$(openssl rand -hex 8)"; TOKEN_SECRET="$(openssl rand -hex 32)"
start_instance() { # start_instance <n> <port>
  env SPRING_PROFILES_ACTIVE=prod SERVER_PORT="$2" REDSTATION_INSTANCE="failover-$1" \
    DB_URL="jdbc:mysql://$DB_HOST:$DB_PORT/$DB?useUnicode=true&characterEncoding=utf8&useSSL=false&allowPublicKeyRetrieval=true&connectionTimeZone=LOCAL" \
    DB_USER="$DB_USER" DB_PASSWORD="$DB_PASSWORD" DB_POOL_SIZE=12 \
    REDIS_HOST=127.0.0.1 REDIS_PORT="$RP" REDIS_PASSWORD="$RPW" \
    SPRING_DATA_REDIS_SENTINEL_MASTER=mymaster SPRING_DATA_REDIS_SENTINEL_NODES="127.0.0.1:$S1,127.0.0.1:$S2,127.0.0.1:$S3" \
    REDSTATION_REDIS_PREFIX="rs-failover-$RUN_ID" REDSTATION_TOKEN_SECRET="$TOKEN_SECRET" REDSTATION_DEMO_DATA=true \
    REDSTATION_ADMIN_USERNAME=failoveradmin REDSTATION_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
    WX_API_HOST="http://127.0.0.1:$SB" WX_MP_TOKEN="mp-token-$RUN_ID" WX_TPL_LONG_TERM="${TEMPLATES// /,}" \
    REDSTATION_NOTIFY_POLL=2s REDSTATION_NOTIFY_RETRYBASE=2s REDSTATION_NOTIFY_RETRY_MAX_DELAY=10s \
    REDSTATION_RATE_MINI_LOGIN_IP=100000 REDSTATION_RATE_STAFF_LOGIN_IP=1000 \
    REDSTATION_RATE_BOOKINGS_PER_DAY=100000 REDSTATION_RATE_WAITLIST_PER_DAY=100000 \
    java -Xms64m -Xmx384m -XX:TieredStopAtLevel=1 -Djava.io.tmpdir="$TMP" -jar "$JAR" >"$TMP/instance$1.log" 2>&1 </dev/null &
  PIDS+=($!)
}
log "starting instance 1 on :$P1 (Sentinel mode, database $DB)"
start_instance 1 "$P1"; wait_healthy "$P1" "${PIDS[-1]}" 240 || die "instance 1 did not become healthy"
log "starting instance 2 on :$P2"
start_instance 2 "$P2"; wait_healthy "$P2" "${PIDS[-1]}" 240 || die "instance 2 did not become healthy"
ok "two instances up in Sentinel mode"

# ---- the load: runs on both instances until $TMP/stop appears (or 240 s), progress in $TMP/progress.json
python3 - "$P1" "$P2" "$ADMIN_PASSWORD" "$RUN_ID" "$TMP" >"$TMP/load.log" 2>&1 </dev/null <<'PY' &
import datetime, json, os, random, sys, threading, time, urllib.error, urllib.request
p1, p2, admin_pw, run_id, tmp = sys.argv[1:6]
bases = [f"http://127.0.0.1:{p1}", f"http://127.0.0.1:{p2}"]
def call(method, url, body=None, token=None, timeout=20):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method)
    if body is not None: req.add_header("Content-Type", "application/json")
    if token: req.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, json.loads(r.read() or b"null")
    except urllib.error.HTTPError as e:
        try: return e.code, json.loads(e.read() or b"null")
        except Exception: return e.code, None
    except Exception as e:
        return 0, str(e)
def must(what, s, b, want=(200, 201)):
    if s not in want: raise SystemExit(f"setup: {what} answered {s} {b}")
    return b
def login(code, base=bases[0]):
    return must("login " + code, *call("POST", base + "/api/auth/login", {"code": code}))["token"]
# setup (before the kill): administrator, station, slots, residents, approved members, a 3-seat shift
b = must("staff login", *call("POST", bases[0] + "/api/staff/auth/login", {"username": "failoveradmin", "password": admin_pw}))
admin = b["token"]
if b.get("passwordChangeRequired"):
    must("password change", *call("POST", bases[0] + "/api/staff/auth/password",
         {"currentPassword": admin_pw, "newPassword": admin_pw + "-2"}, admin), want=(204,))
view = must("station", *call("GET", bases[0] + "/api/stations/scan?scene=st%3DCY01"))
station, community = view["station"]["id"], view["station"]["communityId"]
slots, end = [], time.time() + 90
while not slots and time.time() < end:  # slots are materialised by a job right after start
    page = call("GET", f"{bases[0]}/api/booking/stations/{station}/slots")[1] or {}
    slots = [s for d in page.get("days", []) for s in d["slots"] if s["seatsLeft"] > 0 and s["services"]][:3]
    if not slots: time.sleep(1)
if not slots: raise SystemExit("setup: no bookable slots")
residents = [login(f"fo-res-{run_id}-{i}", bases[i % 2]) for i in range(40)]
members = []
for i in range(8):
    t = login(f"fo-mem-{run_id}-{i}")
    org = must("orgs", *call("GET", f"{bases[0]}/api/member/orgs?communityId={community}", token=t))[0]["id"]
    mid = must("registration", *call("POST", bases[0] + "/api/member/registration", {"communityId": community, "orgId": org,
               "name": "故障演练", "phoneCode": "phone-13800000001", "workplace": "襄阳"}, t))["id"]
    must("approval", *call("POST", f"{bases[0]}/api/staff/members/{mid}/approve", token=admin))
    members.append(t)
# the load's users: "no message lost" is about their messages (the demo data's users are no WeChat users)
with open(tmp + "/users.txt", "w") as f:
    for t in residents + members:
        f.write(str(must("me", *call("GET", bases[0] + "/api/me", token=t))["id"]) + "\n")
day = (datetime.date.today() + datetime.timedelta(days=3)).isoformat()
shift = must("shift", *call("POST", bases[0] + "/api/staff/duty/shifts", {"stationId": station, "date": day,
             "start": "18:00", "end": "19:00", "seats": 3, "roleName": "故障演练"}, admin))["id"]

events, lock = [], threading.Lock()  # (epoch seconds, status) of every request under load
t0 = time.time()
def running():
    return not os.path.exists(tmp + "/stop") and time.time() - t0 < 240
def record(status):
    with lock: events.append((time.time(), status))
def booker(i):
    # each thread owns its residents: book, then cancel (until done), so seats keep changing hands
    mine = {tok: None for tok in residents[i::6]}
    while running():
        for tok, held in list(mine.items()):
            if not running(): break
            base = random.choice(bases)
            if held:
                s, _ = call("POST", f"{base}/api/booking/bookings/{held}/cancel", None, tok)
                if s in (200, 409): mine[tok] = None
            else:
                slot = random.choice(slots)
                s, b = call("POST", base + "/api/booking/bookings", {"stationId": station, "slotId": slot["id"],
                            "serviceId": slot["services"][0]["id"]}, tok)
                if s == 201: mine[tok] = b["id"]
            record(s)
            time.sleep(0.02)
def claimer(i):
    tok, holding = members[i], False
    while running():
        base = random.choice(bases)
        if holding:
            s, _ = call("POST", f"{base}/api/duty/shifts/{shift}/release", None, tok)
            if s in (200, 404): holding = False
        else:
            s, _ = call("POST", f"{base}/api/duty/shifts/{shift}/claim", None, tok)
            if s == 200: holding = True
        record(s)
        time.sleep(0.05)
def progress():
    while running():
        now = time.time()
        with lock:
            ok = sum(1 for _, s in events if 200 <= s < 300)
            errs = [t for t, s in events if s == 0 or s >= 500]
            recent_ok = [t for t, s in events[-5000:] if 200 <= s < 300 and t > now - 60]
        state = {"now": now, "ok": ok, "errors": len(errs), "last_error": max(errs) if errs else 0, "recent_ok": recent_ok}
        with open(tmp + "/progress.tmp", "w") as f: json.dump(state, f)
        os.replace(tmp + "/progress.tmp", tmp + "/progress.json")
        time.sleep(0.5)
threads = [threading.Thread(target=booker, args=(i,)) for i in range(6)] + \
          [threading.Thread(target=claimer, args=(i,)) for i in range(len(members))]
print("load starts", flush=True)
reporter = threading.Thread(target=progress); reporter.start()
for t in threads: t.start()
for t in threads: t.join()
reporter.join()
# after the load: a new login and a call on each instance
after = []
for base in bases:
    s, b = call("POST", base + "/api/auth/login", {"code": f"fo-after-{run_id}-{base[-5:]}"})
    after.append(call("GET", base + "/api/me", token=b["token"])[0] if s == 200 else s)
json.dump({"events": events, "after": after, "slots": [s["id"] for s in slots], "shift": shift}, open(tmp + "/load.json", "w"))
print("load done", flush=True)
PY
LOAD_PID=$!; PIDS+=($LOAD_PID)
prog() { jq -r "$1" "$TMP/progress.json" 2>/dev/null; }
# warm: the load has run a while (200 answered requests) before the primary is killed
end=$((SECONDS + 240))
until [ "$(prog '.ok // 0')" -ge 200 ] 2>/dev/null || [ $SECONDS -ge $end ] || ! kill -0 $LOAD_PID 2>/dev/null; do sleep 0.5; done
[ "$(prog '.ok // 0')" -ge 200 ] 2>/dev/null || die "the load did not get going"
BEFORE_ERRORS="$(prog .errors)"

log "killing the Redis primary (pid $PRIMARY_PID, :$RP) under load"
kill -9 "$PRIMARY_PID"; wait "$PRIMARY_PID" 2>/dev/null
KILLED_AT="$(date +%s.%N)"; KILLED_S=$SECONDS
end=$((SECONDS + 60))
until { [ "$(master_port "$S1")" = "$RR" ] && [ "$(master_port "$S2")" = "$RR" ]; } || [ $SECONDS -ge $end ]; do sleep 0.2; done
PROMOTED_AT="$(date +%s.%N)"
PROMOTE_S="$(python3 -c "print(round($PROMOTED_AT - $KILLED_AT, 1))")"
check "the sentinels promoted the replica :$RR ($PROMOTE_S s after the kill)" test "$(master_port "$S1")" = "$RR"

# resumed: $STEADY seconds without an error (5xx or no answer) since the kill or the last error, with requests
# succeeding all along (at least 20, the newest less than 3 s old: not merely hanging)
resumed() {
  python3 - "$TMP/progress.json" "$KILLED_AT" "$STEADY" <<'PY'
import json, sys
p = json.load(open(sys.argv[1])); killed, steady = float(sys.argv[2]), float(sys.argv[3])
since = max(killed, p["last_error"])
oks = [t for t in p["recent_ok"] if t > since]
sys.exit(0 if p["now"] - since >= steady and len(oks) >= 20 and p["now"] - max(oks) < 3 else 1)
PY
}
end=$((SECONDS + 150))
until resumed || [ $SECONDS -ge $end ] || ! kill -0 $LOAD_PID 2>/dev/null; do sleep 1; done
check "service resumed: ${STEADY} s of load without errors after the failover" resumed
touch "$TMP/stop"
end=$((SECONDS + 90))
while kill -0 $LOAD_PID 2>/dev/null && [ $SECONDS -lt $end ]; do sleep 0.5; done
check "the load ran to its end" test -s "$TMP/load.json"
[ -s "$TMP/load.json" ] || exit 1

# what the clients saw around the kill
read -r ERRORS WINDOW OK_AFTER CODES < <(python3 - "$TMP/load.json" "$KILLED_AT" <<'PY'
import collections, json, sys
d = json.load(open(sys.argv[1])); killed = float(sys.argv[2])
after = [(t, s) for t, s in d["events"] if t >= killed]
errs = [t for t, s in after if s == 0 or s >= 500]
codes = collections.Counter(str(s) for t, s in after if s == 0 or s >= 500)
window = round(max(errs) - min(errs), 1) if errs else 0
print(len(errs), window, sum(1 for t, s in after if 200 <= s < 300), ",".join(f"{k}x{v}" for k, v in sorted(codes.items())) or "-")
PY
)
log "after the kill: $ERRORS requests failed ($CODES) within ${WINDOW} s; $OK_AFTER succeeded"
[ "$BEFORE_ERRORS" = 0 ] || log "note: $BEFORE_ERRORS requests failed before the kill (a loaded machine)"
check "a new login works on both instances after the failover" test "$(jq -c .after "$TMP/load.json")" = "[200,200]"

# ---- invariants in the database
for slot in $(jq -r '.slots[]' "$TMP/load.json"); do
  read -r cap booked rows < <(q "SELECT s.capacity, s.booked, (SELECT COUNT(*) FROM booking b WHERE b.slot_id = s.id AND b.status = 'CONFIRMED') FROM booking_slot s WHERE s.id = $slot")
  check "slot $slot: $rows confirmed = booked $booked <= capacity $cap" test "$rows" = "$booked" -a "$booked" -le "$cap"
done
SHIFT="$(jq -r .shift "$TMP/load.json")"
read -r seats taken active < <(q "SELECT seats, taken, (SELECT COUNT(*) FROM duty_claim c WHERE c.shift_id = s.id AND c.status = 'ACTIVE') FROM duty_shift s WHERE s.id = $SHIFT")
check "shift $SHIFT: taken $taken = active claims $active <= seats $seats" test "$taken" = "$active" -a "$taken" -le "$seats"

# ---- messages: all sent (retries after the failover included), each outbox row delivered once
end=$((SECONDS + 120))
until [ "$(q "SELECT COUNT(*) FROM notify_outbox WHERE status IN ('PENDING','SENDING')")" = 0 ] || [ $SECONDS -ge $end ]; do sleep 1; done
check "the outbox drained (no PENDING or SENDING row left)" \
  test "$(q "SELECT COUNT(*) FROM notify_outbox WHERE status IN ('PENDING','SENDING')")" = 0
q "SELECT u.openid, o.status, o.last_error LIKE 'outcome unknown%', o.attempts, o.user_id FROM notify_outbox o JOIN app_user u ON u.id = o.user_id" >"$TMP/outbox.tsv" \
  || die "could not read the outbox"
curl -sf -m 30 "http://127.0.0.1:$SB/sandbox/inbox?type=subscribe" >"$TMP/inbox.json" || die "could not read the sandbox's inbox"
read -r TOTAL SENT UNKNOWN RETRIED OTHER DELIVERED LOST DUPLICATES DEMO < <(python3 - "$TMP/outbox.tsv" "$TMP/inbox.json" "$TMP/users.txt" <<'PY'
import collections, json, sys
everything = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
inbox = [m for m in json.load(open(sys.argv[2]))["messages"] if m["errcode"] == 0]
load_users = set(l.strip() for l in open(sys.argv[3]) if l.strip())
rows = [r for r in everything if r[4] in load_users]
# the scheduled jobs' messages to the demo data's users (not WeChat users: 40003): only counted
demo = len(everything) - len(rows)
inbox_demo = set(r[0] for r in everything if r[4] not in load_users)
inbox = [m for m in inbox if m["touser"] not in inbox_demo]
# each SENT row reached WeChat at least once and each unknown one at most once, so per recipient:
# delivered > sent + unknown means a row delivered twice; delivered < sent means a message lost
sent, unknown, delivered = collections.Counter(), collections.Counter(), collections.Counter(m["touser"] for m in inbox)
for openid, status, unk, attempts, _ in rows:
    if status == "SENT": sent[openid] += 1
    elif status == "FAILED" and unk == "1": unknown[openid] += 1
users = set(sent) | set(unknown) | set(delivered)
lost = sum(max(0, sent[u] - delivered[u]) for u in users)
dup = sum(max(0, delivered[u] - sent[u] - unknown[u]) for u in users)
other = len(rows) - sum(sent.values()) - sum(unknown.values())
retried = sum(1 for r in rows if int(r[3]) > 1)
print(len(rows), sum(sent.values()), sum(unknown.values()), retried, other, len(inbox), lost, dup, demo)
PY
)
[ -n "${DEMO:-}" ] || die "the message analysis failed"
log "messages to the load's users: $TOTAL queued, $SENT sent ($RETRIED after a retry), $UNKNOWN with unknown outcome, $OTHER other; WeChat received $DELIVERED (and $DEMO rows of the demo data's users, who are no WeChat users)"
[ "$OTHER" = 0 ] || q "SELECT status, template, COUNT(*), MAX(last_error) FROM notify_outbox WHERE status <> 'SENT' AND user_id IN ($(paste -sd, "$TMP/users.txt")) GROUP BY status, template" \
  | while IFS=$'\t' read -r st tpl n err; do log "  not sent: $n $tpl $st ($err)"; done
check "no message lost: every queued message sent ($TOTAL queued, $OTHER not sent, $LOST missing at WeChat)" \
  test "$TOTAL" -gt 0 -a "$OTHER" = 0 -a "$LOST" = 0
check "no outbox row delivered twice ($DUPLICATES duplicates)" test "$DUPLICATES" = 0
log "measured: promotion ${PROMOTE_S} s, errors for ${WINDOW} s ($ERRORS requests), $DELIVERED messages, $DUPLICATES duplicates"
