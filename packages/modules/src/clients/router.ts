import { z } from "zod";
import { createTRPCRouter } from "../trpc/init";
import { protectedProcedure } from "../trpc/procedures";
import { clientDoc, clientListInput, clientListOutput, clientSummary, documentBody } from "./schemas";
import { getClient, getClientSummary, listClients } from "./service";

const nameInput = z.object({ name: z.string().min(1).max(140) });

export const clientsRouter = createTRPCRouter({
  list: protectedProcedure.input(clientListInput).output(clientListOutput).query(({ ctx, input }) => listClients(ctx.scoped, input) as Promise<z.infer<typeof clientListOutput>>),

  get: protectedProcedure.input(nameInput).output(clientDoc).query(({ ctx, input }) => getClient(ctx.scoped, input.name)),

  summary: protectedProcedure.input(nameInput).output(clientSummary).query(({ ctx, input }) => getClientSummary(ctx.scoped, input.name)),

  create: protectedProcedure.input(z.object({ values: documentBody })).output(clientDoc).mutation(async ({ ctx, input }) => (await ctx.scoped.insert("Client", input.values)) as z.infer<typeof clientDoc>),

  /** `modified` is the version the user edited; a newer saved version is a CONFLICT, never overwritten. */
  update: protectedProcedure
    .input(z.object({ name: z.string().min(1), modified: z.string().min(1), values: documentBody }))
    .output(clientDoc)
    .mutation(async ({ ctx, input }) => (await ctx.scoped.update("Client", input.name, input.values, { expectedModified: input.modified })) as z.infer<typeof clientDoc>),

  delete: protectedProcedure.input(nameInput).output(z.object({ ok: z.literal(true) })).mutation(async ({ ctx, input }) => {
    await ctx.scoped.delete("Client", input.name);
    return { ok: true as const };
  }),
});
