import { AppError, AppErrorCode } from "@orchestrator/db";
import { schema, unsafeSystemDb } from "@orchestrator/db/system";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INVALID_CREDENTIALS, login, logout } from "./login";
import { getSession } from "./sessions";
import { closeConnections, makeUser, seedAccess, setEnabledDirectly, uniqueEmail, uniqueIp } from "./testing/fixtures";

beforeAll(seedAccess);
afterAll(closeConnections);

async function loginError(input: Parameters<typeof login>[0]): Promise<AppError> {
  try {
    await login(input);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("login unexpectedly succeeded");
}

describe("login", () => {
  it("opens a session and records last_login", async () => {
    const user = await makeUser({ prefix: "ok", fullName: "Olive Okay" });
    const result = await login({ email: user.email, password: user.password, ip: uniqueIp(), userAgent: "vitest" });
    expect(result.user).toEqual({ name: user.email, email: user.email, fullName: "Olive Okay" });
    expect((await getSession(result.sid))?.user).toBe(user.email);
    const [row] = await unsafeSystemDb().select({ lastLogin: schema.users.lastLogin }).from(schema.users).where(eq(schema.users.name, user.email));
    expect(row?.lastLogin).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);
  });

  it("matches the email case-insensitively", async () => {
    const user = await makeUser({ prefix: "case" });
    const result = await login({ email: `  ${user.email.toUpperCase()} `, password: user.password, ip: uniqueIp() });
    expect(result.user.name).toBe(user.email);
  });

  it("fails wrong password, unknown user and disabled user with one identical error", async () => {
    const user = await makeUser({ prefix: "wrong" });
    const disabled = await makeUser({ prefix: "disabled" });
    await setEnabledDirectly(disabled.email, false);
    const errors = [
      await loginError({ email: user.email, password: "not the password", ip: uniqueIp() }),
      await loginError({ email: uniqueEmail("nobody"), password: "whatever-password", ip: uniqueIp() }),
      await loginError({ email: disabled.email, password: disabled.password, ip: uniqueIp() }),
      await loginError({ email: user.email, password: "x".repeat(5000), ip: uniqueIp() }),
    ];
    for (const error of errors) {
      expect(error.code).toBe(AppErrorCode.Unauthenticated);
      expect(error.message).toBe(INVALID_CREDENTIALS);
    }
  });

  it("logout ends the session", async () => {
    const user = await makeUser({ prefix: "logout" });
    const { sid } = await login({ email: user.email, password: user.password, ip: uniqueIp() });
    await logout(sid);
    expect(await getSession(sid)).toBeNull();
    await expect(logout(sid)).resolves.toBeUndefined();
  });
});

describe("login rate limits", () => {
  it("blocks an account after 5 failures, even with the right password and from new IPs", async () => {
    const user = await makeUser({ prefix: "acct-limit" });
    for (let i = 0; i < 5; i++) {
      const error = await loginError({ email: user.email, password: `wrong-${i}`, ip: uniqueIp() });
      expect(error.code).toBe(AppErrorCode.Unauthenticated);
    }
    const blocked = await loginError({ email: user.email.toUpperCase(), password: user.password, ip: uniqueIp() });
    expect(blocked.code).toBe(AppErrorCode.RateLimited);
    expect(blocked.retryAfter).toBeGreaterThan(0);
    expect(blocked.retryAfter).toBeLessThanOrEqual(15 * 60);
  });

  it("a successful login resets the account counter", async () => {
    const user = await makeUser({ prefix: "reset" });
    for (let i = 0; i < 4; i++) await loginError({ email: user.email, password: "wrong-password", ip: uniqueIp() });
    await login({ email: user.email, password: user.password, ip: uniqueIp() });
    for (let i = 0; i < 4; i++) await loginError({ email: user.email, password: "wrong-password", ip: uniqueIp() });
    // 8 failures in the window: only passes because the success in the middle reset the count.
    await expect(login({ email: user.email, password: user.password, ip: uniqueIp() })).resolves.toMatchObject({ user: { name: user.email } });
  });

  it("blocks an IP after 20 failures across accounts, unknown ones included", async () => {
    const ip = uniqueIp();
    const victim = await makeUser({ prefix: "ip-limit" });
    for (let i = 0; i < 20; i++) {
      const error = await loginError({ email: uniqueEmail("spray"), password: "password-guess", ip });
      expect(error.code).toBe(AppErrorCode.Unauthenticated);
    }
    const blocked = await loginError({ email: victim.email, password: victim.password, ip });
    expect(blocked.code).toBe(AppErrorCode.RateLimited);
    expect(blocked.retryAfter).toBeGreaterThan(0);
    // The account itself is not blocked: from another IP it signs in.
    await expect(login({ email: victim.email, password: victim.password, ip: uniqueIp() })).resolves.toBeTruthy();
  });

  it("counts a disabled user's attempts against the account limit", async () => {
    const user = await makeUser({ prefix: "disabled-limit" });
    await setEnabledDirectly(user.email, false);
    for (let i = 0; i < 5; i++) await loginError({ email: user.email, password: user.password, ip: uniqueIp() });
    expect((await loginError({ email: user.email, password: user.password, ip: uniqueIp() })).code).toBe(AppErrorCode.RateLimited);
  });
});
