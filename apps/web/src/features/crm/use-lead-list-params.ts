"use client";

import { useCallback, useMemo } from "react";
import { usePathname, useSearchParams } from "~/lib/navigation";
import { parseLeadParams, serializeLeadParams, type LeadListParams } from "./lead-list-params";

/** The leads list's view state from the URL, changed through the History API (no server round trip). */
export function useLeadListParams() {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const params = useMemo(() => parseLeadParams(new URLSearchParams(searchParams.toString())), [searchParams]);
  const hrefFor = useCallback((patch: Partial<LeadListParams>) => {
    const query = serializeLeadParams({ ...params, ...patch });
    return query ? `${pathname}?${query}` : pathname;
  }, [params, pathname]);
  /** Filters reset to page 1 unless the patch sets a page; `replace` for keystrokes. */
  const update = useCallback((patch: Partial<LeadListParams>, options: { replace?: boolean } = {}) => {
    const href = hrefFor({ page: 1, ...patch });
    if (options.replace) window.history.replaceState(null, "", href);
    else window.history.pushState(null, "", href);
  }, [hrefFor]);
  return { params, hrefFor, update };
}
