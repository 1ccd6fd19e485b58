import { and, asc, count, eq, inArray, sql, type SQL } from "drizzle-orm";
import { unionAll, type AnyMySqlColumn } from "drizzle-orm/mysql-core";
import { v7 as uuidv7 } from "uuid";
import { canRead, canWrite, grantFor, writeScopeOf, type Category, type Principal } from "../access/model";
import type { Executor } from "../client";
import { AppError, AppErrorCode, isAppError, safeErrorSummary } from "../errors";
import { diffDocument, fieldChanges, isEmptyDiff, writeAccessLog, writeVersion, writeVersions, type ChildDiffInput, type RequestMeta, type VersionInput } from "./audit";
import type { ChildTableDef, DocTypeDef, ValidateResult, WriteEvent } from "./doctype";
import { nextSeriesName, nextSeriesNames } from "./naming";
import { categoryOfRow, categoryReadableFor, categoryWritableFor, isCustomerScoped, readPredicate, rowInScope, teamReadBranches } from "./predicate";
import { buildFilterSql, buildOrderBy, orderColumns, resolveFields, type ListQuery } from "./query";
import { allColumns, insertRows, normalizeRow, toTableValues } from "./rows";
import { nextTimestamp, sameTimestamp } from "./time";
import { validateChildRows, validateDocument, type Validated } from "./validate";

export interface DocTypeRegistry {
  get(name: string): DocTypeDef | undefined;
}

export type Doc = Record<string, unknown> & { name: string };

export interface WriteOptions {
  /** The `modified` the caller last saw; a different stored value is a conflict. */
  expectedModified?: string | undefined;
  /**
   * Values for server-managed (`readOnly`) fields, set by trusted service code (a job, a workflow step)
   * and never taken from a request body, which cannot carry them. For a child table, a list aligned
   * with the body's rows: `{ medical_assignments: [undefined, { activated_at }] }`. Permission checks
   * and the audit row see the resulting document as usual.
   */
  serverValues?: Record<string, unknown> | undefined;
}

/** One document of `insertMany`: the body as `insert` takes it, and its server values (document fields only). */
export interface InsertManyItem {
  body: unknown;
  serverValues?: Record<string, unknown> | undefined;
}

/** What `insertMany` did with one document: inserted as `name`, or refused by a rule (nothing of it written). */
export type InsertManyOutcome = { ok: true; name: string } | { ok: false; error: AppError };

/** Rows per multi-row INSERT statement in `insertMany`. */
const INSERT_CHUNK = 500;

type ServerValues = { values: Record<string, unknown>; children: Map<string, (Record<string, unknown> | undefined)[]> };

/** Splits `serverValues` by document and child table, refusing any field that is not server-managed. */
function splitServerValues(dt: DocTypeDef, serverValues: Record<string, unknown> | undefined): ServerValues {
  const out: ServerValues = { values: {}, children: new Map() };
  const onlyReadOnly = (fields: DocTypeDef["fields"], values: Record<string, unknown>, path: string) => {
    for (const key of Object.keys(values)) {
      const def = fields[key];
      if (!def?.readOnly || def.hidden) throw new Error(`serverValues: ${path}${key} is not a server-managed field of ${dt.name}`);
    }
    return values;
  };
  for (const [key, value] of Object.entries(serverValues ?? {})) {
    const child = dt.children?.[key];
    if (!child) { Object.assign(out.values, onlyReadOnly(dt.fields, { [key]: value }, "")); continue; }
    if (!Array.isArray(value)) throw new Error(`serverValues: ${key} must be a list aligned with the body's rows`);
    out.children.set(key, value.map((row: Record<string, unknown> | undefined, i) => (row ? onlyReadOnly(child.fields, row, `${key}[${i}].`) : undefined)));
  }
  return out;
}

/** Merges child server values into the validated rows they are aligned with. */
function applyChildServerValues(childRows: Map<string, Validated[]>, server: ServerValues): void {
  for (const [key, values] of server.children) {
    const rows = childRows.get(key);
    if (!rows || values.length > rows.length) throw new Error(`serverValues: ${key} has more rows than the body`);
    values.forEach((v, i) => { if (v) Object.assign(rows[i]!.values, v); });
  }
}

/** Values a `validate` hook set on the document: declared, non-hidden fields other than the department scope field. */
function hookValues(dt: DocTypeDef, result: ValidateResult): Record<string, unknown> {
  if (!result) return {};
  for (const key of Object.keys(result)) {
    const def = dt.fields[key];
    if (!def || def.hidden || (dt.scope.kind === "department" && dt.scope.field === key)) throw new Error(`${dt.name}: validate may not set ${key}`);
  }
  return result;
}

const DEFAULT_PAGE_LENGTH = 20;

function isDuplicateKey(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: string }).code === "ER_DUP_ENTRY" || (e as { errno?: number }).errno === 1062) return true;
  }
  return false;
}

/**
 * The only door to scoped data. Built per request (or job) from the principal; every read ANDs the
 * principal's scope predicate in, every write checks the row before and after, stamps the server's
 * values and writes exactly one Version row in the same transaction.
 */
export class ScopedDb {
  constructor(
    readonly principal: Principal,
    readonly meta: RequestMeta,
    private readonly registry: DocTypeRegistry,
    private readonly exec: Executor,
  ) {}

  doctype(name: string): DocTypeDef {
    const dt = this.registry.get(name);
    if (!dt) throw new AppError(AppErrorCode.NotFound, `DocType ${name} not found`);
    return dt;
  }

  /** Runs `fn` in one transaction; the ScopedDb it gets writes through that transaction. */
  transaction<T>(fn: (scoped: ScopedDb) => Promise<T>): Promise<T> {
    return this.exec.transaction((tx) => fn(new ScopedDb(this.principal, this.meta, this.registry, tx)));
  }

  /**
   * The executor this handle writes through (inside `transaction`, that transaction), for a module's
   * own derived bookkeeping rows that are not documents and must commit or roll back with a write
   * (the helpdesk's escalation marks, written by the ticket's validate). Never for documents: those
   * go through the scoped methods, checked and audited.
   */
  bookkeepingExecutor(): Executor {
    return this.exec;
  }

  /**
   * The same transaction under another principal: for a module's hook that does, on its caller's
   * behalf, work the caller may not do directly (a portal contact's ticket gets its SLA, assignment and
   * activity rows written as the helpdesk service). Every write it makes is checked and audited as that
   * principal's. The named door for such elevation; never for serving a caller's reads.
   */
  actingAs(principal: Principal): ScopedDb {
    return new ScopedDb(principal, this.meta, this.registry, this.exec);
  }

  /** Whether the principal may read any row of a DocType at all (a module's presence in the UI follows this). */
  canReadDoctype(doctype: string): boolean {
    const dt = this.doctype(doctype);
    if (dt.scope.kind === "self" || dt.scope.kind === "custom" || dt.scope.kind === "owner") return true;
    const categories: Category[] = dt.rowCategory ? Object.values(dt.rowCategory.values) : [dt.category];
    return categories.some((c) => canRead(this.principal, c));
  }

  /** Refuses a whole DocType the principal has no read access to (403, as Frappe does for lists). */
  private assertDoctypeReadable(dt: DocTypeDef): void {
    if (!this.canReadDoctype(dt.name)) throw AppError.forbidden(`No permission to read ${dt.name}`);
  }

  private where(dt: DocTypeDef, ...parts: (SQL | undefined)[]): SQL | undefined {
    return and(readPredicate(this.principal, dt), ...parts);
  }

  private out(dt: DocTypeDef, row: Record<string, unknown>): Record<string, unknown> {
    const normalized = normalizeRow(dt.fields, row);
    return dt.transformOut ? dt.transformOut(normalized, this.principal) : normalized;
  }

  async list(doctype: string, query: ListQuery = {}): Promise<Record<string, unknown>[]> {
    const dt = this.doctype(doctype);
    this.assertDoctypeReadable(dt);
    const columns = resolveFields(this.principal, dt, query.fields);
    const filters = buildFilterSql(this.principal, dt, query);
    const limit = query.limit === undefined ? DEFAULT_PAGE_LENGTH : query.limit;
    const branches = limit > 0 ? teamReadBranches(this.principal, dt) : undefined;
    if (branches && branches.length >= 2) {
      // A sales user's page: each branch's first start + limit rows in order, merged (see teamReadBranches).
      // Fresh order terms for each query: drizzle rewrites a union's ORDER BY terms in place. The merge orders by column name, so the sort columns are selected too.
      const order = (merged = false) => buildOrderBy(this.principal, dt, query.orderBy, { merged });
      const selected = new Set<AnyMySqlColumn>(Object.values(columns));
      const sortOnly = Object.fromEntries(orderColumns(this.principal, dt, query.orderBy).filter((c) => !selected.has(c)).map((c, i) => [`__order${i}`, c]));
      const [first, second, ...rest] = branches.map((b) => this.exec.select({ ...columns, ...sortOnly }).from(dt.table).where(and(b, filters)).orderBy(...order()).limit((query.start ?? 0) + limit));
      const merged = (await unionAll(first!, second!, ...rest).orderBy(...order(true)).limit(limit).offset(query.start ?? 0)) as Record<string, unknown>[];
      return merged.map((row) => {
        for (const key of Object.keys(sortOnly)) delete row[key];
        return this.out(dt, row);
      });
    }
    let q = this.exec.select(columns).from(dt.table).where(this.where(dt, filters)).orderBy(...buildOrderBy(this.principal, dt, query.orderBy)).$dynamic();
    if (limit > 0) q = q.limit(limit);
    if (query.start) q = limit > 0 ? q.offset(query.start) : q.limit(Number.MAX_SAFE_INTEGER).offset(query.start);
    const rows = (await q) as Record<string, unknown>[];
    return rows.map((row) => this.out(dt, row));
  }

  /**
   * Rows in scope matching the filters. With `cap`, counting stops after cap + 1 rows (a list UI
   * says "10,000+" rather than scanning a whole department on every page view).
   */
  async count(doctype: string, query: Pick<ListQuery, "filters" | "orFilters" | "search"> = {}, options: { cap?: number } = {}): Promise<number> {
    const dt = this.doctype(doctype);
    this.assertDoctypeReadable(dt);
    const where = this.where(dt, buildFilterSql(this.principal, dt, query));
    if (options.cap !== undefined) {
      const capped = this.exec.select({ one: sql`1`.as("one") }).from(dt.table).where(where).limit(options.cap + 1).as("capped");
      const [row] = await this.exec.select({ n: count() }).from(capped);
      return Number(row?.n ?? 0);
    }
    const [row] = await this.exec.select({ n: count() }).from(dt.table).where(where);
    return Number(row?.n ?? 0);
  }

  /** The stored row if the principal can read it; `forUpdate` locks it for the surrounding transaction. */
  private async loadRow(dt: DocTypeDef, name: string, forUpdate = false): Promise<Record<string, unknown> | undefined> {
    const q = this.exec.select(allColumns(dt.fields, dt.standard as unknown as Record<string, AnyMySqlColumn>)).from(dt.table).where(this.where(dt, eq(dt.standard.name, name))).limit(1);
    const rows = (forUpdate ? await q.for("update") : await q) as Record<string, unknown>[];
    return rows[0] ? normalizeRow(dt.fields, rows[0]) : undefined;
  }

  private departmentOf(dt: DocTypeDef, row: Record<string, unknown>): unknown {
    return dt.scope.kind === "department" ? row[dt.scope.field] : undefined;
  }

  private readableChildren(dt: DocTypeDef, row: Record<string, unknown>): [string, ChildTableDef][] {
    // A user reads their own record whole (roles, departments), as in Frappe.
    if (dt.scope.kind === "self" && row[dt.scope.field] === this.principal.user) return Object.entries(dt.children ?? {});
    const department = this.departmentOf(dt, row);
    return Object.entries(dt.children ?? {}).filter(([, child]) => categoryReadableFor(this.principal, child.category, department));
  }

  private async loadChildren(child: ChildTableDef, parent: string): Promise<Record<string, unknown>[]> {
    const columns = allColumns(child.fields, child.standard as unknown as Record<string, AnyMySqlColumn>, { parent: child.parent, idx: child.idx });
    const rows = (await this.exec.select(columns).from(child.table).where(eq(child.parent, parent)).orderBy(asc(child.idx))) as Record<string, unknown>[];
    return rows.map((r) => normalizeRow(child.fields, r));
  }

  /** Strips fields of a category the principal may not read for this row. */
  private visibleDoc(dt: DocTypeDef, row: Record<string, unknown>): Record<string, unknown> {
    const department = this.departmentOf(dt, row);
    const portal = isCustomerScoped(this.principal, categoryOfRow(dt, row));
    const out: Record<string, unknown> = { ...row };
    for (const [field, def] of Object.entries(dt.fields)) {
      if (def.hidden || (portal && def.internal) || (def.category && !categoryReadableFor(this.principal, def.category, department))) delete out[field];
    }
    return out;
  }

  /** A portal contact may not set staff-only (`internal`) fields: refused by name, nothing written. */
  private refuseInternal(dt: DocTypeDef, values: Record<string, unknown>): void {
    if (!isCustomerScoped(this.principal, dt.category)) return;
    const issues = Object.keys(values).filter((f) => dt.fields[f]?.internal).map((field) => ({ field, message: `${dt.fields[field]!.label} cannot be set from the portal` }));
    if (issues.length) throw AppError.validation(issues);
  }

  /** One document with the child tables the principal may read; out of scope is NOT FOUND. */
  async get(doctype: string, name: string, options: { logAccess?: boolean; forUpdate?: boolean } = {}): Promise<Doc> {
    const dt = this.doctype(doctype);
    // `forUpdate` (inside `transaction`) locks the document row: writers of its child rows go through it.
    const row = await this.loadRow(dt, name, options.forUpdate);
    if (!row) throw AppError.notFound(dt.name, name);
    const doc: Record<string, unknown> = { ...this.visibleDoc(dt, row), doctype: dt.name };
    const children = this.readableChildren(dt, row);
    // Child tables and the access-log entry are independent: one round trip's worth of waiting.
    const logged = dt.phi && options.logAccess !== false ? writeAccessLog(this.exec, { doctype: dt.name, docname: name, actor: this.principal.user, at: nextTimestamp(), meta: this.meta }) : undefined;
    const [loaded] = await Promise.all([Promise.all(children.map(([, child]) => this.loadChildren(child, name))), logged]);
    children.forEach(([key, child], i) => { doc[key] = (loaded[i] ?? []).map((r) => ({ ...r, doctype: child.doctype, parentfield: key, parenttype: dt.name })); });
    return (dt.transformOut ? dt.transformOut(doc, this.principal) : doc) as Doc;
  }

  async exists(doctype: string, name: string): Promise<boolean> {
    const dt = this.doctype(doctype);
    const rows = await this.exec.select({ n: dt.standard.name }).from(dt.table).where(this.where(dt, eq(dt.standard.name, name))).limit(1);
    return rows.length > 0;
  }

  /** Links must point at existing documents (a FK check: existence only, no data read). */
  private async checkLinks(dt: { fields: DocTypeDef["fields"] }, values: Record<string, unknown>, path = ""): Promise<void> {
    const issues: { field: string; message: string }[] = [];
    for (const [field, def] of Object.entries(dt.fields)) {
      const value = values[field];
      if (def.type !== "link" || !def.linkTo || typeof value !== "string") continue;
      const target = this.doctype(def.linkTo);
      const found = await this.exec.select({ n: target.standard.name }).from(target.table).where(eq(target.standard.name, value)).limit(1);
      if (!found.length) issues.push({ field: `${path}${field}`, message: `${def.label}: ${def.linkTo} ${value} not found` });
    }
    if (issues.length) throw AppError.validation(issues);
  }

  /** Fills the department from the principal when not given (the server stamps it, never trusts it blindly). */
  private stampDepartment(dt: DocTypeDef, values: Record<string, unknown>): void {
    if (dt.scope.kind !== "department") return;
    const field = dt.scope.field;
    if (values[field] === undefined || values[field] === null) {
      if (this.principal.departments.length === 1) values[field] = this.principal.departments[0];
    }
  }

  /**
   * A sales user's (`own_team` grant) new row goes to their team when they give none and have one;
   * with several teams they choose (a manager), unless the row is theirs by its owner field.
   */
  private stampTeam(dt: DocTypeDef, values: Record<string, unknown>): void {
    const rule = dt.teamScope;
    if (!rule || rule === "catalogue" || "catalogue" in rule || this.principal.system || writeScopeOf(grantFor(this.principal, dt.category)) !== "own_team") return;
    const given = values[rule.teamField];
    if (typeof given === "string" && given) return;
    const teams = this.principal.teams ?? [];
    if (teams.length === 1) values[rule.teamField] = teams[0];
    else if (rule.ownerField !== "owner" && values[rule.ownerField] !== this.principal.user) {
      throw AppError.validation([{ field: rule.teamField, message: teams.length ? `Choose a team (${teams.join(", ")})` : "You are in no CRM team: ask a manager to add you" }]);
    }
  }

  private async newName(dt: DocTypeDef, values: Record<string, unknown>, given: string | undefined, exec: Executor): Promise<string> {
    switch (dt.naming.kind) {
      case "prompt":
        if (!given || given.length > 140) throw AppError.validation([{ field: "name", message: "Name is required (at most 140 characters)" }]);
        return given;
      case "series":
        return nextSeriesName(exec, dt.naming.prefix, dt.naming.digits);
      case "field": {
        const value = values[dt.naming.field];
        if (typeof value !== "string" || !value) throw AppError.validation([{ field: dt.naming.field, message: `${dt.fields[dt.naming.field]?.label ?? dt.naming.field} is required` }]);
        return value;
      }
      case "random":
        return uuidv7();
    }
  }

  private assertWritable(dt: DocTypeDef, row: Record<string, unknown>, verb: string): void {
    if (dt.readOnly) throw AppError.forbidden(`${dt.name} is read-only`);
    const category = categoryOfRow(dt, row);
    // Private (`owner`) rows need no grant, only ownership, which `rowInScope` checks.
    if (dt.scope.kind !== "owner" && !canWrite(this.principal, category)) throw AppError.forbidden(`No permission to ${verb} ${dt.name}`);
    if (!rowInScope(this.principal, dt, row, category, "write")) {
      const dept = this.departmentOf(dt, row);
      throw AppError.forbidden(dept ? `No permission to ${verb} ${dt.name} in department ${String(dept)}` : `No permission to ${verb} ${dt.name}`);
    }
  }

  private validateChildren(dt: DocTypeDef, children: Record<string, unknown>, department: unknown): Map<string, Validated[]> {
    const out = new Map<string, Validated[]>();
    for (const [key, raw] of Object.entries(children)) {
      const child = dt.children?.[key];
      if (!child) continue;
      if (!categoryWritableFor(this.principal, child.category, department)) throw AppError.forbidden(`No permission to change ${child.doctype}`);
      out.set(key, validateChildRows(child.fields, raw, key));
    }
    return out;
  }

  async insert(doctype: string, body: unknown, options: Pick<WriteOptions, "serverValues"> = {}): Promise<Doc> {
    const dt = this.doctype(doctype);
    if (dt.readOnly) throw AppError.forbidden(`${dt.name} is read-only`);
    const input = validateDocument(dt.fields, body, { mode: "create", childKeys: Object.keys(dt.children ?? {}) });
    this.refuseInternal(dt, input.values);
    const server = splitServerValues(dt, options.serverValues);
    const values = { ...input.values, ...server.values };
    this.stampDepartment(dt, values);
    this.stampTeam(dt, values);
    if (dt.scope.kind === "department" && !values[dt.scope.field]) throw AppError.validation([{ field: dt.scope.field, message: "Department is required" }]);
    // The owner is stamped below: the after-image is checked with it.
    this.assertWritable(dt, { ...values, owner: this.principal.user }, "create");
    const childRows = this.validateChildren(dt, input.children, this.departmentOf(dt, values));
    applyChildServerValues(childRows, server);
    await this.checkLinks(dt, values);
    for (const [key, rows] of childRows) {
      const child = dt.children![key]!;
      for (const [i, row] of rows.entries()) {
        this.requireChildFields(child, row, `${key}[${i}].`);
        await this.checkLinks(child, row.values, `${key}[${i}].`);
      }
    }

    try {
      const name = await this.exec.transaction(async (tx) => {
        const name = await this.newName(dt, values, input.name, tx);
        if (dt.validate) {
          const scoped = new ScopedDb(this.principal, this.meta, this.registry, tx);
          const children = Object.fromEntries([...childRows].map(([key, rows]) => [key, rows.map((r) => r.values)]));
          Object.assign(values, hookValues(dt, await dt.validate(scoped, { action: "create", name, changed: Object.keys(values), doc: { ...values, name, owner: this.principal.user }, children })));
        }
        const now = nextTimestamp();
        const stamp = { creation: now, modified: now, owner: this.principal.user, modified_by: this.principal.user };
        await tx.insert(dt.table).values(toTableValues(dt.table, dt.fields, dt.standard, { ...values, name, ...stamp }));
        const childDiffs: ChildDiffInput[] = [];
        for (const [key, rows] of childRows) {
          const child = dt.children![key]!;
          const inserted = rows.map((row, i) => ({ ...row.values, name: uuidv7(), idx: i + 1 }));
          if (inserted.length) await tx.insert(child.table).values(inserted.map((r) => toTableValues(child.table, child.fields, child.standard, { ...r, ...stamp, parent: name }, { parent: child.parent, idx: child.idx })));
          childDiffs.push({ table: key, fields: child.fields, before: [], after: inserted });
        }
        const data = diffDocument(dt.fields, {}, values, childDiffs);
        await writeVersion(tx, { doctype: dt.name, docname: name, action: "create", data, actor: this.principal.user, at: now, meta: this.meta });
        return name;
      });
      await this.notify(dt, { action: "create", name, changed: Object.keys(values), row: { ...values, name } });
      return await this.get(dt.name, name, { logAccess: false });
    } catch (error) {
      if (isDuplicateKey(error)) throw new AppError(AppErrorCode.Duplicate, `${dt.name} already exists`, { cause: error });
      throw error;
    }
  }

  /**
   * `insert` for a batch of documents without child rows (a sync page, an import), with the same
   * checks per document: the body validated, server values limited to server-managed fields, the
   * department stamped, write permission on the after-image, links, the DocType's `validate` — then
   * the rows and one Version row each go in as multi-row INSERTs in one transaction, the names taken
   * from the series in one step. A document refused by a rule (a Validation error: a bad field, a
   * missing link, the DocType's `validate`) is reported in its slot and not written; the others are.
   * Anything else (no permission, a duplicate key, a database error) throws and writes nothing.
   * `afterWrite` runs per document once the batch has committed. Returns names, not re-read documents.
   * The `validate` hooks run one after another inside the batch's transaction before any row is
   * written, so a hook that refuses must do it before writing anything (every hook does today); a
   * series name taken for a document its hook refused is not reused.
   */
  async insertMany(doctype: string, items: readonly InsertManyItem[]): Promise<InsertManyOutcome[]> {
    const dt = this.doctype(doctype);
    if (dt.readOnly) throw AppError.forbidden(`${dt.name} is read-only`);
    const outcomes: InsertManyOutcome[] = new Array<InsertManyOutcome>(items.length);
    /** Rule refusals land in the document's slot; every other error aborts the batch. */
    const refuse = (index: number, error: unknown) => {
      if (!isAppError(error) || error.code !== AppErrorCode.Validation) throw error;
      outcomes[index] = { ok: false, error };
    };
    let pending: { index: number; values: Record<string, unknown>; given: string | undefined }[] = [];
    for (const [index, item] of items.entries()) {
      try {
        const input = validateDocument(dt.fields, item.body, { mode: "create", childKeys: Object.keys(dt.children ?? {}) });
        this.refuseInternal(dt, input.values);
        const server = splitServerValues(dt, item.serverValues);
        if (Object.keys(input.children).length || server.children.size) throw new Error(`insertMany: ${dt.name} documents with child rows go through insert`);
        const values = { ...input.values, ...server.values };
        this.stampDepartment(dt, values);
        this.stampTeam(dt, values);
        if (dt.scope.kind === "department" && !values[dt.scope.field]) throw AppError.validation([{ field: dt.scope.field, message: "Department is required" }]);
        // The owner is stamped below: the after-image is checked with it.
        this.assertWritable(dt, { ...values, owner: this.principal.user }, "create");
        pending.push({ index, values, given: input.name });
      } catch (error) {
        refuse(index, error);
      }
    }
    const missing = await this.missingLinks(dt, pending.map((p) => p.values));
    pending = pending.filter((p, i) => {
      if (!missing[i]!.length) return true;
      refuse(p.index, AppError.validation(missing[i]!));
      return false;
    });
    if (!pending.length) return outcomes;

    const written: { index: number; name: string; values: Record<string, unknown> }[] = [];
    try {
      await this.exec.transaction(async (tx) => {
        const series = dt.naming.kind === "series" ? await nextSeriesNames(tx, dt.naming.prefix, dt.naming.digits, pending.length) : null;
        const named: { index: number; name: string; values: Record<string, unknown> }[] = [];
        for (const [i, p] of pending.entries()) {
          try {
            named.push({ index: p.index, name: series ? series[i]! : await this.newName(dt, p.values, p.given, tx), values: p.values });
          } catch (error) {
            refuse(p.index, error);
          }
        }
        if (dt.validate) {
          const scoped = new ScopedDb(this.principal, this.meta, this.registry, tx);
          for (const doc of named) {
            try {
              Object.assign(doc.values, hookValues(dt, await dt.validate(scoped, { action: "create", name: doc.name, changed: Object.keys(doc.values), doc: { ...doc.values, name: doc.name, owner: this.principal.user }, children: {} })));
              written.push(doc);
            } catch (error) {
              refuse(doc.index, error);
            }
          }
        } else written.push(...named);
        const rows: Record<string, unknown>[] = [];
        const audit: VersionInput[] = [];
        for (const doc of written) {
          const now = nextTimestamp();
          const stamp = { creation: now, modified: now, owner: this.principal.user, modified_by: this.principal.user };
          rows.push(toTableValues(dt.table, dt.fields, dt.standard, { ...doc.values, name: doc.name, ...stamp }));
          audit.push({ doctype: dt.name, docname: doc.name, action: "create", data: diffDocument(dt.fields, {}, doc.values), actor: this.principal.user, at: now, meta: this.meta });
        }
        await insertRows(tx, dt.table, rows, { chunk: INSERT_CHUNK });
        await writeVersions(tx, audit, INSERT_CHUNK);
      });
    } catch (error) {
      if (isDuplicateKey(error)) throw new AppError(AppErrorCode.Duplicate, `${dt.name} already exists`, { cause: error });
      throw error;
    }
    for (const doc of written) outcomes[doc.index] = { ok: true, name: doc.name };
    await Promise.all(written.map((doc) => this.notify(dt, { action: "create", name: doc.name, changed: Object.keys(doc.values), row: { ...doc.values, name: doc.name } })));
    return outcomes;
  }

  /** `checkLinks` for many documents: one existence query per link field, the issues per document. */
  private async missingLinks(dt: { fields: DocTypeDef["fields"] }, docs: Record<string, unknown>[]): Promise<{ field: string; message: string }[][]> {
    const issues = docs.map(() => [] as { field: string; message: string }[]);
    for (const [field, def] of Object.entries(dt.fields)) {
      if (def.type !== "link" || !def.linkTo) continue;
      const wanted = [...new Set(docs.map((d) => d[field]).filter((v): v is string => typeof v === "string"))];
      if (!wanted.length) continue;
      const target = this.doctype(def.linkTo);
      const found = new Set((await this.exec.select({ n: target.standard.name }).from(target.table).where(inArray(target.standard.name, wanted))).map((r) => String(r.n)));
      docs.forEach((d, i) => {
        const value = d[field];
        if (typeof value === "string" && !found.has(value)) issues[i]!.push({ field, message: `${def.label}: ${def.linkTo} ${value} not found` });
      });
    }
    return issues;
  }

  private requireChildFields(child: ChildTableDef, row: Validated, path: string): void {
    const missing = Object.entries(child.fields).filter(([f, def]) => def.required && !def.readOnly && (row.values[f] === undefined || row.values[f] === null));
    if (missing.length) throw AppError.validation(missing.map(([f, def]) => ({ field: `${path}${f}`, message: `${def.label} is required` })));
  }

  async update(doctype: string, name: string, body: unknown, options: WriteOptions = {}): Promise<Doc> {
    const dt = this.doctype(doctype);
    if (dt.readOnly) throw AppError.forbidden(`${dt.name} is read-only`);
    const input = validateDocument(dt.fields, body, { mode: "update", childKeys: Object.keys(dt.children ?? {}) });
    this.refuseInternal(dt, input.values);
    const server = splitServerValues(dt, options.serverValues);
    Object.assign(input.values, server.values);
    const expected = options.expectedModified ?? input.modified;

    let changed: string[] = [];
    let rows: { before: Record<string, unknown>; after: Record<string, unknown> } | undefined;
    try {
      await this.exec.transaction(async (tx) => {
        const scoped = new ScopedDb(this.principal, this.meta, this.registry, tx);
        const before = await scoped.loadRow(dt, name, true);
        if (!before) throw AppError.notFound(dt.name, name);
        if (expected && !sameTimestamp(expected, String(before.modified))) {
          throw new AppError(AppErrorCode.Conflict, `${dt.name} ${name} has been modified after you opened it (yours: ${expected}, saved: ${String(before.modified)}). Reload and apply your change again.`);
        }
        const changedFields = Object.fromEntries(Object.entries(input.values).filter(([k, v]) => JSON.stringify(before[k] ?? null) !== JSON.stringify(v ?? null)));
        const after = { ...before, ...changedFields };
        if (Object.keys(changedFields).length) {
          scoped.assertWritable(dt, before, "change");
          scoped.assertWritable(dt, after, "change"); // no moving a row out of your scope
          await scoped.checkLinks(dt, changedFields);
        }
        const childRows = scoped.validateChildren(dt, input.children, this.departmentOf(dt, after));
        applyChildServerValues(childRows, server);

        const now = nextTimestamp(String(before.modified));
        const childDiffs: ChildDiffInput[] = [];
        const childWrites: (() => Promise<unknown>)[] = [];
        const nextChildren: Record<string, Record<string, unknown>[]> = {};
        for (const [key, rows] of childRows) {
          const child = dt.children![key]!;
          const existing = await scoped.loadChildren(child, name);
          const byName = new Map(existing.map((r) => [String(r.name), r]));
          const next: Record<string, unknown>[] = [];
          for (const [i, row] of rows.entries()) {
            const prev = row.name ? byName.get(row.name) : undefined;
            if (!prev) scoped.requireChildFields(child, row, `${key}[${i}].`);
            await scoped.checkLinks(child, row.values, `${key}[${i}].`);
            next.push(prev ? { ...prev, ...row.values, idx: i + 1 } : { ...row.values, name: uuidv7(), idx: i + 1, parent: name, creation: now, owner: this.principal.user });
          }
          childDiffs.push({ table: key, fields: { ...child.fields, idx: { column: child.idx, type: "int", label: "Row" } }, before: existing, after: next });
          const keep = new Set(next.map((r) => String(r.name)));
          const removed = existing.filter((r) => !keep.has(String(r.name))).map((r) => String(r.name));
          nextChildren[key] = next;
          childWrites.push(async () => {
            if (removed.length) await tx.delete(child.table).where(and(eq(child.parent, name), inArray(child.standard.name, removed)));
            for (const row of next) {
              const values = toTableValues(child.table, child.fields, child.standard, { ...row, modified: now, modified_by: this.principal.user }, { parent: child.parent, idx: child.idx });
              const prev = byName.get(String(row.name));
              if (!prev) await tx.insert(child.table).values(values);
              // Unchanged rows (same values, same position) are left alone.
              else if (prev.idx !== row.idx || fieldChanges(child.fields, prev, row).length) await tx.update(child.table).set(values).where(eq(child.standard.name, String(row.name)));
            }
          });
        }
        if (dt.validate && (Object.keys(changedFields).length || childRows.size)) {
          const set = hookValues(dt, await dt.validate(scoped, { action: "update", name, changed: [...Object.keys(changedFields), ...childRows.keys()], doc: after, previous: before, children: nextChildren }));
          for (const [key, value] of Object.entries(set)) {
            after[key] = value;
            if (JSON.stringify(before[key] ?? null) !== JSON.stringify(value ?? null)) changedFields[key] = value;
            else delete changedFields[key];
          }
          // What the hook set must keep the row inside the caller's write scope, like the caller's own changes.
          if (Object.keys(set).length) scoped.assertWritable(dt, after, "change");
        }
        const data = diffDocument(dt.fields, before, after, childDiffs);
        if (isEmptyDiff(data)) return;
        changed = [...Object.keys(changedFields), ...childRows.keys()];
        rows = { before, after };
        await tx.update(dt.table).set(toTableValues(dt.table, dt.fields, dt.standard, { ...changedFields, modified: now, modified_by: this.principal.user })).where(eq(dt.standard.name, name));
        for (const write of childWrites) await write();
        await writeVersion(tx, { doctype: dt.name, docname: name, action: "update", data, actor: this.principal.user, at: now, meta: this.meta });
      });
    } catch (error) {
      if (isDuplicateKey(error)) throw new AppError(AppErrorCode.Duplicate, `A row of ${dt.name} ${name} duplicates another`, { cause: error });
      throw error;
    }
    if (changed.length && rows) await this.notify(dt, { action: "update", name, changed, row: rows.after, previous: rows.before });
    return this.get(dt.name, name, { logAccess: false });
  }

  async delete(doctype: string, name: string): Promise<void> {
    const dt = this.doctype(doctype);
    if (dt.readOnly) throw AppError.forbidden(`${dt.name} is read-only`);
    const deleted = await this.exec.transaction(async (tx) => {
      const scoped = new ScopedDb(this.principal, this.meta, this.registry, tx);
      const before = await scoped.loadRow(dt, name, true);
      if (!before) throw AppError.notFound(dt.name, name);
      scoped.assertWritable(dt, before, "delete");
      const childDiffs: ChildDiffInput[] = [];
      for (const [key, child] of Object.entries(dt.children ?? {})) {
        const rows = await scoped.loadChildren(child, name);
        if (rows.length && !categoryWritableFor(this.principal, child.category, this.departmentOf(dt, before))) throw AppError.forbidden(`No permission to delete ${child.doctype}`);
        childDiffs.push({ table: key, fields: child.fields, before: rows, after: [] });
        await tx.delete(child.table).where(eq(child.parent, name));
      }
      await tx.delete(dt.table).where(eq(dt.standard.name, name));
      const data = diffDocument(dt.fields, before, {}, childDiffs);
      await writeVersion(tx, { doctype: dt.name, docname: name, action: "delete", data, actor: this.principal.user, at: nextTimestamp(), meta: this.meta });
      return before;
    });
    await this.notify(dt, { action: "delete", name, changed: [], row: deleted });
  }

  private async notify(dt: DocTypeDef, event: WriteEvent): Promise<void> {
    if (!dt.afterWrite) return;
    try {
      await dt.afterWrite(event);
    } catch (error) {
      console.error(JSON.stringify({ level: "error", msg: "afterWrite hook failed", doctype: dt.name, action: event.action, error: safeErrorSummary(error) }));
    }
  }

  /** The scope predicate of a DocType, for a module service that aggregates over it (still scoped). */
  predicateFor(doctype: string): SQL | undefined {
    return readPredicate(this.principal, this.doctype(doctype));
  }

  /** A raw SQL fragment can only run through here, and always under a DocType's scope predicate. */
  async selectScoped<T extends Record<string, unknown>>(doctype: string, columns: Record<string, AnyMySqlColumn | SQL.Aliased>, where?: SQL, options: { groupBy?: (AnyMySqlColumn | SQL)[]; orderBy?: (AnyMySqlColumn | SQL)[]; limit?: number; offset?: number } = {}): Promise<T[]> {
    const dt = this.doctype(doctype);
    this.assertDoctypeReadable(dt);
    let q = this.exec.select(columns).from(dt.table).where(this.where(dt, where)).$dynamic();
    if (options.groupBy?.length) q = q.groupBy(...options.groupBy);
    // Ranked reads (full-text relevance) order by an expression of their own.
    if (options.orderBy?.length) q = q.orderBy(...options.orderBy);
    if (options.limit) q = q.limit(options.limit);
    if (options.offset) q = q.offset(options.offset);
    return (await q) as unknown as T[];
  }
}
