// Temporary: screenshots of the CRM pages for a visual review (not committed).
import { chromium } from "@playwright/test";
const base = process.env.BASE ?? "http://127.0.0.1:3000";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
for (const [label, viewport] of [["phone", { width: 390, height: 844 }], ["desktop", { width: 1280, height: 900 }]]) {
  const ctx = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  const page = await ctx.newPage();
  await page.goto(`${base}/login`);
  await page.getByLabel("Email", { exact: true }).fill("salesmanager@demo.orchestrator.test");
  await page.getByLabel("Password", { exact: true }).fill("orchestrator-demo");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
  const pages = ["/crm/leads", "/crm/deals?group=status", "/crm/dashboard", "/crm/my-day", "/crm/import", "/crm/pipeline"];
  for (const p of pages) {
    await page.goto(base + p);
    await page.waitForTimeout(2500);
    await page.screenshot({ path: `/tmp/shots/${label}-${p.replace(/[^a-z]+/g, "_")}.png`, fullPage: true });
  }
  await page.goto(base + "/crm/leads");
  await page.waitForTimeout(1500);
  const first = page.locator("main a[href^='/crm/leads/CRM-LEAD']").first();
  const href = await first.getAttribute("href");
  await page.goto(base + href + "?tab=email");
  await page.waitForTimeout(2500);
  await page.screenshot({ path: `/tmp/shots/${label}-lead.png`, fullPage: true });
  const deal = await (async () => { await page.goto(base + "/crm/deals"); await page.waitForTimeout(1500); return page.locator("main a[href^='/crm/deals/CRM-DEAL']").first().getAttribute("href"); })();
  await page.goto(base + deal);
  await page.waitForTimeout(2500);
  await page.screenshot({ path: `/tmp/shots/${label}-deal.png`, fullPage: true });
  await ctx.close();
}
await browser.close();
