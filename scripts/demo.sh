#!/usr/bin/env bash
# `npm run demo`: install, make sure MariaDB and Redis are reachable, migrate, seed demo data into an
# empty database, build, then serve the web app on $PORT (default 3000) with the worker, in the
# foreground until Ctrl-C (or SIGTERM), which stops both cleanly. Non-interactive.
#
# Honours (environment, or a `.env` file at the repository root; the environment wins):
#   PORT (3000), WORKER_PORT (3001), DATABASE_URL (mysql://root@127.0.0.1:3306/orchestrator),
#   REDIS_URL (redis://127.0.0.1:6379/0), AUTH_SECRET (else generated once into .data/auth-secret),
#   DEMO_PASSWORD (orchestrator-demo), KIPU_BASE_URL / KIPU_ACCESS_ID / KIPU_SECRET_KEY / KIPU_APP_ID,
#   SKIP_INSTALL=1 (skip the npm install step), and every variable in .env.example.
set -euo pipefail

# shellcheck source=scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
cd "$ORCH_ROOT"
orch_load_dotenv "$ORCH_ROOT/.env"
orch_telemetry_off

# --- 1. dependencies -----------------------------------------------------------------------------
orch_step "installing dependencies"
orch_install_deps

# --- 2. MariaDB and Redis (before the defaults below: an unset URL means "local, start if needed") --
orch_step "checking MariaDB and Redis"
# shellcheck source=scripts/services.sh
source "$ORCH_ROOT/scripts/services.sh"

export DATABASE_URL="${DATABASE_URL:-mysql://root@127.0.0.1:3306/orchestrator}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379/0}"
export PORT="${PORT:-3000}"
export WORKER_PORT="${WORKER_PORT:-3001}"
export DEMO_PASSWORD="${DEMO_PASSWORD:-orchestrator-demo}"
# A local demo trusts the Host header it is reached by (localhost, 127.0.0.1, a LAN name).
if [[ -z "${AUTH_URL:-}" ]]; then export AUTH_TRUST_HOST="${AUTH_TRUST_HOST:-true}"; fi
orch_ensure_auth_secret
# KIPU_BASE_URL / KIPU_ACCESS_ID / KIPU_SECRET_KEY / KIPU_APP_ID reach the web app and the worker
# unchanged when set (they are in the environment, or exported from .env by orch_load_dotenv).

for port_var in PORT WORKER_PORT; do
  if orch_port_open 127.0.0.1 "${!port_var}"; then
    orch_die "port ${!port_var} ($port_var) is already in use: stop what runs there, or choose another, e.g. $port_var=$(( ${!port_var} + 10 )) npm run demo"
  fi
done

# --- 3. database ---------------------------------------------------------------------------------
orch_step "migrating, and seeding demo data if the database is empty"
"$ORCH_BIN/tsx" scripts/seed-demo.ts

# --- 4. Kipu simulator hook ----------------------------------------------------------------------
# When KIPU_BASE_URL is unset, the local Kipu simulator (packages/kipu-simulator: Kipu's v3 protocol,
# signed requests, realistic patients) runs beside the app and the adapter points at it. Its
# credentials are made up for this run (never stored); the secret never reaches the console.
# When KIPU_BASE_URL is set, nothing is started and the KIPU_* variables are used as given.
start_kipu_simulator() {
  export KIPU_SIM_PORT="${KIPU_SIM_PORT:-3401}"
  if orch_port_open 127.0.0.1 "$KIPU_SIM_PORT"; then
    orch_die "port $KIPU_SIM_PORT (KIPU_SIM_PORT, the Kipu simulator) is already in use: stop what runs there, or choose another, e.g. KIPU_SIM_PORT=$((KIPU_SIM_PORT + 10)) npm run demo"
  fi
  export KIPU_SIM_ACCESS_ID="${KIPU_SIM_ACCESS_ID:-demo-access-id}"
  export KIPU_SIM_APP_ID="${KIPU_SIM_APP_ID:-demo-app-id}"
  KIPU_SIM_SECRET_KEY="$(node -e 'process.stdout.write(require("node:crypto").randomBytes(24).toString("base64url"))')"
  export KIPU_SIM_SECRET_KEY
  orch_step "starting the Kipu simulator (:$KIPU_SIM_PORT)"
  trap 'orch_stop_children' EXIT
  orch_start_child kipu-simulator - npm run start -w @orchestrator/kipu-simulator
  export KIPU_BASE_URL="http://127.0.0.1:$KIPU_SIM_PORT" KIPU_ACCESS_ID="$KIPU_SIM_ACCESS_ID" KIPU_SECRET_KEY="$KIPU_SIM_SECRET_KEY" KIPU_APP_ID="$KIPU_SIM_APP_ID"
  orch_wait_healthy "$KIPU_BASE_URL/__sim/health" 60 || orch_die "the Kipu simulator did not start; its output is above"
  KIPU_SIMULATED=1
}
KIPU_SIMULATED=0
if [[ -z "${KIPU_BASE_URL:-}" ]]; then
  start_kipu_simulator
fi

# --- 4b. SMTP simulator hook ---------------------------------------------------------------------
# When SMTP_HOST is unset, the local SMTP simulator (packages/smtp-simulator: real SMTP with AUTH,
# mail kept in memory and readable over HTTP) runs beside the app and the outbox delivers to it, with
# credentials made up for this run. When SMTP_HOST is set, nothing is started and SMTP_* are used.
start_smtp_simulator() {
  export SMTP_SIM_PORT="${SMTP_SIM_PORT:-2525}" SMTP_SIM_HTTP_PORT="${SMTP_SIM_HTTP_PORT:-2526}"
  local port_var
  for port_var in SMTP_SIM_PORT SMTP_SIM_HTTP_PORT; do
    if orch_port_open 127.0.0.1 "${!port_var}"; then
      orch_die "port ${!port_var} ($port_var, the SMTP simulator) is already in use: stop what runs there, or choose another, e.g. $port_var=$(( ${!port_var} + 10 )) npm run demo"
    fi
  done
  export SMTP_SIM_USER="demo-mailer"
  SMTP_SIM_PASSWORD="$(node -e 'process.stdout.write(require("node:crypto").randomBytes(18).toString("base64url"))')"
  export SMTP_SIM_PASSWORD
  orch_step "starting the SMTP simulator (SMTP :$SMTP_SIM_PORT, mail at :$SMTP_SIM_HTTP_PORT)"
  trap 'orch_stop_children' EXIT
  orch_start_child smtp-simulator - npm run start -w @orchestrator/smtp-simulator
  export SMTP_HOST=127.0.0.1 SMTP_PORT="$SMTP_SIM_PORT" SMTP_SECURE=false SMTP_USER="$SMTP_SIM_USER" SMTP_PASSWORD="$SMTP_SIM_PASSWORD"
  orch_wait_healthy "http://127.0.0.1:$SMTP_SIM_HTTP_PORT/health" 60 || orch_die "the SMTP simulator did not start; its output is above"
  SMTP_SIMULATED=1
}
SMTP_SIMULATED=0
if [[ -z "${SMTP_HOST:-}" ]]; then
  start_smtp_simulator
fi
# Inbound e-mail for the demo: tickets from unknown senders go to Administration; the webhook's
# signing secret is made up once into .data/ (gitignored) so you can sign test messages with it.
export HELPDESK_INBOUND_DEPARTMENT="${HELPDESK_INBOUND_DEPARTMENT:-Administration}"
# Mail to the admissions address (same webhook) becomes CRM leads of the East Coast team.
export CRM_INBOUND_ADDRESSES="${CRM_INBOUND_ADDRESSES:-admissions@demo.orchestrator.test}"
export CRM_INBOUND_TEAM="${CRM_INBOUND_TEAM:-East Coast}"
if [[ -z "${HELPDESK_INBOUND_EMAIL_SECRET:-}" ]]; then
  INBOUND_SECRET_FILE="$ORCH_ROOT/.data/inbound-email-secret"
  if [[ ! -s "$INBOUND_SECRET_FILE" ]]; then
    mkdir -p "$ORCH_ROOT/.data"
    (umask 077 && node -e 'process.stdout.write(require("node:crypto").randomBytes(24).toString("base64url"))' >"$INBOUND_SECRET_FILE")
  fi
  HELPDESK_INBOUND_EMAIL_SECRET="$(<"$INBOUND_SECRET_FILE")"
  export HELPDESK_INBOUND_EMAIL_SECRET
fi

# --- 5. build ------------------------------------------------------------------------------------
orch_step "building the web app and the worker"
"$ORCH_BIN/turbo" run build --filter=@orchestrator/web --filter=@orchestrator/worker

# --- 6. serve ------------------------------------------------------------------------------------
STOPPING=0
shutdown() {
  local code="$1"
  ((STOPPING)) && return 0
  STOPPING=1
  orch_log ""
  orch_log "stopping the web app and the worker..."
  orch_stop_children
  orch_log "stopped."
  exit "$code"
}
trap 'shutdown 130' INT
trap 'shutdown 143' TERM
trap 'orch_stop_children' EXIT

orch_step "starting the worker (:$WORKER_PORT) and the web app (:$PORT)"
orch_start_child worker - env NODE_ENV=production npm run start -w @orchestrator/worker
orch_start_child web - env NODE_ENV=production npm run start -w @orchestrator/web -- -p "$PORT"

if ! orch_wait_healthy "http://127.0.0.1:$PORT/api/health" "${DEMO_HEALTH_TIMEOUT:-180}"; then
  orch_log "the app did not become healthy; its output is above."
  shutdown 1
fi

role_of() {
  case "$1" in
    admin) echo "Super Admin" ;;
    medical) echo "Medical Staff (Medical)" ;;
    program) echo "Program Staff (Program)" ;;
    hr) echo "HR Manager (HR)" ;;
    finance) echo "Finance Manager (Finance)" ;;
    supervisor) echo "Supervisor (read-only)" ;;
  esac
}
{
  echo
  echo "────────────────────────────────────────────────────────────────────"
  echo "  Orchestrator is running:  http://localhost:$PORT"
  echo
  echo "  Demo logins (password: $DEMO_PASSWORD)"
  for who in admin medical program hr finance supervisor; do
    printf '    %-36s %s\n' "$who@demo.orchestrator.test" "$(role_of "$who")"
  done
  printf '    %-36s %s\n' "agent@demo.orchestrator.test" "Helpdesk Agent (Administration; also agent2@)" \
    "portal@northwind.example" "Helpdesk Customer: the support portal (/portal)" \
    "portal@harbor.example" "Helpdesk Customer of another organisation"
  echo
  echo "  Worker health: http://localhost:$WORKER_PORT/healthz"
  if ((KIPU_SIMULATED)); then echo "  Kipu: the local simulator at $KIPU_BASE_URL (Administration → Integrations)"
  elif [[ -n "${KIPU_BASE_URL:-}" ]]; then echo "  Kipu: $KIPU_BASE_URL"; fi
  if ((SMTP_SIMULATED)); then echo "  Mail: sent e-mail is caught by the SMTP simulator: http://localhost:$SMTP_SIM_HTTP_PORT/messages"
  else echo "  Mail: SMTP via $SMTP_HOST:${SMTP_PORT:-587}"; fi
  echo "  Inbound e-mail: POST /api/method/orchestrator.helpdesk.receive_email, signed with ${INBOUND_SECRET_FILE:-HELPDESK_INBOUND_EMAIL_SECRET} (docs/rest-api.md); mail to $CRM_INBOUND_ADDRESSES becomes a CRM lead"
  echo "  Press Ctrl-C to stop."
  echo "────────────────────────────────────────────────────────────────────"
}

# Wait until a child exits (an error: they are meant to run until stopped) or a signal arrives.
while true; do
  dead="$(orch_dead_child)"
  if [[ -n "$dead" ]]; then
    orch_log "$dead exited unexpectedly."
    shutdown 1
  fi
  sleep 2 &
  wait $! || true
done
