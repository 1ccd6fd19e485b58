/**
 * A full-page screenshot of each main page — sign-in, the Clients list, a client page, the profile,
 * Administration's users, queues and integrations, plus the Clients list in the dark theme — at the
 * project's size (desktop 1280×800, phone 390×844), attached to the test so the report and
 * e2e/test-results/ keep them as artefacts. Each is taken once the page shows its real content.
 */
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { countLabel, expectListReady } from "../fixtures/clients-ui";
import { expectedClientCount, roleByKey, sampleClient } from "../fixtures/roles";

async function attachScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}-${testInfo.project.name}.png`);
  const body = await page.screenshot({ path, fullPage: true, animations: "disabled", caret: "hide" });
  expect(body.byteLength, "a non-empty PNG").toBeGreaterThan(1000);
  await testInfo.attach(`${name}-${testInfo.project.name}`, { path, contentType: "image/png" });
}

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("screenshot: sign-in page", async ({ page }, testInfo) => {
    await page.goto("/login");
    await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeEnabled();
    await attachScreenshot(page, testInfo, "login");
  });
});

test.describe("signed in as Super Admin", () => {
  const admin = roleByKey("admin");
  test.use({ storageState: admin.storageState });

  test("screenshot: Clients list", async ({ page }, testInfo) => {
    await page.goto("/clients");
    await expectListReady(page);
    await expect(countLabel(page)).toHaveText(`${expectedClientCount(admin)} clients`);
    await attachScreenshot(page, testInfo, "clients-list");
  });

  test("screenshot: client page", async ({ page }, testInfo) => {
    const name = sampleClient("Medical");
    await page.goto(`/clients/${name}`);
    await expect(page.getByRole("tablist", { name: "Client sections" })).toBeVisible();
    await expect(page.getByRole("main").getByText(name, { exact: true })).toBeVisible();
    await attachScreenshot(page, testInfo, "client-page");
  });
});

test.describe("signed in as Super Admin: account, administration, dark theme", () => {
  const admin = roleByKey("admin");
  test.use({ storageState: admin.storageState });

  test("screenshot: profile", async ({ page }, testInfo) => {
    await page.goto("/account");
    await expect(page.getByRole("main").getByRole("heading", { level: 1, name: "Avery Admin" })).toBeVisible();
    await attachScreenshot(page, testInfo, "account");
  });

  test("screenshot: Administration, users", async ({ page }, testInfo) => {
    await page.goto("/admin/users");
    // A table from `md` up, cards below it: whichever is on screen.
    await expect(page.getByRole("main").getByText(admin.email).filter({ visible: true }).first()).toBeVisible();
    await attachScreenshot(page, testInfo, "admin-users");
  });

  test("screenshot: Administration, queues", async ({ page }, testInfo) => {
    await page.goto("/admin/queues");
    await expect(page.getByRole("main").getByText("sync", { exact: true }).filter({ visible: true }).first()).toBeVisible();
    await attachScreenshot(page, testInfo, "admin-queues");
  });

  test("screenshot: Administration, integrations", async ({ page }, testInfo) => {
    await page.goto("/admin/integrations");
    await expect(page.getByRole("article", { name: "Kipu" }).getByRole("button", { name: "Sync now" })).toBeVisible();
    await attachScreenshot(page, testInfo, "admin-integrations");
  });

  test("screenshot: Clients list, dark theme", async ({ page, context, baseURL }, testInfo) => {
    await context.addCookies([{ name: "theme", value: "dark", url: baseURL ?? "http://127.0.0.1:3000" }]);
    await page.goto("/clients");
    await expectListReady(page);
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
    await attachScreenshot(page, testInfo, "clients-list-dark");
  });
});
