/**
 * Lighthouse (mobile preset, Debian Chromium) on the production web app: the sign-in page and the
 * Clients list, plus First Load JS per page (its `<script src>` files, gzip level 6). Run by
 * run.ts after the API bench (skip with BENCH_SKIP_LIGHTHOUSE=1), or on its own:
 *
 *   BENCH_REDIS_URL=redis://127.0.0.1:6379/10 tsx bench/src/lighthouse.ts
 *
 * It seeds its own small throwaway database with the demo data set (64 clients, the demo users),
 * reuses apps/web/.next when a build exists (builds it otherwise; BENCH_REBUILD_WEB=1 forces one),
 * serves it with `next start` on a free port against that database and Redis db 10, signs in as the
 * demo Super Admin through POST /api/method/login (the `sid` cookie the web app accepts) and
 * audits with that cookie, BENCH_LIGHTHOUSE_RUNS times per page (default 3; the median is shown). Everything stays on 127.0.0.1: Chromium runs with background
 * networking, component updates and sync off.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { createThrowawayDatabase } from "@orchestrator/db/testing";
import { Redis } from "ioredis";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const WEB = join(ROOT, "apps", "web");
const CHROME_PATH = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? "orchestrator-demo";
const ADMIN = "admin@demo.orchestrator.test";
const RUNS = Math.max(1, Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3));

interface PageTarget {
  label: string;
  path: string;
  signedIn: boolean;
  maxFirstLoadKb: number;
}

const pages: PageTarget[] = [
  { label: "sign-in", path: "/login", signedIn: false, maxFirstLoadKb: 130 },
  { label: "Clients list", path: "/clients", signedIn: true, maxFirstLoadKb: 170 },
];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function waitHealthy(url: string, child: ChildProcess, timeoutMs = 90_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`web app not healthy at ${url} after ${timeoutMs / 1000} s`);
}

/** First Load JS of a page: every `<script src>` in its HTML, each gzip-compressed at level 6. */
async function firstLoadJs(base: string, path: string, cookie: string | undefined): Promise<{ bytes: number; files: number }> {
  const headers: Record<string, string> = cookie ? { cookie } : {};
  const res = await fetch(new URL(path, base), { headers, redirect: "manual" });
  if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status} (expected the page itself)`);
  const html = await res.text();
  // `nomodule` scripts (legacy polyfills) are never fetched by the browsers we serve: not counted.
  const tags = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]!).filter((attrs) => !/\bnomodule\b/i.test(attrs));
  const sources = new Set(tags.map((attrs) => /\bsrc="([^"]+)"/.exec(attrs)?.[1]?.replace(/&amp;/g, "&")).filter((src): src is string => !!src));
  if (process.env.BENCH_VERBOSE === "1") console.log(`${path}: ${[...sources].join(" ")}`);
  let bytes = 0;
  for (const src of sources) {
    const script = await fetch(new URL(src, base), { headers });
    if (!script.ok) throw new Error(`${src}: HTTP ${script.status}`);
    bytes += gzipSync(Buffer.from(await script.arrayBuffer()), { level: 6 }).length;
  }
  return { bytes, files: sources.size };
}

async function signIn(base: string): Promise<string> {
  const res = await fetch(new URL("/api/method/login", base), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ usr: ADMIN, pwd: DEMO_PASSWORD }) });
  if (!res.ok) throw new Error(`sign-in failed: HTTP ${res.status} ${await res.text()}`);
  const sid = res.headers.getSetCookie().map((c) => /^sid=([^;]+)/.exec(c)?.[1]).find((v) => v && v !== "Guest");
  if (!sid) throw new Error("sign-in returned no sid cookie");
  return `sid=${sid}`;
}

export async function runLighthouse(): Promise<void> {
  if (!existsSync(CHROME_PATH)) throw new Error(`Chromium not found at ${CHROME_PATH} (apt-get install chromium, or set CHROME_PATH)`);
  process.env.CHROME_PATH = CHROME_PATH;
  const redisUrl = process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379/10";

  if (!existsSync(join(WEB, ".next", "BUILD_ID")) || process.env.BENCH_REBUILD_WEB === "1") {
    console.log("lighthouse: building the web app (npm run build -w @orchestrator/web)");
    const built = spawnSync("npm", ["run", "build", "-w", "@orchestrator/web"], { cwd: ROOT, stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
    if (built.status !== 0) throw new Error("web build failed");
  } else {
    console.log("lighthouse: reusing the existing web build (apps/web/.next; BENCH_REBUILD_WEB=1 rebuilds)");
  }

  const { url: databaseUrl, drop } = await createThrowawayDatabase("orch_bench_web");
  let web: ChildProcess | undefined;
  try {
    // Seed the demo data set in a child process: this process's database client may point elsewhere.
    const seeded = spawnSync(join(ROOT, "node_modules", ".bin", "tsx"), [join(ROOT, "scripts", "seed-demo.ts")], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, DATABASE_URL: databaseUrl, DEMO_PASSWORD } });
    if (seeded.status !== 0) throw new Error("seeding the demo data set failed");

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const webEnv = { ...process.env, NODE_ENV: "production", DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, AUTH_SECRET: process.env.AUTH_SECRET ?? "bench-secret-bench-secret-bench-secret-01", AUTH_URL: base, AUTH_TRUST_HOST: "true", PORT: String(port) };
    web = spawn(join(ROOT, "node_modules", ".bin", "next"), ["start", "-p", String(port), "-H", "127.0.0.1"], { cwd: WEB, env: webEnv, stdio: ["ignore", "ignore", "inherit"] });
    await waitHealthy(`${base}/api/health`, web);
    const cookie = await signIn(base);

    const { default: lighthouse } = await import("lighthouse");
    const chromeLauncher = await import("chrome-launcher");
    const chromeFlags = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
    /** One audit in a fresh Chromium (reusing one across runs trips Lighthouse's trace recording: NO_NAVSTART). */
    const audit = async (url: string, cookieHeader: string | undefined) => {
      for (let attempt = 1; ; attempt++) {
        const chrome = await chromeLauncher.launch({ chromePath: CHROME_PATH, chromeFlags });
        try {
          const result = await lighthouse(url, {
            port: chrome.port,
            output: "json",
            logLevel: "error",
            onlyCategories: ["performance", "accessibility"],
            ...(cookieHeader ? { extraHeaders: { Cookie: cookieHeader } } : {}),
          });
          const lhr = result?.lhr;
          if (lhr && !lhr.runtimeError) return lhr;
          if (attempt >= 3) throw new Error(`${url}: ${lhr?.runtimeError ? `${lhr.runtimeError.code} ${lhr.runtimeError.message}` : "Lighthouse returned no result"}`);
        } finally {
          chrome.kill();
        }
      }
    };
    const rows: string[][] = [];
    for (const page of pages) {
      const pageCookie = page.signedIn ? cookie : undefined;
      // Warm the route once (the first render of a route compiles nothing in production, but fills caches).
      await fetch(new URL(page.path, base), { headers: pageCookie ? { cookie: pageCookie } : {} }).then((r) => r.arrayBuffer());
      // Simulated throttling still depends on this machine's load: the median of several runs (by performance).
      const runs = [];
      for (let run = 0; run < RUNS; run++) {
        const lhr = await audit(`${base}${page.path}`, pageCookie);
        const finalUrl = lhr.finalDisplayedUrl ?? lhr.finalUrl ?? "";
        if (!finalUrl.includes(page.path)) throw new Error(`${page.path}: Lighthouse ended on ${finalUrl} (not signed in?)`);
        runs.push(lhr);
      }
      runs.sort((a, b) => (a.categories.performance?.score ?? 0) - (b.categories.performance?.score ?? 0));
      const lhr = runs[Math.floor(runs.length / 2)]!;
      const allPerf = runs.map((r) => Math.round((r.categories.performance?.score ?? 0) * 100));
      const perf = Math.round((lhr.categories.performance?.score ?? 0) * 100);
      const a11y = Math.round((lhr.categories.accessibility?.score ?? 0) * 100);
      const js = await firstLoadJs(base, page.path, pageCookie);
      const kb = js.bytes / 1000;
      const metric = (id: string) => lhr.audits[id]?.displayValue ?? "-";
      rows.push([
        page.label,
        page.path,
        `${perf} ${perf >= 90 ? "ok" : "OVER"} (${allPerf.join("/")})`,
        `${a11y} ${a11y >= 95 ? "ok" : "OVER"}`,
        `${kb.toFixed(1)} kB / ${page.maxFirstLoadKb} ${kb <= page.maxFirstLoadKb ? "ok" : "OVER"}`,
        String(js.files),
        metric("first-contentful-paint"),
        metric("largest-contentful-paint"),
        metric("total-blocking-time"),
        metric("cumulative-layout-shift"),
      ]);
    }

    const header = ["page", "path", "performance (≥90)", "accessibility (≥95)", "First Load JS gzip", "scripts", "FCP", "LCP", "TBT", "CLS"];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ");
    console.log(`\nLighthouse 12, mobile preset (simulated throttling), Debian Chromium, production build, demo data, signed in as Super Admin for /clients; median of ${RUNS} runs (all runs' performance in brackets); kB = 1000 bytes`);
    console.log(line(header));
    for (const r of rows) console.log(line(r));
  } finally {
    if (web && web.exitCode === null) {
      web.kill("SIGTERM");
      await new Promise((r) => web!.once("exit", r));
    }
    // Sessions of this run live in the bench's Redis db: drop them with the database.
    const redis = new Redis(redisUrl);
    await redis.flushdb().catch(() => undefined);
    redis.disconnect();
    await drop();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  runLighthouse().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
