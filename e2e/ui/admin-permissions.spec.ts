/**
 * Administration: the role × category permission grid changes a role's access at once (issue 3).
 * A Super Admin widens Medical Staff's Client scope from own department to all in the grid; a Medical
 * Staff page then lists every client (64) instead of its department's (32). The change is audited,
 * and the cell is restored at the end (also in afterAll, if the test failed half-way).
 *
 * Desktop only, serial. It changes shared state (the matrix) for a few seconds: specs that read
 * Medical Staff's list at that moment would see it too (see the report on isolating this project).
 */
import { expect, test, type Browser } from "@playwright/test";
import { countLabel, expectListReady, trpcMutation } from "../fixtures/clients-ui";
import { roleByKey } from "../fixtures/roles";

test.describe.configure({ mode: "serial" });

const admin = roleByKey("admin");
const medical = roleByKey("medical");
const ORIGINAL = { role: "Medical Staff", category: "client", access: "write", scope: "own_dept" } as const;

async function restore(browser: Browser): Promise<void> {
  const context = await browser.newContext({ storageState: admin.storageState });
  try {
    expect((await trpcMutation(context.request, "admin.permissions.set", ORIGINAL)).status).toBe(200);
  } finally {
    await context.close();
  }
}

test.describe("Administration: permission grid", () => {
  test.skip(({ isMobile }) => isMobile, "desktop only: the grid is edited once");
  test.use({ storageState: admin.storageState });
  test.afterAll(async ({ browser }) => restore(browser));

  test("a changed cell takes effect at once for the role's users, and is audited", async ({ page, browser }) => {
    const medicalContext = await browser.newContext({ storageState: medical.storageState });
    const medicalPage = await medicalContext.newPage();
    try {
      await medicalPage.goto("/clients");
      await expectListReady(medicalPage);
      await expect(countLabel(medicalPage)).toHaveText("32 clients");

      await page.goto("/admin/permissions");
      await expect(page.getByRole("heading", { level: 1, name: "Permissions" })).toBeVisible();
      const scope = page.getByRole("combobox", { name: "Medical Staff Client scope" });
      await expect(scope).toHaveValue("own_dept");
      await expect(page.getByRole("combobox", { name: "Medical Staff Client access" })).toHaveValue("write");
      await scope.selectOption("all");
      await expect(page.getByText("Medical Staff · Client: write, all records")).toBeVisible();
      await expect(scope).toHaveValue("all");

      // The Medical Staff user's next request sees every department's clients: no sign-out needed.
      await medicalPage.reload();
      await expectListReady(medicalPage);
      await expect(countLabel(medicalPage)).toHaveText("64 clients");

      // The change is in the audit log, by the Super Admin, as a readable diff.
      await page.goto("/admin/audit");
      await page.getByLabel("Document type").selectOption("Role");
      const entry = page.getByRole("main").getByRole("listitem").filter({ hasText: "Role Medical Staff" }).first();
      await expect(entry).toContainText(`by ${admin.email}`);
      await expect(entry).toContainText("permissions.scope: own_dept → all");

      // Restore through the grid: Medical Staff is back to its own department.
      await page.goto("/admin/permissions");
      await page.getByRole("combobox", { name: "Medical Staff Client scope" }).selectOption("own_dept");
      await expect(page.getByText("Medical Staff · Client: write, own department")).toBeVisible();
      await medicalPage.reload();
      await expectListReady(medicalPage);
      await expect(countLabel(medicalPage)).toHaveText("32 clients");
    } finally {
      await medicalContext.close();
    }
  });

  test("a user without admin rights gets no Administration pages", async ({ browser }) => {
    const context = await browser.newContext({ storageState: medical.storageState });
    const page = await context.newPage();
    try {
      for (const path of ["/admin", "/admin/permissions", "/admin/users"]) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(404);
        await expect(page.getByRole("heading", { name: "Permissions" })).toHaveCount(0);
        await expect(page.getByText(/not found/i).first()).toBeVisible();
      }
      // Their own API keys live under their account, open to every role.
      await page.goto("/account/api-keys");
      await expect(page.getByRole("heading", { level: 1, name: "API keys" })).toBeVisible();
    } finally {
      await context.close();
    }
  });
});
