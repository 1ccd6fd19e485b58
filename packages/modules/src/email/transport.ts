import nodemailer, { type Transporter } from "nodemailer";
import { emailDomain, env } from "./env";

/** Where and how to deliver: from the environment, or given (tests point it at a simulator). */
export interface SmtpSettings {
  host: string;
  port: number;
  secure: boolean;
  user?: string | undefined;
  password?: string | undefined;
}

/** The configured SMTP server, or null when SMTP_HOST is unset (mail then waits in the outbox). */
export function smtpSettingsFromEnv(): SmtpSettings | null {
  if (!env.SMTP_HOST) return null;
  return { host: env.SMTP_HOST, port: env.SMTP_PORT, secure: env.SMTP_SECURE, user: env.SMTP_USER, password: env.SMTP_PASSWORD };
}

const transports = new Map<string, Transporter>();

/** One nodemailer transport per settings (a connection per message: sends are rare and retried). */
export function transportFor(settings: SmtpSettings): Transporter {
  const key = JSON.stringify([settings.host, settings.port, settings.secure, settings.user ?? ""]);
  let transport = transports.get(key);
  if (!transport) {
    transport = nodemailer.createTransport({
      host: settings.host,
      port: settings.port,
      secure: settings.secure,
      ...(settings.user ? { auth: { user: settings.user, pass: settings.password ?? "" } } : {}),
      name: emailDomain(),
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 60_000,
      disableFileAccess: true,
      disableUrlAccess: true,
    });
    transports.set(key, transport);
  }
  return transport;
}

export function closeTransports(): void {
  for (const t of transports.values()) t.close();
  transports.clear();
}

/** How a failed send ends: `permanent` (the server refused the message: 5xx) or `temporary` (retry). */
export interface SendFailure {
  kind: "permanent" | "temporary";
  /** The SMTP reply code, or the client's error code (ECONNECTION, ETIMEDOUT, …). */
  code: string;
  /** The server's answer, for the row's `error` (may name addresses: never logged). */
  reason: string;
}

/**
 * 5xx replies to MAIL, RCPT or DATA are final for this message (unknown mailbox, rejected content).
 * Everything else is retried: 4xx, connection and timeout errors, and authentication failures
 * (a 535 is our configuration, not the message: once fixed, the retry goes through).
 */
export function classifySendError(error: unknown): SendFailure {
  const e = (error ?? {}) as { responseCode?: unknown; code?: unknown; response?: unknown; message?: unknown };
  const status = typeof e.responseCode === "number" ? e.responseCode : null;
  const code = status !== null ? String(status) : typeof e.code === "string" ? e.code : "EUNKNOWN";
  const reason = String(typeof e.response === "string" && e.response ? e.response : e.message ?? "unknown error").slice(0, 1000);
  const permanent = status !== null && status >= 500 && e.code !== "EAUTH";
  return { kind: permanent ? "permanent" : "temporary", code, reason };
}
