"use client";

import { useEffect, useRef, type ReactNode } from "react";
import { Button } from "~/components/ui/button";

/** A side panel (full screen on phones) built on <dialog>: focus is trapped and Escape closes it. */
export function Drawer({ title, open, onClose, children }: { title: string; open: boolean; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-label={title}
      onClose={onClose}
      className="m-0 ml-auto h-dvh max-h-dvh w-full max-w-full bg-surface p-0 text-fg backdrop:bg-black/40 sm:max-w-md sm:border-l sm:border-line"
    >
      <div className="flex h-full flex-col">
        <div className="flex items-center justify-between border-b border-line px-4 py-3">
          <h2 className="text-lg font-semibold">{title}</h2>
          <Button variant="ghost" onClick={onClose} aria-label="Close">✕</Button>
        </div>
        <div className="flex-1 overflow-y-auto p-4">{open ? children : null}</div>
      </div>
    </dialog>
  );
}
