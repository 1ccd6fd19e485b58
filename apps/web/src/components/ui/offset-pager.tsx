"use client";

import { Button } from "./button";

/** "Showing a–b of n" with Previous / Next, for lists paged by offset (admin tables). */
export function OffsetPager({ start, count, total, pageSize, onStart }: { start: number; count: number; total: number; pageSize: number; onStart: (start: number) => void }) {
  return (
    <div className="mt-3 flex items-center justify-between text-sm text-muted">
      <span>
        Showing {start + 1}–{start + count} of {total}
      </span>
      <div className="flex gap-2">
        <Button disabled={start === 0} onClick={() => onStart(Math.max(0, start - pageSize))}>Previous</Button>
        <Button disabled={start + pageSize >= total} onClick={() => onStart(start + pageSize)}>Next</Button>
      </div>
    </div>
  );
}
