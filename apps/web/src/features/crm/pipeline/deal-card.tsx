"use client";

import Link from "next/link";
import type { PointerEvent } from "react";
import { cx } from "~/components/ui/cx";
import { dealHref, formatMoney, text } from "../format";
import type { DragState } from "./use-card-drag";
import type { Stage } from "../use-crm-catalogues";

type GripProps = { "data-drag-handle": string; onPointerDown: (e: PointerEvent<HTMLElement>) => void; onPointerMove: (e: PointerEvent<HTMLElement>) => void; onPointerUp: (e: PointerEvent<HTMLElement>) => void; onPointerCancel: () => void };

/** A deal on the board: name, organisation, amount; a grip to drag it and a "Move to…" select for keyboards and screen readers. */
export function DealCard({ deal, organization, stages, drag, grip, onMove }: { deal: Record<string, unknown>; organization: string; stages: Stage[]; drag: DragState | null; grip: GripProps; onMove: (stage: string) => void }) {
  const name = text(deal.name);
  const stage = text(deal.status);
  const dragging = drag?.name === name;
  const title = organization || name;
  return (
    <article
      aria-label={`Deal ${name}`}
      className={cx("relative flex flex-col gap-2 rounded-md border border-line bg-surface p-3 shadow-sm", dragging && "z-20 shadow-lg ring-2 ring-accent")}
      style={dragging ? { transform: `translate(${drag.dx}px, ${drag.dy}px)` } : undefined}
    >
      <div className="flex items-start gap-2">
        <span {...grip} aria-hidden="true" title="Drag to another stage" className="-m-1 flex size-11 shrink-0 cursor-grab touch-none items-center justify-center rounded text-muted select-none hover:bg-surface-2 active:cursor-grabbing sm:size-9">
          <svg viewBox="0 0 24 24" width="18" height="18" fill="currentColor" aria-hidden="true"><circle cx="9" cy="6" r="1.6" /><circle cx="15" cy="6" r="1.6" /><circle cx="9" cy="12" r="1.6" /><circle cx="15" cy="12" r="1.6" /><circle cx="9" cy="18" r="1.6" /><circle cx="15" cy="18" r="1.6" /></svg>
        </span>
        <div className="min-w-0 flex-1">
          <Link href={dealHref(name)} prefetch={false} className="block truncate font-medium text-fg underline-offset-2 hover:underline">{title}</Link>
          <p className="truncate font-mono text-xs text-muted">{name}</p>
        </div>
        <p className="shrink-0 text-sm font-semibold text-fg">{formatMoney(deal.amount, deal.currency)}</p>
      </div>
      <label className="sr-only" htmlFor={`move-${name}`}>Move {name} to…</label>
      <select id={`move-${name}`} value={stage} onChange={(e) => onMove(e.target.value)} className="min-h-11 w-full rounded-md border border-line bg-surface px-2 text-sm text-fg sm:min-h-9">
        {stages.map((s) => <option key={s.name} value={s.name}>{s.name === stage ? `In ${s.name}` : `Move to ${s.name}`}</option>)}
      </select>
    </article>
  );
}
