"use client";

/* The "?" dialog: every keyboard shortcut this user has. Loaded on first use, like the palette. */
import { useId } from "react";
import { Modal } from "./modal";
import type { GoShortcut } from "./shortcuts";

export interface ShortcutsHelpProps {
  goTargets: readonly GoShortcut[];
  /** "Ctrl" or "⌘". */
  modKey: string;
  onClose: () => void;
}

function Keys({ keys }: { keys: string[] }) {
  return (
    <span className="flex shrink-0 items-center gap-1">
      {keys.map((k, i) => (
        <kbd key={i} className="min-w-7 rounded border border-line bg-surface-2 px-1.5 py-0.5 text-center font-sans text-xs text-fg">
          {k}
        </kbd>
      ))}
    </span>
  );
}

export function ShortcutsHelp({ goTargets, modKey, onClose }: ShortcutsHelpProps) {
  const titleId = useId();
  const rows: { keys: string[]; what: string }[] = [
    { keys: [modKey, "K"], what: "Open search" },
    { keys: ["/"], what: "Open search" },
    ...goTargets.map((g) => ({ keys: ["g", g.key], what: `Go to ${g.label}` })),
    { keys: ["?"], what: "Show keyboard shortcuts" },
    { keys: ["Esc"], what: "Close a dialog" },
    { keys: ["↑", "↓"], what: "Move through search results" },
    { keys: ["Enter"], what: "Open the selected result" },
  ];
  return (
    <Modal labelledBy={titleId} onClose={onClose} className="max-w-md">
      <div className="flex items-center justify-between gap-3 border-b border-line px-4 py-2">
        <h2 id={titleId} className="text-base font-semibold text-fg">
          Keyboard shortcuts
        </h2>
        <button type="button" data-autofocus onClick={onClose} className="min-h-11 rounded-md px-3 text-sm font-medium text-fg hover:bg-surface-2 sm:min-h-10">
          Close
        </button>
      </div>
      <dl className="divide-y divide-line px-4 py-1">
        {rows.map((row, i) => (
          <div key={i} className="flex items-center justify-between gap-4 py-2 text-sm">
            <dt className="text-fg">{row.what}</dt>
            <dd>
              <Keys keys={row.keys} />
              <span className="sr-only">{row.keys.length > 1 && row.keys[0] === "g" ? " (one after the other)" : ""}</span>
            </dd>
          </div>
        ))}
      </dl>
      <p className="border-t border-line px-4 py-2 text-xs text-muted">Single-key shortcuts work when you are not typing in a field.</p>
    </Modal>
  );
}
