/**
 * Creating and editing clients (desktop project): create lands on the new client's page, edit
 * saves, a conflicting edit shows the conflict and "Reload and re-apply" recovers it, a server
 * field error lands under its field without losing input, a template activation produces tasks
 * (the worker generates them), and the read-only Supervisor sees no Create or Edit.
 */
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { CLIENT_ID, trpcMutation, trpcQuery, waitForHydration } from "../fixtures/clients-ui";
import { demoPassword, roleByKey, sampleClient } from "../fixtures/roles";

const admin = roleByKey("admin");
const supervisor = roleByKey("supervisor");


function unique(prefix: string): string {
  return `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
}

/**
 * Clients this spec created. Other specs count the demo seed's 64 clients, so each test deletes
 * what it created (and the tasks a template generated) as soon as it ends.
 */
const created = new Set<string>();

/** Creates a client through the API the form uses (tRPC); returns its name. */
async function createClient(request: APIRequestContext, values: Record<string, unknown>): Promise<string> {
  const response = await trpcMutation<{ name: string }>(request, "clients.create", { values });
  expect(response.status).toBe(200);
  const name = response.data!.name;
  created.add(name);
  return name;
}

async function deleteCreated(request: APIRequestContext): Promise<void> {
  for (const name of created) {
    const tasks = await trpcQuery<{ name: string }[]>(request, "clients.tasks", { name });
    for (const task of tasks.data ?? []) expect((await request.delete(`/api/resource/Task/${task.name}`)).status()).toBe(200);
    expect((await trpcMutation(request, "clients.delete", { name })).status).toBe(200);
    created.delete(name);
  }
}

async function openEdit(page: Page, name: string): Promise<void> {
  await page.goto(`/clients/${name}`);
  const edit = page.getByRole("button", { name: "Edit", exact: true });
  await waitForHydration(edit);
  await edit.click();
  await expect(page.getByRole("form", { name: "Edit client" })).toBeVisible();
  await waitForHydration(page.getByLabel("First name"));
}

test.describe("as Super Admin", () => {
  test.use({ storageState: admin.storageState });
  test.afterEach(async ({ page }) => {
    await deleteCreated(page.request);
  });

  test("creates a client and lands on its page, then edits it", async ({ page }) => {
    const first = unique("Ada");
    await page.goto("/clients");
    await page.getByRole("link", { name: "New client" }).click();
    await expect(page).toHaveURL(/\/clients\/new$/);
    const form = page.getByRole("form", { name: "New client" });
    await waitForHydration(form.getByLabel("First name"));

    // Client-side checks first: nothing typed, nothing sent.
    await form.getByRole("button", { name: "Create client" }).click();
    await expect(form.getByText("First name is required")).toBeVisible();

    await form.getByLabel("First name").fill(first);
    await form.getByLabel("Last name").fill("Lovelace");
    await form.getByLabel("Date of birth").fill("1990-12-10");
    await form.getByLabel("Status").selectOption({ label: "Active" });
    await form.getByLabel("Admission date").fill("2026-03-02");
    await form.getByLabel("Discharge date").fill("2026-03-01");
    await form.getByLabel("Department").selectOption({ label: "Medical" });
    await form.getByRole("button", { name: "Create client" }).click();
    await expect(form.getByText("Discharge date cannot be before the admission date")).toBeVisible();
    await form.getByLabel("Discharge date").fill("");

    await form.getByRole("button", { name: "Create client" }).click();
    await expect(page).toHaveURL(/\/clients\/CL-\d{5}$/);
    await expect(page.getByText(/Client .* created/)).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${first} Lovelace`);
    const panel = page.getByRole("tabpanel");
    await expect(panel.getByText("Mar 2, 2026")).toBeVisible();
    await expect(panel.getByRole("definition").filter({ hasText: /^Medical$/ })).toBeVisible();

    const name = page.url().split("/").pop()!;
    expect(name).toMatch(CLIENT_ID);
    created.add(name);
    await openEdit(page, name);
    await page.getByLabel("Last name").fill("King");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByText("Changes saved")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${first} King`);
    await expect(page.getByRole("form", { name: "Edit client" })).toHaveCount(0);

    // The History tab tells the story: who, field label, before → after; the date of birth is masked.
    await page.getByRole("tab", { name: "History" }).click();
    const history = page.getByRole("region", { name: "Change history" });
    await expect(history.getByRole("listitem").filter({ hasText: /^Updated by admin@demo\.orchestrator\.test/ }).first()).toContainText("Last name: Lovelace → King");
    const createdEntry = history.getByRole("listitem").filter({ hasText: /^Created by admin@demo\.orchestrator\.test/ });
    await expect(createdEntry).toContainText("Date of birth: empty → hidden");
    await expect(createdEntry).toContainText("Admission date: empty → Mar 2, 2026");
  });

  test("a server field error shows under its field and keeps what was typed", async ({ page }) => {
    const name = await createClient(page.request, { first_name: unique("Grace"), last_name: "Hopper", department: "Medical", status: "pending" });
    await openEdit(page, name);
    const tooLong = "H".repeat(150); // the browser doesn't check lengths; the server does
    await page.getByLabel("Last name").fill(tooLong);
    await page.getByRole("button", { name: "Save", exact: true }).click();
    const field = page.getByLabel("Last name");
    await expect(field).toHaveAttribute("aria-invalid", "true");
    const describedBy = await field.getAttribute("aria-describedby");
    await expect(page.locator(`[id="${describedBy}"]`)).toHaveText(/Last name must be at most 140 characters/);
    await expect(field).toHaveValue(tooLong);
  });

  test("a conflicting edit is shown as a conflict; reload and re-apply saves", async ({ browser }) => {
    const context = await browser.newContext({ storageState: admin.storageState });
    const mine = await context.newPage();
    const theirs = await context.newPage();
    const first = unique("Linus");
    const name = await createClient(mine.request, { first_name: first, last_name: "Pauling", department: "Medical", status: "pending" });

    await openEdit(mine, name);
    await openEdit(theirs, name);

    // Someone else saves first.
    await theirs.getByLabel("Status").selectOption({ label: "Active" });
    await theirs.getByRole("button", { name: "Save", exact: true }).click();
    await expect(theirs.getByText("Changes saved")).toBeVisible();

    // My save, from the version I opened, is refused with a conflict; my input stays.
    await mine.getByLabel("First name").fill(`${first}x`);
    await mine.getByRole("button", { name: "Save", exact: true }).click();
    const alert = mine.getByRole("alert").filter({ hasText: "Someone else saved this client after you opened it" });
    await expect(alert).toBeVisible();
    await expect(mine.getByLabel("First name")).toHaveValue(`${first}x`);

    await alert.getByRole("button", { name: "Reload and re-apply" }).click();
    await expect(alert).toHaveCount(0);
    await expect(mine.getByLabel("First name")).toHaveValue(`${first}x`);
    await expect(mine.getByLabel("Status")).toHaveValue("active");
    await mine.getByRole("button", { name: "Save", exact: true }).click();
    await expect(mine.getByText("Changes saved")).toBeVisible();
    await expect(mine.getByRole("heading", { level: 1 })).toHaveText(`${first}x Pauling`);
    await expect(mine.getByRole("main").getByText("Active", { exact: true }).first()).toBeVisible();
    await context.close();
  });

  test("a session that ends mid-edit asks to sign in again, then completes the save", async ({ browser }) => {
    // Its own context: signing in again below must not touch the admin session other specs share.
    const context = await browser.newContext({ storageState: admin.storageState });
    const page = await context.newPage();
    const first = unique("Mary");
    const name = await createClient(page.request, { first_name: first, last_name: "Seacole", department: "Medical", status: "pending" });
    await openEdit(page, name);
    await page.getByLabel("Last name").fill("Seacole-Grant");

    // The session ends (to the browser, an expired or revoked session is a cookie that no longer works).
    await context.clearCookies();
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page).toHaveURL(/\/login\?/);
    expect(new URL(page.url()).searchParams.get("callbackUrl")).toBe(`/clients/${name}?edit=1`);
    await expect(page.getByText("Your session has expired. Sign in again to continue.")).toBeVisible();

    await page.getByLabel("Email").fill(admin.email);
    await page.getByLabel("Password").fill(demoPassword);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/clients/${name}`));
    await expect(page.getByText("Changes saved")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${first} Seacole-Grant`);
    // Saved once: one update in the history, by the user who signed in again.
    await page.getByRole("tab", { name: "History" }).click();
    const history = page.getByRole("region", { name: "Change history" });
    await expect(history.getByRole("listitem").filter({ hasText: /^Updated by admin@demo\.orchestrator\.test/ })).toHaveCount(1);
    await context.close();
  });

  test("activating a medical template produces its tasks in the Tasks tab", async ({ page }) => {
    test.setTimeout(60_000);
    const name = await createClient(page.request, { first_name: unique("Florence"), last_name: "N", department: "Medical", status: "active", admission_date: "2026-03-02" });
    await page.goto(`/clients/${name}?tab=medical`);
    const select = page.getByLabel("Medical template");
    await waitForHydration(select);
    await select.selectOption({ label: "Intake Assessment" });
    await page.getByRole("button", { name: "Activate", exact: true }).click();
    await expect(page.getByText(/Intake Assessment activated/)).toBeVisible();
    await expect(page.getByRole("table", { name: "Medical assignments" }).getByText("Intake Assessment")).toBeVisible();

    await page.getByRole("tab", { name: "Tasks" }).click();
    const tasks = page.getByRole("table", { name: "Tasks" });
    await expect(tasks.getByRole("cell", { name: "Nursing intake" })).toBeVisible({ timeout: 25_000 });
    await expect(tasks.locator("tbody").getByRole("row")).toHaveCount(4);
  });
});

test.describe("as Supervisor", () => {
  test.use({ storageState: supervisor.storageState });

  test("sees no Create or Edit", async ({ page }) => {
    await page.goto("/clients");
    await expect(page.getByRole("heading", { level: 1, name: "Clients" })).toBeVisible();
    await expect(page.getByRole("link", { name: "New client" })).toHaveCount(0);
    await page.goto(`/clients/${sampleClient("Medical")}`);
    await expect(page.getByRole("tablist", { name: "Client sections" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Edit", exact: true })).toHaveCount(0);
    await expect(page.getByLabel("Medical template")).toHaveCount(0);
  });
});
