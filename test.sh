#!/usr/bin/env bash
# Runs every test of the project: the mini-program's checks and tests, then the server's tests
# (against the MariaDB/Redis at 127.0.0.1:3306 / :6379, or embedded ones when none answers), then the
# deployment smoke test (the production jar just built, two instances behind nginx; needs MariaDB/MySQL,
# Redis and nginx on this machine).
set -euo pipefail
cd "$(dirname "$0")"

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
