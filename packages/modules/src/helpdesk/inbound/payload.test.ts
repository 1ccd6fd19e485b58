import { AppError } from "@orchestrator/db";
import { describe, expect, it } from "vitest";
import { htmlToText, parseInboundEmail, stripQuotedReply } from "./payload";

const valid = { message_id: "abc@mail.acme.test", from: { email: "Ana@Acme.test", name: "Ana Lima" }, to: ["help@orchestrator.test"], subject: "Printer", text: "It is on fire" };

describe("inbound e-mail payload", () => {
  it("normalises ids and addresses", () => {
    const m = parseInboundEmail({ ...valid, in_reply_to: "<x@orchestrator.test>", extra: "ignored" });
    expect(m).toMatchObject({ message_id: "<abc@mail.acme.test>", in_reply_to: "<x@orchestrator.test>", from: { email: "ana@acme.test" } });
  });

  it("names every bad field", () => {
    const error = (() => { try { parseInboundEmail({ message_id: "nope", from: { email: "not-an-address" }, to: [], text: "" }); } catch (e) { return e; } })() as AppError;
    expect(error).toBeInstanceOf(AppError);
    expect(error.fieldErrors.map((f) => f.field).sort()).toEqual(["from.email", "message_id", "to"]);
  });

  it("requires a body (text or html)", () => {
    expect(() => parseInboundEmail({ ...valid, text: " " })).toThrow(/text: text or html is required/);
    expect(parseInboundEmail({ ...valid, text: undefined, html: "<p>hi</p>" }).html).toBe("<p>hi</p>");
  });
});

describe("body helpers", () => {
  it("turns html into text", () => {
    expect(htmlToText("<p>Hello&nbsp;<b>there</b></p><script>x()</script><p>a &amp; b</p>")).toBe("Hello there\na & b");
  });

  it("drops the quoted thread below a reply, keeps text that is all quotes", () => {
    expect(stripQuotedReply("Thanks, fixed.\n\nOn Mon, 23 Nov 2026, Helpdesk wrote:\n> Try again\n> please\n")).toBe("Thanks, fixed.");
    expect(stripQuotedReply("> only a quote")).toBe("> only a quote");
    expect(stripQuotedReply("Inline:\n> q\nanswer")).toBe("Inline:\n> q\nanswer");
  });
});
