import { boolean, index, int, mysqlEnum, mysqlTable, text, uniqueIndex, varchar, json } from "drizzle-orm/mysql-core";
import { link, nameKey, timestamps } from "./columns";

/**
 * The helpdesk knowledge base and saved replies (issue 5 item 5): `HD Article Category`, `HD Article`
 * (Markdown, draft or published; a FULLTEXT index on title + content, added in the migration, backs
 * search and suggestions), helpful / not helpful feedback (one vote per user or portal contact), and
 * `HD Canned Response` (saved replies, per team).
 */

export const articleStatuses = ["Draft", "Published", "Archived"] as const;

export const hdArticleCategories = mysqlTable("hd_article_categories", {
  name: nameKey(),
  categoryName: varchar("category_name", { length: 140 }).notNull(),
  description: text("description"),
  sortOrder: int("sort_order").notNull().default(0),
  ...timestamps(),
});

export const hdArticles = mysqlTable(
  "hd_articles",
  {
    name: nameKey(),
    title: varchar("title", { length: 255 }).notNull(),
    category: link("category"),
    /** Markdown. */
    content: text("content").notNull(),
    status: mysqlEnum("status", articleStatuses).notNull().default("Draft"),
    author: link("author"),
    publishedOn: varchar("published_on", { length: 32 }),
    helpfulCount: int("helpful_count").notNull().default(0),
    notHelpfulCount: int("not_helpful_count").notNull().default(0),
    views: int("views").notNull().default(0),
    ...timestamps(),
  },
  (t) => [index("hd_articles_status_category_idx").on(t.status, t.category)],
);

/** One vote per article per user; changing it moves the article's counts. */
export const hdArticleFeedback = mysqlTable(
  "hd_article_feedback",
  {
    name: nameKey(),
    article: link("article").notNull(),
    user: link("user").notNull(),
    helpful: boolean("helpful").notNull(),
    ...timestamps(),
  },
  (t) => [uniqueIndex("hd_article_feedback_article_user_uq").on(t.article, t.user)],
);

/** `HD Canned Response`: a saved reply; `teams` empty = every team. */
export const hdCannedResponses = mysqlTable("hd_canned_responses", {
  name: nameKey(),
  title: varchar("title", { length: 140 }).notNull(),
  message: text("message").notNull(),
  teams: json("teams"),
  ...timestamps(),
});
