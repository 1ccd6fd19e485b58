import { env as processEnv, type SmsEnv } from "./env";
import { LogOnlyProvider } from "./log-only-provider";
import type { SmsProvider, SmsProviderEvent } from "./provider";
import { TwilioProvider } from "./twilio-provider";

/**
 * The configured provider. Throws at start-up (not at the first text) when SMS_PROVIDER=twilio lacks
 * a setting; the message names the variables, never their values.
 */
export function smsProviderFromEnv(config: SmsEnv = processEnv, options: { onEvent?: (event: SmsProviderEvent) => void } = {}): SmsProvider {
  if (config.SMS_PROVIDER === "log") return new LogOnlyProvider(options);
  const missing = (["TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_FROM"] as const).filter((key) => !config[key]);
  if (missing.length) throw new Error(`SMS_PROVIDER=twilio needs ${missing.join(", ")}`);
  return new TwilioProvider({
    accountSid: config.TWILIO_ACCOUNT_SID!,
    authToken: config.TWILIO_AUTH_TOKEN!,
    from: config.TWILIO_FROM!,
    baseUrl: config.TWILIO_BASE_URL,
    ...options,
  });
}
