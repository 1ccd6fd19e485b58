"use client";

import type { GoShortcut } from "./shortcuts";
import { useShortcuts, type ShortcutHandlers } from "./use-shortcuts";

/** The keyboard shortcuts as a component, so the search trigger can load them after the page. */
export default function ShortcutsListener({ handlers, goTargets }: { handlers: ShortcutHandlers; goTargets: readonly GoShortcut[] }) {
  useShortcuts(handlers, goTargets);
  return null;
}
