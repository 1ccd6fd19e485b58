import { AppErrorCode, countStatements } from "@orchestrator/db";
import { schema, unsafeSystemDb } from "@orchestrator/db/system";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateApiKeys, hashApiSecret, listApiKeys, revokeApiKey, verifyApiKey } from "./api-keys";
import { getRedis } from "./redis";
import { closeConnections, makeUser, seedAccess, uniqueEmail } from "./testing/fixtures";

beforeAll(seedAccess);
afterAll(closeConnections);

async function storedRow(apiKey: string) {
  const [row] = await unsafeSystemDb().select().from(schema.apiKeys).where(eq(schema.apiKeys.apiKey, apiKey));
  return row;
}

describe("API keys", () => {
  it("generates url-safe keys and stores only the secret's SHA-256", async () => {
    const user = await makeUser({ prefix: "keys" });
    const pair = await generateApiKeys(user.email, "integration");
    expect(pair.api_key).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(pair.api_secret).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const row = await storedRow(pair.api_key);
    expect(row).toMatchObject({ user: user.email, label: "integration", secretHash: hashApiSecret(pair.api_secret) });
    expect(row!.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(pair.api_secret);
  });

  it("refuses to make keys for an unknown user", async () => {
    await expect(generateApiKeys(uniqueEmail("nobody"))).rejects.toMatchObject({ code: AppErrorCode.NotFound });
  });

  it("verifies the right pair only", async () => {
    const user = await makeUser({ prefix: "verify" });
    const pair = await generateApiKeys(user.email);
    expect(await verifyApiKey(pair.api_key, pair.api_secret)).toBe(user.email);
    expect(await verifyApiKey(pair.api_key, `${pair.api_secret}x`)).toBeNull();
    expect(await verifyApiKey("unknownkey123456", pair.api_secret)).toBeNull();
    expect(await verifyApiKey("bad key!", pair.api_secret)).toBeNull();
  });

  it("runs no SQL on a warm verification", async () => {
    const user = await makeUser({ prefix: "warm" });
    const pair = await generateApiKeys(user.email);
    const cold = await countStatements(() => verifyApiKey(pair.api_key, pair.api_secret));
    expect(cold.result).toBe(user.email);
    expect(cold.statements).toBeGreaterThan(0);
    const warm = await countStatements(() => verifyApiKey(pair.api_key, pair.api_secret));
    expect(warm.result).toBe(user.email);
    expect(warm.statements).toBe(0);
  });

  it("records last_used at most once a minute, in Redis (no SQL on the request), and not for failed attempts", async () => {
    const user = await makeUser({ prefix: "lastused" });
    const pair = await generateApiKeys(user.email);
    const lastUsed = async () => (await listApiKeys(user.email)).find((k) => k.apiKey === pair.api_key)!.lastUsed;
    await verifyApiKey(pair.api_key, "wrong-secret-wrong-secret");
    expect(await lastUsed()).toBeNull();
    await verifyApiKey(pair.api_key, pair.api_secret);
    const first = await lastUsed();
    expect(first).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const again = await countStatements(() => verifyApiKey(pair.api_key, pair.api_secret));
    expect(again.statements).toBe(0);
    expect(await lastUsed()).toBe(first);
    expect(await getRedis().ttl(`apikey-used:${pair.api_key}`)).toBeGreaterThan(50);
  });

  it("revocation takes effect at once, even while the key is cached", async () => {
    const user = await makeUser({ prefix: "revoke" });
    const pair = await generateApiKeys(user.email);
    expect(await verifyApiKey(pair.api_key, pair.api_secret)).toBe(user.email);
    expect(await getRedis().exists(`apikey:${pair.api_key}`)).toBe(1);
    expect(await revokeApiKey(pair.api_key)).toBe(true);
    expect(await verifyApiKey(pair.api_key, pair.api_secret)).toBeNull();
    expect((await storedRow(pair.api_key))!.revokedAt).not.toBeNull();
    expect(await revokeApiKey("neverexisted1234")).toBe(false);
  });

  it("lists a user's keys without secrets or hashes", async () => {
    const user = await makeUser({ prefix: "list" });
    const a = await generateApiKeys(user.email, "first");
    const b = await generateApiKeys(user.email, "second");
    await revokeApiKey(a.api_key);
    const keys = await listApiKeys(user.email);
    expect(keys.map((k) => k.apiKey).sort()).toEqual([a.api_key, b.api_key].sort());
    expect(keys.find((k) => k.apiKey === a.api_key)?.revokedAt).not.toBeNull();
    expect(keys.find((k) => k.apiKey === b.api_key)).toMatchObject({ label: "second", revokedAt: null });
    for (const key of keys) expect(Object.keys(key).sort()).toEqual(["apiKey", "creation", "label", "lastUsed", "revokedAt"]);
  });
});
