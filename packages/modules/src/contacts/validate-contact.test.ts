import { describe, expect, it } from "vitest";
import { checkEmail, checkPhone } from "./validate-contact";

describe("contact e-mail and phone checks", () => {
  it("accepts well-formed addresses and refuses malformed ones by value", () => {
    expect(checkEmail("ana@acme.example")).toBeNull();
    expect(checkEmail("ana@")).toMatch(/not a valid e-mail/);
    expect(checkEmail("")).toBe("E-mail is required");
    expect(checkEmail(`${"a".repeat(140)}@x.example`)).toMatch(/longer than 140/);
  });

  it("accepts national US and international numbers, refuses impossible ones", () => {
    expect(checkPhone("(415) 555-2671")).toBeNull();
    expect(checkPhone("+44 20 7946 0958")).toBeNull();
    expect(checkPhone("12")).toMatch(/not a valid phone number/);
    expect(checkPhone("call me")).toMatch(/not a valid phone number/);
    expect(checkPhone("")).toBe("Phone is required");
  });
});
