#!/usr/bin/env bash
# Fills an existing, migrated database with a large district (bench/data/large-district.sql) and prints the time it took.
#   bench/data/generate.sh DATABASE ["@stations = 5000, @residents = 100000, …"]
# bench/data/run.sh calls the same SQL itself; this is for looking at plans or the console on a big district by hand.
set -euo pipefail
cd "$(dirname "$0")"
DB=${1:?database name}
SIZES=${2:-"@stations = 5000, @residents = 100000, @members = 20000, @bookings = 1000000, @claims = 200000, @messages = 500000"}
t0=$(date +%s)
{ echo "SET $SIZES;"; cat large-district.sql; } | mysql -h127.0.0.1 -uroot "$DB" >/dev/null
echo "generated in $(( $(date +%s) - t0 ))s (load average $(cut -d' ' -f1 /proc/loadavg)): $SIZES"
