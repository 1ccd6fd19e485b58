import type { RouterOutputs } from "@orchestrator/modules";
import { DateTime } from "~/components/ui/date-time";

type Activity = RouterOutputs["clients"]["summary"]["recent_activities"][number];
type Change = [field: string, before: unknown, after: unknown];

const actionLabels: Record<string, string> = { create: "Created", update: "Updated", delete: "Deleted" };

/** "Updated by someone · date": the first line of every audit entry, in the summary and the History tab. */
export function ActivityHeading({ action, owner, creation }: { action: string; owner: string; creation: string }) {
  return (
    <p>
      <span className="font-medium">{actionLabels[action] ?? action}</span> by {owner}
      <span className="text-muted">
        {" · "}
        <DateTime value={creation} />
      </span>
    </p>
  );
}

function changesOf(data: unknown): Change[] {
  if (!data || typeof data !== "object" || !("changed" in data) || !Array.isArray(data.changed)) return [];
  return data.changed.filter((c): c is Change => Array.isArray(c) && c.length === 3 && typeof c[0] === "string");
}

function childEdits(data: unknown): number {
  if (!data || typeof data !== "object") return 0;
  const record = data as Record<string, unknown>;
  return ["added", "removed", "row_changed"].reduce((n, key) => n + (Array.isArray(record[key]) ? (record[key] as unknown[]).length : 0), 0);
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "empty";
  return typeof value === "string" ? value : JSON.stringify(value);
}

function fieldLabel(field: string): string {
  const text = field.replace(/_/g, " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The audit trail as "who did what when", with field-level before → after. */
export function ActivityList({ activities, limit }: { activities: Activity[]; limit?: number }) {
  const shown = limit ? activities.slice(0, limit) : activities;
  if (shown.length === 0) return <p className="text-sm text-muted">No recorded changes.</p>;
  return (
    <ol className="space-y-3">
      {shown.map((activity) => {
        const changes = changesOf(activity.data);
        const children = childEdits(activity.data);
        return (
          <li key={activity.name} className="rounded-md border border-line p-3 text-sm">
            <ActivityHeading action={activity.action} owner={activity.owner} creation={activity.creation} />
            {changes.length ? (
              <ul className="mt-2 space-y-1 text-muted">
                {changes.map(([field, before, after]) => (
                  <li key={field} className="break-words">
                    <span className="text-fg">{fieldLabel(field)}</span>: {show(before)} → {show(after)}
                  </li>
                ))}
              </ul>
            ) : null}
            {children ? <p className="mt-1 text-muted">{children === 1 ? "1 assignment changed" : `${children} assignments changed`}</p> : null}
          </li>
        );
      })}
    </ol>
  );
}
