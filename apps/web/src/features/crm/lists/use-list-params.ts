"use client";

import { useCallback, useMemo } from "react";
import { usePathname, useSearchParams } from "~/lib/navigation";
import { listHref, parseListParams, serializeListParams, type CrmListParams } from "./list-params";
import type { ListSpec } from "./list-spec";

export type UpdateList = (patch: Partial<CrmListParams>, options?: { replace?: boolean }) => void;

/** A CRM list's view state from the URL, changed through the History API (no server round trip). */
export function useListParams(spec: ListSpec) {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const params = useMemo(() => parseListParams(spec, new URLSearchParams(searchParams.toString())), [spec, searchParams]);
  const hrefFor = useCallback((patch: Partial<CrmListParams>) => {
    const query = serializeListParams(spec, { ...params, ...patch });
    return query ? `${pathname}?${query}` : pathname;
  }, [spec, params, pathname]);
  /** Changes reset to page 1 unless the patch sets a page; `replace` for keystrokes. */
  const update: UpdateList = useCallback((patch, options = {}) => {
    const href = hrefFor({ page: 1, ...patch });
    if (options.replace) window.history.replaceState(null, "", href);
    else window.history.pushState(null, "", href);
  }, [hrefFor]);
  /** Opens a saved view by its query string (`""`: the plain list), as a new history entry. */
  const applyQuery = useCallback((query: string) => window.history.pushState(null, "", listHref(pathname, query)), [pathname]);
  return { params, hrefFor, update, applyQuery, pathname };
}
