/**
 * The CRM's core path (issue 6 item 2), in the desktop and phone projects: the Sales Manager creates a
 * lead, finds it in the leads list, edits its details (a malformed mobile refused under its field),
 * e-mails it from its page (merge fields previewed, the mail
 * arriving at the SMTP simulator, the timeline showing it), converts it to a deal, moves the deal through the Kanban board to
 * Won — dragging cards on desktop, the keyboard-usable "Move to…" select on the phone — sees a lost
 * reason asked for (the server's field error shown), admits the won deal as a pending client in a
 * department and opens the client's page. axe finds nothing serious or critical on the board.
 *
 * Each run works on a lead it creates itself (unique names), so it can run beside other specs.
 */
import { expect, test, type Page } from "@playwright/test";
import { press, waitForHydration } from "../fixtures/clients-ui";
import { dealCard, pipelineStages, salesManager, stageColumn, uniqueSuffix } from "../fixtures/crm";
import { waitForMail } from "../fixtures/mail";
import { expectNoSeriousViolations } from "../fixtures/axe";

test.use({ storageState: salesManager.storageState });

/** Drags a card by its grip onto a stage column with the mouse (pointer events), as a desktop user does. */
async function dragTo(page: Page, deal: string, stage: string): Promise<void> {
  const column = stageColumn(page, stage);
  await column.scrollIntoViewIfNeeded();
  const grip = dealCard(page, deal).locator("[data-drag-handle]");
  await grip.scrollIntoViewIfNeeded();
  const from = await grip.boundingBox();
  const to = await column.boundingBox();
  if (!from || !to) throw new Error("card or column not on screen");
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + 80, { steps: 12 });
  await page.mouse.up();
}

/** Moves a card with its "Move … to…" select: the path for keyboards, screen readers and phones. */
async function selectMove(page: Page, deal: string, stage: string): Promise<void> {
  const select = page.getByLabel(`Move ${deal} to…`);
  await select.scrollIntoViewIfNeeded();
  await select.selectOption(stage);
}

test.describe("CRM pipeline", () => {
  test("a lead is created, e-mailed, converted, worked through the Kanban to Won and admitted as a client", async ({ page }, testInfo) => {
    const suffix = uniqueSuffix(testInfo.project.name);
    const lastName = `Pipeline ${suffix}`;
    const organisation = `Harbor Clinic ${suffix}`;
    const phone = Boolean(testInfo.project.use.hasTouch);

    const lead = await test.step("creates a lead", async () => {
      await page.goto("/crm/leads/new");
      const first = page.getByLabel("First name");
      await waitForHydration(first);
      await first.fill("Jordan");
      await page.getByLabel("Last name").fill(lastName);
      await page.getByLabel("E-mail").fill(`jordan.${suffix}@example.com`);
      await page.getByLabel("Organisation").fill(organisation);
      await page.getByLabel("Team").selectOption(salesManager.team);
      await press(page.getByRole("button", { name: "Create lead" }), testInfo);
      await page.waitForURL(/\/crm\/leads\/CRM-LEAD-\d+$/);
      await expect(page.getByRole("heading", { level: 1, name: `Jordan ${lastName}` })).toBeVisible();
      return decodeURIComponent(new URL(page.url()).pathname.split("/").pop() ?? "");
    });

    await test.step("finds it in the leads list by search (URL-held)", async () => {
      await page.goto(`/crm/leads?q=${encodeURIComponent(`jordan.${suffix}`)}`);
      await expect(page.getByText(/^1 lead match$/)).toBeVisible();
      await press(page.getByRole("link", { name: `Jordan ${lastName}` }), testInfo);
      await page.waitForURL(new RegExp(`/crm/leads/${lead}$`));
    });

    await test.step("edits the lead's details: a malformed mobile is refused under its field, a good one saved", async () => {
      const details = page.getByRole("complementary", { name: "Lead details" });
      const edit = details.getByRole("button", { name: "Edit lead details" });
      await waitForHydration(edit);
      await press(edit, testInfo);
      const form = details.getByRole("form", { name: "Edit lead details" });
      await form.getByLabel("Mobile").fill("12");
      await press(form.getByRole("button", { name: "Save" }), testInfo);
      await expect(form.getByLabel("Mobile")).toHaveAttribute("aria-invalid", "true");
      await expect(form.getByLabel("Mobile")).toHaveAccessibleDescription(/.+/);
      await form.getByLabel("Mobile").fill("+1 617 555 0199");
      await press(form.getByRole("button", { name: "Save" }), testInfo);
      await expect(page.getByText("Lead saved")).toBeVisible();
      await expect(details.getByRole("form", { name: "Edit lead details" })).toHaveCount(0);
      await expect(details).toContainText(/\+1 ?617 ?555 ?0199/);
    });

    await test.step("e-mails the lead from its page: merge fields previewed, mail delivered, on the timeline", async () => {
      const address = `jordan.${suffix}@example.com`;
      const tab = page.getByRole("tab", { name: "E-mail" });
      await waitForHydration(tab);
      await press(tab, testInfo);
      const form = page.getByRole("form", { name: "Send an e-mail" });
      await expect(form.getByLabel("To")).toHaveValue(address);
      await form.getByLabel("Subject").fill("Welcome, {{lead.first_name}}");
      await form.getByLabel("Message").fill("Hello {{lead.first_name}}, thank you for reaching out about {{lead.organization}}.");
      await press(form.getByRole("button", { name: "Preview" }), testInfo);
      const preview = form.getByRole("region", { name: "Preview" });
      await expect(preview).toContainText("Welcome, Jordan");
      await expect(preview).toContainText(`Hello Jordan, thank you for reaching out about ${organisation}.`);
      await press(form.getByRole("button", { name: "Send e-mail" }), testInfo);
      await expect(page.getByText("E-mail queued for sending")).toBeVisible();
      await expect(page.getByRole("list", { name: "Activity, newest first" }).getByRole("article", { name: "E-mail sent: Welcome, Jordan" })).toBeVisible();
      const mail = await waitForMail(address, "Welcome, Jordan");
      expect(mail.text).toContain(`thank you for reaching out about ${organisation}`);
    });

    const deal = await test.step("converts the lead to a deal", async () => {
      const convert = page.getByRole("button", { name: "Convert to deal" });
      await waitForHydration(convert);
      await press(convert, testInfo);
      await page.waitForURL(/\/crm\/deals\/CRM-DEAL-\d+$/);
      await expect(page.getByRole("heading", { level: 1, name: organisation })).toBeVisible();
      return decodeURIComponent(new URL(page.url()).pathname.split("/").pop() ?? "");
    });

    await test.step("the pipeline board has the deal in the first stage and no serious axe violations", async () => {
      await page.goto("/crm/pipeline");
      await expect(stageColumn(page, pipelineStages[0]).getByRole("article", { name: `Deal ${deal}` })).toBeVisible();
      await waitForHydration(page.getByLabel(`Move ${deal} to…`));
      await expectNoSeriousViolations(page, testInfo, "crm-pipeline");
    });

    await test.step("a stage that needs a lost reason asks for it, and shows the server's field error", async () => {
      await selectMove(page, deal, "Lost");
      const dialog = page.getByRole("dialog", { name: `Move ${deal} to Lost` });
      await expect(dialog).toBeVisible();
      await press(dialog.getByRole("button", { name: "Move to Lost" }), testInfo);
      await expect(dialog.getByText("Give a lost reason to move the deal to Lost")).toBeVisible();
      await expect(dialog.getByLabel("Lost reason")).toHaveAttribute("aria-invalid", "true");
      await press(dialog.getByRole("button", { name: "Cancel" }), testInfo);
      await expect(dialog).toHaveCount(0);
      await expect(stageColumn(page, pipelineStages[0]).getByRole("article", { name: `Deal ${deal}` })).toBeVisible();
    });

    await test.step(phone ? "moves the deal to Won with the Move to… select" : "drags the deal column by column to Won", async () => {
      for (const stage of pipelineStages.slice(1, 6)) {
        if (phone) await selectMove(page, deal, stage);
        else await dragTo(page, deal, stage);
        await expect(page.getByText(`${deal} moved to ${stage}`)).toBeVisible();
        await expect(stageColumn(page, stage).getByRole("article", { name: `Deal ${deal}` })).toBeVisible();
      }
    });

    await test.step("the deal page shows the stage history with time in stage", async () => {
      await press(dealCard(page, deal).getByRole("link", { name: organisation }), testInfo);
      await page.waitForURL(new RegExp(`/crm/deals/${deal}$`));
      const history = page.getByRole("list", { name: "Stage history" });
      await expect(history.getByRole("listitem")).toHaveCount(6);
      await expect(history).toContainText("Ready to Close → Won");
      // Each move records the time spent in the stage it left.
      await expect(history.getByRole("listitem").nth(1)).toContainText(/Qualification → Demo\/Making\s*\d+ (s|min) in Qualification/);
    });

    await test.step("admits the won deal as a pending client and opens the client", async () => {
      const form = page.getByRole("form", { name: "Admit as client" });
      const department = form.getByLabel("Department");
      await waitForHydration(department);
      await expect(department.locator("option", { hasText: "Medical" })).toHaveCount(1);
      await department.selectOption({ label: "Medical" });
      await press(form.getByRole("button", { name: "Admit as client" }), testInfo);
      const open = page.getByRole("link", { name: /^Open client CL-\d{5}$/ });
      await expect(open).toBeVisible();
      await press(open, testInfo);
      await page.waitForURL(/\/clients\/CL-\d{5}$/);
      await expect(page.getByRole("heading", { level: 1 })).toContainText(lastName);
    });
  });
});
