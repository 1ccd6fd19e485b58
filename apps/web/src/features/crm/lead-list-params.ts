import type { RouterInputs } from "@orchestrator/modules";

/**
 * The leads list's view state ⇄ URL query string (the URL is the single source of truth: a view can
 * be bookmarked or shared). Defaults are left out; anything invalid falls back to the default.
 *
 *   ?q=bayview&status=New&source=Website&team=East%20Coast&owner=sales%40demo.orchestrator.test&sort=lead_name&dir=asc&page=2
 */
export type LeadListInput = RouterInputs["crm"]["leads"]["list"];
export type SortDirection = "asc" | "desc";

export const PAGE_SIZE = 20;
export const LEAD_SORTS = ["modified", "creation", "lead_name", "organization", "status"] as const;
export type LeadSort = (typeof LEAD_SORTS)[number];
export const SORT_LABELS: Record<LeadSort, string> = { modified: "Last updated", creation: "Created", lead_name: "Name", organization: "Organisation", status: "Status" };

export interface LeadListParams {
  page: number;
  sort: LeadSort;
  dir: SortDirection;
  q: string | undefined;
  status: string | undefined;
  source: string | undefined;
  team: string | undefined;
  owner: string | undefined;
}

const short = (value: string | null) => value?.trim().slice(0, 140) || undefined;
const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined => values.find((v) => v === value);

export function parseLeadParams(search: URLSearchParams): LeadListParams {
  const page = Number.parseInt(search.get("page") ?? "", 10);
  const sort = oneOf(LEAD_SORTS, search.get("sort"));
  return {
    page: Number.isFinite(page) && page >= 1 && page <= 10_000 ? page : 1,
    sort: sort ?? "modified",
    dir: oneOf(["asc", "desc"], search.get("dir")) ?? (sort && sort !== "modified" && sort !== "creation" ? "asc" : "desc"),
    q: short(search.get("q")),
    status: short(search.get("status")),
    source: short(search.get("source")),
    team: short(search.get("team")),
    owner: short(search.get("owner")),
  };
}

export function serializeLeadParams(p: LeadListParams): string {
  const out = new URLSearchParams();
  for (const key of ["q", "status", "source", "team", "owner"] as const) {
    const value = p[key];
    if (value) out.set(key, value);
  }
  if (p.sort !== "modified" || p.dir !== "desc") {
    out.set("sort", p.sort);
    out.set("dir", p.dir);
  }
  if (p.page > 1) out.set("page", String(p.page));
  return out.toString();
}

/** The `crm.leads.list` input: the same object on server and client, so the prefetch is reused. */
export function toLeadListInput(p: LeadListParams): LeadListInput {
  const filters = [
    ...(p.status ? [{ field: "status", value: p.status }] : []),
    ...(p.source ? [{ field: "source", value: p.source }] : []),
    ...(p.team ? [{ field: "team", value: p.team }] : []),
    ...(p.owner ? [{ field: "lead_owner", value: p.owner }] : []),
  ];
  return { page: p.page, pageSize: PAGE_SIZE, sort: { field: p.sort, direction: p.dir }, ...(filters.length ? { filters } : {}), ...(p.q ? { search: p.q } : {}) };
}

export const activeLeadFilters = (p: LeadListParams) => [p.status, p.source, p.team, p.owner].filter(Boolean).length;
