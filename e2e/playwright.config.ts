/**
 * Playwright for Orchestrator. `npm test` (scripts/test.sh) builds the app, starts the worker and
 * `next start` on a throwaway database, and runs this with BASE_URL set. By hand, against a running
 * `npm run demo`:  cd e2e && BASE_URL=http://127.0.0.1:3000 npx playwright test
 *
 * Browser: Debian's Chromium at /usr/bin/chromium (`apt-get install chromium`); Playwright's own
 * browser downloads are never used (this machine and CI reach no download host).
 *
 * Projects:
 *   setup    signs each demo role in once through /login, saves e2e/.auth/<role>.json
 *   api      REST/health specs (api/**), no browser state needed
 *   desktop  UI specs (ui/**) at 1280×800, after setup
 *   phone    the same UI specs at 390×844 with touch, after setup
 *   Tests tagged @desktop-only / @phone-only run in that project only (no skipped tests either way).
 *   changes-*  specs (and tests tagged @sync-changes or @crm-changes) that change shared data, one after another, last
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, devices } from "@playwright/test";
import { e2eEnv, isLocalUrl } from "./env";

const here = path.dirname(fileURLToPath(import.meta.url));
const { baseURL, isCI, chromiumPath: executablePath } = e2eEnv;
if (!isLocalUrl(baseURL) && !e2eEnv.allowRemote) {
  // The suite signs in with demo credentials and writes data: never against a server elsewhere by accident.
  throw new Error(`BASE_URL ${baseURL} is not local; set E2E_ALLOW_REMOTE=1 if you really mean it`);
}

if (!existsSync(executablePath)) {
  console.warn(`[e2e] Chromium not found at ${executablePath}: install Debian's package (apt-get install -y chromium); never \`npx playwright install\`.`);
}

/** Specs that change shared data: kept out of the parallel desktop/phone runs (see the projects below). */
const changingSpecs = [/clients-edit\.spec\.ts$/, /live-updates\.spec\.ts$/, /admin-permissions\.spec\.ts$/, /crm-pipeline\.spec\.ts$/];
/** Tests inside an otherwise read-only spec that change shared data (a real Kipu sync adds clients). */
const changingTests = /@sync-changes/;
/** Tests of the CRM lists spec that change shared data (a saved view, an import, a task done). */
const crmChangingTests = /@crm-changes/;

/** The phone projects' device: 390×844 with touch. */
const phone = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 3,
  isMobile: true,
  hasTouch: true,
  userAgent: devices["Pixel 7"].userAgent,
};

export default defineConfig({
  testDir: here,
  outputDir: path.join(here, "test-results"),
  fullyParallel: false,
  forbidOnly: isCI,
  retries: isCI ? 1 : 0,
  workers: isCI ? 2 : undefined,
  timeout: isCI ? 60_000 : 30_000,
  expect: { timeout: 10_000 },
  reporter: [
    ["list"],
    // scripts/test.sh reads this file for its summary line.
    ["json", { outputFile: e2eEnv.jsonReport ?? path.join(here, "test-results", "report.json") }],
  ],
  use: {
    baseURL,
    screenshot: "on",
    trace: "retain-on-failure",
    video: "off",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "setup", testMatch: /setup[\\/].*\.setup\.ts$/ },
    { name: "api", testMatch: /api[\\/].*\.spec\.ts$/ },
    {
      name: "desktop",
      testMatch: /ui[\\/].*\.spec\.ts$/,
      testIgnore: changingSpecs,
      grepInvert: [changingTests, crmChangingTests, /@phone-only/],
      dependencies: ["setup"],
      use: { viewport: { width: 1280, height: 800 } },
    },
    {
      name: "phone",
      testMatch: /ui[\\/].*\.spec\.ts$/,
      testIgnore: changingSpecs,
      grepInvert: [changingTests, crmChangingTests, /@desktop-only/],
      dependencies: ["setup"],
      use: phone,
    },
    // Specs that change shared data (new clients, a status, the permission matrix) run after every
    // read-only spec, one after another, so no count or visibility check can observe their changes.
    { name: "changes-forms", testMatch: /ui[\\/]clients-edit\.spec\.ts$/, dependencies: ["desktop", "phone"], use: { viewport: { width: 1280, height: 800 } } },
    { name: "changes-live", testMatch: /ui[\\/]live-updates\.spec\.ts$/, dependencies: ["changes-forms"], use: { viewport: { width: 1280, height: 800 } } },
    { name: "changes-permissions", testMatch: /ui[\\/]admin-permissions\.spec\.ts$/, dependencies: ["changes-live"], use: { viewport: { width: 1280, height: 800 } } },
    // A real Kipu sync adds clients (and rolls them back): after everything that counts clients.
    { name: "changes-sync", testMatch: /ui[\\/]admin-integrations\.spec\.ts$/, grep: changingTests, dependencies: ["changes-permissions"], use: { viewport: { width: 1280, height: 800 } } },
    // The CRM lists' changes (a saved view, an imported lead, a follow-up done): after every read-only spec.
    { name: "changes-crm-lists", testMatch: /ui[\\/]crm-lists\.spec\.ts$/, grep: crmChangingTests, dependencies: ["changes-sync"], use: { viewport: { width: 1280, height: 800 } } },
    // Admitting a won deal adds a Client: last, at desktop size and then on the phone.
    { name: "changes-crm", testMatch: /ui[\\/]crm-pipeline\.spec\.ts$/, dependencies: ["changes-crm-lists"], use: { viewport: { width: 1280, height: 800 } } },
    { name: "changes-crm-phone", testMatch: /ui[\\/]crm-pipeline\.spec\.ts$/, dependencies: ["changes-crm"], use: phone },
  ],
});
