import { describe, expect, it } from "vitest";
import { clientIpFromHeaders } from "./client-ip";

describe("clientIpFromHeaders", () => {
  it("takes the first hop of X-Forwarded-For", () => {
    expect(clientIpFromHeaders(new Headers({ "x-forwarded-for": " 203.0.113.7 , 10.0.0.2", "x-real-ip": "10.0.0.9" }))).toBe("203.0.113.7");
  });

  it("falls back to X-Real-IP", () => {
    expect(clientIpFromHeaders(new Headers({ "x-real-ip": "198.51.100.4" }))).toBe("198.51.100.4");
  });

  it("is undefined without either header", () => {
    expect(clientIpFromHeaders(new Headers({ "x-forwarded-for": " " }))).toBeUndefined();
  });
});
