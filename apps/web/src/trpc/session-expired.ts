import { trpcErrorCode } from "./error-code";

let redirecting = false;

/**
 * Any query or mutation answered UNAUTHORIZED means the session ended (idle timeout, sign-out
 * elsewhere, revoked): go to the sign-in page, which brings the user back here afterwards.
 */
export function redirectIfUnauthorized(error: unknown): void {
  if (redirecting || trpcErrorCode(error) !== "UNAUTHORIZED") return;
  redirecting = true;
  const here = `${window.location.pathname}${window.location.search}`;
  // The URL helpers load only now: a session ending is rare, and they stay out of every page's First Load JS.
  void import("~/lib/sign-in-url").then(
    ({ signInUrl }) => window.location.assign(signInUrl(here, "expired")),
    () => window.location.assign("/login?reason=expired"),
  );
}
