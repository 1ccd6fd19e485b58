"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";
import { Button } from "~/components/ui/button";

// The shared Button has no destructive variant; same shape, danger colours (as the saved-view dialogs).
const dangerButtonClasses =
  "inline-flex min-h-11 items-center justify-center gap-2 rounded-md bg-danger px-4 text-sm font-medium text-accent-fg transition-opacity hover:opacity-90 disabled:cursor-not-allowed disabled:opacity-50 sm:min-h-10";

/**
 * "Discard job …?": a modal <dialog> for an action that cannot be undone. Focus moves in and is
 * trapped, Escape or Cancel closes it, and `onClose` runs however it closes.
 */
export function ConfirmDialog({ title, description, confirmLabel, busy, onConfirm, onClose }: {
  title: string;
  description: ReactNode;
  confirmLabel: string;
  busy: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
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
      aria-describedby={descriptionId}
      onClose={onClose}
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg border border-line bg-surface p-0 text-fg shadow-xl backdrop:bg-black/50"
    >
      <div className="flex flex-col gap-4 p-4 sm:p-5">
        <h2 id={titleId} className="text-lg font-semibold">{title}</h2>
        <div id={descriptionId} className="text-sm text-muted">{description}</div>
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button onClick={onClose}>Cancel</Button>
          <button type="button" className={dangerButtonClasses} disabled={busy} onClick={onConfirm}>{confirmLabel}</button>
        </div>
      </div>
    </dialog>
  );
}
