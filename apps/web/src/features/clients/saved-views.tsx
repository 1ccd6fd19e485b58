"use client";

import type { ComponentProps } from "react";
import { SavedViewsMenu } from "~/components/saved-views/saved-views-menu";
import type { SavedViewsConfig } from "~/components/saved-views/config";
import { listHref, normalizeViewQuery } from "./list-params";

const clientsViews: SavedViewsConfig = { list: "clients", moduleLabel: "Clients", rowsLabel: "clients", normalizeQuery: normalizeViewQuery, listHref };

/** The Clients list's saved views: the shared menu (components/saved-views) with this list's config. */
export function SavedViews(props: Omit<ComponentProps<typeof SavedViewsMenu>, "config">) {
  return <SavedViewsMenu config={clientsViews} {...props} />;
}
