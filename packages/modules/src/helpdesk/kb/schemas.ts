import { z } from "zod";
import { articleStatuses } from "@orchestrator/db/schema";

/** zod input and output schemas of the `kb` router. Document bodies are checked field by field by the data layer too. */

const name = z.string().min(1).max(140);
const modified = z.string().min(1).max(40);
export const articleSorts = ["relevance", "modified", "published_on", "title", "views", "helpful"] as const;

export const articleListInput = z.object({
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
  search: z.string().trim().max(200).optional(),
  category: name.optional(),
  status: z.array(z.enum(articleStatuses)).max(3).optional(),
  /** `relevance` applies to a search; without one it falls back to `modified`. */
  sort: z.enum(articleSorts).default("relevance"),
});
export type ArticleListInput = z.infer<typeof articleListInput>;

export const articleListRow = z.object({
  name: z.string(),
  title: z.string(),
  category: z.string().nullable(),
  status: z.enum(articleStatuses),
  excerpt: z.string(),
  published_on: z.string().nullable(),
  modified: z.string(),
  helpful_count: z.number(),
  not_helpful_count: z.number(),
  views: z.number(),
  /** Absent for portal contacts (a staff login). */
  author: z.string().nullable().optional(),
});
export type ArticleListRow = z.infer<typeof articleListRow>;

export const articleListOutput = z.object({ rows: z.array(articleListRow), total: z.number(), page: z.number(), pageSize: z.number() });

export const articleDoc = z
  .object({
    name: z.string(),
    title: z.string(),
    category: z.string().nullable(),
    content: z.string(),
    status: z.enum(articleStatuses),
    author: z.string().nullable().optional(),
    published_on: z.string().nullable(),
    helpful_count: z.number(),
    not_helpful_count: z.number(),
    views: z.number(),
    creation: z.string(),
    modified: z.string(),
    owner: z.string().optional(),
    modified_by: z.string().optional(),
  })
  .passthrough();
export type ArticleDoc = z.infer<typeof articleDoc>;

export const articleGetInput = z.object({ name, countView: z.boolean().default(true) });
/** The article and the caller's own vote (null: not voted). */
export const articleGetOutput = z.object({ article: articleDoc, myVote: z.boolean().nullable() });

const title = z.string().max(255);
const content = z.string().max(60_000);
export const articleCreateInput = z.object({ title, category: name.nullable().optional(), content: content.optional() });
export const articleUpdateInput = z.object({ name, modified, title: title.optional(), category: name.nullable().optional(), content: content.optional() });
export const articleStatusInput = z.object({ name, modified: modified.optional() });

export const suggestInput = z.object({ text: z.string().max(20_000), limit: z.number().int().min(1).max(10).default(5) });
export const suggestion = z.object({ name: z.string(), title: z.string(), category: z.string().nullable(), excerpt: z.string() });
export const suggestOutput = z.array(suggestion);
export type Suggestion = z.infer<typeof suggestion>;

export const feedbackInput = z.object({ name, helpful: z.boolean() });
export const feedbackOutput = z.object({ helpful_count: z.number(), not_helpful_count: z.number(), myVote: z.boolean() });

export const categoryRow = z.object({ name: z.string(), category_name: z.string(), description: z.string().nullable(), sort_order: z.number(), modified: z.string(), articles: z.number() });
export type CategoryRow = z.infer<typeof categoryRow>;
export const categoryDoc = categoryRow.omit({ articles: true }).passthrough();
export type CategoryDoc = z.infer<typeof categoryDoc>;
export const categoryCreateInput = z.object({ category_name: z.string().max(140), description: z.string().max(2000).nullable().optional(), sort_order: z.number().int().min(-1_000_000).max(1_000_000).optional() });
export const categoryUpdateInput = categoryCreateInput.partial().extend({ name, modified });

export const replyRow = z.object({ name: z.string(), title: z.string(), message: z.string(), teams: z.array(z.string()), modified: z.string() });
export type ReplyRow = z.infer<typeof replyRow>;
export const replyListInput = z.object({ team: name.optional(), search: z.string().trim().max(140).optional() });
export const replyCreateInput = z.object({ title: z.string().max(140), message: z.string().max(60_000), teams: z.array(name).max(100).default([]) });
export const replyUpdateInput = replyCreateInput.partial().extend({ name, modified });

export const deleteInput = z.object({ name });
export const okOutput = z.object({ ok: z.literal(true) });
