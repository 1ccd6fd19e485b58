import type { RouterInputs } from "@orchestrator/modules";
import type { ListSpec, SortDirection } from "./list-spec";

/**
 * A CRM list's view state ⇄ URL query string (the URL is the single source of truth: a view can be
 * bookmarked, shared or saved). Defaults are left out; anything invalid in a hand-edited URL falls
 * back to the default.
 *
 *   /crm/leads?q=bay&status=New&team=East%20Coast&group=status&sort=lead_name&dir=asc&cols=status%2Cteam&page=2
 *
 * `cols` lists the optional columns shown (the first column always is), in any order; absent: the
 * list's default set; empty: none.
 */
export type ListInput = RouterInputs["crm"]["leads"]["list"];
export type GroupsInput = RouterInputs["crm"]["leads"]["groups"];
export type ExportInput = RouterInputs["crm"]["exportCsv"];

export const PAGE_SIZE = 20;

export interface CrmListParams {
  page: number;
  sort: string;
  dir: SortDirection;
  q: string | undefined;
  /** By filter key. */
  filters: Readonly<Record<string, string | undefined>>;
  /** A group key, or none. */
  group: string | undefined;
  /** Optional column ids shown, in the list's column order. */
  cols: readonly string[];
}

const short = (value: string | null) => value?.trim().slice(0, 140) || undefined;
const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined => values.find((v) => v === value);
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/** The sort's natural first direction: A–Z for text, newest / highest first otherwise. */
export function firstDirection(spec: ListSpec, sort: string): SortDirection {
  return spec.sorts.find((s) => s.field === sort)?.kind === "text" ? "asc" : "desc";
}

/** Column ids in the list's order, known ones only, each once. */
export function canonicalColumns(spec: ListSpec, ids: readonly string[]): string[] {
  return spec.columns.map((c) => c.id).filter((id) => ids.includes(id));
}

function parseColumns(spec: ListSpec, raw: string | null): string[] {
  if (raw === null) return [...spec.defaultColumns];
  const ids = raw.split(",").map((s) => s.trim()).filter(Boolean);
  const known = canonicalColumns(spec, ids);
  // A hand-edited `cols=nonsense` falls back to the default; `cols=` shows the first column only.
  return ids.length && !known.length ? [...spec.defaultColumns] : known;
}

export function parseListParams(spec: ListSpec, search: URLSearchParams): CrmListParams {
  const page = Number.parseInt(search.get("page") ?? "", 10);
  const sort = oneOf(spec.sorts.map((s) => s.field), search.get("sort"));
  return {
    page: Number.isFinite(page) && page >= 1 && page <= 10_000 ? page : 1,
    sort: sort ?? spec.defaultSort.sort,
    dir: oneOf(["asc", "desc"] as const, search.get("dir")) ?? (sort ? firstDirection(spec, sort) : spec.defaultSort.dir),
    q: short(search.get("q")),
    filters: Object.fromEntries(spec.filters.map((f) => [f.key, short(search.get(f.key))])),
    group: oneOf(spec.groups.map((g) => g.key), search.get("group")),
    cols: parseColumns(spec, search.get("cols")),
  };
}

export function serializeListParams(spec: ListSpec, p: CrmListParams): string {
  const out = new URLSearchParams();
  if (p.q) out.set("q", p.q);
  for (const f of spec.filters) {
    const value = p.filters[f.key];
    if (value) out.set(f.key, value);
  }
  if (p.group) out.set("group", p.group);
  if (p.sort !== spec.defaultSort.sort || p.dir !== spec.defaultSort.dir) {
    out.set("sort", p.sort);
    out.set("dir", p.dir);
  }
  const cols = canonicalColumns(spec, p.cols);
  if (!sameList(cols, spec.defaultColumns)) out.set("cols", cols.join(","));
  if (p.page > 1) out.set("page", String(p.page));
  return out.toString();
}

/** "All leads" on purpose: a bare list URL opens the user's default saved view instead. */
export const ALL_QUERY = "view=all";
export const viewQuery = (spec: ListSpec, p: CrmListParams) => serializeListParams(spec, { ...p, page: 1 });
export const normalizeViewQuery = (spec: ListSpec, query: string) => viewQuery(spec, parseListParams(spec, new URLSearchParams(query)));
export const listHref = (pathname: string, query: string) => `${pathname}?${query || ALL_QUERY}`;

export const groupOf = (spec: ListSpec, p: CrmListParams) => spec.groups.find((g) => g.key === p.group);
export const activeFilterCount = (spec: ListSpec, p: CrmListParams) => spec.filters.filter((f) => p.filters[f.key]).length;

function filtersOf(spec: ListSpec, p: CrmListParams): { field: string; value: string }[] {
  return spec.filters.flatMap((f) => {
    const value = p.filters[f.key];
    return value ? [{ field: f.field, value }] : [];
  });
}

/** The rows' order: a grouped view sorts by its group first (as the server does), then by the sort. */
export function orderOf(spec: ListSpec, p: CrmListParams): { field: string; direction: SortDirection }[] {
  const group = groupOf(spec, p);
  if (!group) return [{ field: p.sort, direction: p.dir }];
  return [{ field: group.field, direction: "asc" }, p.sort === group.field ? { field: "modified", direction: "desc" } : { field: p.sort, direction: p.dir }];
}

/** The `crm.<list>.list` input: the same object on server and client, so the prefetch is reused. */
export function toListInput(spec: ListSpec, p: CrmListParams): ListInput {
  const filters = filtersOf(spec, p);
  const group = groupOf(spec, p);
  return { page: p.page, pageSize: PAGE_SIZE, sort: { field: p.sort, direction: p.dir }, ...(filters.length ? { filters } : {}), ...(p.q ? { search: p.q } : {}), ...(group ? { groupBy: group.field } : {}) };
}

/** The `crm.<list>.groups` input of a grouped view (the same filters and search as the list); none when not grouped. */
export function toGroupsInput(spec: ListSpec, p: CrmListParams): GroupsInput | undefined {
  const group = groupOf(spec, p);
  if (!group) return undefined;
  const filters = filtersOf(spec, p);
  return { field: group.field, ...(filters.length ? { filters } : {}), ...(p.q ? { search: p.q } : {}) };
}

/** The `crm.exportCsv` input of exactly this view: its filters, search, order and columns. */
export function toExportInput(spec: ListSpec, p: CrmListParams): ExportInput {
  const filters = filtersOf(spec, p).map((f) => ({ ...f, operator: "=" as const }));
  const columns = [spec.primary, ...spec.columns.filter((c) => p.cols.includes(c.id))];
  return { doctype: spec.doctype, fields: [...new Set(columns.flatMap((c) => c.export))], ...(filters.length ? { filters } : {}), ...(p.q ? { search: p.q } : {}), orderBy: orderOf(spec, p) };
}

export function sortLabel(spec: ListSpec, sort: string, dir: SortDirection): string {
  const s = spec.sorts.find((x) => x.field === sort);
  const words = s?.kind === "text" ? (dir === "asc" ? "A–Z" : "Z–A") : s?.kind === "number" ? (dir === "asc" ? "lowest first" : "highest first") : dir === "asc" ? "oldest first" : "newest first";
  return `${s?.label ?? sort}, ${words}`;
}

/** The view in words, for "Save current view". */
export function describeListParams(spec: ListSpec, p: CrmListParams): string {
  const parts: string[] = [];
  if (p.q) parts.push(`matching “${p.q}”`);
  for (const f of spec.filters) if (p.filters[f.key]) parts.push(`${f.label.toLowerCase()} ${p.filters[f.key]}`);
  const group = groupOf(spec, p);
  const what = parts.length ? `${spec.many.charAt(0).toUpperCase()}${spec.many.slice(1)} with ${parts.join(", ")}` : `All ${spec.many}`;
  const cols = canonicalColumns(spec, p.cols);
  const columns = sameList(cols, spec.defaultColumns) ? "" : `; columns: ${cols.length ? spec.columns.filter((c) => cols.includes(c.id)).map((c) => c.label).join(", ") : "none besides the first"}`;
  return `${what}${group ? `, grouped by ${group.label.toLowerCase()}` : ""}; sorted by ${sortLabel(spec, p.sort, p.dir).toLowerCase()}${columns}.`;
}
