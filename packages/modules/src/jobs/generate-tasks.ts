import { AppErrorCode, createScopedDb, isAppError } from "@orchestrator/db";
import { UnrecoverableError, type Job } from "bullmq";
import { generateTasksForAssignment, type GenerateTasksResult } from "../clients/generate-tasks";
import { generateTasksPayload } from "../queue/payloads";
import { registry } from "../registry";
import type { JobDeps } from "./types";

/** Errors a retry cannot fix: the job fails at once instead of burning its attempts. */
const permanent = new Set<string>([AppErrorCode.Forbidden, AppErrorCode.NotFound, AppErrorCode.Validation, AppErrorCode.Unauthenticated]);

/**
 * `generate-tasks`: validates the payload, acts as the user who activated the template (their scope,
 * their name on the audit rows) and delegates to the clients module. Messages carry ids only.
 */
export async function processGenerateTasks(job: Job, deps: JobDeps): Promise<GenerateTasksResult> {
  const parsed = generateTasksPayload.safeParse(job.data);
  if (!parsed.success) {
    // Paths and codes only: a rejected value could be PHI.
    const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "payload"}: ${i.code}`).join("; ");
    throw new UnrecoverableError(`invalid generate-tasks payload (${issues})`);
  }
  const { client, template, actor, requestId } = parsed.data;
  const principal = await deps.loadPrincipal(actor);
  if (!principal) throw new UnrecoverableError(`actor ${actor} no longer exists or is disabled`);

  const scoped = createScopedDb(principal, { requestId }, registry);
  try {
    return await generateTasksForAssignment(scoped, { client, template, job: job.id });
  } catch (error) {
    if (isAppError(error) && permanent.has(error.code)) throw new UnrecoverableError(`${error.code}: ${error.message}`);
    throw error;
  }
}
