import { z } from "zod";
import { createTRPCRouter } from "../trpc/init";
import { protectedProcedure } from "../trpc/procedures";
import { admitDeal } from "./services/admit";
import { BOARD_MAX_PER_STAGE, loadBoard } from "./services/board";
import { convertLead } from "./services/convert";
import { crmCatalogues } from "./services/catalogues";
import { getDeal, moveDeal } from "./services/deals";
import { groupCounts } from "./services/groups";
import { CRM_RECORDS, RECORD_FILTER_OPERATORS, createRecord, getRecord, listRecords, updateRecord } from "./services/records";
import { exportProcedures } from "./export/procedures";
import { importProcedures } from "./import-service/procedures";
import { reminderProcedures } from "./reminders/procedures";
import { commsProcedures } from "./comms/procedures";
import { dashboardProcedures } from "./dashboard/procedures";

const name = z.string().min(1).max(140);
const doc = z.record(z.string(), z.unknown());
const values = z.record(z.string(), z.unknown());
const modified = z.string().max(40).optional();
const fieldname = z.string().regex(/^[a-z_][a-z0-9_]*$/, "not a field name").max(64);

const scalar = z.union([z.string().max(140), z.number(), z.null()]);
const listFilter = z.object({ field: fieldname, operator: z.enum(RECORD_FILTER_OPERATORS).optional(), value: z.union([scalar, z.array(z.union([z.string().max(140), z.number()])).max(100)]) });
const equalityFilter = z.object({ field: fieldname, value: scalar });
const search = z.string().trim().max(140).optional();

/**
 * list / groups / get / create / update of one CRM record type, all through the scoped layer (own and
 * team rows; others NOT FOUND). `list` with `groupBy` orders by the group first; `groups` counts the
 * same filtered, searched rows per value of a groupable field (`CRM_GROUP_FIELDS`, else a field error).
 */
function recordRouter(doctype: string) {
  return createTRPCRouter({
    list: protectedProcedure
      .input(z.object({ filters: z.array(listFilter).max(10).optional(), search, sort: z.object({ field: fieldname, direction: z.enum(["asc", "desc"]) }).optional(), groupBy: fieldname.optional(), page: z.number().int().min(1).max(10_000).default(1), pageSize: z.number().int().min(1).max(100).default(20) }))
      .output(z.object({ rows: z.array(doc), total: z.number() }))
      .query(({ ctx, input }) => listRecords(ctx.scoped, doctype, input)),
    groups: protectedProcedure
      .input(z.object({ field: fieldname, filters: z.array(equalityFilter).max(10).optional(), search }))
      .output(z.array(z.object({ value: z.string().nullable(), count: z.number() })))
      .query(({ ctx, input }) => groupCounts(ctx.scoped, doctype, input)),
    get: protectedProcedure.input(z.object({ name })).output(doc).query(({ ctx, input }) => getRecord(ctx.scoped, doctype, input.name)),
    create: protectedProcedure.input(z.object({ values })).output(doc).mutation(({ ctx, input }) => createRecord(ctx.scoped, doctype, input.values)),
    update: protectedProcedure.input(z.object({ name, values, modified })).output(doc).mutation(({ ctx, input }) => updateRecord(ctx.scoped, doctype, input.name, input.values, input.modified)),
  });
}

/**
 * The CRM (issue 6): leads, deals, organisations, tasks and notes of the caller's own and teams'
 * records; converting a lead; moving a deal through the pipeline; handing a won deal to admissions.
 */
export const crmRouter = createTRPCRouter({
  leads: recordRouter(CRM_RECORDS.leads),
  deals: recordRouter(CRM_RECORDS.deals),
  organizations: recordRouter(CRM_RECORDS.organizations),
  tasks: recordRouter(CRM_RECORDS.tasks),
  notes: recordRouter(CRM_RECORDS.notes),
  calls: recordRouter(CRM_RECORDS.calls),
  messages: recordRouter(CRM_RECORDS.messages),
  communications: recordRouter(CRM_RECORDS.communications),
  emailTemplates: recordRouter(CRM_RECORDS.emailTemplates),

  /** The CRM pages' select options: pipeline stages (with probability and lost-reason rule), lead statuses, sources, teams and members. */
  catalogues: protectedProcedure
    .output(z.object({ stages: z.array(z.object({ name: z.string(), position: z.number(), probability: z.number(), type: z.enum(["Open", "Won", "Lost"]), requiresLostReason: z.boolean() })), leadStatuses: z.array(z.string()), sources: z.array(z.string()), teams: z.array(z.object({ name: z.string(), members: z.array(z.object({ user: z.string(), isManager: z.boolean() })) })) }))
    .query(({ ctx }) => crmCatalogues(ctx.scoped)),

  /** The pipeline board: per stage its deal count and value (all of them) and its most recent deals (`limits[stage]`, default 25). */
  board: protectedProcedure
    .input(z.object({ limits: z.record(name, z.number().int().min(1).max(BOARD_MAX_PER_STAGE)).optional(), team: name.optional() }))
    .output(z.object({ columns: z.array(z.object({ stage: z.string(), total: z.number(), amounts: z.array(z.object({ currency: z.string(), amount: z.number() })), deals: z.array(doc) })) }))
    .query(({ ctx, input }) => loadBoard(ctx.scoped, input)),

  /** A deal with its contact and stage history (its activity: `timeline`). */
  dealView: protectedProcedure
    .input(z.object({ name }))
    .output(z.object({ deal: doc, contact: doc.nullable(), stages: z.array(doc) }))
    .query(({ ctx, input }) => getDeal(ctx.scoped, input.name)),

  convertLead: protectedProcedure
    .input(z.object({ lead: name, organization: name.optional(), deal: z.object({ amount: z.number().min(0).optional(), currency: z.string().length(3).optional(), expected_close_date: z.string().max(10).optional(), status: name.optional() }).optional() }))
    .output(z.object({ lead: doc, deal: doc, contact: z.string(), organization: z.string().nullable() }))
    .mutation(({ ctx, input }) => convertLead(ctx.scoped, input)),

  moveDeal: protectedProcedure
    .input(z.object({ name, stage: name, lost_reason: z.string().max(2000).optional(), modified }))
    .output(doc)
    .mutation(({ ctx, input }) => moveDeal(ctx.scoped, input)),

  admitDeal: protectedProcedure
    .input(z.object({ deal: name, department: name, first_name: z.string().max(140).optional(), last_name: z.string().max(140).optional() }))
    .output(z.object({ deal: doc, client: doc }))
    .mutation(({ ctx, input }) => admitDeal(ctx.scoped, input)),

  /** Follow-ups: myDay. */
  ...reminderProcedures,
  /** E-mail, texts and calls from a lead or deal, and its timeline: previewEmail, sendEmail, sendSms, placeCall, timeline. */
  ...commsProcedures,
  /** CSV import of leads and contacts: importPreview (dry run), importConfirm. */
  ...importProcedures,
  /** CSV export of a list view: exportCsv. */
  ...exportProcedures,
  /** The CRM dashboard: dashboard. */
  ...dashboardProcedures,
});
