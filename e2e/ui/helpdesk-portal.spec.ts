/**
 * The customer portal (issue 5): a customer's contact signs in, lands in the portal (not the staff
 * workspace), raises a request, sees the support team's reply (written by an agent over the REST
 * API) but not the agent's internal note, replies back, and cannot open another customer's request.
 * Runs at desktop size and in the phone project.
 */
import { expect, request, test, type APIRequestContext, type Page } from "@playwright/test";
import { demoPassword } from "../fixtures/roles";
import { e2eEnv } from "../env";
import { expectNoSeriousViolations } from "../fixtures/axe";

const NORA = "portal@northwind.example";
const AGENT = "agent@demo.orchestrator.test";

test.use({ storageState: { cookies: [], origins: [] } });

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(demoPassword);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL(/\/portal(?:[/?#]|$)/, { timeout: 30_000 });
}

async function agentApi(): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL: e2eEnv.baseURL });
  const login = await api.post("/api/method/login", { data: { usr: AGENT, pwd: demoPassword } });
  expect(login.ok()).toBe(true);
  return api;
}

async function agentComment(api: APIRequestContext, ticket: string, type: "Reply" | "Internal Note", content: string): Promise<void> {
  const doc = (await (await api.get(`/api/resource/HD%20Ticket/${ticket}`)).json()) as { data: { department: string; customer: string } };
  const res = await api.post("/api/resource/HD%20Ticket%20Comment", { data: { ticket, department: doc.data.department, customer: doc.data.customer, comment_type: type, content } });
  expect(res.ok(), await res.text()).toBe(true);
}

test("a portal contact raises a request, sees the reply (not the internal note) and answers", async ({ page }, testInfo) => {
  await signIn(page, NORA);
  await expect(page.getByRole("heading", { level: 1, name: "Your support requests" })).toBeVisible();
  await expect(page.getByText("Northwind Recovery Partners")).toBeVisible();
  // No staff navigation in the portal.
  await expect(page.getByRole("navigation", { name: "Main" })).toHaveCount(0);

  await page.getByRole("link", { name: "New request" }).first().click();
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page.locator("#subject-error")).toBeVisible();
  const subject = `Portal e2e ${testInfo.project.name} ${Date.now()}`;
  await page.getByLabel("Subject").fill(subject);
  await page.getByLabel("What is it about?").selectOption("Access");
  await page.getByLabel("Details").fill("The family portal asks for a code that never arrives.");
  await page.getByRole("button", { name: "Send request" }).click();
  await page.waitForURL(/\/portal\/tickets\/HD-TKT-\d+/);
  const ticket = decodeURIComponent(page.url().split("/").pop()!);
  await expect(page.getByRole("heading", { level: 1, name: subject })).toBeVisible();

  const api = await agentApi();
  await agentComment(api, ticket, "Reply", "We have re-sent the code; please check your spam folder.");
  await agentComment(api, ticket, "Internal Note", "SMS provider had an outage — do not mention to the customer");
  await page.reload();
  const conversation = page.getByRole("list", { name: "Conversation" });
  await expect(conversation.getByText("We have re-sent the code; please check your spam folder.")).toBeVisible();
  await expect(conversation.getByText("Support team")).toBeVisible();
  await expect(page.getByText("SMS provider had an outage")).toHaveCount(0);

  await page.getByLabel("Reply", { exact: true }).fill("Got it, thank you!");
  await page.getByRole("button", { name: "Send reply" }).click();
  await expect(conversation.getByText("Got it, thank you!")).toBeVisible();

  await expectNoSeriousViolations(page, testInfo, "portal-ticket");
  await page.screenshot({ path: testInfo.outputPath(`portal-ticket-${testInfo.project.name}.png`), fullPage: true });

  // Another customer's contact gets "not found" for it.
  await page.context().clearCookies();
  await signIn(page, "portal@harbor.example");
  await page.goto(`/portal/tickets/${ticket}`);
  await expect(page.getByRole("alert").getByText("Request not found")).toBeVisible();
  await api.dispose();
});

test("a portal contact is kept out of the staff workspace", async ({ page }) => {
  await signIn(page, NORA);
  await page.goto("/clients");
  await page.waitForURL(/\/portal(?:[/?#]|$)/);
  await expect(page.getByRole("heading", { level: 1, name: "Your support requests" })).toBeVisible();
});
