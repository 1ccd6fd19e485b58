import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

/**
 * CRM texting and calling, validated at start-up. The Twilio settings are optional so the default
 * (log-only: nothing is sent) needs none; `smsProviderFromEnv` refuses SMS_PROVIDER=twilio without
 * them. The auth token stays in this object: never logged, never stored.
 */
export const env = createEnv({
  server: {
    /** `log` (default): record and return a fake id, send nothing. `twilio`: send through Twilio's API. */
    SMS_PROVIDER: z.enum(["log", "twilio"]).default("log"),
    TWILIO_ACCOUNT_SID: z.string().regex(/^AC[0-9a-fA-F]{32}$/, "AC followed by 32 hex digits").optional(),
    TWILIO_AUTH_TOKEN: z.string().min(8).optional(),
    /** Our sending number, E.164 (+15005550006). */
    TWILIO_FROM: z.string().regex(/^\+[1-9]\d{1,14}$/, "an E.164 number such as +15005550006").optional(),
    /** https://api.twilio.com, or the SMS simulator (http://127.0.0.1:2530) in the demo and tests. */
    TWILIO_BASE_URL: z.url().default("https://api.twilio.com"),
    /** The public URL Twilio posts status changes to (the web app's callback route); unset: no callbacks. */
    SMS_STATUS_CALLBACK_URL: z.url().optional(),
    /** What an outgoing CRM call runs once answered: a TwiML URL (e.g. a TwiML Bin dialling the sales desk). Required for calls with SMS_PROVIDER=twilio. */
    CRM_CALL_TWIML_URL: z.url().optional(),
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
});

export type SmsEnv = Pick<typeof env, "SMS_PROVIDER" | "TWILIO_ACCOUNT_SID" | "TWILIO_AUTH_TOKEN" | "TWILIO_FROM" | "TWILIO_BASE_URL">;
