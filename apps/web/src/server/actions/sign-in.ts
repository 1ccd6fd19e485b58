"use server";

import { signIn } from "@orchestrator/auth/next-auth";
import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { safeCallbackUrl } from "~/lib/sign-in-url";
import type { SignInError, SignInState } from "~/lib/sign-in-state";

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
 * Email + password sign-in through next-auth's Credentials provider. On success the session
 * cookie is set and the user goes to their callbackUrl (same-origin paths only). On failure the
 * form shows why, keeping the email they typed.
 */
export async function signInWithPassword(_previous: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get("email") ?? "").trim();
  const password = String(form.get("password") ?? "");
  const callbackUrl = safeCallbackUrl(String(form.get("callbackUrl") ?? ""));
  const fail = (error: SignInError, retryAfter: number | null = null): SignInState => ({ error, retryAfterSeconds: retryAfter, email });

  if (!email || !password) return fail("missing");
  try {
    await signIn("credentials", { email, password, redirect: false });
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
  redirect(callbackUrl);
}
