import { AppErrorCode, MASK } from "@orchestrator/db";
import { schema, unsafeSystemDb } from "@orchestrator/db/system";
import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateApiKeys, verifyApiKey } from "./api-keys";
import { login } from "./login";
import { loadPrincipal } from "./principal";
import { getSession } from "./sessions";
import { closeConnections, makeUser, seedAccess, uniqueEmail, uniqueIp } from "./testing/fixtures";
import { setUserEnabled, setUserPassword } from "./user-admin";

beforeAll(seedAccess);
afterAll(closeConnections);

async function latestVersion(user: string) {
  const [row] = await unsafeSystemDb()
    .select()
    .from(schema.versions)
    .where(and(eq(schema.versions.refDoctype, "User"), eq(schema.versions.docname, user)))
    .orderBy(desc(schema.versions.id))
    .limit(1);
  // MariaDB hands JSON columns back as text.
  return row ? { ...row, data: typeof row.data === "string" ? (JSON.parse(row.data) as unknown) : row.data } : undefined;
}

async function twoSessions(email: string, password: string): Promise<string[]> {
  return [(await login({ email, password, ip: uniqueIp() })).sid, (await login({ email, password, ip: uniqueIp() })).sid];
}

describe("setUserEnabled", () => {
  it("disabling ends all sessions, refuses API keys and logins, and is audited", async () => {
    const user = await makeUser({ prefix: "disable" });
    const sids = await twoSessions(user.email, user.password);
    const pair = await generateApiKeys(user.email);
    expect(await verifyApiKey(pair.api_key, pair.api_secret)).toBe(user.email); // now cached
    expect(await loadPrincipal(user.email)).not.toBeNull(); // now cached

    const result = await setUserEnabled(user.email, false, { actor: "admin@auth.test", meta: { requestId: "req-1", ip: "198.51.100.1" } });

    expect(result.sessionsEnded).toBe(2);
    for (const sid of sids) expect(await getSession(sid)).toBeNull();
    expect(await verifyApiKey(pair.api_key, pair.api_secret)).toBeNull();
    expect(await loadPrincipal(user.email)).toBeNull();
    await expect(login({ email: user.email, password: user.password, ip: uniqueIp() })).rejects.toMatchObject({ code: AppErrorCode.Unauthenticated });
    expect(await latestVersion(user.email)).toMatchObject({
      action: "update",
      owner: "admin@auth.test",
      requestId: "req-1",
      ip: "198.51.100.1",
      data: { changed: [["enabled", 1, 0]], added: [], removed: [], row_changed: [] },
    });
  });

  it("enabling again restores logins and API keys", async () => {
    const user = await makeUser({ prefix: "reenable" });
    const pair = await generateApiKeys(user.email);
    await setUserEnabled(user.email, false);
    expect(await verifyApiKey(pair.api_key, pair.api_secret)).toBeNull();
    await setUserEnabled(user.email, true);
    expect(await verifyApiKey(pair.api_key, pair.api_secret)).toBe(user.email);
    await expect(login({ email: user.email, password: user.password, ip: uniqueIp() })).resolves.toBeTruthy();
  });

  it("writes no audit row when nothing changes", async () => {
    const user = await makeUser({ prefix: "noop" });
    await setUserEnabled(user.email, true);
    expect(await latestVersion(user.email)).toBeUndefined();
  });

  it("fails with NotFound for an unknown user", async () => {
    await expect(setUserEnabled(uniqueEmail("ghost"), false)).rejects.toMatchObject({ code: AppErrorCode.NotFound });
  });
});

describe("setUserPassword", () => {
  it("ends all sessions, switches the password and audits it masked", async () => {
    const user = await makeUser({ prefix: "passwd" });
    const sids = await twoSessions(user.email, user.password);
    const newPassword = "a brand new passphrase";

    const result = await setUserPassword(user.email, newPassword, { actor: user.email });

    expect(result.sessionsEnded).toBe(2);
    for (const sid of sids) expect(await getSession(sid)).toBeNull();
    await expect(login({ email: user.email, password: user.password, ip: uniqueIp() })).rejects.toMatchObject({ code: AppErrorCode.Unauthenticated });
    await expect(login({ email: user.email, password: newPassword, ip: uniqueIp() })).resolves.toBeTruthy();
    const version = await latestVersion(user.email);
    expect(version).toMatchObject({ action: "update", owner: user.email, data: { changed: [["password", MASK, MASK]] } });
    expect(JSON.stringify(version)).not.toContain("argon2");
    expect(JSON.stringify(version)).not.toContain(newPassword);
  });

  it("keeps the user's API keys working (they are separate credentials, as in Frappe)", async () => {
    const user = await makeUser({ prefix: "passwd-keys" });
    const pair = await generateApiKeys(user.email);
    await setUserPassword(user.email, "another long passphrase");
    expect(await verifyApiKey(pair.api_key, pair.api_secret)).toBe(user.email);
  });

  it("rejects a too-short password without touching the user", async () => {
    const user = await makeUser({ prefix: "short" });
    await expect(setUserPassword(user.email, "short")).rejects.toMatchObject({ code: AppErrorCode.Validation });
    await expect(login({ email: user.email, password: user.password, ip: uniqueIp() })).resolves.toBeTruthy();
  });

  it("fails with NotFound for an unknown user", async () => {
    await expect(setUserPassword(uniqueEmail("ghost"), "long enough password")).rejects.toMatchObject({ code: AppErrorCode.NotFound });
  });
});
