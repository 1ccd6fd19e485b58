import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

const booleanString = z.enum(["true", "false", "1", "0"]).default("false").transform((v) => v === "true" || v === "1");

/**
 * Outgoing mail, validated at start-up. SMTP_HOST unset means "not configured": mail is still queued
 * (nothing is lost) and waits in the outbox until a worker with SMTP settings delivers it.
 * The password stays in this object: never logged, never stored.
 */
export const env = createEnv({
  server: {
    SMTP_HOST: z.string().min(1).optional(),
    SMTP_PORT: z.coerce.number().int().min(1).max(65_535).default(587),
    /** true: TLS from the first byte (port 465); false: plain, upgraded with STARTTLS when the server offers it. */
    SMTP_SECURE: booleanString,
    SMTP_USER: z.string().min(1).optional(),
    SMTP_PASSWORD: z.string().min(1).optional(),
    /** The From of every message we send (the helpdesk's inbox: replies come back to it). */
    EMAIL_FROM: z.string().min(3).default("Orchestrator Helpdesk <helpdesk@orchestrator.localhost>"),
    /** The right-hand side of our Message-IDs (`<uuid@EMAIL_DOMAIN>`); default: EMAIL_FROM's domain. */
    EMAIL_DOMAIN: z.string().regex(/^[A-Za-z0-9.-]+$/).optional(),
    /** Send attempts per message before it is marked Error (temporary failures back off exponentially). */
    EMAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(6),
    /** The first retry's delay after a temporary failure (4xx, connection); doubles on each retry. */
    EMAIL_RETRY_DELAY_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
    /** A message left in Sending this long (its worker died mid-send) is claimed again. */
    EMAIL_SEND_LEASE_SECONDS: z.coerce.number().int().min(30).max(86_400).default(300),
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
});

/** The address part of EMAIL_FROM (`Name <a@b>` → `a@b`). */
export function fromAddress(from = env.EMAIL_FROM): string {
  return (/<([^>]+)>/.exec(from)?.[1] ?? from).trim().toLowerCase();
}

export function emailDomain(): string {
  return env.EMAIL_DOMAIN ?? fromAddress().split("@")[1] ?? "orchestrator.localhost";
}
