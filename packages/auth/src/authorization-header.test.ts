import { AppErrorCode, isAppError } from "@orchestrator/db";
import { describe, expect, it } from "vitest";
import { parseAuthorizationHeader } from "./authorization-header";

function rejection(header: string): string | undefined {
  try {
    parseAuthorizationHeader(header);
  } catch (error) {
    return isAppError(error) ? error.code : "not an AppError";
  }
  return undefined;
}

describe("parseAuthorizationHeader", () => {
  it("reads Frappe's token header", () => {
    expect(parseAuthorizationHeader("token abc123:s3cr3t")).toEqual({ apiKey: "abc123", apiSecret: "s3cr3t" });
  });

  it("accepts the scheme in any case and extra spaces", () => {
    expect(parseAuthorizationHeader("  Token   abc123:s3cr3t  ")).toEqual({ apiKey: "abc123", apiSecret: "s3cr3t" });
  });

  it("reads HTTP Basic with the same pair", () => {
    const basic = Buffer.from("abc123:s3cr3t").toString("base64");
    expect(parseAuthorizationHeader(`Basic ${basic}`)).toEqual({ apiKey: "abc123", apiSecret: "s3cr3t" });
  });

  it("keeps colons inside the secret", () => {
    expect(parseAuthorizationHeader("token k:a:b")).toEqual({ apiKey: "k", apiSecret: "a:b" });
  });

  it.each([
    ["token", "no credentials"],
    ["token abc123", "no colon"],
    ["token :secret", "no key"],
    ["token abc123:", "no secret"],
    ["Basic not*base64", "bad base64"],
    [`Basic ${Buffer.from("only-a-key").toString("base64")}`, "Basic without a pair"],
    ["Bearer abc.def.ghi", "unsupported scheme"],
  ])("rejects %s (%s) as Unauthenticated", (header) => {
    expect(rejection(header)).toBe(AppErrorCode.Unauthenticated);
  });
});
