import { readEnv } from "./env";
import { startKipuSimulator } from "./server";

/** `npm start`: the simulator for the demo. Prints where it listens, never the secret key. */
const env = readEnv();
const sim = await startKipuSimulator({
  port: env.KIPU_SIM_PORT,
  host: env.KIPU_SIM_HOST,
  credentials: { accessId: env.KIPU_SIM_ACCESS_ID, secretKey: env.KIPU_SIM_SECRET_KEY, appId: env.KIPU_SIM_APP_ID },
  patients: env.KIPU_SIM_PATIENTS,
  seed: env.KIPU_SIM_SEED,
});
const counts = sim.control.counts();
process.stdout.write(`kipu-simulator listening on ${sim.url} (${counts.patients} patients, ${counts.deleted} in the vault; control API at ${sim.url}/__sim/health)\n`);

const stop = (signal: string) => {
  process.stdout.write(`kipu-simulator: ${signal}, shutting down\n`);
  sim.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once("SIGINT", () => stop("SIGINT"));
process.once("SIGTERM", () => stop("SIGTERM"));
