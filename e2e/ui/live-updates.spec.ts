/**
 * Live updates (issue 3, item 4): a change saved elsewhere reaches an open Clients list over SSE
 * (/api/events, fed by Redis pub/sub) and the list refreshes without a reload.
 */
import { expect, test } from "@playwright/test";
import { expectListReady, readListRows } from "../fixtures/clients-ui";
import { roleByKey } from "../fixtures/roles";

const admin = roleByKey("admin");
test.use({ storageState: admin.storageState });

test("a status changed through the REST API shows up in an open Clients list without a reload", async ({ page }) => {
  const events = page.waitForResponse((res) => new URL(res.url()).pathname === "/api/events");
  await page.goto("/clients");
  await expectListReady(page);
  expect((await events).status()).toBe(200);
  // A marker that a reload would wipe.
  await page.evaluate(() => { (window as unknown as { __liveMarker: boolean }).__liveMarker = true; });

  const [first] = await readListRows(page);
  expect(first).toBeDefined();
  const { id, status } = first!;
  const next = status.toLowerCase() === "active" ? "pending" : "active";

  // The change comes from a second signed-in page (another tab): through the REST API, as an integration would.
  const other = await page.context().newPage();
  try {
    const res = await other.request.put(`/api/resource/Client/${id}`, { data: { status: next } });
    expect(res.status()).toBe(200);
    await expect.poll(async () => (await readListRows(page)).find((r) => r.id === id)?.status.toLowerCase(), { timeout: 10_000 }).toBe(next);
    expect(await page.evaluate(() => (window as unknown as { __liveMarker?: boolean }).__liveMarker)).toBe(true);
  } finally {
    await other.request.put(`/api/resource/Client/${id}`, { data: { status: status.toLowerCase() } });
    await other.close();
  }
});
