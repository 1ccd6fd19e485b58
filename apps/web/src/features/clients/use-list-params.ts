"use client";

import { usePathname, useSearchParams } from "~/lib/navigation";
import { useCallback, useMemo } from "react";
import { listHref, parseListParams, serializeListParams, type ListParams } from "./list-params";

/**
 * The list view state from the URL, and ways to change it. Changes go through the History API,
 * which Next.js syncs with useSearchParams: the URL updates (shareable, Back works) without a
 * server round trip — the query cache fetches just the data.
 */
export function useListParams() {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const params = useMemo(() => parseListParams(new URLSearchParams(searchParams.toString())), [searchParams]);

  const hrefFor = useCallback(
    (patch: Partial<ListParams>) => {
      const query = serializeListParams({ ...params, ...patch });
      return query ? `${pathname}?${query}` : pathname;
    },
    [params, pathname],
  );

  /** Apply a change. Filters reset to page 1 unless the patch sets a page. `replace` for keystrokes. */
  const update = useCallback(
    (patch: Partial<ListParams>, options: { replace?: boolean } = {}) => {
      const href = hrefFor({ page: 1, ...patch });
      if (options.replace) window.history.replaceState(null, "", href);
      else window.history.pushState(null, "", href);
    },
    [hrefFor],
  );

  /** Opens a saved view by its query string (`""`: all clients), as a new history entry. */
  const applyQuery = useCallback((query: string) => window.history.pushState(null, "", listHref(pathname, query)), [pathname]);

  return { params, hrefFor, update, applyQuery, pathname };
}
