import Link from "next/link";
import { clientHref } from "~/features/clients/client-href";
import { actionLabels, fieldLabel, fieldValue, personName, type SyncChange } from "./format";

/** Bookkeeping columns a create also writes: not part of what a reader wants to check. */
const HIDDEN_FIELDS = new Set(["kipu_last_synced_at", "synced_from_kipu"]);

const actionStyles: Record<SyncChange["action"], string> = {
  create: "text-success",
  update: "text-accent",
  remove: "text-warn",
  conflict: "text-warn",
  duplicate: "text-warn",
  error: "text-danger",
};

/** The client a change touched, linked while it exists (a rolled-back create is gone). */
function ClientRef({ change }: { change: SyncChange }) {
  const name = personName(change);
  const gone = change.action === "create" && change.rollback_status === "restored";
  const id = change.client && !gone ? (
    <Link href={clientHref(change.client)} className="font-medium text-accent underline-offset-2 hover:underline">{change.client}</Link>
  ) : (
    <span className="font-medium">{change.client ?? "New client"}</span>
  );
  return (
    <span>
      {id}
      {name ? <span className="text-fg"> · {name}</span> : null}
      {change.external_id ? <span className="block text-xs text-muted">Source record {change.external_id}</span> : null}
    </span>
  );
}

function FieldChanges({ change }: { change: SyncChange }) {
  if (change.action === "error") return <p className="text-danger">{change.error_reason ?? "Refused"}</p>;
  if (change.action === "duplicate") {
    return <p>Matches an existing client by name and date of birth: proposed for review, not created.</p>;
  }
  const before = change.before ?? {};
  const after = change.after ?? {};
  if (change.action === "create") {
    const fields = change.fields_changed.filter((f) => !HIDDEN_FIELDS.has(f));
    return (
      <p className="break-words text-muted">
        {fields.map((field, i) => (
          <span key={field}>{i ? " · " : ""}<span className="text-fg">{fieldLabel(field)}</span> {fieldValue(field, after[field])}</span>
        ))}
      </p>
    );
  }
  const fields = change.action === "conflict" ? change.conflict_fields : change.fields_changed.filter((f) => !HIDDEN_FIELDS.has(f));
  return (
    <ul className="space-y-1 text-muted">
      {fields.map((field) => (
        <li key={field} className="break-words">
          <span className="text-fg">{fieldLabel(field)}</span>:{" "}
          {change.action === "conflict" ? `${fieldValue(field, before[field])} kept, held for review` : `${fieldValue(field, before[field])} → ${fieldValue(field, after[field])}`}
        </li>
      ))}
      {change.action === "update" && change.conflict_fields.length ? <li>Held for review: {change.conflict_fields.map(fieldLabel).join(", ")}</li> : null}
    </ul>
  );
}

/** One run's per-client diff: who, what happened, and field → before → after (the client history's style). */
export function ChangeList({ changes, label }: { changes: SyncChange[]; label: string }) {
  return (
    <ol aria-label={label} className="space-y-3">
      {changes.map((change) => (
        <li key={change.id} className="rounded-md border border-line bg-surface p-3 text-sm">
          <div className="flex flex-wrap items-start justify-between gap-2">
            <ClientRef change={change} />
            <span className={`text-xs font-semibold uppercase ${actionStyles[change.action]}`}>{actionLabels[change.action]}</span>
          </div>
          <div className="mt-2"><FieldChanges change={change} /></div>
          {change.rollback_status ? (
            <p className="mt-2 text-xs text-muted">{change.rollback_status === "restored" ? "Rolled back" : `Kept on rollback: ${change.rollback_note ?? "changed since"}`}</p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
