/**
 * The Frappe-compatible session endpoints (DESIGN.md §4): integrations written for Frappe log in
 * with POST /api/method/login {usr, pwd}, get a `sid` cookie, and ask who they are.
 */
import { expect, test, type APIResponse } from "@playwright/test";
import { demoPassword, roleByKey } from "../fixtures/roles";

const admin = roleByKey("admin");

/** The value of the `sid` cookie the response sets, if any. */
function sidFrom(response: APIResponse): string | undefined {
  for (const header of response.headersArray()) {
    if (header.name.toLowerCase() !== "set-cookie") continue;
    const match = /(?:^|[\s,;])sid=([^;,\s]*)/.exec(header.value);
    if (match?.[1]) return match[1];
  }
  return undefined;
}

test("login with the right password answers 200 and sets a sid cookie", async ({ playwright, baseURL }) => {
  const api = await playwright.request.newContext({ baseURL });
  try {
    const response = await api.post("/api/method/login", { data: { usr: admin.email, pwd: demoPassword } });
    expect(response.status()).toBe(200);
    const sid = sidFrom(response);
    expect(sid, "Set-Cookie: sid=…").toBeTruthy();
  } finally {
    await api.dispose();
  }
});

test("login with a wrong password answers 401 in Frappe's error shape", async ({ playwright, baseURL }) => {
  const api = await playwright.request.newContext({ baseURL });
  try {
    const response = await api.post("/api/method/login", { data: { usr: admin.email, pwd: `${demoPassword}-wrong` } });
    expect(response.status()).toBe(401);
    expect(response.headers()["content-type"]).toContain("application/json");
    const body = (await response.json()) as Record<string, unknown>;
    expect(typeof body.exc_type).toBe("string");
    expect(String(body.exc_type).length).toBeGreaterThan(0);
  } finally {
    await api.dispose();
  }
});

test("frappe.auth.get_logged_user with the sid cookie answers the user's email", async ({ playwright, baseURL }) => {
  const login = await playwright.request.newContext({ baseURL });
  let sid: string | undefined;
  try {
    const response = await login.post("/api/method/login", { data: { usr: admin.email, pwd: demoPassword } });
    expect(response.status()).toBe(200);
    sid = sidFrom(response);
  } finally {
    await login.dispose();
  }
  expect(sid).toBeTruthy();

  // A fresh context that carries only that cookie, as an integration would.
  const client = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: `sid=${sid}` } });
  try {
    const response = await client.get("/api/method/frappe.auth.get_logged_user");
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ message: admin.email });
  } finally {
    await client.dispose();
  }

  // And without it, nobody is logged in.
  const anonymous = await playwright.request.newContext({ baseURL });
  try {
    const response = await anonymous.get("/api/method/frappe.auth.get_logged_user");
    expect(response.status()).toBeGreaterThanOrEqual(400);
  } finally {
    await anonymous.dispose();
  }
});
