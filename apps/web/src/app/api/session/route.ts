import { HOME_PATH, safeCallbackUrl } from "~/lib/sign-in-url";
import { SIGN_IN_EMAIL_COOKIE, queryForState } from "~/lib/sign-in-state";
import { isSameOriginPost } from "~/server/sign-in/same-origin";
import { signInWithPassword } from "~/server/sign-in/sign-in";

/** Form posts are small; anything bigger is not a sign-in form. */
const MAX_BODY_BYTES = 8 * 1024;

/** A relative 303: the browser follows it with a GET, whatever host or proxy it came through. */
function seeOther(location: string, headers: Record<string, string> = {}): Response {
  return new Response(null, { status: 303, headers: { location, "cache-control": "no-store", ...headers } });
}

/**
 * POST /api/session: the sign-in form's target (the /login page ships no JavaScript). Success:
 * next-auth's session cookie and a 303 to the callback URL. Failure: a 303 back to /login saying
 * why, with the email kept for a minute in an HttpOnly cookie (never in the URL or the logs).
 * Cross-site posts are refused, so no other site can sign a visitor in to an account of its own.
 */
export async function POST(request: Request): Promise<Response> {
  if (!isSameOriginPost(request.headers)) return new Response("Cross-site sign-in refused.", { status: 403 });
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) return new Response("Request body too large.", { status: 413 });
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return new Response("Expected a form (application/x-www-form-urlencoded or multipart/form-data).", { status: 400 });
  }
  const text = (key: string) => {
    const value = form.get(key);
    return typeof value === "string" ? value : "";
  };
  const email = text("email").trim().slice(0, 320);
  const callbackUrl = safeCallbackUrl(text("callbackUrl"));
  const outcome = await signInWithPassword(email, text("password"));
  if (outcome.ok) return seeOther(callbackUrl);

  const query = queryForState({ error: outcome.error, retryAfterSeconds: outcome.retryAfterSeconds });
  if (callbackUrl !== HOME_PATH) query.set("callbackUrl", callbackUrl);
  const secure = request.headers.get("x-forwarded-proto") === "https" || new URL(request.url).protocol === "https:" ? "; Secure" : "";
  const emailCookie = `${SIGN_IN_EMAIL_COOKIE}=${encodeURIComponent(email)}; Path=/login; Max-Age=60; HttpOnly; SameSite=Lax${secure}`;
  return seeOther(`/login?${query.toString()}`, { "set-cookie": emailCookie });
}
