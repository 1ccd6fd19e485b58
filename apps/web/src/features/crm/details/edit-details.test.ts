import { describe, expect, it } from "vitest";
import { changedValues, type EditableField } from "./edit-details";

const fields: EditableField[] = [
  { name: "email", label: "E-mail", type: "email" },
  { name: "amount", label: "Amount", type: "number" },
  { name: "expected_close_date", label: "Expected close", type: "date" },
  { name: "source", label: "Source", type: "select" },
];
const doc = { email: "ana@example.com", amount: 12000, expected_close_date: "2026-12-01", source: "Website" };

describe("changedValues", () => {
  it("sends only what changed: text trimmed, numbers as numbers, an emptied field as null", () => {
    expect(changedValues(fields, doc, { email: " ana@lima.example ", amount: "15000.5", expected_close_date: "2026-12-01", source: "" })).toEqual({ email: "ana@lima.example", amount: 15000.5, source: null });
  });
  it("sends nothing when nothing changed (a stored number or date compares as the form shows it)", () => {
    expect(changedValues(fields, doc, { email: "ana@example.com", amount: "12000", expected_close_date: "2026-12-01", source: "Website" })).toEqual({});
  });
  it("a field that was empty and stays empty is not sent", () => {
    expect(changedValues(fields, { ...doc, source: null }, { email: "ana@example.com", amount: "12000", expected_close_date: "2026-12-01", source: "" })).toEqual({});
  });
});
