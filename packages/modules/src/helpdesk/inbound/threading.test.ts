import { describe, expect, it } from "vitest";
import { answeredIds } from "./threading";
import { splitName } from "./sender";

describe("answeredIds", () => {
  it("puts In-Reply-To first, then References newest first, normalised and distinct", () => {
    expect(answeredIds("c@x", ["<a@x>", "<b@x>", "c@x", "junk"])).toEqual(["<c@x>", "<b@x>", "<a@x>"]);
    expect(answeredIds(null, undefined)).toEqual([]);
  });
});

describe("splitName", () => {
  it("splits a display name, or falls back to the local part", () => {
    expect(splitName("Ana Maria Lima", "ana@acme.test")).toEqual({ first_name: "Ana Maria", last_name: "Lima" });
    expect(splitName('"Bo"', "bo@acme.test")).toEqual({ first_name: "Bo", last_name: null });
    expect(splitName(undefined, "carla.x@acme.test")).toEqual({ first_name: "carla.x", last_name: null });
  });
});
