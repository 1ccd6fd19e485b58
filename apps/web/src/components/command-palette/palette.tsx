"use client";

/*
 * The command palette itself. Loaded on first use only (see search-trigger.tsx): cmdk and this
 * module are a separate chunk, not part of any page's First Load JS.
 */
import { useQuery } from "@tanstack/react-query";
import { Command } from "cmdk";
import { useId, useState, type ReactNode } from "react";
import { clientHref } from "~/features/clients/client-href";
import { statusLabel } from "~/features/clients/status-badge";
import { can, useMe } from "~/lib/use-me";
import { isRetryable } from "~/trpc/error-code";
import { useTRPC } from "~/trpc/react";
import { SearchIcon } from "../ui/icons";
import type { NavItem } from "../shell/nav-items";
import { Modal } from "./modal";
import { useDebouncedValue } from "./use-debounced-value";

const DEBOUNCE_MS = 150;
/** The server answers shorter queries with nothing; the palette does not ask. */
const MIN_CHARS = 2;
const CLIENT_LIMIT = 8;

export interface PaletteProps {
  nav: readonly NavItem[];
  onNavigate: (href: string) => void;
  onShowHelp: () => void;
  onClose: () => void;
}

const itemClasses =
  "flex min-h-11 cursor-pointer items-center gap-3 rounded-md px-3 text-sm text-fg select-none sm:min-h-10 data-[selected=true]:bg-accent-soft";

function matches(label: string, query: string): boolean {
  return label.toLowerCase().includes(query.toLowerCase());
}

function Item({ value, onSelect, children }: { value: string; onSelect: () => void; children: ReactNode }) {
  return (
    <Command.Item value={value} onSelect={onSelect} className={itemClasses}>
      {children}
    </Command.Item>
  );
}

export function Palette({ nav, onNavigate, onShowHelp, onClose }: PaletteProps) {
  const trpc = useTRPC();
  const me = useMe();
  const titleId = useId();
  const [search, setSearch] = useState("");
  const query = search.trim();
  const term = useDebouncedValue(query, DEBOUNCE_MS);

  // Until `core.me` answers, assume clients are readable: the server scopes (or empties) the answer anyway.
  const readsClients = !me.data || can(me.data, "client", "read");
  const wantsClients = readsClients && query.length >= MIN_CHARS;
  // One quick retry, then the error and a Retry button: someone is waiting on every keystroke.
  const clients = useQuery(
    trpc.core.search.queryOptions(
      { q: term, limit: CLIENT_LIMIT },
      { enabled: readsClients && term.length >= MIN_CHARS, staleTime: 30_000, retry: (failures, error) => failures < 1 && isRetryable(error), retryDelay: 500 },
    ),
  );
  const loading = wantsClients && (term !== query || clients.isPending);
  const hits = wantsClients && term === query ? (clients.data?.clients ?? []) : [];

  const pages = nav.filter((item) => matches(item.label, query));
  const actions = [
    ...(can(me.data, "client", "write") ? [{ id: "new-client", label: "New client", run: () => onNavigate("/clients/new") }] : []),
    { id: "shortcuts", label: "Keyboard shortcuts", run: onShowHelp },
  ].filter((a) => matches(a.label, query));
  const empty = !loading && !clients.isError && pages.length + actions.length + hits.length === 0;

  return (
    <Modal labelledBy={titleId} onClose={onClose}>
      <h2 id={titleId} className="sr-only">
        Search
      </h2>
      {/* Filtering is ours: pages and actions by label here, clients by the server (ID, names). */}
      <Command label="Search clients and pages" shouldFilter={false} loop vimBindings={false}>
        <div className="flex items-center gap-2 border-b border-line px-3">
          <SearchIcon className="shrink-0 text-muted" />
          <Command.Input
            value={search}
            onValueChange={setSearch}
            data-autofocus
            maxLength={100}
            placeholder="Search clients and pages…"
            // 16 px on phones: smaller text makes iOS zoom into the field.
            className="min-h-12 w-full min-w-0 bg-transparent text-base text-fg outline-none placeholder:text-muted sm:text-sm"
          />
          {/* Phones have no Escape key: a visible way out besides tapping outside. */}
          <button type="button" onClick={onClose} className="min-h-11 shrink-0 rounded-md px-2 text-sm font-medium text-accent sm:hidden">
            Cancel
          </button>
        </div>
        <Command.List
          label="Results"
          className="max-h-[min(60vh,24rem)] overflow-y-auto overscroll-contain px-2 [&_[cmdk-group]]:py-1 [&_[cmdk-group-heading]]:px-3 [&_[cmdk-group-heading]]:pt-2 [&_[cmdk-group-heading]]:pb-1 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-semibold [&_[cmdk-group-heading]]:text-muted"
        >
          {pages.length ? (
            <Command.Group heading="Pages">
              {pages.map((item) => (
                <Item key={item.href} value={`page:${item.href}`} onSelect={() => onNavigate(item.href)}>
                  {item.label}
                </Item>
              ))}
            </Command.Group>
          ) : null}
          {actions.length ? (
            <Command.Group heading="Actions">
              {actions.map((action) => (
                <Item key={action.id} value={`action:${action.id}`} onSelect={action.run}>
                  {action.label}
                </Item>
              ))}
            </Command.Group>
          ) : null}
          {hits.length ? (
            <Command.Group heading="Clients">
              {hits.map((c) => (
                <Item key={c.name} value={`client:${c.name}`} onSelect={() => onNavigate(clientHref(c.name))}>
                  <span className="min-w-0 truncate">
                    <span className="font-medium">
                      {c.last_name}, {c.first_name}
                    </span>
                    <span className="text-muted">
                      {" · "}
                      <span className="font-mono">{c.name}</span>
                      {" · "}
                      {statusLabel(c.status)}
                    </span>
                  </span>
                </Item>
              ))}
            </Command.Group>
          ) : null}
        </Command.List>
        {/* Status lines sit outside the listbox (which may only hold options and groups). */}
        <div role="status" aria-live="polite" className="px-5 text-sm text-muted">
          {loading ? <p className="py-3">Searching clients…</p> : empty ? <p className="py-3">No results</p> : readsClients && query.length === 1 ? <p className="py-3">Type 2 or more characters to search clients.</p> : null}
        </div>
        {clients.isError && wantsClients && !loading ? (
          <div role="alert" className="mx-2 mb-2 flex items-center justify-between gap-3 rounded-md bg-danger-soft px-3 py-2 text-sm text-danger">
            <span>Client search failed. Check your connection and try again.</span>
            <button type="button" onClick={() => void clients.refetch()} className="min-h-11 shrink-0 rounded-md px-3 font-medium text-fg hover:bg-surface-2 sm:min-h-9">
              Retry
            </button>
          </div>
        ) : null}
        <div className="hidden items-center gap-4 border-t border-line px-4 py-2 text-xs text-muted sm:flex">
          <span>
            <kbd className="font-sans">↑</kbd> <kbd className="font-sans">↓</kbd> to move
          </span>
          <span>
            <kbd className="font-sans">Enter</kbd> to open
          </span>
          <span>
            <kbd className="font-sans">Esc</kbd> to close
          </span>
        </div>
      </Command>
    </Modal>
  );
}
