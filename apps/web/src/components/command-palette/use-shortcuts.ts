"use client";

import { useEffect, useEffectEvent } from "react";
import { modalOpen, SEQUENCE_TIMEOUT_MS, type GoShortcut } from "./shortcuts";

export interface ShortcutHandlers {
  /** Ctrl/⌘+K: opens the palette, or closes it when it is open. */
  togglePalette: () => void;
  /** "/": opens the palette. */
  openPalette: () => void;
  /** "?": the list of shortcuts. */
  openHelp: () => void;
  /** "g" then a key. */
  go: (href: string) => void;
}

/** Where typed characters are text, not commands. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest("input, textarea, select, [contenteditable]:not([contenteditable='false'])") !== null;
}

/**
 * The app's keyboard shortcuts, mounted once (by the search trigger in the top bar):
 * Ctrl/⌘+K anywhere, even in a text field (a modifier chord types nothing); "/", "?" and the
 * "g c" / "g a" sequences only when the user is not typing and no dialog is open.
 */
export function useShortcuts(handlers: ShortcutHandlers, goTargets: readonly GoShortcut[]): void {
  const onKeyDown = useEffectEvent((event: KeyboardEvent, pending: { g: number }) => {
    if (event.defaultPrevented || event.isComposing || event.repeat) return;
    const key = event.key;
    if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && key.toLowerCase() === "k") {
      event.preventDefault();
      handlers.togglePalette();
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target) || modalOpen()) return;

    const afterG = pending.g > 0 && event.timeStamp - pending.g <= SEQUENCE_TIMEOUT_MS;
    pending.g = 0;
    if (afterG) {
      const target = goTargets.find((s) => s.key === key.toLowerCase());
      if (target) {
        event.preventDefault();
        handlers.go(target.href);
      }
      return;
    }
    if (key === "g" || key === "G") pending.g = event.timeStamp || 1;
    else if (key === "/") {
      event.preventDefault(); // Firefox's quick find
      handlers.openPalette();
    } else if (key === "?") {
      event.preventDefault();
      handlers.openHelp();
    }
  });

  useEffect(() => {
    const pending = { g: 0 };
    const listener = (event: KeyboardEvent) => onKeyDown(event, pending);
    document.addEventListener("keydown", listener);
    return () => document.removeEventListener("keydown", listener);
  }, []);
}
