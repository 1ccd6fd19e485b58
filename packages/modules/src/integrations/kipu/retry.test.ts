import { describe, expect, it } from "vitest";
import { abortableSleep, createLimiter, fullJitterDelay, parseRetryAfter } from "./retry";

describe("full jitter backoff", () => {
  const policy = { baseDelayMs: 100, maxDelayMs: 1000 };
  it("grows the ceiling exponentially up to the cap", () => {
    expect([0, 1, 2, 3, 4, 10].map((n) => fullJitterDelay(n, policy, () => 0.999999))).toEqual([99, 199, 399, 799, 999, 999]);
  });
  it("draws uniformly below the ceiling", () => {
    expect(fullJitterDelay(3, policy, () => 0)).toBe(0);
    expect(fullJitterDelay(3, policy, () => 0.5)).toBe(400);
  });
});

describe("Retry-After", () => {
  const now = Date.parse("2025-01-01T00:00:00Z");
  it("reads seconds and HTTP dates", () => {
    expect(parseRetryAfter("7", now)).toBe(7000);
    expect(parseRetryAfter(" 0 ", now)).toBe(0);
    expect(parseRetryAfter("Wed, 01 Jan 2025 00:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("Tue, 31 Dec 2024 23:00:00 GMT", now)).toBe(0);
  });
  it("ignores absent or unreadable values", () => {
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter("soon", now)).toBeNull();
    expect(parseRetryAfter("-5", now)).toBeNull();
  });
});

describe("limiter", () => {
  it("never runs more than max tasks at once and runs them all", async () => {
    const limit = createLimiter(3);
    let running = 0;
    let peak = 0;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        limit.run(async () => {
          running += 1;
          peak = Math.max(peak, running);
          await new Promise((r) => setTimeout(r, 2));
          running -= 1;
          return i;
        }),
      ),
    );
    expect(peak).toBe(3);
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(limit.active).toBe(0);
  });

  it("frees the slot when a task fails", async () => {
    const limit = createLimiter(1);
    await expect(limit.run(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(limit.run(() => Promise.resolve(1))).resolves.toBe(1);
  });

  it("refuses a silly concurrency", () => {
    expect(() => createLimiter(0)).toThrow(RangeError);
  });
});

describe("abortableSleep", () => {
  it("rejects with the abort reason", async () => {
    const ctrl = new AbortController();
    const p = abortableSleep(10_000, ctrl.signal);
    ctrl.abort(new Error("stop"));
    await expect(p).rejects.toThrow("stop");
  });
});
