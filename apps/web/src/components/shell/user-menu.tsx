"use client";

import Link from "next/link";
import { usePathname } from "~/lib/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { ThemeSwitch } from "~/components/theme/theme-switch";
import type { Theme } from "~/lib/theme";
import { signOutAction } from "~/server/actions/sign-out";
import { cx } from "../ui/cx";
import { ChevronDownIcon, KeyIcon, SignOutIcon, UserIcon } from "../ui/icons";

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? `${parts[0]![0]}${parts[parts.length - 1]![0]}` : (parts[0]?.slice(0, 2) ?? "?");
  return letters.toUpperCase();
}

const itemClasses = "flex min-h-11 w-full items-center gap-3 rounded-md px-3 text-left text-sm font-medium text-fg hover:bg-surface-2 sm:min-h-10";

/**
 * The avatar button in the top bar and its panel: who is signed in, Profile, API keys, the theme,
 * Sign out. A disclosure (button + panel), not an ARIA menu, because the panel also holds a radio
 * group. Escape or a click outside closes it and returns focus to the button.
 */
export function UserMenu({ name, email, theme }: { name: string; email: string; theme: Theme }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const pathname = usePathname();

  // Navigating away (a link in the panel, the palette, back) closes it.
  useEffect(() => setOpen(false), [pathname]);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [open]);

  return (
    <div ref={root} className="relative">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((v) => !v)}
        className="flex min-h-11 min-w-11 items-center gap-2 rounded-full p-1 text-sm font-medium text-fg hover:bg-surface-2 sm:min-h-10 sm:rounded-md sm:pr-2"
      >
        <span aria-hidden="true" className="grid size-8 shrink-0 place-items-center rounded-full bg-accent-soft text-xs font-semibold text-fg">
          {initials(name)}
        </span>
        <span className="sr-only">Account: </span>
        <span className="hidden max-w-40 truncate sm:inline">{name}</span>
        <ChevronDownIcon className="hidden text-muted sm:block" width={16} height={16} />
      </button>
      <div
        id={panelId}
        hidden={!open}
        className="absolute right-0 z-40 mt-2 w-72 max-w-[calc(100vw-2rem)] rounded-lg border border-line bg-surface p-2 shadow-lg"
      >
        <div className="border-b border-line px-3 pt-1 pb-3">
          <p className="truncate text-sm font-semibold text-fg">{name}</p>
          <p className="truncate text-xs text-muted">{email}</p>
        </div>
        <ul className="py-2">
          <li>
            <Link href="/account" className={itemClasses}>
              <UserIcon className="text-muted" />
              Profile
            </Link>
          </li>
          <li>
            <Link href="/account/api-keys" className={itemClasses}>
              <KeyIcon className="text-muted" />
              API keys
            </Link>
          </li>
        </ul>
        <ThemeSwitch initial={theme} className="border-t border-line px-3 pt-3 pb-2" />
        <form action={signOutAction} className="border-t border-line pt-2">
          <button type="submit" className={cx(itemClasses, "text-danger")}>
            <SignOutIcon />
            Sign out
          </button>
        </form>
      </div>
    </div>
  );
}
