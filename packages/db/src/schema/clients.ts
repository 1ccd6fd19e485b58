import { boolean, date, datetime, index, int, json, mysqlEnum, mysqlTable, text, uniqueIndex, varchar } from "drizzle-orm/mysql-core";
import { link, nameKey, timestamps } from "./columns";

export const clientStatuses = ["active", "discharged", "pending"] as const;
export const assignmentStatuses = ["active", "inactive"] as const;
export const programAssignmentStatuses = ["active", "completed", "paused", "withdrawn"] as const;
export const taskStatuses = ["open", "in_progress", "done", "cancelled"] as const;
export const taskCategories = ["medical", "program"] as const;

/** The Unified Client Schema: a client (patient), possibly synced from Kipu. Named `CL-00001`. */
export const clients = mysqlTable(
  "clients",
  {
    name: nameKey(),
    firstName: varchar("first_name", { length: 140 }).notNull(),
    lastName: varchar("last_name", { length: 140 }).notNull(),
    dob: date("dob", { mode: "string" }),
    status: mysqlEnum("status", clientStatuses).notNull().default("pending"),
    admissionDate: date("admission_date", { mode: "string" }),
    dischargeDate: date("discharge_date", { mode: "string" }),
    department: link("department").notNull(),
    kipuId: varchar("kipu_id", { length: 64 }),
    kipuLastSyncedAt: datetime("kipu_last_synced_at", { mode: "string", fsp: 6 }),
    syncedFromKipu: boolean("synced_from_kipu").notNull().default(false),
    /** Set when Kipu soft-deleted the patient: the client is flagged, never deleted. */
    kipuRemovedAt: datetime("kipu_removed_at", { mode: "string", fsp: 6 }),
    /** The CRM Deal this client was admitted from (the admissions hand-off); the deal links back by `client`. */
    crmDeal: varchar("crm_deal", { length: 140 }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("clients_kipu_id_uq").on(t.kipuId),
    uniqueIndex("clients_crm_deal_uq").on(t.crmDeal),
    // Every list sorts by `modified` by default; these serve the scoped list with and without a status filter.
    index("clients_dept_status_modified_idx").on(t.department, t.status, t.modified),
    index("clients_dept_modified_idx").on(t.department, t.modified),
    index("clients_status_modified_idx").on(t.status, t.modified),
    index("clients_modified_idx").on(t.modified),
    index("clients_last_name_idx").on(t.lastName, t.firstName),
    index("clients_admission_idx").on(t.admissionDate),
    // The sync's duplicate check looks up unlinked clients by date of birth.
    index("clients_dob_idx").on(t.dob),
  ],
);

/** Child table of Client: a medical template activated for the client. */
export const medicalAssignments = mysqlTable(
  "medical_assignments",
  {
    name: nameKey(),
    parent: link("parent").notNull(),
    idx: int("idx").notNull().default(0),
    templateId: link("template_id").notNull(),
    status: mysqlEnum("status", assignmentStatuses).notNull().default("active"),
    activatedAt: datetime("activated_at", { mode: "string", fsp: 6 }),
    taskGenerationMetadata: json("task_generation_metadata"),
    ...timestamps(),
  },
  (t) => [uniqueIndex("medical_assignments_parent_template_uq").on(t.parent, t.templateId)],
);

/** Child table of Client: enrolment in a program. */
export const programAssignments = mysqlTable(
  "program_assignments",
  {
    name: nameKey(),
    parent: link("parent").notNull(),
    idx: int("idx").notNull().default(0),
    programId: link("program_id").notNull(),
    status: mysqlEnum("status", programAssignmentStatuses).notNull().default("active"),
    startDate: date("start_date", { mode: "string" }),
    groupAssignment: varchar("group_assignment", { length: 140 }),
    ...timestamps(),
  },
  (t) => [index("program_assignments_parent_idx").on(t.parent, t.idx)],
);

/** A reusable care plan; activating it for a client generates its tasks. Named by its title. */
export const medicalTemplates = mysqlTable("medical_templates", {
  name: nameKey(),
  title: varchar("title", { length: 140 }).notNull(),
  description: text("description"),
  isActive: boolean("is_active").notNull().default(true),
  ...timestamps(),
});

/** Child table of Medical Template: the tasks it generates, due `offset_days` after activation. */
export const medicalTemplateTasks = mysqlTable(
  "medical_template_tasks",
  {
    name: nameKey(),
    parent: link("parent").notNull(),
    idx: int("idx").notNull().default(0),
    title: varchar("title", { length: 255 }).notNull(),
    offsetDays: int("offset_days").notNull().default(0),
    ...timestamps(),
  },
  (t) => [index("medical_template_tasks_parent_idx").on(t.parent, t.idx)],
);

export const programs = mysqlTable("programs", {
  name: nameKey(),
  title: varchar("title", { length: 140 }).notNull(),
  description: text("description"),
  isActive: boolean("is_active").notNull().default(true),
  ...timestamps(),
});

/** Work on a client. `category` decides which data category (medical/program) may see it. */
export const tasks = mysqlTable(
  "tasks",
  {
    name: nameKey(),
    client: link("client").notNull(),
    department: link("department").notNull(),
    category: mysqlEnum("category", taskCategories).notNull(),
    title: varchar("title", { length: 255 }).notNull(),
    assignee: link("assignee"),
    dueDate: date("due_date", { mode: "string" }),
    status: mysqlEnum("status", taskStatuses).notNull().default("open"),
    sourceTemplate: link("source_template"),
    // The template task a generated task came from: unique per client so generation is idempotent.
    sourceTemplateTask: link("source_template_task"),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("tasks_client_template_task_uq").on(t.client, t.sourceTemplateTask),
    index("tasks_dept_modified_idx").on(t.department, t.modified),
    index("tasks_client_status_idx").on(t.client, t.status),
    index("tasks_modified_idx").on(t.modified),
  ],
);
