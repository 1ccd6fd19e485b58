/**
 * Everything the e2e suite reads from the environment, in one place (the lint rule keeps
 * `process.env` to files named env.ts and to configs).
 */
const LOCAL_HOSTS = ["127.0.0.1", "localhost", "::1", "[::1]"];

function flag(value: string | undefined): boolean {
  return Boolean(value) && value !== "false" && value !== "0";
}

export const e2eEnv = {
  /** The app under test; scripts/test.sh sets it to the production build it started. */
  baseURL: process.env.BASE_URL || "http://127.0.0.1:3000",
  /** The demo users' password (the seed's DEMO_PASSWORD). */
  demoPassword: process.env.DEMO_PASSWORD || "orchestrator-demo",
  /** Debian's Chromium; Playwright's own browser downloads are never used. */
  chromiumPath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  /** Where the JSON report goes (scripts/test.sh reads it for its summary). */
  jsonReport: process.env.E2E_JSON_REPORT || undefined,
  /** The queue Redis the app under test uses (scripts/test.sh exports it for the servers and this run). */
  redisUrl: process.env.REDIS_URL || "redis://127.0.0.1:6379/0",
  /** The Kipu simulator the app under test syncs from (scripts/test.sh starts it for every e2e run). */
  kipuBaseUrl: process.env.KIPU_BASE_URL || undefined,
  /** The SMTP simulator's HTTP API, where the outbox's mail arrives (scripts/test.sh starts it for every e2e run). */
  smtpSimUrl: process.env.SMTP_SIM_URL || undefined,
  isCI: flag(process.env.CI),
  allowRemote: process.env.E2E_ALLOW_REMOTE === "1",
} as const;

export function isLocalUrl(url: string): boolean {
  return LOCAL_HOSTS.includes(new URL(url).hostname);
}
