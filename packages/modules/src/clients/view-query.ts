import { clientListInput } from "./schemas";

/**
 * The Clients list's URL query string (written by apps/web/src/features/clients/list-params.ts,
 * `?q=…&status=active,pending&department=…&from=…&to=…&sort=…&dir=…&page=…`) parsed strictly, for
 * saved views. The page itself forgives a hand-edited URL (falls back to defaults); a saved view
 * with anything the list would not write — an unknown or repeated key, a bad value — is refused.
 * Each value is checked by the `clients.list` input schema, the server's word on list parameters.
 */
const inputKeyOf = { q: "search", status: "status", department: "department", from: "admittedFrom", to: "admittedTo", sort: "sort", dir: "dir", page: "page" } as const;
type UrlKey = keyof typeof inputKeyOf;
const urlKeyOf = Object.fromEntries(Object.entries(inputKeyOf).map(([url, input]) => [input, url])) as Record<string, UrlKey>;

function isUrlKey(key: string): key is UrlKey {
  return Object.hasOwn(inputKeyOf, key);
}

/** Problems with a Clients view's query string, one message per parameter; empty when it is valid. */
export function clientsViewQueryIssues(query: string): string[] {
  // URLSearchParams would skip a leading "?"; what is stored stays in one form.
  if (query.startsWith("?")) return ["must not start with ?"];
  const params = new URLSearchParams(query);
  const issues: string[] = [];
  const input: Record<string, unknown> = {};
  const seen = new Set<string>();
  for (const [key, value] of params) {
    if (!isUrlKey(key)) { issues.push(`${key || "(empty)"} is not a parameter of the Clients list`); continue; }
    if (seen.has(key)) { issues.push(`${key} is given more than once`); continue; }
    seen.add(key);
    if (key === "status") input.status = value.split(",");
    else if (key === "page") input.page = /^\d{1,9}$/.test(value) ? Number(value) : value;
    else input[inputKeyOf[key]] = value;
  }
  const parsed = clientListInput.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) issues.push(`${urlKeyOf[String(issue.path[0])] ?? String(issue.path[0])}: ${issue.message}`);
  }
  return issues;
}
