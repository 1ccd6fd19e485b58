import { clientsViewQueryIssues } from "../clients/view-query";
import { crmDealsViewQueryIssues, crmLeadsViewQueryIssues } from "../crm/list-views";
import { helpdeskViewQueryIssues } from "../helpdesk/views/view-query";

/**
 * The lists that keep saved views, by key, each with the check of its URL query string. A module
 * whose list should get saved views adds its key and its strict query parser here.
 */
const lists = {
  clients: clientsViewQueryIssues,
  helpdesk: helpdeskViewQueryIssues,
  "crm-leads": crmLeadsViewQueryIssues,
  "crm-deals": crmDealsViewQueryIssues,
} as const satisfies Record<string, (query: string) => string[]>;

export type SavedViewList = keyof typeof lists;
export const savedViewLists = Object.keys(lists) as [SavedViewList, ...SavedViewList[]];

/** Problems with `query` as a view of `list` (an unknown list is one problem). */
export function viewQueryIssues(list: string, query: string): string[] {
  const check = (lists as Record<string, ((query: string) => string[]) | undefined>)[list];
  return check ? check(query) : [`${list} is not a list with saved views`];
}
