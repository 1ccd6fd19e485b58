export type SignInError = "missing" | "invalid" | "rate_limited" | "unavailable";

export interface SignInState {
  error: SignInError | null;
  /** For `rate_limited`, when known: seconds until another attempt is allowed. */
  retryAfterSeconds: number | null;
}

/** Cookie holding the email of a failed attempt for one minute, so the form keeps what was typed (not in the URL). */
export const SIGN_IN_EMAIL_COOKIE = "login-email";

const errors: readonly SignInError[] = ["missing", "invalid", "rate_limited", "unavailable"];

/**
 * The sign-in page's state from its query string: our own `?error=<SignInError>[&retry=<s>]` (set
 * by POST /api/session), or next-auth's `?error=CredentialsSignin&code=…` should it redirect here.
 */
export function stateFromQuery(error: string | undefined, code: string | undefined, retry: string | undefined): SignInState {
  if (error === "CredentialsSignin") return { error: code === "rate_limited" ? "rate_limited" : "invalid", retryAfterSeconds: null };
  const known = errors.find((e) => e === error) ?? null;
  const seconds = Number(retry);
  return { error: known, retryAfterSeconds: known === "rate_limited" && Number.isInteger(seconds) && seconds > 0 ? seconds : null };
}

/** The query string that tells the sign-in page what went wrong. */
export function queryForState(state: SignInState): URLSearchParams {
  const query = new URLSearchParams();
  if (state.error) query.set("error", state.error);
  if (state.retryAfterSeconds) query.set("retry", String(state.retryAfterSeconds));
  return query;
}

export function signInMessage(state: Pick<SignInState, "error" | "retryAfterSeconds">): string | null {
  switch (state.error) {
    case null:
      return null;
    case "missing":
      return "Enter your email and password.";
    case "invalid":
      return "Invalid email or password.";
    case "rate_limited": {
      if (!state.retryAfterSeconds) return "Too many attempts — try again in a few minutes.";
      const minutes = Math.max(1, Math.ceil(state.retryAfterSeconds / 60));
      return `Too many attempts — try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
    }
    case "unavailable":
      return "Sign-in is temporarily unavailable. Try again in a moment.";
  }
}
