import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password";

describe("password hashing", () => {
  it("produces argon2id PHC strings with a fresh salt each time", async () => {
    const [a, b] = await Promise.all([hashPassword("s3cret-pass"), hashPassword("s3cret-pass")]);
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
  });

  it("verifies the right password only", async () => {
    const hash = await hashPassword("s3cret-pass");
    expect(await verifyPassword(hash, "s3cret-pass")).toBe(true);
    expect(await verifyPassword(hash, "s3cret-Pass")).toBe(false);
  });

  it("treats missing or malformed hashes as a mismatch instead of throwing", async () => {
    expect(await verifyPassword(null, "x")).toBe(false);
    expect(await verifyPassword("", "x")).toBe(false);
    expect(await verifyPassword("not-a-phc-string", "x")).toBe(false);
  });
});
