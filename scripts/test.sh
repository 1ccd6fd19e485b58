#!/usr/bin/env bash
# `npm test`: the whole suite, as CI runs it.
#
#   1. services   MariaDB and Redis reachable (scripts/services.sh; TEST_DATABASE_SERVER_URL and
#                 TEST_REDIS_URL name them when set)
#   2. checks     turbo run lint typecheck, and eslint + tsc on the root scripts/
#   3. unit       turbo run test:unit
#   4. integration turbo run test:integration --concurrency=1 (each package's vitest global setup
#                 makes its own throwaway MariaDB database and uses Redis logical db 13)
#   5. e2e        Debian Chromium; a throwaway database orch_e2e_* migrated and seeded; production
#                 build of web + worker; the Kipu simulator, worker and `next start` on free ports with Redis db 12;
#                 Playwright (e2e/) against it; servers stopped and the database dropped afterwards
#
# Every stage runs even when an earlier one failed (except that e2e needs the build), so one run
# shows everything that is wrong. The last line printed is `N passed, N failed`: tests vitest and
# Playwright reported, plus one failure for each task or step that failed without a failed test
# (see scripts/lib/test-summary.ts). Exits non-zero when anything failed.
#
# Knobs: TEST_ONLY=checks,unit,integration,e2e (a subset, for local use), KEEP_E2E_DB=1 (keep the e2e
# database for a look afterwards), E2E_REDIS_URL (default redis://127.0.0.1:6379/12),
# E2E_HEALTH_TIMEOUT (seconds, default 180), CHROMIUM_PATH (default /usr/bin/chromium).
set -euo pipefail

# shellcheck source=scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
cd "$ORCH_ROOT"
orch_telemetry_off

RUN_DIR="$ORCH_ROOT/.data/test-run"
STAGES="$RUN_DIR/stages.tsv"
TURBO="$ORCH_BIN/turbo"
TSX="$ORCH_BIN/tsx"
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
rm -rf "$RUN_DIR"
mkdir -p "$RUN_DIR"
: >"$STAGES"

[[ -x "$TURBO" && -x "$TSX" ]] || orch_die "dependencies are not installed: run \`npm ci\` (or \`npm install\`) first"

wants() { [[ -z "${TEST_ONLY:-}" || ",${TEST_ONLY}," == *",$1,"* ]]; }
record() { printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "${4:-}" >>"$STAGES"; }

# run_logged LOG COMMAND... — shows the output and keeps a copy; returns the command's status.
run_logged() {
  local log="$1" rc=0
  shift
  "$@" 2>&1 | tee "$log" || rc=$?
  return "$rc"
}

summarize_and_exit() {
  local rc=0
  "$TSX" "$ORCH_ROOT/scripts/lib/test-summary.ts" "$STAGES" || rc=$?
  # Turbo's run summaries were only needed for the line above.
  grep -ho 'Summary:[[:space:]]*[^[:space:]]*\.json' "$RUN_DIR"/*.log 2>/dev/null | awk '{print $2}' | xargs -r rm -f -- || true
  if ((rc > 1)); then
    # The summariser itself broke: say so honestly rather than print a made-up count.
    echo "error: could not read the test reports; stage results are in $STAGES" >&2
    local failed_stages
    failed_stages="$(awk -F'\t' '$3 != 0' "$STAGES" | wc -l)"
    echo "0 passed, $((failed_stages > 0 ? failed_stages : 1)) failed"
    exit 1
  fi
  exit "$rc"
}

# --- e2e state and cleanup (runs once: explicitly before the summary, or on EXIT/signals) ----------
E2E_DB_URL=""
E2E_REDIS_URL="${E2E_REDIS_URL:-redis://127.0.0.1:6379/12}"
CLEANED=0
cleanup() {
  ((CLEANED)) && return 0
  CLEANED=1
  orch_stop_children
  if [[ -n "$E2E_DB_URL" ]]; then
    if [[ "${KEEP_E2E_DB:-}" == "1" ]]; then
      orch_log "KEEP_E2E_DB=1: kept the e2e database ${E2E_DB_URL##*/}"
    else
      "$TSX" scripts/lib/test-services.ts drop-database "$E2E_DB_URL" || orch_log "warning: could not drop ${E2E_DB_URL##*/}"
      "$TSX" scripts/lib/test-services.ts flush-redis "$E2E_REDIS_URL" >/dev/null 2>&1 || true
    fi
  fi
  return 0
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- 1. services ---------------------------------------------------------------------------------
orch_step "services: MariaDB and Redis"
if DATABASE_URL="${TEST_DATABASE_SERVER_URL:-}" REDIS_URL="${TEST_REDIS_URL:-}" bash scripts/services.sh; then
  record "services" step 0
else
  record "services" step 1
  cleanup
  summarize_and_exit
fi

# --- 2. lint + typecheck -------------------------------------------------------------------------
if wants checks; then
  orch_step "lint + typecheck"
  rc=0
  run_logged "$RUN_DIR/checks.log" "$TURBO" run lint typecheck --continue --summarize || rc=$?
  record "lint+typecheck" checks "$rc" "$RUN_DIR/checks.log"
  # The root scripts/ are no workspace: check them here.
  rc=0
  { "$ORCH_BIN/eslint" scripts && "$ORCH_BIN/tsc" -p scripts/tsconfig.json; } || rc=$?
  record "scripts lint+tsc" step "$rc"
fi

# --- 3./4. vitest through turbo, each package writing a JSON report under its test-results/ -------
run_vitest_stage() {
  local label="$1" task="$2" report="$3" rc=0
  shift 3
  rm -f apps/*/test-results/"$report" packages/*/test-results/"$report" bench/test-results/"$report"
  run_logged "$RUN_DIR/$task.log" "$TURBO" run "$task" --continue --summarize "$@" -- \
    --reporter=default --reporter=json --outputFile.json="test-results/$report" || rc=$?
  record "$label" vitest "$rc" "$RUN_DIR/$task.log:$report"
}
if wants unit; then
  orch_step "unit tests"
  run_vitest_stage "unit" test:unit vitest-unit.json
fi
if wants integration; then
  orch_step "integration tests (real MariaDB and Redis, throwaway databases)"
  run_vitest_stage "integration" test:integration vitest-integration.json --concurrency=1
fi

# --- 5. e2e --------------------------------------------------------------------------------------
ensure_chromium() {
  [[ -x "$CHROMIUM" ]] && return 0
  if [[ "$CHROMIUM" == /usr/bin/chromium && "$(id -u)" == "0" ]]; then
    orch_log "Chromium is missing: installing Debian's chromium package"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y chromium >"$RUN_DIR/apt-chromium.log" 2>&1 \
      || { apt-get update >>"$RUN_DIR/apt-chromium.log" 2>&1 && apt-get install -y chromium >>"$RUN_DIR/apt-chromium.log" 2>&1; } \
      || { orch_log "apt-get install chromium failed; see $RUN_DIR/apt-chromium.log"; return 1; }
    [[ -x "$CHROMIUM" ]] && return 0
  fi
  orch_log "error: no Chromium at $CHROMIUM. Install Debian's package: sudo apt-get install -y chromium"
  orch_log "       (Playwright's own browser download, \`npx playwright install\`, does not work here.)"
  return 1
}

run_e2e() {
  local rc name server web_port worker_port timeout="${E2E_HEALTH_TIMEOUT:-180}"

  orch_step "e2e: Chromium"
  rc=0; ensure_chromium || rc=$?
  record "e2e chromium" step "$rc"
  ((rc == 0)) || return 0

  # The servers' environment: a throwaway database, Redis db 12, and the auth settings a local run needs.
  name="orch_e2e_$(date +%s)_$(node -e 'process.stdout.write(require("node:crypto").randomBytes(3).toString("hex"))')"
  server="${TEST_DATABASE_SERVER_URL:-mysql://root@127.0.0.1:3306/}"
  E2E_DB_URL="$(node -e 'const u=new URL(process.argv[1]);u.pathname="/"+process.argv[2];process.stdout.write(u.toString())' "$server" "$name")"
  web_port="$(orch_free_port)"
  worker_port="$(orch_free_port)"
  while [[ "$worker_port" == "$web_port" ]]; do worker_port="$(orch_free_port)"; done
  export DATABASE_URL="$E2E_DB_URL" REDIS_URL="$E2E_REDIS_URL"
  export DEMO_PASSWORD="${DEMO_PASSWORD:-orchestrator-demo}"
  export AUTH_SECRET="${AUTH_SECRET:-e2e-$(node -e 'process.stdout.write(require("node:crypto").randomBytes(24).toString("base64url"))')}"
  export AUTH_URL="http://127.0.0.1:$web_port" AUTH_TRUST_HOST="${AUTH_TRUST_HOST:-true}"
  export PORT="$web_port" WORKER_PORT="$worker_port"

  # Built with the same environment the servers get (a route module may validate it at build time).
  orch_step "e2e: production build of web and worker"
  rc=0
  run_logged "$RUN_DIR/build.log" "$TURBO" run build --filter=@orchestrator/web --filter=@orchestrator/worker \
    --output-logs=errors-only || rc=$?
  record "e2e build" step "$rc"
  ((rc == 0)) || return 0

  orch_step "e2e: database $name (migrate + seed) and Redis ${E2E_REDIS_URL##*/} (flush)"
  rc=0
  { "$TSX" scripts/lib/test-services.ts flush-redis "$E2E_REDIS_URL" && "$TSX" scripts/seed-demo.ts; } || rc=$?
  record "e2e seed" step "$rc"
  ((rc == 0)) || return 0

  # The Kipu simulator with a dozen patients and credentials made up for this run; the schedule is
  # off so that only the integrations spec (run last: it adds clients) syncs.
  local sim_port
  sim_port="$(orch_free_port)"
  while [[ "$sim_port" == "$web_port" || "$sim_port" == "$worker_port" ]]; do sim_port="$(orch_free_port)"; done
  export KIPU_SIM_PORT="$sim_port" KIPU_SIM_PATIENTS="${KIPU_SIM_PATIENTS:-12}" KIPU_SIM_ACCESS_ID="e2e-access-id" KIPU_SIM_APP_ID="e2e-app-id"
  KIPU_SIM_SECRET_KEY="$(node -e 'process.stdout.write(require("node:crypto").randomBytes(24).toString("base64url"))')"
  export KIPU_SIM_SECRET_KEY
  export KIPU_BASE_URL="http://127.0.0.1:$sim_port" KIPU_ACCESS_ID="$KIPU_SIM_ACCESS_ID" KIPU_SECRET_KEY="$KIPU_SIM_SECRET_KEY" KIPU_APP_ID="$KIPU_SIM_APP_ID"
  export SYNC_KIPU_EVERY_MINUTES=0
  # The SMTP simulator catches the outbox's mail (e2e specs read it at $SMTP_SIM_URL/messages).
  local smtp_port smtp_http_port
  smtp_port="$(orch_free_port)"
  smtp_http_port="$(orch_free_port)"
  while [[ "$smtp_http_port" == "$smtp_port" ]]; do smtp_http_port="$(orch_free_port)"; done
  export SMTP_SIM_PORT="$smtp_port" SMTP_SIM_HTTP_PORT="$smtp_http_port" SMTP_SIM_URL="http://127.0.0.1:$smtp_http_port"
  export SMTP_HOST=127.0.0.1 SMTP_PORT="$smtp_port" SMTP_SECURE=false

  orch_step "e2e: starting the Kipu simulator (:$sim_port), worker (:$worker_port) and web (:$web_port)"
  orch_start_child kipu-simulator "$RUN_DIR/kipu-simulator.log" npm run start -w @orchestrator/kipu-simulator
  orch_start_child smtp-simulator "$RUN_DIR/smtp-simulator.log" npm run start -w @orchestrator/smtp-simulator
  orch_start_child worker "$RUN_DIR/worker.log" env NODE_ENV=production npm run start -w @orchestrator/worker
  orch_start_child web "$RUN_DIR/web.log" env NODE_ENV=production npm run start -w @orchestrator/web -- -p "$web_port" -H 127.0.0.1
  rc=0
  orch_wait_healthy "$KIPU_BASE_URL/__sim/health" "$timeout" || rc=$?
  ((rc == 0)) && { orch_wait_healthy "$SMTP_SIM_URL/health" "$timeout" || rc=$?; }
  ((rc == 0)) && { orch_wait_healthy "http://127.0.0.1:$worker_port/healthz" "$timeout" || rc=$?; }
  ((rc == 0)) && { orch_wait_healthy "http://127.0.0.1:$web_port/api/health" "$timeout" || rc=$?; }
  record "e2e servers" step "$rc"
  if ((rc != 0)); then
    orch_log "--- last lines of worker.log ---"; tail -n 40 "$RUN_DIR/worker.log" >&2 || true
    orch_log "--- last lines of web.log ---"; tail -n 40 "$RUN_DIR/web.log" >&2 || true
    orch_log "--- last lines of kipu-simulator.log ---"; tail -n 20 "$RUN_DIR/kipu-simulator.log" >&2 || true
    return 0
  fi

  orch_step "e2e: Playwright (BASE_URL=http://127.0.0.1:$web_port)"
  rc=0
  (cd e2e && BASE_URL="http://127.0.0.1:$web_port" E2E_JSON_REPORT="$RUN_DIR/playwright.json" CHROMIUM_PATH="$CHROMIUM" \
    npx --no -- playwright test) || rc=$?
  record "e2e" playwright "$rc" "$RUN_DIR/playwright.json"
  orch_log "e2e artifacts (screenshots, traces): e2e/test-results/; server logs: $RUN_DIR/{web,worker,kipu-simulator}.log"
}
if wants e2e; then
  run_e2e
fi

cleanup
summarize_and_exit
