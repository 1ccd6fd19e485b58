import { createHash } from "node:crypto";
import type { ImportTarget } from "../import";

/**
 * The confirmation token of a previewed file: a SHA-256 of the target and the exact text. Confirming
 * with it proves the file confirmed is the file previewed (nothing is stored between the two calls).
 */
export function importToken(target: ImportTarget, csv: string): string {
  return createHash("sha256").update(`${target}\n`).update(csv).digest("hex");
}
