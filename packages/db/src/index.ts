/**
 * @orchestrator/db — the public face: schema, the permission model and the scoped data layer.
 * The raw client is deliberately not exported here; see `./system`.
 */
import { getDatabase } from "./client";
import type { Principal } from "./access/model";
import type { RequestMeta } from "./scope/audit";
import { ScopedDb, type DocTypeRegistry } from "./scope/scoped-db";

export * from "./access/model";
export * from "./access/default-matrix";
export * from "./errors";
export { countStatements } from "./client";
export type { Executor } from "./client";
export type { ChildTableDef, CustomerScope, CustomerScopeFilter, DocTypeDef, FieldDef, FieldType, NamingRule, ScopeRule, StandardColumns, TeamScope, ValidateEvent, ValidateResult, WriteEvent } from "./scope/doctype";
export { ScopedDb, type Doc, type DocTypeRegistry, type InsertManyItem, type InsertManyOutcome, type WriteOptions } from "./scope/scoped-db";
export type { Filter, FilterOperator, ListQuery, OrderBy } from "./scope/query";
export { filterOperators } from "./scope/query";
export type { RequestMeta, VersionData } from "./scope/audit";
export { MASK } from "./scope/audit";
export { formatTimestamp, nextTimestamp, parseTimestamp, sameTimestamp } from "./scope/time";
export { insertRows } from "./scope/rows";
export { readPredicate, categoryReadableFor, categoryOfRow, isCustomerScoped } from "./scope/predicate";

/** The handle a request gets: everything it reads or writes is within the principal's scope. */
export function createScopedDb(principal: Principal, meta: RequestMeta, registry: DocTypeRegistry): ScopedDb {
  if (!principal?.user) throw new Error("createScopedDb needs a principal: refusing to build an unscoped handle");
  return new ScopedDb(principal, meta, registry, getDatabase().db);
}

/** Health check: one `SELECT 1` on the pool, no data read (used by /api/health). */
export async function pingDatabase(): Promise<void> {
  await getDatabase().pool.query("SELECT 1");
}
