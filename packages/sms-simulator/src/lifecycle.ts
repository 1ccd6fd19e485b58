import { UNDELIVERABLE_TO } from "./phone";
import { twilioSignature } from "./signature";
import { rfc2822, type ResourceStore } from "./store";
import type { CallbackAttempt, CallStatus, MessageStatus } from "./types";

/** Call statuses and the StatusCallbackEvent name that asks for their callback. */
const CALL_STEPS: { status: CallStatus; event: string }[] = [
  { status: "initiated", event: "initiated" },
  { status: "ringing", event: "ringing" },
  { status: "in-progress", event: "answered" },
  { status: "completed", event: "completed" },
];
const SIMULATED_CALL_SECONDS = 5;

/**
 * Moves messages (queued → sent → delivered, or undelivered for UNDELIVERABLE_TO) and calls
 * (queued → initiated → ringing → in-progress → completed) forward one step every `stepDelayMs`, and
 * posts each change to the resource's StatusCallback signed with X-Twilio-Signature, as Twilio does.
 */
export class Lifecycle {
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  readonly attempts: CallbackAttempt[] = [];

  constructor(
    private readonly deps: { store: ResourceStore; authToken: string; stepDelayMs: number; fetch: typeof fetch },
  ) {}

  startMessage(sid: string): void {
    const entry = this.deps.store.message(sid);
    if (!entry) return;
    const final: MessageStatus = entry.resource.to === UNDELIVERABLE_TO ? "undelivered" : "delivered";
    const steps: MessageStatus[] = ["sent", final];
    const run = (index: number) => {
      const status = steps[index];
      if (!status) return;
      this.later(async () => {
        const now = rfc2822(new Date());
        const m = entry.resource;
        m.status = status;
        m.date_updated = now;
        if (status === "sent") m.date_sent = now;
        if (status === "undelivered") Object.assign(m, { error_code: 30003, error_message: "Unreachable destination handset" });
        if (entry.callbacks.url) {
          const params: Record<string, string> = {
            AccountSid: m.account_sid, ApiVersion: m.api_version, From: m.from, MessageSid: m.sid, MessageStatus: status, SmsSid: m.sid, SmsStatus: status, To: m.to,
          };
          if (m.error_code !== null) params.ErrorCode = String(m.error_code);
          await this.post(entry.callbacks.url, params);
        }
        run(index + 1);
      });
    };
    run(0);
  }

  startCall(sid: string): void {
    const entry = this.deps.store.call(sid);
    if (!entry) return;
    let sequence = 0;
    const run = (index: number) => {
      const step = CALL_STEPS[index];
      if (!step) return;
      this.later(async () => {
        const now = new Date();
        const c = entry.resource;
        c.status = step.status;
        c.date_updated = rfc2822(now);
        if (step.status === "in-progress") c.start_time = rfc2822(now);
        if (step.status === "completed") Object.assign(c, { end_time: rfc2822(now), duration: String(SIMULATED_CALL_SECONDS) });
        if (entry.callbacks.url && entry.callbacks.events.includes(step.event)) {
          const params: Record<string, string> = {
            AccountSid: c.account_sid, ApiVersion: c.api_version, CallSid: c.sid, CallStatus: step.status, Called: c.to, Caller: c.from, Direction: c.direction,
            From: c.from, To: c.to, SequenceNumber: String(sequence++), Timestamp: rfc2822(now), CallbackSource: "call-progress-events",
          };
          if (step.status === "completed") params.CallDuration = String(SIMULATED_CALL_SECONDS);
          await this.post(entry.callbacks.url, params);
        }
        run(index + 1);
      });
    };
    run(0);
  }

  /** Stops every pending step (the simulator is closing or being reset). */
  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private later(step: () => Promise<void>): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void step();
    }, this.deps.stepDelayMs);
    this.timers.add(timer);
  }

  private async post(url: string, params: Record<string, string>): Promise<void> {
    const signature = twilioSignature(this.deps.authToken, url, params);
    const attempt: CallbackAttempt = { url, params, signature, responseStatus: null, at: new Date().toISOString() };
    this.attempts.push(attempt);
    try {
      const res = await this.deps.fetch(url, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": signature, "user-agent": "TwilioProxy/1.1 (sms-simulator)" },
        body: new URLSearchParams(params).toString(),
        signal: AbortSignal.timeout(5_000),
      });
      attempt.responseStatus = res.status;
      await res.body?.cancel();
    } catch {
      // Twilio does not retry failed status callbacks by default either; the attempt stays recorded.
    }
  }
}
