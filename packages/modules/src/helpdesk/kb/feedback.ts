import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { hdArticleFeedback as f, hdArticles as a } from "@orchestrator/db/schema";
import { AppError, nextTimestamp, type ScopedDb } from "@orchestrator/db";
import { ARTICLE } from "./articles";

export interface FeedbackResult {
  helpful_count: number;
  not_helpful_count: number;
  myVote: boolean;
}

/**
 * Helpful / not helpful: one vote per user (portal contacts included) per published article they
 * can read. A repeated vote changes nothing; a changed vote moves one count from one side to the
 * other. One transaction, serialised per article by a lock on the article row (taken by the scoped
 * `get`, which also refuses an article out of the caller's scope), and the counts move by set-based
 * `UPDATE … SET n = n + 1`, never by writing back a value read earlier, so concurrent voters never
 * lose each other's votes. Votes are bookkeeping rows, not documents: they do not touch the
 * article's `modified` (an editor's save never conflicts with a reader's vote) nor its audit trail.
 */
export function voteArticle(scoped: ScopedDb, name: string, helpful: boolean): Promise<FeedbackResult> {
  return scoped.transaction(async (tx) => {
    const article = await tx.get(ARTICLE, name, { forUpdate: true });
    if (article.status !== "Published") throw AppError.validation([{ field: "status", message: "Only published articles take feedback" }]);
    const exec = tx.bookkeepingExecutor();
    const user = tx.principal.user;
    const mine = and(eq(f.article, name), eq(f.user, user));
    const [previous] = await exec.select({ helpful: f.helpful }).from(f).where(mine).limit(1).for("update");
    const now = nextTimestamp();
    let delta = { helpful: 0, notHelpful: 0 };
    if (!previous) {
      await exec.insert(f).values({ name: randomUUID(), article: name, user, helpful, creation: now, modified: now, owner: user, modifiedBy: user });
      delta = helpful ? { helpful: 1, notHelpful: 0 } : { helpful: 0, notHelpful: 1 };
    } else if (Boolean(previous.helpful) !== helpful) {
      await exec.update(f).set({ helpful, modified: now, modifiedBy: user }).where(mine);
      delta = helpful ? { helpful: 1, notHelpful: -1 } : { helpful: -1, notHelpful: 1 };
    }
    if (delta.helpful || delta.notHelpful) {
      await exec
        .update(a)
        .set({ helpfulCount: sql`GREATEST(${a.helpfulCount} + ${delta.helpful}, 0)`, notHelpfulCount: sql`GREATEST(${a.notHelpfulCount} + ${delta.notHelpful}, 0)` })
        .where(eq(a.name, name));
    }
    const [counts] = await exec.select({ helpful_count: a.helpfulCount, not_helpful_count: a.notHelpfulCount }).from(a).where(eq(a.name, name));
    return { helpful_count: Number(counts?.helpful_count ?? 0), not_helpful_count: Number(counts?.not_helpful_count ?? 0), myVote: helpful };
  });
}
