import type { RouterInputs } from "@orchestrator/modules";

/**
 * The article list's view state ⇄ URL query string (the URL is the source of truth: a view can be
 * shared; defaults are left out). Anything invalid in a hand-edited URL falls back to the default.
 *
 *   /helpdesk/kb?q=password&category=…&status=Published,Draft&sort=views&page=2
 */
export type ArticleListInput = RouterInputs["kb"]["list"];
export type ArticleStatus = NonNullable<ArticleListInput["status"]>[number];
export type ArticleSort = NonNullable<ArticleListInput["sort"]>;

export const PAGE_SIZE = 20;
export const ARTICLE_STATUSES = ["Draft", "Published", "Archived"] as const satisfies readonly ArticleStatus[];
export const SORTS = ["relevance", "modified", "published_on", "title", "views", "helpful"] as const satisfies readonly ArticleSort[];
export const SORT_LABELS: Record<ArticleSort, string> = { relevance: "Best match", modified: "Recently changed", published_on: "Recently published", title: "Title", views: "Most viewed", helpful: "Most helpful" };
const _allSorts: Exclude<ArticleSort, (typeof SORTS)[number]> extends never ? true : false = true;
const _allStatuses: Exclude<ArticleStatus, (typeof ARTICLE_STATUSES)[number]> extends never ? true : false = true;

export interface KbParams {
  q: string | undefined;
  category: string | undefined;
  status: ArticleStatus[];
  sort: ArticleSort;
  page: number;
}

const oneOf = <T extends string>(values: readonly T[], value: string | null | undefined): T | undefined => values.find((v) => v === value);

export function parseKbParams(search: URLSearchParams): KbParams {
  const page = Number.parseInt(search.get("page") ?? "", 10);
  const statuses = (search.get("status") ?? "").split(",").map((s) => s.trim());
  return {
    q: search.get("q")?.trim().slice(0, 200) || undefined,
    category: search.get("category")?.trim().slice(0, 140) || undefined,
    status: ARTICLE_STATUSES.filter((s) => statuses.includes(s)),
    sort: oneOf(SORTS, search.get("sort")) ?? "relevance",
    page: Number.isFinite(page) && page >= 1 ? page : 1,
  };
}

export function serializeKbParams(p: KbParams): string {
  const out = new URLSearchParams();
  if (p.q) out.set("q", p.q);
  if (p.category) out.set("category", p.category);
  if (p.status.length) out.set("status", p.status.join(","));
  if (p.sort !== "relevance") out.set("sort", p.sort);
  if (p.page > 1) out.set("page", String(p.page));
  return out.toString();
}

/** The `kb.list` input for a view; the same object on server and client, so the prefetch is reused. */
export function toKbListInput(p: KbParams): ArticleListInput {
  return { page: p.page, pageSize: PAGE_SIZE, sort: p.sort, ...(p.q ? { search: p.q } : {}), ...(p.category ? { category: p.category } : {}), ...(p.status.length ? { status: p.status } : {}) };
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

/** Where an article is read and edited by staff. */
export const articleHref = (name: string, edit = false) => `/helpdesk/kb/${encodeURIComponent(name)}${edit ? "?edit=1" : ""}`;

/** `kb.get` input of the read view: it counts a view (once: that query never refetches by itself). */
export const articleViewInput = (name: string) => ({ name, countView: true });
/** `kb.get` input of the editor: opening an article to edit it is not a read to count. */
export const articleEditInput = (name: string) => ({ name, countView: false });
