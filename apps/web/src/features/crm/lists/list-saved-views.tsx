"use client";

import { useMemo } from "react";
import type { SavedViewsConfig } from "~/components/saved-views/config";
import { SavedViewsMenu } from "~/components/saved-views/saved-views-menu";
import { describeListParams, listHref, normalizeViewQuery, viewQuery, type CrmListParams } from "./list-params";
import type { ListSpec } from "./list-spec";

/** Saved views of a CRM list: the shared menu with this list's config (loaded after the page, see list-view.tsx). */
export function ListSavedViews({ spec, params, pathname, onApply, className }: { spec: ListSpec; params: CrmListParams; pathname: string; onApply: (query: string) => void; className?: string }) {
  const config: SavedViewsConfig = useMemo(() => ({ list: spec.savedViews, moduleLabel: `CRM ${spec.many}`, rowsLabel: spec.many, normalizeQuery: (query) => normalizeViewQuery(spec, query), listHref }), [spec]);
  return <SavedViewsMenu config={config} current={viewQuery(spec, params)} pathname={pathname} onApply={onApply} describeCurrent={() => describeListParams(spec, params)} className={className} />;
}
