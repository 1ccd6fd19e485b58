/**
 * Part of the `setup` project: signs the helpdesk agent (e2e/fixtures/helpdesk.ts) in through the
 * real /login page and saves the browser state for the helpdesk UI specs.
 */
import { mkdirSync } from "node:fs";
import { expect, test as setup } from "@playwright/test";
import { helpdeskAgent } from "../fixtures/helpdesk";
import { authDir, demoPassword } from "../fixtures/roles";

setup(`sign in as Helpdesk Agent (${helpdeskAgent.email})`, async ({ page }) => {
  mkdirSync(authDir, { recursive: true });
  await page.goto("/login");
  await page.getByLabel("Email", { exact: true }).fill(helpdeskAgent.email);
  await page.getByLabel("Password", { exact: true }).fill(demoPassword);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  // Signed in: the app leaves /login for the home page.
  await page.waitForURL((url) => url.pathname !== "/login", { timeout: 30_000 });
  await expect(page.getByRole("banner").getByRole("button", { name: /^Account:/ })).toBeVisible();
  await page.context().storageState({ path: helpdeskAgent.storageState });
});
