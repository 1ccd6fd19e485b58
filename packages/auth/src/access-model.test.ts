import { canRead, canWrite, categories, defaultMatrix, grantFor, mergeGrants, roleNames, type Category, type Grant, type Principal, type RoleName } from "@orchestrator/db";
import { describe, expect, it } from "vitest";

/** A principal as loadPrincipal builds it: the roles' rows of the default matrix, merged. */
function principalWith(roles: RoleName[]): Principal {
  const rows = roles.flatMap((role) =>
    categories.map((category) => ({ category, ...(defaultMatrix[role][category] ?? { access: "none" as const, scope: "own_dept" as const }) })),
  );
  return { user: "someone@test", fullName: "Someone", roles, departments: ["Medical"], grants: mergeGrants(rows) };
}

/**
 * DESIGN.md §3, written out independently of `defaultMatrix` so a mistake in either shows up:
 * W = read/write, R = read, - = nothing; `*` all records, `d` own department only.
 */
type Cell = "W*" | "Wd" | "R*" | "Rd" | "-";
const expected: Record<RoleName, Record<Category, Cell>> = {
  "Super Admin": { client: "W*", medical: "W*", program: "W*", hr: "W*", finance: "W*", crm: "W*", helpdesk: "W*", documents: "W*", projects: "W*", insights: "W*", admin: "W*" },
  "Medical Staff": { client: "Wd", medical: "Wd", program: "Rd", hr: "-", finance: "-", crm: "-", helpdesk: "-", documents: "-", projects: "-", insights: "-", admin: "-" },
  "Program Staff": { client: "Wd", medical: "Rd", program: "Wd", hr: "-", finance: "-", crm: "-", helpdesk: "-", documents: "-", projects: "-", insights: "-", admin: "-" },
  "HR Manager": { client: "R*", medical: "-", program: "-", hr: "W*", finance: "R*", crm: "-", helpdesk: "-", documents: "-", projects: "-", insights: "-", admin: "-" },
  "Finance Manager": { client: "R*", medical: "-", program: "-", hr: "R*", finance: "W*", crm: "-", helpdesk: "-", documents: "-", projects: "-", insights: "-", admin: "-" },
  Supervisor: { client: "R*", medical: "R*", program: "R*", hr: "R*", finance: "R*", crm: "-", helpdesk: "-", documents: "-", projects: "-", insights: "-", admin: "R*" },
};

function cellOf(grant: Grant): Cell {
  if (grant.access === "none") return "-";
  return `${grant.access === "write" ? "W" : "R"}${grant.scope === "all" ? "*" : "d"}` as Cell;
}

describe("permission model: the six seeded roles", () => {
  it("covers every seeded role", () => {
    expect(Object.keys(expected).sort()).toEqual([...roleNames].sort());
  });

  for (const role of roleNames) {
    describe(role, () => {
      const principal = principalWith([role]);
      for (const category of categories) {
        const cell = expected[role][category];
        it(`${category}: ${cell}`, () => {
          expect(cellOf(grantFor(principal, category))).toBe(cell);
          expect(canRead(principal, category)).toBe(cell !== "-");
          expect(canWrite(principal, category)).toBe(cell.startsWith("W"));
        });
      }
    });
  }

  it("Supervisor reads everything it sees and writes nothing", () => {
    const supervisor = principalWith(["Supervisor"]);
    expect(categories.filter((c) => canWrite(supervisor, c))).toEqual([]);
    expect(["client", "medical", "program", "hr", "finance"].every((c) => canRead(supervisor, c as Category))).toBe(true);
  });

  it("HR and Finance managers see no medical or program data", () => {
    for (const role of ["HR Manager", "Finance Manager"] as const) {
      const p = principalWith([role]);
      expect(canRead(p, "medical")).toBe(false);
      expect(canRead(p, "program")).toBe(false);
    }
  });

  it("Medical and Program staff are limited to their own department", () => {
    for (const role of ["Medical Staff", "Program Staff"] as const) {
      const p = principalWith([role]);
      for (const c of ["client", "medical", "program"] as const) expect(grantFor(p, c).scope).toBe("own_dept");
    }
  });
});

describe("permission model: several roles", () => {
  it("takes the most generous access per category", () => {
    const p = principalWith(["Medical Staff", "Program Staff"]);
    expect(cellOf(grantFor(p, "medical"))).toBe("Wd");
    expect(cellOf(grantFor(p, "program"))).toBe("Wd");
    expect(canRead(p, "hr")).toBe(false);
  });

  it("adds the categories of both roles", () => {
    const p = principalWith(["HR Manager", "Finance Manager"]);
    expect(cellOf(grantFor(p, "hr"))).toBe("W*");
    expect(cellOf(grantFor(p, "finance"))).toBe("W*");
    expect(canRead(p, "medical")).toBe(false);
  });

  it("widens the scope only through a grant that gives access", () => {
    const grants = mergeGrants([
      { category: "medical", access: "write", scope: "own_dept" },
      { category: "medical", access: "none", scope: "all" },
    ]);
    expect(grants.medical).toEqual({ access: "write", scope: "own_dept" });
  });

  it("does not let read-all plus write-own-department become write-all", () => {
    const p = principalWith(["Supervisor", "Medical Staff"]);
    expect(grantFor(p, "medical")).toEqual({ access: "write", scope: "all", writeScope: "own_dept" });
    const q = principalWith(["Medical Staff", "HR Manager"]);
    expect(grantFor(q, "client")).toEqual({ access: "write", scope: "all", writeScope: "own_dept" });
  });
});

describe("permission model: fails closed", () => {
  it("denies a category that is not in the model", () => {
    const p = principalWith(["Super Admin"]);
    const unknown = "payroll" as Category;
    expect(grantFor(p, unknown)).toEqual({ access: "none", scope: "own_dept" });
    expect(canRead(p, unknown)).toBe(false);
    expect(canWrite(p, unknown)).toBe(false);
  });

  it("ignores matrix rows for unknown categories", () => {
    expect(mergeGrants([{ category: "payroll", access: "write", scope: "all" }])).toEqual({});
  });

  it("denies everything to a user without roles", () => {
    const p = principalWith([]);
    expect(categories.filter((c) => canRead(p, c))).toEqual([]);
  });
});
