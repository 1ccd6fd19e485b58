import "server-only";
import { signIn } from "@orchestrator/auth/next-auth";
import { AuthError } from "next-auth";
import type { SignInError } from "~/lib/sign-in-state";

export type SignInOutcome = { ok: true } | { ok: false; error: SignInError; retryAfterSeconds: number | null };

/** The CredentialsSignin code the auth package set ("invalid", "rate_limited"), if that is what failed. */
function credentialsCode(error: unknown): string | undefined {
  if (!(error instanceof AuthError) || error.type !== "CredentialsSignin") return undefined;
  return "code" in error && typeof error.code === "string" ? error.code : "invalid";
}

/** Seconds until the lock-out ends, if the auth package attached it to the error. */
function retryAfterSeconds(error: unknown): number | null {
  if (!error || typeof error !== "object") return null;
  const value = "retryAfterSeconds" in error ? error.retryAfterSeconds : "retryAfter" in error ? error.retryAfter : undefined;
  return typeof value === "number" && Number.isFinite(value) && value > 0 ? Math.ceil(value) : null;
}

/**
 * Email + password sign-in through next-auth's Credentials provider (argon2, the Redis rate limits
 * and the Redis session live in the auth package). On success next-auth has set the session
 * cookie on this response. Failures say why without saying whether the account exists.
 */
export async function signInWithPassword(email: string, password: string): Promise<SignInOutcome> {
  const fail = (error: SignInError, retry: number | null = null): SignInOutcome => ({ ok: false, error, retryAfterSeconds: retry });
  if (!email || !password) return fail("missing");
  try {
    await signIn("credentials", { email, password, redirect: false });
    return { ok: true };
  } catch (error) {
    const code = credentialsCode(error);
    if (code === "rate_limited") return fail("rate_limited", retryAfterSeconds(error));
    if (code) return fail("invalid");
    if (error instanceof AuthError) {
      console.error(JSON.stringify({ level: "error", msg: "sign-in failed", type: error.type }));
      return fail("unavailable");
    }
    throw error;
  }
}
