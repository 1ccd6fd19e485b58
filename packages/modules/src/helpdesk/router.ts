import { z } from "zod";
import { createTRPCRouter } from "../trpc/init";
import { protectedProcedure } from "../trpc/procedures";
import { mergeTickets } from "./merge/merge";
import { ticketListInput } from "./views/schemas";
import { addComment, assignTicket, changePriority, changeStatus, changeTeam, createTicket, getTicket, listTickets } from "./tickets/service";

const name = z.string().min(1).max(140);
const doc = z.record(z.string(), z.unknown());
const modified = z.string().min(1).optional();
const createInput = z.object({
  subject: z.string().trim().min(1).max(255),
  description: z.string().max(65_535).optional(),
  priority: name.optional(),
  ticket_type: name.optional(),
  agent_group: name.optional(),
  assignee: name.optional(),
  raised_by: z.email().max(140).optional(),
  client: name.optional(),
  customer: name.optional(),
  language: z.string().max(16).optional(),
  tags: z.array(z.string().min(1).max(140)).max(50).optional(),
  department: name.optional(),
});

/** The helpdesk's agent API: tickets (list, get, create, status/priority/team/assignee changes) and their thread. */
export const helpdeskRouter = createTRPCRouter({
  list: protectedProcedure
    .input(ticketListInput)
    .output(z.object({ rows: z.array(doc), total: z.number(), page: z.number(), pageSize: z.number() }))
    .query(({ ctx, input }) => listTickets(ctx.scoped, input)),

  get: protectedProcedure
    .input(z.object({ name }))
    .output(z.object({ ticket: doc, comments: z.array(doc), activities: z.array(doc) }))
    .query(({ ctx, input }) => getTicket(ctx.scoped, input.name)),

  create: protectedProcedure.input(createInput).output(doc).mutation(({ ctx, input }) => createTicket(ctx.scoped, input)),

  setStatus: protectedProcedure.input(z.object({ name, status: name, modified })).output(doc).mutation(({ ctx, input }) => changeStatus(ctx.scoped, input.name, input.status, input.modified)),

  setPriority: protectedProcedure.input(z.object({ name, priority: name, modified })).output(doc).mutation(({ ctx, input }) => changePriority(ctx.scoped, input.name, input.priority, input.modified)),

  setTeam: protectedProcedure.input(z.object({ name, team: name.nullable(), modified })).output(doc).mutation(({ ctx, input }) => changeTeam(ctx.scoped, input.name, input.team, input.modified)),

  assign: protectedProcedure.input(z.object({ name, assignee: name.nullable(), modified })).output(doc).mutation(({ ctx, input }) => assignTicket(ctx.scoped, input.name, input.assignee, input.modified)),

  addComment: protectedProcedure
    .input(z.object({ ticket: name, type: z.enum(["Reply", "Internal Note"]), content: z.string().trim().min(1).max(65_535) }))
    .output(doc)
    .mutation(({ ctx, input }) => addComment(ctx.scoped, input)),

  /** Merges a duplicate into another ticket of the same customer (the duplicate is closed). */
  merge: protectedProcedure.input(z.object({ source: name, target: name })).output(doc).mutation(({ ctx, input }) => mergeTickets(ctx.scoped, input)),
});
