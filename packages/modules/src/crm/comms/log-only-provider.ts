import { randomBytes } from "node:crypto";
import { AppError } from "@orchestrator/db";
import type { PlaceCallInput, ProviderReceipt, SendSmsInput, SmsProvider, SmsProviderEvent, StatusUpdate } from "./provider";
import { checkSmsInput, toE164 } from "./validate";

/** What the log-only provider kept of one request (in memory, for tests and the demo; never logged). */
export interface LoggedItem {
  kind: "sms" | "call";
  sid: string;
  to: string;
  body: string | null;
  at: Date;
}

/**
 * The default provider: validates like the real one, records the request in memory (the newest
 * `capacity`), returns a fake sid and sends nothing. It has no callbacks, so every status callback
 * is refused.
 */
export class LogOnlyProvider implements SmsProvider {
  readonly name = "log" as const;
  private readonly items: LoggedItem[] = [];

  constructor(private readonly options: { capacity?: number; onEvent?: (event: SmsProviderEvent) => void } = {}) {}

  sendSms(input: SendSmsInput): Promise<ProviderReceipt> {
    return Promise.resolve().then(() => {
      const { to, body } = checkSmsInput(input);
      return this.record({ kind: "sms", sid: fakeSid("SM"), to, body, at: new Date() });
    });
  }

  placeCall(input: PlaceCallInput): Promise<ProviderReceipt> {
    return Promise.resolve().then(() => this.record({ kind: "call", sid: fakeSid("CA"), to: toE164(input.to, "to"), body: null, at: new Date() }));
  }

  parseStatusCallback(): StatusUpdate {
    throw AppError.forbidden("The log-only SMS provider sends no status callbacks");
  }

  /** What was "sent", oldest first. */
  sent(): readonly LoggedItem[] {
    return [...this.items];
  }

  private record(item: LoggedItem): ProviderReceipt {
    this.items.push(item);
    const capacity = this.options.capacity ?? 100;
    if (this.items.length > capacity) this.items.splice(0, this.items.length - capacity);
    // "logged": the status says so on the timeline, and no provider will ever move it on.
    this.options.onEvent?.({ type: "accepted", provider: "log", kind: item.kind, sid: item.sid, status: "logged" });
    return { provider: "log", kind: item.kind, sid: item.sid, status: "logged", to: item.to };
  }
}

/** Shaped like a Twilio SID but marked as fake ("LOG" in place of hex), so it can never be confused with a real one. */
function fakeSid(prefix: "SM" | "CA"): string {
  return `${prefix}LOG${randomBytes(15).toString("hex")}`;
}
