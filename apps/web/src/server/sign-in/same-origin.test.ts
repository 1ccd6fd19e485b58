import { describe, expect, it } from "vitest";
import { isSameOriginPost } from "./same-origin";

const post = (headers: Record<string, string>) => isSameOriginPost(new Headers(headers));

describe("isSameOriginPost", () => {
  it("accepts a post from our own page", () => {
    expect(post({ host: "app.example", origin: "http://app.example", "sec-fetch-site": "same-origin" })).toBe(true);
  });
  it("accepts the forwarded host behind a proxy", () => {
    expect(post({ host: "web:3000", "x-forwarded-host": "app.example", origin: "https://app.example" })).toBe(true);
  });
  it("refuses another site by Sec-Fetch-Site even when Origin is absent", () => {
    expect(post({ host: "app.example", "sec-fetch-site": "cross-site" })).toBe(false);
    expect(post({ host: "app.example", "sec-fetch-site": "same-site", origin: "http://app.example" })).toBe(false);
  });
  it("refuses an Origin naming another host, an opaque origin and a malformed one", () => {
    expect(post({ host: "app.example", origin: "http://evil.example" })).toBe(false);
    expect(post({ host: "app.example", origin: "null" })).toBe(false);
    expect(post({ host: "app.example", origin: "::::" })).toBe(false);
  });
  it("lets a client without browser headers through (not a cross-site vector)", () => {
    expect(post({ host: "app.example" })).toBe(true);
  });
});
