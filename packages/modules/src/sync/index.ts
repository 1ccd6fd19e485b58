/**
 * @orchestrator/modules/sync — the sync engine (issue 4): adapters for external sources (Kipu by
 * polling, signed webhooks), runs (full / incremental / dry), conflict and duplicate review, rollback.
 * Services check that the caller is a Super Admin or has the Integration role; client writes go
 * through the scoped data layer and are audited as the run's actor with request id `sync:<run>`.
 */
export { syncedFields, SourceError, isSourceError, type MappedRecord, type MappedRemoval, type SourceErrorKind, type SourceHealth, type SourcePage, type SyncAdapter, type SyncedField, type SyncedValues } from "./adapter";
export { createAdapterFactory, adapterFactoryFromEnv, createKipuAdapter, createWebhookAdapter, inboxCursor, mapWebhookRecord, webhookRecordSchema, type AdapterConfig, type AdapterFactory, type KipuAdapterOptions, type KipuConnection } from "./adapters";
export { executeSyncRun, SyncRunFailedError, type ExecuteOptions, type SyncDeps } from "./engine";
export { startSyncRun, getSyncRun, listSyncRuns, type GetSyncRunOptions, type ListSyncRunsOptions, type StartSyncRunInput, type SyncChangeSummary, type SyncCounts, type SyncRunStatus, type SyncRunSummary, type SyncTrigger, type SyncType } from "./runs";
export { rollbackSyncRun, type KeptChange, type RollbackReport } from "./rollback";
export { listConflicts, resolveConflict, type ConflictResolution, type SyncConflictSummary } from "./conflicts";
export { listDuplicates, resolveDuplicate, type DuplicateResolution, type SyncDuplicateSummary } from "./duplicates";
export { listSyncSources, updateSyncSource, updateSyncSourceInput, type SyncSourceSummary, type UpdateSyncSourceInput } from "./source-admin";
export { scheduleSync, SourceBusyError, type ScheduleDeps, type ScheduleOutcome } from "./schedule";
export { receiveWebhook, verifyWebhookSignature, webhookSignature, type WebhookReceipt } from "./webhook-receiver";
export { isSyncOperator, assertSyncOperator } from "./permissions";
export { KIPU_SOURCE, backoffMs } from "./sources";
