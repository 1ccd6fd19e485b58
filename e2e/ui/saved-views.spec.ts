/**
 * Saved views of the Clients list (desktop and phone projects): save the current filters under a
 * name, reload, apply it, make it the default (a bare /clients then opens it), go back to all
 * clients, and delete it. Views are private: another user — Medical Staff, and even the Super
 * Admin — neither sees it in the menu nor gets it from the API (NOT_FOUND).
 *
 * Isolation: a default view changes what a bare /clients shows its owner, and other specs open
 * /clients as the demo users at the same time. So each run signs in as a user of its own, created
 * here (Program Staff, Program department) and disabled at the end; labels carry a random suffix.
 */
import { expect, test, type APIRequestContext, type Page, type TestInfo } from "@playwright/test";
import { countLabel, expectListReady, openFiltersIfCollapsed, press, readListRows, statusFilter, trpcMutation, trpcQuery, waitForHydration } from "../fixtures/clients-ui";
import { roleByKey, seededClients } from "../fixtures/roles";

const admin = roleByKey("admin");
const medical = roleByKey("medical");
const total = seededClients.Program;

/** Unique per run and project (desktop and phone run this at the same time). */
let suffix = "";
const user = { email: "", password: "" };

interface SavedView {
  name: string;
  label: string;
  query: string;
  isDefault: boolean;
}

async function viewsOf(request: APIRequestContext): Promise<SavedView[]> {
  const result = await trpcQuery<SavedView[]>(request, "views.list", { list: "clients" });
  expect(result.status).toBe(200);
  return result.data ?? [];
}

function viewsButton(page: Page) {
  return page.getByRole("button", { name: /^Views/ });
}

function viewsPanel(page: Page) {
  return page.getByRole("dialog", { name: "Saved views" });
}

async function openViews(page: Page, testInfo: TestInfo) {
  const button = viewsButton(page);
  await waitForHydration(button);
  await press(button, testInfo);
  await expect(button).toHaveAttribute("aria-expanded", "true");
  await expect(viewsPanel(page)).toBeVisible();
  return viewsPanel(page);
}

/** A view's own actions, behind its "Actions for …" toggle. */
async function viewAction(page: Page, testInfo: TestInfo, label: string, action: string): Promise<void> {
  const panel = await openViews(page, testInfo);
  await press(panel.getByRole("button", { name: `Actions for ${label}` }), testInfo);
  await press(panel.getByRole("group", { name: `Actions for ${label}` }).getByRole("button", { name: action }), testInfo);
}

async function expectActiveOnly(page: Page, n: number): Promise<void> {
  await expect(countLabel(page)).toHaveText(`${n} ${n === 1 ? "client" : "clients"} match`);
  for (const row of await readListRows(page)) expect(row.status, row.id).toBe("Active");
}

test.describe("saved views of the Clients list", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test.beforeAll(async ({ playwright, baseURL }, workerInfo) => {
    suffix = `${workerInfo.project.name}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
    Object.assign(user, { email: `views-${suffix}@demo.orchestrator.test`, password: `Views-${suffix}-e2e` });
    const api = await playwright.request.newContext({ baseURL, storageState: admin.storageState });
    try {
      const { status } = await trpcMutation(api, "admin.users.create", { email: user.email, fullName: `Views ${suffix}`, password: user.password, roles: ["Program Staff"], departments: ["Program"] });
      expect(status, "the spec's own user is created").toBe(200);
    } finally {
      await api.dispose();
    }
  });

  test.afterAll(async ({ playwright, baseURL }) => {
    const api = await playwright.request.newContext({ baseURL, storageState: admin.storageState });
    try {
      expect((await trpcMutation(api, "admin.users.setEnabled", { name: user.email, enabled: false })).status).toBe(200);
    } finally {
      await api.dispose();
    }
  });

  test("save a filtered view, apply it, make it the default, keep it private, delete it", async ({ page, browser }, testInfo) => {
    test.setTimeout(90_000);
    const label = `Active ${suffix}`;

    await test.step("sign in as the spec's own user: the plain list", async () => {
      await page.goto("/login");
      await page.getByLabel("Email", { exact: true }).fill(user.email);
      await page.getByLabel("Password", { exact: true }).fill(user.password);
      await press(page.getByRole("button", { name: "Sign in", exact: true }), testInfo);
      await expect(page).toHaveURL(/\/clients$/);
      await expectListReady(page);
      await expect(countLabel(page)).toHaveText(`${total} clients`);
    });

    const activeResult = await trpcQuery<{ total: number }>(page.request, "clients.list", { page: 1, pageSize: 25, status: ["active"] });
    const active = activeResult.data?.total ?? -1;
    expect(active, "the demo seed has active Program clients, but not only those").toBeGreaterThan(0);
    expect(active).toBeLessThan(total);

    await test.step("filter, then save the view under a name", async () => {
      await openFiltersIfCollapsed(page, testInfo);
      await waitForHydration(statusFilter(page, "Active"));
      await press(page.getByRole("group", { name: "Status" }).getByText("Active", { exact: true }), testInfo);
      await expect(page).toHaveURL(/\/clients\?status=active$/);
      await expectActiveOnly(page, active);

      const panel = await openViews(page, testInfo);
      await expect(panel.getByText("No saved views yet", { exact: false })).toBeVisible();
      await press(panel.getByRole("button", { name: "Save current view…" }), testInfo);
      const dialog = page.getByRole("dialog", { name: "Save current view" });
      await expect(dialog).toBeVisible();
      await expect(dialog.getByText(/Keeps: Active/)).toBeVisible();
      await dialog.getByLabel("Name", { exact: true }).fill(label);
      await press(dialog.getByRole("button", { name: "Save view" }), testInfo);
      await expect(page.getByText(`View “${label}” saved`)).toBeVisible();
      await expect(dialog).toBeHidden();
      await expect(viewsButton(page), "focus returns to the Views button").toBeFocused();

      // The current view is marked; Escape closes the menu and focus returns to its button.
      const reopened = await openViews(page, testInfo);
      await expect(reopened.getByRole("link", { name: label })).toHaveAttribute("aria-current", "page");
      await expect(reopened.getByRole("link", { name: "All clients" })).not.toHaveAttribute("aria-current", "page");
      await page.keyboard.press("Escape");
      await expect(viewsPanel(page)).toBeHidden();
      await expect(viewsButton(page)).toBeFocused();
    });

    await test.step("the same name again is refused under the field", async () => {
      const panel = await openViews(page, testInfo);
      await press(panel.getByRole("button", { name: "Save current view…" }), testInfo);
      const dialog = page.getByRole("dialog", { name: "Save current view" });
      await dialog.getByLabel("Name", { exact: true }).fill(label.toUpperCase());
      await press(dialog.getByRole("button", { name: "Save view" }), testInfo);
      await expect(dialog.getByText(`You already have a view named “${label.toUpperCase()}”`)).toBeVisible();
      await expect(dialog.getByLabel("Name", { exact: true })).toHaveAttribute("aria-invalid", "true");
      await page.keyboard.press("Escape");
      await expect(dialog).toBeHidden();
      expect((await viewsOf(page.request)).map((v) => v.label)).toEqual([label]);
    });

    await test.step("reload the plain list, then apply the view", async () => {
      await page.goto("/clients");
      await expect(page).toHaveURL(/\/clients$/);
      await expectListReady(page);
      await expect(countLabel(page)).toHaveText(`${total} clients`);
      const panel = await openViews(page, testInfo);
      await expect(panel.getByRole("link", { name: "All clients" })).toHaveAttribute("aria-current", "page");
      await press(panel.getByRole("link", { name: label }), testInfo);
      await expect(page).toHaveURL(/\/clients\?status=active$/);
      await expect(viewsPanel(page)).toBeHidden();
      await expectActiveOnly(page, active);
    });

    await test.step("make it the default: a bare /clients opens it", async () => {
      await viewAction(page, testInfo, label, "Set as default");
      await expect(page.getByText(`“${label}” opens when you go to Clients`)).toBeVisible();
      await page.goto("/clients");
      await expect(page).toHaveURL(/\/clients\?status=active$/);
      await expectListReady(page);
      await expectActiveOnly(page, active);
      const panel = await openViews(page, testInfo);
      await expect(panel.getByRole("link", { name: label })).toContainText("Default");
      await page.keyboard.press("Escape");
    });

    await test.step("“All clients” returns to the plain list, and stays there on reload", async () => {
      const panel = await openViews(page, testInfo);
      await press(panel.getByRole("link", { name: "All clients" }), testInfo);
      await expect(page).toHaveURL(/\/clients\?view=all$/);
      await expect(countLabel(page)).toHaveText(`${total} clients`);
      await page.reload();
      await expectListReady(page);
      await expect(countLabel(page)).toHaveText(`${total} clients`);
    });

    const [mine] = await viewsOf(page.request);
    expect(mine).toMatchObject({ label, query: "status=active", isDefault: true });

    await test.step("another user sees nothing of it, not even the Super Admin", async () => {
      const context = await browser.newContext({ storageState: medical.storageState });
      try {
        const other = await context.newPage();
        await other.goto("/clients");
        await expect(other, "someone else's default does not apply").toHaveURL(/\/clients$/);
        await expectListReady(other);
        const panel = await openViews(other, testInfo);
        await expect(panel.getByRole("link", { name: "All clients" })).toBeVisible();
        await expect(panel.getByText(label)).toHaveCount(0);
        expect((await viewsOf(other.request)).map((v) => v.name)).not.toContain(mine!.name);
        expect((await trpcQuery(other.request, "views.get", { name: mine!.name })).errorCode).toBe("NOT_FOUND");
      } finally {
        await context.close();
      }
      const adminApi = await browser.newContext({ storageState: admin.storageState });
      try {
        expect((await viewsOf(adminApi.request)).map((v) => v.name)).not.toContain(mine!.name);
        expect((await trpcQuery(adminApi.request, "views.get", { name: mine!.name })).errorCode).toBe("NOT_FOUND");
        expect((await trpcMutation(adminApi.request, "views.delete", { name: mine!.name })).status).toBe(404);
      } finally {
        await adminApi.close();
      }
    });

    await test.step("delete it (after a confirmation): a bare /clients is the plain list again", async () => {
      await viewAction(page, testInfo, label, "Delete…");
      const confirm = page.getByRole("dialog", { name: `Delete view “${label}”?` });
      await expect(confirm).toBeVisible();
      await press(confirm.getByRole("button", { name: "Delete view" }), testInfo);
      await expect(page.getByText(`View “${label}” deleted`)).toBeVisible();
      await expect(confirm).toBeHidden();
      expect(await viewsOf(page.request)).toEqual([]);
      await page.goto("/clients");
      await expect(page).toHaveURL(/\/clients$/);
      await expectListReady(page);
      await expect(countLabel(page)).toHaveText(`${total} clients`);
    });
  });
});
