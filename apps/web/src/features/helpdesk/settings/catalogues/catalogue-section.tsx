"use client";

import { useState } from "react";
import { Button } from "~/components/ui/button";
import { ConfirmDialog } from "~/components/ui/modal-dialog";
import { Skeleton } from "~/components/ui/skeleton";
import { toast } from "~/components/ui/toast";
import { FieldGroup } from "../form-fields";
import { describeSaveError } from "../server-errors";
import { CatalogueDialog, type FieldSpec, type Values } from "./catalogue-dialog";

export interface CatalogueEntry {
  name: string;
  modified: string;
  values: Values;
  detail: string;
}

/** One catalogue (types, priorities or statuses): its entries with Edit / Delete, and Add. */
export function CatalogueSection({ title, singular, description, entries, loading, failed, retry, fields, canEdit, save, remove }: {
  title: string;
  singular: string;
  description: string;
  entries: CatalogueEntry[] | undefined;
  loading: boolean;
  failed: boolean;
  retry: () => void;
  fields: FieldSpec[];
  canEdit: boolean;
  save: (name: string, values: Values, modified: string | undefined) => Promise<unknown>;
  remove: (name: string) => Promise<unknown>;
}) {
  const [editing, setEditing] = useState<CatalogueEntry | "new" | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const confirmDelete = async (name: string) => {
    setBusy(true);
    try {
      await remove(name);
      toast.success(`${singular} ${name} deleted`);
    } catch (error) {
      const f = describeSaveError(error);
      toast.error(f.kind === "fields" ? Object.values(f.fields).join(" ") : f.message);
    } finally {
      setBusy(false);
      setDeleting(null);
    }
  };
  return (
    <FieldGroup legend={title} description={description}>
      {loading ? (
        <div aria-busy="true" aria-label={`Loading ${title.toLowerCase()}`} className="space-y-2">
          <Skeleton className="h-10 w-full" />
          <Skeleton className="h-10 w-full" />
        </div>
      ) : failed || !entries ? (
        <p role="alert" className="text-sm text-danger">
          {title} could not be loaded. <Button variant="ghost" onClick={retry}>Try again</Button>
        </p>
      ) : entries.length === 0 ? (
        <p className="text-sm text-muted">None yet.</p>
      ) : (
        <ul className="divide-y divide-line" aria-label={title}>
          {entries.map((entry) => (
            <li key={entry.name} className="flex flex-col gap-2 py-2 sm:flex-row sm:items-center">
              <span className="min-w-0 flex-1">
                <span className="block font-medium text-fg">{entry.name}</span>
                <span className="block text-sm text-muted">{entry.detail}</span>
              </span>
              {canEdit ? (
                <span className="flex gap-2">
                  <Button aria-label={`Edit ${singular.toLowerCase()} ${entry.name}`} onClick={() => setEditing(entry)}>Edit</Button>
                  <Button aria-label={`Delete ${singular.toLowerCase()} ${entry.name}`} onClick={() => setDeleting(entry.name)}>Delete</Button>
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canEdit ? (
        <Button className="mt-3" onClick={() => setEditing("new")}>
          + Add {singular.toLowerCase()}
        </Button>
      ) : null}
      {editing ? (
        <CatalogueDialog
          title={editing === "new" ? `New ${singular.toLowerCase()}` : `${singular} ${editing.name}`}
          entry={editing === "new" ? null : editing}
          fields={fields}
          onClose={() => setEditing(null)}
          onSave={async (name, values, modified) => {
            await save(name, values, modified);
            toast.success(`${singular} ${name} saved`);
          }}
        />
      ) : null}
      {deleting ? <ConfirmDialog title={`Delete ${singular.toLowerCase()} ${deleting}?`} description="Entries that tickets use can't be deleted. This can't be undone." confirmLabel="Delete" busy={busy} onConfirm={() => void confirmDelete(deleting)} onClose={() => setDeleting(null)} /> : null}
    </FieldGroup>
  );
}
