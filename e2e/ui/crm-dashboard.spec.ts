/**
 * The CRM dashboard (issue 6 item 7), read-only, in the desktop and phone projects: the Sales
 * Manager opens /crm/dashboard and sees the four KPI tiles and the four charts (each a named image
 * with its numbers in a table) over the default 90 days of the demo's history; a range preset, a
 * team and a custom From date each go to the URL and change the figures; a backwards range is
 * explained and not applied; a reload keeps the filters (server-rendered from the URL); axe finds
 * nothing serious or critical. It changes no data.
 */
import { expect, test, type Locator, type Page } from "@playwright/test";
import { press, waitForHydration } from "../fixtures/clients-ui";
import { salesManager } from "../fixtures/crm";
import { expectNoSeriousViolations } from "../fixtures/axe";

test.use({ storageState: salesManager.storageState });

const KPIS = ["Open pipeline", "Weighted forecast", "Conversion rate", "Avg time to close"] as const;
const CHARTS = ["Leads by source", "Pipeline value by stage", "Won and lost", "Forecast by expected close month"] as const;

/** A UTC day `days` from today, as the dashboard counts days. */
const utcDay = (days = 0) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

function kpi(page: Page, label: (typeof KPIS)[number]): Locator {
  return page.getByRole("list", { name: "Key figures" }).getByRole("listitem", { name: label, exact: true });
}

const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);

test.describe("CRM dashboard", () => {
  test("KPI tiles and charts; presets, team and custom range go to the URL and change the figures", async ({ page }, testInfo) => {
    await test.step("opens on the last 90 days with its KPI tiles and charts", async () => {
      await page.goto("/crm/dashboard");
      await expect(page.getByRole("heading", { level: 1, name: "CRM dashboard" })).toBeVisible();
      for (const label of KPIS) await expect(kpi(page, label)).toBeVisible();
      await expect(kpi(page, "Open pipeline")).toContainText(/\$\d[\d,]*/);
      await expect(kpi(page, "Open pipeline")).toContainText(/\d+ open deals? in USD/);
      await expect(kpi(page, "Weighted forecast")).toContainText(/\$\d[\d,]*/);
      await expect(kpi(page, "Conversion rate")).toContainText(/\d+(\.\d)?%/);
      await expect(kpi(page, "Conversion rate")).toContainText(/\d+ of \d+ leads? created in the range converted/);
      // The demo seed won deals over the last 90 days.
      await expect(kpi(page, "Avg time to close")).toContainText(/\d+(\.\d)? days?/);
      await expect(page.getByRole("button", { name: "90 days" })).toHaveAttribute("aria-pressed", "true");
      for (const chart of CHARTS) {
        const section = page.getByRole("region", { name: chart, exact: true });
        await expect(section.getByRole("heading", { level: 2, name: chart })).toBeVisible();
        await expect(section.getByRole("img", { name: new RegExp(`^${chart}: `) })).toBeVisible();
        await expect(section.getByRole("table")).toHaveCount(1);
      }
      await expect(page.getByRole("region", { name: "Won and lost", exact: true }).getByRole("img", { name: /^Won and lost:/ })).toHaveAccessibleName(/^Won and lost: [1-9]\d* won and \d+ lost/);
    });

    await test.step("the 30-day preset goes to the URL and changes the figures", async () => {
      const before = await kpi(page, "Conversion rate").innerText();
      const preset = page.getByRole("button", { name: "30 days" });
      await waitForHydration(preset);
      await press(preset, testInfo);
      await expect.poll(() => [param(page, "from"), param(page, "to")]).toEqual([utcDay(-29), utcDay()]);
      await expect(preset).toHaveAttribute("aria-pressed", "true");
      await expect(kpi(page, "Conversion rate")).not.toHaveText(before);
      await expect(page.getByLabel("From", { exact: true })).toHaveValue(utcDay(-29));
    });

    await test.step("a manager narrows to one team", async () => {
      const before = await kpi(page, "Open pipeline").innerText();
      const team = page.getByLabel("Team", { exact: true });
      await expect(team.locator("option")).toHaveText(["All my teams", "East Coast", "West Coast"]);
      await team.selectOption("West Coast");
      await expect.poll(() => param(page, "team")).toBe("West Coast");
      await expect(kpi(page, "Open pipeline")).not.toHaveText(before);
    });

    await test.step("a custom From date applies; a backwards range is explained and not applied", async () => {
      const from = page.getByLabel("From", { exact: true });
      await from.fill(utcDay(-6));
      await expect.poll(() => param(page, "from")).toBe(utcDay(-6));
      await expect(page.getByRole("button", { name: "30 days" })).toHaveAttribute("aria-pressed", "false");
      await from.fill(utcDay(1));
      await expect(page.getByText("To must not be before From")).toBeVisible();
      await expect(page.getByLabel("To", { exact: true })).toHaveAttribute("aria-invalid", "true");
      expect(param(page, "from")).toBe(utcDay(-6));
    });

    await test.step("a reload keeps the filters from the URL", async () => {
      await page.reload();
      await expect(page.getByLabel("From", { exact: true })).toHaveValue(utcDay(-6));
      await expect(page.getByLabel("To", { exact: true })).toHaveValue(utcDay());
      await expect(page.getByLabel("Team", { exact: true })).toHaveValue("West Coast");
      await expect(kpi(page, "Open pipeline")).toContainText(/\$\d[\d,]*/);
    });

    await test.step("no serious axe violations; a screenshot at this project's size", async () => {
      await expect(page.getByRole("region", { name: "Forecast by expected close month", exact: true }).getByRole("img", { name: /^Forecast by expected close month/ })).toBeVisible();
      await expectNoSeriousViolations(page, testInfo, "crm-dashboard");
      const path = testInfo.outputPath(`crm-dashboard-${testInfo.project.name}.png`);
      await page.screenshot({ path, fullPage: true, animations: "disabled", caret: "hide" });
      await testInfo.attach(`crm-dashboard-${testInfo.project.name}`, { path, contentType: "image/png" });
    });
  });
});
