# Shared by smoke.sh and failover.sh: counted checks and the teardown of the processes a test started.
# The caller sets PASSED, FAILED, PIDS and DB_HOST/DB_PORT/DB_USER/DB_PASSWORD before using them.

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*"; }
ok() { PASSED=$((PASSED + 1)); log "ok   $*"; }
bad() { FAILED=$((FAILED + 1)); log "FAIL $*"; }
check() { # check "what" <command...>: passes when the command succeeds
  local what="$1"; shift
  if "$@"; then ok "$what"; else bad "$what"; fi
}
mysql_() { MYSQL_PWD="$DB_PASSWORD" mysql -h "$DB_HOST" -P "$DB_PORT" -u "$DB_USER" --connect-timeout=5 "$@"; }

# Stops every process in PIDS, newest first: TERM, up to 10 s to exit, then KILL.
stop_all() {
  local i p
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do kill "${PIDS[$i]}" 2>/dev/null; done
  for p in "${PIDS[@]}"; do
    for _ in $(seq 1 40); do kill -0 "$p" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$p" 2>/dev/null
  done
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# wait_healthy <port> <pid> <seconds>: polls the instance's health until UP, its process ends, or the deadline
wait_healthy() {
  local end=$((SECONDS + $3))
  while [ $SECONDS -lt $end ]; do
    curl -sf -m 3 "http://127.0.0.1:$1/actuator/health" 2>/dev/null | grep -q '"UP"' && return 0
    kill -0 "$2" 2>/dev/null || return 1
    sleep 1
  done
  return 1
}

# The production jar in JAR: the one server/target already holds (./test.sh's `mvnw verify` builds it before the
# deployment tests, so they share one build), built here only when it or the sandbox's classpath is missing.
# The caller sets SERVER and TMP.
production_jar() {
  JAR="$(ls "$SERVER"/target/redstation-server-*.jar 2>/dev/null | grep -v '\.original$' | head -1)"
  if [ -z "$JAR" ] || [ ! -f "$SERVER/target/dev-classpath.txt" ] || [ ! -d "$SERVER/target/test-classes" ]; then
    log "building the production jar and the sandbox classpath (mvnw package -DskipTests)"
    (cd "$SERVER" && ./mvnw -B -q -ntp package -DskipTests) >"$TMP/build.log" 2>&1 || return 1
    JAR="$(ls "$SERVER"/target/redstation-server-*.jar | grep -v '\.original$' | head -1)"
  fi
  [ -f "$JAR" ]
}
