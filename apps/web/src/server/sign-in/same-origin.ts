/**
 * Whether a form post comes from our own pages. Browsers send `Sec-Fetch-Site` and `Origin` on
 * form posts; either one naming another site is refused. A client sending neither (curl, an old
 * browser) is not a cross-site attack vector and passes.
 */
export function isSameOriginPost(headers: Headers): boolean {
  const site = headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return false;
  const origin = headers.get("origin");
  if (!origin || origin === "null") return origin !== "null";
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  try {
    return !!host && new URL(origin).host === host.split(",")[0]!.trim();
  } catch {
    return false;
  }
}
