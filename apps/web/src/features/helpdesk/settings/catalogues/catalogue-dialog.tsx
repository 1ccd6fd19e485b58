"use client";

import { useState, type FormEvent } from "react";
import { Button } from "~/components/ui/button";
import { DialogActions, ModalDialog } from "~/components/ui/modal-dialog";
import { SelectInput, TextInput } from "../form-fields";
import { describeSaveError, type SaveFailure } from "../server-errors";

export type FieldSpec = { key: string; label: string; kind: "text" | "number"; hint?: string } | { key: string; label: string; kind: "select"; options: readonly string[]; hint?: string };
export type Values = Record<string, string>;

/**
 * Add or edit one catalogue entry (a ticket type, priority or status) in a dialog. The name is set
 * on creation only (tickets refer to it). Server errors show under their field; a conflict says so.
 */
export function CatalogueDialog({ title, entry, fields, onSave, onClose }: {
  title: string;
  entry: { name: string; modified?: string; values: Values } | null;
  fields: FieldSpec[];
  onSave: (name: string, values: Values, modified: string | undefined) => Promise<void>;
  onClose: () => void;
}) {
  const [name, setName] = useState(entry?.name ?? "");
  const [values, setValues] = useState<Values>(entry?.values ?? Object.fromEntries(fields.map((f) => [f.key, f.kind === "select" ? (f.options[0] ?? "") : ""])));
  const [failure, setFailure] = useState<SaveFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const errors = failure?.kind === "fields" ? failure.fields : {};
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await onSave(name.trim(), values, entry?.modified);
      onClose();
    } catch (error) {
      setFailure(describeSaveError(error));
    } finally {
      setBusy(false);
    }
  };
  const formMessage = failure && failure.kind !== "fields" ? (failure.kind === "conflict" ? "Someone else changed this entry meanwhile. Close this dialog to see the saved version, then edit again." : failure.message) : null;
  return (
    <ModalDialog title={title} onClose={onClose}>
      <form noValidate onSubmit={(e) => void submit(e)} className="space-y-4">
        {formMessage ? (
          <p role="alert" className="rounded-md bg-danger-soft px-3 py-2 text-sm text-danger">
            {formMessage}
          </p>
        ) : null}
        {entry ? null : <TextInput label="Name" required maxLength={140} autoFocus value={name} error={errors.name} onChange={(e) => setName(e.target.value)} />}
        {fields.map((f) =>
          f.kind === "select" ? (
            <SelectInput key={f.key} label={f.label} hint={f.hint} value={values[f.key] ?? ""} error={errors[f.key]} onChange={(e) => setValues({ ...values, [f.key]: e.target.value })}>
              {f.options.map((o) => (
                <option key={o} value={o}>{o}</option>
              ))}
            </SelectInput>
          ) : (
            <TextInput key={f.key} label={f.label} hint={f.hint} type={f.kind === "number" ? "number" : "text"} inputMode={f.kind === "number" ? "numeric" : undefined} value={values[f.key] ?? ""} error={errors[f.key]} onChange={(e) => setValues({ ...values, [f.key]: e.target.value })} />
          ),
        )}
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={busy}>
            {busy ? "Saving…" : "Save"}
          </Button>
        </DialogActions>
      </form>
    </ModalDialog>
  );
}
