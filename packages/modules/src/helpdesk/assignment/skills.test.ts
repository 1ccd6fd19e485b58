import { describe, expect, it } from "vitest";
import { normalizeSkill, skillKey, ticketRequirements } from "./skills";

describe("normalizeSkill", () => {
  it("trims, lower-cases and tightens the namespace colon", () => {
    expect(normalizeSkill("  Type : Billing ")).toBe("type:billing");
    expect(normalizeSkill("tag:VIP")).toBe("tag:vip");
    expect(normalizeSkill("Escalations")).toBe("escalations");
  });

  it("reduces a language to its primary subtag", () => {
    expect(normalizeSkill("lang:es-MX")).toBe("lang:es");
    expect(normalizeSkill("LANG:pt_BR")).toBe("lang:pt");
    expect(skillKey("lang", "ES")).toBe("lang:es");
  });

  it("turns a blank key or blank value into the empty string", () => {
    expect(normalizeSkill("  ")).toBe("");
    expect(normalizeSkill("tag: ")).toBe("");
  });
});

describe("ticketRequirements", () => {
  it("by default requires type and language and prefers tags, normalized and sorted", () => {
    expect(ticketRequirements({ ticketType: "Billing", tags: ["VIP", "refund", "vip"], language: "es-MX" })).toEqual({
      required: ["lang:es", "type:billing"],
      preferred: ["tag:refund", "tag:vip"],
    });
  });

  it("follows the rule's match modes and skips missing attributes", () => {
    expect(ticketRequirements({ ticketType: "Bug", tags: ["urgent"], language: null }, { ticketType: "preferred", language: "ignore", tags: "required" })).toEqual({
      required: ["tag:urgent"],
      preferred: ["type:bug"],
    });
    expect(ticketRequirements({})).toEqual({ required: [], preferred: [] });
  });

  it("does not list a key as preferred when it is already required", () => {
    expect(ticketRequirements({ ticketType: "x", tags: ["a"] }, { ticketType: "required", language: "required", tags: "required" }).preferred).toEqual([]);
  });
});
