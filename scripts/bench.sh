#!/usr/bin/env bash
# `npm run bench`: make sure MariaDB and Redis are reachable, then run the benchmarks in bench/
# (they create and drop their own throwaway database; see bench/src/run.ts). Extra arguments go to
# the bench runner. Figures are printed, not asserted. After the API figures it runs Lighthouse and
# measures First Load JS on the production web app (bench/src/lighthouse.ts; needs Debian's
# `chromium`, or CHROME_PATH): BENCH_SKIP_LIGHTHOUSE=1 skips that, BENCH_REBUILD_WEB=1 rebuilds the
# web app first (otherwise an existing apps/web/.next build is reused). Before Lighthouse it measures the
# Kipu ingest of 10k patients and a no-op job drain (bench/src/sync-ingest.ts, its own throwaway
# database; BENCH_SKIP_SYNC=1 skips it; `npm run bench:sync -w @orchestrator/bench` runs it alone).
set -euo pipefail

# shellcheck source=scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
cd "$ORCH_ROOT"
orch_telemetry_off

DATABASE_URL="${TEST_DATABASE_SERVER_URL:-}" REDIS_URL="${BENCH_REDIS_URL:-${TEST_REDIS_URL:-}}" bash scripts/services.sh
npm run bench -w @orchestrator/bench -- "$@"
