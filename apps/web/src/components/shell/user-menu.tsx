"use client";

import { lazy, Suspense, useEffect, useId, useRef, useState } from "react";
import type { Theme } from "~/lib/theme";
import { usePathname } from "~/lib/navigation";
import { ChevronDownIcon } from "../ui/icons";

/**
 * The panel's contents load on first open (or hover/focus of the button), not with the page. React's
 * lazy rather than next/dynamic, whose loader would add ~2 kB gzip to every page; the panel is only
 * rendered in the browser, after a click.
 */
const loadPanel = () => import("./user-menu-panel");
const UserMenuPanel = lazy(() =>
  loadPanel().catch(() => ({
    // A failed download (a dropped connection) says so in the panel instead of reaching the error boundary.
    default: () => <p role="alert" className="px-3 py-2 text-sm text-danger">The menu could not be loaded. Check your connection and reload the page.</p>,
  })),
);

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? `${parts[0]![0]}${parts[parts.length - 1]![0]}` : (parts[0]?.slice(0, 2) ?? "?");
  return letters.toUpperCase();
}

/**
 * The avatar button in the top bar and its panel: who is signed in, Profile, API keys, the theme,
 * Sign out. A disclosure (button + panel), not an ARIA menu, because the panel also holds a radio
 * group. Escape or a click outside closes it and returns focus to the button.
 */
export function UserMenu({ name, email, theme }: { name: string; email: string; theme: Theme }) {
  const [open, setOpen] = useState(false);
  const [opened, setOpened] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const pathname = usePathname();
  const prefetch = () => void loadPanel().catch(() => undefined);

  // Navigating away (a link in the panel, the palette, back) closes it.
  useEffect(() => setOpen(false), [pathname]);
  const dismiss = () => {
    setOpen(false);
    button.current?.focus();
  };

  return (
    <div ref={root} className="relative">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => {
          setOpened(true);
          setOpen((v) => !v);
        }}
        onPointerEnter={prefetch}
        onFocus={prefetch}
        className="flex min-h-11 min-w-11 items-center gap-2 rounded-full p-1 text-sm font-medium text-fg hover:bg-surface-2 sm:min-h-10 sm:rounded-md sm:pr-2"
      >
        <span aria-hidden="true" className="grid size-8 shrink-0 place-items-center rounded-full bg-accent-soft text-xs font-semibold text-fg">
          {initials(name)}
        </span>
        <span className="sr-only">Account: </span>
        <span className="hidden max-w-40 truncate sm:inline">{name}</span>
        <ChevronDownIcon className="hidden text-muted sm:block" width={16} height={16} />
      </button>
      <div id={panelId} hidden={!open} className="absolute right-0 z-40 mt-2 w-72 max-w-[calc(100vw-2rem)] rounded-lg border border-line bg-surface p-2 shadow-lg">
        {opened ? (
          <Suspense fallback={<p className="px-3 py-2 text-sm text-muted">Loading…</p>}>
            <UserMenuPanel name={name} email={email} theme={theme} open={open} root={root} onDismiss={dismiss} onOutside={() => setOpen(false)} />
          </Suspense>
        ) : null}
      </div>
    </div>
  );
}
