import { z } from "zod";
import { clientStatuses } from "@orchestrator/db/schema";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be YYYY-MM-DD");
export const clientSortFields = ["name", "first_name", "last_name", "status", "admission_date", "department", "modified"] as const;

export const clientListInput = z.object({
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(25),
  sort: z.enum(clientSortFields).default("modified"),
  dir: z.enum(["asc", "desc"]).default("desc"),
  status: z.array(z.enum(clientStatuses)).optional(),
  department: z.string().max(140).optional(),
  admittedFrom: isoDate.optional(),
  admittedTo: isoDate.optional(),
  search: z.string().max(100).optional(),
});
export type ClientListInput = z.infer<typeof clientListInput>;

export const clientListRow = z.object({
  name: z.string(),
  first_name: z.string(),
  last_name: z.string(),
  status: z.enum(clientStatuses),
  department: z.string(),
  admission_date: z.string().nullable(),
  discharge_date: z.string().nullable(),
  synced_from_kipu: z.number(),
  modified: z.string(),
});

export const clientListOutput = z.object({ rows: z.array(clientListRow), total: z.number(), totalIsCapped: z.boolean(), page: z.number(), pageSize: z.number() });

const childRow = z.record(z.string(), z.unknown());
/** A Client document: core fields always, child tables only when the reader may see their category. */
export const clientDoc = z
  .object({
    name: z.string(),
    first_name: z.string(),
    last_name: z.string(),
    dob: z.string().nullable().optional(),
    status: z.enum(clientStatuses),
    admission_date: z.string().nullable(),
    discharge_date: z.string().nullable(),
    department: z.string(),
    kipu_id: z.string().nullable(),
    kipu_last_synced_at: z.string().nullable(),
    synced_from_kipu: z.number(),
    creation: z.string(),
    modified: z.string(),
    owner: z.string(),
    modified_by: z.string(),
    medical_assignments: z.array(childRow).optional(),
    program_assignments: z.array(childRow).optional(),
  })
  .passthrough();
export type ClientDoc = z.infer<typeof clientDoc>;

/** Document bodies are validated field by field by the data layer (one message per field). */
export const documentBody = z.record(z.string(), z.unknown());

export const clientSummary = z.object({
  client: clientDoc,
  active_tasks: z.number(),
  recent_activities: z.array(z.object({ name: z.string(), ref_doctype: z.string(), docname: z.string(), action: z.string(), owner: z.string(), creation: z.string(), data: z.unknown() })),
  assigned_modules: z.array(z.object({ module: z.enum(["medical", "program"]), name: z.string(), status: z.string() })),
});
