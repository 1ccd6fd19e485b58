import { sql } from "drizzle-orm";
import { bigint, boolean, char, customType, datetime, index, int, mysqlEnum, mysqlTable, primaryKey, text, tinyint, uniqueIndex, varchar } from "drizzle-orm/mysql-core";
import { link, nameKey, timestamps } from "./columns";

/**
 * The sync engine's bookkeeping (issue 4): external sources, their runs, the per-record changes a run
 * made (with before-images, so a run can be audited and rolled back), the review queues (field
 * conflicts, proposed merges), the per-record "last synced values" and the inbox of pushed records.
 * Client rows themselves are written through the scoped data layer, never here.
 */

/**
 * A JSON column that comes back parsed, whichever way the driver hands it over: mysql2 parses JSON
 * columns when the server flags them as JSON (recent MariaDB) and returns the text otherwise; drizzle's
 * `json()` does not parse. To keep the two apart, these columns only ever hold objects or arrays — a
 * string from the driver is then always JSON text (scalars are wrapped: `{ value: … }`).
 */
const parsedJson = <T extends object>(name: string) =>
  customType<{ data: T; driverData: string }>({
    dataType: () => "json",
    toDriver: (value) => JSON.stringify(value),
    fromDriver: (value) => (typeof value === "string" ? (JSON.parse(value) as T) : (value as T)),
  })(name);

const at = (name: string) => datetime(name, { mode: "string", fsp: 6 });

export const syncSourceKinds = ["kipu", "webhook"] as const;
/** `auth_failed`: the source refused our credentials (401); `forbidden`: access refused (403), the source is stopped until an admin looks. */
export const syncSourceStatuses = ["ok", "auth_failed", "forbidden", "error"] as const;
export const syncTypes = ["full", "incremental"] as const;
export const syncTriggers = ["manual", "schedule", "api"] as const;
export const syncRunStatuses = ["queued", "running", "completed", "failed", "rolled_back", "partially_rolled_back"] as const;
export const syncChangeActions = ["create", "update", "remove", "conflict", "duplicate", "error"] as const;
export const syncRollbackStatuses = ["restored", "kept"] as const;
export const syncConflictStatuses = ["open", "kept_local", "took_source"] as const;
export const syncDuplicateStatuses = ["open", "merged", "dismissed"] as const;
/** Per field, when both the source and a local user changed it since the last sync. */
export const conflictPolicies = ["source_wins", "review", "local_wins"] as const;
export type ConflictPolicy = (typeof conflictPolicies)[number];

/** Where a run stands: the phase and the token of the next page to fetch (null = the phase is done). */
export interface SyncCheckpoint {
  phase: "records" | "removed" | "done";
  pageToken: string | null;
  pagesDone: number;
}

/** A source of client records (Kipu, a webhook pusher). Named by a short key: `kipu`. */
export const syncSources = mysqlTable("sync_sources", {
  name: varchar("name", { length: 64 }).primaryKey(),
  kind: mysqlEnum("kind", syncSourceKinds).notNull(),
  enabled: boolean("enabled").notNull().default(true),
  status: mysqlEnum("status", syncSourceStatuses).notNull().default("ok"),
  /** The source's own words for the last failure (Kipu's error message), never a secret or PHI. */
  statusMessage: varchar("status_message", { length: 500 }),
  /** Endpoints the source answered 410 Gone for: not called again until re-enabled. */
  disabledEndpoints: parsedJson<string[]>("disabled_endpoints"),
  /** Field → policy overrides; unlisted fields use `review`. */
  conflictPolicy: parsedJson<Record<string, ConflictPolicy>>("conflict_policy"),
  /** New clients from this source go to this department. */
  department: link("department").notNull().default("Medical"),
  /** The cursor of the last successful (non-dry) run: the next incremental run starts from it. */
  highWaterMark: varchar("high_water_mark", { length: 64 }),
  /** Back-off after failures (auth): scheduled runs do not start before this time. */
  nextAttemptAt: at("next_attempt_at"),
  consecutiveFailures: int("consecutive_failures").notNull().default(0),
  lastRun: link("last_run"),
  lastSuccessAt: at("last_success_at"),
  /**
   * The run (or rollback) holding the source: one at a time. Taken with a conditional UPDATE under a
   * row lock, released in the transaction that finishes the run; a crashed run keeps it so its retry
   * can resume.
   */
  runningRun: varchar("running_run", { length: 160 }),
  ...timestamps(),
});

/** One sync run. Named `SR-00001`. */
export const syncRuns = mysqlTable(
  "sync_runs",
  {
    name: nameKey(),
    source: varchar("source", { length: 64 }).notNull(),
    syncType: mysqlEnum("sync_type", syncTypes).notNull(),
    dryRun: boolean("dry_run").notNull().default(false),
    trigger: mysqlEnum("trigger", syncTriggers).notNull(),
    /** The user the run acts as (a manual run's user, or the integration service user). */
    actor: link("actor").notNull(),
    status: mysqlEnum("status", syncRunStatuses).notNull().default("queued"),
    /** The cursor the run reads changes since; null = everything (a full run). */
    since: varchar("since", { length: 64 }),
    /** The source's high-water mark when the run started (restored by a rollback). */
    previousHighWaterMark: varchar("previous_high_water_mark", { length: 64 }),
    /** The highest change marker the run has committed so far. */
    highWaterMark: varchar("high_water_mark", { length: 64 }),
    checkpoint: parsedJson<SyncCheckpoint>("checkpoint"),
    imported: int("imported").notNull().default(0),
    updated: int("updated").notNull().default(0),
    skipped: int("skipped").notNull().default(0),
    conflicts: int("conflicts").notNull().default(0),
    duplicates: int("duplicates").notNull().default(0),
    errors: int("errors").notNull().default(0),
    removed: int("removed").notNull().default(0),
    attempts: int("attempts").notNull().default(0),
    /** Why the run failed: the source's message or an error summary, never data. */
    error: text("error"),
    requestId: varchar("request_id", { length: 64 }),
    startedAt: at("started_at"),
    finishedAt: at("finished_at"),
    rolledBackAt: at("rolled_back_at"),
    rolledBackBy: link("rolled_back_by"),
    ...timestamps(),
  },
  (t) => [index("sync_runs_source_creation_idx").on(t.source, t.creation), index("sync_runs_status_idx").on(t.status)],
);

/**
 * What a run did to one record: the client's before-image, the values it wrote, the fields changed
 * or in conflict, or why the record was refused. A dry run stores its would-be changes here too (its
 * run says `dry_run`): that is its report. Unique per run and record, so a resumed run never records
 * (or applies) a record twice.
 */
export const syncChanges = mysqlTable(
  "sync_changes",
  {
    id: bigint("id", { mode: "number", unsigned: true }).autoincrement().primaryKey(),
    run: link("run").notNull(),
    source: varchar("source", { length: 64 }).notNull(),
    client: link("client"),
    externalId: varchar("external_id", { length: 140 }),
    action: mysqlEnum("action", syncChangeActions).notNull(),
    /** The client's fields before the change (null for a create). */
    beforeImage: parsedJson<Record<string, unknown>>("before_image"),
    /** The fields the change set (create: all of them). */
    afterImage: parsedJson<Record<string, unknown>>("after_image"),
    fieldsChanged: parsedJson<string[]>("fields_changed"),
    /** Fields held for review (the source and a local user both changed them). */
    conflictFields: parsedJson<string[]>("conflict_fields"),
    /** The record's sync state before the change, so a rollback restores it. */
    stateBefore: parsedJson<Record<string, unknown>>("state_before"),
    errorReason: varchar("error_reason", { length: 1000 }),
    rollbackStatus: mysqlEnum("rollback_status", syncRollbackStatuses),
    rollbackNote: varchar("rollback_note", { length: 500 }),
    creation: at("creation").notNull(),
  },
  (t) => [uniqueIndex("sync_changes_run_external_uq").on(t.run, t.externalId), index("sync_changes_run_idx").on(t.run, t.id), index("sync_changes_client_idx").on(t.client)],
);

/**
 * A field both sides changed since the last sync, held for review. At most one open conflict per
 * client and field (the generated `open_key` is 1 only while open; NULLs never collide).
 */
export const syncConflicts = mysqlTable(
  "sync_conflicts",
  {
    name: nameKey(),
    source: varchar("source", { length: 64 }).notNull(),
    client: link("client").notNull(),
    field: varchar("field", { length: 64 }).notNull(),
    /** `{ value }`: the client's value when the conflict was raised. */
    localValue: parsedJson<{ value: unknown }>("local_value"),
    /** `{ value }`: the source's value. */
    sourceValue: parsedJson<{ value: unknown }>("source_value"),
    run: link("run").notNull(),
    status: mysqlEnum("status", syncConflictStatuses).notNull().default("open"),
    openKey: tinyint("open_key").generatedAlwaysAs(sql`if(\`status\` = 'open', 1, null)`, { mode: "stored" }),
    resolvedBy: link("resolved_by"),
    resolvedAt: at("resolved_at"),
    ...timestamps(),
  },
  (t) => [uniqueIndex("sync_conflicts_client_field_open_uq").on(t.client, t.field, t.openKey), index("sync_conflicts_status_idx").on(t.status, t.creation), index("sync_conflicts_run_idx").on(t.run)],
);

/**
 * A source record with no link that looks like an existing local client (same normalised name and
 * date of birth): proposed as a merge, never merged automatically.
 */
export const syncDuplicates = mysqlTable(
  "sync_duplicates",
  {
    name: nameKey(),
    source: varchar("source", { length: 64 }).notNull(),
    externalId: varchar("external_id", { length: 140 }).notNull(),
    client: link("client").notNull(),
    /** The source's mapped values, applied on merge or used to create the client on dismiss. */
    sourceValues: parsedJson<Record<string, unknown>>("source_values").notNull(),
    changeMarker: varchar("change_marker", { length: 64 }),
    run: link("run").notNull(),
    status: mysqlEnum("status", syncDuplicateStatuses).notNull().default("open"),
    resolvedBy: link("resolved_by"),
    resolvedAt: at("resolved_at"),
    /** On dismiss: the new client created for the source record. */
    createdClient: link("created_client"),
    ...timestamps(),
  },
  (t) => [uniqueIndex("sync_duplicates_source_external_client_uq").on(t.source, t.externalId, t.client), index("sync_duplicates_status_idx").on(t.status, t.creation), index("sync_duplicates_run_idx").on(t.run)],
);

/**
 * The link between a source record and a client, with the values as the source last sent them and
 * its change marker: "changed locally since the last sync" is a local value that differs from these,
 * and an unchanged marker means the record can be skipped. Unique both ways, so a record never gets
 * two clients (the last line of defence for sources whose id has no column on clients).
 */
export const syncState = mysqlTable(
  "sync_state",
  {
    source: varchar("source", { length: 64 }).notNull(),
    externalId: varchar("external_id", { length: 140 }).notNull(),
    client: link("client").notNull(),
    values: parsedJson<Record<string, unknown>>("synced_values").notNull(),
    changeMarker: varchar("change_marker", { length: 64 }),
    run: link("run"),
    syncedAt: at("synced_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.source, t.externalId] }), uniqueIndex("sync_state_source_client_uq").on(t.source, t.client)],
);

/**
 * Records pushed to us by a webhook source, exactly as received (after the signature check). The same
 * record sent twice with the same body is stored once; the sync reads the inbox in id order.
 */
export const syncInbox = mysqlTable(
  "sync_inbox",
  {
    id: bigint("id", { mode: "number", unsigned: true }).autoincrement().primaryKey(),
    source: varchar("source", { length: 64 }).notNull(),
    externalId: varchar("external_id", { length: 140 }).notNull(),
    /** The record as pushed (always a JSON object). */
    payload: parsedJson<Record<string, unknown>>("payload").notNull(),
    payloadHash: char("payload_hash", { length: 64 }).notNull(),
    receivedAt: at("received_at").notNull(),
  },
  (t) => [uniqueIndex("sync_inbox_source_external_hash_uq").on(t.source, t.externalId, t.payloadHash), index("sync_inbox_source_id_idx").on(t.source, t.id)],
);
