import { afterAll, describe, expect, it } from "vitest";
import { closeDatabase, unsafeSystemDb } from "../system";
import { nextSeriesName } from "./naming";

afterAll(async () => { await closeDatabase(); });

describe("naming series", () => {
  it("hands out consecutive, unique names under concurrency", async () => {
    const db = unsafeSystemDb();
    const names = await Promise.all(Array.from({ length: 50 }, () => db.transaction((tx) => nextSeriesName(tx, "BENCH-", 5))));
    expect(new Set(names).size).toBe(50);
    expect([...names].sort()[0]).toBe("BENCH-00001");
    expect([...names].sort()[49]).toBe("BENCH-00050");
  });

  it("a rolled-back transaction gives its number back; a committed one is never reused", async () => {
    const db = unsafeSystemDb();
    const committed = await db.transaction((tx) => nextSeriesName(tx, "RB-", 3));
    await expect(db.transaction(async (tx) => { await nextSeriesName(tx, "RB-", 3); throw new Error("rollback"); })).rejects.toThrow("rollback");
    const after = await db.transaction((tx) => nextSeriesName(tx, "RB-", 3));
    expect(committed).toBe("RB-001");
    expect(after).toBe("RB-002");
  });
});
