"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button } from "~/components/ui/button";
import { cx } from "~/components/ui/cx";
import { toast } from "~/components/ui/toast";
import { errorDetails } from "~/trpc/error-code";
import { useTRPC } from "~/trpc/react";

/**
 * "Was this helpful?" — one vote per reader, changeable; the counts come back from the server (which
 * keeps them exact under concurrent votes) and update the cached article.
 */
export function ArticleFeedback({ name, myVote, helpful, notHelpful }: { name: string; myVote: boolean | null; helpful: number; notHelpful: number }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const vote = useMutation(
    trpc.kb.feedback.mutationOptions({
      onSuccess: (result) => {
        // Both cached variants of the article (read view and editor) take the new counts.
        queryClient.setQueriesData<{ article: Record<string, unknown>; myVote: boolean | null }>({ queryKey: trpc.kb.get.queryKey({ name }) }, (old) =>
          old ? { ...old, myVote: result.myVote, article: { ...old.article, helpful_count: result.helpful_count, not_helpful_count: result.not_helpful_count } } : old,
        );
      },
      onError: (error) => toast.error(errorDetails(error).message),
    }),
  );
  const option = (value: boolean, label: string, count: number) => (
    <Button aria-pressed={myVote === value} disabled={vote.isPending} onClick={() => vote.mutate({ name, helpful: value })} className={cx(myVote === value && "border-accent bg-accent-soft")}>
      {label}
      <span className="text-muted tabular-nums">
        <span className="sr-only">(</span>
        {count}
        <span className="sr-only"> votes)</span>
      </span>
    </Button>
  );
  return (
    <section aria-labelledby={`feedback-${name}`} className="mt-6 flex flex-col gap-3 border-t border-line pt-4 sm:flex-row sm:items-center">
      <h2 id={`feedback-${name}`} className="text-sm font-medium">
        Was this article helpful?
      </h2>
      <div className="flex gap-2">
        {option(true, "Yes", helpful)}
        {option(false, "No", notHelpful)}
      </div>
      {/* Said in words too (not only by the pressed button), and announced. */}
      <p role="status" className="text-sm text-muted">
        {myVote === null ? "" : vote.isSuccess ? "Thanks for your feedback. You can change your answer." : "You can change your answer."}
      </p>
    </section>
  );
}
