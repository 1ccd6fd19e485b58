import { describe, expect, it } from "vitest";
import { int, mysqlTable, varchar } from "drizzle-orm/mysql-core";
import { AppError } from "../errors";
import type { FieldDef } from "./doctype";
import { validateChildRows, validateDocument } from "./validate";

const t = mysqlTable("t", { a: varchar("a", { length: 10 }), n: int("n") });
const fields: Record<string, FieldDef> = {
  title: { column: t.a, type: "data", label: "Title", required: true, maxLength: 10 },
  status: { column: t.a, type: "select", label: "Status", options: ["open", "done"] },
  due: { column: t.a, type: "date", label: "Due" },
  count: { column: t.n, type: "int", label: "Count" },
  flag: { column: t.n, type: "check", label: "Flag" },
  synced: { column: t.a, type: "data", label: "Synced", readOnly: true },
  secret: { column: t.a, type: "data", label: "Secret", hidden: true },
};

function issues(input: unknown, mode: "create" | "update" = "create") {
  try {
    validateDocument(fields, input, { mode });
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).fieldErrors.map((f) => f.field).sort();
  }
}

describe("validateDocument", () => {
  it("accepts a good document and coerces checks", () => {
    const v = validateDocument(fields, { title: "Hi", status: "open", due: "2026-02-28", count: 3, flag: true, modified: "2026-01-01 00:00:00" }, { mode: "create" });
    expect(v.values).toEqual({ title: "Hi", status: "open", due: "2026-02-28", count: 3, flag: 1 });
    expect(v.modified).toBe("2026-01-01 00:00:00");
  });

  it("reports every bad field at once: unknown, wrong type, bad option, impossible date, too long, missing", () => {
    expect(issues({ status: "maybe", due: "2026-02-30", count: 1.5, extra: 1, flag: "yes" })).toEqual(["count", "due", "extra", "flag", "status", "title"]);
    expect(issues({ title: "x".repeat(11) })).toEqual(["title"]);
  });

  it("treats hidden fields as unknown and ignores read-only and Frappe's bookkeeping keys", () => {
    expect(issues({ title: "ok", secret: "s" })).toEqual(["secret"]);
    const v = validateDocument(fields, { title: "ok", synced: "yes", doctype: "T", docstatus: 0, owner: "x" }, { mode: "create" });
    expect(v.values).toEqual({ title: "ok" });
  });

  it("does not require fields on update, but refuses clearing a required one", () => {
    expect(issues({ status: "done" }, "update")).toEqual([]);
    expect(issues({ title: "" }, "update")).toEqual(["title"]);
  });

  it("refuses a body that is not an object", () => {
    expect(issues([1, 2])).toEqual(["body"]);
    expect(issues(null)).toEqual(["body"]);
  });

  it("prefixes child-row issues with the table and row", () => {
    try {
      validateChildRows(fields, [{ title: "ok" }, { title: 5 }], "rows");
      expect.unreachable();
    } catch (error) {
      expect((error as AppError).fieldErrors.map((f) => f.field)).toEqual(["rows[1].title"]);
    }
    expect(() => validateChildRows(fields, "nope", "rows")).toThrow(AppError);
  });
});
