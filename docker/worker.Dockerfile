# syntax=docker/dockerfile:1
#
# Orchestrator worker (apps/worker, BullMQ consumers + /healthz and /metrics on WORKER_PORT) and
# the one-shot migration runner (same image).
#   docker build -f docker/worker.Dockerfile -t orchestrator/worker .      (context = repo root)
#   worker:     default CMD
#   migrations: docker run --rm --env-file .env -w /app orchestrator/worker npm run db:migrate
# Context filtering: docker/worker.Dockerfile.dockerignore.
#
# How it runs: exactly like `npm run start -w @orchestrator/worker`, i.e. `node --import tsx
# src/index.ts` in apps/worker. The workspace packages (@orchestrator/db, auth, modules) export
# TypeScript source, so the image carries their sources and tsx. (The package's esbuild `build`
# script uses --packages=external, which leaves the @orchestrator/* imports pointing at .ts
# files; the bundle alone could not run on Node 20, so it is not used here.)

ARG NODE_IMAGE=node:20-bookworm-slim

# ---------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS base
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 \
    TURBO_TELEMETRY_DISABLED=1 \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false

# ---------------------------------------------------------------------------------------------
# deps: the full install, used here only as the source of tsx (see prod-deps). Identical to the
# deps stage of web.Dockerfile, so BuildKit shares it. Keep the manifest list equal to the root
# package.json "workspaces".
FROM base AS deps
COPY package.json package-lock.json ./
COPY apps/web/package.json apps/web/
COPY apps/worker/package.json apps/worker/
COPY packages/auth/package.json packages/auth/
COPY packages/db/package.json packages/db/
COPY packages/modules/package.json packages/modules/
COPY packages/kipu-simulator/package.json packages/kipu-simulator/
COPY packages/smtp-simulator/package.json packages/smtp-simulator/
COPY packages/sms-simulator/package.json packages/sms-simulator/
COPY e2e/package.json e2e/
COPY bench/package.json bench/
RUN --mount=type=cache,target=/root/.npm \
    npm ci

# ---------------------------------------------------------------------------------------------
# prod-deps: production dependencies of every workspace, from the same lockfile, plus tsx.
# tsx is a root devDependency but both entry points need it at run time (worker `start` and
# packages/db `migrate`), so its dependency closure is copied from the full install: tsx,
# esbuild with its platform binary (@esbuild/<os>-<arch>), get-tsconfig, resolve-pkg-maps
# (all hoisted to the top level in package-lock.json). If tsx becomes a dependency of
# @orchestrator/worker and @orchestrator/db, these copies become no-ops and can go.
FROM base AS prod-deps
COPY package.json package-lock.json ./
COPY apps/web/package.json apps/web/
COPY apps/worker/package.json apps/worker/
COPY packages/auth/package.json packages/auth/
COPY packages/db/package.json packages/db/
COPY packages/modules/package.json packages/modules/
COPY packages/kipu-simulator/package.json packages/kipu-simulator/
COPY packages/smtp-simulator/package.json packages/smtp-simulator/
COPY packages/sms-simulator/package.json packages/sms-simulator/
COPY e2e/package.json e2e/
COPY bench/package.json bench/
RUN --mount=type=cache,target=/root/.npm \
    npm ci --omit=dev
COPY --from=deps /app/node_modules/tsx ./node_modules/tsx
COPY --from=deps /app/node_modules/esbuild ./node_modules/esbuild
COPY --from=deps /app/node_modules/@esbuild ./node_modules/@esbuild
COPY --from=deps /app/node_modules/get-tsconfig ./node_modules/get-tsconfig
COPY --from=deps /app/node_modules/resolve-pkg-maps ./node_modules/resolve-pkg-maps
# The `tsx` command used by packages/db's `migrate` script; then prove tsx can transpile here.
RUN mkdir -p node_modules/.bin \
 && ln -sf ../tsx/dist/cli.mjs node_modules/.bin/tsx \
 && printf 'const n: number = 1;\nconsole.log(`tsx ok ${n}`);\n' > /tmp/tsx-check.ts \
 && node --import tsx /tmp/tsx-check.ts \
 && node_modules/.bin/tsx /tmp/tsx-check.ts \
 && rm -rf /tmp/tsx-check.ts /tmp/tsx-*

# ---------------------------------------------------------------------------------------------
# runtime: production node_modules + the sources the worker and the migrator load. App files stay
# owned by root (read-only for the app user); tsx writes its transpile cache under /tmp.
FROM base AS runtime
ENV NODE_ENV=production \
    WORKER_PORT=3001

# Root and workspace manifests (npm needs them for `npm run db:migrate` / `-w`) and node_modules.
COPY --from=prod-deps /app ./
COPY tsconfig.base.json ./
COPY packages/db ./packages/db
COPY packages/auth ./packages/auth
COPY packages/modules ./packages/modules
COPY apps/worker ./apps/worker

# The image's unprivileged "node" user (uid 1000; HOME=/home/node for npm's logs).
USER node
EXPOSE 3001

HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.WORKER_PORT||3001)+'/healthz',{signal:AbortSignal.timeout(4000)}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]

# The `start` script of @orchestrator/worker, run without npm in between so SIGTERM reaches the
# worker (npm → sh → node would not forward it and the graceful shutdown would never run).
# The working directory matters: tsx reads apps/worker/tsconfig.json from it.
# For migrations override both: working_dir /app, command `npm run db:migrate`.
WORKDIR /app/apps/worker
CMD ["node", "--import", "tsx", "src/index.ts"]
