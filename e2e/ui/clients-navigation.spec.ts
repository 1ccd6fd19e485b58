/**
 * Getting around the Clients pages, in the desktop (table, sidebar, mouse) and phone (cards,
 * bottom bar, touch) projects: the list's view state lives in the URL (DESIGN.md §7), so a filter
 * set through the UI survives a reload and the browser's Back.
 */
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import {
  CLIENT_ID,
  clientRows,
  countLabel,
  expectListReady,
  mainNav,
  openFiltersIfCollapsed,
  pagination,
  press,
  readListRows,
  statusFilter,
  trpcQuery,
  waitForHydration,
} from "../fixtures/clients-ui";
import { demoPassword, expectedClientCount, roleByKey } from "../fixtures/roles";

const role = roleByKey("admin");
const total = expectedClientCount(role);

/** How many of the role's clients are active, asked of the API the list uses. */
async function activeCount(page: Page): Promise<number> {
  const result = await trpcQuery<{ total: number }>(page.request, "clients.list", { page: 1, pageSize: 25, status: ["active"] });
  expect(result.status).toBe(200);
  const n = result.data?.total ?? -1;
  expect(n, "the demo seed has active clients, but not only active ones").toBeGreaterThan(0);
  expect(n).toBeLessThan(total);
  return n;
}

/** The list shows `n` active clients and nothing else on its first page. */
async function expectActiveOnly(page: Page, n: number): Promise<void> {
  await expect(countLabel(page)).toHaveText(`${n} ${n === 1 ? "client" : "clients"} match`);
  await expect(pagination(page)).toContainText(`of ${n}`);
  await expect(pagination(page).locator("xpath=..")).toHaveAttribute("aria-busy", "false");
  const rows = await readListRows(page);
  expect(rows.length).toBe(Math.min(n, 25));
  for (const row of rows) expect(row.status, row.id).toBe("Active");
}

/**
 * Opens the first client the way a user of the device would: the name link on desktops; on phones a
 * tap on the card's lower part (its Admitted line, away from the name), since the whole card is the
 * tap target there. The tap goes to the screen point, not to an element, so it proves the card
 * really catches it.
 */
async function openFirstClient(page: Page, testInfo: TestInfo): Promise<void> {
  const row = clientRows(page).first();
  await waitForHydration(row.getByRole("link"));
  if (!testInfo.project.use.hasTouch) {
    await row.getByRole("link").click();
    return;
  }
  const admitted = row.locator("td[data-label='Admitted']");
  // A screen tap reaches what is on screen and not under the fixed bottom bar: bring the line to the middle.
  await admitted.evaluate((el) => el.scrollIntoView({ block: "center" }));
  const box = await admitted.boundingBox();
  if (!box) throw new Error("the first card has no Admitted line on screen");
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
}

async function firstClientId(page: Page): Promise<string> {
  const [first] = await readListRows(page);
  if (!first) throw new Error("the list is empty");
  return first.id;
}

test.describe(`signed in as ${role.role}`, () => {
  test.use({ storageState: role.storageState });

  test("list → status filter in the URL → reload keeps it → open a client → Back returns to the filtered list", async ({ page }, testInfo) => {
    // Signed-in state: the home page is the Clients list.
    await page.goto("/");
    await expect(page).toHaveURL(/\/clients$/);
    const layout = await expectListReady(page);
    await expect(countLabel(page)).toHaveText(`${total} clients`);
    if (testInfo.project.use.hasTouch) {
      expect(layout, "phones get cards").toBe("cards");
      await expect(clientRows(page)).toHaveCount(25);
    } else {
      expect(layout, "desktops get the table").toBe("table");
    }

    const n = await activeCount(page);
    await openFiltersIfCollapsed(page, testInfo);
    const active = statusFilter(page, "Active");
    await waitForHydration(active);
    await expect(active).not.toBeChecked();
    // The chip is the label around a visually hidden checkbox: press the chip, as a user would.
    await press(page.getByRole("group", { name: "Status" }).getByText("Active", { exact: true }), testInfo);
    await expect(active).toBeChecked();
    await expect(page).toHaveURL(/\/clients\?status=active$/);
    await expectActiveOnly(page, n);

    await page.reload();
    await expect(page).toHaveURL(/\/clients\?status=active$/);
    await expectListReady(page);
    await expectActiveOnly(page, n);
    if (testInfo.project.use.hasTouch) await expect(page.getByRole("button", { name: "Filters (1)" }), "phones: filter count on the collapsed toggle").toBeVisible();
    await openFiltersIfCollapsed(page, testInfo);
    await expect(statusFilter(page, "Active")).toBeChecked();
    await expect(statusFilter(page, "Pending")).not.toBeChecked();

    const id = await firstClientId(page);
    await openFirstClient(page, testInfo);
    await expect(page).toHaveURL(new RegExp(`/clients/${id}$`));
    await expect(page.getByRole("main").getByText(id, { exact: true })).toBeVisible();
    await expect(page.getByRole("tablist", { name: "Client sections" })).toBeVisible();
    await expect(page.getByRole("main").getByText("Active", { exact: true }).first()).toBeVisible();

    await page.goBack();
    await expect(page).toHaveURL(/\/clients\?status=active$/);
    await expectListReady(page);
    await expectActiveOnly(page, n);
    expect((await readListRows(page)).map((r) => r.id), "the opened client is on the list again").toContain(id);
  });

  test("the main navigation is reachable from a client page and leads back to the list", async ({ page }, testInfo) => {
    await page.goto("/clients/CL-00001");
    await expect(page.getByRole("tablist", { name: "Client sections" })).toBeVisible();

    const nav = mainNav(page);
    await expect(nav).toHaveCount(1);
    const link = nav.getByRole("link", { name: "Clients", exact: true });
    await expect(link).toBeVisible();
    await expect(link, "a client page is part of the Clients module").toHaveAttribute("aria-current", "page");
    const box = await link.boundingBox();
    expect(box, "the navigation link is on screen").not.toBeNull();
    if (testInfo.project.use.hasTouch) {
      // Phones: a bottom bar within thumb reach, with touch-sized targets.
      const viewport = page.viewportSize();
      expect(box!.y + box!.height).toBeGreaterThan((viewport?.height ?? 0) * 0.8);
      expect(box!.height).toBeGreaterThanOrEqual(44);
      expect(box!.width).toBeGreaterThanOrEqual(44);
    } else {
      expect(box!.x, "desktops: the sidebar on the left").toBeLessThan(250);
    }

    await waitForHydration(link);
    await press(link, testInfo);
    await expect(page).toHaveURL(/\/clients$/);
    await expectListReady(page);
    await expect(countLabel(page)).toHaveText(`${total} clients`);
    const rows = await readListRows(page);
    for (const row of rows) expect(row.id).toMatch(CLIENT_ID);
  });
});

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("a shared link to a filtered list asks for sign-in, then opens that view", async ({ page }, testInfo: TestInfo) => {
    await page.goto("/clients?status=active");
    await expect(page).toHaveURL(/\/login\?callbackUrl=/);
    expect(new URL(page.url()).searchParams.get("callbackUrl")).toBe("/clients?status=active");
    await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();

    await page.getByLabel("Email", { exact: true }).fill(role.email);
    await page.getByLabel("Password", { exact: true }).fill(demoPassword);
    await press(page.getByRole("button", { name: "Sign in", exact: true }), testInfo);

    await expect(page).toHaveURL(/\/clients\?status=active$/);
    await expectListReady(page);
    await expectActiveOnly(page, await activeCount(page));
  });
});
