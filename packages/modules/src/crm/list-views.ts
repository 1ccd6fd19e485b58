/**
 * The CRM lists' URL query strings, checked strictly for saved views (views/lists.ts). The pages write
 * them (apps/web/src/features/crm/list-spec.ts; keep the two in step):
 *
 *   /crm/leads?q=bay&status=New&source=Website&team=East%20Coast&owner=…&group=status&sort=lead_name&dir=asc&cols=status,team&page=2
 *   /crm/deals?q=…&stage=Won&team=…&owner=…&group=stage&sort=amount&dir=desc&cols=organization,stage,amount&page=2
 *
 * The page forgives a hand-edited URL (falls back to defaults); a saved view with anything the page
 * would not write — an unknown or repeated key, a bad value — is refused.
 */
export interface CrmListQuerySpec {
  /** What the list shows, for messages ("the leads list"). */
  noun: string;
  /** Filter keys (one value each). */
  filters: readonly string[];
  /** Sortable field names. */
  sorts: readonly string[];
  /** Group-by keys. */
  groups: readonly string[];
  /** Optional column ids (`cols`, comma-separated, possibly empty). */
  columns: readonly string[];
}

export const CRM_LIST_QUERIES = {
  "crm-leads": {
    noun: "the leads list",
    filters: ["status", "source", "team", "owner"],
    sorts: ["modified", "creation", "lead_name", "organization", "email", "status", "source", "team", "lead_owner"],
    groups: ["status", "source", "team", "owner"],
    columns: ["organization", "email", "mobile", "status", "source", "team", "owner", "modified", "created"],
  },
  "crm-deals": {
    noun: "the deals list",
    filters: ["stage", "team", "owner"],
    sorts: ["modified", "creation", "name", "organization", "status", "amount", "probability", "expected_close_date", "deal_owner", "team"],
    groups: ["stage", "team", "owner"],
    columns: ["organization", "stage", "amount", "probability", "expected_close", "owner", "team", "modified", "created"],
  },
} as const satisfies Record<string, CrmListQuerySpec>;

const MAX_TEXT = 140;

function valueIssue(spec: CrmListQuerySpec, key: string, value: string): string | undefined {
  if (key === "q" || spec.filters.includes(key)) return value.trim() && value.length <= MAX_TEXT ? undefined : `${key}: must be 1 to ${MAX_TEXT} characters`;
  if (key === "sort") return spec.sorts.includes(value) ? undefined : `sort: ${value} is not one of ${spec.sorts.join(", ")}`;
  if (key === "dir") return value === "asc" || value === "desc" ? undefined : "dir: must be asc or desc";
  if (key === "group") return spec.groups.includes(value) ? undefined : `group: ${value} is not one of ${spec.groups.join(", ")}`;
  if (key === "page") return /^\d{1,5}$/.test(value) && Number(value) >= 1 && Number(value) <= 10_000 ? undefined : "page: must be a whole number from 1 to 10000";
  if (key === "cols") {
    const cols = value === "" ? [] : value.split(",");
    const unknown = cols.filter((c) => !spec.columns.includes(c));
    if (unknown.length) return `cols: ${unknown.map((c) => c || "(empty)").join(", ")} ${unknown.length > 1 ? "are not columns" : "is not a column"} of ${spec.noun}`;
    if (new Set(cols).size !== cols.length) return "cols: a column is named more than once";
    return undefined;
  }
  return `${key || "(empty)"} is not a parameter of ${spec.noun}`;
}

/** Problems with `query` as a saved view of a CRM list; empty when it is valid. */
export function crmListQueryIssues(spec: CrmListQuerySpec, query: string): string[] {
  if (query.startsWith("?")) return ["must not start with ?"];
  const issues: string[] = [];
  const seen = new Set<string>();
  for (const [key, value] of new URLSearchParams(query)) {
    if (seen.has(key)) { issues.push(`${key} is given more than once`); continue; }
    seen.add(key);
    const issue = valueIssue(spec, key, value);
    if (issue) issues.push(issue);
  }
  return issues;
}

export const crmLeadsViewQueryIssues = (query: string) => crmListQueryIssues(CRM_LIST_QUERIES["crm-leads"], query);
export const crmDealsViewQueryIssues = (query: string) => crmListQueryIssues(CRM_LIST_QUERIES["crm-deals"], query);
