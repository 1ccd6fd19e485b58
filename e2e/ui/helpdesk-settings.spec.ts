/**
 * Helpdesk settings (issue 5 item 8): the SLA policy editor's working-hours calendar.
 *
 * Desktop: the Super Admin opens the default SLA policy from /helpdesk/settings, adds a Monday range
 * that overlaps the existing one, and the server's refusal shows next to that range (nothing saved);
 * after fixing the range the save succeeds and survives a reload. The calendar is put back at the
 * end (also in afterAll if the test failed half-way), so other specs see the seeded policy.
 *
 * Phone: the new-policy form at 390 px: stacked, no sideways scrolling, the same field error for an
 * overlapping range, and nothing created (read-only for shared data, so it runs beside the others).
 */
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { trpcMutation, trpcQuery } from "../fixtures/clients-ui";
import { roleByKey } from "../fixtures/roles";
import { expectNoSeriousViolations } from "../fixtures/axe";

const admin = roleByKey("admin");

interface SlaDoc {
  name: string;
  modified: string;
  calendar: { timeZone: string; workingHours: Record<string, { start: string; end: string }[]>; holidays: { date: string; description?: string }[] };
  [key: string]: unknown;
}
interface SlaRow {
  name: string;
  is_default: boolean;
}

/** The SLA list (a query without input: no `input` parameter). */
async function slaList(request: APIRequestContext): Promise<SlaRow[]> {
  const response = await request.get("/api/trpc/helpdeskSettings.sla.list");
  expect(response.status()).toBe(200);
  return ((await response.json()) as { result: { data: SlaRow[] } }).result.data;
}

async function defaultSla(request: APIRequestContext): Promise<SlaDoc> {
  const name = (await slaList(request)).find((r) => r.is_default)?.name;
  expect(name, "the demo seed has a default SLA policy").toBeTruthy();
  const doc = await trpcQuery<SlaDoc>(request, "helpdeskSettings.sla.get", { name });
  expect(doc.status).toBe(200);
  return doc.data!;
}

/** Puts `original`'s calendar back on the current version of the policy. */
async function restoreCalendar(browser: Browser, original: SlaDoc): Promise<void> {
  const context = await browser.newContext({ storageState: admin.storageState });
  try {
    const current = await defaultSla(context.request);
    if (JSON.stringify(current.calendar) === JSON.stringify(original.calendar)) return;
    const { priorities, ...rest } = current;
    const targets = (priorities as { priority: string; response_minutes: number; resolution_minutes: number }[]).map(({ priority, response_minutes, resolution_minutes }) => ({ priority, response_minutes, resolution_minutes }));
    expect((await trpcMutation(context.request, "helpdeskSettings.sla.save", { ...rest, priorities: targets, calendar: original.calendar })).status).toBe(200);
  } finally {
    await context.close();
  }
}

const monday = (page: Page) => page.getByRole("listitem", { name: "Monday", exact: true });

test.describe("Helpdesk settings: SLA calendar editor", () => {
  test.use({ storageState: admin.storageState });

  // Desktop only (the phone project leaves out @desktop-only): it changes the shared default policy once.
  test.describe("desktop", { tag: "@desktop-only" }, () => {
    let original: SlaDoc | undefined;
    test.afterAll(async ({ browser }) => {
      if (original) await restoreCalendar(browser, original);
    });

    test("the Super Admin edits the default SLA's calendar: an overlapping range is refused under it, the fixed one saves", async ({ page }) => {
      original = await defaultSla(page.request);
      const firstMonday = original.calendar.workingHours.monday?.[0];
      expect(firstMonday, "the default policy works on Mondays").toBeTruthy();

      await page.goto("/helpdesk/settings");
      await expect(page.getByRole("heading", { level: 1, name: "Helpdesk settings" })).toBeVisible();
      await expect(page.getByText(`Default SLA policy: ${original.name}.`)).toBeVisible();
      await page.getByRole("link", { name: /SLA policies/ }).first().click();
      await page.getByRole("link", { name: new RegExp(`^${original.name}`) }).click();
      await expect(page.getByRole("heading", { level: 1, name: original.name })).toBeVisible();

      // A second Monday range that starts an hour before the first one ends.
      const [endH = "17"] = firstMonday!.end.split(":");
      const overlapStart = `${String(Number(endH) - 1).padStart(2, "0")}:00`;
      await page.getByRole("button", { name: "Add range on Monday" }).click();
      await monday(page).getByLabel("Monday, range 2: start").fill(overlapStart);
      await monday(page).getByLabel("Monday, range 2: end").fill("21:00");
      await page.getByRole("button", { name: "Save", exact: true }).click();

      const message = `Monday: working hours ${firstMonday!.start}–${firstMonday!.end} and ${overlapStart}–21:00 overlap`;
      await expect(monday(page).getByText(message)).toBeVisible();
      await expect(page.getByRole("alert").filter({ hasText: "Not saved" })).toContainText(message);
      // Refused means not written.
      expect((await defaultSla(page.request)).calendar).toEqual(original.calendar);

      // Fixing the range clears its message; saving works.
      await monday(page).getByLabel("Monday, range 2: start").fill(firstMonday!.end);
      await expect(monday(page).getByText(message)).toBeHidden();
      await page.getByRole("button", { name: "Save", exact: true }).click();
      await expect(page.getByText(`SLA policy ${original.name} saved`).first()).toBeVisible();

      await page.reload();
      await expect(monday(page).getByLabel("Monday, range 2: start")).toHaveValue(firstMonday!.end);
      await expect(monday(page).getByLabel("Monday, range 2: end")).toHaveValue("21:00");
      expect((await defaultSla(page.request)).calendar.workingHours.monday).toEqual([firstMonday, { start: firstMonday!.end, end: "21:00" }]);

      // Put it back through the editor too: remove the range and save.
      await monday(page).getByRole("button", { name: "Remove Monday, range 2" }).click();
      await page.getByRole("button", { name: "Save", exact: true }).click();
      await expect(page.getByText(`SLA policy ${original.name} saved`).first()).toBeVisible();
      await expect.poll(async () => (await defaultSla(page.request)).calendar).toEqual(original.calendar);
    });
  });

  test("the editor has no serious or critical axe violations", async ({ page }, testInfo) => {
    const sla = await defaultSla(page.request);
    await page.goto(`/helpdesk/settings/sla/${encodeURIComponent(sla.name)}`);
    await expect(monday(page)).toBeVisible();
    await expectNoSeriousViolations(page, testInfo, "sla-editor");
  });

  // The phone layout (the desktop project leaves out @phone-only).
  test.describe("phone", { tag: "@phone-only" }, () => {

    test("the new-policy form is stacked at 390 px and shows the overlap under the range without creating anything", async ({ page }) => {
      const name = `Phone check ${Date.now()}`;
      await page.goto("/helpdesk/settings/sla/new");
      await expect(page.getByRole("heading", { level: 1, name: "New SLA policy" })).toBeVisible();
      await page.getByLabel("Name", { exact: true }).fill(name);
      await page.getByRole("button", { name: "Add range on Monday" }).click();
      await monday(page).getByLabel("Monday, range 2: start").fill("16:00");
      await monday(page).getByLabel("Monday, range 2: end").fill("18:00");

      // Nothing wider than the screen; the Save button is touch-sized.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      const save = page.getByRole("button", { name: "Save", exact: true });
      expect((await save.boundingBox())!.height).toBeGreaterThanOrEqual(44);

      await save.click();
      await expect(monday(page).getByText("Monday: working hours 09:00–17:00 and 16:00–18:00 overlap")).toBeVisible();
      expect((await slaList(page.request)).map((r) => r.name)).not.toContain(name);
    });
  });
});
