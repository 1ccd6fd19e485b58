import { randomUUID } from "node:crypto";
import { AppError, MASK, nextTimestamp, type Executor, type RequestMeta, type VersionData } from "@orchestrator/db";
import { schema, unsafeSystemDb } from "@orchestrator/db/system";
import { eq } from "drizzle-orm";
import { refreshUserApiKeys } from "./api-keys";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, hashPassword } from "./password";
import { invalidatePrincipal } from "./principal";
import { revokeUserSessions } from "./sessions";

/**
 * Account administration that must also end access at once. These write through the unscoped client
 * (auth is system-level), so they write their own audit row, in the same transaction and in the
 * data layer's Version shape.
 */
export interface UserAdminOptions {
  /** Who made the change (the audit row's owner); `system` when not given. */
  actor?: string;
  meta?: RequestMeta;
}

function versionData(changed: [string, unknown, unknown][]): VersionData {
  return { changed, added: [], removed: [], row_changed: [] };
}

/** Locks the user row for the transaction; NotFound when there is no such user. */
async function lockUser(tx: Executor, user: string) {
  const [row] = await tx.select({ enabled: schema.users.enabled, modified: schema.users.modified }).from(schema.users).where(eq(schema.users.name, user)).for("update");
  if (!row) throw AppError.notFound("User", user);
  return row;
}

async function writeUserVersion(tx: Executor, user: string, data: VersionData, at: string, options: UserAdminOptions): Promise<void> {
  await tx.insert(schema.versions).values({
    name: randomUUID(),
    refDoctype: "User",
    docname: user,
    action: "update",
    data,
    owner: options.actor ?? "system",
    creation: at,
    requestId: options.meta?.requestId ?? null,
    ip: options.meta?.ip ?? null,
  });
}

/** Sets a new password and ends every session of the user. Returns how many sessions were ended. */
export async function setUserPassword(user: string, newPassword: string, options: UserAdminOptions = {}): Promise<{ sessionsEnded: number }> {
  if (newPassword.length < MIN_PASSWORD_LENGTH || newPassword.length > MAX_PASSWORD_LENGTH) {
    throw AppError.validation([{ field: "new_password", message: `must be ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters` }]);
  }
  const passwordHash = await hashPassword(newPassword);
  await unsafeSystemDb().transaction(async (tx) => {
    const row = await lockUser(tx, user);
    const at = nextTimestamp(row.modified);
    await tx.update(schema.users).set({ passwordHash, modified: at, modifiedBy: options.actor ?? "system" }).where(eq(schema.users.name, user));
    // The password itself never reaches the audit trail, not even hashed.
    await writeUserVersion(tx, user, versionData([["password", MASK, MASK]]), at, options);
  });
  return { sessionsEnded: await revokeUserSessions(user) };
}

/**
 * Enables or disables a user. Disabling ends all their sessions and refuses their API keys at once;
 * either way the cached principal and API key states are refreshed. Returns how many sessions ended.
 */
export async function setUserEnabled(user: string, enabled: boolean, options: UserAdminOptions = {}): Promise<{ sessionsEnded: number }> {
  await unsafeSystemDb().transaction(async (tx) => {
    const row = await lockUser(tx, user);
    if (row.enabled === enabled) return;
    const at = nextTimestamp(row.modified);
    await tx.update(schema.users).set({ enabled, modified: at, modifiedBy: options.actor ?? "system" }).where(eq(schema.users.name, user));
    await writeUserVersion(tx, user, versionData([["enabled", row.enabled ? 1 : 0, enabled ? 1 : 0]]), at, options);
  });
  // Even when nothing changed, a disable leaves no session alive (idempotent retry after a partial failure).
  const sessionsEnded = enabled ? 0 : await revokeUserSessions(user);
  await invalidatePrincipal(user);
  await refreshUserApiKeys(user);
  return { sessionsEnded };
}
