import { AppError, AppErrorCode, type Principal } from "@orchestrator/db";
import { decode } from "next-auth/jwt";
import { verifyApiKey } from "./api-keys";
import { parseAuthorizationHeader } from "./authorization-header";
import { FRAPPE_SESSION_COOKIE, nextAuthSessionToken, parseCookieHeader } from "./cookies";
import { env } from "./env";
import { loadPrincipal, type PrincipalCacheOptions } from "./principal";
import { getSession, revokeSession, type SessionOptions } from "./sessions";

export interface Authenticated {
  principal: Principal;
  via: "token" | "session";
  /** The session id, when authenticated by a session (needed for logout). */
  sid?: string;
  /** The API key (not the secret), when authenticated by a token: useful for audit and logs. */
  apiKey?: string;
}

export interface AuthenticateOptions {
  /** The next-auth JWT secret; AUTH_SECRET by default. */
  secret?: string;
  sessions?: SessionOptions;
  principal?: PrincipalCacheOptions;
}

/** Frappe sets `sid=Guest` for anonymous visitors: that is "no session", not a bad one. */
const GUEST_SID = "Guest";

/**
 * Who is making this request:
 *  1. `Authorization: token <key>:<secret>` (or Basic): API key. Sent but unusable → throws
 *     AppError Unauthenticated, so the caller answers 401 rather than treating it as anonymous.
 *  2. the Frappe-style `sid` cookie (REST login): a session id.
 *  3. the next-auth session cookie: an encrypted JWT whose `sid` claim is a session id.
 * Returns null when the request carries no live session (signed out, expired, revoked).
 */
export async function authenticateRequest(req: Request, options: AuthenticateOptions = {}): Promise<Authenticated | null> {
  const authorization = req.headers.get("authorization");
  if (authorization) return authenticateToken(authorization, options);

  const cookies = parseCookieHeader(req.headers.get("cookie"));
  const frappeSid = cookies.get(FRAPPE_SESSION_COOKIE);
  if (frappeSid && frappeSid !== GUEST_SID) {
    const found = await sessionPrincipal(frappeSid, null, options);
    if (found) return found;
  }

  const webSession = nextAuthSessionToken(cookies);
  if (webSession) {
    const claims = await decodeSessionJwt(webSession.token, webSession.cookieName, options.secret ?? env.AUTH_SECRET);
    if (claims) return sessionPrincipal(claims.sid, claims.sub, options);
  }
  return null;
}

async function authenticateToken(header: string, options: AuthenticateOptions): Promise<Authenticated> {
  const { apiKey, apiSecret } = parseAuthorizationHeader(header);
  const user = await verifyApiKey(apiKey, apiSecret);
  const principal = user ? await loadPrincipal(user, options.principal) : null;
  // One message for unknown key, wrong secret, revoked key and disabled user.
  if (!principal) throw new AppError(AppErrorCode.Unauthenticated, "Invalid API key or secret");
  return { principal, via: "token", apiKey };
}

async function sessionPrincipal(sid: string, expectedUser: string | null, options: AuthenticateOptions): Promise<Authenticated | null> {
  const session = await getSession(sid, options.sessions);
  if (!session) return null;
  if (expectedUser !== null && session.user !== expectedUser) return null;
  const principal = await loadPrincipal(session.user, options.principal);
  if (!principal) {
    // The user was disabled or deleted after this session began: end it.
    await revokeSession(sid);
    return null;
  }
  return { principal, via: "session", sid };
}

/** The `sid` (and `sub`) claims of a next-auth session JWT; null when it is invalid, expired or lacks them. */
async function decodeSessionJwt(token: string, cookieName: string, secret: string): Promise<{ sid: string; sub: string | null } | null> {
  try {
    const payload = await decode({ token, secret, salt: cookieName });
    if (!payload || typeof payload.sid !== "string") return null;
    return { sid: payload.sid, sub: typeof payload.sub === "string" ? payload.sub : null };
  } catch {
    // Tampered, expired or encrypted with another secret: the same as no cookie.
    return null;
  }
}
