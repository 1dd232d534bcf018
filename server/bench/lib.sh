# Shared by the benchmark scripts (source it from server/): starts the built jar against the machine's
# MariaDB and Redis with its own database (rs_bench_<name>) and Redis prefix, waits until it answers, and
# on exit stops it, drops the database (unless KEEP_DB is set) and removes its Redis keys.
#   bench_start NAME PORT SANDBOX_PORT [VAR=value ...] [-- jar arguments ...]   sets BASE, DB, PID
WORK=$(mktemp -d)
PID=""
DB=""
PREFIX=""

bench_cleanup() {
  if [ -n "$PID" ]; then
    kill "$PID" 2>/dev/null || true
    wait "$PID" 2>/dev/null || true
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
  local jar
  jar=$(ls target/redstation-server-*.jar 2>/dev/null | grep -v original | head -1)
  [ -n "$jar" ] || { echo "build first: ./mvnw -B -o -q package -DskipTests"; exit 1; }
  DB=${DB_NAME:-rs_bench_$name}
  PREFIX=bench-$name-$$
  BASE=http://127.0.0.1:$port
  mysql -h127.0.0.1 -uroot -e "DROP DATABASE IF EXISTS $DB; CREATE DATABASE $DB CHARACTER SET utf8mb4"
  env DB_URL="jdbc:mysql://127.0.0.1:3306/$DB?useSSL=false&allowPublicKeyRetrieval=true" REDIS_HOST=127.0.0.1 \
    REDSTATION_REDIS_PREFIX="$PREFIX" REDSTATION_EMBEDDED=false WX_SANDBOX_ENABLED=true WX_SANDBOX_PORT="$sandbox_port" \
    SERVER_PORT="$port" REDSTATION_DEMO_DATA=true REDSTATION_TOKEN_SECRET="bench-secret-$$" "${env_vars[@]}" \
    java -Xmx768m -jar "$jar" "${jar_args[@]}" >"$WORK/server.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 180); do curl -sf "$BASE/api/ping" >/dev/null && return 0; sleep 1; done
  tail -50 "$WORK/server.log"
  exit 1
}
