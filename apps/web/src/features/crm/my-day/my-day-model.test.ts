import { describe, expect, it } from "vitest";
import { dbStamp, endOfLocalDay, referenceHref, undatedInput, upcomingInput, withoutTask } from "./my-day-model";

describe("my day", () => {
  it("compares due dates in the database's UTC format, from the end of the local day", () => {
    expect(dbStamp(new Date("2026-03-12T07:05:09.120Z"))).toBe("2026-03-12 07:05:09.120");
    const end = endOfLocalDay(new Date(2026, 2, 12, 15, 30));
    expect([end.getFullYear(), end.getMonth(), end.getDate(), end.getHours(), end.getMinutes()]).toEqual([2026, 2, 13, 0, 0]);
  });

  it("asks for the caller's open tasks: upcoming soonest first, undated by last change", () => {
    const end = new Date("2026-03-13T00:00:00Z");
    expect(upcomingInput("a@b.test", end)).toEqual({
      filters: [{ field: "assigned_to", value: "a@b.test" }, { field: "status", operator: "not in", value: ["Done", "Canceled"] }, { field: "due_date", operator: ">=", value: "2026-03-13 00:00:00.000" }],
      sort: { field: "due_date", direction: "asc" },
      pageSize: 50,
    });
    expect(undatedInput("a@b.test").filters?.at(-1)).toEqual({ field: "due_date", value: null });
  });

  it("links a task to its lead or deal", () => {
    expect(referenceHref("CRM Lead", "CRM-LEAD-00001")).toBe("/crm/leads/CRM-LEAD-00001");
    expect(referenceHref("CRM Deal", "CRM-DEAL-00002")).toBe("/crm/deals/CRM-DEAL-00002");
    expect(referenceHref("CRM Organization", "CRM-ORG-00001")).toBeUndefined();
    expect(referenceHref("CRM Lead", null)).toBeUndefined();
  });

  it("drops a task done from my day's lists and from a task list page", () => {
    const day = { overdue: [{ name: "T1" }, { name: "T2" }], today: [{ name: "T3" }], notifications: [{ name: "N1" }] };
    expect(withoutTask(day, "T2")).toEqual({ overdue: [{ name: "T1" }], today: [{ name: "T3" }], notifications: [{ name: "N1" }] });
    expect(withoutTask({ rows: [{ name: "T4" }, { name: "T5" }], total: 7 }, "T4")).toEqual({ rows: [{ name: "T5" }], total: 6 });
    expect(withoutTask({ rows: [{ name: "T5" }], total: 1 }, "T9")).toEqual({ rows: [{ name: "T5" }], total: 1 });
    expect(withoutTask(undefined, "T1")).toBeUndefined();
  });
});
