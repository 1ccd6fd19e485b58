/**
 * The helpdesk agent desk (issue 5 item 8), in the desktop and phone projects: an agent raises a
 * ticket, replies, adds an internal note and takes it through to Resolved; the create form shows the
 * server's field errors; axe finds nothing serious or critical on the list and the ticket page; and
 * screenshots of the list, a ticket and the dashboard are attached at each project's size.
 *
 * Each test works on tickets it creates itself (unique subjects), so it can run beside other specs.
 */
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { press, waitForHydration } from "../fixtures/clients-ui";
import { expectTicketListReady, helpdeskAgent, ticketsTable, uniqueSubject } from "../fixtures/helpdesk";
import { expectNoSeriousViolations } from "../fixtures/axe";

test.use({ storageState: helpdeskAgent.storageState });

async function attachScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}-${testInfo.project.name}.png`);
  const body = await page.screenshot({ path, fullPage: true, animations: "disabled", caret: "hide" });
  expect(body.byteLength, "a non-empty PNG").toBeGreaterThan(1000);
  await testInfo.attach(`${name}-${testInfo.project.name}`, { path, contentType: "image/png" });
}

/** Fills and submits the new-ticket form; returns the new ticket's name from the URL. */
async function createTicket(page: Page, testInfo: TestInfo, subject: string): Promise<string> {
  await page.goto("/helpdesk/new");
  const subjectField = page.getByLabel("Subject");
  await waitForHydration(subjectField);
  await subjectField.fill(subject);
  await page.getByLabel("Description").fill("The printer on the second floor prints blank pages.");
  await page.getByLabel("Raised by (e-mail)").fill("requester@example.com");
  await page.getByLabel("Priority").selectOption("High");
  await press(page.getByRole("button", { name: "Create ticket" }), testInfo);
  await page.waitForURL(/\/helpdesk\/HD-TKT-\d+$/);
  await expect(page.getByRole("heading", { level: 1, name: subject })).toBeVisible();
  return decodeURIComponent(new URL(page.url()).pathname.split("/").pop() ?? "");
}

async function setStatus(page: Page, status: string): Promise<void> {
  const select = page.getByRole("complementary", { name: "Ticket details" }).getByLabel("Status");
  await expect(select).toBeEnabled();
  await select.selectOption(status);
  await expect(page.getByText(`Status set to ${status}`)).toBeVisible();
  await expect(select).toBeEnabled();
  await expect(select).toHaveValue(status);
}

test.describe("Helpdesk agent", () => {
  test("works a ticket from creation to resolution", async ({ page }, testInfo) => {
    const subject = uniqueSubject("Blank pages from the printer", testInfo.project.name);
    const name = await test.step("creates a ticket", () => createTicket(page, testInfo, subject));
    expect(name).toMatch(/^HD-TKT-\d+$/);
    const thread = page.getByRole("region", { name: "Conversation" });

    await test.step("the ticket page shows the SLA and the properties", async () => {
      await expect(page.getByRole("region", { name: "SLA" })).toBeVisible();
      await expect(page.getByRole("complementary", { name: "Ticket details" }).getByLabel("Priority")).toHaveValue("High");
    });

    await test.step("replies to the customer", async () => {
      const box = page.getByLabel("Reply to the customer");
      await waitForHydration(box);
      await box.fill("Thanks, we are sending a technician this afternoon.");
      await press(page.getByRole("button", { name: "Send reply" }), testInfo);
      await expect(thread.getByRole("article", { name: /^Reply by/ })).toContainText("sending a technician");
    });

    await test.step("adds an internal note, set apart from replies", async () => {
      await press(page.getByText("Internal note", { exact: true }), testInfo);
      await page.getByLabel("Note for agents").fill("Toner cartridge looks empty; check the stock room first.");
      await press(page.getByRole("button", { name: "Add note" }), testInfo);
      const note = thread.getByRole("article", { name: /^Internal note by/ });
      await expect(note).toContainText("Toner cartridge");
      await expect(note).toContainText("not visible to the customer");
    });

    await test.step("takes the status through Paused to Resolved", async () => {
      await setStatus(page, "Paused");
      await setStatus(page, "Resolved");
      await expect(page.getByRole("main").locator("header")).toContainText("Resolved");
    });

    await test.step("axe: the ticket page", () => expectNoSeriousViolations(page, testInfo, "helpdesk-ticket"));

    await test.step("the list finds it, resolved", async () => {
      await page.goto(`/helpdesk?q=${encodeURIComponent(subject)}`);
      await expectTicketListReady(page);
      const row = ticketsTable(page).getByRole("row").filter({ hasText: subject });
      await expect(row).toHaveCount(1);
      await expect(row).toContainText("Resolved");
      await expect(row).toContainText(name);
    });
  });

  test("the create form shows the server's field errors and keeps what was typed", async ({ page }, testInfo) => {
    await page.goto("/helpdesk/new");
    const subject = page.getByLabel("Subject");
    await waitForHydration(subject);
    await press(page.getByRole("button", { name: "Create ticket" }), testInfo);
    await expect(page.getByText("Subject is required").first()).toBeVisible();
    await expect(subject).toHaveAttribute("aria-invalid", "true");

    const title = uniqueSubject("Unknown customer", testInfo.project.name);
    await subject.fill(title);
    await page.getByLabel("Customer").fill("No Such Customer Ltd");
    await press(page.getByRole("button", { name: "Create ticket" }), testInfo);
    // The server's word, under the field it is about.
    await expect(page.getByLabel("Customer")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText(/HD Customer No Such Customer Ltd not found/).first()).toBeVisible();
    await expect(subject).toHaveValue(title);
    await expect(page).toHaveURL(/\/helpdesk\/new$/);
  });

  test("axe and screenshots: list, ticket, dashboard", async ({ page }, testInfo) => {
    const subject = uniqueSubject("Screenshot ticket", testInfo.project.name);
    await createTicket(page, testInfo, subject);
    await attachScreenshot(page, testInfo, "helpdesk-ticket");

    await page.goto("/helpdesk");
    await expectTicketListReady(page);
    await expect(ticketsTable(page).getByRole("row").first()).toBeVisible();
    await expectNoSeriousViolations(page, testInfo, "helpdesk-list");
    await attachScreenshot(page, testInfo, "helpdesk-list");

    await page.goto("/helpdesk/dashboard");
    await expect(page.getByRole("heading", { level: 1, name: "Helpdesk dashboard" })).toBeVisible();
    await expect(page.getByText("Open tickets", { exact: true })).toBeVisible();
    await expect(page.getByRole("img", { name: /^Open tickets by status/ })).toBeVisible();
    await expectNoSeriousViolations(page, testInfo, "helpdesk-dashboard");
    await attachScreenshot(page, testInfo, "helpdesk-dashboard");
  });
});
