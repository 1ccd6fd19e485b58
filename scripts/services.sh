#!/usr/bin/env bash
# Makes sure MariaDB and Redis are reachable. Run it (`bash scripts/services.sh`) or source it from
# another bash script (it then only defines `orch_*` functions and runs the check; its status is the
# check's status). Quiet when both already answer; one line per service it had to start.
#
#   DATABASE_URL / REDIS_URL set  -> wait for that server (ORCH_SERVICE_TIMEOUT seconds, default 60),
#                                    then fail with a clear message. Exception: a URL that names this
#                                    machine's default port (127.0.0.1/localhost:3306, :6379) is
#                                    treated like the default below, so a `.env` copied from
#                                    `.env.example` still starts the local servers.
#   unset                         -> 127.0.0.1:3306 and 127.0.0.1:6379; when down, start them:
#                                    as root the system servers (as on the CI machine), otherwise
#                                    private instances with their data under .data/; when the
#                                    binaries are missing, `apt-get install` them as root, or say
#                                    exactly what to install.
#
# ORCH_SERVICES_NO_MAIN=1 when sourcing defines the functions without running the check.

# shellcheck source=scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

ORCH_SERVICE_TIMEOUT="${ORCH_SERVICE_TIMEOUT:-60}"

# _orch_url_hostport URL DEFAULT_PORT -> prints "host port"
_orch_url_hostport() {
  local rest="${1#*://}" host port
  rest="${rest%%/*}"
  rest="${rest%%\?*}"
  rest="${rest##*@}"
  if [[ "$rest" =~ ^\[([^]]+)\](:([0-9]+))?$ ]]; then
    host="${BASH_REMATCH[1]}"
    port="${BASH_REMATCH[3]:-$2}"
  elif [[ "$rest" =~ ^([^:]*)(:([0-9]+))?$ ]]; then
    host="${BASH_REMATCH[1]:-127.0.0.1}"
    port="${BASH_REMATCH[3]:-$2}"
  else
    host="$rest"
    port="$2"
  fi
  printf '%s %s\n' "$host" "$port"
}

_orch_is_loopback() { [[ "$1" == "localhost" || "$1" == "::1" || "$1" =~ ^127\. ]]; }
_orch_is_root() { [[ "$(id -u)" == "0" ]]; }

_orch_find_bin() {
  local name candidate
  for name in "$@"; do
    if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return 0; fi
    for candidate in "/usr/sbin/$name" "/usr/local/sbin/$name" "/usr/local/bin/$name"; do
      if [[ -x "$candidate" ]]; then printf '%s\n' "$candidate"; return 0; fi
    done
  done
  return 1
}

_orch_apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  orch_log "services: installing $* from Debian packages (apt-get)"
  if ! apt-get install -y --no-install-recommends "$@" >/tmp/orch-apt.log 2>&1; then
    apt-get update >>/tmp/orch-apt.log 2>&1 || true
    if ! apt-get install -y --no-install-recommends "$@" >>/tmp/orch-apt.log 2>&1; then
      orch_log "services: apt-get install $* failed; see /tmp/orch-apt.log"
      return 1
    fi
  fi
}

# --- MariaDB ---------------------------------------------------------------------------------------

_orch_mariadb_alive() {
  local host="$1" port="$2" admin
  orch_port_open "$host" "$port" || return 1
  if admin="$(_orch_find_bin mariadb-admin mysqladmin)" && _orch_is_loopback "$host"; then
    # ping exits 0 whenever the server runs, even if this login is refused.
    "$admin" --no-defaults --protocol=tcp -h "$host" -P "$port" -uroot --connect-timeout=3 ping >/dev/null 2>&1 || return 1
  fi
  return 0
}

_orch_wait_mariadb() {
  local host="$1" port="$2" start=$SECONDS
  until _orch_mariadb_alive "$host" "$port"; do
    ((SECONDS - start < ORCH_SERVICE_TIMEOUT)) || return 1
    sleep 1
  done
}

_orch_start_mariadb_system() {
  local bin="$1"
  if id mysql >/dev/null 2>&1; then
    install -d -o mysql -g mysql -m 755 /run/mysqld
    if [[ ! -d /var/lib/mysql/mysql ]]; then
      local installdb
      installdb="$(_orch_find_bin mariadb-install-db mysql_install_db)" || { orch_log "services: /var/lib/mysql is not initialised and mariadb-install-db is missing"; return 1; }
      "$installdb" --user=mysql --datadir=/var/lib/mysql >/tmp/orch-mariadb-install.log 2>&1 || { orch_log "services: mariadb-install-db failed; see /tmp/orch-mariadb-install.log"; return 1; }
    fi
  fi
  start-stop-daemon --start --oknodo --background --exec "$bin"
  orch_log "services: started MariaDB ($bin) on 127.0.0.1:3306"
}

# A private server for a user who is not root: data, socket and log under .data/mariadb-PORT.
_orch_start_mariadb_private() {
  local bin="$1" port="$2" dir="$ORCH_ROOT/.data/mariadb-$2" installdb
  local -a user_opt=()
  _orch_is_root && user_opt=(--user=root)
  mkdir -p "$dir"
  if [[ ! -d "$dir/data/mysql" ]]; then
    installdb="$(_orch_find_bin mariadb-install-db mysql_install_db)" || { orch_log "services: mariadb-install-db not found (Debian package mariadb-server)"; return 1; }
    "$installdb" --no-defaults "${user_opt[@]}" --datadir="$dir/data" --auth-root-authentication-method=normal --skip-test-db >"$dir/install.log" 2>&1 \
      || { orch_log "services: mariadb-install-db failed; see $dir/install.log"; return 1; }
  fi
  setsid "$bin" --no-defaults "${user_opt[@]}" --datadir="$dir/data" --port="$port" --bind-address=127.0.0.1 \
    --socket="$dir/mysqld.sock" --pid-file="$dir/mysqld.pid" --log-error="$dir/error.log" \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci </dev/null >/dev/null 2>&1 &
  disown "$!" 2>/dev/null || true
  orch_log "services: started a private MariaDB on 127.0.0.1:$port (data in $dir)"
}

# After a fresh `apt-get install mariadb-server`, root logs in through the unix socket only; the
# project's default URL (mysql://root@127.0.0.1:3306) needs a password-less TCP login for root.
# Done only for a server this script has just installed (a development/CI machine).
_orch_mariadb_open_local_root() {
  local client
  client="$(_orch_find_bin mariadb mysql)" || return 0
  if "$client" --no-defaults --protocol=tcp -h 127.0.0.1 -P 3306 -uroot -e 'SELECT 1' >/dev/null 2>&1; then return 0; fi
  "$client" --protocol=socket -uroot -e "ALTER USER 'root'@'localhost' IDENTIFIED VIA unix_socket OR mysql_native_password USING PASSWORD(''); CREATE USER IF NOT EXISTS 'root'@'127.0.0.1' IDENTIFIED BY ''; GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION; FLUSH PRIVILEGES;" \
    && orch_log "services: allowed password-less TCP login for root@127.0.0.1 on the freshly installed MariaDB"
}

orch_ensure_mariadb() {
  local url="${DATABASE_URL:-}" host port bin installed=0
  read -r host port < <(_orch_url_hostport "${url:-mysql://127.0.0.1:3306}" 3306)
  _orch_mariadb_alive "$host" "$port" && return 0

  if [[ -n "$url" ]] && ! { _orch_is_loopback "$host" && [[ "$port" == "3306" ]]; }; then
    if _orch_wait_mariadb "$host" "$port"; then return 0; fi
    orch_log "error: DATABASE_URL points at $host:$port, where no MariaDB answered within ${ORCH_SERVICE_TIMEOUT}s."
    orch_log "       Start that server, or unset DATABASE_URL to use (and start) a local one on 127.0.0.1:3306."
    return 1
  fi

  if ! bin="$(_orch_find_bin mariadbd mysqld)"; then
    if _orch_is_root; then
      _orch_apt_install mariadb-server mariadb-client || return 1
      installed=1
      bin="$(_orch_find_bin mariadbd mysqld)" || { orch_log "error: mariadbd still missing after installing mariadb-server"; return 1; }
      _orch_mariadb_alive "$host" "$port" || _orch_start_mariadb_system "$bin" || return 1
    else
      orch_log "error: MariaDB is not running on 127.0.0.1:3306 and is not installed."
      orch_log "       Install it:  sudo apt-get install -y mariadb-server mariadb-client"
      orch_log "       (or set DATABASE_URL to a MariaDB/MySQL server you have, e.g. mysql://user:pass@host:3306/orchestrator)"
      return 1
    fi
  elif _orch_is_root; then
    _orch_start_mariadb_system "$bin" || return 1
  else
    _orch_start_mariadb_private "$bin" "$port" || return 1
  fi

  if ! _orch_wait_mariadb "$host" "$port"; then
    orch_log "error: MariaDB did not answer on $host:$port within ${ORCH_SERVICE_TIMEOUT}s after starting it."
    orch_log "       Look at /var/log/mysql/error.log or .data/mariadb-$port/error.log."
    return 1
  fi
  if ((installed)); then _orch_mariadb_open_local_root || true; fi
  return 0
}

# --- Redis -----------------------------------------------------------------------------------------

_orch_redis_alive() {
  local url="$1" host="$2" port="$3" reply=""
  if [[ "$url" == redis://* ]] && command -v redis-cli >/dev/null 2>&1; then
    reply="$(timeout 5 redis-cli --no-auth-warning -u "$url" ping 2>/dev/null || true)"
  elif [[ "$url" == redis://* ]]; then
    # No redis-cli: speak RESP over bash's /dev/tcp (works without a password only).
    # shellcheck disable=SC2016 # expanded by the inner bash
    reply="$(timeout 5 bash -c 'exec 3<>"/dev/tcp/$1/$2" && printf "PING\r\n" >&3 && IFS= read -r line <&3 && printf "%s" "${line#+}"' _ "$host" "$port" 2>/dev/null || true)"
  else
    orch_port_open "$host" "$port" && reply="PONG"
  fi
  [[ "$reply" == PONG* ]]
}

_orch_wait_redis() {
  local start=$SECONDS
  until _orch_redis_alive "$@"; do
    ((SECONDS - start < ORCH_SERVICE_TIMEOUT)) || return 1
    sleep 0.5
  done
}

orch_ensure_redis() {
  local url="${REDIS_URL:-}" host port bin dir
  read -r host port < <(_orch_url_hostport "${url:-redis://127.0.0.1:6379}" 6379)
  local check_url="${url:-redis://127.0.0.1:6379/0}"
  _orch_redis_alive "$check_url" "$host" "$port" && return 0

  if [[ -n "$url" ]] && ! { _orch_is_loopback "$host" && [[ "$port" == "6379" ]]; }; then
    if _orch_wait_redis "$check_url" "$host" "$port"; then return 0; fi
    orch_log "error: REDIS_URL points at $host:$port, where no Redis answered PING within ${ORCH_SERVICE_TIMEOUT}s."
    orch_log "       Start that server, or unset REDIS_URL to use (and start) a local one on 127.0.0.1:6379."
    return 1
  fi

  if ! bin="$(_orch_find_bin redis-server)"; then
    if _orch_is_root; then
      _orch_apt_install redis-server redis-tools || return 1
      bin="$(_orch_find_bin redis-server)" || { orch_log "error: redis-server still missing after installing it"; return 1; }
      # The package may have started its own server already.
      if _orch_wait_redis_briefly "$check_url" "$host" "$port"; then return 0; fi
    else
      orch_log "error: Redis is not running on 127.0.0.1:6379 and is not installed."
      orch_log "       Install it:  sudo apt-get install -y redis-server"
      orch_log "       (or set REDIS_URL to a Redis you have, e.g. redis://host:6379/0)"
      return 1
    fi
  fi

  if _orch_is_root; then
    # The same command the CI machine's image uses: nothing kept on disk.
    mkdir -p /var/lib/redis /var/log/redis
    "$bin" --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
      --dir /var/lib/redis --logfile /var/log/redis/ci.log >/dev/null
    orch_log "services: started Redis ($bin) on 127.0.0.1:6379"
    dir=/var/log/redis
  else
    dir="$ORCH_ROOT/.data/redis-$port"
    mkdir -p "$dir"
    "$bin" --daemonize yes --bind 127.0.0.1 --port "$port" --save "" --appendonly no \
      --dir "$dir" --logfile "$dir/redis.log" --pidfile "$dir/redis.pid" >/dev/null
    orch_log "services: started a private Redis on 127.0.0.1:$port (log in $dir)"
  fi
  if ! _orch_wait_redis "$check_url" "$host" "$port"; then
    orch_log "error: Redis did not answer on $host:$port within ${ORCH_SERVICE_TIMEOUT}s after starting it; see $dir."
    return 1
  fi
}

_orch_wait_redis_briefly() {
  local ORCH_SERVICE_TIMEOUT=5
  _orch_wait_redis "$@"
}

orch_services_main() {
  orch_ensure_mariadb && orch_ensure_redis
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -euo pipefail
  orch_services_main
elif [[ "${ORCH_SERVICES_NO_MAIN:-}" != "1" ]]; then
  orch_services_main
fi
