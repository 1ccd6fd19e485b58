import type { RouterInputs } from "@orchestrator/modules";

/**
 * The agent ticket list's view state ⇄ URL query string (the URL is the single source of truth, so
 * a view can be bookmarked, shared or saved). Defaults are left out; anything invalid in a
 * hand-edited URL falls back to the default. The server checks saved views with the same keys
 * (packages/modules/src/helpdesk/views/view-query.ts).
 *
 *   ?q=printer&status=Open,Replied&priority=High&team=Front%20Desk&assignee=me&sla=Resolution%20Due&risk=1&sort=resolution_by&dir=asc&page=2
 */
export type TicketListInput = RouterInputs["helpdeskAgent"]["tickets"];
export type TicketSortField = NonNullable<TicketListInput["sort"]>;
export type AgreementStatus = NonNullable<TicketListInput["agreementStatus"]>[number];
export type SortDirection = "asc" | "desc";

export const PAGE_SIZE = 25;
export const SORT_FIELDS = ["modified", "resolution_by", "response_by", "opening_date"] as const satisfies readonly TicketSortField[];
export const AGREEMENT_STATUSES = ["First Response Due", "Resolution Due", "Paused", "Fulfilled", "Failed"] as const satisfies readonly AgreementStatus[];
const _allSorts: Exclude<TicketSortField, (typeof SORT_FIELDS)[number]> extends never ? true : false = true;
const _allAgreements: Exclude<AgreementStatus, (typeof AGREEMENT_STATUSES)[number]> extends never ? true : false = true;
export const DEFAULT_SORT: { sort: TicketSortField; dir: SortDirection } = { sort: "modified", dir: "desc" };
/** `assignee=me`: whoever opens the view (a saved "My tickets" works for every agent). */
export const ME = "me";

export interface TicketListParams {
  page: number;
  sort: TicketSortField;
  dir: SortDirection;
  q: string | undefined;
  status: string[];
  priority: string[];
  team: string | undefined;
  assignee: string | undefined;
  sla: AgreementStatus[];
  risk: boolean;
}

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined => values.find((v) => v === value);
const names = (value: string | null) => [...new Set((value ?? "").split(",").map((s) => s.trim().slice(0, 140)).filter(Boolean))].slice(0, 50);
const short = (value: string | null, max = 140) => value?.trim().slice(0, max) || undefined;

export function parseListParams(search: URLSearchParams): TicketListParams {
  const page = Number.parseInt(search.get("page") ?? "", 10);
  const sla = names(search.get("sla"));
  return {
    page: Number.isFinite(page) && page >= 1 && page <= 10_000 ? page : 1,
    sort: oneOf(SORT_FIELDS, search.get("sort")) ?? DEFAULT_SORT.sort,
    dir: oneOf(["asc", "desc"], search.get("dir")) ?? (search.has("sort") ? "asc" : DEFAULT_SORT.dir),
    q: short(search.get("q")),
    status: names(search.get("status")),
    priority: names(search.get("priority")),
    team: short(search.get("team")),
    assignee: short(search.get("assignee")),
    sla: AGREEMENT_STATUSES.filter((s) => sla.includes(s)),
    risk: search.get("risk") === "1",
  };
}

export function serializeListParams(p: TicketListParams): string {
  const out = new URLSearchParams();
  if (p.q) out.set("q", p.q);
  if (p.status.length) out.set("status", p.status.join(","));
  if (p.priority.length) out.set("priority", p.priority.join(","));
  if (p.team) out.set("team", p.team);
  if (p.assignee) out.set("assignee", p.assignee);
  if (p.sla.length) out.set("sla", p.sla.join(","));
  if (p.risk) out.set("risk", "1");
  if (p.sort !== DEFAULT_SORT.sort || p.dir !== DEFAULT_SORT.dir) {
    out.set("sort", p.sort);
    out.set("dir", p.dir);
  }
  if (p.page > 1) out.set("page", String(p.page));
  return out.toString();
}

/** "All tickets" on purpose: a bare `/helpdesk` opens the user's default view instead. */
export const ALL_TICKETS_QUERY = "view=all";
export const viewQuery = (p: TicketListParams) => serializeListParams({ ...p, page: 1 });
export const normalizeViewQuery = (query: string) => viewQuery(parseListParams(new URLSearchParams(query)));
export const listHref = (pathname: string, query: string) => `${pathname}?${query || ALL_TICKETS_QUERY}`;

/** The `helpdeskAgent.tickets` input: the same object on server and client, so the prefetch is reused. */
export function toListInput(p: TicketListParams, me: string | undefined): TicketListInput {
  const assignee = p.assignee === ME ? me : p.assignee;
  return {
    page: p.page,
    pageSize: PAGE_SIZE,
    sort: p.sort,
    direction: p.dir,
    ...(p.q ? { search: p.q } : {}),
    ...(p.status.length ? { status: p.status } : {}),
    ...(p.priority.length ? { priority: p.priority } : {}),
    ...(p.team ? { agentGroup: p.team } : {}),
    ...(assignee ? { assignee } : {}),
    ...(p.sla.length ? { agreementStatus: p.sla } : {}),
    ...(p.risk ? { atRisk: true } : {}),
  };
}

export function activeFilterCount(p: TicketListParams): number {
  return [p.status.length, p.priority.length, p.team, p.assignee, p.sla.length, p.risk].filter(Boolean).length;
}

export const SORT_LABELS: Record<TicketSortField, string> = { modified: "Last updated", resolution_by: "Resolve by", response_by: "Respond by", opening_date: "Opened" };

/** The view in words, for "Save current view". */
export function describeListParams(p: TicketListParams): string {
  const parts: string[] = [];
  if (p.q) parts.push(`matching “${p.q}”`);
  if (p.status.length) parts.push(`status ${p.status.join(" or ")}`);
  if (p.priority.length) parts.push(`priority ${p.priority.join(" or ")}`);
  if (p.team) parts.push(`team ${p.team}`);
  if (p.assignee) parts.push(p.assignee === ME ? "assigned to me" : `assigned to ${p.assignee}`);
  if (p.sla.length) parts.push(`SLA ${p.sla.join(" or ")}`);
  if (p.risk) parts.push("at risk");
  const sort = `sorted by ${SORT_LABELS[p.sort].toLowerCase()}, ${p.dir === "asc" ? "ascending" : "descending"}`;
  return parts.length ? `Tickets ${parts.join(", ")}; ${sort}.` : `All tickets, ${sort}.`;
}
