import { randomUUID } from "node:crypto";

/**
 * Pure helpers for the threading headers. A Message-ID is `<local@domain>`; In-Reply-To names the
 * message answered, References the thread so far (oldest first), as RFC 5322 §3.6.4 describes.
 */

const ID = /^<[^<>\s@]+@[^<>\s@]+>$/;

/** A new, fixed Message-ID for a message we send: `<uuid@domain>`. */
export function newMessageId(domain: string): string {
  return `<${randomUUID()}@${domain}>`;
}

/** `local@domain` or `<local@domain>` → `<local@domain>`; null when it is not a Message-ID. */
export function normalizeMessageId(value: string | null | undefined): string | null {
  if (!value) return null;
  const trimmed = value.trim();
  const bracketed = trimmed.startsWith("<") ? trimmed : `<${trimmed}>`;
  return ID.test(bracketed) && bracketed.length <= 255 ? bracketed : null;
}

/** The References of a reply: the thread's ids, oldest first, without duplicates, at most `max` (the newest). */
export function referencesFor(thread: readonly string[], max = 20): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const id of thread) {
    const n = normalizeMessageId(id);
    if (n && !seen.has(n)) {
      seen.add(n);
      out.push(n);
    }
  }
  return out.slice(-max);
}

/** A ticket thread's subject: `Re: [HD-TKT-00001] Printer on fire` (the tag lets people and filters find the ticket). */
export function threadSubject(ticket: string, subject: string): string {
  const bare = subject.replace(/^\s*((re|fwd?|aw|sv|antw)\s*:\s*)+/i, "").replace(`[${ticket}]`, "").trim();
  return `Re: [${ticket}] ${bare}`.slice(0, 500);
}

/** The bare address of `Name <a@b>` or `a@b`, lower-cased. */
export function addressOf(value: string): string {
  return (/<([^>]+)>/.exec(value)?.[1] ?? value).trim().toLowerCase();
}

/** Addresses that must never get an automatic reply (bounces, robots): an ack to them could loop. */
export function isRobotAddress(address: string): boolean {
  return /^(mailer-daemon|postmaster|no-?reply|do-?not-?reply|bounces?)([+@]|$)/i.test(addressOf(address));
}
