/**
 * Administration: the Queues page (issue 4, item 7). A Super Admin sees every queue with its counts
 * and a failed job with its error; Retry runs it again (the real worker refuses it again: still
 * listed, one more attempt) and Discard, once confirmed, removes it. Anyone else gets "not found".
 *
 * The failed job is made here: a `generate-tasks` job whose payload the worker's schema refuses,
 * added to the real `tasks` queue. Each run uses its own job id, so the desktop and phone projects
 * can run side by side.
 */
import { expect, test, type Locator, type Page } from "@playwright/test";
import { press, waitForHydration } from "../fixtures/clients-ui";
import { addRefusedTasksJob, jobStatus, removeJob } from "../fixtures/queues";
import { roleByKey } from "../fixtures/roles";
import { expectNoSeriousViolations } from "../fixtures/axe";

const admin = roleByKey("admin");
const REFUSED = /invalid generate-tasks payload/;

/** The job's row (desktop table) or card (phone): whichever the layout shows. */
function failedJob(page: Page, jobId: string): Locator {
  return page.getByRole("region", { name: "Failed jobs" }).locator("tr, li").filter({ hasText: jobId, visible: true });
}

/** A queue's row (desktop table) or card (phone) in the counts. */
function queueCounts(page: Page, isMobile: boolean, name: string): Locator {
  return isMobile ? page.getByRole("listitem", { name: `Queue ${name}` }) : page.getByRole("table", { name: "Queues" }).getByRole("row", { name: new RegExp(`^${name}\\b`) });
}

/** The number a queue's row or card shows under "Failed". */
async function failedCount(page: Page, isMobile: boolean, name: string): Promise<number> {
  const counts = queueCounts(page, isMobile, name);
  // Table columns: Waiting, Active, Delayed, Failed, ...; cards: a term/definition pair per state.
  const cell = isMobile ? counts.getByRole("definition").nth(3) : counts.getByRole("cell").nth(3);
  return Number(await cell.textContent());
}

test.describe("Administration: queues", () => {
  test.use({ storageState: admin.storageState });
  let jobId = "";
  test.afterEach(async () => {
    if (jobId) await removeJob("tasks", jobId);
  });

  test("counts per queue, a failed job with its error, Retry and a confirmed Discard", async ({ page, isMobile }, testInfo) => {
    jobId = await addRefusedTasksJob();
    await page.goto("/admin/queues?queue=tasks");
    await expect(page.getByRole("heading", { level: 1, name: "Queues" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Queues" })).toHaveAttribute("aria-current", "page");

    // Every queue with its counts; tasks has at least this failed job.
    for (const name of ["tasks", "sync", "sla", "reports", "email", "notifications", "maintenance"]) await expect(queueCounts(page, isMobile, name)).toBeVisible();
    expect(await failedCount(page, isMobile, "tasks")).toBeGreaterThanOrEqual(1);

    // The failed job, with the worker's reason and one attempt.
    const row = failedJob(page, jobId);
    await expect(row).toContainText(REFUSED);
    await expect(row).toContainText(isMobile ? "Attempts: 1" : "generate-tasks");
    await expectNoSeriousViolations(page, testInfo, "queues");

    // Retry: the worker refuses it again, so it is still listed, with a second attempt.
    const retry = page.getByRole("button", { name: `Retry job ${jobId}` });
    await waitForHydration(retry);
    await press(retry, testInfo);
    await expect(page.getByText(`Job ${jobId} queued for another attempt`)).toBeVisible();
    await expect.poll(() => jobStatus("tasks", jobId), { timeout: 15_000 }).toEqual({ state: "failed", attemptsMade: 2 });
    await expect(row).toContainText(REFUSED);
    if (isMobile) await expect(row).toContainText("Attempts: 2");
    else await expect(row.getByRole("cell").nth(2)).toHaveText("2");

    // Discard asks first; Cancel keeps the job.
    await press(page.getByRole("button", { name: `Discard job ${jobId}` }), testInfo);
    const dialog = page.getByRole("dialog", { name: `Discard job ${jobId}?` });
    await expect(dialog).toBeVisible();
    await press(dialog.getByRole("button", { name: "Cancel" }), testInfo);
    await expect(dialog).toHaveCount(0);
    expect((await jobStatus("tasks", jobId)).state).toBe("failed");

    await press(page.getByRole("button", { name: `Discard job ${jobId}` }), testInfo);
    await press(page.getByRole("dialog", { name: `Discard job ${jobId}?` }).getByRole("button", { name: "Discard job" }), testInfo);
    await expect(page.getByText(`Job ${jobId} discarded`)).toBeVisible();
    await expect(row).toHaveCount(0);
    expect((await jobStatus("tasks", jobId)).state).toBe("unknown");

    // Both actions are in the audit trail, by the Super Admin.
    await page.goto("/admin/audit");
    const doctype = page.getByLabel("Document type");
    await waitForHydration(doctype);
    await doctype.selectOption("Queue Job");
    const entries = page.getByRole("main").getByRole("listitem").filter({ hasText: `Queue Job tasks/${jobId}` });
    await expect(entries.filter({ hasText: "state: failed → waiting" })).toContainText(`by ${admin.email}`);
    await expect(entries.filter({ hasText: "state: failed → removed" })).toContainText("delete");
  });

  test("a queue without failed jobs says so", async ({ page }) => {
    jobId = "";
    await page.goto("/admin/queues?queue=notifications");
    await expect(page.getByLabel("Queue", { exact: true })).toHaveValue("notifications");
    await expect(page.getByText("No failed jobs")).toBeVisible();
  });

  test("a user without admin rights gets the not-found page", async ({ browser }) => {
    jobId = "";
    for (const key of ["medical", "supervisor"] as const) {
      const context = await browser.newContext({ storageState: roleByKey(key).storageState });
      try {
        const page = await context.newPage();
        const response = await page.goto("/admin/queues");
        expect(response?.status()).toBe(404);
        await expect(page.getByRole("heading", { name: "Queues" })).toHaveCount(0);
        await expect(page.getByText(/not found/i).first()).toBeVisible();
      } finally {
        await context.close();
      }
    }
  });
});
