"use client";

import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from "react";
import { Button } from "~/components/ui/button";
import { inputClasses, labelClasses } from "~/components/ui/field";
import { viewError, type ViewError } from "./use-saved-views";

/** Longest view label the server accepts (packages/db/src/schema/views.ts). */
const LABEL_MAX = 80;

/**
 * A small modal dialog on <dialog>: focus moves in and is trapped, Escape closes it, and `onClose`
 * runs however it closes (the caller returns focus to the control that opened it).
 */
function ModalDialog({ title, description, onClose, children }: { title: string; description?: ReactNode; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onClose={onClose}
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg border border-line bg-surface p-0 text-fg shadow-xl backdrop:bg-black/50"
    >
      <div className="flex flex-col gap-4 p-4 sm:p-5">
        <h2 id={titleId} className="text-lg font-semibold">
          {title}
        </h2>
        {description ? (
          <div id={descriptionId} className="text-sm text-muted">
            {description}
          </div>
        ) : null}
        {children}
      </div>
    </dialog>
  );
}

function DialogActions({ children }: { children: ReactNode }) {
  return <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">{children}</div>;
}

/**
 * Names a view: "Save current view…" (with "use as default") and "Rename…". The server's word on
 * the label (e.g. "You already have a view named …") appears under the field.
 */
export function LabelDialog({ mode, initialLabel = "", summary, onSubmit, onClose }: {
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
            Open this view when I go to Clients
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

// The shared Button has no destructive variant; same shape, danger colours (AA in both themes).
const dangerButtonClasses =
  "inline-flex min-h-11 items-center justify-center gap-2 rounded-md bg-danger px-4 text-sm font-medium text-accent-fg transition-opacity hover:opacity-90 disabled:cursor-not-allowed disabled:opacity-50 sm:min-h-10";

/** "Delete view …?" — the one change to a view that cannot be undone asks first. */
export function ConfirmDeleteDialog({ label, onConfirm, onClose }: { label: string; onConfirm: () => Promise<unknown>; onClose: () => void }) {
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
    <ModalDialog title={`Delete view “${label}”?`} description="The view is removed for good. The clients it shows are not affected." onClose={onClose}>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <button type="button" className={dangerButtonClasses} disabled={busy} onClick={() => void confirm()}>
          {busy ? "Deleting…" : "Delete view"}
        </button>
      </DialogActions>
    </ModalDialog>
  );
}
