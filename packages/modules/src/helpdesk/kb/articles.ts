import { and, asc, count, desc, eq, inArray, like, sql, type SQL } from "drizzle-orm";
import { hdArticleFeedback, hdArticles as a } from "@orchestrator/db/schema";
import { isCustomerScoped, type Doc, type ScopedDb } from "@orchestrator/db";
import { allWordsQuery, anyWordQuery, plainExcerpt } from "./fulltext";
import type { ArticleDoc, ArticleListInput, ArticleListRow, Suggestion } from "./schemas";

export const ARTICLE = "HD Article";
type Status = ArticleListRow["status"];

/** Relevance of a row for a boolean-mode query; as a WHERE predicate it is "matches" (served by the FULLTEXT index). */
const match = (query: string): SQL<number> => sql<number>`MATCH(${a.title}, ${a.content}) AGAINST (${query} IN BOOLEAN MODE)`;

/** The start of the Markdown only: lists never carry whole articles. */
const head = () => sql<string>`LEFT(${a.content}, 600)`.as("head");

/** `LIKE` pattern matching `text` literally anywhere. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const orderFor: Record<Exclude<ArticleListInput["sort"], "relevance">, SQL[]> = {
  modified: [desc(a.modified)],
  published_on: [sql`${a.publishedOn} IS NULL`, desc(a.publishedOn)],
  title: [asc(a.title)],
  views: [desc(a.views)],
  helpful: [desc(a.helpfulCount), asc(a.notHelpfulCount)],
};

/** The stored document in the router's shape (the router's output schema checks it at run time). */
const asArticle = (doc: Doc): ArticleDoc => doc as unknown as ArticleDoc;

type HeadRow = Omit<ArticleListRow, "excerpt"> & { head: string };

/**
 * The article list: filters, and a search through the FULLTEXT index (every word, as a prefix,
 * ranked by relevance) — all through the scoped layer, so a portal contact's rows are the
 * published ones whatever the filters say. Words too short for the index fall back to a title match.
 */
export async function listArticles(scoped: ScopedDb, input: ArticleListInput): Promise<{ rows: ArticleListRow[]; total: number; page: number; pageSize: number }> {
  const conditions: SQL[] = [];
  if (input.category) conditions.push(eq(a.category, input.category));
  if (input.status?.length) conditions.push(inArray(a.status, input.status));
  const search = input.search?.trim() ?? "";
  const query = allWordsQuery(search);
  const score = query ? match(query) : undefined;
  if (score) conditions.push(score);
  else if (search) conditions.push(like(a.title, containing(search)));
  const where = conditions.length ? and(...conditions) : undefined;

  const columns: Record<string, unknown> = { name: a.name, title: a.title, category: a.category, status: a.status, head: head(), published_on: a.publishedOn, modified: a.modified, helpful_count: a.helpfulCount, not_helpful_count: a.notHelpfulCount, views: a.views };
  // `author` is staff-only (`internal`): not even selected for a portal contact.
  if (!isCustomerScoped(scoped.principal, "helpdesk")) columns.author = a.author;
  const order = score && input.sort === "relevance" ? [desc(score), desc(a.modified)] : orderFor[input.sort === "relevance" ? "modified" : input.sort];

  const [rows, totals] = await Promise.all([
    scoped.selectScoped<HeadRow>(ARTICLE, columns as Parameters<ScopedDb["selectScoped"]>[1], where, { orderBy: [...order, asc(a.name)], limit: input.pageSize, offset: (input.page - 1) * input.pageSize }),
    scoped.selectScoped<{ n: number }>(ARTICLE, { n: count().as("n") }, where),
  ]);
  return { rows: rows.map(toListRow), total: Number(totals[0]?.n ?? 0), page: input.page, pageSize: input.pageSize };
}

function toListRow({ head: markdown, ...row }: HeadRow): ArticleListRow {
  return { ...row, excerpt: plainExcerpt(markdown ?? "") };
}

/**
 * One article (NOT FOUND when out of scope: a draft, for a portal contact) and the caller's vote.
 * `countView` counts a read of a published article — a set-based increment that leaves `modified`
 * alone, so a reader never causes an editor's save to conflict.
 */
export async function getArticle(scoped: ScopedDb, name: string, countView: boolean): Promise<{ article: ArticleDoc; myVote: boolean | null }> {
  const article = await scoped.get(ARTICLE, name);
  const exec = scoped.bookkeepingExecutor();
  const [vote] = await exec.select({ helpful: hdArticleFeedback.helpful }).from(hdArticleFeedback).where(and(eq(hdArticleFeedback.article, name), eq(hdArticleFeedback.user, scoped.principal.user))).limit(1);
  if (countView && article.status === "Published") {
    await exec.update(a).set({ views: sql`${a.views} + 1` }).where(eq(a.name, name));
    article.views = Number(article.views ?? 0) + 1;
  }
  return { article: asArticle(article), myVote: vote ? Boolean(vote.helpful) : null };
}

export interface ArticleInput {
  title?: string | undefined;
  category?: string | null | undefined;
  content?: string | undefined;
}

/** A new article, always a draft (the DocType's validate); publishing is its own step. */
export async function createArticle(scoped: ScopedDb, input: ArticleInput): Promise<ArticleDoc> {
  return asArticle(await scoped.insert(ARTICLE, input));
}

/** Title, category, content; a stale `modified` is a CONFLICT. */
export async function updateArticle(scoped: ScopedDb, name: string, changes: ArticleInput, modified: string): Promise<ArticleDoc> {
  return asArticle(await scoped.update(ARTICLE, name, changes, { expectedModified: modified }));
}

/** Publish (content required; stamps author and published_on), unpublish (back to Draft) or archive. */
export async function setArticleStatus(scoped: ScopedDb, name: string, status: Status, modified?: string): Promise<ArticleDoc> {
  return asArticle(await scoped.update(ARTICLE, name, { status }, { expectedModified: modified }));
}

/**
 * "While a ticket is written": the published articles most relevant to the ticket's subject and
 * description — any word may match, ranked by full-text relevance, then by helpfulness. One
 * indexed query; nothing for text without searchable words.
 */
export async function suggestArticles(scoped: ScopedDb, text: string, limit: number): Promise<Suggestion[]> {
  const query = anyWordQuery(text);
  if (!query) return [];
  const score = match(query);
  const rows = await scoped.selectScoped<{ name: string; title: string; category: string | null; head: string }>(
    ARTICLE,
    { name: a.name, title: a.title, category: a.category, head: head() },
    and(eq(a.status, "Published"), score),
    { orderBy: [desc(score), desc(a.helpfulCount), desc(a.publishedOn), asc(a.name)], limit },
  );
  return rows.map(({ head: markdown, ...row }) => ({ ...row, excerpt: plainExcerpt(markdown ?? "", 140) }));
}
