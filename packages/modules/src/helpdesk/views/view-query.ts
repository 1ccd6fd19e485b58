import { ticketListInput } from "./schemas";

/**
 * The agent ticket list's URL query string (written by apps/web/src/features/helpdesk/list-params.ts:
 * `?q=…&status=Open,Replied&priority=High&team=…&assignee=me&sla=Resolution%20Due&risk=1&sort=…&dir=…&page=…`)
 * parsed strictly, for saved views: an unknown or repeated key or a bad value is refused. Values are
 * checked by the list's input schema. `assignee=me` stands for whoever opens the view.
 */
const inputKeyOf = { q: "search", status: "status", priority: "priority", team: "agentGroup", assignee: "assignee", sla: "agreementStatus", risk: "atRisk", sort: "sort", dir: "direction", page: "page" } as const;
type UrlKey = keyof typeof inputKeyOf;
const urlKeyOf = Object.fromEntries(Object.entries(inputKeyOf).map(([url, input]) => [input, url])) as Record<string, UrlKey>;
const isUrlKey = (key: string): key is UrlKey => Object.hasOwn(inputKeyOf, key);

export function helpdeskViewQueryIssues(query: string): string[] {
  if (query.startsWith("?")) return ["must not start with ?"];
  const issues: string[] = [];
  const input: Record<string, unknown> = {};
  const seen = new Set<string>();
  for (const [key, value] of new URLSearchParams(query)) {
    if (!isUrlKey(key)) { issues.push(`${key || "(empty)"} is not a parameter of the ticket list`); continue; }
    if (seen.has(key)) { issues.push(`${key} is given more than once`); continue; }
    seen.add(key);
    if (key === "status" || key === "priority" || key === "sla") input[inputKeyOf[key]] = value.split(",");
    else if (key === "risk") input.atRisk = value === "1" ? true : value;
    else if (key === "page") input.page = /^\d{1,9}$/.test(value) ? Number(value) : value;
    else input[inputKeyOf[key]] = value;
  }
  const parsed = ticketListInput.safeParse(input);
  if (!parsed.success) for (const issue of parsed.error.issues) issues.push(`${urlKeyOf[String(issue.path[0])] ?? String(issue.path[0])}: ${issue.message}`);
  return issues;
}
