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
