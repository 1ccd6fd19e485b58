import { describe, expect, it } from "vitest";
import { NEXT_AUTH_SECURE_SESSION_COOKIE, NEXT_AUTH_SESSION_COOKIE, nextAuthSessionToken, parseCookieHeader } from "./cookies";

describe("parseCookieHeader", () => {
  it("reads name=value pairs, decoding values", () => {
    const cookies = parseCookieHeader("sid=abc; theme=dark%20blue; empty=");
    expect(cookies.get("sid")).toBe("abc");
    expect(cookies.get("theme")).toBe("dark blue");
    expect(cookies.get("empty")).toBe("");
  });

  it("keeps the first of duplicate names and tolerates junk", () => {
    const cookies = parseCookieHeader("sid=first; junk; =nameless; sid=second; bad=%E0%A4%A");
    expect(cookies.get("sid")).toBe("first");
    expect(cookies.get("bad")).toBe("%E0%A4%A");
    expect(cookies.size).toBe(2);
  });

  it("returns nothing for a missing header", () => {
    expect(parseCookieHeader(null).size).toBe(0);
  });
});

describe("nextAuthSessionToken", () => {
  it("prefers the __Secure- cookie", () => {
    const cookies = parseCookieHeader(`${NEXT_AUTH_SESSION_COOKIE}=plain; ${NEXT_AUTH_SECURE_SESSION_COOKIE}=secure`);
    expect(nextAuthSessionToken(cookies)).toEqual({ cookieName: NEXT_AUTH_SECURE_SESSION_COOKIE, token: "secure" });
  });

  it("joins chunked cookies in order", () => {
    const cookies = parseCookieHeader(`${NEXT_AUTH_SESSION_COOKIE}.1=def; ${NEXT_AUTH_SESSION_COOKIE}.0=abc`);
    expect(nextAuthSessionToken(cookies)).toEqual({ cookieName: NEXT_AUTH_SESSION_COOKIE, token: "abcdef" });
  });

  it("returns null without a session cookie", () => {
    expect(nextAuthSessionToken(parseCookieHeader("sid=abc"))).toBeNull();
  });
});
