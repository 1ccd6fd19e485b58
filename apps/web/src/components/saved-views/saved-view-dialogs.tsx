"use client";

import { useId, useState, type FormEvent } from "react";
import { Button } from "~/components/ui/button";
import { ConfirmDialog, DialogActions, ModalDialog } from "~/components/ui/modal-dialog";
import { inputClasses, labelClasses } from "~/components/ui/field";
import { viewError, type ViewError } from "./use-saved-views";

/** Longest view label the server accepts (packages/db/src/schema/views.ts). */
const LABEL_MAX = 80;

/**
 * Names a view: "Save current view…" (with "use as default") and "Rename…". The server's word on
 * the label (e.g. "You already have a view named …") appears under the field.
 */
export function LabelDialog({ mode, moduleLabel, initialLabel = "", summary, onSubmit, onClose }: {
  /** The page name: "Open this view when I go to …". */
  moduleLabel: string;
  mode: "save" | "rename";
  initialLabel?: string;
  /** What the view shows, in words (save only). */
  summary?: string;
  onSubmit: (label: string, isDefault: boolean) => Promise<unknown>;
  onClose: () => void;
}) {
  const [label, setLabel] = useState(initialLabel);
  const [isDefault, setIsDefault] = useState(false);
  const [error, setError] = useState<ViewError>({});
  const [busy, setBusy] = useState(false);
  const inputId = useId();
  const errorId = useId();
  const formErrorId = useId();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const trimmed = label.trim();
    if (!trimmed) return setError({ label: "Give the view a name" });
    setBusy(true);
    setError({});
    try {
      await onSubmit(trimmed, isDefault);
      onClose();
    } catch (failure) {
      setError(viewError(failure));
      setBusy(false);
    }
  };

  return (
    <ModalDialog title={mode === "save" ? "Save current view" : "Rename view"} description={summary} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate className="flex flex-col gap-4">
        <div>
          <label htmlFor={inputId} className={labelClasses}>
            Name
          </label>
          <input
            id={inputId}
            value={label}
            onChange={(e) => setLabel(e.target.value)}
            maxLength={LABEL_MAX}
            required
            autoComplete="off"
            aria-invalid={error.label ? true : undefined}
            aria-describedby={error.label ? errorId : undefined}
            className={inputClasses}
          />
          {error.label ? (
            <p id={errorId} className="mt-1 text-sm text-danger">
              {error.label}
            </p>
          ) : null}
        </div>
        {mode === "save" ? (
          <label className="flex min-h-11 cursor-pointer items-center gap-3 text-sm sm:min-h-10">
            <input type="checkbox" className="size-5 accent-accent" checked={isDefault} onChange={(e) => setIsDefault(e.target.checked)} />
            Open this view when I go to {moduleLabel}
          </label>
        ) : null}
        {error.form ? (
          <p id={formErrorId} role="alert" className="rounded-md bg-danger-soft px-3 py-2 text-sm text-danger">
            {error.form}
          </p>
        ) : null}
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={busy}>
            {busy ? "Saving…" : mode === "save" ? "Save view" : "Rename"}
          </Button>
        </DialogActions>
      </form>
    </ModalDialog>
  );
}

/** "Delete view …?" — the one change to a view that cannot be undone asks first. */
export function ConfirmDeleteDialog({ label, rowsLabel, onConfirm, onClose }: { label: string; rowsLabel: string; onConfirm: () => Promise<unknown>; onClose: () => void }) {
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
    } finally {
      onClose();
    }
  };
  return (
    <ConfirmDialog
      title={`Delete view “${label}”?`}
      description={`The view is removed for good. The ${rowsLabel} it shows are not affected.`}
      confirmLabel={busy ? "Deleting…" : "Delete view"}
      busy={busy}
      onConfirm={() => void confirm()}
      onClose={onClose}
    />
  );
}
