import { UnrecoverableError } from "bullmq";
import { processGenerateTasks } from "./generate-tasks";
import type { JobDeps, QueueProcessor } from "./types";

/** The `tasks` queue: dispatches by job name to the feature code. */
export function createTasksProcessor(deps: JobDeps): QueueProcessor {
  return async (job) => {
    switch (job.name) {
      case "generate-tasks":
        return processGenerateTasks(job, deps);
      default:
        throw new UnrecoverableError(`unknown job ${job.name} on queue tasks`);
    }
  };
}
