import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { AppError } from "@orchestrator/db";
import { schema, unsafeSystemDb } from "@orchestrator/db/system";
import { asc, eq, inArray } from "drizzle-orm";
import { nowTimestamp } from "./clock";
import { getRedis } from "./redis";

/**
 * Frappe-style API keys: `Authorization: token <api_key>:<api_secret>`. The secret is shown once and
 * stored only as its SHA-256: it is 192 random bits, so a slow password hash would add nothing but
 * latency. Verification state is cached in Redis so a warm request runs no SQL:
 *
 *   apikey:<api_key>       JSON ApiKeyState (or { missing: true } for unknown keys, briefly)
 *   apikey-used:<api_key>       present for a minute after `last_used` was written
 *   apikey-last-used:<api_key>  when the key was last used (read by listApiKeys)
 */
interface ApiKeyState {
  user: string;
  secretHash: string;
  revoked: boolean;
  /** The owning user's `enabled`: a disabled user's keys are refused. */
  enabled: boolean;
}
type CachedApiKey = ApiKeyState | { missing: true };

const cacheKey = (apiKey: string) => `apikey:${apiKey}`;
const usedMarkerKey = (apiKey: string) => `apikey-used:${apiKey}`;
/** When the key was last used. Kept in Redis so an authenticated request never writes SQL for it. */
const lastUsedKey = (apiKey: string) => `apikey-last-used:${apiKey}`;
const CACHE_TTL_SECONDS = 300;
const MISSING_TTL_SECONDS = 60;
const LAST_USED_INTERVAL_SECONDS = 60;

export interface ApiKeyPair {
  api_key: string;
  api_secret: string;
}

export interface ApiKeyInfo {
  apiKey: string;
  label: string;
  creation: string;
  lastUsed: string | null;
  revokedAt: string | null;
}

export function hashApiSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** Keys and secrets are base64url; anything else is rejected before touching Redis or SQL. */
const wellFormedKey = /^[A-Za-z0-9_-]{8,64}$/;

/** Creates a key pair for `user`. The secret is in this return value only; store it now. */
export async function generateApiKeys(user: string, label = ""): Promise<ApiKeyPair> {
  const db = unsafeSystemDb();
  const [owner] = await db.select({ name: schema.users.name }).from(schema.users).where(eq(schema.users.name, user)).limit(1);
  if (!owner) throw AppError.notFound("User", user);
  const pair: ApiKeyPair = { api_key: randomBytes(12).toString("base64url"), api_secret: randomBytes(24).toString("base64url") };
  await db.insert(schema.apiKeys).values({ apiKey: pair.api_key, user: owner.name, secretHash: hashApiSecret(pair.api_secret), label: label.slice(0, 140), creation: nowTimestamp() });
  return pair;
}

function parseCached(raw: string | null): CachedApiKey | null {
  if (!raw) return null;
  try {
    return JSON.parse(raw) as CachedApiKey;
  } catch {
    return null;
  }
}

/** The verification state of each given key that exists, from the database (one query). */
async function readStates(apiKeys: readonly string[]): Promise<Map<string, ApiKeyState>> {
  const { apiKeys: table, users } = schema;
  const rows = await unsafeSystemDb()
    .select({ apiKey: table.apiKey, user: table.user, secretHash: table.secretHash, revokedAt: table.revokedAt, enabled: users.enabled })
    .from(table)
    .leftJoin(users, eq(users.name, table.user))
    .where(inArray(table.apiKey, [...apiKeys]));
  // A key whose user row is gone counts as disabled.
  return new Map(rows.map((r) => [r.apiKey, { user: r.user, secretHash: r.secretHash, revoked: r.revokedAt !== null, enabled: r.enabled === true }]));
}

function secretMatches(secret: string, expectedHex: string): boolean {
  const actual = Buffer.from(hashApiSecret(secret), "hex");
  const expected = Buffer.from(expectedHex, "hex");
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** The user the key pair belongs to, or null (unknown key, wrong secret, revoked key, disabled user). */
export async function verifyApiKey(apiKey: string, apiSecret: string): Promise<string | null> {
  if (!wellFormedKey.test(apiKey) || !apiSecret || apiSecret.length > 256) return null;
  const redis = getRedis();
  // One round trip: the cached state, and a claim on "write last_used" for this minute.
  const replies = (await redis.pipeline().get(cacheKey(apiKey)).set(usedMarkerKey(apiKey), "1", "EX", LAST_USED_INTERVAL_SECONDS, "NX").exec()) ?? [];
  const [cacheReply, markerReply] = replies;
  if (cacheReply?.[0]) throw cacheReply[0];
  const claimedLastUsed = markerReply?.[1] === "OK";

  let state = parseCached((cacheReply?.[1] as string | null) ?? null);
  if (!state) {
    const fromDb = (await readStates([apiKey])).get(apiKey) ?? null;
    state = fromDb ?? { missing: true };
    // NX: a revoke or disable that overwrote the entry meanwhile must win over this (possibly older) read.
    await redis.set(cacheKey(apiKey), JSON.stringify(state), "EX", fromDb ? CACHE_TTL_SECONDS : MISSING_TTL_SECONDS, "NX");
  }

  const owner = "missing" in state || state.revoked || !state.enabled || !secretMatches(apiSecret, state.secretHash) ? null : state.user;
  if (!owner) {
    // A failed attempt must not use up the minute's last_used write of the key's real owner.
    if (claimedLastUsed) await redis.del(usedMarkerKey(apiKey));
    return null;
  }
  if (claimedLastUsed) await redis.set(lastUsedKey(apiKey), nowTimestamp());
  return owner;
}

/**
 * Rewrites the cache entries of the given keys from the database. Overwriting (rather than deleting)
 * means a concurrent cache fill that read the old state cannot put it back: fills only write if absent.
 */
async function refreshCache(apiKeys: readonly string[]): Promise<void> {
  if (!apiKeys.length) return;
  const states = await readStates(apiKeys);
  const pipeline = getRedis().pipeline();
  for (const apiKey of apiKeys) {
    const state = states.get(apiKey);
    if (state) pipeline.set(cacheKey(apiKey), JSON.stringify(state), "EX", CACHE_TTL_SECONDS);
    else pipeline.del(cacheKey(apiKey));
  }
  await pipeline.exec();
}

/** Revokes a key; effective at once, also for cached entries. Returns false for an unknown key. */
export async function revokeApiKey(apiKey: string): Promise<boolean> {
  const db = unsafeSystemDb();
  const [row] = await db.select({ revokedAt: schema.apiKeys.revokedAt }).from(schema.apiKeys).where(eq(schema.apiKeys.apiKey, apiKey)).limit(1);
  if (!row) return false;
  if (row.revokedAt === null) await db.update(schema.apiKeys).set({ revokedAt: nowTimestamp() }).where(eq(schema.apiKeys.apiKey, apiKey));
  await refreshCache([apiKey]);
  return true;
}

/** Re-reads every cached key of `user` (their `enabled` changed). */
export async function refreshUserApiKeys(user: string): Promise<void> {
  const rows = await unsafeSystemDb().select({ apiKey: schema.apiKeys.apiKey }).from(schema.apiKeys).where(eq(schema.apiKeys.user, user));
  await refreshCache(rows.map((r) => r.apiKey));
}

/** The user's keys, oldest first, without secrets or hashes. */
export async function listApiKeys(user: string): Promise<ApiKeyInfo[]> {
  const { apiKeys } = schema;
  const rows = await unsafeSystemDb()
    .select({ apiKey: apiKeys.apiKey, label: apiKeys.label, creation: apiKeys.creation, lastUsed: apiKeys.lastUsed, revokedAt: apiKeys.revokedAt })
    .from(apiKeys)
    .where(eq(apiKeys.user, user))
    .orderBy(asc(apiKeys.creation), asc(apiKeys.apiKey));
  if (!rows.length) return rows;
  const used = await getRedis().mget(rows.map((r) => lastUsedKey(r.apiKey)));
  return rows.map((r, i) => ({ ...r, lastUsed: used[i] ?? r.lastUsed }));
}
