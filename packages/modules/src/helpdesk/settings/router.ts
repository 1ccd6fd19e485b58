import { z } from "zod";
import { createTRPCRouter } from "../../trpc/init";
import { settingsReadProcedure as read, settingsWriteProcedure as write } from "./access";
import { deleteAgent, getAgent, listAgents, saveAgent } from "./agent-service";
import { deletePriority, deleteStatus, deleteTicketType, listPriorities, listStatuses, listTicketTypes, savePriority, saveStatus, saveTicketType } from "./catalogue-service";
import { deleteEscalationRule, getEscalationRule, listEscalationRules, saveEscalationRule } from "./escalation-service";
import { settingsOptions, settingsOverview } from "./options-service";
import * as s from "./schemas";
import { deleteSla, getSla, listSlas, saveSla } from "./sla-service";
import { deleteTeam, getTeam, listTeams, saveTeam } from "./team-service";

const byName = z.object({ name: s.docName });

/**
 * Helpdesk configuration (issue 5 item 8): SLA policies with their calendar and targets, escalation
 * rules, teams with their assignment rule, agents, and the ticket catalogues. Thin procedures over
 * the caller's ScopedDb (services beside this file): the DocTypes' validate hooks refuse bad input
 * with field-level messages, writes are audited, a stale `modified` is CONFLICT. Helpdesk staff
 * read; only `helpdesk` writers on all records change anything.
 */
export const helpdeskSettingsRouter = createTRPCRouter({
  overview: read.output(s.settingsOverview).query(({ ctx }) => settingsOverview(ctx.scoped, ctx.principal)),
  options: read.output(s.settingsOptions).query(({ ctx }) => settingsOptions(ctx.scoped)),

  sla: createTRPCRouter({
    list: read.output(z.array(s.slaRow)).query(({ ctx }) => listSlas(ctx.scoped)),
    get: read.input(byName).output(s.slaDoc).query(({ ctx, input }) => getSla(ctx.scoped, input.name)),
    save: write.input(s.slaInput).output(s.slaDoc).mutation(({ ctx, input }) => saveSla(ctx.scoped, input)),
    delete: write.input(s.deleteInput).output(s.deleted).mutation(({ ctx, input }) => deleteSla(ctx.scoped, input.name)),
  }),

  escalation: createTRPCRouter({
    list: read.output(z.array(s.escalationRow)).query(({ ctx }) => listEscalationRules(ctx.scoped)),
    get: read.input(byName).output(s.escalationDoc).query(({ ctx, input }) => getEscalationRule(ctx.scoped, input.name)),
    save: write.input(s.escalationInput).output(s.escalationDoc).mutation(({ ctx, input }) => saveEscalationRule(ctx.scoped, input)),
    delete: write.input(s.deleteInput).output(s.deleted).mutation(({ ctx, input }) => deleteEscalationRule(ctx.scoped, input.name)),
  }),

  teams: createTRPCRouter({
    list: read.output(z.array(s.teamRow)).query(({ ctx }) => listTeams(ctx.scoped)),
    get: read.input(byName).output(s.teamDoc).query(({ ctx, input }) => getTeam(ctx.scoped, input.name)),
    save: write.input(s.teamInput).output(s.teamDoc).mutation(({ ctx, input }) => saveTeam(ctx.scoped, input)),
    delete: write.input(s.deleteInput).output(s.deleted).mutation(({ ctx, input }) => deleteTeam(ctx.scoped, input.name)),
  }),

  agents: createTRPCRouter({
    list: read.output(z.array(s.agentRow)).query(({ ctx }) => listAgents(ctx.scoped)),
    get: read.input(byName).output(s.agentDoc).query(({ ctx, input }) => getAgent(ctx.scoped, input.name)),
    save: write.input(s.agentInput).output(s.agentDoc).mutation(({ ctx, input }) => saveAgent(ctx.scoped, input)),
    delete: write.input(s.deleteInput).output(s.deleted).mutation(({ ctx, input }) => deleteAgent(ctx.scoped, input.name)),
  }),

  ticketTypes: createTRPCRouter({
    list: read.output(z.array(s.ticketTypeDoc)).query(({ ctx }) => listTicketTypes(ctx.scoped)),
    save: write.input(s.ticketTypeInput).output(s.ticketTypeDoc).mutation(({ ctx, input }) => saveTicketType(ctx.scoped, input)),
    delete: write.input(s.deleteInput).output(s.deleted).mutation(({ ctx, input }) => deleteTicketType(ctx.scoped, input.name)),
  }),

  priorities: createTRPCRouter({
    list: read.output(z.array(s.priorityDoc)).query(({ ctx }) => listPriorities(ctx.scoped)),
    save: write.input(s.priorityInput).output(s.priorityDoc).mutation(({ ctx, input }) => savePriority(ctx.scoped, input)),
    delete: write.input(s.deleteInput).output(s.deleted).mutation(({ ctx, input }) => deletePriority(ctx.scoped, input.name)),
  }),

  statuses: createTRPCRouter({
    list: read.output(z.array(s.statusDoc)).query(({ ctx }) => listStatuses(ctx.scoped)),
    save: write.input(s.statusInput).output(s.statusDoc).mutation(({ ctx, input }) => saveStatus(ctx.scoped, input)),
    delete: write.input(s.deleteInput).output(s.deleted).mutation(({ ctx, input }) => deleteStatus(ctx.scoped, input.name)),
  }),
});
