import { describe, expect, it } from "vitest";
import { parseMentions } from "./mentions";

describe("parseMentions", () => {
  it("finds @user@domain mentions once each, lower-cased, in order", () => {
    expect(parseMentions("@Ana@acme.example please look, cc @bo@acme.example and @ana@acme.example.")).toEqual(["ana@acme.example", "bo@acme.example"]);
  });

  it("ignores plain addresses and mid-word @", () => {
    expect(parseMentions("write to ana@acme.example or foo@@bar")).toEqual([]);
    expect(parseMentions("(@ana@acme.example)")).toEqual(["ana@acme.example"]);
  });
});
