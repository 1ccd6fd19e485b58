/**
 * Part of the `setup` project: signs the CRM's Sales Manager (e2e/fixtures/crm.ts) in through the
 * real /login page and saves the browser state for the CRM UI specs.
 */
import { mkdirSync } from "node:fs";
import { expect, test as setup } from "@playwright/test";
import { salesManager } from "../fixtures/crm";
import { authDir, demoPassword } from "../fixtures/roles";

setup(`sign in as Sales Manager (${salesManager.email})`, async ({ page }) => {
  mkdirSync(authDir, { recursive: true });
  await page.goto("/login");
  await page.getByLabel("Email", { exact: true }).fill(salesManager.email);
  await page.getByLabel("Password", { exact: true }).fill(demoPassword);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL((url) => url.pathname !== "/login", { timeout: 30_000 });
  await expect(page.getByRole("banner").getByRole("button", { name: /^Account:/ })).toBeVisible();
  await page.context().storageState({ path: salesManager.storageState });
});
