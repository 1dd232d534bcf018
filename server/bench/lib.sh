# Shared by the benchmark scripts (source it from server/): starts the built jar against the machine's
# MariaDB and Redis with its own database (rs_bench_<name>) and Redis prefix, waits until it answers, and
# on exit stops it, drops the database (unless KEEP_DB is set) and removes its Redis keys.
#   bench_start NAME PORT SANDBOX_PORT [VAR=value ...] [-- jar arguments ...]   sets BASE, DB, PID, JAR, HEALTHY_MS
#                              (BENCH_JAVA_OPTS: more JVM options for the server, e.g. a JFR recording:
#                              -XX:StartFlightRecording=filename=/tmp/x.jfr,settings=profile)
#   bench_raw MODE ARGS…       the raw ceiling (bench/RawTx.java over JDBC, no server) on the same database
#   bench_heap                 "heap used=…MB committed=…MB rss=…MB" of the running jar (jcmd GC.heap_info)
#   bench_load                 the 1-minute load average (the machine is shared: print it next to the figures)
#   bench_warm ARGS…           wrk runs (WARMUP, 10s) of a measured scenario right before it, not counted, each followed by
#                              bench_settle, until the scenario is steady: a round left nothing to compile and its rate
#                              rose by less than 5% over the round before (at most WARM_ROUNDS, 6). The measured run is
#                              not the compiler's warm-up (its threads took ~14% of the machine during an unwarmed
#                              refusal run, and a refusal path half-compiled ran at half its compiled rate).
#                              WARM_EACH: a function run before each round (a booking round needs slots of its own);
#                              WARM_SCRAPE=1: each round follows a /actuator/prometheus scrape, as the measured run does
#                              when it counts its batches (bench_batch): a scrape right before a run once deoptimised
#                              the JIT's code of Spring MVC's shared path (another handler, another converter), and the
#                              measured booking run spent 1.0-1.5 s of its 10 s recompiling it
#   bench_settle               waits until the JIT has compiled what the last run queued
#   bench_jit_cpu, bench_ticks_ms   the JIT compiler threads' CPU ticks so far; ticks between two readings in ms
#   bench_drain                waits until the outbox has sent what the previous run enqueued, so that one run's
#                              background sends do not land in the next run's figures
WORK=$(mktemp -d)
PID=""
SANDBOX_PID=""
DB=""
PREFIX=""

bench_cleanup() {
  if [ -n "$PID" ]; then
    kill "$PID" 2>/dev/null || true
    wait "$PID" 2>/dev/null || true
  fi
  if [ -n "$SANDBOX_PID" ]; then
    kill "$SANDBOX_PID" 2>/dev/null || true
    wait "$SANDBOX_PID" 2>/dev/null || true
  fi
  if [ -n "$DB" ] && [ -z "${KEEP_DB:-}" ]; then
    mysql -h127.0.0.1 -uroot -e "DROP DATABASE IF EXISTS $DB" || true
  fi
  if [ -n "$PREFIX" ]; then
    redis-cli --scan --pattern "$PREFIX:*" 2>/dev/null | xargs -r -n 500 redis-cli del >/dev/null 2>&1 || true
  fi
  rm -rf "$WORK"
}
trap bench_cleanup EXIT

bench_start() {
  local name=$1 port=$2 sandbox_port=$3
  shift 3
  local env_vars=() jar_args=()
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do env_vars+=("$1"); shift; done
  [ "${1:-}" = "--" ] && shift
  jar_args=("$@")
  command -v wrk >/dev/null || { echo "wrk missing (apt-get install -y wrk)"; exit 1; }
  local jar t0
  jar=$(ls target/redstation-server-*.jar 2>/dev/null | grep -v original | head -1)
  [ -n "$jar" ] || { echo "build first: ./mvnw -B -o -q package -DskipTests"; exit 1; }
  # the production jar holds no WeChat sandbox (src/dev): it runs as its own process, from the test classes
  [ -f target/dev-classpath.txt ] && [ -d target/test-classes/org/redstation/wechat/sandbox ] \
    || { echo "build the test classes too: ./mvnw -B -o -q -Dconsole.skip package -DskipTests"; exit 1; }
  WX_SANDBOX_PORT="$sandbox_port" java -Xmx128m -cp "target/test-classes:target/classes:$(cat target/dev-classpath.txt)" \
    org.redstation.wechat.sandbox.SandboxMain >"$WORK/sandbox.log" 2>&1 </dev/null &
  SANDBOX_PID=$!
  DB=${DB_NAME:-rs_bench_$name}
  PREFIX=bench-$name-$$
  BASE=http://127.0.0.1:$port
  mysql -h127.0.0.1 -uroot -e "DROP DATABASE IF EXISTS $DB; CREATE DATABASE $DB CHARACTER SET utf8mb4"
  env DB_URL="jdbc:mysql://127.0.0.1:3306/$DB?useSSL=false&allowPublicKeyRetrieval=true" REDIS_HOST=127.0.0.1 \
    REDSTATION_REDIS_PREFIX="$PREFIX" REDSTATION_EMBEDDED=false REDSTATION_ALLOW_SANDBOX=true REDSTATION_RATE_ENABLED=false \
    WX_API_HOST="http://127.0.0.1:$sandbox_port" \
    SERVER_PORT="$port" REDSTATION_DEMO_DATA=true REDSTATION_TOKEN_SECRET="bench-secret-$$" "${env_vars[@]}" \
    java -Xmx768m ${BENCH_JAVA_OPTS:-} -jar "$jar" "${jar_args[@]}" >"$WORK/server.log" 2>&1 &
  PID=$!
  JAR=$jar
  t0=$(date +%s%N)
  for _ in $(seq 1 150); do # the sandbox first (it starts in a few seconds)
    curl -s -o /dev/null "http://127.0.0.1:$sandbox_port/" 2>/dev/null && break
    kill -0 "$SANDBOX_PID" 2>/dev/null || { cat "$WORK/sandbox.log"; exit 1; }
    sleep 0.2
  done
  for _ in $(seq 1 900); do
    if curl -sf "$BASE/actuator/health" 2>/dev/null | grep -q UP; then
      HEALTHY_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
      echo "START healthy after ${HEALTHY_MS} ms (process start to /actuator/health UP; load $(bench_load))"
      return 0
    fi
    kill -0 "$PID" 2>/dev/null || break
    sleep 0.2
  done
  tail -50 "$WORK/server.log"
  exit 1
}

bench_load() { cut -d' ' -f1 /proc/loadavg; }

# CPU time the server process has used so far, in clock ticks (user + system, /proc/PID/stat fields 14 and 15).
# Read around a run: the server's CPU per request depends far less on this VM's neighbours than requests per second.
bench_cpu() { awk '{print $14 + $15}' "/proc/$PID/stat"; }
# CPU ticks of the server's JIT compiler threads so far
bench_jit_cpu() {
  for t in /proc/"$PID"/task/*; do case "$(cat "$t/comm" 2>/dev/null)" in C1*|C2*) awk '{print $14 + $15}' "$t/stat";; esac; done \
  | awk '{s += $1} END {print s + 0}'; }
bench_ticks_ms() { echo $(( ($2 - $1) * 1000 / $(getconf CLK_TCK) )); } # TICKS_BEFORE TICKS_AFTER -> ms
# µs of server CPU per request: TICKS_BEFORE TICKS_AFTER REQUESTS
bench_cpu_per() { awk -v a="$1" -v b="$2" -v n="$3" -v hz="$(getconf CLK_TCK)" 'BEGIN { if (n > 0) printf "%.0f", (b - a) * 1e6 / hz / n; else print "-" }'; }

# requests per batch of the slots' or shifts' lines (redstation.line.batch.size, kind booking or duty): KIND prints
# "sum count"; KIND "sum count" (an earlier reading) prints the mean since then
bench_batch() {
  curl -s "$BASE/actuator/prometheus" | awk -v k="kind=\"$1\"" -v before="${2:-}" '
    index($0, "redstation_line_batch_size_sum{") == 1 && index($0, k) { s = $NF }
    index($0, "redstation_line_batch_size_count{") == 1 && index($0, k) { c = $NF }
    END { if (before == "") { print s + 0, c + 0; exit }
          split(before, b, " "); s -= b[1]; c -= b[2]
          if (c > 0) printf "%.1f requests per batch over %d batches", s / c, c; else print "no batches" }'
}

bench_warm() { # wrk arguments after -t/-c, e.g. -s script.lua "$BASE"
  local round rate prev="" rates="" settled
  for round in $(seq 1 "${WARM_ROUNDS:-6}"); do
    [ -z "${WARM_EACH:-}" ] || "$WARM_EACH" "$round"
    [ -z "${WARM_SCRAPE:-}" ] || curl -s -o /dev/null "$BASE/actuator/prometheus"
    rate=$(wrk -t"$WRK_THREADS" -c"${CONNECTIONS:-32}" -d"${WARMUP:-10s}" "$@" | awk '/Requests\/sec/ {print int($2)}')
    rates="$rates${rates:+ }${rate:-0}"
    bench_settle && settled=1 || settled=0
    # steady: nothing was left to compile and the rate rose by less than 5% over the round before
    if [ "$settled" = 1 ] && [ -n "$prev" ] && [ "${rate:-0}" -lt $(( prev * 105 / 100 )) ]; then
      echo "warm-up: $round rounds of ${WARMUP:-10s} (req/s: $rates), steady"
      return 0
    fi
    prev=${rate:-0}
  done
  echo "warm-up: $round round(s) of ${WARMUP:-10s} (req/s: $rates)"
}

# Returns 0 when the JIT had nothing queued, 1 after waiting (up to 30 s) for what the last run queued. Under load its
# one C2 thread gets a fiftieth of the machine next to the request threads, so a warm-up leaves a hundred or more hot
# methods queued (seen: 141) and the next run would measure them interpreted or half-compiled; idle, the queue drains
# in a few seconds, and the next round of the same load queues the next tier of the same path.
bench_settle() {
  local i queued=0
  for i in $(seq 1 60); do
    # the method being compiled and the queued ones (jcmd prints the pid, then "Current compiles:" and two queues)
    queued=$(jcmd "$PID" Compiler.queue 2>/dev/null | awk 'NR > 1 && NF > 0 && !/^Current compiles:|compile queue:|^Empty/ {n++} END {print n + 0}')
    if [ "$queued" = 0 ]; then
      [ "$i" = 1 ] && return 0
      return 1
    fi
    sleep 0.5
  done
  echo "the JIT still had $queued methods queued after 30 s"
  return 1
}

# The server writes next_attempt_at in the district's local time (redstation.zone, Asia/Shanghai: UTC+8, no daylight
# saving), the database's NOW() is the machine's zone: compared with NOW() on a UTC machine every pending row looked
# 8 hours away, so "drained" came at once while thousands of confirmations were still being sent (a tenth of the
# server's samples in the refusal run that followed).
BENCH_ZONE_NOW=${BENCH_ZONE_NOW:-"UTC_TIMESTAMP(3) + INTERVAL 8 HOUR"}
bench_drain() {
  local due=1 i first="" t0
  t0=$(date +%s%N)
  for i in $(seq 1 240); do
    due=$(mysql -h127.0.0.1 -uroot -N -e "SELECT COUNT(*) FROM $DB.notify_outbox WHERE status = 'SENDING' OR (status = 'PENDING' AND next_attempt_at <= $BENCH_ZONE_NOW)")
    first=${first:-$due}
    if [ "$due" = 0 ]; then
      # how fast the outbox sends with nothing else running: the messages due at the start over the time they took
      awk -v n="$first" -v ms="$(( ($(date +%s%N) - t0) / 1000000 ))" \
        'BEGIN { printf "outbox drained (%.0f s", ms / 1000; if (n > 0 && ms > 0) printf ", %d messages, %.0f/s", n, n * 1000 / ms; print ")" }'
      return 0
    fi
    sleep 0.5
  done
  echo "outbox still has $due rows due after 120 s (the figures below include their sending)"
}

bench_heap() {
  local info used committed rss
  info=$(jcmd "$PID" GC.heap_info 2>/dev/null | head -2 | tr '\n' ' ')
  used=$(echo "$info" | grep -o 'used [0-9]*K' | head -1 | tr -dc 0-9)
  committed=$(echo "$info" | grep -o 'total [0-9]*K' | head -1 | tr -dc 0-9)
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$PID/status" 2>/dev/null)
  echo "heap used=$(( ${used:-0} / 1024 ))MB committed=$(( ${committed:-0} / 1024 ))MB rss=$(( ${rss:-0} / 1024 ))MB"
}

# The raw ceiling: the same transaction shape straight over JDBC with the driver the built jar ships.
bench_raw() {
  local driver
  driver=$(ls "$WORK"/mysql-connector-j-*.jar 2>/dev/null | head -1 || true)
  if [ -z "$driver" ]; then
    (cd "$WORK" && unzip -o -j -q "$OLDPWD/$JAR" 'BOOT-INF/lib/mysql-connector-j-*.jar')
    driver=$(ls "$WORK"/mysql-connector-j-*.jar | head -1)
  fi
  java -cp "$driver" bench/RawTx.java "$1" "jdbc:mysql://127.0.0.1:3306/$DB?useSSL=false&allowPublicKeyRetrieval=true" "${@:2}"
}

# The bootstrap administrator must change its initial password before any other staff call (the token stays valid).
bench_first_password() { # TOKEN CURRENT_PASSWORD
  curl -s -o /dev/null -X POST "$BASE/api/staff/auth/password" -H "Authorization: Bearer $1" \
    -H 'Content-Type: application/json' -d "{\"currentPassword\":\"$2\",\"newPassword\":\"$2-changed\"}" || true
}

# Logs N residents in (bench-<name>-1..N) through the sandbox, 8 at a time, each try bounded (no stall on a dead
# server); writes their tokens to $WORK/tokens.txt and stops the run when fewer than 95% logged in.
bench_residents() { # NAME N
  local name=$1 n=$2 got
  seq 1 "$n" | xargs -P 8 -I{} curl -sf --max-time 20 --retry 3 --retry-delay 1 --retry-all-errors -X POST "$BASE/api/auth/login" \
    -H 'Content-Type: application/json' -d "{\"code\":\"bench-$name-{}\"}" -o "$WORK/login-{}.json" || true
  for i in $(seq 1 "$n"); do [ -f "$WORK/login-$i.json" ] && grep -o '"token":"[^"]*' "$WORK/login-$i.json" | cut -d'"' -f4; done \
    | grep -v '^$' > "$WORK/tokens.txt" || true
  rm -f "$WORK"/login-*.json
  got=$(wc -l < "$WORK/tokens.txt")
  echo "$got residents logged in"
  if [ "$got" -lt $(( n * 95 / 100 )) ]; then
    echo "too few logins: see the server log"; grep -E 'WARN|ERROR' "$WORK/server.log" | tail -20; exit 1
  fi
}
