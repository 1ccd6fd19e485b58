import { describe, expect, it } from "vitest";
import { addressOf, isRobotAddress, newMessageId, normalizeMessageId, referencesFor, threadSubject } from "./headers";

describe("e-mail threading headers", () => {
  it("makes fixed, unique Message-IDs on our domain", () => {
    const a = newMessageId("mail.example.org");
    expect(a).toMatch(/^<[0-9a-f-]{36}@mail\.example\.org>$/);
    expect(newMessageId("mail.example.org")).not.toBe(a);
  });

  it("normalises Message-IDs and refuses what is not one", () => {
    expect(normalizeMessageId(" abc@x.test ")).toBe("<abc@x.test>");
    expect(normalizeMessageId("<abc@x.test>")).toBe("<abc@x.test>");
    expect(normalizeMessageId("no at sign")).toBeNull();
    expect(normalizeMessageId("<a@b> <c@d>")).toBeNull();
    expect(normalizeMessageId("")).toBeNull();
  });

  it("References keep the thread's order, drop duplicates and keep the newest 20", () => {
    expect(referencesFor(["<a@x>", "b@x", "<a@x>", "junk"])).toEqual(["<a@x>", "<b@x>"]);
    const many = Array.from({ length: 30 }, (_, i) => `<m${i}@x>`);
    expect(referencesFor(many)).toEqual(many.slice(10));
  });

  it("thread subjects carry the ticket tag once, without stacked Re:/Fwd:", () => {
    expect(threadSubject("HD-TKT-00001", "Printer on fire")).toBe("Re: [HD-TKT-00001] Printer on fire");
    expect(threadSubject("HD-TKT-00001", "RE: Fwd: Re: [HD-TKT-00001] Printer on fire")).toBe("Re: [HD-TKT-00001] Printer on fire");
  });

  it("finds addresses and robots", () => {
    expect(addressOf("Ana Lima <Ana@Acme.test>")).toBe("ana@acme.test");
    expect(isRobotAddress("MAILER-DAEMON@acme.test")).toBe(true);
    expect(isRobotAddress("no-reply@acme.test")).toBe(true);
    expect(isRobotAddress("noreply+x@acme.test")).toBe(true);
    expect(isRobotAddress("ana@acme.test")).toBe(false);
  });
});
