import { describe, expect, it } from "vitest";
import { priorityTargetsSchema } from "./priority-targets-schema";

const known = ["Low", "Medium", "High", "Urgent"];
const complete = [
  { priority: "Low", responseMinutes: 480, resolutionMinutes: 2400 },
  { priority: "Medium", responseMinutes: 240, resolutionMinutes: 960 },
  { priority: "High", responseMinutes: 60, resolutionMinutes: 480 },
  { priority: "Urgent", responseMinutes: 30, resolutionMinutes: 240 },
];

function messagesOf(rows: unknown, priorities?: readonly string[]) {
  const result = priorityTargetsSchema(priorities).safeParse(rows);
  expect(result.success).toBe(false);
  return result.error!.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}

describe("priorityTargetsSchema", () => {
  it("parses rows into targets by priority", () => {
    const targets = priorityTargetsSchema(known).parse(complete);
    expect(targets.get("High")).toEqual({ priority: "High", responseMinutes: 60, resolutionMinutes: 480 });
    expect([...targets.keys()]).toEqual(known);
  });

  it("accepts a response target equal to the resolution target", () => {
    expect(priorityTargetsSchema().safeParse([{ priority: "High", responseMinutes: 60, resolutionMinutes: 60 }]).success).toBe(true);
  });

  it("refuses a response target greater than the resolution target, naming the priority", () => {
    expect(messagesOf([{ priority: "High", responseMinutes: 600, resolutionMinutes: 480 }])).toEqual([
      { path: "0.responseMinutes", message: "Priority High: the first-response target (600 min) can't be greater than the resolution target (480 min)" },
    ]);
  });

  it("refuses a priority row without targets", () => {
    expect(messagesOf([{ priority: "Urgent" }])).toEqual([
      { path: "0.responseMinutes", message: "Priority Urgent: set a first-response target (business minutes)" },
      { path: "0.resolutionMinutes", message: "Priority Urgent: set a resolution target (business minutes)" },
    ]);
  });

  it("refuses a ticket priority missing from the table", () => {
    expect(messagesOf(complete.filter((r) => r.priority !== "Urgent"), known)).toEqual([
      { path: "", message: "Priority Urgent has no targets: add its first-response and resolution targets" },
    ]);
  });

  it("refuses zero, negative and fractional targets", () => {
    const issues = messagesOf([
      { priority: "Low", responseMinutes: 0, resolutionMinutes: 60 },
      { priority: "High", responseMinutes: 30, resolutionMinutes: -5 },
      { priority: "Urgent", responseMinutes: 1.5, resolutionMinutes: "60" },
    ]);
    expect(issues).toEqual([
      { path: "0.responseMinutes", message: "Priority Low: the first-response target must be greater than zero" },
      { path: "1.resolutionMinutes", message: "Priority High: the resolution target must be greater than zero" },
      { path: "2.responseMinutes", message: "Priority Urgent: the first-response target must be a whole number of minutes" },
      { path: "2.resolutionMinutes", message: "Priority Urgent: the resolution target must be a whole number of minutes" },
    ]);
  });

  it("refuses a repeated priority, an unknown priority and an empty table", () => {
    const issues = messagesOf([...complete, { priority: "High", responseMinutes: 10, resolutionMinutes: 20 }, { priority: "Critical", responseMinutes: 5, resolutionMinutes: 10 }], known);
    expect(issues).toEqual([
      { path: "4.priority", message: "Priority High is listed more than once" },
      { path: "5.priority", message: "Priority Critical is not a ticket priority (known: Low, Medium, High, Urgent)" },
    ]);
    expect(messagesOf([])[0]!.message).toBe("Add targets for at least one priority");
  });
});
