#!/usr/bin/env bash
# `npm run bench`: make sure MariaDB and Redis are reachable, then run the benchmarks in bench/
# (they create and drop their own throwaway database; see bench/src/run.ts). Extra arguments go to
# the bench runner. Figures are printed, not asserted.
set -euo pipefail

# shellcheck source=scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
cd "$ORCH_ROOT"
orch_telemetry_off

DATABASE_URL="${TEST_DATABASE_SERVER_URL:-}" REDIS_URL="${BENCH_REDIS_URL:-${TEST_REDIS_URL:-}}" bash scripts/services.sh
npm run bench -w @orchestrator/bench -- "$@"
