/**
 * Accessibility (DESIGN.md §7): axe-core on the main pages, at desktop and phone size. A page
 * passes with no `serious` or `critical` violation; the full axe result is attached to the test.
 */
import { expect, test } from "@playwright/test";
import { expectListReady, waitForHydration } from "../fixtures/clients-ui";
import { roleByKey, sampleClient } from "../fixtures/roles";
import { expectNoSeriousViolations } from "../fixtures/axe";

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("/login has no serious or critical axe violations", async ({ page }, testInfo) => {
    await page.goto("/login");
    await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
    await expect(page.getByLabel("Email", { exact: true })).toBeVisible();
    await expectNoSeriousViolations(page, testInfo, "login");
  });
});

test.describe("signed in as Super Admin", () => {
  test.use({ storageState: roleByKey("admin").storageState });

  test("the Clients list has no serious or critical axe violations", async ({ page }, testInfo) => {
    await page.goto("/clients");
    await expectListReady(page);
    await expectNoSeriousViolations(page, testInfo, "clients-list");
  });

  test("a client page (Overview and Medical tabs) has no serious or critical axe violations", async ({ page }, testInfo) => {
    const name = sampleClient("Medical");
    await page.goto(`/clients/${name}`);
    await expect(page.getByRole("tablist", { name: "Client sections" })).toBeVisible();
    await expect(page.getByRole("tab", { name: "Overview" })).toHaveAttribute("aria-selected", "true");
    await expectNoSeriousViolations(page, testInfo, "client-overview");

    await page.goto(`/clients/${name}?tab=medical`);
    await expect(page.getByRole("tab", { name: "Medical" })).toHaveAttribute("aria-selected", "true");
    await expect(page.getByRole("table", { name: "Medical assignments" })).toBeVisible();
    await expectNoSeriousViolations(page, testInfo, "client-medical");
  });

  test("the profile page and the open user menu have no serious or critical axe violations", async ({ page }, testInfo) => {
    await page.goto("/account");
    await expect(page.getByRole("main").getByRole("heading", { level: 1, name: "Avery Admin" })).toBeVisible();
    await expectNoSeriousViolations(page, testInfo, "account");
    const menu = page.getByRole("banner").getByRole("button", { name: /^Account:/ });
    await waitForHydration(menu);
    await menu.click();
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    await expectNoSeriousViolations(page, testInfo, "user-menu");
  });

  test("the dark theme meets contrast on the Clients list and a client page", async ({ page, context, baseURL }, testInfo) => {
    await context.addCookies([{ name: "theme", value: "dark", url: baseURL ?? "http://127.0.0.1:3000" }]);
    await page.goto("/clients");
    await expectListReady(page);
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
    await expectNoSeriousViolations(page, testInfo, "clients-list-dark");
    await page.goto(`/clients/${sampleClient("Medical")}`);
    await expect(page.getByRole("tablist", { name: "Client sections" })).toBeVisible();
    await expectNoSeriousViolations(page, testInfo, "client-overview-dark");
  });

  test("the client not-found page has no serious or critical axe violations", async ({ page }, testInfo) => {
    const response = await page.goto("/clients/CL-99999");
    // A deep link to a record that does not exist (or is out of scope) is a real 404.
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Client not found" })).toBeVisible();
    await expectNoSeriousViolations(page, testInfo, "client-not-found");
  });
});
