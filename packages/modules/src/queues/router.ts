import { z } from "zod";
import { queueNames } from "../queue/names";
import { adminProcedure } from "../admin/router";
import { createTRPCRouter } from "../trpc/init";
import { discardFailedJob, retryAllFailed, retryFailedJob } from "./actions";
import { listFailedJobs, listQueues } from "./service";

/**
 * Queue administration (issue 4, item 7): depth per state, schedulers, failed jobs, retry and
 * discard. Super Admin only, through the admin router's guard (FORBIDDEN for anyone else); the
 * services check again and audit every action. Job payloads never leave Redis through here.
 */
const queue = z.enum(queueNames);
const jobRef = z.object({ queue, jobId: z.string().min(1).max(255) });
const count = z.number().int().min(0);

const queueSummary = z.object({
  name: queue,
  counts: z.object({ waiting: count, active: count, delayed: count, completed: count, failed: count, paused: count }),
  isPaused: z.boolean(),
  schedulers: z.array(z.object({ id: z.string(), jobName: z.string(), everyMs: z.number().nullable(), pattern: z.string().nullable(), nextRunAt: z.number().nullable() })),
});

const failedJob = z.object({
  id: z.string(),
  name: z.string(),
  failedReason: z.string(),
  attemptsMade: count,
  createdAt: z.number(),
  processedAt: z.number().nullable(),
  failedAt: z.number().nullable(),
});

export const queuesRouter = createTRPCRouter({
  list: adminProcedure.output(z.array(queueSummary)).query(({ ctx }) => listQueues(ctx.scoped)),

  failed: adminProcedure
    .input(z.object({ queue, start: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(100).default(25) }))
    .output(z.object({ rows: z.array(failedJob), total: count }))
    .query(({ ctx, input }) => listFailedJobs(ctx.scoped, input)),

  retry: adminProcedure.input(jobRef).output(z.object({ jobId: z.string() })).mutation(({ ctx, input }) => retryFailedJob(ctx.scoped, input)),

  discard: adminProcedure.input(jobRef).output(z.object({ jobId: z.string() })).mutation(({ ctx, input }) => discardFailedJob(ctx.scoped, input)),

  retryAll: adminProcedure.input(z.object({ queue })).output(z.object({ retried: count })).mutation(({ ctx, input }) => retryAllFailed(ctx.scoped, input)),
});
