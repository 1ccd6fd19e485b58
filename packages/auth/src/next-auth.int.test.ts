import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticateRequest } from "./authenticate";
import { NEXT_AUTH_SESSION_COOKIE, parseCookieHeader } from "./cookies";
import { logout } from "./login";
import { handlers } from "./next-auth";
import { getSession } from "./sessions";
import { closeConnections, makeUser, seedAccess, uniqueEmail, uniqueIp } from "./testing/fixtures";
import { setUserEnabled } from "./user-admin";

beforeAll(seedAccess);
afterAll(closeConnections);

/**
 * Drives next-auth's real route handlers (what app/api/auth/[...nextauth]/route.ts mounts) with fetch
 * Requests, the way a browser would: CSRF token, credentials callback, session, sign-out.
 */
const BASE = "http://localhost:3000/api/auth";
type Handler = (req: Request) => Promise<Response>;
// The handlers are typed for NextRequest; a plain Request is what they receive from a test.
const GET = handlers.GET as unknown as Handler;
const POST = handlers.POST as unknown as Handler;

/** A minimal cookie jar: Set-Cookie in, Cookie header out. Deleted cookies (Max-Age=0 / past Expires) are dropped. */
class Jar {
  private cookies = new Map<string, string>();
  store(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && Date.parse(a.split("=")[1]!) < Date.now()));
      if (expired || !value) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
  get(name: string): string | undefined {
    return this.cookies.get(name);
  }
}

async function signInWithCredentials(email: string, password: string, ip: string) {
  const jar = new Jar();
  const csrf = await GET(new Request(`${BASE}/csrf`));
  jar.store(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await POST(
    new Request(`${BASE}/callback/credentials`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header(), "x-forwarded-for": `${ip}, 10.0.0.1`, "user-agent": "vitest-browser" },
      body: new URLSearchParams({ email, password, csrfToken, callbackUrl: "http://localhost:3000/" }),
    }),
  );
  jar.store(res);
  return { res, jar, location: res.headers.get("location") ?? "", csrfToken };
}

async function sessionJson(jar: Jar): Promise<{ body: unknown; res: Response }> {
  const res = await GET(new Request(`${BASE}/session`, { headers: { cookie: jar.header() } }));
  jar.store(res);
  return { body: await res.json(), res };
}

describe("next-auth credentials sign-in", () => {
  it("signs in, and the cookie carries only { sid, sub } bound to a Redis session", async () => {
    const user = await makeUser({ prefix: "web", fullName: "Wendy Web" });
    const ip = uniqueIp();
    const { jar, location } = await signInWithCredentials(user.email, user.password, ip);
    expect(location).toBe("http://localhost:3000/");
    expect(jar.get(NEXT_AUTH_SESSION_COOKIE)).toBeTruthy();

    const auth = await authenticateRequest(new Request("http://localhost:3000/", { headers: { cookie: jar.header() } }));
    expect(auth).toMatchObject({ via: "session", principal: { user: user.email } });
    const session = await getSession(auth!.sid!);
    expect(session).toMatchObject({ user: user.email, ip, ua: "vitest-browser" });

    const { body } = await sessionJson(jar);
    expect(body).toMatchObject({ user: { id: user.email, email: user.email, name: "Wendy Web" } });
    expect(JSON.stringify(body)).not.toContain(auth!.sid!);
  });

  it("sends bad credentials back to /login with code=invalid", async () => {
    const user = await makeUser({ prefix: "web-bad" });
    const { location, jar } = await signInWithCredentials(user.email, "wrong password", uniqueIp());
    const url = new URL(location);
    expect(url.pathname).toBe("/login");
    expect(url.searchParams.get("error")).toBe("CredentialsSignin");
    expect(url.searchParams.get("code")).toBe("invalid");
    expect(jar.get(NEXT_AUTH_SESSION_COOKIE)).toBeUndefined();
  });

  it("sends a rate-limited sign-in back with code=rate_limited", async () => {
    const email = uniqueEmail("web-limit");
    for (let i = 0; i < 5; i++) await signInWithCredentials(email, "wrong password", uniqueIp());
    const { location } = await signInWithCredentials(email, "wrong password", uniqueIp());
    expect(new URL(location).searchParams.get("code")).toBe("rate_limited");
  });
});

describe("next-auth sessions end with the Redis session", () => {
  it("logout elsewhere ends the web session and clears its cookie", async () => {
    const user = await makeUser({ prefix: "web-logout" });
    const { jar } = await signInWithCredentials(user.email, user.password, uniqueIp());
    const auth = await authenticateRequest(new Request("http://localhost:3000/", { headers: { cookie: jar.header() } }));
    await logout(auth!.sid!);
    const { body } = await sessionJson(jar);
    expect(body).toBeNull();
    expect(jar.get(NEXT_AUTH_SESSION_COOKIE)).toBeUndefined();
  });

  it("disabling the user ends the web session", async () => {
    const user = await makeUser({ prefix: "web-disable" });
    const { jar } = await signInWithCredentials(user.email, user.password, uniqueIp());
    expect((await sessionJson(jar)).body).not.toBeNull();
    await setUserEnabled(user.email, false);
    expect((await sessionJson(jar)).body).toBeNull();
  });

  it("signing out revokes the Redis session", async () => {
    const user = await makeUser({ prefix: "web-signout" });
    const { jar, csrfToken } = await signInWithCredentials(user.email, user.password, uniqueIp());
    const sid = (await authenticateRequest(new Request("http://localhost:3000/", { headers: { cookie: jar.header() } })))!.sid!;
    const res = await POST(
      new Request(`${BASE}/signout`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header() },
        body: new URLSearchParams({ csrfToken, callbackUrl: "http://localhost:3000/" }),
      }),
    );
    jar.store(res);
    expect(jar.get(NEXT_AUTH_SESSION_COOKIE)).toBeUndefined();
    expect(await getSession(sid)).toBeNull();
    expect(parseCookieHeader(jar.header()).has(NEXT_AUTH_SESSION_COOKIE)).toBe(false);
  });
});
