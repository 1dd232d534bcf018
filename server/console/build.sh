#!/usr/bin/env bash
# Builds the staff console into ../target/classes/static/console (run by Maven in generate-resources).
# Uses the machine's Node/npm; when they are missing it warns and exits 0 so the server still builds.
set -euo pipefail
cd "$(dirname "$0")"
out=../target/classes/static/console/index.html

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "[WARNING] ================================================================"
  echo "[WARNING] node/npm not found: the staff console (/console/) is NOT built."
  echo "[WARNING] Install Node 20+ and rebuild to serve it; the server works without it."
  echo "[WARNING] ================================================================"
  exit 0
fi

export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
# npm ci only when the lock file changed since the last install
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

# rebuild only when a source is newer than the last build
if [ -f "$out" ] && [ -z "$(find src index.html vite.config.js package-lock.json -newer "$out" -print -quit)" ]; then
  echo "staff console is up to date: $out"
  exit 0
fi
npm run build --silent
