"use client";

import { useCallback, useMemo } from "react";
import { usePathname, useSearchParams } from "~/lib/navigation";
import { parseKbParams, serializeKbParams, type KbParams } from "./kb-params";

/**
 * The article list's state from the URL, and a way to change it through the History API (Next.js
 * syncs useSearchParams with it): shareable, Back works, no server round trip.
 */
export function useKbParams() {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const params = useMemo(() => parseKbParams(new URLSearchParams(searchParams.toString())), [searchParams]);
  const hrefFor = useCallback(
    (patch: Partial<KbParams>) => {
      const query = serializeKbParams({ ...params, ...patch });
      return query ? `${pathname}?${query}` : pathname;
    },
    [params, pathname],
  );
  /** Filters reset to page 1 unless the patch sets a page; `replace` while typing. */
  const update = useCallback(
    (patch: Partial<KbParams>, options: { replace?: boolean } = {}) => {
      const href = hrefFor({ page: 1, ...patch });
      if (options.replace) window.history.replaceState(null, "", href);
      else window.history.pushState(null, "", href);
    },
    [hrefFor],
  );
  return { params, hrefFor, update };
}
