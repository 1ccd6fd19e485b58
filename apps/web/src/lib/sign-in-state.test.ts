import { describe, expect, it } from "vitest";
import { queryForState, signInMessage, stateFromQuery } from "./sign-in-state";

describe("sign-in state in the query string", () => {
  it("round-trips every error through the query string", () => {
    for (const error of ["missing", "invalid", "unavailable"] as const) {
      const query = queryForState({ error, retryAfterSeconds: null });
      expect(stateFromQuery(query.get("error") ?? undefined, undefined, query.get("retry") ?? undefined)).toEqual({ error, retryAfterSeconds: null });
    }
    const limited = queryForState({ error: "rate_limited", retryAfterSeconds: 120 });
    expect(stateFromQuery(limited.get("error") ?? undefined, undefined, limited.get("retry") ?? undefined)).toEqual({ error: "rate_limited", retryAfterSeconds: 120 });
  });

  it("ignores unknown errors and nonsense retry values", () => {
    expect(stateFromQuery("<script>", undefined, undefined)).toEqual({ error: null, retryAfterSeconds: null });
    expect(stateFromQuery("rate_limited", undefined, "-5")).toEqual({ error: "rate_limited", retryAfterSeconds: null });
    expect(stateFromQuery("invalid", undefined, "60")).toEqual({ error: "invalid", retryAfterSeconds: null });
  });

  it("understands next-auth's own error redirect", () => {
    expect(stateFromQuery("CredentialsSignin", "rate_limited", undefined).error).toBe("rate_limited");
    expect(stateFromQuery("CredentialsSignin", "whatever", undefined).error).toBe("invalid");
  });

  it("words the lock-out in whole minutes", () => {
    expect(signInMessage({ error: "rate_limited", retryAfterSeconds: 61 })).toBe("Too many attempts — try again in 2 minutes.");
    expect(signInMessage({ error: "rate_limited", retryAfterSeconds: 30 })).toBe("Too many attempts — try again in 1 minute.");
    expect(signInMessage({ error: null, retryAfterSeconds: null })).toBeNull();
  });
});
