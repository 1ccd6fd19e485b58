"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { inputClasses, labelClasses } from "~/components/ui/field";
import { toast } from "~/components/ui/toast";
import { useTRPC } from "~/trpc/react";

/** CSAT: one to five stars and an optional comment; a later rating replaces the earlier one. */
export function RateTicket({ name, rating }: { name: string; rating: number | null }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [stars, setStars] = useState<number | null>(rating);
  const [comment, setComment] = useState("");
  const rate = useMutation(
    trpc.portal.rate.mutationOptions({
      onSuccess: async () => {
        toast.success("Thank you for your rating");
        await queryClient.invalidateQueries({ queryKey: trpc.portal.get.queryKey({ name }) });
      },
      onError: (error) => toast.error(error.message),
    }),
  );
  return (
    <section aria-labelledby="rate-heading" className="mt-6 rounded-lg border border-line bg-surface p-4">
      <h2 id="rate-heading" className="text-base font-semibold text-fg">{rating ? `You rated this ${rating} out of 5` : "How did we do?"}</h2>
      <fieldset className="mt-2">
        <legend className="sr-only">Rating from 1 (poor) to 5 (excellent)</legend>
        <div className="flex gap-1">
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} className="cursor-pointer">
              <input type="radio" name="stars" value={n} className="peer sr-only" checked={stars === n} onChange={() => setStars(n)} />
              <span aria-hidden="true" className={`grid size-11 place-items-center rounded-md border text-xl peer-focus-visible:outline-2 peer-focus-visible:outline-accent ${stars !== null && n <= stars ? "border-accent bg-accent-soft text-accent" : "border-line text-muted"}`}>★</span>
              <span className="sr-only">{n} out of 5</span>
            </label>
          ))}
        </div>
      </fieldset>
      <label htmlFor="rating-comment" className={`${labelClasses} mt-3`}>Comment <span className="font-normal text-muted">(optional)</span></label>
      <textarea id="rating-comment" rows={2} className={inputClasses} value={comment} onChange={(e) => setComment(e.target.value)} />
      <div className="mt-2 flex justify-end">
        <Button variant="primary" disabled={stars === null || rate.isPending} onClick={() => stars && rate.mutate({ ticket: name, rating: stars, comment: comment || undefined })}>
          {rating ? "Update rating" : "Send rating"}
        </Button>
      </div>
    </section>
  );
}
