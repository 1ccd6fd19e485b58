# shellcheck shell=bash
# Helpers shared by scripts/demo.sh, scripts/test.sh and scripts/bench.sh. Source it; it defines
# functions and a few variables only (no `set` changes, no side effects).

ORCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck disable=SC2034 # used by the scripts that source this file
ORCH_BIN="${ORCH_BIN:-$ORCH_ROOT/node_modules/.bin}"

orch_log() { printf '%s\n' "$*" >&2; }
orch_step() { printf '\n==> %s\n' "$*" >&2; }
orch_die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Telemetry off everywhere, whatever the caller's environment says.
orch_telemetry_off() {
  export NEXT_TELEMETRY_DISABLED=1 TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1
  export TURBO_NO_UPDATE_NOTIFIER=1 npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
}

# Loads KEY=VALUE lines from a dotenv file without overriding variables already in the environment.
# Plain values only (no interpolation, no multi-line values); surrounding quotes are removed.
orch_load_dotenv() {
  local file="$1" line key value
  [[ -f "$file" ]] || return 0
  while IFS= read -r line || [[ -n "$line" ]]; do
    line="${line%$'\r'}"
    [[ "$line" =~ ^[[:space:]]*(export[[:space:]]+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$ ]] || continue
    key="${BASH_REMATCH[2]}"
    value="${BASH_REMATCH[3]}"
    if [[ "$value" =~ ^\"(.*)\"[[:space:]]*$ || "$value" =~ ^\'(.*)\'[[:space:]]*$ ]]; then
      value="${BASH_REMATCH[1]}"
    else
      value="${value%%[[:space:]]#*}"
      value="${value%"${value##*[![:space:]]}"}"
    fi
    [[ -n "${!key+x}" || -z "$value" ]] && continue
    export "$key=$value"
  done <"$file"
}

# npm ci when node_modules is missing and a lockfile exists, npm install otherwise.
orch_install_deps() {
  if [[ "${SKIP_INSTALL:-}" == "1" ]]; then
    orch_log "SKIP_INSTALL=1: not installing dependencies"
    return 0
  fi
  if [[ ! -d "$ORCH_ROOT/node_modules" && -f "$ORCH_ROOT/package-lock.json" ]]; then
    (cd "$ORCH_ROOT" && npm ci --no-audit --no-fund)
  else
    (cd "$ORCH_ROOT" && npm install --no-audit --no-fund)
  fi
}

# AUTH_SECRET: the environment's if set, else one generated once into .data/auth-secret (never
# committed: .data/ is gitignored) and reused on every later start so sessions survive restarts.
orch_ensure_auth_secret() {
  if [[ -n "${AUTH_SECRET:-}" ]]; then
    export AUTH_SECRET
    return 0
  fi
  local file="$ORCH_ROOT/.data/auth-secret"
  if [[ ! -s "$file" ]]; then
    mkdir -p "$ORCH_ROOT/.data"
    (umask 077 && node -e 'process.stdout.write(require("node:crypto").randomBytes(32).toString("base64url"))' >"$file")
  fi
  AUTH_SECRET="$(<"$file")"
  export AUTH_SECRET
}

# Prints a TCP port on 127.0.0.1 that is free right now.
orch_free_port() {
  node -e 'const s=require("node:net").createServer();s.listen(0,"127.0.0.1",()=>{process.stdout.write(String(s.address().port));s.close();});'
}

# True when something accepts TCP connections on HOST:PORT.
orch_port_open() {
  # shellcheck disable=SC2016 # expanded by the inner bash
  timeout 3 bash -c 'exec 3<>"/dev/tcp/$1/$2"' _ "$1" "$2" 2>/dev/null
}

# HTTP status of a GET (000 when nothing answers).
orch_http_status() {
  if command -v curl >/dev/null 2>&1; then
    curl -s -o /dev/null -m 5 -w '%{http_code}' "$1" 2>/dev/null || true
  else
    node -e 'fetch(process.argv[1],{signal:AbortSignal.timeout(5000)}).then(r=>process.stdout.write(String(r.status)),()=>process.stdout.write("000"))' "$1"
  fi
}

# --- child processes -------------------------------------------------------------------------
# Each child runs in its own session/process group (setsid), so a Ctrl-C on the terminal reaches
# only the script, which then stops the children in order. Stopping signals the whole group:
# `npm run x` wraps the real process in `sh -c`, and npm's own signal forwarding stops at that shell.
ORCH_CHILD_PIDS=()
ORCH_CHILD_NAMES=()

# orch_start_child NAME LOGFILE|- COMMAND...   (LOGFILE "-" = inherit the script's stdout/stderr)
orch_start_child() {
  local name="$1" logfile="$2"
  shift 2
  if [[ "$logfile" == "-" ]]; then
    setsid "$@" </dev/null &
  else
    setsid "$@" </dev/null >"$logfile" 2>&1 &
  fi
  ORCH_CHILD_PIDS+=("$!")
  ORCH_CHILD_NAMES+=("$name")
}

# True while the process group has a live (non-zombie) member. A process orphaned by its wrapper
# stays a zombie until init reaps it, so `kill -0 -PGID` alone would wait for that too.
orch_group_alive() {
  kill -0 -- "-$1" 2>/dev/null || return 1
  ps -eo pgid=,stat= 2>/dev/null | awk -v g="$1" '$1 == g && $2 !~ /^Z/ { found = 1 } END { exit !found }'
}

# Name of the first child whose main process has exited, if any (prints nothing when all run).
orch_dead_child() {
  local i
  for i in "${!ORCH_CHILD_PIDS[@]}"; do
    if ! kill -0 "${ORCH_CHILD_PIDS[$i]}" 2>/dev/null; then
      printf '%s' "${ORCH_CHILD_NAMES[$i]}"
      return 0
    fi
  done
  return 0
}

# Stops children in reverse start order: SIGTERM to the group, up to ORCH_STOP_GRACE seconds
# (default 20) for a graceful exit, then SIGKILL. Idempotent.
orch_stop_children() {
  local grace="${ORCH_STOP_GRACE:-20}" i pid name waited
  for ((i = ${#ORCH_CHILD_PIDS[@]} - 1; i >= 0; i--)); do
    pid="${ORCH_CHILD_PIDS[$i]}"
    name="${ORCH_CHILD_NAMES[$i]}"
    if orch_group_alive "$pid"; then
      kill -TERM -- "-$pid" 2>/dev/null || true
      waited=0
      while orch_group_alive "$pid" && ((waited < grace * 10)); do
        sleep 0.1
        waited=$((waited + 1))
      done
      if orch_group_alive "$pid"; then
        orch_log "$name did not stop within ${grace}s: killing it"
        kill -KILL -- "-$pid" 2>/dev/null || true
      fi
    fi
    wait "$pid" 2>/dev/null || true
  done
  ORCH_CHILD_PIDS=()
  ORCH_CHILD_NAMES=()
}

# orch_wait_healthy URL TIMEOUT_SECONDS — waits for a 200, failing early when a child dies.
orch_wait_healthy() {
  local url="$1" timeout="$2" start status dead
  start=$SECONDS
  while true; do
    status="$(orch_http_status "$url")"
    [[ "$status" == "200" ]] && return 0
    dead="$(orch_dead_child)"
    if [[ -n "$dead" ]]; then
      orch_log "$dead exited before $url answered 200"
      return 1
    fi
    if ((SECONDS - start >= timeout)); then
      orch_log "$url did not answer 200 within ${timeout}s (last status: $status)"
      return 1
    fi
    sleep 1
  done
}
