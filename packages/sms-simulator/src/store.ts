import { randomBytes } from "node:crypto";
import type { CallResource, Callbacks, MessageResource } from "./types";

/** A Twilio SID: two-letter prefix + 32 lower-case hex digits. */
export function newSid(prefix: "SM" | "CA" | "AC"): string {
  return prefix + randomBytes(16).toString("hex");
}

/** Twilio's date format: RFC 2822 with a numeric zone ("Wed, 18 Aug 2010 20:01:40 +0000"). */
export function rfc2822(date: Date): string {
  return date.toUTCString().replace("GMT", "+0000");
}

interface Entry<T> {
  resource: T;
  callbacks: Callbacks;
}

/**
 * Messages and calls in memory, keyed by SID, capped (the oldest go first). Only requests that passed
 * auth, fault injection and validation create an entry, so a client that retries after a 429/5xx ends
 * up with exactly one message.
 */
export class ResourceStore {
  private readonly messages = new Map<string, Entry<MessageResource>>();
  private readonly calls = new Map<string, Entry<CallResource>>();

  constructor(private readonly max: number) {}

  addMessage(resource: MessageResource, callbacks: Callbacks): MessageResource {
    this.put(this.messages, resource, callbacks);
    return resource;
  }

  addCall(resource: CallResource, callbacks: Callbacks): CallResource {
    this.put(this.calls, resource, callbacks);
    return resource;
  }

  message(sid: string): Entry<MessageResource> | undefined {
    return this.messages.get(sid);
  }

  call(sid: string): Entry<CallResource> | undefined {
    return this.calls.get(sid);
  }

  /** Newest first, as Twilio lists them; optional exact To/From filters. */
  listMessages(filter: { to?: string | null; from?: string | null } = {}): MessageResource[] {
    return [...this.messages.values()]
      .map((e) => e.resource)
      .filter((m) => (!filter.to || m.to === filter.to) && (!filter.from || m.from === filter.from))
      .reverse();
  }

  listCalls(): CallResource[] {
    return [...this.calls.values()].map((e) => e.resource).reverse();
  }

  clear(): void {
    this.messages.clear();
    this.calls.clear();
  }

  private put<T extends { sid: string }>(map: Map<string, Entry<T>>, resource: T, callbacks: Callbacks): void {
    map.set(resource.sid, { resource, callbacks });
    while (map.size > this.max) {
      const oldest = map.keys().next().value;
      if (oldest === undefined) break;
      map.delete(oldest);
    }
  }
}
