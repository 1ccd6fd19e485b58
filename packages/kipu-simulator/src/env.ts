import { z } from "zod";
import { DEFAULT_CREDENTIALS } from "./server";

/** The simulator's configuration, validated at start-up. Defaults suit `npm run demo`. */
const schema = z.object({
  KIPU_SIM_PORT: z.coerce.number().int().min(0).max(65535).default(3401),
  KIPU_SIM_HOST: z.string().default("127.0.0.1"),
  KIPU_SIM_ACCESS_ID: z.string().min(1).default(DEFAULT_CREDENTIALS.accessId),
  KIPU_SIM_SECRET_KEY: z.string().min(8).default(DEFAULT_CREDENTIALS.secretKey),
  KIPU_SIM_APP_ID: z.string().min(1).default(DEFAULT_CREDENTIALS.appId),
  KIPU_SIM_PATIENTS: z.coerce.number().int().min(0).max(200_000).default(60),
  KIPU_SIM_SEED: z.coerce.number().int().default(42),
});

export type SimEnv = z.infer<typeof schema>;

export function readEnv(source: Record<string, string | undefined> = process.env): SimEnv {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ""));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    throw new Error(`kipu-simulator: invalid configuration: ${result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  return result.data;
}
