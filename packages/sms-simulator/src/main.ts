import { readEnv } from "./env";
import { startSmsSimulator } from "./server";

/** `npm start`: the simulator for the demo and e2e. Prints where it listens and the account SID, never the token. */
const env = readEnv();
const sim = await startSmsSimulator({
  host: env.SMS_SIM_HOST,
  port: env.SMS_SIM_PORT,
  account: { accountSid: env.SMS_SIM_ACCOUNT_SID, authToken: env.SMS_SIM_AUTH_TOKEN },
  fromNumbers: env.SMS_SIM_FROM_NUMBERS ? env.SMS_SIM_FROM_NUMBERS.split(",").map((n) => n.trim()).filter(Boolean) : null,
  stepDelayMs: env.SMS_SIM_STEP_DELAY_MS,
});
process.stdout.write(`sms-simulator: Twilio-style API on ${sim.url} (account ${sim.account.accountSid}); messages at ${sim.url}/_sim/messages\n`);

const stop = (signal: string) => {
  process.stdout.write(`sms-simulator: ${signal}, shutting down\n`);
  sim.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once("SIGINT", () => stop("SIGINT"));
process.once("SIGTERM", () => stop("SIGTERM"));
