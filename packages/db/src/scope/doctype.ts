import type { AnyMySqlColumn, MySqlTable } from "drizzle-orm/mysql-core";
import type { SQL } from "drizzle-orm";
import type { Category, Principal } from "../access/model";
import type { ScopedDb } from "./scoped-db";

/** `currency`: a decimal amount with at most two decimals (Frappe's Currency), a number on the wire. */
export type FieldType = "data" | "text" | "int" | "currency" | "check" | "date" | "datetime" | "select" | "link" | "json";

export interface FieldDef {
  column: AnyMySqlColumn;
  type: FieldType;
  label: string;
  options?: readonly string[];
  required?: boolean;
  /** Maintained by the server (sync metadata, generated values): never accepted from a client. */
  readOnly?: boolean;
  /** Masked as *** in audit diffs. */
  sensitive?: boolean;
  /** Never leaves the server (password hashes). */
  hidden?: boolean;
  /** Staff only: absent for readers whose grant is `own_customer` (portal contacts), never accepted from them. */
  internal?: boolean;
  /** Reading the field needs read access to this category, beyond the record's own. */
  category?: Category;
  maxLength?: number;
  /** For `link`: the DocType it points to (existence is checked on write). */
  linkTo?: string;
}

/** The standard columns every document and child row has, by Frappe fieldname. */
export interface StandardColumns {
  name: AnyMySqlColumn;
  creation: AnyMySqlColumn;
  modified: AnyMySqlColumn;
  owner: AnyMySqlColumn;
  modified_by: AnyMySqlColumn;
}

export interface ChildTableDef {
  doctype: string;
  table: MySqlTable;
  standard: StandardColumns;
  parent: AnyMySqlColumn;
  idx: AnyMySqlColumn;
  category: Category;
  fields: Record<string, FieldDef>;
}

export type ScopeRule =
  /** Rows belong to a department; `own_dept` grants see only their departments' rows. */
  | { kind: "department"; field: string }
  /** Catalogue data: everyone with read on the category sees every row. */
  | { kind: "global" }
  /** Rows belong to a user: they may read their own; others need the category with scope `all`. */
  | { kind: "self"; field: string }
  /**
   * Private rows (saved views, preferences): only their `owner` — the user who created them — reads
   * or writes them, whatever the role grants, Super Admin included. The category is not consulted:
   * everyone signed in may keep their own. Only system jobs see every owner's rows.
   */
  | { kind: "owner" }
  /** A hand-written predicate (the audit trail follows the documents it describes). */
  | { kind: "custom"; predicate: (principal: Principal) => SQL | undefined };

/** Rows whose `field` is one of `values` (e.g. published articles, replies but not internal notes). */
export interface CustomerScopeFilter {
  field: string;
  values: readonly string[];
}

/**
 * What a portal contact reaches: their customers' rows (`field`), or a read-only catalogue (every
 * row, `"catalogue"`, or those matching `only`).
 */
export type CustomerScope = { field: string; only?: CustomerScopeFilter } | { catalogue: true; only?: CustomerScopeFilter } | "catalogue";

/**
 * What readers whose grant is `own_team` (sales users and managers) reach: rows whose `ownerField`
 * (a user field, or the standard `owner`) is them or whose `teamField` is one of their teams; or a
 * read-only catalogue (`"catalogue"`: every row, e.g. the pipeline stages); or a catalogue that the
 * holders of one of `writerRoles` also write (`{ catalogue: true, writerRoles }`: e-mail templates,
 * kept by Sales Managers). Their grant must still be `write`.
 */
export type TeamScope = { ownerField: string; teamField: string } | "catalogue" | { catalogue: true; writerRoles: readonly string[] };

/** How a new document gets its name: a series (`CL-00042`), a field's value, a random id, or the `name` the caller gives (Frappe's "Prompt"). */
export type NamingRule = { kind: "series"; prefix: string; digits: number } | { kind: "field"; field: string } | { kind: "random" } | { kind: "prompt" };

export interface DocTypeDef {
  name: string;
  table: MySqlTable;
  standard: StandardColumns;
  category: Category;
  scope: ScopeRule;
  /** When rows of one DocType belong to different categories (a medical vs a program task). */
  rowCategory?: { field: string; values: Record<string, Category> };
  naming: NamingRule;
  fields: Record<string, FieldDef>;
  children?: Record<string, ChildTableDef>;
  /**
   * What readers whose grant is `own_customer` (portal contacts) may see and write: rows whose `field`
   * is one of their customers (and, with `only`, whose `only.field` is one of `only.values`), or a
   * read-only catalogue (`"catalogue"`: every row; `{ catalogue: true, only }`: the matching rows).
   * Absent: nothing (fail closed).
   */
  customerScope?: CustomerScope;
  /** What readers whose grant is `own_team` may see and write. Absent: nothing (fail closed). */
  teamScope?: TeamScope;
  /** PHI-bearing: each read of a document is written to the access log. */
  phi?: boolean;
  readOnly?: boolean;
  /** Fields matched by the free-text search of list views. */
  searchFields?: readonly string[];
  /** Fields the list returns when the caller does not ask (Frappe returns only `name`). */
  titleField?: string;
  /**
   * Frappe's `validate`: runs inside the write's transaction after the permission checks, just before
   * the row is written, with a ScopedDb bound to that transaction. It may refuse the write (throw an
   * AppError with field errors) or change related documents, which then commit or roll back with it.
   * Runs for every create and for every update that changes a field or sends a child table (tRPC and
   * REST alike); `event.children` has the child rows. Like Frappe's `validate`, which sets fields on
   * `self`, it may return values for fields of the document (server-managed ones included; not the
   * department scope field), which are written with it and audited in the same Version row.
   */
  validate?: (scoped: ScopedDb, event: ValidateEvent) => Promise<ValidateResult>;
  /** Runs after a write has committed (cache invalidation, revoking sessions); must not throw for the write's sake. */
  afterWrite?: (event: WriteEvent) => Promise<void>;
  /** Rewrites a row on its way out (e.g. strips unreadable parts of an audit diff). */
  transformOut?: (row: Record<string, unknown>, principal: Principal) => Record<string, unknown>;
}

/** What a `validate` hook returns: nothing, or values it sets on the document. */
export type ValidateResult = Record<string, unknown> | undefined | void;

/** What `validate` gets: the document as it will be stored (`owner` included) and, for an update, as it was. */
export interface ValidateEvent {
  action: "create" | "update";
  name: string;
  /** Fields the write sets (create) or changes (update). */
  changed: readonly string[];
  doc: Readonly<Record<string, unknown>>;
  previous?: Readonly<Record<string, unknown>>;
  /**
   * The child tables as they will be stored, by fieldname: for a create, the body's rows; for an
   * update, the body's rows merged with the stored ones for each table the body sends (tables it does
   * not send are absent: unchanged). Rows carry their fields, not the standard columns.
   */
  children?: Readonly<Record<string, readonly Readonly<Record<string, unknown>>[]>>;
}

/** What `afterWrite` hears: the document's stored row after the write (before it, for a delete), and for an update the row before. */
export interface WriteEvent {
  action: "create" | "update" | "delete";
  name: string;
  changed: readonly string[];
  row: Readonly<Record<string, unknown>>;
  previous?: Readonly<Record<string, unknown>>;
}

export const standardFieldnames = ["name", "creation", "modified", "owner", "modified_by"] as const;
export type StandardFieldname = (typeof standardFieldnames)[number];

export function isStandardField(field: string): field is StandardFieldname {
  return (standardFieldnames as readonly string[]).includes(field);
}
