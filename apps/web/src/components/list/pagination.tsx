"use client";

import type { MouseEvent, ReactNode } from "react";
import { buttonClasses } from "~/components/ui/button";
import { ChevronLeftIcon, ChevronRightIcon } from "~/components/ui/icons";

/**
 * Previous / next as real links (open in a new tab, work before hydration); a plain click is
 * handled in place through the URL state.
 */
export function Pagination({ page, pageSize, total, totalIsCapped = false, hrefFor, onPage }: { page: number; pageSize: number; total: number; totalIsCapped?: boolean; hrefFor: (page: number) => string; onPage: (page: number) => void }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const totalLabel = `${total.toLocaleString("en-US")}${totalIsCapped ? "+" : ""}`;
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);

  const go = (target: number) => (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.button !== 0) return;
    e.preventDefault();
    onPage(target);
    document.getElementById("main")?.scrollIntoView({ block: "start" });
  };

  return (
    <nav aria-label="Pagination" className="mt-4 flex flex-wrap items-center justify-between gap-3">
      <p className="text-sm text-muted">
        {total === 0 ? "No results" : `Showing ${first}–${last} of ${totalLabel}`}
        <span className="sr-only">, page {page} of {pages}{totalIsCapped ? " or more" : ""}</span>
      </p>
      <div className="flex items-center gap-2">
        <PageLink disabled={page <= 1} href={hrefFor(page - 1)} onClick={go(page - 1)} label="Previous page">
          <ChevronLeftIcon />
          <span className="max-sm:sr-only">Previous</span>
        </PageLink>
        <span aria-hidden="true" className="px-1 text-sm text-muted tabular-nums">
          {page} / {pages}
          {totalIsCapped ? "+" : ""}
        </span>
        <PageLink disabled={page >= pages && !totalIsCapped} href={hrefFor(page + 1)} onClick={go(page + 1)} label="Next page">
          <span className="max-sm:sr-only">Next</span>
          <ChevronRightIcon />
        </PageLink>
      </div>
    </nav>
  );
}

function PageLink({ disabled, href, onClick, label, children }: { disabled: boolean; href: string; onClick: (e: MouseEvent<HTMLAnchorElement>) => void; label: string; children: ReactNode }) {
  if (disabled) {
    return (
      <span role="link" aria-disabled="true" aria-label={label} className={buttonClasses("secondary", "px-3 opacity-50")}>
        {children}
      </span>
    );
  }
  return (
    <a href={href} onClick={onClick} aria-label={label} className={buttonClasses("secondary", "px-3")}>
      {children}
    </a>
  );
}
