import { mysqlTable, varchar } from "drizzle-orm/mysql-core";
import { describe, expect, it } from "vitest";
import type { Principal } from "../access/model";
import type { DocTypeDef } from "./doctype";
import { readPredicate, rowInScope } from "./predicate";

const table = mysqlTable("things", { name: varchar("name", { length: 140 }), owner: varchar("owner", { length: 140 }), team: varchar("team", { length: 140 }) });
const standard = { name: table.name, creation: table.name, modified: table.name, owner: table.owner, modified_by: table.owner };
const def = (teamScope: DocTypeDef["teamScope"]): DocTypeDef => ({ name: "Thing", table, standard, category: "crm", scope: { kind: "global" }, naming: { kind: "random" }, teamScope, fields: { team: { column: table.team, type: "link", label: "Team" } } });
const sales = (roles: string[]): Principal => ({ user: "s@x.test", fullName: "S", roles, departments: [], teams: ["East"], grants: { crm: { access: "write", scope: "own_team" } } });

describe("own_team catalogues", () => {
  const row = { name: "a", owner: "someone@x.test", team: null };

  it("a plain catalogue is read by every own_team grant and written by none", () => {
    const dt = def("catalogue");
    expect(readPredicate(sales(["Sales Manager"]), dt)).toBeUndefined();
    expect(rowInScope(sales(["Sales Manager"]), dt, row, "crm", "read")).toBe(true);
    expect(rowInScope(sales(["Sales Manager"]), dt, row, "crm", "write")).toBe(false);
  });

  it("a catalogue with writer roles is read by all and written only by holders of those roles", () => {
    const dt = def({ catalogue: true, writerRoles: ["Sales Manager"] });
    expect(readPredicate(sales(["Sales User"]), dt)).toBeUndefined();
    expect(rowInScope(sales(["Sales User"]), dt, row, "crm", "read")).toBe(true);
    expect(rowInScope(sales(["Sales User"]), dt, row, "crm", "write")).toBe(false);
    expect(rowInScope(sales(["Sales Manager"]), dt, row, "crm", "write")).toBe(true);
    // The role does not replace the grant: a read-only grant still writes nothing.
    const reader: Principal = { ...sales(["Sales Manager"]), grants: { crm: { access: "read", scope: "own_team" } } };
    expect(rowInScope(reader, dt, row, "crm", "write")).toBe(false);
  });
});
