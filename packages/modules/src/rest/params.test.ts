import { describe, expect, it } from "vitest";
import { AppError } from "@orchestrator/db";
import { parseFields, parseFilters, parseIntParam, parseOrderBy } from "./params";

const fieldErrors = (fn: () => unknown): string[] => {
  try {
    fn();
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).fieldErrors.map((f) => f.message);
  }
};

describe("Frappe list parameters", () => {
  it("parses every filter form Frappe clients send", () => {
    expect(parseFilters("filters", '[["status","=","active"]]', "Client")).toEqual([{ field: "status", operator: "=", value: "active" }]);
    expect(parseFilters("filters", '[["Client","status","!=","x"]]', "Client")).toEqual([{ field: "status", operator: "!=", value: "x" }]);
    expect(parseFilters("filters", '{"status":"active","name":["like","CL-%"]}', "Client")).toEqual([
      { field: "status", operator: "=", value: "active" },
      { field: "name", operator: "like", value: "CL-%" },
    ]);
    expect(parseFilters("filters", '[["status","NOT IN",["a"]]]', "Client")[0]?.operator).toBe("not in");
    expect(parseFilters("filters", null, "Client")).toEqual([]);
  });

  it("refuses malformed filters, unknown operators and other DocTypes", () => {
    expect(fieldErrors(() => parseFilters("filters", "[oops", "Client"))).toEqual(["is not valid JSON"]);
    expect(fieldErrors(() => parseFilters("filters", '[["status","regexp","x"]]', "Client"))[0]).toMatch(/unknown operator/);
    expect(fieldErrors(() => parseFilters("filters", '[["User","name","=","x"]]', "Client"))[0]).toMatch(/another DocType/);
    expect(fieldErrors(() => parseFilters("filters", '[["status","="]]', "Client"))[0]).toMatch(/\[field, operator, value\]/);
    expect(fieldErrors(() => parseFilters("filters", '"status"', "Client"))[0]).toMatch(/list or an object/);
  });

  it("accepts plain and table-qualified field names only", () => {
    expect(parseFields('["name","`tabClient`.`status`","*"]')).toEqual(["name", "status", "*"]);
    expect(fieldErrors(() => parseFields('["count(*)"]'))[0]).toMatch(/invalid field/);
    expect(fieldErrors(() => parseFields('"name"'))[0]).toMatch(/JSON list/);
  });

  it("order_by takes field names and directions, nothing else", () => {
    expect(parseOrderBy("modified desc, `tabClient`.`name` asc")).toEqual([{ field: "modified", direction: "desc" }, { field: "name", direction: "asc" }]);
    expect(parseOrderBy("name")).toEqual([{ field: "name", direction: "asc" }]);
    expect(parseOrderBy("")).toBeUndefined();
    for (const bad of ["name; drop table clients", "(select 1)", "name desc limit 1", "rand()"]) expect(fieldErrors(() => parseOrderBy(bad)).length).toBe(1);
  });

  it("paging numbers are non-negative integers", () => {
    expect(parseIntParam("limit", "0", 20)).toBe(0);
    expect(parseIntParam("limit", null, 20)).toBe(20);
    for (const bad of ["-1", "1.5", "ten", "1e3"]) expect(fieldErrors(() => parseIntParam("limit", bad, 20))).toHaveLength(1);
  });
});
