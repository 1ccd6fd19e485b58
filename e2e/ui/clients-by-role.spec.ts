/**
 * The Clients pages per demo role (DESIGN.md §3), table-driven over `roles` with each role's saved
 * sign-in state (dubinc's role × page matrix). Runs in the desktop (table) and phone (cards) projects.
 *
 *  - the list holds exactly the role's departments (every page read, and the department filter),
 *    and says so in its totals;
 *  - a client page of a visible department has the role's tabs: Medical / Program are absent, not
 *    disabled, for roles without that category;
 *  - a client of another department is the same plain "not found" as a client that doesn't exist,
 *    and that is re-checked: through the API with the same session, and against an administrator's
 *    view that the record does exist (documenso's rule: another team's record is a 404);
 *  - the main navigation offers no module the role cannot use.
 */
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import {
  CLIENT_ID,
  countLabel,
  departmentFilter,
  expectListReady,
  mainNav,
  openFiltersIfCollapsed,
  pagination,
  press,
  readListRows,
  trpcQuery,
  waitForHydration,
  type ListRow,
} from "../fixtures/clients-ui";
import {
  canSeeClientOf,
  expectedClientCount,
  expectedClientTabs,
  missingClient,
  roleByKey,
  roles,
  sampleClient,
  seededClients,
  seededMedicalTemplates,
  type ClientDepartment,
  type RoleFixture,
} from "../fixtures/roles";

const PAGE_SIZE = 25;
const departments: readonly ClientDepartment[] = ["Medical", "Program"];

/** Seed fact: odd-numbered clients are Medical, even-numbered Program. */
function departmentOfId(id: string): ClientDepartment {
  return Number(id.slice(3)) % 2 === 1 ? "Medical" : "Program";
}

/**
 * Every module the main navigation may offer, and who can use it. Only Clients exists so far; a
 * module added to apps/web/src/components/shell/nav-items.ts must be added here with its rule.
 */
const navModules: { label: string; href: string; usableBy: (r: RoleFixture) => boolean }[] = [
  { label: "Clients", href: "/clients", usableBy: (r) => r.visibleClientDepartments.length > 0 },
  // The helpdesk agent desk (in the navigation's order): needs helpdesk read; of the six roles only Super Admin has it.
  { label: "Helpdesk", href: "/helpdesk", usableBy: (r) => r.role === "Super Admin" },
  // The CRM: needs crm read; of the six roles only Super Admin has it.
  { label: "CRM", href: "/crm", usableBy: (r) => r.role === "Super Admin" },
  // Administration (users, departments, permissions, audit log): only for admin writers.
  { label: "Administration", href: "/admin", usableBy: (r) => r.role === "Super Admin" },
];

/** Reads every page of the list through the Next page link; checks the totals on each page. */
async function readAllPages(page: Page, total: number, testInfo: TestInfo): Promise<ListRow[]> {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const all: ListRow[] = [];
  for (let n = 1; n <= pages; n++) {
    const first = (n - 1) * PAGE_SIZE + 1;
    const last = Math.min(total, n * PAGE_SIZE);
    if (n > 1) {
      await press(pagination(page).getByRole("link", { name: "Next page" }), testInfo);
      await expect(page).toHaveURL(new RegExp(`[?&]page=${n}(&|$)`));
    }
    await expect(pagination(page)).toContainText(`Showing ${first}–${last} of ${total}`);
    // The rows' container is aria-busy while the next page's rows are still the previous ones.
    await expect(pagination(page).locator("xpath=..")).toHaveAttribute("aria-busy", "false");
    const rows = await readListRows(page);
    expect(rows, `rows on page ${n}`).toHaveLength(last - first + 1);
    all.push(...rows);
  }
  // On the last page "Next page" stays in place but is disabled (no href, aria-disabled).
  const next = pagination(page).getByRole("link", { name: "Next page" });
  await expect(next, "no page after the last").toHaveAttribute("aria-disabled", "true");
  await expect(next).not.toHaveAttribute("href", /./);
  return all;
}

/** The parts of a client that must not reach a user outside its department. */
interface ClientSecret {
  first_name: string;
  last_name: string;
  dob: string | null;
  department: string;
}

for (const role of roles) {
  const visible = role.visibleClientDepartments;
  const hidden = departments.filter((d) => !canSeeClientOf(role, d));
  const total = expectedClientCount(role);

  test.describe(`${role.role} (${role.email})`, () => {
    test.use({ storageState: role.storageState });

    test(`the Clients list holds only ${visible.join(" and ")} clients, ${total} in all`, async ({ page }, testInfo) => {
      // Sorted by Client ID (a shared view in the URL): a stable order to page through.
      await page.goto("/clients?sort=name&dir=asc");
      await expectListReady(page);
      await expect(countLabel(page)).toHaveText(`${total} clients`);

      const rows = await readAllPages(page, total, testInfo);
      const ids = rows.map((r) => r.id);
      expect(new Set(ids).size, "each client listed once").toBe(total);
      expect(ids, "in Client ID order").toEqual([...ids].sort());
      for (const row of rows) {
        expect(row.id).toMatch(CLIENT_ID);
        expect(visible, `${row.id} is in ${row.department}`).toContain(row.department);
        expect(row.department, `${row.id}: department agrees with the seed`).toBe(departmentOfId(row.id));
      }
      expect([...new Set(rows.map((r) => r.department))].sort()).toEqual([...visible].sort());
    });

    test("the department filter finds nothing outside the role's departments", async ({ page }, testInfo) => {
      await page.goto("/clients");
      await expectListReady(page);
      await openFiltersIfCollapsed(page, testInfo);
      const select = departmentFilter(page);
      await waitForHydration(select);

      for (const department of departments) {
        await select.selectOption({ label: department });
        await expect(page).toHaveURL(new RegExp(`[?&]department=${department}(&|$)`));
        if (canSeeClientOf(role, department)) {
          const n = seededClients[department];
          await expect(countLabel(page)).toHaveText(`${n} clients match`);
          await expect(pagination(page)).toContainText(`of ${n}`);
          await expect(pagination(page).locator("xpath=..")).toHaveAttribute("aria-busy", "false");
          const rows = await readListRows(page);
          expect(rows.length).toBe(Math.min(n, PAGE_SIZE));
          for (const row of rows) expect(row.department, row.id).toBe(department);
        } else {
          await expect(countLabel(page)).toHaveText("0 clients match");
          await expect(page.getByText("No clients match", { exact: true })).toBeVisible();
          await expect(page.getByRole("main").getByText(CLIENT_ID)).toHaveCount(0);
        }
      }
    });

    for (const department of visible) {
      const name = sampleClient(department);
      const tabs = expectedClientTabs(role);

      test(`${department} client ${name} opens with tabs ${tabs.join(", ")}`, async ({ page }, testInfo) => {
        const response = await page.goto(`/clients/${name}`);
        expect(response?.status()).toBe(200);
        // The server-rendered page carries the record (the counterpart of the not-found check below).
        expect(await response?.text()).toContain("first_name");
        const main = page.getByRole("main");
        await expect(main.getByRole("heading", { level: 1 })).not.toHaveText("Client not found");
        await expect(main.getByText(name, { exact: true })).toBeVisible();
        await expect(main.getByText(`, department ${department}`)).toHaveCount(1);

        const tablist = page.getByRole("tablist", { name: "Client sections" });
        await expect(tablist).toBeVisible();
        await expect(tablist.getByRole("tab")).toHaveText(tabs);
        await expect(tablist.getByRole("tab", { name: "Overview" })).toHaveAttribute("aria-selected", "true");

        if (role.access.medical === "none") {
          // Absent, not disabled: no tab, and asking for it by URL shows the first tab.
          await expect(page.getByRole("tab", { name: "Medical" })).toHaveCount(0);
          await expect(page.getByRole("tab", { name: "Program" })).toHaveCount(role.access.program === "none" ? 0 : 1);
          await page.goto(`/clients/${name}?tab=medical`);
          await expect(tablist.getByRole("tab")).toHaveText(tabs);
          await expect(tablist.getByRole("tab", { name: "Overview" })).toHaveAttribute("aria-selected", "true");
          await expect(page.getByRole("table", { name: "Medical assignments" })).toHaveCount(0);
          for (const template of seededMedicalTemplates) await expect(main.getByText(template)).toHaveCount(0);
          // Re-checked at the API the page uses: the child tables are absent from the data too.
          const summary = await trpcQuery<{ client: Record<string, unknown> }>(page.request, "clients.summary", { name });
          expect(summary.status).toBe(200);
          expect(Object.keys(summary.data?.client ?? {})).not.toContain("medical_assignments");
          if (role.access.program === "none") expect(Object.keys(summary.data?.client ?? {})).not.toContain("program_assignments");
        } else {
          const medicalTab = tablist.getByRole("tab", { name: "Medical" });
          await waitForHydration(medicalTab);
          await press(medicalTab, testInfo);
          await expect(medicalTab).toHaveAttribute("aria-selected", "true");
          await expect(page).toHaveURL(/[?&]tab=medical(&|$)/);
          const medical = page.getByRole("tabpanel").getByRole("table", { name: "Medical assignments" });
          await expect(medical.locator("tbody").getByRole("row")).toHaveCount(1);
          await expect(medical.locator("tbody").getByRole("cell").first()).toHaveText(new RegExp(`^(${seededMedicalTemplates.join("|")})$`));
        }

        if (role.access.program !== "none") {
          const programTab = tablist.getByRole("tab", { name: "Program" });
          await waitForHydration(programTab);
          await press(programTab, testInfo);
          await expect(programTab).toHaveAttribute("aria-selected", "true");
          const program = page.getByRole("tabpanel").getByRole("table", { name: "Program assignments" });
          await expect(program.locator("tbody").getByRole("row")).toHaveCount(1);
        }
      });
    }

    test(`a missing client (${missingClient}) shows the plain not-found page`, async ({ page }) => {
      const response = await page.goto(`/clients/${missingClient}`);
      expect(response?.status(), "a real 404, not a 200 with a message").toBe(404);
      const main = page.getByRole("main");
      await expect(main.getByRole("heading", { level: 1 })).toHaveText("Client not found");
      await expect(main.getByText("Check the link, or find the client in the list.")).toBeVisible();
      await expect(main.getByRole("link", { name: "Back to clients" })).toHaveAttribute("href", "/clients");
      await expect(page.getByRole("tablist")).toHaveCount(0);
    });

    for (const department of hidden) {
      const name = sampleClient(department);

      test(`a ${department} client (${name}) by direct link is the same not-found as a missing one`, async ({ page, playwright, baseURL }) => {
        // What the administrator sees of that client: it exists, in that department.
        const admin = await playwright.request.newContext({ baseURL, storageState: roleByKey("admin").storageState });
        let secret: ClientSecret | undefined;
        try {
          const asAdmin = await trpcQuery<{ client: ClientSecret }>(admin, "clients.summary", { name });
          expect(asAdmin.status, "the record exists (administrator's view)").toBe(200);
          secret = asAdmin.data?.client;
        } finally {
          await admin.dispose();
        }
        expect(secret?.department).toBe(department);

        const missingResponse = await page.goto(`/clients/${missingClient}`);
        await expect(page.getByRole("main").getByRole("heading", { level: 1 })).toHaveText("Client not found");
        const missingText = await page.getByRole("main").innerText();

        const response = await page.goto(`/clients/${name}`);
        const main = page.getByRole("main");
        await expect(main.getByRole("heading", { level: 1 })).toHaveText("Client not found");
        expect(response?.status(), "same HTTP status as a missing client").toBe(missingResponse?.status());
        expect(response?.status()).toBe(404);
        expect(await main.innerText(), "same words as a missing client").toBe(missingText);
        await expect(page.getByRole("tablist")).toHaveCount(0);
        await expect(main.getByText(`${secret?.first_name} ${secret?.last_name}`)).toHaveCount(0);
        // Nothing of the record in the HTML either (server-rendered markup and the streamed query
        // cache, where a loaded client shows up as `first_name`…).
        const html = (await response?.text()) ?? "";
        expect(html).not.toContain("first_name");
        if (secret?.dob) expect(html).not.toContain(secret.dob);

        // Re-checked: after a reload, and at the API the page uses with the same session.
        await page.reload();
        await expect(main.getByRole("heading", { level: 1 })).toHaveText("Client not found");
        for (const procedure of ["clients.summary", "clients.get"]) {
          const other = await trpcQuery(page.request, procedure, { name });
          const missing = await trpcQuery(page.request, procedure, { name: missingClient });
          expect(other.status, procedure).toBe(404);
          expect(other.errorCode, procedure).toBe("NOT_FOUND");
          expect([other.status, other.errorCode], `${procedure}: same answer as a missing client`).toEqual([missing.status, missing.errorCode]);
        }
      });
    }

    test("the main navigation offers only the modules the role can use", async ({ page }, testInfo) => {
      await page.goto("/clients");
      await expectListReady(page);
      const nav = mainNav(page);
      await expect(nav).toBeVisible();
      const expected = navModules.filter((m) => m.usableBy(role));
      await expect(nav.getByRole("link")).toHaveText(expected.map((m) => m.label));
      for (const m of expected) {
        const link = nav.getByRole("link", { name: m.label, exact: true });
        await expect(link).toHaveAttribute("href", m.href);
        // The list page is open: its module is the current one, no other.
        if (m.href === "/clients") await expect(link).toHaveAttribute("aria-current", "page");
        else await expect(link).not.toHaveAttribute("aria-current", "page");
      }
      // On phones the sidebar is replaced by the bottom bar: one main navigation on screen, not two.
      await expect(nav).toHaveCount(1);
      if (testInfo.project.use.hasTouch) expect(await nav.boundingBox().then((b) => (b?.y ?? 0) > (page.viewportSize()?.height ?? 0) / 2), "bottom bar").toBe(true);
    });
  });
}
