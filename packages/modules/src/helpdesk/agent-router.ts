import { z } from "zod";
import { createTRPCRouter } from "../trpc/init";
import { protectedProcedure } from "../trpc/procedures";
import { bulkAssign, bulkSetStatus } from "./views/bulk";
import { loadCatalogues } from "./views/catalogues";
import { loadDashboard } from "./views/dashboard";
import { listMyNotifications, markMyNotificationsRead } from "./views/notifications";
import { bulkAssignInput, bulkOutput, bulkStatusInput, cataloguesOutput, dashboardInput, dashboardOutput, markReadInput, notificationsOutput, ticketListInput, ticketListOutput, ticketPageOutput } from "./views/schemas";
import { agentTicketList, agentTicketPage } from "./views/tickets";

/**
 * The agent UI's reads and bulk changes (issue 5 item 8), beside the ticket API in router.ts whose
 * single-ticket writes (`helpdesk.setStatus`, `assign`, `addComment`, …) the UI uses as they are.
 * Everything goes through the caller's ScopedDb: out of scope reads as NOT_FOUND, every write is audited.
 */
export const helpdeskAgentRouter = createTRPCRouter({
  /** The ticket list with typed rows and a capped total. */
  tickets: protectedProcedure.input(ticketListInput).output(ticketListOutput).query(({ ctx, input }) => agentTicketList(ctx.scoped, input)),

  /** A ticket, its thread (replies and internal notes) and activity log. */
  ticket: protectedProcedure.input(z.object({ name: z.string().min(1).max(140) })).output(ticketPageOutput).query(({ ctx, input }) => agentTicketPage(ctx.scoped, input.name)),

  /** Statuses, priorities, teams (with members), agents and ticket types for filters and controls. */
  catalogues: protectedProcedure.output(cataloguesOutput).query(({ ctx }) => loadCatalogues(ctx.scoped)),

  /** Assigns (or unassigns, `null`) up to 100 tickets; per-ticket results, each change audited. */
  bulkAssign: protectedProcedure.input(bulkAssignInput).output(bulkOutput).mutation(({ ctx, input }) => bulkAssign(ctx.scoped, input.tickets, input.assignee)),

  /** Sets the status of up to 100 tickets (e.g. Closed); per-ticket results, each change audited. */
  bulkSetStatus: protectedProcedure.input(bulkStatusInput).output(bulkOutput).mutation(({ ctx, input }) => bulkSetStatus(ctx.scoped, input.tickets, input.status)),

  /** Open by status, at risk, breached; averages in business time and CSAT over a date range. */
  dashboard: protectedProcedure.input(dashboardInput).output(dashboardOutput).query(({ ctx, input }) => loadDashboard(ctx.scoped, input)),

  /** The caller's latest in-app notifications and unread count. */
  notifications: protectedProcedure.output(notificationsOutput).query(({ ctx }) => listMyNotifications(ctx.scoped)),

  /** Marks the caller's notifications read (named ones, or `all`). */
  markNotificationsRead: protectedProcedure.input(markReadInput).output(z.object({ marked: z.number() })).mutation(({ ctx, input }) => markMyNotificationsRead(ctx.scoped, input)),
});
