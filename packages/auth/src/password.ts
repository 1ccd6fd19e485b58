import { hash, verify } from "@node-rs/argon2";

/**
 * Argon2id with OWASP's recommended minimum (19 MiB, 2 iterations, 1 lane). The library's default
 * algorithm is Argon2id; we don't pass `Algorithm.Argon2id` because it is an ambient const enum,
 * which `isolatedModules` cannot inline. The PHC string records the parameters, so raising them
 * later keeps old hashes verifiable.
 */
/** Limits for new passwords. The upper one also caps the hashing work a caller can ask for. */
export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 1024;

const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

/** False for a wrong password and for a malformed or empty stored hash (never throws on bad data). */
export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  if (!passwordHash) return false;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
