import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeRedis, loadPrincipal } from "@orchestrator/auth";
import { formatTimestamp, isAppError, type ScopedDb } from "@orchestrator/db";
import { closeDatabase, unsafeSystemDb } from "@orchestrator/db/system";
import { seedDemo } from "@orchestrator/db/testing";
import { seedCrmDemo } from "../demo";
import { dayBounds } from "./day";
import { markNotificationsRead, myDay } from "./my-day";
import { runTaskReminders } from "./remind";
import { scopedAs } from "../../testing/scoped-as";

/** "My day" and the reminder run over real MariaDB: the caller's open tasks due today and overdue, and their own reminders only. */
const SALES = "sales@demo.orchestrator.test"; // East Coast
const SALES2 = "sales2@demo.orchestrator.test"; // West Coast
const BOT = "integration@demo.orchestrator.test";
const stamp = (ms: number) => formatTimestamp(BigInt(ms) * 1000n);
const as = (user: string): Promise<ScopedDb> => scopedAs(user);

const now = new Date();
const { start, end } = dayBounds(now, "UTC");

beforeAll(async () => {
  await seedDemo(unsafeSystemDb(), { passwordHash: "x", clientCount: 1 });
  await seedCrmDemo(unsafeSystemDb(), { passwordHash: "x" });
  const sales = await as(SALES);
  const task = (title: string, due: number, extra: Record<string, unknown> = {}) => sales.insert("CRM Task", { title, due_date: stamp(due), ...extra });
  await task("Overdue call", start.getTime() - 3_600_000, { reminder_at: stamp(start.getTime() - 7_200_000) });
  await task("Today's demo", (start.getTime() + end.getTime()) / 2);
  await task("Tomorrow's follow-up", end.getTime() + 3_600_000);
  await task("Done long ago", start.getTime() - 86_400_000, { status: "Done", reminder_at: stamp(start.getTime() - 90_000_000) });
  await (await as(SALES2)).insert("CRM Task", { title: "West overdue", due_date: stamp(start.getTime() - 3_600_000), reminder_at: stamp(start.getTime() - 7_200_000) });
});
afterAll(async () => {
  await closeRedis();
  await closeDatabase();
});

describe("crm.myDay, the reminder run and marking reminders read", () => {
  it("delivers each due reminder once (open tasks only), and each user sees their own day and reminders", async () => {
    const bot = (await loadPrincipal(BOT))!;
    expect(await runTaskReminders(bot, { now })).toEqual({ candidates: 2, reminded: 2, skipped: 0, failed: 0 });
    expect(await runTaskReminders(bot, { now })).toEqual({ candidates: 0, reminded: 0, skipped: 0, failed: 0 });

    const day = await myDay(await as(SALES), { timeZone: "UTC", now });
    // The demo's own follow-ups ("Follow up with …", due around the seed time) are left aside.
    const own = (tasks: Record<string, unknown>[]) => tasks.map((t) => String(t.title)).filter((t) => !t.startsWith("Follow up with"));
    expect(own(day.overdue)).toEqual(["Overdue call"]);
    expect(own(day.today)).toEqual(["Today's demo"]);
    expect(day.notifications.map((n) => [n.subject, n.for_user])).toEqual([["Reminder: Overdue call", SALES]]);

    const west = await myDay(await as(SALES2), { timeZone: "UTC", now });
    expect(own(west.overdue)).toEqual(["West overdue"]);
    expect(west.notifications.map((n) => n.subject)).toEqual(["Reminder: West overdue"]);
    // Another user's notice is not found, even for a teammate-less lookup by name.
    const other = String(west.notifications[0]!.name);
    await expect((await as(SALES)).get("CRM Notification", other)).rejects.toSatisfy((e) => isAppError(e) && e.code === "NOT_FOUND");
    await expect(markNotificationsRead(await as(SALES), [other])).rejects.toSatisfy((e) => isAppError(e) && e.code === "NOT_FOUND");

    // The recipient marks theirs read (and may change nothing else); it leaves "my day".
    const mine = String(day.notifications[0]!.name);
    expect(await (await as(SALES)).update("CRM Notification", mine, { subject: "Edited" })).toMatchObject({ subject: "Reminder: Overdue call" }); // server-set: ignored
    expect(await markNotificationsRead(await as(SALES), [mine, mine])).toEqual({ marked: 1 });
    expect((await myDay(await as(SALES), { timeZone: "UTC", now })).notifications).toEqual([]);
  });
});
