#!/usr/bin/env bash
# Runs every test of the project: the mini-program's checks and tests, then the server's tests
# (against the MariaDB/Redis at 127.0.0.1:3306 / :6379, or embedded ones when none answers), then the
# deployment smoke test (the production jar just built, two instances behind nginx; needs MariaDB/MySQL,
# Redis and nginx on this machine) and the Redis failover test (the same jar; a Redis primary, replica and three
# Sentinels of its own, Debian's redis-sentinel).
set -euo pipefail
cd "$(dirname "$0")"

# The console's browser tests (server ConsoleBrowserIT) drive Debian's Chromium; a CJK font makes Chinese readable
# in their screenshots. Installed here only when missing (needs root and apt-get; otherwise those tests skip).
need_pkgs=()
command -v chromium >/dev/null 2>&1 || need_pkgs+=(chromium)
fc-list :lang=zh 2>/dev/null | grep -q . || need_pkgs+=(fonts-wqy-microhei)
# the failover test's Sentinels
command -v redis-sentinel >/dev/null 2>&1 || need_pkgs+=(redis-sentinel)
if [ ${#need_pkgs[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "== installing ${need_pkgs[*]} (console's browser tests, failover test) =="
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_pkgs[@]}" >/dev/null
  else
    echo "WARNING: ${need_pkgs[*]} missing and cannot be installed here: the console's browser tests will be skipped (and the failover test fails without redis-sentinel)"
  fi
fi

echo "== mini-program: lint, typecheck, wcc/wcsc compile, jest =="
(
  cd miniprogram
  [ -d node_modules ] || npm ci --no-audit --no-fund
  npm run ci
)

echo "== server: unit, integration and module tests =="
(
  cd server
  ./mvnw -B -ntp verify
)

echo "== deployment smoke test: production jar, two instances, sandbox, nginx =="
bash deploy/test/smoke.sh

echo "== deployment failover test: Redis primary killed under load, Sentinel promotes the replica =="
bash deploy/test/failover.sh
