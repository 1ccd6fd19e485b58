"use client";

import type { RouterInputs } from "@orchestrator/modules";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "~/components/ui/toast";
import { errorDetails } from "~/trpc/error-code";
import { useTRPC } from "~/trpc/react";
import { text } from "../format";
import { moveOnBoard, type Board } from "./board-data";
import type { BoardInput } from "./board-input";

export type MoveInput = RouterInputs["crm"]["moveDeal"];

/**
 * Moves a deal to a stage, optimistically on the board (`input`: the board as shown): the card changes
 * column at once, with both columns' counts and values, and goes back (with a toast) if the server
 * refuses. A refusal on `lost_reason` is left to the caller's dialog.
 */
export function useMoveDeal(input: BoardInput) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const boardKey = trpc.crm.board.queryKey(input);
  return useMutation(trpc.crm.moveDeal.mutationOptions({
    onMutate: async (move) => {
      await queryClient.cancelQueries({ queryKey: boardKey });
      const before = queryClient.getQueryData<Board>(boardKey);
      if (before) queryClient.setQueryData<Board>(boardKey, moveOnBoard(before, move.name, move.stage));
      return { before };
    },
    onError: (error, move, context) => {
      if (context?.before) queryClient.setQueryData(boardKey, context.before);
      const { fieldErrors, message } = errorDetails(error);
      if (!fieldErrors.some((f) => f.field === "lost_reason")) toast.error(`${move.name} was not moved`, { description: fieldErrors[0]?.message ?? message });
    },
    onSuccess: (doc) => {
      // The moved row's new `modified` at once, so a next move right after this one is not a stale write.
      const now = queryClient.getQueryData<Board>(boardKey);
      if (now) queryClient.setQueryData<Board>(boardKey, moveOnBoard(now, text(doc.name), text(doc.status), doc));
      toast.success(`${text(doc.name)} moved to ${text(doc.status)}`);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.crm.pathKey() }),
  }));
}
