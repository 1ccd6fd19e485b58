import type { ReceivedMessage } from "./types";

/** Accepted messages in memory, oldest first, capped (the oldest go first). */
export class MessageStore {
  private messages: ReceivedMessage[] = [];
  private nextId = 1;

  constructor(private readonly max: number) {}

  add(message: Omit<ReceivedMessage, "id">): ReceivedMessage {
    const stored = { ...message, id: this.nextId++ };
    this.messages.push(stored);
    if (this.messages.length > this.max) this.messages.splice(0, this.messages.length - this.max);
    return stored;
  }

  /** Every message, or those for one address: an envelope recipient, or a To/Cc address (case-insensitive). */
  list(to?: string): ReceivedMessage[] {
    if (!to) return [...this.messages];
    const wanted = to.trim().toLowerCase();
    return this.messages.filter((m) => m.envelope.to.includes(wanted) || m.to.includes(wanted) || m.cc.includes(wanted));
  }

  get(id: number): ReceivedMessage | undefined {
    return this.messages.find((m) => m.id === id);
  }

  clear(): number {
    const n = this.messages.length;
    this.messages = [];
    return n;
  }
}
