import { readEnv } from "./env";
import { startSmtpSimulator } from "./server";

/** `npm start`: the simulator for the demo and e2e. Prints where it listens, never the password. */
const env = readEnv();
const sim = await startSmtpSimulator({
  host: env.SMTP_SIM_HOST,
  smtpPort: env.SMTP_SIM_PORT,
  httpPort: env.SMTP_SIM_HTTP_PORT,
  credentials: env.SMTP_SIM_USER && env.SMTP_SIM_PASSWORD ? { user: env.SMTP_SIM_USER, password: env.SMTP_SIM_PASSWORD } : null,
  maxMessages: env.SMTP_SIM_MAX_MESSAGES,
});
process.stdout.write(`smtp-simulator: SMTP on ${sim.host}:${sim.smtpPort}${env.SMTP_SIM_USER ? ` (AUTH required, user ${env.SMTP_SIM_USER})` : ""}; mail at ${sim.url}/messages\n`);

const stop = (signal: string) => {
  process.stdout.write(`smtp-simulator: ${signal}, shutting down\n`);
  sim.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once("SIGINT", () => stop("SIGINT"));
process.once("SIGTERM", () => stop("SIGTERM"));
