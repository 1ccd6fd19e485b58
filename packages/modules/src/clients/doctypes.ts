import { clientStatuses, assignmentStatuses, programAssignmentStatuses, taskStatuses, taskCategories } from "@orchestrator/db/schema";
import * as s from "@orchestrator/db/schema";
import type { ChildTableDef, DocTypeDef } from "@orchestrator/db";
import { standardOf } from "../registry/standard";
import { publishLiveEvent } from "../events/publish";
import { validateClient } from "./validate-client";

export const medicalAssignmentTable: ChildTableDef = {
  doctype: "Medical Assignment",
  table: s.medicalAssignments,
  standard: standardOf(s.medicalAssignments),
  parent: s.medicalAssignments.parent,
  idx: s.medicalAssignments.idx,
  category: "medical",
  fields: {
    template_id: { column: s.medicalAssignments.templateId, type: "link", linkTo: "Medical Template", label: "Template", required: true },
    status: { column: s.medicalAssignments.status, type: "select", options: assignmentStatuses, label: "Status" },
    activated_at: { column: s.medicalAssignments.activatedAt, type: "datetime", label: "Activated at", readOnly: true },
    task_generation_metadata: { column: s.medicalAssignments.taskGenerationMetadata, type: "json", label: "Task generation", readOnly: true },
  },
};

export const programAssignmentTable: ChildTableDef = {
  doctype: "Program Assignment",
  table: s.programAssignments,
  standard: standardOf(s.programAssignments),
  parent: s.programAssignments.parent,
  idx: s.programAssignments.idx,
  category: "program",
  fields: {
    program_id: { column: s.programAssignments.programId, type: "link", linkTo: "Program", label: "Program", required: true },
    status: { column: s.programAssignments.status, type: "select", options: programAssignmentStatuses, label: "Status" },
    start_date: { column: s.programAssignments.startDate, type: "date", label: "Start date" },
    group_assignment: { column: s.programAssignments.groupAssignment, type: "data", label: "Group" },
  },
};

export const clientDocType: DocTypeDef = {
  name: "Client",
  table: s.clients,
  standard: standardOf(s.clients),
  category: "client",
  scope: { kind: "department", field: "department" },
  naming: { kind: "series", prefix: "CL-", digits: 5 },
  phi: true,
  // Live updates: after a write commits, a PHI-free event goes out on Redis pub/sub (events/).
  afterWrite: publishLiveEvent(() => clientDocType),
  validate: validateClient,
  titleField: "first_name",
  searchFields: ["first_name", "last_name", "kipu_id"],
  fields: {
    first_name: { column: s.clients.firstName, type: "data", label: "First name", required: true },
    last_name: { column: s.clients.lastName, type: "data", label: "Last name", required: true },
    dob: { column: s.clients.dob, type: "date", label: "Date of birth", sensitive: true },
    status: { column: s.clients.status, type: "select", options: clientStatuses, label: "Status" },
    admission_date: { column: s.clients.admissionDate, type: "date", label: "Admission date" },
    discharge_date: { column: s.clients.dischargeDate, type: "date", label: "Discharge date" },
    department: { column: s.clients.department, type: "link", linkTo: "Department", label: "Department" },
    kipu_id: { column: s.clients.kipuId, type: "data", label: "Kipu ID", readOnly: true, maxLength: 64 },
    kipu_last_synced_at: { column: s.clients.kipuLastSyncedAt, type: "datetime", label: "Last synced from Kipu", readOnly: true },
    synced_from_kipu: { column: s.clients.syncedFromKipu, type: "check", label: "Synced from Kipu", readOnly: true },
    kipu_removed_at: { column: s.clients.kipuRemovedAt, type: "datetime", label: "Removed in Kipu", readOnly: true },
    /** The CRM Deal the client was admitted from (set by the CRM's admission hand-off). */
    crm_deal: { column: s.clients.crmDeal, type: "link", linkTo: "CRM Deal", label: "Admitted from deal", readOnly: true },
  },
  children: { medical_assignments: medicalAssignmentTable, program_assignments: programAssignmentTable },
};

export const medicalTemplateDocType: DocTypeDef = {
  name: "Medical Template",
  table: s.medicalTemplates,
  standard: standardOf(s.medicalTemplates),
  category: "medical",
  scope: { kind: "global" },
  naming: { kind: "field", field: "title" },
  titleField: "title",
  searchFields: ["title"],
  fields: {
    title: { column: s.medicalTemplates.title, type: "data", label: "Title", required: true },
    description: { column: s.medicalTemplates.description, type: "text", label: "Description" },
    is_active: { column: s.medicalTemplates.isActive, type: "check", label: "Active" },
  },
  children: {
    tasks: {
      doctype: "Medical Template Task",
      table: s.medicalTemplateTasks,
      standard: standardOf(s.medicalTemplateTasks),
      parent: s.medicalTemplateTasks.parent,
      idx: s.medicalTemplateTasks.idx,
      category: "medical",
      fields: {
        title: { column: s.medicalTemplateTasks.title, type: "data", label: "Task", required: true, maxLength: 255 },
        offset_days: { column: s.medicalTemplateTasks.offsetDays, type: "int", label: "Due after (days)" },
      },
    },
  },
};

export const programDocType: DocTypeDef = {
  name: "Program",
  table: s.programs,
  standard: standardOf(s.programs),
  category: "program",
  scope: { kind: "global" },
  naming: { kind: "field", field: "title" },
  titleField: "title",
  searchFields: ["title"],
  fields: {
    title: { column: s.programs.title, type: "data", label: "Title", required: true },
    description: { column: s.programs.description, type: "text", label: "Description" },
    is_active: { column: s.programs.isActive, type: "check", label: "Active" },
  },
};

export const taskDocType: DocTypeDef = {
  name: "Task",
  table: s.tasks,
  standard: standardOf(s.tasks),
  category: "medical",
  scope: { kind: "department", field: "department" },
  rowCategory: { field: "category", values: { medical: "medical", program: "program" } },
  naming: { kind: "series", prefix: "TASK-", digits: 5 },
  afterWrite: publishLiveEvent(() => taskDocType),
  titleField: "title",
  searchFields: ["title"],
  fields: {
    client: { column: s.tasks.client, type: "link", linkTo: "Client", label: "Client", required: true },
    department: { column: s.tasks.department, type: "link", linkTo: "Department", label: "Department" },
    category: { column: s.tasks.category, type: "select", options: taskCategories, label: "Category", required: true },
    title: { column: s.tasks.title, type: "data", label: "Title", required: true, maxLength: 255 },
    assignee: { column: s.tasks.assignee, type: "link", linkTo: "User", label: "Assignee" },
    due_date: { column: s.tasks.dueDate, type: "date", label: "Due date" },
    status: { column: s.tasks.status, type: "select", options: taskStatuses, label: "Status" },
    source_template: { column: s.tasks.sourceTemplate, type: "link", linkTo: "Medical Template", label: "Source template", readOnly: true },
    source_template_task: { column: s.tasks.sourceTemplateTask, type: "data", label: "Source template task", readOnly: true },
  },
};
