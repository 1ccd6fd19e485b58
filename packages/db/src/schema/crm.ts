import { boolean, date, datetime, decimal, index, int, json, mysqlEnum, mysqlTable, text, uniqueIndex, varchar } from "drizzle-orm/mysql-core";
import { link, nameKey, timestamps } from "./columns";

/**
 * The CRM (issue 6), with Frappe CRM's DocType names so its integrations keep working (`CRM Lead` →
 * `crm_leads`). Team-scoped rows carry an owner user and a `team`: an `own_team` grant reads the rows
 * it owns and its teams' rows. Contacts are the shared `Contact` (contacts.ts). Every row is written
 * through the scoped data layer, except the stage-change log, which the deal's validate appends.
 */

const at = (name: string) => datetime(name, { mode: "string", fsp: 6 });

export const leadStatuses = ["New", "Contacted", "Nurture", "Qualified", "Unqualified", "Junk"] as const;
export const dealStageTypes = ["Open", "Won", "Lost"] as const;
export const crmTaskStatuses = ["Backlog", "Todo", "In Progress", "Done", "Canceled"] as const;
export const crmTaskPriorities = ["Low", "Medium", "High"] as const;
export const commDirections = ["Incoming", "Outgoing"] as const;
export const callStatuses = ["Initiated", "Ringing", "In Progress", "Completed", "Failed", "Busy", "No Answer", "Canceled", "Logged"] as const;
export const smsStatuses = ["Queued", "Sent", "Delivered", "Failed", "Received", "Logged"] as const;

/** `CRM Lead Source`: where leads come from (seeded in the migration). */
export const crmLeadSources = mysqlTable("crm_lead_sources", {
  name: nameKey(),
  sourceName: varchar("source_name", { length: 140 }).notNull(),
  details: text("details"),
  ...timestamps(),
});

/** `CRM Team`: a sales team, its assignment rule (the helpdesk's `assignmentRuleSchema`) and the rule's cursor. */
export const crmTeams = mysqlTable("crm_teams", {
  name: nameKey(),
  teamName: varchar("team_name", { length: 140 }).notNull(),
  description: text("description"),
  assignmentRule: json("assignment_rule"),
  assignmentCursor: varchar("assignment_cursor", { length: 140 }),
  ...timestamps(),
});

/** Child table of `CRM Team`: its members. A manager is a member flagged `is_manager` (of each team they manage). */
export const crmTeamMembers = mysqlTable(
  "crm_team_members",
  {
    name: nameKey(),
    parent: link("parent").notNull(),
    idx: int("idx").notNull().default(0),
    user: link("user").notNull(),
    isManager: boolean("is_manager").notNull().default(false),
    ...timestamps(),
  },
  (t) => [uniqueIndex("crm_team_members_parent_user_uq").on(t.parent, t.user), index("crm_team_members_user_idx").on(t.user)],
);

/** `CRM Organization`: a company. Named `CRM-ORG-00001` (not by its name: another team's organisation must not clash or show). */
export const crmOrganizations = mysqlTable(
  "crm_organizations",
  {
    name: nameKey(),
    organizationName: varchar("organization_name", { length: 140 }).notNull(),
    website: varchar("website", { length: 255 }),
    industry: varchar("industry", { length: 140 }),
    phone: varchar("phone", { length: 40 }),
    address: text("address"),
    organizationOwner: link("organization_owner"),
    team: link("team"),
    ...timestamps(),
  },
  (t) => [index("crm_organizations_team_idx").on(t.team, t.modified), index("crm_organizations_owner_idx").on(t.organizationOwner)],
);

/** `CRM Deal Status`: the configurable pipeline stages. */
export const crmDealStatuses = mysqlTable("crm_deal_statuses", {
  name: nameKey(),
  position: int("position").notNull().default(0),
  /** Win probability (0–100) a deal takes when it enters the stage. */
  probability: int("probability").notNull().default(0),
  stageType: mysqlEnum("stage_type", dealStageTypes).notNull().default("Open"),
  requiresLostReason: boolean("requires_lost_reason").notNull().default(false),
  ...timestamps(),
});

/** `CRM Lead`. Named `CRM-LEAD-00001`. */
export const crmLeads = mysqlTable(
  "crm_leads",
  {
    name: nameKey(),
    firstName: varchar("first_name", { length: 140 }),
    lastName: varchar("last_name", { length: 140 }),
    leadName: varchar("lead_name", { length: 280 }).notNull(),
    email: varchar("email", { length: 140 }),
    mobileNo: varchar("mobile_no", { length: 40 }),
    phone: varchar("phone", { length: 40 }),
    /** The organisation's name as the lead gave it (free text; an organisation is made on conversion). */
    organization: varchar("organization", { length: 140 }),
    status: mysqlEnum("status", leadStatuses).notNull().default("New"),
    source: link("source"),
    referralOrganization: link("referral_organization"),
    leadOwner: link("lead_owner"),
    team: link("team"),
    convertedDeal: link("converted_deal"),
    convertedOn: at("converted_on"),
    ...timestamps(),
  },
  (t) => [
    index("crm_leads_team_modified_idx").on(t.team, t.modified),
    index("crm_leads_owner_status_idx").on(t.leadOwner, t.status),
    index("crm_leads_modified_idx").on(t.modified),
    // A salesperson's own rows in list order (the owner branch of a merged team list), and leads by creation per team (the dashboard).
    index("crm_leads_owner_modified_idx").on(t.leadOwner, t.modified, t.team),
    index("crm_leads_team_creation_idx").on(t.team, t.creation),
    index("crm_leads_email_idx").on(t.email),
  ],
);

/** `CRM Deal`. Named `CRM-DEAL-00001`. `status` is the stage (a `CRM Deal Status`). */
export const crmDeals = mysqlTable(
  "crm_deals",
  {
    name: nameKey(),
    organization: link("organization"),
    contact: link("contact"),
    lead: link("lead"),
    status: link("status").notNull(),
    probability: int("probability").notNull().default(0),
    amount: decimal("amount", { precision: 18, scale: 2, mode: "number" }),
    currency: varchar("currency", { length: 3 }),
    expectedCloseDate: date("expected_close_date", { mode: "string" }),
    lostReason: text("lost_reason"),
    dealOwner: link("deal_owner"),
    team: link("team"),
    /** The Client admitted from this deal (the admissions hand-off); the Client links back by `crm_deal`. */
    client: link("client"),
    stageChangedOn: at("stage_changed_on"),
    ...timestamps(),
  },
  (t) => [
    index("crm_deals_team_modified_idx").on(t.team, t.modified),
    index("crm_deals_owner_status_idx").on(t.dealOwner, t.status),
    index("crm_deals_status_idx").on(t.status, t.modified),
    index("crm_deals_modified_idx").on(t.modified),
    // A team's deals of one stage, newest first (a pipeline board column).
    index("crm_deals_team_status_modified_idx").on(t.team, t.status, t.modified),
    index("crm_deals_owner_modified_idx").on(t.dealOwner, t.modified, t.team),
    // Deals won or lost in a date range (the dashboard).
    index("crm_deals_status_changed_idx").on(t.status, t.stageChangedOn),
    index("crm_deals_lead_idx").on(t.lead),
    uniqueIndex("crm_deals_client_uq").on(t.client),
  ],
);

/** `CRM Deal Stage Change`: one row per stage move, with the time spent in the stage left. Team and owner copied from the deal (its scope). */
export const crmStageChanges = mysqlTable(
  "crm_stage_changes",
  {
    name: nameKey(),
    deal: link("deal").notNull(),
    fromStage: link("from_stage"),
    toStage: link("to_stage").notNull(),
    changedAt: at("changed_at").notNull(),
    secondsInPreviousStage: int("seconds_in_previous_stage"),
    dealOwner: link("deal_owner"),
    team: link("team"),
    ...timestamps(),
  },
  (t) => [index("crm_stage_changes_deal_idx").on(t.deal, t.changedAt)],
);

/** `CRM Task`: a follow-up on a lead or deal. */
export const crmTasks = mysqlTable(
  "crm_tasks",
  {
    name: nameKey(),
    title: varchar("title", { length: 255 }).notNull(),
    description: text("description"),
    status: mysqlEnum("status", crmTaskStatuses).notNull().default("Todo"),
    priority: mysqlEnum("priority", crmTaskPriorities).notNull().default("Medium"),
    dueDate: at("due_date"),
    assignedTo: link("assigned_to"),
    reminderAt: at("reminder_at"),
    remindedOn: at("reminded_on"),
    referenceDoctype: varchar("reference_doctype", { length: 140 }),
    referenceDocname: link("reference_docname"),
    team: link("team"),
    ...timestamps(),
  },
  (t) => [
    index("crm_tasks_reference_idx").on(t.referenceDoctype, t.referenceDocname),
    index("crm_tasks_assignee_status_idx").on(t.assignedTo, t.status),
    index("crm_tasks_team_modified_idx").on(t.team, t.modified),
    index("crm_tasks_reminder_idx").on(t.reminderAt, t.remindedOn),
  ],
);

/** `CRM Note`: a note on a lead or deal. */
export const crmNotes = mysqlTable(
  "crm_notes",
  {
    name: nameKey(),
    title: varchar("title", { length: 255 }),
    content: text("content").notNull(),
    referenceDoctype: varchar("reference_doctype", { length: 140 }),
    referenceDocname: link("reference_docname"),
    team: link("team"),
    ...timestamps(),
  },
  (t) => [index("crm_notes_reference_idx").on(t.referenceDoctype, t.referenceDocname), index("crm_notes_team_modified_idx").on(t.team, t.modified)],
);

/** Columns shared by call and SMS logs. `provider_id` is unique: a provider's retried webhook writes nothing twice. */
const commColumns = () => ({
  name: nameKey(),
  direction: mysqlEnum("direction", commDirections).notNull(),
  fromNumber: varchar("from_number", { length: 40 }),
  toNumber: varchar("to_number", { length: 40 }),
  referenceDoctype: varchar("reference_doctype", { length: 140 }),
  referenceDocname: link("reference_docname"),
  providerId: varchar("provider_id", { length: 140 }),
  /** The sales user on our side of the call or message. */
  agent: link("agent"),
  team: link("team"),
  ...timestamps(),
});

/** `CRM Call Log`. */
export const crmCallLogs = mysqlTable(
  "crm_call_logs",
  {
    ...commColumns(),
    status: mysqlEnum("status", callStatuses).notNull().default("Initiated"),
    /** Seconds. */
    duration: int("duration"),
    recordingUrl: varchar("recording_url", { length: 500 }),
    note: text("note"),
  },
  (t) => [uniqueIndex("crm_call_logs_provider_uq").on(t.providerId), index("crm_call_logs_reference_idx").on(t.referenceDoctype, t.referenceDocname), index("crm_call_logs_team_modified_idx").on(t.team, t.modified)],
);

/** `CRM SMS Log`. */
export const crmSmsLogs = mysqlTable(
  "crm_sms_logs",
  {
    ...commColumns(),
    status: mysqlEnum("status", smsStatuses).notNull().default("Queued"),
    body: text("body"),
  },
  (t) => [uniqueIndex("crm_sms_logs_provider_uq").on(t.providerId), index("crm_sms_logs_reference_idx").on(t.referenceDoctype, t.referenceDocname), index("crm_sms_logs_team_modified_idx").on(t.team, t.modified)],
);

export const crmNotificationKinds = ["reminder"] as const;

/**
 * `CRM Notification`: an in-app notice for one user (a task's reminder, written by the
 * `crm-task-reminders` job). Its own table because `HD Notification` is bound to a ticket and a
 * department. The unique key (task, reminder_at) backs the job's conditional claim of the task: one
 * notice per reminder time, even if two runs raced past the claim.
 */
export const crmNotifications = mysqlTable(
  "crm_notifications",
  {
    name: nameKey(),
    forUser: link("for_user").notNull(),
    kind: mysqlEnum("kind", crmNotificationKinds).notNull(),
    subject: varchar("subject", { length: 500 }).notNull(),
    task: link("task"),
    reminderAt: at("reminder_at"),
    referenceDoctype: varchar("reference_doctype", { length: 140 }),
    referenceDocname: link("reference_docname"),
    read: boolean("read").notNull().default(false),
    ...timestamps(),
  },
  (t) => [index("crm_notifications_user_read_idx").on(t.forUser, t.read, t.creation), uniqueIndex("crm_notifications_task_reminder_uq").on(t.task, t.reminderAt)],
);
