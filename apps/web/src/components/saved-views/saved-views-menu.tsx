"use client";

import { useEffect, useId, useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from "react";
import { buttonClasses } from "~/components/ui/button";
import { cx } from "~/components/ui/cx";
import { CheckIcon, MoreIcon, PlusIcon, ViewsIcon } from "~/components/ui/icons";
import { ConfirmDeleteDialog, LabelDialog } from "./saved-view-dialogs";
import type { SavedViewsConfig } from "./config";
import { toastFailure, useSavedViews, type SavedView } from "./use-saved-views";

type Dialog = { kind: "save" } | { kind: "rename"; view: SavedView } | { kind: "delete"; view: SavedView };

/** Menu rows: touch-sized (44 px) on phones, 40 px from `sm` up. */
const rowClasses = "flex min-h-11 w-full items-center gap-2 rounded-md px-2 text-left text-sm sm:min-h-10";

/**
 * "Views": the user's saved views of a list (Clients, tickets: `config`) in a popover beside the search. Applying one
 * opens its URL state; the current one is marked (aria-current and a check). Each view can be made
 * the default, renamed, overwritten with the current state or deleted; "Save current view…" names
 * the current state. Escape or a click outside closes the popover and focus returns to its trigger.
 */
export function SavedViewsMenu({ config, current, pathname, onApply, describeCurrent, className }: {
  config: SavedViewsConfig;
  /** The current view state as a saved view would keep it (`viewQuery`); "" is the plain list. */
  current: string;
  pathname: string;
  onApply: (query: string) => void;
  /** The current view in words, shown when saving it. */
  describeCurrent: () => string;
  className?: string;
}) {
  const saved = useSavedViews(config);
  const { listHref, normalizeQuery: normalizeViewQuery } = config;
  const [open, setOpen] = useState(false);
  const [expanded, setExpanded] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const wrapperRef = useRef<HTMLDivElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const headingId = useId();

  const views = saved.views.data ?? [];
  const active = current ? views.find((v) => normalizeViewQuery(v.query) === current) : undefined;
  // A dialog acts on the latest copy of its view (after a conflict the list is reloaded).
  const latest = (view: SavedView) => views.find((v) => v.name === view.name) ?? view;

  // On open, focus the current entry (or the first); a press anywhere outside closes.
  useEffect(() => {
    if (!open) return;
    const panel = panelRef.current;
    (panel?.querySelector<HTMLElement>("[aria-current='page']") ?? panel?.querySelector<HTMLElement>("a, button:not(:disabled)"))?.focus();
    const onPointerDown = (e: PointerEvent) => {
      if (!wrapperRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open]);

  const close = () => {
    setOpen(false);
    setExpanded(null);
    triggerRef.current?.focus();
  };
  const openDialog = (next: Dialog) => {
    setOpen(false);
    setExpanded(null);
    setDialog(next);
  };
  const closeDialog = () => setDialog(null);

  // Focus returns to the trigger once a dialog is gone: while a modal dialog is open everything
  // outside it is inert and cannot take focus.
  const hadDialog = useRef(false);
  useEffect(() => {
    if (dialog) hadDialog.current = true;
    else if (hadDialog.current) {
      hadDialog.current = false;
      triggerRef.current?.focus();
    }
  }, [dialog]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "Escape" && open) {
      e.stopPropagation();
      close();
    }
  };

  const apply = (query: string) => (e: MouseEvent<HTMLAnchorElement>) => {
    // Let the browser open a new tab or window; a plain click changes the view in place.
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.button !== 0) return;
    e.preventDefault();
    onApply(query);
    close();
  };

  return (
    <div
      ref={wrapperRef}
      className={cx("relative", className)}
      onKeyDown={onKeyDown}
      onBlur={(e) => {
        // Tabbing out of the popover closes it.
        if (open && e.relatedTarget && !wrapperRef.current?.contains(e.relatedTarget)) setOpen(false);
      }}
    >
      <button
        ref={triggerRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => {
          if (open) return close();
          setExpanded(null);
          setOpen(true);
        }}
        className={buttonClasses("secondary", "w-full max-w-full sm:w-auto")}
      >
        <ViewsIcon />
        <span>Views</span>
        {active ? (
          <>
            <span className="sr-only">: </span>
            <span className="hidden max-w-40 truncate text-muted lg:inline">{active.label}</span>
          </>
        ) : null}
      </button>

      {open ? (
        <div
          ref={panelRef}
          id={panelId}
          role="dialog"
          aria-labelledby={headingId}
          className="absolute top-full right-0 z-30 mt-2 w-[min(22rem,calc(100vw-2rem))] rounded-lg border border-line bg-surface p-2 text-fg shadow-lg"
        >
          <h2 id={headingId} className="px-2 pt-1 pb-2 text-xs font-semibold tracking-wide text-muted uppercase">
            Saved views
          </h2>
          <ul className="flex max-h-[min(60vh,24rem)] flex-col gap-0.5 overflow-y-auto">
            <li>
              <ViewLink href={listHref(pathname, "")} current={!current} onClick={apply("")}>
                All {config.rowsLabel}
              </ViewLink>
            </li>
            {views.map((view) => (
              <ViewItem
                key={view.name}
                view={view}
                href={listHref(pathname, normalizeViewQuery(view.query))}
                current={view === active}
                canOverwrite={Boolean(current) && normalizeViewQuery(view.query) !== current}
                expanded={expanded === view.name}
                busy={saved.pending}
                onApply={apply(normalizeViewQuery(view.query))}
                onToggle={() => setExpanded((name) => (name === view.name ? null : view.name))}
                onSetDefault={() => void saved.setDefault(view, !view.isDefault)}
                onRename={() => openDialog({ kind: "rename", view })}
                onOverwrite={() => void saved.overwrite(view, current)}
                onDelete={() => openDialog({ kind: "delete", view })}
              />
            ))}
          </ul>
          {saved.views.isPending ? <p className="px-2 py-2 text-sm text-muted">Loading your views…</p> : null}
          {saved.views.isError ? <p className="px-2 py-2 text-sm text-danger">Your views could not be loaded.</p> : null}
          {saved.views.isSuccess && views.length === 0 ? (
            <p className="px-2 py-2 text-sm text-muted">No saved views yet. Set a search, filters or a sort, then save them here.</p>
          ) : null}
          <div className="mt-2 border-t border-line pt-2">
            <button
              type="button"
              className={cx(rowClasses, "font-medium text-accent hover:bg-surface-2 disabled:cursor-not-allowed disabled:text-muted disabled:hover:bg-transparent")}
              disabled={!current}
              aria-describedby={current ? undefined : `${panelId}-save-hint`}
              onClick={() => openDialog({ kind: "save" })}
            >
              <PlusIcon />
              Save current view…
            </button>
            {current ? null : (
              <p id={`${panelId}-save-hint`} className="px-2 pb-1 text-xs text-muted">
                This is the plain list: set a search, filters or a sort first.
              </p>
            )}
          </div>
        </div>
      ) : null}

      {dialog?.kind === "save" ? (
        <LabelDialog mode="save" moduleLabel={config.moduleLabel} summary={describeCurrent()} onSubmit={(label, isDefault) => saved.save(label, current, isDefault)} onClose={closeDialog} />
      ) : null}
      {dialog?.kind === "rename" ? <LabelDialog mode="rename" moduleLabel={config.moduleLabel} initialLabel={dialog.view.label} onSubmit={(label) => saved.rename(latest(dialog.view), label)} onClose={closeDialog} /> : null}
      {dialog?.kind === "delete" ? (
        <ConfirmDeleteDialog label={dialog.view.label} rowsLabel={config.rowsLabel} onConfirm={() => saved.remove(latest(dialog.view)).catch(toastFailure)} onClose={closeDialog} />
      ) : null}
    </div>
  );
}

function ViewLink({ href, current, onClick, children }: { href: string; current: boolean; onClick: (e: MouseEvent<HTMLAnchorElement>) => void; children: ReactNode }) {
  return (
    <a href={href} onClick={onClick} aria-current={current ? "page" : undefined} className={cx(rowClasses, "min-w-0 flex-1 hover:bg-surface-2", current && "bg-accent-soft font-medium")}>
      <span aria-hidden="true" className="inline-flex w-5 shrink-0 justify-center text-accent">
        {current ? <CheckIcon /> : null}
      </span>
      {children}
    </a>
  );
}

function ViewItem({ view, href, current, canOverwrite, expanded, busy, onApply, onToggle, onSetDefault, onRename, onOverwrite, onDelete }: {
  view: SavedView;
  href: string;
  current: boolean;
  canOverwrite: boolean;
  expanded: boolean;
  busy: boolean;
  onApply: (e: MouseEvent<HTMLAnchorElement>) => void;
  onToggle: () => void;
  onSetDefault: () => void;
  onRename: () => void;
  onOverwrite: () => void;
  onDelete: () => void;
}) {
  const actionsId = useId();
  const action = cx(rowClasses, "pl-9 hover:bg-surface-2 disabled:cursor-not-allowed disabled:opacity-50");
  return (
    <li>
      <div className="flex items-center gap-1">
        <ViewLink href={href} current={current} onClick={onApply}>
          <span className="min-w-0 flex-1 truncate">{view.label}</span>
          {view.isDefault ? <span className="shrink-0 rounded-full bg-neutral-soft px-2 py-0.5 text-xs font-medium text-neutral">Default</span> : null}
        </ViewLink>
        <button
          type="button"
          aria-expanded={expanded}
          aria-controls={actionsId}
          aria-label={`Actions for ${view.label}`}
          onClick={onToggle}
          className="inline-flex size-11 shrink-0 items-center justify-center rounded-md text-muted hover:bg-surface-2 hover:text-fg aria-expanded:bg-surface-2 aria-expanded:text-fg sm:size-10"
        >
          <MoreIcon />
        </button>
      </div>
      {expanded ? (
        <div id={actionsId} role="group" aria-label={`Actions for ${view.label}`} className="flex flex-col pb-1">
          <button type="button" className={action} disabled={busy} onClick={onSetDefault}>
            {view.isDefault ? "Stop using as default" : "Set as default"}
          </button>
          <button type="button" className={action} disabled={busy} onClick={onRename}>
            Rename…
          </button>
          <button type="button" className={action} disabled={busy || !canOverwrite} onClick={onOverwrite}>
            Replace with current view
          </button>
          <button type="button" className={cx(action, "text-danger")} disabled={busy} onClick={onDelete}>
            Delete…
          </button>
        </div>
      ) : null}
    </li>
  );
}
