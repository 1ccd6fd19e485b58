/**
 * The `setup` project: signs each demo role in once through the real /login page and saves the
 * browser state to e2e/.auth/<role>.json. The desktop and phone projects depend on it; a spec picks
 * a role with `test.use({ storageState: role.storageState })`.
 */
import { mkdirSync } from "node:fs";
import { expect, test as setup } from "@playwright/test";
import { authDir, demoPassword, roles } from "../fixtures/roles";

setup.beforeAll(() => {
  mkdirSync(authDir, { recursive: true });
});

for (const role of roles) {
  setup(`sign in as ${role.role} (${role.email})`, async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email", { exact: true }).fill(role.email);
    await page.getByLabel("Password", { exact: true }).fill(demoPassword);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL(/\/clients(?:[/?#]|$)/, { timeout: 30_000 });
    await expect(page).toHaveURL(/\/clients/);
    await page.context().storageState({ path: role.storageState });
  });
}
