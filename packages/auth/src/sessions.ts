import { randomBytes } from "node:crypto";
import { env } from "./env";
import { getRedis } from "./redis";

/**
 * Server-side sessions in Redis, so any of them can be ended at once (logout, disable, password change).
 *   sess:<sid>        JSON StoredSession, TTL = idle timeout (capped by what is left of the absolute limit)
 *   user-sess:<user>  set of that user's sids, to end them all
 */
export interface SessionMeta {
  ip?: string | null | undefined;
  userAgent?: string | null | undefined;
}

interface StoredSession {
  user: string;
  /** Epoch milliseconds. */
  createdAt: number;
  lastSeenAt: number;
  ip: string | null;
  ua: string | null;
}

export interface Session extends StoredSession {
  sid: string;
}

/** Overrides for tests (and callers with special needs); every field defaults to the env settings. */
export interface SessionOptions {
  idleSeconds?: number;
  absoluteSeconds?: number;
  /** `lastSeenAt` and the TTL are refreshed at most this often, so a busy session costs one GET per request. */
  touchIntervalSeconds?: number;
  /** Clock in epoch milliseconds. */
  now?: () => number;
}

const DEFAULT_TOUCH_INTERVAL_SECONDS = 5;
const sessionKey = (sid: string) => `sess:${sid}`;
const userSessionsKey = (user: string) => `user-sess:${user}`;

function settings(options: SessionOptions = {}) {
  return {
    idleMs: (options.idleSeconds ?? env.SESSION_IDLE_MINUTES * 60) * 1000,
    absoluteMs: (options.absoluteSeconds ?? env.SESSION_ABSOLUTE_HOURS * 3600) * 1000,
    touchMs: (options.touchIntervalSeconds ?? DEFAULT_TOUCH_INTERVAL_SECONDS) * 1000,
    now: options.now ?? Date.now,
  };
}

/** How long the session may live in Redis from `now`: the idle timeout, but never past the absolute limit. */
function ttlSeconds(session: StoredSession, now: number, idleMs: number, absoluteMs: number): number {
  const remainingAbsolute = session.createdAt + absoluteMs - now;
  return Math.max(1, Math.ceil(Math.min(idleMs, remainingAbsolute) / 1000));
}

/** The session's absolute lifetime in seconds (for cookie Max-Age). */
export function sessionMaxAgeSeconds(options: SessionOptions = {}): number {
  return Math.floor(settings(options).absoluteMs / 1000);
}

/** Session ids are 32 random bytes, base64url: unguessable and cookie-safe. */
function newSid(): string {
  return randomBytes(32).toString("base64url");
}

/** Plausible sid shape check before touching Redis (cookies are attacker-controlled input). */
export function isWellFormedSid(sid: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(sid);
}

export async function createSession(user: string, meta: SessionMeta = {}, options: SessionOptions = {}): Promise<string> {
  const { idleMs, absoluteMs, now } = settings(options);
  const at = now();
  const sid = newSid();
  const session: StoredSession = { user, createdAt: at, lastSeenAt: at, ip: meta.ip ?? null, ua: meta.userAgent?.slice(0, 256) ?? null };
  const redis = getRedis();
  await redis
    .multi()
    .set(sessionKey(sid), JSON.stringify(session), "EX", ttlSeconds(session, at, idleMs, absoluteMs))
    .sadd(userSessionsKey(user), sid)
    // The index outlives every session in it; each login pushes it forward.
    .expire(userSessionsKey(user), Math.ceil(absoluteMs / 1000))
    .exec();
  await pruneUserSessions(user);
  return sid;
}

/** Drops sids of sessions that already expired from the user's index, so it does not grow with every login. */
async function pruneUserSessions(user: string): Promise<void> {
  const redis = getRedis();
  const sids = await redis.smembers(userSessionsKey(user));
  if (sids.length < 2) return;
  const pipeline = redis.pipeline();
  for (const sid of sids) pipeline.exists(sessionKey(sid));
  const results = (await pipeline.exec()) ?? [];
  const gone = sids.filter((_, i) => results[i]?.[1] === 0);
  if (gone.length) await redis.srem(userSessionsKey(user), ...gone);
}

function parseSession(raw: string): StoredSession | null {
  try {
    const value = JSON.parse(raw) as Partial<StoredSession>;
    if (typeof value.user !== "string" || typeof value.createdAt !== "number" || typeof value.lastSeenAt !== "number") return null;
    return { user: value.user, createdAt: value.createdAt, lastSeenAt: value.lastSeenAt, ip: value.ip ?? null, ua: value.ua ?? null };
  } catch {
    return null;
  }
}

/**
 * The live session for `sid`, or null when it does not exist, was idle too long or is older than the
 * absolute limit (then it is deleted). A live session is touched at most once per touch interval.
 */
export async function getSession(sid: string, options: SessionOptions = {}): Promise<Session | null> {
  if (!isWellFormedSid(sid)) return null;
  const { idleMs, absoluteMs, touchMs, now } = settings(options);
  const redis = getRedis();
  const raw = await redis.get(sessionKey(sid));
  if (!raw) return null;
  const stored = parseSession(raw);
  const at = now();
  if (!stored || at - stored.lastSeenAt > idleMs || at - stored.createdAt > absoluteMs) {
    await revokeSession(sid);
    return null;
  }
  if (at - stored.lastSeenAt >= touchMs) {
    const touched: StoredSession = { ...stored, lastSeenAt: at };
    // XX: never resurrect a session revoked between our GET and this SET.
    await redis.set(sessionKey(sid), JSON.stringify(touched), "EX", ttlSeconds(touched, at, idleMs, absoluteMs), "XX");
    return { sid, ...touched };
  }
  return { sid, ...stored };
}

/** Ends one session. Returns whether it existed. */
export async function revokeSession(sid: string): Promise<boolean> {
  if (!isWellFormedSid(sid)) return false;
  const redis = getRedis();
  const raw = await redis.get(sessionKey(sid));
  const deleted = await redis.del(sessionKey(sid));
  const stored = raw ? parseSession(raw) : null;
  if (stored) await redis.srem(userSessionsKey(stored.user), sid);
  return deleted > 0;
}

/** Ends every session of `user` (logout everywhere, disable, password change). Returns how many were live. */
export async function revokeUserSessions(user: string): Promise<number> {
  const redis = getRedis();
  const sids = await redis.smembers(userSessionsKey(user));
  const pipeline = redis.pipeline();
  for (const sid of sids) pipeline.del(sessionKey(sid));
  pipeline.del(userSessionsKey(user));
  const results = (await pipeline.exec()) ?? [];
  return results.slice(0, sids.length).filter(([, deleted]) => deleted === 1).length;
}

/** The user's live sessions (for a "where am I signed in" page). */
export async function listUserSessions(user: string): Promise<Session[]> {
  const redis = getRedis();
  const sids = await redis.smembers(userSessionsKey(user));
  if (!sids.length) return [];
  const raws = await redis.mget(...sids.map(sessionKey));
  const sessions: Session[] = [];
  sids.forEach((sid, i) => {
    const stored = raws[i] ? parseSession(raws[i]) : null;
    if (stored) sessions.push({ sid, ...stored });
  });
  return sessions;
}
