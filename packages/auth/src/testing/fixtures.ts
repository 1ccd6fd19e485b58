import { randomBytes } from "node:crypto";
import { closeDatabase, schema, unsafeSystemDb } from "@orchestrator/db/system";
import { createUser, seedAccessModel } from "@orchestrator/db/testing";
import { eq } from "drizzle-orm";
import { hashPassword } from "../password";
import { closeRedis } from "../redis";

/**
 * Integration-test helpers. All test files share one throwaway database and Redis db per run, so
 * every test makes its own users (unique emails) and uses its own client IPs.
 */
export const TEST_PASSWORD = "correct horse battery staple";

let testPasswordHash: Promise<string> | undefined;

export async function seedAccess(): Promise<void> {
  await seedAccessModel(unsafeSystemDb());
}

export function uniqueEmail(prefix = "user"): string {
  return `${prefix}-${randomBytes(5).toString("hex")}@auth.test`;
}

export function uniqueIp(): string {
  const b = randomBytes(3);
  return `10.${b[0]}.${b[1]}.${b[2]}`;
}

export interface TestUser {
  email: string;
  password: string;
}

export async function makeUser(input: { prefix?: string; roles?: string[]; departments?: string[]; fullName?: string; password?: string } = {}): Promise<TestUser> {
  const email = uniqueEmail(input.prefix);
  const password = input.password ?? TEST_PASSWORD;
  testPasswordHash ??= hashPassword(TEST_PASSWORD);
  const passwordHash = password === TEST_PASSWORD ? await testPasswordHash : await hashPassword(password);
  await createUser(unsafeSystemDb(), {
    email,
    fullName: input.fullName ?? `Test ${input.prefix ?? "User"}`,
    passwordHash,
    roles: input.roles ?? ["Medical Staff"],
    departments: input.departments ?? ["Medical"],
  });
  return { email, password };
}

/** Flips `enabled` behind the auth package's back (no cache invalidation), to test defence in depth. */
export async function setEnabledDirectly(user: string, enabled: boolean): Promise<void> {
  await unsafeSystemDb().update(schema.users).set({ enabled }).where(eq(schema.users.name, user));
}

/** For afterAll: vitest only exits once the pools are closed. */
export async function closeConnections(): Promise<void> {
  await closeRedis();
  await closeDatabase();
}
