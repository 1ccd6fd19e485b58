import { z } from "zod";

/** The simulator's configuration, validated at start-up. Defaults suit `npm run demo`. */
const schema = z.object({
  /** Where the SMTP listener binds (SMTP_HOST/SMTP_PORT of the app point here). */
  SMTP_SIM_PORT: z.coerce.number().int().min(0).max(65535).default(2525),
  /** The HTTP API for tests and the demo: GET/DELETE /messages, POST /faults. */
  SMTP_SIM_HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(2526),
  SMTP_SIM_HOST: z.string().default("127.0.0.1"),
  /** With both set, AUTH PLAIN/LOGIN is required before MAIL FROM (530 otherwise); unset: no AUTH. */
  SMTP_SIM_USER: z.string().min(1).optional(),
  SMTP_SIM_PASSWORD: z.string().min(1).optional(),
  /** Messages kept in memory (oldest dropped first). */
  SMTP_SIM_MAX_MESSAGES: z.coerce.number().int().min(1).max(100_000).default(1000),
});

export type SmtpSimEnv = z.infer<typeof schema>;

export function readEnv(source: Record<string, string | undefined> = process.env): SmtpSimEnv {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ""));
  const result = schema.safeParse(cleaned);
  if (!result.success) throw new Error(`smtp-simulator: invalid configuration: ${result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  if (Boolean(result.data.SMTP_SIM_USER) !== Boolean(result.data.SMTP_SIM_PASSWORD)) throw new Error("smtp-simulator: set both SMTP_SIM_USER and SMTP_SIM_PASSWORD, or neither");
  return result.data;
}
