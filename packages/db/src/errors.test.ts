import { describe, expect, it } from "vitest";
import { AppError, safeErrorSummary } from "./errors";

describe("safeErrorSummary", () => {
  it("keeps codes but never the text of a failed query (its parameters may be PHI)", () => {
    const cause = Object.assign(new Error("Duplicate entry 'Jane Doe' for key 'x'"), { code: "ER_DUP_ENTRY", errno: 1062, sqlState: "23000" });
    const error = new Error("Failed query: insert into clients (first_name) values (?)\nparams: Jane Doe", { cause });
    const summary = safeErrorSummary(error);
    expect(summary).toMatchObject({ name: "Error", code: "ER_DUP_ENTRY", errno: 1062, sqlState: "23000" });
    expect(JSON.stringify(summary)).not.toContain("Jane");
  });

  it("keeps the message of an ordinary error", () => {
    expect(safeErrorSummary(new AppError("INTERNAL", "queue closed"))).toMatchObject({ name: "AppError", message: "queue closed" });
  });
});
