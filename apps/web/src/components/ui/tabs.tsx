"use client";

import { usePathname, useSearchParams } from "~/lib/navigation";
import { useId, useRef, type KeyboardEvent, type ReactNode } from "react";
import { cx } from "~/components/ui/cx";

export interface Tab {
  id: string;
  label: string;
  content: ReactNode;
}

/**
 * WAI-ARIA tabs (arrow keys, Home/End, one tab stop). The selected tab is kept in `?tab=` so a
 * link can open a given tab; a tab the user may not see is simply not in `tabs`, and asking for
 * it shows the first one.
 */
export function Tabs({ tabs, label }: { tabs: Tab[]; label: string }) {
  const baseId = useId();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const requested = searchParams.get("tab");
  const selected = tabs.find((t) => t.id === requested) ?? tabs[0];
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);

  const select = (index: number, focus = false) => {
    const tab = tabs[index];
    if (!tab) return;
    const params = new URLSearchParams(searchParams.toString());
    if (index === 0) params.delete("tab");
    else params.set("tab", tab.id);
    const query = params.toString();
    window.history.replaceState(null, "", query ? `${pathname}?${query}` : pathname);
    if (focus) buttons.current[index]?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const current = tabs.findIndex((t) => t.id === selected?.id);
    const last = tabs.length - 1;
    const target = e.key === "ArrowRight" ? (current + 1) % tabs.length : e.key === "ArrowLeft" ? (current - 1 + tabs.length) % tabs.length : e.key === "Home" ? 0 : e.key === "End" ? last : -1;
    if (target < 0) return;
    e.preventDefault();
    select(target, true);
  };

  return (
    <div>
      <div role="tablist" aria-label={label} onKeyDown={onKeyDown} className="-mx-4 flex overflow-x-auto border-b border-line px-4 sm:mx-0 sm:px-0">
        {tabs.map((tab, index) => {
          const active = tab.id === selected?.id;
          return (
            <button
              key={tab.id}
              ref={(el) => {
                buttons.current[index] = el;
              }}
              type="button"
              role="tab"
              id={`${baseId}-tab-${tab.id}`}
              aria-selected={active}
              aria-controls={active ? `${baseId}-panel-${tab.id}` : undefined}
              tabIndex={active ? 0 : -1}
              onClick={() => select(index)}
              className={cx("-mb-px min-h-11 shrink-0 border-b-2 px-3 text-sm sm:px-4 font-medium whitespace-nowrap", active ? "border-accent text-fg" : "border-transparent text-muted hover:text-fg")}
            >
              {tab.label}
            </button>
          );
        })}
      </div>
      {selected ? (
        <div role="tabpanel" id={`${baseId}-panel-${selected.id}`} aria-labelledby={`${baseId}-tab-${selected.id}`} tabIndex={0} className="pt-4 sm:pt-6">
          {selected.content}
        </div>
      ) : null}
    </div>
  );
}
