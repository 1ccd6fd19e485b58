import { z } from "zod";
import { createTRPCRouter } from "../../trpc/init";
import { protectedProcedure } from "../../trpc/procedures";
import { getPortalTicket, listPortalTickets, raisePortalTicket, rateTicket, replyOnPortalTicket } from "./service";

const name = z.string().min(1).max(140);
const doc = z.record(z.string(), z.unknown());

/**
 * The customer portal (issue 5 item 6): a customer's contact lists, raises, follows and replies to their
 * organisation's tickets and rates resolved ones. Staff callers are refused (FORBIDDEN); another
 * customer's ticket is NOT FOUND, as everywhere.
 */
export const portalRouter = createTRPCRouter({
  me: protectedProcedure.output(z.object({ user: z.string(), fullName: z.string(), customers: z.array(z.string()), isPortalUser: z.boolean() })).query(({ ctx }) => {
    const customers = [...(ctx.scoped.principal.customers ?? [])];
    const helpdesk = ctx.scoped.principal.grants.helpdesk;
    return { user: ctx.scoped.principal.user, fullName: ctx.scoped.principal.fullName, customers, isPortalUser: helpdesk?.scope === "own_customer" && customers.length > 0 };
  }),

  /** The ticket types a contact may choose from (a catalogue open to the portal). */
  ticketTypes: protectedProcedure.output(z.array(z.string())).query(async ({ ctx }) => {
    const rows = await ctx.scoped.list("HD Ticket Type", { fields: ["name"], orderBy: [{ field: "name", direction: "asc" }], limit: 0 });
    return rows.map((r) => String(r.name));
  }),

  list: protectedProcedure
    .input(z.object({ state: z.enum(["open", "resolved", "all"]).default("open"), page: z.number().int().min(1).max(10_000).default(1), pageSize: z.number().int().min(1).max(50).default(20), search: z.string().trim().max(140).optional() }))
    .output(z.object({ rows: z.array(doc), total: z.number(), page: z.number(), pageSize: z.number() }))
    .query(({ ctx, input }) => listPortalTickets(ctx.scoped, input)),

  get: protectedProcedure
    .input(z.object({ name }))
    .output(z.object({ ticket: doc, replies: z.array(doc), statusCategory: z.string().nullable() }))
    .query(({ ctx, input }) => getPortalTicket(ctx.scoped, input.name)),

  create: protectedProcedure
    .input(z.object({ subject: z.string().trim().min(1, "Subject is required").max(255), description: z.string().trim().min(1, "Describe the problem").max(65_535), ticket_type: name.optional(), customer: name.optional() }))
    .output(doc)
    .mutation(({ ctx, input }) => raisePortalTicket(ctx.scoped, input)),

  reply: protectedProcedure
    .input(z.object({ ticket: name, content: z.string().trim().min(1, "Write a reply").max(65_535) }))
    .output(doc)
    .mutation(({ ctx, input }) => replyOnPortalTicket(ctx.scoped, input)),

  rate: protectedProcedure
    .input(z.object({ ticket: name, rating: z.number().int().min(1, "Rate from 1 to 5").max(5, "Rate from 1 to 5"), comment: z.string().trim().max(2000).optional() }))
    .output(doc)
    .mutation(({ ctx, input }) => rateTicket(ctx.scoped, input)),
});
