import { z } from "zod";
import { createTRPCRouter } from "../../trpc/init";
import { protectedProcedure } from "../../trpc/procedures";
import { createArticle, getArticle, listArticles, setArticleStatus, suggestArticles, updateArticle } from "./articles";
import { createCategory, deleteCategory, listCategories, updateCategory } from "./categories";
import { voteArticle } from "./feedback";
import { createReply, deleteReply, listReplies, listTeamNames, toReplyRow, updateReply } from "./replies";
import * as schema from "./schemas";

/**
 * The knowledge base (`HD Article`, `HD Article Category`) and saved replies (`HD Canned Response`).
 * Thin: every procedure is a service call on the caller's ScopedDb, so portal contacts get the same
 * procedures with their catalogue scope (published articles, no saved replies, no writes).
 */
export const kbRouter = createTRPCRouter({
  list: protectedProcedure.input(schema.articleListInput).output(schema.articleListOutput).query(({ ctx, input }) => listArticles(ctx.scoped, input)),

  get: protectedProcedure.input(schema.articleGetInput).output(schema.articleGetOutput).query(({ ctx, input }) => getArticle(ctx.scoped, input.name, input.countView)),

  create: protectedProcedure.input(schema.articleCreateInput).output(schema.articleDoc).mutation(({ ctx, input }) => createArticle(ctx.scoped, input)),

  update: protectedProcedure
    .input(schema.articleUpdateInput)
    .output(schema.articleDoc)
    .mutation(({ ctx, input: { name, modified, ...changes } }) => updateArticle(ctx.scoped, name, changes, modified)),

  publish: protectedProcedure.input(schema.articleStatusInput).output(schema.articleDoc).mutation(({ ctx, input }) => setArticleStatus(ctx.scoped, input.name, "Published", input.modified)),

  unpublish: protectedProcedure.input(schema.articleStatusInput).output(schema.articleDoc).mutation(({ ctx, input }) => setArticleStatus(ctx.scoped, input.name, "Draft", input.modified)),

  archive: protectedProcedure.input(schema.articleStatusInput).output(schema.articleDoc).mutation(({ ctx, input }) => setArticleStatus(ctx.scoped, input.name, "Archived", input.modified)),

  /** Published articles for a ticket being written (agent composer, portal new-ticket form). */
  suggest: protectedProcedure.input(schema.suggestInput).output(schema.suggestOutput).query(({ ctx, input }) => suggestArticles(ctx.scoped, input.text, input.limit)),

  feedback: protectedProcedure.input(schema.feedbackInput).output(schema.feedbackOutput).mutation(({ ctx, input }) => voteArticle(ctx.scoped, input.name, input.helpful)),

  categories: protectedProcedure.output(schema.categoryRow.array()).query(({ ctx }) => listCategories(ctx.scoped)),

  createCategory: protectedProcedure.input(schema.categoryCreateInput).output(schema.categoryDoc).mutation(({ ctx, input }) => createCategory(ctx.scoped, input)),

  updateCategory: protectedProcedure
    .input(schema.categoryUpdateInput)
    .output(schema.categoryDoc)
    .mutation(({ ctx, input: { name, modified, ...changes } }) => updateCategory(ctx.scoped, name, changes, modified)),

  deleteCategory: protectedProcedure.input(schema.deleteInput).output(schema.okOutput).mutation(async ({ ctx, input }) => {
    await deleteCategory(ctx.scoped, input.name);
    return { ok: true as const };
  }),

  replies: protectedProcedure.input(schema.replyListInput).output(schema.replyRow.array()).query(({ ctx, input }) => listReplies(ctx.scoped, input)),

  createReply: protectedProcedure.input(schema.replyCreateInput).output(schema.replyRow).mutation(async ({ ctx, input }) => toReplyRow(await createReply(ctx.scoped, input))),

  updateReply: protectedProcedure
    .input(schema.replyUpdateInput)
    .output(schema.replyRow)
    .mutation(async ({ ctx, input: { name, modified, ...changes } }) => toReplyRow(await updateReply(ctx.scoped, name, changes, modified))),

  teams: protectedProcedure.output(z.array(z.string())).query(({ ctx }) => listTeamNames(ctx.scoped)),

  deleteReply: protectedProcedure.input(schema.deleteInput).output(schema.okOutput).mutation(async ({ ctx, input }) => {
    await deleteReply(ctx.scoped, input.name);
    return { ok: true as const };
  }),
});
