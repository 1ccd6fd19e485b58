/** The Frappe-compatible session cookie set by `POST /api/method/login`: it holds a session id. */
export const FRAPPE_SESSION_COOKIE = "sid";

/** next-auth's session cookie: the `__Secure-` name is used over https. Its value is an encrypted JWT. */
export const NEXT_AUTH_SESSION_COOKIE = "authjs.session-token";
export const NEXT_AUTH_SECURE_SESSION_COOKIE = "__Secure-authjs.session-token";

/** Parses a Cookie header. The first occurrence of a name wins; values are URI-decoded when possible. */
export function parseCookieHeader(header: string | null | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  if (!header) return cookies;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    if (!name || cookies.has(name)) continue;
    try {
      cookies.set(name, decodeURIComponent(value));
    } catch {
      cookies.set(name, value);
    }
  }
  return cookies;
}

/**
 * The next-auth session token and the cookie name it came under (the name is the JWT's salt).
 * next-auth splits tokens over 4 kB into `<name>.0`, `<name>.1`, …; ours are small, but accept both.
 */
export function nextAuthSessionToken(cookies: Map<string, string>): { cookieName: string; token: string } | null {
  for (const cookieName of [NEXT_AUTH_SECURE_SESSION_COOKIE, NEXT_AUTH_SESSION_COOKIE]) {
    const whole = cookies.get(cookieName);
    if (whole) return { cookieName, token: whole };
    const chunks: string[] = [];
    for (let i = 0; cookies.has(`${cookieName}.${i}`); i++) chunks.push(cookies.get(`${cookieName}.${i}`)!);
    if (chunks.length) return { cookieName, token: chunks.join("") };
  }
  return null;
}
