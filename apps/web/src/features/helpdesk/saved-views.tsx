"use client";

import type { SavedViewsConfig } from "~/components/saved-views/config";
import { SavedViewsMenu } from "~/components/saved-views/saved-views-menu";
import { describeListParams, listHref, normalizeViewQuery, viewQuery, type TicketListParams } from "./list-params";

const ticketViews: SavedViewsConfig = { list: "helpdesk", moduleLabel: "Helpdesk", rowsLabel: "tickets", normalizeQuery: normalizeViewQuery, listHref };

/** Saved views of the ticket list: the shared menu with this list's config. */
export function TicketSavedViews({ params, pathname, onApply, className }: { params: TicketListParams; pathname: string; onApply: (query: string) => void; className?: string }) {
  return <SavedViewsMenu config={ticketViews} current={viewQuery(params)} pathname={pathname} onApply={onApply} describeCurrent={() => describeListParams(params)} className={className} />;
}
