import type { RouterInputs } from "@orchestrator/modules";

/** Which list a saved-views menu belongs to, and how that list names and links its views. */
export interface SavedViewsConfig {
  /** The list's key on the server (packages/modules/src/views/lists.ts). */
  list: RouterInputs["views"]["list"]["list"];
  /** The page's name in sentences ("Clients": "opens when you go to Clients"). */
  moduleLabel: string;
  /** What the list's rows are, plural and lower case ("clients"). */
  rowsLabel: string;
  /** A stored view's query in the form the list writes, so views compare by what they show. */
  normalizeQuery: (query: string) => string;
  /** The list's URL for a view's query; "" is the plain list. */
  listHref: (pathname: string, query: string) => string;
}
