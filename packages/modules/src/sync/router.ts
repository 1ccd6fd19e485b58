import { syncChangeActions, syncConflictStatuses, syncDuplicateStatuses, syncRunStatuses, syncTypes } from "@orchestrator/db/schema";
import { z } from "zod";
import { enqueueSyncRun } from "../queue/producers";
import { protectedProcedure } from "../trpc/procedures";
import { createTRPCRouter } from "../trpc/init";
import { listConflicts, resolveConflict } from "./conflicts";
import { listDuplicates, resolveDuplicate } from "./duplicates";
import { assertSyncOperator } from "./permissions";
import { rollbackSyncRun } from "./rollback";
import { getSyncRun, listSyncRuns, startSyncRun } from "./runs";
import { listSyncSources, updateSyncSource, updateSyncSourceInput } from "./source-admin";

/**
 * Sync administration (issue 4, item 7): sources, runs with their diff, "Sync now" (a run queued for
 * the worker), rollback and the conflict / duplicate review queues. Super Admin or the Integration
 * role: the guard answers FORBIDDEN before the input is even read, and every service checks again.
 * The services already answer plain JSON (snake_case, no secrets), returned as they are.
 */
const syncProcedure = protectedProcedure.use(({ ctx, next }) => {
  assertSyncOperator(ctx.principal);
  return next();
});

const source = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, "Not a sync source");
const run = z.string().regex(/^SR-\d{5,}$/, "Not a sync run");
const reviewItem = z.string().min(1).max(64);
const page = (defaultLimit: number, max: number) => ({ start: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(max).default(defaultLimit) });

/** The web request's id goes with the run and its job into the audit rows (both hold 64 characters). */
const runRequestId = (requestId: string) => requestId.slice(0, 64);

export const syncRouter = createTRPCRouter({
  sources: syncProcedure
    .input(z.object({ health: z.boolean().default(false) }).default({ health: false }))
    .query(({ ctx, input }) => listSyncSources(ctx.principal, { health: input.health })),

  updateSource: syncProcedure.input(updateSyncSourceInput.extend({ name: source })).mutation(({ ctx, input }) => {
    const { name, ...patch } = input;
    return updateSyncSource(name, patch, ctx.principal);
  }),

  runs: syncProcedure
    .input(z.object({ source: source.optional(), status: z.enum(syncRunStatuses).optional(), ...page(20, 100) }))
    .query(({ ctx, input }) => listSyncRuns(ctx.principal, input)),

  run: syncProcedure
    .input(z.object({ run, action: z.enum(syncChangeActions).optional(), ...page(50, 200) }))
    .query(({ ctx, input }) => getSyncRun(input.run, ctx.principal, { action: input.action, start: input.start, limit: input.limit })),

  /** Starts a run (dry or real) as the signed-in user and queues it for the worker. */
  start: syncProcedure
    .input(z.object({ source, syncType: z.enum(syncTypes), dryRun: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      const requestId = runRequestId(ctx.requestId);
      const started = await startSyncRun({ ...input, trigger: "manual", requestId }, ctx.principal);
      await enqueueSyncRun({ run: started.name, actor: started.actor, requestId });
      return started;
    }),

  rollback: syncProcedure.input(z.object({ run })).mutation(({ ctx, input }) => rollbackSyncRun(input.run, ctx.principal)),

  conflicts: syncProcedure
    .input(z.object({ status: z.enum(syncConflictStatuses).default("open"), source: source.optional(), run: run.optional(), ...page(25, 100) }))
    .query(({ ctx, input }) => listConflicts(ctx.principal, input)),

  resolveConflict: syncProcedure
    .input(z.object({ name: reviewItem, resolution: z.enum(["keep_local", "take_source"]) }))
    .mutation(({ ctx, input }) => resolveConflict(input.name, input.resolution, ctx.principal)),

  duplicates: syncProcedure
    .input(z.object({ status: z.enum(syncDuplicateStatuses).default("open"), source: source.optional(), run: run.optional(), ...page(25, 100) }))
    .query(({ ctx, input }) => listDuplicates(ctx.principal, input)),

  resolveDuplicate: syncProcedure
    .input(z.object({ name: reviewItem, resolution: z.enum(["merge", "dismiss"]) }))
    .mutation(({ ctx, input }) => resolveDuplicate(input.name, input.resolution, ctx.principal)),
});
