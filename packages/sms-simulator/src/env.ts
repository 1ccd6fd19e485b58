import { z } from "zod";
import { DEFAULT_ACCOUNT } from "./server";

/** The simulator's configuration, validated at start-up. Defaults suit `npm run demo`. */
const schema = z.object({
  /** Where the Twilio-style API listens (TWILIO_BASE_URL of the app points here). */
  SMS_SIM_PORT: z.coerce.number().int().min(0).max(65535).default(2530),
  SMS_SIM_HOST: z.string().default("127.0.0.1"),
  /** The account the simulator accepts (HTTP Basic AccountSid:AuthToken); the app's TWILIO_ACCOUNT_SID/TWILIO_AUTH_TOKEN. */
  SMS_SIM_ACCOUNT_SID: z.string().regex(/^AC[0-9a-f]{32}$/, "AC followed by 32 hex digits").default(DEFAULT_ACCOUNT.accountSid),
  SMS_SIM_AUTH_TOKEN: z.string().min(8).default(DEFAULT_ACCOUNT.authToken),
  /** Comma-separated E.164 numbers `From` must be one of; unset: any valid E.164 number. */
  SMS_SIM_FROM_NUMBERS: z.string().optional(),
  /** Delay between status changes (queued → sent → delivered; call progress). */
  SMS_SIM_STEP_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(500),
});

export type SmsSimEnv = z.infer<typeof schema>;

export function readEnv(source: Record<string, string | undefined> = process.env): SmsSimEnv {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ""));
  const result = schema.safeParse(cleaned);
  if (!result.success) throw new Error(`sms-simulator: invalid configuration: ${result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  return result.data;
}
