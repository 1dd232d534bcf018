#!/usr/bin/env bash
# Red Station database restore from a deploy/backup.sh file.
#   deploy/restore.sh /var/backups/redstation/redstation-redstation-20260101-033000.sql.gz [target-database]
# Without a target the dump's own database is restored (the server's: stop every instance first,
# `systemctl stop 'redstation@*'`, then start them again; Flyway checks the schema at start). With a
# target (e.g. redstation_check) the dump is loaded into that database instead, for a restore test.
# A target that already has tables is refused unless FORCE=1. Settings as backup.sh (DB_URL, DB_USER,
# DB_PASSWORD from the environment or ENV_FILE); the account needs CREATE DATABASE for a new target.
set -euo pipefail
dump="${1:?usage: restore.sh <backup.sql.gz> [target-database]}"
target="${2:-}"
ENV_FILE="${ENV_FILE:-/etc/redstation/redstation.env}"
from_file() { [ -r "$ENV_FILE" ] && grep -E "^$1=" "$ENV_FILE" | tail -1 | cut -d= -f2- || true; }
DB_URL="${DB_URL:-$(from_file DB_URL)}"
DB_USER="${DB_USER:-$(from_file DB_USER)}"
DB_PASSWORD="${DB_PASSWORD-$(from_file DB_PASSWORD)}"
[ -n "$DB_URL" ] || { echo "DB_URL is not set (nor in $ENV_FILE)" >&2; exit 1; }
hostport="${DB_URL#jdbc:mysql://}"; hostport="${hostport%%/*}"
host="${hostport%%:*}"; port="${hostport##*:}"; [ "$port" = "$hostport" ] && port=3306
gzip -t "$dump"
# the database named in the dump (backup.sh dumps with --databases: CREATE DATABASE + USE)
# grep stops at the first USE line and gzip then gets SIGPIPE: not an error (pipefail would say so)
source_db="$({ gzip -dc "$dump" || true; } | grep -m1 -E '^USE `' | sed -E 's/^USE `([^`]+)`.*/\1/')"
[ -n "$source_db" ] || { echo "not a backup.sh dump (no USE statement)" >&2; exit 1; }
target="${target:-$source_db}"
case "$target" in *[!A-Za-z0-9_]*) echo "bad database name: $target" >&2; exit 1 ;; esac
mysql_() { MYSQL_PWD="$DB_PASSWORD" mysql -h "$host" -P "$port" -u "$DB_USER" --default-character-set=utf8mb4 "$@"; }

tables="$(mysql_ -N -e "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '$target'")"
if [ "$tables" != 0 ] && [ "${FORCE:-0}" != 1 ]; then
  echo "database $target already has $tables tables: stop the server and set FORCE=1 to overwrite" >&2
  exit 1
fi
mysql_ -e "CREATE DATABASE IF NOT EXISTS \`$target\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
# load into the target: drop the dump's CREATE DATABASE / USE lines and USE the target instead
{ echo "USE \`$target\`;"; gzip -dc "$dump" | grep -v -E '^(CREATE DATABASE|USE `)'; } | mysql_
echo "restored $dump into $target ($(mysql_ -N -e "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '$target'") tables)"
