import { signInUrl } from "~/lib/sign-in-url";
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
  window.location.assign(signInUrl(here, "expired"));
}
