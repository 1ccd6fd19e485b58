"use client";

import { useEffect, useRef, type ReactNode } from "react";
import { cx } from "../ui/cx";

/**
 * A modal dialog on the native <dialog> (`showModal()`): the browser puts it in the top layer,
 * makes the rest of the page inert (focus stays inside), moves focus into it and closes it on
 * Escape. No dialog library is needed, so it works the same for the palette and the shortcuts help.
 * Mounted open; the owner unmounts it in `onClose` and puts focus back where it belongs.
 */
export function Modal({ labelledBy, onClose, className, children }: { labelledBy: string; onClose: () => void; className?: string; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const pressedOnBackdrop = useRef(false);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    // React's autoFocus runs before the dialog is shown (and is lost): focus the marked control now.
    dialog.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    // The page behind does not scroll while the dialog is open.
    const root = document.documentElement;
    const overflow = root.style.overflow;
    root.style.overflow = "hidden";
    return () => {
      root.style.overflow = overflow;
      if (dialog.open) dialog.close();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      aria-labelledby={labelledBy}
      aria-modal="true"
      // Escape closes the dialog natively, then `close` fires. React's dev double-mount closes and
      // reopens it at once: a `close` that finds it open again is not the user's.
      onClose={() => {
        if (!ref.current?.open) onClose();
      }}
      // A click on the backdrop lands on the <dialog> itself (its content fills it). Both ends of
      // the click must be there, so a text selection dragged out of the input does not close it.
      onPointerDown={(e) => {
        pressedOnBackdrop.current = e.target === e.currentTarget;
      }}
      onClick={(e) => {
        if (pressedOnBackdrop.current && e.target === e.currentTarget) onClose();
      }}
      className={cx(
        "mx-auto mt-[max(0.75rem,10vh)] mb-auto w-[calc(100%-1.5rem)] max-w-xl overflow-hidden rounded-xl border border-line bg-surface p-0 text-fg shadow-2xl",
        "backdrop:bg-black/50",
        className,
      )}
    >
      {children}
    </dialog>
  );
}
