import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";
import { KIPU_PRODUCTION_URL } from "../integrations/kipu/client";

/**
 * Sync configuration, validated at start-up. The Kipu credentials are optional here so processes that
 * never sync (the web app without Kipu) start without them; a Kipu run without them fails with a
 * "not configured" status on the source. Secrets stay in this object: never logged, never stored.
 */
export const env = createEnv({
  server: {
    KIPU_BASE_URL: z.url().default(KIPU_PRODUCTION_URL),
    KIPU_ACCESS_ID: z.string().min(1).optional(),
    KIPU_SECRET_KEY: z.string().min(1).optional(),
    KIPU_APP_ID: z.string().min(1).optional(),
    /** Records per page asked of a source (Kipu's cap is not public; the simulator's is 100). */
    SYNC_PAGE_SIZE: z.coerce.number().int().min(1).max(100).default(100),
    /**
     * Records per transaction: consecutive pages are applied and checkpointed together until they hold
     * at least this many (1 = a transaction per page). A crash loses at most one such group.
     */
    SYNC_COMMIT_RECORDS: z.coerce.number().int().min(1).max(5000).default(500),
    /** The service user scheduled runs act as (role Integration). */
    SYNC_INTEGRATION_USER: z.string().min(1).default("integration@demo.orchestrator.test"),
    /** How long `orchestrator.sync.sync_kipu_clients` waits for its run before answering 202 with the run. */
    SYNC_API_WAIT_SECONDS: z.coerce.number().min(0).max(120).default(30),
    /** Webhook sources and their signing secrets: `crm=<secret>,lab=<secret>`. */
    SYNC_WEBHOOK_SECRETS: z.string().optional(),
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
});
