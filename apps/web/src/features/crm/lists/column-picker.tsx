"use client";

import { useEffect, useId, useRef, useState } from "react";
import { buttonClasses } from "~/components/ui/button";
import { cx } from "~/components/ui/cx";
import { ChevronDownIcon } from "~/components/ui/icons";
import { canonicalColumns } from "./list-params";
import type { ListSpec } from "./list-spec";

/**
 * "Columns": a popover of checkboxes, one per optional column (the first column always shows). Each
 * change goes to the URL at once (`cols=`), so a saved view keeps it. Escape or a press outside
 * closes it; Escape returns focus to the button.
 */
export function ColumnPicker({ spec, cols, onChange, className }: { spec: ListSpec; cols: readonly string[]; onChange: (cols: string[]) => void; className?: string }) {
  const [open, setOpen] = useState(false);
  const wrapperRef = useRef<HTMLDivElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    wrapperRef.current?.querySelector<HTMLInputElement>("input:not(:disabled)")?.focus();
    const onPointerDown = (e: PointerEvent) => {
      if (!wrapperRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open]);

  const toggle = (id: string, on: boolean) => onChange(canonicalColumns(spec, on ? [...cols, id] : cols.filter((c) => c !== id)));

  return (
    <div
      ref={wrapperRef}
      className={cx("relative", className)}
      onKeyDown={(e) => {
        if (e.key !== "Escape" || !open) return;
        e.stopPropagation();
        setOpen(false);
        triggerRef.current?.focus();
      }}
      onBlur={(e) => {
        if (open && e.relatedTarget && !wrapperRef.current?.contains(e.relatedTarget)) setOpen(false);
      }}
    >
      <button ref={triggerRef} type="button" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)} className={buttonClasses("secondary", "w-full sm:w-auto")}>
        Columns
        <ChevronDownIcon aria-hidden="true" />
      </button>
      {open ? (
        <div id={panelId} className="absolute top-full right-0 z-30 mt-2 w-[min(16rem,calc(100vw-2rem))] rounded-lg border border-line bg-surface p-2 text-fg shadow-lg">
          <fieldset>
            <legend className="px-2 pt-1 pb-2 text-xs font-semibold tracking-wide text-muted uppercase">Show columns</legend>
            <label className="flex min-h-11 items-center gap-3 rounded-md px-2 text-sm text-muted sm:min-h-10">
              <input type="checkbox" className="size-5 accent-accent" checked disabled />
              {spec.primary.label} (always shown)
            </label>
            {spec.columns.map((c) => (
              <label key={c.id} className="flex min-h-11 cursor-pointer items-center gap-3 rounded-md px-2 text-sm hover:bg-surface-2 sm:min-h-10">
                <input type="checkbox" className="size-5 accent-accent" checked={cols.includes(c.id)} onChange={(e) => toggle(c.id, e.target.checked)} />
                {c.label}
              </label>
            ))}
          </fieldset>
        </div>
      ) : null}
    </div>
  );
}
