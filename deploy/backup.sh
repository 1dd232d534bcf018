#!/usr/bin/env bash
# Red Station database backup: a consistent mysqldump (one transaction, no table locks) of the server's
# database, gzip-compressed, checked, and old backups removed.
#   deploy/backup.sh                      # settings from /etc/redstation/redstation.env
#   DB_URL=... DB_USER=... DB_PASSWORD=... BACKUP_DIR=/tmp/b deploy/backup.sh
# Settings (environment first, then ENV_FILE): DB_URL (jdbc:mysql://host:port/db?...), DB_USER, DB_PASSWORD,
# BACKUP_DIR (/var/backups/redstation), KEEP_DAYS (14). Prints the file written.
# Redis holds only sessions, locks, caches and rate limits: it is not backed up (after a loss residents
# log in again).
set -euo pipefail
ENV_FILE="${ENV_FILE:-/etc/redstation/redstation.env}"
from_file() { [ -r "$ENV_FILE" ] && grep -E "^$1=" "$ENV_FILE" | tail -1 | cut -d= -f2- || true; }
DB_URL="${DB_URL:-$(from_file DB_URL)}"
DB_USER="${DB_USER:-$(from_file DB_USER)}"
DB_PASSWORD="${DB_PASSWORD-$(from_file DB_PASSWORD)}"
BACKUP_DIR="${BACKUP_DIR:-/var/backups/redstation}"
KEEP_DAYS="${KEEP_DAYS:-14}"
[ -n "$DB_URL" ] || { echo "DB_URL is not set (nor in $ENV_FILE)" >&2; exit 1; }

# jdbc:mysql://host:port/database?params
hostport="${DB_URL#jdbc:mysql://}"; hostport="${hostport%%/*}"
database="${DB_URL#jdbc:mysql://*/}"; database="${database%%\?*}"
host="${hostport%%:*}"; port="${hostport##*:}"; [ "$port" = "$hostport" ] && port=3306

mkdir -p "$BACKUP_DIR"; chmod 700 "$BACKUP_DIR"
file="$BACKUP_DIR/redstation-$database-$(date +%Y%m%d-%H%M%S).sql.gz"
extra=()
# MySQL 8 with GTIDs would write SET @@GLOBAL.GTID_PURGED, which a restore into another server refuses
mysqldump --version 2>/dev/null | grep -qi mariadb || extra+=(--set-gtid-purged=OFF)
umask 077
MYSQL_PWD="$DB_PASSWORD" mysqldump -h "$host" -P "$port" -u "$DB_USER" \
  --single-transaction --quick --routines --triggers --events --hex-blob \
  --default-character-set=utf8mb4 --no-tablespaces "${extra[@]}" \
  --databases "$database" | gzip -6 >"$file.part"
gzip -t "$file.part"
mv "$file.part" "$file"
find "$BACKUP_DIR" -maxdepth 1 -name 'redstation-*.sql.gz' -mtime +"$KEEP_DAYS" -delete
echo "$file"
