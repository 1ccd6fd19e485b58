import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { NextConfig } from "next";

/**
 * The monorepo root (the package.json that declares `workspaces`), found from the working
 * directory so it works whether `next build` runs in apps/web or is pointed at it from the root,
 * and whether Next loads this file as CommonJS or as native ESM (no __dirname / import.meta).
 */
function monorepoRoot(start = process.cwd()): string {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && "workspaces" in (JSON.parse(readFileSync(manifest, "utf8")) as object)) return dir;
    if (dirname(dir) === dir) throw new Error("next.config.ts: could not find the monorepo root (a package.json with workspaces)");
  }
}

const root = monorepoRoot();
const isDev = process.env.NODE_ENV === "development";

/**
 * Same-origin only; nothing is loaded from another host (no CDN, no web fonts). Next's inline
 * bootstrap scripts need 'unsafe-inline' until we move to per-request nonces; dev adds 'unsafe-eval'
 * for React Refresh.
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  // Ignored by browsers over plain HTTP; in production nginx terminates TLS in front of us.
  { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
];

const nextConfig: NextConfig = {
  output: "standalone",
  outputFileTracingRoot: root,
  turbopack: { root },
  poweredByHeader: false,
  // Workspace packages are consumed as TypeScript source.
  transpilePackages: ["@orchestrator/auth", "@orchestrator/db", "@orchestrator/modules"],
  // Native or Node-only dependencies: required at runtime instead of bundled.
  serverExternalPackages: ["@node-rs/argon2", "mysql2", "ioredis", "bullmq"],
  experimental: {
    // Also tells Turbopack these packages are free of side effects, so the parts we never import
    // (tRPC's WebSocket, SSE and streaming links) leave the client bundle; their package.json does not say so.
    optimizePackageImports: ["@trpc/client", "@trpc/tanstack-react-query"],
  },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // API answers are per-user: never stored by shared caches.
      { source: "/api/:path*", headers: [{ key: "Cache-Control", value: "no-store" }] },
    ];
  },
};

export default nextConfig;
