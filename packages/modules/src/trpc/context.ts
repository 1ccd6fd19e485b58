import { randomUUID } from "node:crypto";
import { authenticateRequest } from "@orchestrator/auth";
import { createScopedDb, type Principal, type ScopedDb } from "@orchestrator/db";
import { registry } from "../registry";
import { clientIp } from "../http/request-meta";

export interface Context {
  principal: Principal | null;
  /** Built from the session: the only data handle request code gets. Null when signed out. */
  scoped: ScopedDb | null;
  requestId: string;
  ip: string | undefined;
  /** Set when authentication itself failed (bad token): procedures answer UNAUTHORIZED. */
  authError: unknown;
}

/** Builds the context from a fetch Request: authenticate, then a ScopedDb for that principal. */
export async function createContext(req: Request): Promise<Context> {
  const requestId = req.headers.get("x-request-id") ?? randomUUID();
  const ip = clientIp(req);
  try {
    const auth = await authenticateRequest(req);
    const principal = auth?.principal ?? null;
    return { principal, scoped: principal ? createScopedDb(principal, { requestId, ip }, registry) : null, requestId, ip, authError: null };
  } catch (authError) {
    return { principal: null, scoped: null, requestId, ip, authError };
  }
}

/** A context for a known principal (tests, the worker, server components that already resolved the session). */
export function contextFor(principal: Principal, meta: { requestId?: string; ip?: string } = {}): Context {
  const requestId = meta.requestId ?? randomUUID();
  return { principal, scoped: createScopedDb(principal, { requestId, ip: meta.ip }, registry), requestId, ip: meta.ip, authError: null };
}
