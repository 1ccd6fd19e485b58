import type { Principal } from "@orchestrator/db";
import type { Job } from "bullmq";

/**
 * Rebuilds a user's permissions for a job acting on their behalf (`@orchestrator/auth`'s
 * `loadPrincipal`); null when the user no longer exists or is disabled.
 */
export type LoadPrincipal = (user: string) => Promise<Principal | null>;

export interface JobDeps {
  loadPrincipal: LoadPrincipal;
}

/** A queue's processor: what a BullMQ Worker runs for each job. */
export type QueueProcessor = (job: Job) => Promise<unknown>;
