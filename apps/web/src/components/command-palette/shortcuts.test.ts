import { describe, expect, it } from "vitest";
import type { NavItem } from "../shell/nav-items";
import { goShortcutsFor } from "./shortcuts";

const clients: NavItem = { href: "/clients", label: "Clients", icon: "clients" };
const admin: NavItem = { href: "/admin", label: "Administration", icon: "clients" };

describe("goShortcutsFor", () => {
  it("offers a “g …” shortcut only for pages in the user's navigation", () => {
    expect(goShortcutsFor([clients, admin])).toEqual([
      { key: "c", href: "/clients", label: "Clients" },
      { key: "a", href: "/admin", label: "Administration" },
    ]);
    expect(goShortcutsFor([clients]).map((s) => s.key)).toEqual(["c"]);
    expect(goShortcutsFor([])).toEqual([]);
  });

  it("takes the label from the navigation", () => {
    expect(goShortcutsFor([{ ...clients, label: "Patients" }])[0]?.label).toBe("Patients");
  });
});
