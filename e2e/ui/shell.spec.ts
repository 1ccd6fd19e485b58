/**
 * The signed-in frame and the sign-in page, at desktop and phone size: the user menu (who is
 * signed in, Profile, API keys, the theme, Sign out), the theme kept across page loads, and a
 * sign-in page that works without any JavaScript.
 */
import { expect, test, type Page } from "@playwright/test";
import { press, waitForHydration } from "../fixtures/clients-ui";
import { demoPassword, roleByKey } from "../fixtures/roles";

const medical = roleByKey("medical");

function accountButton(page: Page) {
  return page.getByRole("banner").getByRole("button", { name: /^Account:/ });
}

test.describe("user menu", () => {
  test.use({ storageState: medical.storageState });

  test("shows who is signed in and leads to the profile and API keys", async ({ page }, testInfo) => {
    await page.goto("/clients");
    const button = accountButton(page);
    await waitForHydration(button);
    await expect(button).toHaveAttribute("aria-expanded", "false");
    await press(button, testInfo);
    await expect(button).toHaveAttribute("aria-expanded", "true");
    const panel = page.locator(`[id="${await button.getAttribute("aria-controls")}"]`);
    await expect(panel.getByText("Morgan Medic")).toBeVisible();
    await expect(panel.getByText(medical.email)).toBeVisible();

    // Escape closes it and gives focus back to the button (keyboard users).
    if (!testInfo.project.use.hasTouch) {
      await page.keyboard.press("Escape");
      await expect(panel).toBeHidden();
      await expect(button).toBeFocused();
      await button.click();
    }

    await press(panel.getByRole("link", { name: "Profile" }), testInfo);
    await expect(page).toHaveURL(/\/account$/);
    await expect(panel).toBeHidden();
    const main = page.getByRole("main");
    await expect(main.getByRole("heading", { level: 1, name: "Morgan Medic" })).toBeVisible();
    await expect(main.getByText("Medical Staff")).toBeVisible();
    // What the server says this role may do: Medical Staff cannot read finance data.
    await expect(main.getByRole("definition").filter({ hasText: "No access" }).first()).toBeVisible();

    await press(page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "API keys" }), testInfo);
    await expect(page).toHaveURL(/\/account\/api-keys$/);
    await expect(main.getByRole("heading", { level: 1, name: "API keys" })).toBeVisible();
  });

  test("the theme choice applies at once and is kept on the next page load", async ({ page }, testInfo) => {
    await page.goto("/account");
    const html = page.locator("html");
    const appearance = page.getByRole("main").getByRole("group", { name: "Theme" });
    await waitForHydration(appearance.getByRole("radio", { name: "Dark" }));
    await press(appearance.getByText("Dark", { exact: true }), testInfo);
    await expect(html).toHaveAttribute("data-theme", "dark");
    // The page really is dark: the surface colour changed, not just an attribute.
    const background = () => page.getByRole("banner").evaluate((el) => getComputedStyle(el).backgroundColor);
    await expect.poll(background).toBe("rgb(22, 27, 34)");

    await page.goto("/clients");
    await expect(html).toHaveAttribute("data-theme", "dark"); // rendered by the server: no flash
    await page.goto("/account");
    await waitForHydration(appearance.getByRole("radio", { name: "System" }));
    await press(appearance.getByText("System", { exact: true }), testInfo);
    await expect(html).not.toHaveAttribute("data-theme", /.*/);
    await page.reload();
    await expect(html).not.toHaveAttribute("data-theme", /.*/);
  });
});

test.describe("signing in and out", () => {
  // Each test signs in on its own: signing out must not end the session other specs share.
  test.use({ storageState: { cookies: [], origins: [] } });

  test("the sign-in page works without JavaScript and keeps the email after a wrong password", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      await page.goto("/login");
      await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
      await page.getByLabel("Email").fill(medical.email);
      await page.getByLabel("Password").fill(`${demoPassword}-not`);
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await expect(page.getByRole("alert")).toHaveText("Invalid email or password.");
      await expect(page.getByLabel("Email")).toHaveValue(medical.email);
      await expect(page.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");
      // The email is not in the address bar (it would end up in history and proxy logs).
      expect(page.url()).not.toContain("medical");

      await page.getByLabel("Password").fill(demoPassword);
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await expect(page).toHaveURL(/\/clients$/);
      await expect(page.getByRole("heading", { level: 1, name: "Clients" })).toBeVisible();
    } finally {
      await context.close();
    }
  });

  test("the sign-in page loads no script at all", async ({ page }) => {
    const scripts: string[] = [];
    page.on("request", (request) => {
      if (request.resourceType() === "script") scripts.push(request.url());
    });
    await page.goto("/login");
    await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
    await page.waitForLoadState("networkidle");
    expect(scripts).toEqual([]);
  });

  test("a sign-in form posted from another site is refused", async ({ page }) => {
    const response = await page.request.post("/api/session", {
      form: { email: medical.email, password: demoPassword },
      headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(403);
    expect(response.headers()["set-cookie"] ?? "").not.toContain("session-token");
  });

  test("Sign out in the user menu ends the session", async ({ page }, testInfo) => {
    await page.goto("/login?callbackUrl=%2Faccount");
    await page.getByLabel("Email").fill(medical.email);
    await page.getByLabel("Password").fill(demoPassword);
    await press(page.getByRole("button", { name: "Sign in", exact: true }), testInfo);
    await expect(page).toHaveURL(/\/account$/);

    const button = accountButton(page);
    await waitForHydration(button);
    await press(button, testInfo);
    await press(page.getByRole("button", { name: "Sign out" }).first(), testInfo);
    await expect(page).toHaveURL(/\/login$/);
    // The session is gone: a signed-in page sends the visitor back to sign in.
    await page.goto("/account");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Faccount/);
    await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  });
});
