#!/usr/bin/env bash
# Red Station on one Debian 12 / Ubuntu 22.04+ server, as root, from a checkout with the jar built
# (cd server && ./mvnw -B package -DskipTests):
#   DOMAIN=redstation.example.org deploy/install.sh
# Installs from the distribution: Java 17, MariaDB (DB_PACKAGE=mysql-server for MySQL 8), Redis, nginx,
# certbot, fonts-wqy-microhei. Creates the system user `redstation`, /etc/redstation/redstation.env
# (mode 600, generated secrets), the database and its user, Redis with a password and AOF, the nginx
# site, and starts INSTANCES (default "8081 8082") as redstation@<port>. Safe to run again (upgrade:
# it replaces the jar and restarts the instances one by one; existing secrets and settings are kept).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DOMAIN="${DOMAIN:?set DOMAIN=your.domain, the request domain of the mini-program}"
INSTANCES="${INSTANCES:-8081 8082}"
DB_PACKAGE="${DB_PACKAGE:-mariadb-server}"
if [ -z "${JAR:-}" ]; then
  JAR="$(find "$ROOT/server/target" -maxdepth 1 -name 'redstation-server-*.jar' 2>/dev/null | head -1)"
fi
ENV_FILE=/etc/redstation/redstation.env

[ "$(id -u)" = 0 ] || { echo "run as root"; exit 1; }
[ -n "$JAR" ] && [ -f "$JAR" ] || { echo "no jar: build it first (cd server && ./mvnw -B package -DskipTests) or set JAR="; exit 1; }
say() { printf '\n== %s\n' "$*"; }
secret() { openssl rand -hex 24; }

say "packages"
apt-get update -q
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
  openjdk-17-jre-headless "$DB_PACKAGE" redis-server nginx certbot fonts-wqy-microhei fontconfig curl openssl ca-certificates
fc-cache -f >/dev/null

say "user and folders"
id redstation >/dev/null 2>&1 || useradd --system --home-dir /var/lib/redstation --shell /usr/sbin/nologin redstation
install -d -o root -g root -m 755 /opt/redstation
install -d -o redstation -g redstation -m 750 /var/lib/redstation /var/lib/redstation/tmp
install -d -o root -g root -m 755 /var/lib/redstation/wechat-verify /var/www/letsencrypt
install -d -o root -g root -m 750 /etc/redstation /etc/redstation/tls
install -d -o root -g root -m 700 /var/backups/redstation

say "settings: $ENV_FILE"
if [ ! -f "$ENV_FILE" ]; then
  DB_PW="$(secret)"; REDIS_PW="$(secret)"; ADMIN_PW="$(openssl rand -base64 18 | tr -d '/+=')"
  sed -e "s|^MYSQL_PASSWORD=.*|MYSQL_PASSWORD=$DB_PW|" \
      -e "s|^DB_PASSWORD=.*|DB_PASSWORD=$DB_PW|" \
      -e "s|^MYSQL_ROOT_PASSWORD=.*|#MYSQL_ROOT_PASSWORD= (docker only)|" \
      -e "s|^REDIS_PASSWORD=.*|REDIS_PASSWORD=$REDIS_PW|" \
      -e "s|^REDSTATION_TOKEN_SECRET=.*|REDSTATION_TOKEN_SECRET=$(openssl rand -hex 32)|" \
      -e "s|^REDSTATION_ADMIN_PASSWORD=.*|REDSTATION_ADMIN_PASSWORD=$ADMIN_PW|" \
      -e "s|^SERVER_PORT=.*|# SERVER_PORT: set per instance by the systemd unit (redstation@<port>)|" \
      "$ROOT/deploy/.env.example" >"$ENV_FILE"
  echo "TZ=Asia/Shanghai" >>"$ENV_FILE"
  chmod 600 "$ENV_FILE"; chown root:root "$ENV_FILE"
  echo "created $ENV_FILE with generated passwords; the staff administrator is admin / $ADMIN_PW (shown once)"
  echo "fill in the WX_* values (WeChat app ids, secrets, tokens, template ids) before going live"
else
  chmod 600 "$ENV_FILE"
  echo "kept the existing $ENV_FILE"
fi
get() { grep -E "^$1=" "$ENV_FILE" | tail -1 | cut -d= -f2-; }

say "database ($DB_PACKAGE): utf8mb4, Asia/Shanghai (+08:00), database and user"
cat >/etc/mysql/conf.d/redstation.cnf <<'EOF'
[mysqld]
character-set-server = utf8mb4
collation-server = utf8mb4_unicode_ci
default-time-zone = '+08:00'
max_connections = 300
bind-address = 127.0.0.1
EOF
systemctl restart mariadb 2>/dev/null || systemctl restart mysql
DB_NAME="$(get MYSQL_DATABASE)"; DB_USER="$(get DB_USER)"; DB_PW="$(get DB_PASSWORD)"
mysql -u root <<EOF
CREATE DATABASE IF NOT EXISTS \`${DB_NAME:-redstation}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '${DB_USER}'@'localhost' IDENTIFIED BY '${DB_PW}';
CREATE USER IF NOT EXISTS '${DB_USER}'@'127.0.0.1' IDENTIFIED BY '${DB_PW}';
ALTER USER '${DB_USER}'@'localhost' IDENTIFIED BY '${DB_PW}';
ALTER USER '${DB_USER}'@'127.0.0.1' IDENTIFIED BY '${DB_PW}';
GRANT ALL PRIVILEGES ON \`${DB_NAME:-redstation}\`.* TO '${DB_USER}'@'localhost';
GRANT ALL PRIVILEGES ON \`${DB_NAME:-redstation}\`.* TO '${DB_USER}'@'127.0.0.1';
FLUSH PRIVILEGES;
EOF

say "Redis: password, AOF, no eviction"
REDIS_CONF=/etc/redis/redis.conf
sed -i '/^# redstation begin/,/^# redstation end/d' "$REDIS_CONF"
cat >>"$REDIS_CONF" <<EOF
# redstation begin (deploy/install.sh; later lines win over earlier ones)
bind 127.0.0.1 -::1
requirepass $(get REDIS_PASSWORD)
appendonly yes
appendfsync everysec
maxmemory-policy noeviction
# redstation end
EOF
chmod 640 "$REDIS_CONF"
systemctl restart redis-server

say "server jar and systemd instances: $INSTANCES"
install -o root -g root -m 644 "$JAR" /opt/redstation/redstation-server.jar.new
mv /opt/redstation/redstation-server.jar.new /opt/redstation/redstation-server.jar
install -o root -g root -m 644 "$ROOT/deploy/systemd/redstation@.service" /etc/systemd/system/redstation@.service
systemctl daemon-reload
healthy() { curl -sf -m 3 "http://127.0.0.1:$1/actuator/health" | grep -q '"UP"'; }
# one at a time: the first start migrates the database (Flyway); a restart leaves the others serving
for port in $INSTANCES; do
  systemctl enable "redstation@$port" >/dev/null
  systemctl restart "redstation@$port"
  printf 'waiting for redstation@%s ' "$port"
  for _ in $(seq 1 120); do healthy "$port" && break; printf .; sleep 2; done
  healthy "$port" && echo " up" || { echo " NOT healthy: journalctl -u redstation@$port"; exit 1; }
done

say "nginx: site $DOMAIN, upstream of $INSTANCES, TLS"
install -m 644 "$ROOT/deploy/nginx/redstation-proxy.conf" "$ROOT/deploy/nginx/redstation-proxy-headers.conf" /etc/nginx/snippets/
UPSTREAM="$(for p in $INSTANCES; do printf '    server 127.0.0.1:%s max_fails=3 fail_timeout=10s;\\n' "$p"; done)"
sed -e "s/redstation.example.com/$DOMAIN/g" \
    -e "/^    server 127.0.0.1:808[0-9]/d" \
    -e "s|^    keepalive 32;|${UPSTREAM}    keepalive 32;|" \
    -e "s|/etc/letsencrypt/live/$DOMAIN/fullchain.pem|/etc/redstation/tls/fullchain.pem|" \
    -e "s|/etc/letsencrypt/live/$DOMAIN/privkey.pem|/etc/redstation/tls/privkey.pem|" \
    "$ROOT/deploy/nginx/redstation.conf" >/etc/nginx/sites-available/redstation
ln -sf /etc/nginx/sites-available/redstation /etc/nginx/sites-enabled/redstation
if [ ! -e /etc/redstation/tls/fullchain.pem ]; then
  # a temporary self-signed certificate so nginx starts; replace it with certbot's (README step 4)
  openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=$DOMAIN" \
    -keyout /etc/redstation/tls/privkey.pem -out /etc/redstation/tls/fullchain.pem 2>/dev/null
  chmod 600 /etc/redstation/tls/privkey.pem
  echo "temporary self-signed certificate in /etc/redstation/tls (replace it: deploy/README.md)"
fi
nginx -t
systemctl reload nginx || systemctl restart nginx

say "backups (daily 03:30) and log rotation"
install -m 755 "$ROOT/deploy/backup.sh" /opt/redstation/backup.sh
install -m 755 "$ROOT/deploy/restore.sh" /opt/redstation/restore.sh
install -m 644 "$ROOT/deploy/logrotate/redstation" /etc/logrotate.d/redstation
cat >/etc/cron.d/redstation <<'EOF'
# Red Station: database backup every night (deploy/backup.sh), kept 14 days
30 3 * * * root ENV_FILE=/etc/redstation/redstation.env BACKUP_DIR=/var/backups/redstation KEEP_DAYS=14 /opt/redstation/backup.sh >>/var/backups/redstation/backup.log 2>&1
EOF

say "done"
echo "https://$DOMAIN/actuator/health -> $(curl -sk -m 5 --resolve "$DOMAIN:443:127.0.0.1" "https://$DOMAIN/actuator/health" || echo 'no answer')"
echo "next: real certificate (certbot), WeChat settings in $ENV_FILE, then: systemctl restart 'redstation@*' (see deploy/README.md)"
