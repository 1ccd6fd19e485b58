import { eq } from "drizzle-orm";
import { AppError, AppErrorCode, formatTimestamp } from "@orchestrator/db";
import { conflictPolicies, syncSources, type ConflictPolicy } from "@orchestrator/db/schema";
import type { SyncedField } from "./adapter";
import type { Executor } from "./store";

export type SyncSourceRow = typeof syncSources.$inferSelect;
export type SourceKind = SyncSourceRow["kind"];

/** `YYYY-MM-DD HH:MM:SS.ffffff` (UTC), as the database stores datetimes; `offsetMs` from now. */
export function dbTime(offsetMs = 0): string {
  return formatTimestamp(BigInt(Date.now() + offsetMs) * 1000n);
}

/** The well-known source; every other name is a webhook source. */
export const KIPU_SOURCE = "kipu";

export function kindOfSource(name: string): SourceKind {
  return name === KIPU_SOURCE ? "kipu" : "webhook";
}

/**
 * The source's row, created with defaults on first use (status ok, new clients to "Medical", every
 * field on `review`). A name used by another kind of source is refused.
 */
export async function ensureSource(exec: Executor, name: string, kind: SourceKind = kindOfSource(name)): Promise<SyncSourceRow> {
  const now = dbTime();
  await exec
    .insert(syncSources)
    .values({ name, kind, creation: now, modified: now, owner: "system", modifiedBy: "system" })
    .onDuplicateKeyUpdate({ set: { name } });
  const row = await loadSource(exec, name);
  if (!row) throw new AppError(AppErrorCode.Internal, `sync source ${name} could not be created`);
  if (row.kind !== kind) throw new AppError(AppErrorCode.Conflict, `sync source ${name} is a ${row.kind} source`);
  return row;
}

export async function loadSource(exec: Executor, name: string, forUpdate = false): Promise<SyncSourceRow | undefined> {
  const q = exec.select().from(syncSources).where(eq(syncSources.name, name)).limit(1);
  const [row] = forUpdate ? await q.for("update") : await q;
  return row;
}

/** The policy for a field both sides changed: the source's override, else `review`. */
export function policyFor(source: Pick<SyncSourceRow, "conflictPolicy">, field: SyncedField): ConflictPolicy {
  const policy = source.conflictPolicy?.[field];
  return policy && (conflictPolicies as readonly string[]).includes(policy) ? policy : "review";
}

/** Back-off after consecutive authentication failures: 15 min, doubling, at most 12 h. */
export const BACKOFF_BASE_MS = 15 * 60_000;
export const BACKOFF_CAP_MS = 12 * 3600_000;
export function backoffMs(consecutiveFailures: number): number {
  return Math.min(BACKOFF_BASE_MS * 2 ** Math.max(0, consecutiveFailures - 1), BACKOFF_CAP_MS);
}

/** What a failed run leaves on its source (the run's own row is updated by the caller). */
export type SourceFailure =
  | { kind: "auth"; message: string }
  | { kind: "forbidden"; message: string }
  | { kind: "error"; message: string };

export async function recordSourceFailure(exec: Executor, source: SyncSourceRow, failure: SourceFailure): Promise<void> {
  const failures = source.consecutiveFailures + 1;
  await exec
    .update(syncSources)
    .set({
      status: failure.kind === "auth" ? "auth_failed" : failure.kind === "forbidden" ? "forbidden" : "error",
      statusMessage: failure.message.slice(0, 500),
      consecutiveFailures: failures,
      // Only refused credentials back off: retrying them cannot help until someone changes them.
      nextAttemptAt: failure.kind === "auth" ? dbTime(backoffMs(failures)) : source.nextAttemptAt,
      modified: dbTime(),
      modifiedBy: "system",
    })
    .where(eq(syncSources.name, source.name));
}

/** Records an endpoint the source answered 410 Gone for; later runs do not call it. */
export async function disableEndpoint(exec: Executor, sourceName: string, endpoint: string): Promise<void> {
  const source = await loadSource(exec, sourceName);
  if (!source) return;
  const disabled = new Set(source.disabledEndpoints ?? []);
  disabled.add(endpoint);
  await exec.update(syncSources).set({ disabledEndpoints: [...disabled], modified: dbTime(), modifiedBy: "system" }).where(eq(syncSources.name, sourceName));
}
