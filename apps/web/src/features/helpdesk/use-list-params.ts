"use client";

import { useCallback, useMemo } from "react";
import { usePathname, useSearchParams } from "~/lib/navigation";
import { listHref, parseListParams, serializeListParams, type TicketListParams } from "./list-params";

/** The ticket list's view state from the URL, changed through the History API (no server round trip). */
export function useTicketListParams() {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const params = useMemo(() => parseListParams(new URLSearchParams(searchParams.toString())), [searchParams]);
  const hrefFor = useCallback((patch: Partial<TicketListParams>) => {
    const query = serializeListParams({ ...params, ...patch });
    return query ? `${pathname}?${query}` : pathname;
  }, [params, pathname]);
  /** Filters reset to page 1 unless the patch sets a page; `replace` for keystrokes. */
  const update = useCallback((patch: Partial<TicketListParams>, options: { replace?: boolean } = {}) => {
    const href = hrefFor({ page: 1, ...patch });
    if (options.replace) window.history.replaceState(null, "", href);
    else window.history.pushState(null, "", href);
  }, [hrefFor]);
  const applyQuery = useCallback((query: string) => window.history.pushState(null, "", listHref(pathname, query)), [pathname]);
  return { params, hrefFor, update, applyQuery, pathname };
}
