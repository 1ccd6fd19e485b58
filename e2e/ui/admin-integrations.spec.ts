/**
 * Administration: Integrations (issue 4, item 7). Read-only checks run in the desktop and phone
 * projects: the Sources page with Kipu's status, the runs and review-queue pages, axe, and "not
 * found" for anyone but an admin. The real sync (tagged @sync-changes) adds clients, so it runs in
 * the `changes-sync` project after every other spec: Sync now (full) → the dry-run preview → Apply →
 * the run completes → the Clients list has the new clients → Roll back (confirmed) → they are gone.
 * It needs the Kipu simulator scripts/test.sh starts (KIPU_BASE_URL, KIPU_SIM_PATIENTS=12).
 */
import { expect, test, type Locator, type Page } from "@playwright/test";
import { e2eEnv } from "../env";
import { countLabel, expectListReady, press, waitForHydration } from "../fixtures/clients-ui";
import { roleByKey } from "../fixtures/roles";
import { expectNoSeriousViolations } from "../fixtures/axe";

const admin = roleByKey("admin");
/** The simulator's seeded patient count in e2e (scripts/test.sh: KIPU_SIM_PATIENTS=12). */
const SIM_PATIENTS = 12;
const RUN_TIMEOUT = 60_000;

/** The number a run's counts (a group named `counts`) show under `term`. */
function countOf(page: Page, counts: string, term: string): Locator {
  return page.getByRole("group", { name: counts }).locator("div").filter({ has: page.getByRole("term").getByText(term, { exact: true }) }).getByRole("definition");
}

async function clientCount(page: Page): Promise<number> {
  await page.goto("/clients");
  await expectListReady(page);
  const text = (await countLabel(page).textContent()) ?? "";
  return Number(/^(\d+)/.exec(text)?.[1]);
}

test.describe("Administration: integrations", () => {
  test.use({ storageState: admin.storageState });

  test("the Sources page shows Kipu with its status and Sync now, and passes axe", async ({ page }, testInfo) => {
    await page.goto("/admin/integrations");
    await expect(page.getByRole("heading", { level: 1, name: "Integrations" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Integrations" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("navigation", { name: "Integrations" }).getByRole("link", { name: "Sources" })).toHaveAttribute("aria-current", "page");
    const kipu = page.getByRole("article", { name: "Kipu" });
    await expect(kipu).toContainText("Status: OK");
    await expect(kipu.getByRole("button", { name: "Sync now" })).toBeEnabled();
    await expectNoSeriousViolations(page, testInfo, "integrations-sources");

    // Choosing a sync type is read-only until "Preview changes" (not pressed here).
    const syncNow = kipu.getByRole("button", { name: "Sync now" });
    await waitForHydration(syncNow);
    await press(syncNow, testInfo);
    await expect(kipu.getByRole("group", { name: "Sync Kipu now" })).toBeVisible();
    await expect(kipu.getByRole("radio", { name: /^Incremental/ })).toBeChecked();
    await expectNoSeriousViolations(page, testInfo, "integrations-sync-choice");
    await press(kipu.getByRole("button", { name: "Cancel" }), testInfo);
    await expect(kipu.getByRole("button", { name: "Sync now" })).toBeVisible();

    await press(kipu.getByRole("button", { name: "Check connection" }), testInfo);
    await expect(kipu.getByText(/^Connection OK \(\d+ ms/)).toBeVisible();
  });

  test("the runs, conflicts and duplicates pages render and pass axe", async ({ page }, testInfo) => {
    await page.goto("/admin/integrations/runs");
    await expect(page.getByRole("heading", { level: 1, name: "Sync runs" })).toBeVisible();
    await expect(page.getByLabel("Status", { exact: true })).toBeVisible();
    await expectNoSeriousViolations(page, testInfo, "integrations-runs");
    await page.goto("/admin/integrations/conflicts");
    await expect(page.getByRole("heading", { level: 1, name: "Sync conflicts" })).toBeVisible();
    await expect(page.getByText("No open conflicts")).toBeVisible();
    await expectNoSeriousViolations(page, testInfo, "integrations-conflicts");
    await page.goto("/admin/integrations/duplicates");
    await expect(page.getByRole("heading", { level: 1, name: "Possible duplicates" })).toBeVisible();
    await expect(page.getByText("No possible duplicates")).toBeVisible();
    await expectNoSeriousViolations(page, testInfo, "integrations-duplicates");
    expect((await page.goto("/admin/integrations/runs/SR-99999"))?.status()).toBe(404);
  });

  test("a user without admin rights gets the not-found page", async ({ browser }) => {
    for (const key of ["medical", "supervisor"] as const) {
      const context = await browser.newContext({ storageState: roleByKey(key).storageState });
      try {
        const page = await context.newPage();
        for (const path of ["/admin/integrations", "/admin/integrations/runs", "/admin/integrations/conflicts"]) {
          expect((await page.goto(path))?.status(), path).toBe(404);
          await expect(page.getByRole("heading", { name: "Integrations" })).toHaveCount(0);
        }
      } finally {
        await context.close();
      }
    }
  });

  test("Sync now: dry-run preview, Apply, the run completes, then Roll back", { tag: "@sync-changes" }, async ({ page }, testInfo) => {
    test.setTimeout(3 * RUN_TIMEOUT);
    // Not a skip: without the simulator this test cannot mean anything, so the run must say so.
    expect(e2eEnv.kipuBaseUrl, "KIPU_BASE_URL: scripts/test.sh starts the Kipu simulator for e2e and exports it").toBeTruthy();
    const before = await clientCount(page);

    await page.goto("/admin/integrations");
    const kipu = page.getByRole("article", { name: "Kipu" });
    const syncNow = kipu.getByRole("button", { name: "Sync now" });
    await waitForHydration(syncNow);
    await press(syncNow, testInfo);
    await press(kipu.getByRole("radio", { name: /^Full/ }), testInfo);
    await press(kipu.getByRole("button", { name: "Preview changes" }), testInfo);

    // The dry run's preview: every simulator patient is new; nothing is written yet.
    const preview = kipu.getByRole("region", { name: "Dry-run preview" });
    await expect(preview).toBeVisible({ timeout: RUN_TIMEOUT });
    await expect(countOf(page, "Preview counts", "To create")).toHaveText(String(SIM_PATIENTS));
    await expect(countOf(page, "Preview counts", "Errors")).toHaveText("0");
    await expect(preview.getByRole("list", { name: "First changes" }).locator(":scope > li").first()).toContainText("Create");

    // Apply: the real run, on its own page, refreshing itself until it has finished.
    await press(preview.getByRole("button", { name: "Apply" }), testInfo);
    await expect(page).toHaveURL(/\/admin\/integrations\/runs\/SR-\d{5,}$/);
    const runName = /SR-\d+/.exec(page.url())![0];
    await expect(page.getByRole("heading", { level: 1, name: `Sync run ${runName}` })).toBeVisible();
    await expect(page.getByText(/^Status: Completed$/)).toBeVisible({ timeout: RUN_TIMEOUT });
    await expect(countOf(page, "Run counts", "Imported")).toHaveText(String(SIM_PATIENTS));
    await expect(page.getByRole("list", { name: `Changes of run ${runName}` }).locator(":scope > li")).toHaveCount(SIM_PATIENTS);

    expect(await clientCount(page)).toBe(before + SIM_PATIENTS);

    // Roll back, confirmed first: the clients the run created are removed.
    await page.goto(`/admin/integrations/runs/${runName}`);
    // Checked on a fresh load: a toast fading in is not the page's contrast.
    await expect(page.getByText(/^Status: Completed$/)).toBeVisible();
    await expectNoSeriousViolations(page, testInfo, "integrations-run");
    const rollBack = page.getByRole("button", { name: "Roll back" });
    await waitForHydration(rollBack);
    await press(rollBack, testInfo);
    const dialog = page.getByRole("dialog", { name: `Roll back run ${runName}?` });
    await expect(dialog).toBeVisible();
    await press(dialog.getByRole("button", { name: "Roll back" }), testInfo);
    await expect(page.getByText(`Run ${runName} rolled back: restored ${SIM_PATIENTS}, kept 0`)).toBeVisible({ timeout: RUN_TIMEOUT });
    await expect(page.getByRole("region", { name: "Rollback report" })).toContainText(`Restored ${SIM_PATIENTS}, kept 0.`);
    await expect(page.getByText(/^Status: Rolled back$/)).toBeVisible();
    await expect(page.getByRole("button", { name: "Roll back" })).toHaveCount(0);

    expect(await clientCount(page)).toBe(before);
  });
});
