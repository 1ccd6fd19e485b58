import { AppErrorCode, countStatements } from "@orchestrator/db";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateApiKeys, revokeApiKey } from "./api-keys";
import { authenticateRequest } from "./authenticate";
import { FRAPPE_SESSION_COOKIE, NEXT_AUTH_SECURE_SESSION_COOKIE, NEXT_AUTH_SESSION_COOKIE } from "./cookies";
import { env } from "./env";
import { invalidatePrincipal } from "./principal";
import { createSession, getSession } from "./sessions";
import { closeConnections, makeUser, seedAccess, setEnabledDirectly } from "./testing/fixtures";

beforeAll(seedAccess);
afterAll(closeConnections);

function request(headers: Record<string, string>): Request {
  return new Request("http://localhost:3000/api/resource/Client", { headers });
}

async function webCookie(claims: Record<string, unknown>, cookieName = NEXT_AUTH_SESSION_COOKIE, secret = env.AUTH_SECRET): Promise<string> {
  return `${cookieName}=${await encode({ token: claims, secret, salt: cookieName })}`;
}

describe("authenticateRequest: API tokens", () => {
  it("accepts Frappe's token header", async () => {
    const user = await makeUser({ prefix: "token" });
    const pair = await generateApiKeys(user.email);
    const auth = await authenticateRequest(request({ authorization: `token ${pair.api_key}:${pair.api_secret}` }));
    expect(auth).toMatchObject({ via: "token", apiKey: pair.api_key, principal: { user: user.email, roles: ["Medical Staff"] } });
    expect(auth?.sid).toBeUndefined();
  });

  it("accepts HTTP Basic with the key pair", async () => {
    const user = await makeUser({ prefix: "basic" });
    const pair = await generateApiKeys(user.email);
    const basic = Buffer.from(`${pair.api_key}:${pair.api_secret}`).toString("base64");
    expect(await authenticateRequest(request({ authorization: `Basic ${basic}` }))).toMatchObject({ via: "token", principal: { user: user.email } });
  });

  it("throws Unauthenticated for a wrong, malformed, revoked or foreign token, never falling back to cookies", async () => {
    const user = await makeUser({ prefix: "badtoken" });
    const pair = await generateApiKeys(user.email);
    const sid = await createSession(user.email);
    const revoked = await generateApiKeys(user.email);
    await revokeApiKey(revoked.api_key);
    for (const authorization of [
      `token ${pair.api_key}:wrong-secret`,
      `token ${pair.api_key}`,
      "token unknownkey123456:whatever",
      `token ${revoked.api_key}:${revoked.api_secret}`,
      "Bearer some.jwt.value",
    ]) {
      await expect(authenticateRequest(request({ authorization, cookie: `${FRAPPE_SESSION_COOKIE}=${sid}` })), authorization).rejects.toMatchObject({ code: AppErrorCode.Unauthenticated });
    }
  });
});

describe("authenticateRequest: sessions", () => {
  it("accepts the Frappe sid cookie", async () => {
    const user = await makeUser({ prefix: "sidcookie" });
    const sid = await createSession(user.email);
    expect(await authenticateRequest(request({ cookie: `theme=dark; ${FRAPPE_SESSION_COOKIE}=${sid}` }))).toMatchObject({ via: "session", sid, principal: { user: user.email } });
  });

  it("accepts the next-auth session cookie carrying a sid claim", async () => {
    const user = await makeUser({ prefix: "webcookie" });
    const sid = await createSession(user.email);
    const plain = await authenticateRequest(request({ cookie: await webCookie({ sid, sub: user.email }) }));
    expect(plain).toMatchObject({ via: "session", sid, principal: { user: user.email } });
    const secure = await authenticateRequest(request({ cookie: await webCookie({ sid, sub: user.email }, NEXT_AUTH_SECURE_SESSION_COOKIE) }));
    expect(secure).toMatchObject({ via: "session", sid });
  });

  it("is null for a next-auth cookie with another secret, a foreign sub or no sid", async () => {
    const user = await makeUser({ prefix: "badweb" });
    const sid = await createSession(user.email);
    expect(await authenticateRequest(request({ cookie: await webCookie({ sid, sub: user.email }, NEXT_AUTH_SESSION_COOKIE, "another-secret-another-secret-0123456789") }))).toBeNull();
    expect(await authenticateRequest(request({ cookie: await webCookie({ sid, sub: "someone-else@auth.test" }) }))).toBeNull();
    expect(await authenticateRequest(request({ cookie: await webCookie({ sub: user.email }) }))).toBeNull();
    expect(await authenticateRequest(request({ cookie: `${NEXT_AUTH_SESSION_COOKIE}=garbage` }))).toBeNull();
  });

  it("is null without credentials, for Frappe's Guest sid and for an ended session", async () => {
    expect(await authenticateRequest(request({}))).toBeNull();
    expect(await authenticateRequest(request({ cookie: `${FRAPPE_SESSION_COOKIE}=Guest` }))).toBeNull();
    expect(await authenticateRequest(request({ cookie: `${FRAPPE_SESSION_COOKIE}=${"A".repeat(43)}` }))).toBeNull();
  });

  it("falls back to the next-auth cookie when the sid cookie is stale", async () => {
    const user = await makeUser({ prefix: "fallback" });
    const sid = await createSession(user.email);
    const cookie = `${FRAPPE_SESSION_COOKIE}=${"B".repeat(43)}; ${await webCookie({ sid, sub: user.email })}`;
    expect(await authenticateRequest(request({ cookie }))).toMatchObject({ via: "session", sid });
  });

  it("ends a session whose user was disabled behind its back", async () => {
    const user = await makeUser({ prefix: "behindback" });
    const sid = await createSession(user.email);
    await setEnabledDirectly(user.email, false);
    await invalidatePrincipal(user.email);
    expect(await authenticateRequest(request({ cookie: `${FRAPPE_SESSION_COOKIE}=${sid}` }))).toBeNull();
    expect(await getSession(sid)).toBeNull();
  });
});

describe("authenticateRequest: cost of a warm request", () => {
  it("runs no SQL for a repeated token or session request", async () => {
    const user = await makeUser({ prefix: "warmauth" });
    const pair = await generateApiKeys(user.email);
    const sid = await createSession(user.email);
    const tokenRequest = () => authenticateRequest(request({ authorization: `token ${pair.api_key}:${pair.api_secret}` }));
    const sessionRequest = () => authenticateRequest(request({ cookie: `${FRAPPE_SESSION_COOKIE}=${sid}` }));
    await tokenRequest();
    await sessionRequest();
    const warmToken = await countStatements(tokenRequest);
    const warmSession = await countStatements(sessionRequest);
    expect(warmToken).toMatchObject({ statements: 0, result: { via: "token", principal: { user: user.email } } });
    expect(warmSession).toMatchObject({ statements: 0, result: { via: "session", principal: { user: user.email } } });
  });
});
