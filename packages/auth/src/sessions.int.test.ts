import { afterAll, describe, expect, it } from "vitest";
import { getRedis } from "./redis";
import { createSession, getSession, listUserSessions, revokeSession, revokeUserSessions } from "./sessions";
import { closeConnections, uniqueEmail } from "./testing/fixtures";

afterAll(closeConnections);

/** A clock the test moves by hand, so timeouts are tested without sleeping. */
function manualClock(start = Date.now()) {
  let now = start;
  return { now: () => now, advance: (seconds: number) => (now += seconds * 1000) };
}

describe("sessions", () => {
  it("stores the user and request metadata under a random 32-byte sid", async () => {
    const user = uniqueEmail("sess");
    const sid = await createSession(user, { ip: "203.0.113.5", userAgent: "vitest" });
    expect(Buffer.from(sid, "base64url")).toHaveLength(32);
    const session = await getSession(sid);
    expect(session).toMatchObject({ sid, user, ip: "203.0.113.5", ua: "vitest" });
    expect(await getRedis().sismember(`user-sess:${user}`, sid)).toBe(1);
  });

  it("sets the Redis TTL to the idle timeout", async () => {
    const sid = await createSession(uniqueEmail("ttl"), {}, { idleSeconds: 120, absoluteSeconds: 3600 });
    const ttl = await getRedis().ttl(`sess:${sid}`);
    expect(ttl).toBeGreaterThan(100);
    expect(ttl).toBeLessThanOrEqual(120);
  });

  it("expires after the idle timeout and deletes the session", async () => {
    const clock = manualClock();
    const options = { idleSeconds: 60, absoluteSeconds: 3600, now: clock.now };
    const sid = await createSession(uniqueEmail("idle"), {}, options);
    clock.advance(59);
    expect(await getSession(sid, options)).not.toBeNull();
    clock.advance(61);
    expect(await getSession(sid, options)).toBeNull();
    expect(await getRedis().exists(`sess:${sid}`)).toBe(0);
  });

  it("activity keeps a session alive, up to the absolute limit", async () => {
    const clock = manualClock();
    const options = { idleSeconds: 60, absoluteSeconds: 300, now: clock.now };
    const sid = await createSession(uniqueEmail("abs"), {}, options);
    for (let t = 50; t <= 300; t += 50) {
      clock.advance(50);
      expect(await getSession(sid, options), `alive at ${t}s`).not.toBeNull();
    }
    clock.advance(1);
    expect(await getSession(sid, options)).toBeNull();
    expect(await getRedis().exists(`sess:${sid}`)).toBe(0);
  });

  it("never lets the TTL run past the absolute limit", async () => {
    const clock = manualClock();
    const options = { idleSeconds: 600, absoluteSeconds: 3600, now: clock.now };
    const sid = await createSession(uniqueEmail("cap"), {}, options);
    for (let i = 0; i < 7; i++) {
      clock.advance(500);
      expect(await getSession(sid, options)).not.toBeNull();
    }
    // 3500 s in: 100 s of absolute lifetime left, less than the 600 s idle timeout.
    expect(await getRedis().ttl(`sess:${sid}`)).toBeLessThanOrEqual(100);
  });

  it("touches lastSeenAt at most once per touch interval", async () => {
    const clock = manualClock();
    const options = { idleSeconds: 60, absoluteSeconds: 3600, touchIntervalSeconds: 5, now: clock.now };
    const sid = await createSession(uniqueEmail("touch"), {}, options);
    const created = (await getSession(sid, options))!.lastSeenAt;
    clock.advance(2);
    await getSession(sid, options);
    const stored = JSON.parse((await getRedis().get(`sess:${sid}`))!) as { lastSeenAt: number };
    expect(stored.lastSeenAt).toBe(created);
    clock.advance(4);
    expect((await getSession(sid, options))!.lastSeenAt).toBe(created + 6000);
  });

  it("revokes one session", async () => {
    const user = uniqueEmail("revoke");
    const sid = await createSession(user);
    expect(await revokeSession(sid)).toBe(true);
    expect(await getSession(sid)).toBeNull();
    expect(await getRedis().sismember(`user-sess:${user}`, sid)).toBe(0);
    expect(await revokeSession(sid)).toBe(false);
  });

  it("revokes all sessions of one user and no one else's", async () => {
    const user = uniqueEmail("all");
    const other = uniqueEmail("other");
    const sids = [await createSession(user), await createSession(user)];
    const otherSid = await createSession(other);
    expect((await listUserSessions(user)).map((s) => s.sid).sort()).toEqual([...sids].sort());
    expect(await revokeUserSessions(user)).toBe(2);
    for (const sid of sids) expect(await getSession(sid)).toBeNull();
    expect(await getSession(otherSid)).not.toBeNull();
  });

  it("prunes expired sessions from the user's index on login", async () => {
    const user = uniqueEmail("prune");
    const stale = await createSession(user);
    await getRedis().del(`sess:${stale}`); // as if its TTL ran out
    const fresh = await createSession(user);
    expect(await getRedis().smembers(`user-sess:${user}`)).toEqual([fresh]);
  });

  it("returns null for unknown and malformed sids", async () => {
    expect(await getSession("A".repeat(43))).toBeNull();
    expect(await getSession("../../etc")).toBeNull();
    expect(await getSession("")).toBeNull();
  });
});
