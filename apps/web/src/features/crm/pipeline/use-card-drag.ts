"use client";

import { useRef, useState, type PointerEvent } from "react";

export interface DragState {
  name: string;
  dx: number;
  dy: number;
  /** The stage column under the pointer, if any. */
  over: string | null;
}

/** The stage column (`data-stage-drop`) at a point of the viewport. */
function stageAt(x: number, y: number): string | null {
  for (const el of document.elementsFromPoint(x, y)) {
    const stage = el instanceof HTMLElement ? el.dataset.stageDrop : undefined;
    if (stage) return stage;
  }
  return null;
}

/**
 * Dragging a card by its grip with pointer events (mouse, pen and touch alike: the grip has
 * `touch-action: none`, so a finger drags instead of scrolling). Dropping on another column calls
 * `onDrop`; Escape-free by design: letting go outside a column puts the card back.
 */
export function useCardDrag(onDrop: (name: string, stage: string) => void) {
  const [drag, setDrag] = useState<DragState | null>(null);
  const origin = useRef<{ x: number; y: number; name: string } | null>(null);
  const gripProps = (name: string) => ({
    "data-drag-handle": "",
    onPointerDown: (e: PointerEvent<HTMLElement>) => {
      if (e.pointerType === "mouse" && e.button !== 0) return;
      e.preventDefault();
      e.currentTarget.setPointerCapture(e.pointerId);
      origin.current = { x: e.clientX, y: e.clientY, name };
      setDrag({ name, dx: 0, dy: 0, over: null });
    },
    onPointerMove: (e: PointerEvent<HTMLElement>) => {
      const o = origin.current;
      if (!o) return;
      setDrag({ name: o.name, dx: e.clientX - o.x, dy: e.clientY - o.y, over: stageAt(e.clientX, e.clientY) });
    },
    onPointerUp: (e: PointerEvent<HTMLElement>) => {
      const o = origin.current;
      origin.current = null;
      setDrag(null);
      const stage = o ? stageAt(e.clientX, e.clientY) : null;
      if (o && stage) onDrop(o.name, stage);
    },
    onPointerCancel: () => {
      origin.current = null;
      setDrag(null);
    },
  });
  return { drag, gripProps };
}
