import type { RouterInputs } from "@orchestrator/modules";

/**
 * The Clients list view state ⇄ URL query string. The URL is the single source of truth, so a
 * view can be bookmarked or shared; defaults are left out to keep links short. Anything invalid
 * in a hand-edited URL falls back to the default instead of failing the page.
 *
 *   ?q=smith&status=active,pending&department=Medical&from=2026-01-01&to=2026-03-31&sort=last_name&dir=asc&page=2
 */
export type ClientListInput = RouterInputs["clients"]["list"];
export type ClientSortField = NonNullable<ClientListInput["sort"]>;
export type ClientStatus = NonNullable<ClientListInput["status"]>[number];
export type SortDirection = "asc" | "desc";

export const PAGE_SIZE = 25;
export const CLIENT_STATUSES = ["active", "pending", "discharged"] as const satisfies readonly ClientStatus[];
export const SORT_FIELDS = ["name", "first_name", "last_name", "status", "admission_date", "department", "modified"] as const satisfies readonly ClientSortField[];
// Compile-time check that the lists above name every value the procedure accepts.
const _allStatuses: Exclude<ClientStatus, (typeof CLIENT_STATUSES)[number]> extends never ? true : false = true;
const _allSortFields: Exclude<ClientSortField, (typeof SORT_FIELDS)[number]> extends never ? true : false = true;

export const DEFAULT_SORT: { sort: ClientSortField; dir: SortDirection } = { sort: "modified", dir: "desc" };
const MAX_SEARCH = 100;

export interface ListParams {
  page: number;
  sort: ClientSortField;
  dir: SortDirection;
  status: ClientStatus[];
  department: string | undefined;
  from: string | undefined;
  to: string | undefined;
  q: string | undefined;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function validDate(value: string | null): string | undefined {
  if (!value || !isoDate.test(value)) return undefined;
  return Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ? undefined : value;
}

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return values.find((v) => v === value);
}

export function parseListParams(search: URLSearchParams): ListParams {
  const page = Number.parseInt(search.get("page") ?? "", 10);
  const statuses = (search.get("status") ?? "").split(",").map((s) => oneOf(CLIENT_STATUSES, s.trim()));
  const q = search.get("q")?.trim().slice(0, MAX_SEARCH);
  const department = search.get("department")?.trim().slice(0, 140);
  return {
    page: Number.isFinite(page) && page >= 1 ? page : 1,
    sort: oneOf(SORT_FIELDS, search.get("sort")) ?? DEFAULT_SORT.sort,
    dir: oneOf(["asc", "desc"], search.get("dir")) ?? (search.has("sort") ? "asc" : DEFAULT_SORT.dir),
    status: CLIENT_STATUSES.filter((s) => statuses.includes(s)),
    department: department || undefined,
    from: validDate(search.get("from")),
    to: validDate(search.get("to")),
    q: q || undefined,
  };
}

/** The query string for a view (without `?`), in a stable order, defaults omitted. */
export function serializeListParams(p: ListParams): string {
  const out = new URLSearchParams();
  if (p.q) out.set("q", p.q);
  if (p.status.length) out.set("status", p.status.join(","));
  if (p.department) out.set("department", p.department);
  if (p.from) out.set("from", p.from);
  if (p.to) out.set("to", p.to);
  if (p.sort !== DEFAULT_SORT.sort || p.dir !== DEFAULT_SORT.dir) {
    out.set("sort", p.sort);
    out.set("dir", p.dir);
  }
  if (p.page > 1) out.set("page", String(p.page));
  return out.toString();
}

/**
 * "All clients" as a URL: the plain list chosen on purpose. A bare `/clients` opens the user's
 * default saved view instead (resolved on the server, app/(app)/clients/page.tsx); this marker is
 * ignored by `parseListParams` and dropped by the next change of the view.
 */
export const ALL_CLIENTS_QUERY = "view=all";

/** The query string a saved view keeps: the view state without the page (a view is not a place in it). */
export function viewQuery(p: ListParams): string {
  return serializeListParams({ ...p, page: 1 });
}

/** A stored view's query in the form `viewQuery` writes, so views compare by what they show. */
export function normalizeViewQuery(query: string): string {
  return viewQuery(parseListParams(new URLSearchParams(query)));
}

/** The list's URL for a view's query; the empty view is "All clients". */
export function listHref(pathname: string, query: string): string {
  return `${pathname}?${query || ALL_CLIENTS_QUERY}`;
}

/** Whether a request for the list carries no view state at all (then the default view applies). */
export function isBareRequest(record: Record<string, string | string[] | undefined>): boolean {
  return Object.keys(record).length === 0;
}

/** The `clients.list` input for a view. Same object on server and client, so the prefetched query is reused. */
export function toListInput(p: ListParams): ClientListInput {
  return {
    page: p.page,
    pageSize: PAGE_SIZE,
    sort: p.sort,
    dir: p.dir,
    ...(p.status.length ? { status: p.status } : {}),
    ...(p.department ? { department: p.department } : {}),
    ...(p.from ? { admittedFrom: p.from } : {}),
    ...(p.to ? { admittedTo: p.to } : {}),
    ...(p.q ? { search: p.q } : {}),
  };
}

export function activeFilterCount(p: ListParams): number {
  return (p.status.length ? 1 : 0) + (p.department ? 1 : 0) + (p.from || p.to ? 1 : 0);
}

/** Next.js page `searchParams` → URLSearchParams (repeated keys keep their first value). */
export function fromPageSearchParams(record: Record<string, string | string[] | undefined>): URLSearchParams {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(record)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) out.set(key, first);
  }
  return out;
}
