"use client";

import Link from "next/link";
import { useEffect, type RefObject } from "react";
import { ThemeSwitch } from "~/components/theme/theme-switch";
import type { Theme } from "~/lib/theme";
import { signOutAction } from "~/server/actions/sign-out";
import { cx } from "../ui/cx";
import { KeyIcon, SignOutIcon, UserIcon } from "../ui/icons";

const itemClasses = "flex min-h-11 w-full items-center gap-3 rounded-md px-3 text-left text-sm font-medium text-fg hover:bg-surface-2 sm:min-h-10";

interface UserMenuPanelProps {
  name: string;
  email: string;
  theme: Theme;
  open: boolean;
  /** The menu's root (button + panel): a pointer-down outside it closes the panel. */
  root: RefObject<HTMLDivElement | null>;
  /** Escape: close and return focus to the button. */
  onDismiss: () => void;
  onOutside: () => void;
}

/**
 * What the user menu shows once opened; loaded on first open (or hover), not with the page. The
 * Escape and click-outside listeners live here too: they only matter while the panel is open.
 */
export default function UserMenuPanel({ name, email, theme, open, root, onDismiss, onOutside }: UserMenuPanelProps) {
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") onDismiss();
    };
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) onOutside();
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [open, root, onDismiss, onOutside]);

  return (
    <>
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
    </>
  );
}
