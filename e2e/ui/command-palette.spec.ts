/**
 * The global search palette and keyboard shortcuts (DESIGN.md §7), in the desktop (keyboard) and
 * phone (touch, icon-only button) projects:
 *
 *  - Ctrl+K opens it (phones: the top bar's icon button), a client's surname finds the client,
 *    Enter (phones: a tap) opens the client page, and focus returns to the search button;
 *  - the palette is code-split: none of the page's JavaScript contains cmdk until it is opened;
 *  - results are scoped like the list: a Medical user never finds a Program-department client;
 *  - "g c" / "g a" go to Clients / Administration (only where the navigation has it), "/" opens
 *    the palette but not while typing in a field, "?" lists the shortcuts, Escape closes.
 */
import { expect, test, type Browser, type Locator, type Page, type TestInfo } from "@playwright/test";
import { CLIENT_ID, expectListReady, press, trpcQuery, waitForHydration } from "../fixtures/clients-ui";
import { roleByKey, sampleClient, type ClientDepartment } from "../fixtures/roles";
import { expectNoSeriousViolations } from "../fixtures/axe";

const admin = roleByKey("admin");
const medical = roleByKey("medical");

/** A string only the palette's chunk holds (cmdk's input attribute). */
const CMDK_MARKER = "cmdk-input";

function searchButton(page: Page): Locator {
  // Named by its visible text: "Search… Ctrl K" on desktops, "Search…" (screen readers only) on phones.
  return page.getByRole("banner").getByRole("button", { name: /^Search…/ });
}

function palette(page: Page): Locator {
  return page.getByRole("dialog", { name: "Search" });
}

function paletteInput(page: Page): Locator {
  return palette(page).getByRole("combobox");
}

/** The result options that are clients ("Last, First · CL-00012 · Active"). */
function clientOptions(page: Page): Locator {
  return palette(page).getByRole("option").filter({ hasText: /CL-\d{5}/ });
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function departmentOfId(id: string): ClientDepartment {
  return Number(id.slice(3)) % 2 === 1 ? "Medical" : "Program";
}

/** Opens the palette as a user of this device would: Ctrl+K on desktops, the icon button on phones. */
async function openPalette(page: Page, testInfo: TestInfo): Promise<void> {
  const button = searchButton(page);
  await waitForHydration(button);
  if (testInfo.project.use.hasTouch) await press(button, testInfo);
  else await page.keyboard.press("Control+k");
  await expect(palette(page)).toBeVisible();
  await expect(palette(page)).toHaveAttribute("aria-modal", "true");
  await expect(paletteInput(page)).toBeFocused();
}

/** Client IDs of the options on screen, once the search has settled. */
async function listedClientIds(page: Page): Promise<string[]> {
  await expect(palette(page).getByRole("status")).not.toContainText("Searching");
  const texts = await clientOptions(page).allInnerTexts();
  return texts.map((t) => /CL-\d{5}/.exec(t)?.[0] ?? "");
}

/** Every client the administrator sees, with names and department (for picking search terms). */
async function allClients(browser: Browser): Promise<{ name: string; first_name: string; last_name: string; department: string }[]> {
  const context = await browser.newContext({ storageState: admin.storageState });
  try {
    const result = await trpcQuery<{ rows: { name: string; first_name: string; last_name: string; department: string }[] }>(context.request, "clients.list", { page: 1, pageSize: 100, sort: "name", dir: "asc" });
    expect(result.status).toBe(200);
    return result.data?.rows ?? [];
  } finally {
    await context.close();
  }
}

test.describe(`signed in as ${admin.role}`, () => {
  test.use({ storageState: admin.storageState });

  test("the search button fits the device: labelled with its shortcut on desktops, a 44 px icon on phones", async ({ page }, testInfo) => {
    await page.goto("/clients");
    await expectListReady(page);
    const button = searchButton(page);
    await expect(button).toBeVisible();
    await expect(button).toHaveAttribute("aria-keyshortcuts", /Control\+K/);
    const box = await button.boundingBox();
    expect(box).not.toBeNull();
    if (testInfo.project.use.hasTouch) {
      // Icon only: touch-sized, and no wider than that.
      await expect(button).toHaveAccessibleName("Search…");
      await expect(button.getByText(/^(Ctrl K|⌘K)$/)).toBeHidden();
      expect(box!.width).toBeGreaterThanOrEqual(44);
      expect(box!.height).toBeGreaterThanOrEqual(44);
      expect(box!.width).toBeLessThan(64);
    } else {
      await expect(button).toHaveAccessibleName(/^Search… (Ctrl K|⌘K)$/);
      await expect(button.getByText("Search…")).toBeVisible();
      await expect(button.getByText(/^(Ctrl K|⌘K)$/)).toBeVisible();
    }
  });

  test("open → type a surname → the client is found → open it; focus returns to the search button", async ({ page }, testInfo) => {
    const name = sampleClient("Medical");
    const client = await trpcQuery<{ first_name: string; last_name: string }>(page.request, "clients.get", { name });
    expect(client.status).toBe(200);
    const { first_name: first, last_name: last } = client.data!;

    // Code-splitting: record every script the page loads, from the first request on.
    const scripts: { url: string; body: Promise<string> }[] = [];
    page.on("response", (response) => {
      if (response.request().resourceType() === "script") scripts.push({ url: response.url(), body: response.text().catch(() => "") });
    });
    await page.goto("/clients");
    await expectListReady(page);
    await waitForHydration(searchButton(page));
    const initial = await Promise.all(scripts.map((s) => s.body));
    expect(initial.length, "the page loaded its scripts").toBeGreaterThan(0);
    expect(initial.filter((body) => body.includes(CMDK_MARKER)), "cmdk is not in the page's First Load JS").toEqual([]);

    await openPalette(page, testInfo);
    const loaded = await Promise.all(scripts.map((s) => s.body));
    expect(loaded.some((body) => body.includes(CMDK_MARKER)), "the palette's chunk is fetched when it opens").toBe(true);

    // Pages are offered before anything is typed.
    await expect(palette(page).getByRole("option", { name: "Clients", exact: true })).toBeVisible();
    await paletteInput(page).pressSequentially(last.toLowerCase(), { delay: 30 });
    const option = clientOptions(page).filter({ hasText: name });
    await expect(option).toHaveText(new RegExp(`${escapeRegExp(last)}, ${escapeRegExp(first)} · ${name} · `));
    for (const text of await clientOptions(page).allInnerTexts()) expect(text).toContain(`${last}, `);

    if (testInfo.project.use.hasTouch) {
      await press(option, testInfo);
    } else {
      // Arrow down to the client (others may share the surname), then Enter.
      for (let i = 0; i < 12 && (await option.getAttribute("aria-selected")) !== "true"; i++) await page.keyboard.press("ArrowDown");
      await expect(option).toHaveAttribute("aria-selected", "true");
      await page.keyboard.press("Enter");
    }
    await expect(page).toHaveURL(new RegExp(`/clients/${name}$`));
    await expect(palette(page)).toBeHidden();
    await expect(page.getByRole("main").getByText(name, { exact: true })).toBeVisible();
    await expect(searchButton(page)).toBeFocused();
  });

  test("the open palette has no serious or critical axe violations, and Escape closes it", async ({ page }, testInfo) => {
    await page.goto("/clients");
    await expectListReady(page);
    await openPalette(page, testInfo);
    await paletteInput(page).fill("CL-0000");
    await expect(clientOptions(page).first()).toBeVisible();
    await expectNoSeriousViolations(page, testInfo, "palette", { include: "dialog" });

    if (testInfo.project.use.hasTouch) await press(palette(page).getByRole("button", { name: "Cancel" }), testInfo);
    else await page.keyboard.press("Escape");
    await expect(palette(page)).toBeHidden();
    await expect(searchButton(page)).toBeFocused();
  });

  // Also on the phone project: tablets and phones with a hardware keyboard get the same shortcuts.
  test("keyboard: g c, g a, / (not while typing), ? and Escape", async ({ page }) => {
    await page.goto(`/clients/${sampleClient("Medical")}`);
    await expect(page.getByRole("tablist", { name: "Client sections" })).toBeVisible();
    await waitForHydration(searchButton(page));

    await page.keyboard.press("g");
    await page.keyboard.press("c");
    await expect(page).toHaveURL(/\/clients$/);
    await expectListReady(page);

    await page.keyboard.press("g");
    await page.keyboard.press("a");
    await expect(page).toHaveURL(/\/admin(?:[/?#]|$)/);

    await page.goto("/clients");
    await expectListReady(page);
    await waitForHydration(searchButton(page));
    // Typing "/" in the list's search field is text, not a shortcut.
    const listSearch = page.getByLabel("Search clients", { exact: true });
    await listSearch.click();
    await page.keyboard.type("/");
    await expect(listSearch).toHaveValue("/");
    await expect(palette(page)).toBeHidden();
    await listSearch.fill("");
    await listSearch.blur();

    await page.keyboard.press("/");
    await expect(palette(page)).toBeVisible();
    await expect(paletteInput(page)).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(palette(page)).toBeHidden();
    await expect(searchButton(page)).toBeFocused();

    await page.keyboard.press("?");
    const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await expect(help).toBeVisible();
    await expect(help).toContainText("Go to Clients");
    await expect(help).toContainText("Go to Administration");
    await page.keyboard.press("Escape");
    await expect(help).toBeHidden();
    await expect(searchButton(page)).toBeFocused();

    // Ctrl+K toggles.
    await page.keyboard.press("Control+k");
    await expect(palette(page)).toBeVisible();
    await page.keyboard.press("Control+k");
    await expect(palette(page)).toBeHidden();
  });
});

test.describe(`signed in as ${medical.role}`, () => {
  test.use({ storageState: medical.storageState });

  test("search never shows a Program-department client", async ({ page, browser }, testInfo) => {
    const clients = await allClients(browser);
    const bySurname = new Map<string, Set<string>>();
    for (const c of clients) bySurname.set(c.last_name, (bySurname.get(c.last_name) ?? new Set()).add(c.department));
    const shared = [...bySurname].find(([, depts]) => depts.size === 2)?.[0];
    expect(shared, "the demo seed has a surname in both departments").toBeTruthy();
    const medicalWithSurname = clients.filter((c) => c.last_name === shared && c.department === "Medical").map((c) => c.name);

    await page.goto("/clients");
    await expectListReady(page);
    await openPalette(page, testInfo);

    await paletteInput(page).fill(shared!);
    await expect(clientOptions(page).first()).toBeVisible();
    const found = await listedClientIds(page);
    expect(found.length).toBe(Math.min(medicalWithSurname.length, 8));
    for (const id of found) {
      expect(id).toMatch(CLIENT_ID);
      expect(departmentOfId(id), id).toBe("Medical");
      expect(medicalWithSurname).toContain(id);
    }

    // By ID: a Program client is not there at all; a Medical one is.
    await paletteInput(page).fill(sampleClient("Program"));
    await expect(palette(page).getByRole("status")).toHaveText("No results");
    await expect(clientOptions(page)).toHaveCount(0);
    await paletteInput(page).fill("CL-000");
    await expect(clientOptions(page).first()).toBeVisible();
    for (const id of await listedClientIds(page)) expect(departmentOfId(id), id).toBe("Medical");

    // Medical Staff may add clients, but not administer: no Administration page in the palette.
    await paletteInput(page).fill("");
    await expect(palette(page).getByRole("option", { name: "New client", exact: true })).toBeVisible();
    await expect(palette(page).getByRole("option", { name: "Administration" })).toHaveCount(0);
  });
});
