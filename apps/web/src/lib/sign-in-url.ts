import { HOME_PATH } from "./home-path";

export { HOME_PATH };

/**
 * A post-login destination from an untrusted query string: only a same-origin path. Rejects
 * absolute and protocol-relative URLs (`//evil`, `/\evil`) and anything pointing back at /login.
 */
export function safeCallbackUrl(value: string | null | undefined): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return HOME_PATH;
  try {
    const url = new URL(value, "http://local.invalid");
    if (url.origin !== "http://local.invalid" || url.pathname === "/login") return HOME_PATH;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return HOME_PATH;
  }
}

export type SignInReason = "expired";

/** `/login?callbackUrl=…[&reason=expired]`: the sign-in page returns the user to where they were. */
export function signInUrl(callbackUrl: string, reason?: SignInReason): string {
  const params = new URLSearchParams();
  const target = safeCallbackUrl(callbackUrl);
  if (target !== HOME_PATH) params.set("callbackUrl", target);
  if (reason) params.set("reason", reason);
  const query = params.toString();
  return query ? `/login?${query}` : "/login";
}
