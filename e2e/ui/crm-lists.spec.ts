/**
 * The CRM's lists, import and "my day" (issue 6 items 2, 4, 6).
 *
 * Read-only, in the desktop and phone projects: grouping the leads by status shows a heading per
 * status with the server's count; the column picker hides a column and the URL keeps it (a reload
 * too); the demo salesperson's "my day" lists the demo follow-ups, each linking to its lead.
 *
 * Tagged @crm-changes (they write shared data), in the changes-crm-lists project at desktop size,
 * after every read-only spec and before the pipeline spec: a saved view (group-by and columns) is
 * saved, reapplied from the plain list and deleted; a CSV with one bad row is checked (a wrong header
 * first), the report shows the bad row, and confirming imports only the good row; an overdue
 * follow-up is marked done on "my day". Each run uses names of its own.
 */
import { expect, test, type Browser, type BrowserContext, type Locator, type Page, type TestInfo } from "@playwright/test";
import { openFiltersIfCollapsed, press, trpcMutation, trpcQuery, waitForHydration } from "../fixtures/clients-ui";
import { salesManager, uniqueSuffix } from "../fixtures/crm";
import { demoPassword } from "../fixtures/roles";

test.use({ storageState: salesManager.storageState });

/** The demo salesperson of East Coast: the demo follow-ups of that team's leads are theirs. */
const SALES = "sales@demo.orchestrator.test";
const DEMO_FOLLOW_UPS = ["Follow up with Dana", "Follow up with Luis", "Follow up with Grace"];

type Group = { value: string | null; count: number };
type Page1 = { rows: Record<string, unknown>[]; total: number };

function leadsTable(page: Page): Locator {
  return page.getByRole("table", { name: /^Leads/ });
}

const groupHeading = (value: string, count: number) => `${value} · ${count} ${count === 1 ? "lead" : "leads"}`;

async function chooseGroup(page: Page, testInfo: TestInfo, label: string): Promise<void> {
  await openFiltersIfCollapsed(page, testInfo);
  const select = page.getByLabel("Group by", { exact: true });
  await waitForHydration(select);
  await select.selectOption({ label });
}

async function columnsMenu(page: Page, testInfo: TestInfo): Promise<Locator> {
  const button = page.getByRole("button", { name: "Columns", exact: true });
  await waitForHydration(button);
  if ((await button.getAttribute("aria-expanded")) !== "true") await press(button, testInfo);
  await expect(button).toHaveAttribute("aria-expanded", "true");
  return page.getByRole("group", { name: "Show columns" });
}

/** A fresh browser context signed in as `email` through /login (the demo password). */
async function signedIn(browser: Browser, email: string, testInfo: TestInfo): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, ...(testInfo.project.use.viewport ? { viewport: testInfo.project.use.viewport } : {}), hasTouch: Boolean(testInfo.project.use.hasTouch), isMobile: Boolean(testInfo.project.use.isMobile) });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(demoPassword);
  await press(page.getByRole("button", { name: "Sign in", exact: true }), testInfo);
  await page.waitForURL((url) => url.pathname !== "/login");
  return { context, page };
}

const colsOf = (page: Page) => (new URL(page.url()).searchParams.get("cols") ?? "").split(",").filter(Boolean);

test.describe("CRM lists", () => {
  test("grouping leads by status shows a heading per status with its count", async ({ page }, testInfo) => {
    await page.goto("/crm/leads");
    await expect(leadsTable(page)).toBeVisible();
    await chooseGroup(page, testInfo, "Status");
    await expect(page).toHaveURL(/[?&]group=status(&|$)/);
    await expect(leadsTable(page)).toHaveAccessibleName(/grouped by status/);

    const groups = (await trpcQuery<Group[]>(page.request, "crm.leads.groups", { field: "status" })).data ?? [];
    expect(groups.length, "the demo leads have statuses").toBeGreaterThan(0);
    const expected = groups.map((g) => groupHeading(g.value ?? "No status", g.count));
    const headings = leadsTable(page).getByRole("heading", { level: 2 });
    // The page is ordered by the group: its first heading is the first status, with its count.
    await expect(headings.first()).toHaveText(expected[0]!);
    for (const text of await headings.allInnerTexts()) expect(expected).toContain(text.trim());
    const total = (await trpcQuery<Page1>(page.request, "crm.leads.list", { page: 1, pageSize: 20 })).data?.total ?? 0;
    expect(groups.reduce((n, g) => n + g.count, 0), "the counts add up to the list's total").toBe(total);
  });

  test("the column picker hides a column, and the URL keeps it", async ({ page }, testInfo) => {
    await page.goto("/crm/leads");
    await expect(page.locator('td[data-label="Source"]').first()).toBeVisible();
    const menu = await columnsMenu(page, testInfo);
    const source = menu.getByRole("checkbox", { name: "Source", exact: true });
    await expect(source).toBeChecked();
    await press(source, testInfo);
    await expect(page).toHaveURL(/[?&]cols=/);
    expect(colsOf(page)).not.toContain("source");
    expect(colsOf(page)).toContain("status");
    await expect(page.locator('td[data-label="Source"]')).toHaveCount(0);
    await expect(page.locator('td[data-label="Status"]').first()).toBeVisible();
    if (!testInfo.project.use.hasTouch) await expect(leadsTable(page).getByRole("columnheader", { name: "Source" })).toHaveCount(0);

    await page.reload();
    expect(colsOf(page)).not.toContain("source");
    await expect(page.locator('td[data-label="Status"]').first()).toBeVisible();
    await expect(page.locator('td[data-label="Source"]')).toHaveCount(0);
    await expect((await columnsMenu(page, testInfo)).getByRole("checkbox", { name: "Source", exact: true })).not.toBeChecked();
  });

  test("my day lists the demo follow-ups, each linking to its lead", async ({ browser }, testInfo) => {
    const { context, page } = await signedIn(browser, SALES, testInfo);
    try {
      await page.goto("/crm/my-day");
      await expect(page.getByRole("heading", { level: 2, name: /^Overdue/ })).toBeVisible();
      for (const title of DEMO_FOLLOW_UPS) {
        const item = page.getByRole("listitem").filter({ hasText: title });
        await expect(item).toHaveCount(1);
        await expect(item.getByRole("link", { name: /^CRM-LEAD-\d{5}$/ })).toBeVisible();
        await expect(item.getByRole("button", { name: `Mark “${title}” done` })).toBeVisible();
      }
    } finally {
      await context.close();
    }
  });
});

test.describe("CRM lists: changes @crm-changes", () => {
  test("a saved view keeps the grouping and the columns, and reapplies them from the plain list", async ({ page }, testInfo) => {
    const label = `Grouped ${uniqueSuffix(testInfo.project.name)}`;
    await page.goto("/crm/leads?group=status&cols=status%2Cteam");
    await expect(leadsTable(page).getByRole("heading", { level: 2 }).first()).toBeVisible();
    const views = page.getByRole("button", { name: /^Views/ });
    await expect(views).toBeEnabled(); // the menu loads once the page is idle
    await waitForHydration(views);
    await press(views, testInfo);
    const panel = page.getByRole("dialog", { name: "Saved views" });
    await press(panel.getByRole("button", { name: "Save current view…" }), testInfo);
    const dialog = page.getByRole("dialog", { name: "Save current view" });
    await expect(dialog.getByText(/grouped by status/)).toBeVisible();
    await dialog.getByLabel("Name", { exact: true }).fill(label);
    await press(dialog.getByRole("button", { name: "Save view" }), testInfo);
    await expect(page.getByText(`View “${label}” saved`)).toBeVisible();

    const saved = ((await trpcQuery<{ name: string; label: string; query: string }[]>(page.request, "views.list", { list: "crm-leads" })).data ?? []).find((v) => v.label === label);
    try {
      expect(saved?.query).toBe("group=status&cols=status%2Cteam");
      await page.goto("/crm/leads?view=all");
      await expect(page.locator('td[data-label="Source"]').first()).toBeVisible();
      await expect(views).toBeEnabled();
      await press(views, testInfo);
      await press(panel.getByRole("link", { name: label }), testInfo);
      await expect(page).toHaveURL(/\/crm\/leads\?group=status&cols=status%2Cteam$/);
      await expect(leadsTable(page).getByRole("heading", { level: 2 }).first()).toBeVisible();
      await expect(page.locator('td[data-label="Source"]')).toHaveCount(0);
      await expect(page.locator('td[data-label="Team"]').first()).toBeVisible();
    } finally {
      if (saved) expect((await trpcMutation(page.request, "views.delete", { name: saved.name })).status).toBe(200);
    }
  });

  // As the East Coast salesperson: their one team is preselected as the new leads' team (a manager of several chooses one).
  test("a CSV with one bad row: the report names it, and confirming imports only the good row", async ({ browser }, testInfo) => {
    const { context, page } = await signedIn(browser, SALES, testInfo);
    try {
      await importOneGoodRow(page, testInfo);
    } finally {
      await context.close();
    }
  });

  test("an overdue follow-up is marked overdue in words and marked done from my day", async ({ page }, testInfo) => {
    const title = `Call back ${uniqueSuffix(testInfo.project.name)}`;
    const lead = (await trpcQuery<Page1>(page.request, "crm.leads.list", { page: 1, pageSize: 1 })).data?.rows[0]?.name;
    expect(lead, "the manager sees a lead").toBeTruthy();
    const due = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 19).replace("T", " ");
    const created = await trpcMutation<{ name: string }>(page.request, "crm.tasks.create", { values: { title, due_date: due, assigned_to: salesManager.email, reference_doctype: "CRM Lead", reference_docname: lead } });
    expect(created.status).toBe(200);

    await page.goto("/crm/my-day");
    const overdue = page.getByRole("region", { name: /^Overdue/ });
    const item = overdue.getByRole("listitem").filter({ hasText: title });
    await expect(item).toContainText("Overdue");
    await expect(item).toContainText("was due");
    await expect(item.getByRole("link", { name: String(lead) })).toHaveAttribute("href", `/crm/leads/${String(lead)}`);
    const done = item.getByRole("button", { name: `Mark “${title}” done` });
    await waitForHydration(done);
    await press(done, testInfo);
    await expect(page.getByText(`“${title}” done`)).toBeVisible();
    await expect(overdue.getByRole("listitem").filter({ hasText: title })).toHaveCount(0);
    const task = await trpcQuery<Record<string, unknown>>(page.request, "crm.tasks.get", { name: created.data!.name });
    expect(task.data?.status).toBe("Done");
  });
});

/** Checks a CSV with a wrong header, then one with a good and a bad row, and imports the good one. */
async function importOneGoodRow(page: Page, testInfo: TestInfo): Promise<void> {
  const suffix = uniqueSuffix(testInfo.project.name);
  const good = `imogen.${suffix}@example.com`;
  const bad = `nofirst.${suffix}@example.com`;
  await page.goto("/crm/import");
  const file = page.getByLabel("CSV file", { exact: true });
  await waitForHydration(file);

  await test.step("a wrong header is refused under the file field, with the expected header", async () => {
    await file.setInputFiles({ name: "wrong.csv", mimeType: "text/csv", buffer: Buffer.from("name,e-mail\r\nIvy,ivy@example.com\r\n") });
    await press(page.getByRole("button", { name: "Check file" }), testInfo);
    await expect(file).toHaveAttribute("aria-invalid", "true");
    // The server's problem and the header it expects, next to the field and read with it.
    await expect(file).toHaveAccessibleDescription(/^The header does not match: .*Expected header: first_name,last_name,email,mobile_no,organization,source,status/);
  });

  await test.step("the dry run reports the bad row by row, field and problem", async () => {
    const csv = ["first_name,last_name,email,mobile_no,organization,source,status", `Imogen,Import ${suffix},${good},,Import Clinic ${suffix},Website,New`, `,Nofirst ${suffix},${bad},,,,`].join("\r\n");
    await file.setInputFiles({ name: "leads.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await press(page.getByRole("button", { name: "Check file" }), testInfo);
    const report = page.getByRole("region", { name: "Dry run: nothing is imported yet" });
    await expect(report).toBeVisible();
    await expect(report.getByRole("definition").nth(0)).toHaveText("1"); // valid
    await expect(report.getByRole("definition").nth(1)).toHaveText("1"); // invalid
    await expect(report.getByRole("definition").nth(2)).toHaveText("0"); // duplicates
    const problem = report.getByRole("table", { name: /Problems found/ }).locator("tbody tr");
    await expect(problem).toHaveCount(1);
    await expect(problem).toContainText("3");
    await expect(problem).toContainText("first_name");
    await expect(problem).toContainText("First name is required");
    expect((await trpcQuery<Page1>(page.request, "crm.leads.list", { search: good })).data?.total, "a dry run writes nothing").toBe(0);
  });

  await test.step("confirming imports only the good row, and links to it", async () => {
    await press(page.getByRole("button", { name: "Import 1 valid row" }), testInfo);
    await expect(page.getByRole("heading", { name: "Imported 1 lead" })).toBeVisible();
    const link = page.getByRole("list", { name: "Imported leads" }).getByRole("link", { name: /^CRM-LEAD-\d{5}$/ });
    await expect(link).toHaveCount(1);
    expect((await trpcQuery<Page1>(page.request, "crm.leads.list", { search: good })).data?.total).toBe(1);
    expect((await trpcQuery<Page1>(page.request, "crm.leads.list", { search: bad })).data?.total).toBe(0);
    await press(link, testInfo);
    await expect(page.getByRole("heading", { level: 1, name: `Imogen Import ${suffix}` })).toBeVisible();
  });
}
