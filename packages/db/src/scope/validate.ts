import { z } from "zod";
import { AppError, type FieldIssue } from "../errors";
import { isStandardField, type FieldDef } from "./doctype";
import { parseTimestamp } from "./time";

/** Keys a Frappe client sends back with a document that are not data: accepted and ignored. */
const ignoredKeys = new Set(["doctype", "docstatus", "idx", "parent", "parentfield", "parenttype", "__islocal", "__unsaved", "creation", "owner", "modified_by", "_user_tags", "_comments", "_assign", "_liked_by"]);

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date (YYYY-MM-DD)").refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), "is not a real date");

/** A field's schema, built once per field definition (building zod schemas dominates a batch's validation). */
const schemas = new WeakMap<FieldDef, z.ZodType>();
function schemaFor(field: FieldDef): z.ZodType {
  let schema = schemas.get(field);
  if (!schema) {
    schema = buildSchema(field);
    schemas.set(field, schema);
  }
  return schema;
}

function buildSchema(field: FieldDef): z.ZodType {
  switch (field.type) {
    case "data":
    case "link":
      return z.string().trim().max(field.maxLength ?? 140, `must be at most ${field.maxLength ?? 140} characters`);
    case "text":
      return z.string().max(field.maxLength ?? 65_535, "is too long");
    case "int":
      return z.number().int("must be a whole number");
    case "currency":
      return z.number().finite("must be a number").refine((v) => Math.abs(v) < 1e16, "is too large").refine((v) => Math.round(v * 100) === Number((v * 100).toFixed(6)), "must have at most two decimals");
    case "check":
      return z.union([z.boolean(), z.literal(0), z.literal(1)], { error: "must be 0 or 1" }).transform((v) => (v === true || v === 1 ? 1 : 0));
    case "date":
      return isoDate;
    case "datetime":
      return z.string().refine((v) => parseTimestamp(v) !== null, "must be a timestamp (YYYY-MM-DD HH:MM:SS)");
    case "select":
      return z.enum(field.options as [string, ...string[]], { error: `must be one of ${(field.options ?? []).join(", ")}` });
    case "json":
      return z.unknown();
  }
}

export interface ValidateOptions {
  mode: "create" | "update";
  /** Child-table fieldnames, passed through untouched for the caller to validate per row. */
  childKeys?: readonly string[];
  /** Where field issues are reported (`medical_assignments[2].status`). */
  path?: string;
}

export interface Validated {
  values: Record<string, unknown>;
  children: Record<string, unknown>;
  /** `modified` as sent by the client, for the conflict check. */
  modified: string | undefined;
  name: string | undefined;
}

/**
 * Checks a document body against its fields: unknown fields, wrong types, bad options, missing
 * required fields and read-only fields are reported together, one issue per field.
 */
export function validateDocument(fields: Record<string, FieldDef>, input: unknown, options: ValidateOptions): Validated {
  const prefix = options.path ? `${options.path}.` : "";
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw AppError.validation([{ field: options.path ?? "body", message: "must be an object" }]);
  }
  const issues: FieldIssue[] = [];
  const values: Record<string, unknown> = {};
  const children: Record<string, unknown> = {};
  let modified: string | undefined;
  let name: string | undefined;

  for (const [key, raw] of Object.entries(input)) {
    if (key === "modified") {
      if (typeof raw === "string") modified = raw;
      else if (raw !== null && raw !== undefined) issues.push({ field: `${prefix}modified`, message: "must be a timestamp string" });
      continue;
    }
    if (key === "name") {
      if (typeof raw === "string" && raw.length > 0) name = raw;
      continue;
    }
    if (ignoredKeys.has(key) || isStandardField(key)) continue;
    if (options.childKeys?.includes(key)) {
      children[key] = raw;
      continue;
    }
    const field = fields[key];
    if (!field || field.hidden) {
      issues.push({ field: `${prefix}${key}`, message: "is not a field of this document" });
      continue;
    }
    if (field.readOnly) {
      // Frappe clients echo whole documents back; a read-only field is only an error if it is being changed.
      continue;
    }
    if (raw === null || raw === undefined || raw === "") {
      if (field.required) issues.push({ field: `${prefix}${key}`, message: `${field.label} is required` });
      else values[key] = null;
      continue;
    }
    const parsed = schemaFor(field).safeParse(raw);
    if (!parsed.success) {
      issues.push({ field: `${prefix}${key}`, message: `${field.label} ${parsed.error.issues[0]?.message ?? "is invalid"}` });
      continue;
    }
    if (field.type === "json") values[key] = parsed.data;
    else values[key] = parsed.data;
  }

  if (options.mode === "create") {
    for (const [key, field] of Object.entries(fields)) {
      if (field.required && !field.readOnly && values[key] === undefined && !issues.some((i) => i.field === `${prefix}${key}`)) {
        issues.push({ field: `${prefix}${key}`, message: `${field.label} is required` });
      }
    }
  }
  if (issues.length) throw AppError.validation(issues);
  return { values, children, modified, name };
}

/** Validates a child table value: a list of row objects. */
export function validateChildRows(fields: Record<string, FieldDef>, input: unknown, path: string): Validated[] {
  if (!Array.isArray(input)) throw AppError.validation([{ field: path, message: "must be a list of rows" }]);
  const issues: FieldIssue[] = [];
  const rows: Validated[] = [];
  input.forEach((row, i) => {
    try {
      const hasName = typeof row === "object" && row !== null && typeof (row as { name?: unknown }).name === "string";
      rows.push(validateDocument(fields, row, { mode: hasName ? "update" : "create", path: `${path}[${i}]` }));
    } catch (error) {
      if (error instanceof AppError) issues.push(...error.fieldErrors);
      else throw error;
    }
  });
  if (issues.length) throw AppError.validation(issues);
  return rows;
}
