import type { RouterOutputs } from "@orchestrator/modules";
import { fieldLabels } from "~/features/clients/client-form-model";
import { formatDate, parseServerTimestamp } from "~/lib/format";

export type SyncSource = RouterOutputs["sync"]["sources"][number];
export type SyncRun = RouterOutputs["sync"]["runs"]["rows"][number];
export type SyncRunDetail = RouterOutputs["sync"]["run"];
export type SyncChange = SyncRunDetail["changes"][number];
export type SyncRunStatus = SyncRun["status"];
export type SyncAction = SyncChange["action"];

/** Page size of the review queues (conflicts, duplicates). */
export const REVIEW_PAGE = 25;

/** How often a queued or running sync's page asks for progress. */
export const RUN_REFRESH_MS = 2_000;

export const runHref = (run: string) => `/admin/integrations/runs/${encodeURIComponent(run)}`;

export const isActive = (status: SyncRunStatus) => status === "queued" || status === "running";

/** A source's display name: Kipu by its name, a webhook source by its key. */
export function sourceLabel(name: string): string {
  return name === "kipu" ? "Kipu" : name;
}

const statusWords: Record<SyncRunStatus, string> = {
  queued: "Queued",
  running: "Running",
  completed: "Completed",
  failed: "Failed",
  rolled_back: "Rolled back",
  partially_rolled_back: "Partly rolled back",
};
export const runStatusLabel = (status: SyncRunStatus) => statusWords[status];

export const actionLabels: Record<SyncAction, string> = {
  create: "Create",
  update: "Update",
  remove: "Removed in source",
  conflict: "Conflict",
  duplicate: "Possible duplicate",
  error: "Error",
};

/** "authentication failed: <Kipu's message>", "stopped: access refused", "OK" (issue 4, bad input). */
export function sourceStatusText(source: Pick<SyncSource, "status" | "status_message" | "enabled">): string {
  if (!source.enabled) return "disabled";
  switch (source.status) {
    case "ok":
      return "OK";
    case "auth_failed":
      return `authentication failed: ${source.status_message ?? "the credentials were refused"}`;
    case "forbidden":
      return "stopped: access refused";
    case "error":
      return `error: ${source.status_message ?? "the last sync failed"}`;
  }
}

/** "1 min 5 s" between two server timestamps; empty while unknown. */
export function duration(start: string | null, end: string | null): string {
  const a = parseServerTimestamp(start);
  const b = parseServerTimestamp(end);
  if (!a || !b) return "";
  const seconds = Math.max(0, Math.round((b.getTime() - a.getTime()) / 1000));
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

const syncFieldNames: Record<string, string> = { ...fieldLabels, kipu_id: "Kipu ID", kipu_removed_at: "Removed in Kipu" };

export function fieldLabel(field: string): string {
  const known = syncFieldNames[field];
  if (known) return known;
  const text = field.replace(/_/g, " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A field's value in words, as the client history shows it. */
export function fieldValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return "empty";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  if (field.endsWith("_date") || field === "dob") return formatDate(text);
  if (field === "status") return text.charAt(0).toUpperCase() + text.slice(1).replace(/_/g, " ");
  return text;
}

/** A client's name from a change's images (after for creates, before otherwise). */
export function personName(change: Pick<SyncChange, "before" | "after">): string {
  const image = change.after ?? change.before ?? {};
  return [image.first_name, image.last_name].filter((part) => typeof part === "string" && part).join(" ");
}
