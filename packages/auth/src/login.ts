import { AppError, AppErrorCode } from "@orchestrator/db";
import { schema, unsafeSystemDb } from "@orchestrator/db/system";
import { eq } from "drizzle-orm";
import { nowTimestamp } from "./clock";
import { MAX_PASSWORD_LENGTH, hashPassword, verifyPassword } from "./password";
import { accountKey, getLoginLimiter, type LoginLimiter } from "./rate-limit";
import { createSession, revokeSession, type SessionOptions } from "./sessions";

export interface LoginInput {
  /** The login name: the user's email, matched case-insensitively. */
  email: string;
  password: string;
  ip?: string | null | undefined;
  userAgent?: string | null | undefined;
}

export interface LoginResult {
  sid: string;
  user: { name: string; email: string; fullName: string };
}

export interface LoginOptions {
  limiter?: LoginLimiter;
  sessions?: SessionOptions;
}

/** One message for every failure, so a caller cannot tell which accounts exist or are disabled. */
export const INVALID_CREDENTIALS = "Invalid login credentials";

/**
 * A valid hash of a random string, verified against when the user is unknown so that a login for a
 * missing account takes as long as one with a wrong password (no enumeration through timing).
 */
let dummyHash: Promise<string> | undefined;
function timingDummyHash(): Promise<string> {
  dummyHash ??= hashPassword(`no-such-user-${Math.random()}`);
  return dummyHash;
}

/**
 * Checks the credentials and opens a session. The rate limits are checked before the password is,
 * so a blocked account costs no hashing; every failure (unknown user, wrong password, disabled user)
 * counts against them and fails with the same error.
 */
export async function login(input: LoginInput, options: LoginOptions = {}): Promise<LoginResult> {
  const limiter = options.limiter ?? getLoginLimiter();
  const email = accountKey(input.email);
  await limiter.assertNotBlocked(email, input.ip);

  const { users } = schema;
  const db = unsafeSystemDb();
  const [user] = email
    ? await db.select({ name: users.name, email: users.email, fullName: users.fullName, passwordHash: users.passwordHash, enabled: users.enabled }).from(users).where(eq(users.email, email)).limit(1)
    : [];
  const storedHash = user?.passwordHash ?? null;
  // Over-long inputs are treated as wrong rather than hashed: the hashing work would be the caller's choice.
  const password = input.password.length <= MAX_PASSWORD_LENGTH ? input.password : "";
  // Exactly one argon2 verification on every path, even when there is nothing to verify against.
  const verified = await verifyPassword(storedHash ?? (await timingDummyHash()), password);
  const passwordOk = storedHash !== null && password !== "" && verified;

  if (!user || !user.enabled || !passwordOk) {
    await limiter.recordFailure(email, input.ip);
    throw new AppError(AppErrorCode.Unauthenticated, INVALID_CREDENTIALS);
  }

  await limiter.recordSuccess(email);
  // last_login is bookkeeping, not an edit: `modified` stays, as in Frappe.
  await db.update(users).set({ lastLogin: nowTimestamp() }).where(eq(users.name, user.name));
  const sid = await createSession(user.name, { ip: input.ip, userAgent: input.userAgent }, options.sessions);
  return { sid, user: { name: user.name, email: user.email, fullName: user.fullName } };
}

/** Ends the session. Unknown or already ended sessions are fine (logout is idempotent). */
export async function logout(sid: string): Promise<void> {
  await revokeSession(sid);
}
