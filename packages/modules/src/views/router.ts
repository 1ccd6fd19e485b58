import { z } from "zod";
import { createTRPCRouter } from "../trpc/init";
import { protectedProcedure } from "../trpc/procedures";
import { createViewInput, savedView, updateViewInput, viewListInput, viewNameInput } from "./schemas";
import { createView, deleteView, getView, listViews, updateView } from "./service";

/**
 * Saved list views, private to each user (the `owner` scope: another user's view is NOT FOUND,
 * Super Admin included). Every change writes its Version row in the same transaction.
 */
export const viewsRouter = createTRPCRouter({
  list: protectedProcedure.input(viewListInput).output(z.array(savedView)).query(({ ctx, input }) => listViews(ctx.scoped, input.list)),

  get: protectedProcedure.input(viewNameInput).output(savedView).query(({ ctx, input }) => getView(ctx.scoped, input.name)),

  /** A duplicate label or a query the list would not write is a field error (`label`, `query`). */
  create: protectedProcedure.input(createViewInput).output(savedView).mutation(({ ctx, input }) => createView(ctx.scoped, input)),

  update: protectedProcedure.input(updateViewInput).output(savedView).mutation(({ ctx, input }) => updateView(ctx.scoped, input)),

  delete: protectedProcedure.input(viewNameInput).output(z.object({ ok: z.literal(true) })).mutation(async ({ ctx, input }) => {
    await deleteView(ctx.scoped, input.name);
    return { ok: true as const };
  }),
});
