# syntax=docker/dockerfile:1
#
# Orchestrator web (apps/web, Next.js standalone output).
#   docker build -f docker/web.Dockerfile -t orchestrator/web .      (context = repo root)
# What goes into the context is decided by docker/web.Dockerfile.dockerignore (BuildKit reads the
# <Dockerfile>.dockerignore next to the Dockerfile): no node_modules, .next, .env or .data from the host.
#
# Every stage uses the same Debian (glibc) base, so the native packages npm picks for the build
# (@next/swc-*, @node-rs/argon2-*, sharp) are the ones the runtime can load.

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
# deps: the full install (dev dependencies included: next build needs typescript, tailwind, turbo).
# Only the lockfile and the workspace manifests are copied, so this layer is rebuilt only when
# dependencies change. Keep this list equal to the root package.json "workspaces" (a workspace
# missing here makes `npm ci` fail with "package.json and package-lock.json are not in sync").
# This stage is identical in worker.Dockerfile, so BuildKit runs it once for both images.
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
# build: `next build` through turbo (turbo.json: build dependsOn ^build). NODE_ENV is not set here
# (next build sets it; a global NODE_ENV=production would also make `npm ci` skip dev deps).
# Route modules validate their environment when Next collects page data, and @orchestrator/auth
# requires AUTH_SECRET in production: the build gets a random throwaway value that exists only for
# this RUN (AUTH_SECRET is in turbo.json globalPassThroughEnv, NEXT_*/TURBO_* pass by default).
# The real secret is given to the container at run time, never baked into the image.
FROM base AS build
COPY --from=deps /app ./
COPY . .
RUN mkdir -p apps/web/public \
 && AUTH_SECRET="$(node -e 'process.stdout.write(require("node:crypto").randomBytes(32).toString("base64url"))')" \
    npx turbo run build --filter=@orchestrator/web \
 && test -f apps/web/.next/standalone/apps/web/server.js

# ---------------------------------------------------------------------------------------------
# runtime: only the standalone server (server.js + the node_modules Next traced), the static
# assets and public/. Layout mirrors the repo because outputFileTracingRoot is the repo root.
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    HOSTNAME=0.0.0.0 \
    PORT=3000 \
    NEXT_TELEMETRY_DISABLED=1

# Owned by the runtime user: Next writes its cache (ISR, image optimisation) under apps/web/.next.
COPY --from=build --chown=node:node /app/apps/web/.next/standalone ./
COPY --from=build --chown=node:node /app/apps/web/.next/static ./apps/web/.next/static
COPY --from=build --chown=node:node /app/apps/web/public ./apps/web/public

# The image's unprivileged "node" user (uid 1000).
USER node
EXPOSE 3000

# GET /api/health answers 200 only when the app and its dependencies (MariaDB, Redis) answer.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health',{signal:AbortSignal.timeout(4000)}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]

# server.js handles SIGTERM itself; run with an init (compose: `init: true`) to reap children.
CMD ["node", "apps/web/server.js"]
