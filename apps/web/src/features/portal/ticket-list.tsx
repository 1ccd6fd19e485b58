"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { buttonClasses } from "~/components/ui/button";
import { DateTime } from "~/components/ui/date-time";
import { EmptyState } from "~/components/ui/empty-state";
import { ErrorState } from "~/components/ui/error-state";
import { OffsetPager } from "~/components/ui/offset-pager";
import { PageHeader } from "~/components/ui/page-header";
import { Skeleton } from "~/components/ui/skeleton";
import { cx } from "~/components/ui/cx";
import { usePathname, useSearchParams } from "~/lib/navigation";
import { useTRPC } from "~/trpc/react";
import { PortalStatus } from "./ticket-status";

const states = [
  { key: "open", label: "Open" },
  { key: "resolved", label: "Resolved" },
  { key: "all", label: "All" },
] as const;
type State = (typeof states)[number]["key"];
const PAGE_SIZE = 20;

/** The contact's organisation's requests: open ones first, state and page held in the URL. */
export function PortalTicketList() {
  const trpc = useTRPC();
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const state = (states.find((s) => s.key === params.get("state"))?.key ?? "open") as State;
  const page = Math.max(1, Number(params.get("page")) || 1);
  const list = useQuery(trpc.portal.list.queryOptions({ state, page, pageSize: PAGE_SIZE }));
  const go = (next: { state?: State; page?: number }) => {
    const q = new URLSearchParams();
    const s = next.state ?? state;
    if (s !== "open") q.set("state", s);
    const p = next.page ?? 1;
    if (p > 1) q.set("page", String(p));
    router.push(q.size ? `${pathname}?${q}` : pathname);
  };
  return (
    <>
      <PageHeader
        title="Your support requests"
        description="Requests raised by anyone at your organisation."
        actions={
          <Link href="/portal/new" className={buttonClasses("primary")}>
            New request
          </Link>
        }
      />
      <div role="tablist" aria-label="Show requests" className="mb-4 flex gap-1 border-b border-line">
        {states.map((s) => (
          <button key={s.key} role="tab" aria-selected={s.key === state} onClick={() => go({ state: s.key })} className={cx("min-h-11 border-b-2 px-4 text-sm font-medium", s.key === state ? "border-accent text-fg" : "border-transparent text-muted hover:text-fg")}>
            {s.label}
          </button>
        ))}
      </div>
      {list.isPending ? (
        <div className="space-y-2" aria-busy="true" aria-label="Loading requests">
          {Array.from({ length: 4 }, (_, i) => (
            <Skeleton key={i} className="h-20 w-full rounded-lg" />
          ))}
        </div>
      ) : list.isError ? (
        <ErrorState action={<button className={buttonClasses()} onClick={() => void list.refetch()}>Try again</button>}>Your requests could not be loaded.</ErrorState>
      ) : list.data.rows.length === 0 ? (
        <EmptyState title={state === "open" ? "No open requests" : "No requests yet"} action={<Link href="/portal/new" className={buttonClasses("primary")}>New request</Link>}>
          Raise a request and our team will get back to you here and by e-mail.
        </EmptyState>
      ) : (
        <>
          <ul className="space-y-2" aria-label="Requests">
            {list.data.rows.map((row) => (
              <li key={String(row.name)}>
                <Link href={`/portal/tickets/${encodeURIComponent(String(row.name))}`} className="block rounded-lg border border-line bg-surface p-4 hover:bg-surface-2 focus-visible:outline-2 focus-visible:outline-accent">
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="font-medium text-fg">{String(row.subject)}</span>
                    <PortalStatus status={String(row.status)} />
                  </div>
                  <div className="mt-1 flex flex-wrap gap-x-4 text-sm text-muted">
                    <span>{String(row.name)}</span>
                    <span>
                      Updated <DateTime value={String(row.modified)} />
                    </span>
                    {row.raised_by ? <span>by {String(row.raised_by)}</span> : null}
                  </div>
                </Link>
              </li>
            ))}
          </ul>
          <OffsetPager start={(page - 1) * PAGE_SIZE} count={list.data.rows.length} total={list.data.total} pageSize={PAGE_SIZE} onStart={(start) => go({ page: Math.floor(start / PAGE_SIZE) + 1 })} />
        </>
      )}
    </>
  );
}
