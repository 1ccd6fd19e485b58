export type SignInError = "missing" | "invalid" | "rate_limited" | "unavailable";

export interface SignInState {
  error: SignInError | null;
  /** For `rate_limited`, when known: seconds until another attempt is allowed. */
  retryAfterSeconds: number | null;
  /** What the user typed, so a failed attempt keeps it. */
  email: string;
}

/** next-auth's own error redirect (`/login?error=CredentialsSignin&code=…`) as the form's initial state. */
export function stateFromQuery(error: string | undefined, code: string | undefined): SignInState {
  if (error !== "CredentialsSignin") return { error: null, retryAfterSeconds: null, email: "" };
  return { error: code === "rate_limited" ? "rate_limited" : "invalid", retryAfterSeconds: null, email: "" };
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
